"""Turn the web page's requests into safe ones: who may ask, from where, with what files.

- The page answers only requests addressed to the names it was started on (a page of
  another site cannot reach it by renaming itself in DNS: the Host header is checked).
- Bound to another address than the machine's own (`--host`), it asks for an access code
  (`--ma-truy-cap`, or one made at start and printed): given once in the address or a form,
  it is kept in a cookie.
- Every form carries a code derived from the visitor's own cookie (CSRF); a form posted
  from another site (even another program on this machine) lacks it and is refused, and a
  browser's Origin and Sec-Fetch-Site headers are checked as well.
- Uploads go to a private folder of their own, removed after the request; their size is
  refused before anything is parsed, with the limits of the intake's own guards.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import re
import secrets
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from werkzeug.datastructures import FileStorage

from docgen.errors import DocgenError

SESSION_COOKIE = "docgen_phien"
ACCESS_COOKIE = "docgen_ma"
CSRF_FIELD = "csrf"
ACCESS_FIELD = "ma"


class Refused(DocgenError):
    """A request refused for safety, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def new_secret() -> str:
    """A random value for a session cookie, an access code or the server's key."""
    return secrets.token_urlsafe(24)


def csrf_token(key: str, session: str) -> str:
    """The form code of a visitor: a keyed hash of their session cookie."""
    return hmac.new(key.encode(), session.encode(), hashlib.sha256).hexdigest()


def check_host(host: str | None, allowed: set[str]) -> None:
    """Refuse a request whose Host header names another server (DNS rebinding)."""
    if not host or host.lower() not in allowed:
        raise Refused(400, "Địa chỉ trang không đúng: hãy mở trang bằng địa chỉ docgen in ra "
                      "khi khởi động.")


def check_post(*, host: str | None, origin: str | None, fetch_site: str | None,
               session: str | None, sent: str | None, key: str) -> None:
    """Refuse a form not sent by this page itself (another site's page, a forged form)."""
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        raise Refused(403, _FORGED)
    if origin is not None and urlsplit(origin).netloc.lower() != (host or "").lower():
        raise Refused(403, _FORGED)  # another origin, or "null" (a sandboxed or file page)
    if not session or not sent or not hmac.compare_digest(sent, csrf_token(key, session)):
        raise Refused(403, _FORGED)


_FORGED = ("Biểu mẫu này không gửi từ chính trang docgen (hoặc trang đã mở từ lần chạy "
           "docgen trước). Hãy về trang chủ của docgen rồi làm lại.")


def same_code(given: str | None, code: str) -> bool:
    """Whether an access code given matches, compared in constant time."""
    return given is not None and hmac.compare_digest(given.encode(), code.encode())


@contextlib.contextmanager
def private_folder(parent: Path) -> Iterator[Path]:
    """A folder only this user can read, for one request's uploads, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="yeu-cau-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def upload_name(storage: FileStorage | None, fallback: str) -> str:
    """The uploaded file's own name, reduced to a plain file name (no folder, no character
    Windows refuses), NFC; `fallback` when nothing is left."""
    raw = (storage.filename or "") if storage is not None else ""
    name = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub("_", name).strip(" .")[:150]
    return name if name and name not in (".", "..") else fallback


def save_upload(storage: FileStorage | None, folder: Path, fallback: str, what: str) -> Path:
    """Save an uploaded file into `folder` under its own (cleaned) name; refuse none."""
    if storage is None or not storage.filename:
        raise DocgenError(f"Chưa chọn {what}.")
    path = folder / upload_name(storage, fallback)
    storage.save(path)
    return path
