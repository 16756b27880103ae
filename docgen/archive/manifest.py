"""Turn a set folder's `manifest.json` (and its finalization marker) into checked records.

A manifest is the set's own account of itself, but it is a file on a shared drive: it can be
truncated, hand-edited or deleted. Nothing here trusts it: every key is checked for presence
and type, every path must be a plain relative name inside the set, no file may be listed
twice, and the year, cluster and revision must be the folder's own. A manifest that fails
is reported as damaged, naming the key, never skipped or guessed around.

Finalization rests on two files, not one: the manifest's `status` and a separate marker,
`finalized.json`, which also records the SHA-256 of the manifest as finalized. Either one
protects the set from being overwritten; the marker also reveals a manifest changed later.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from docgen.archive import layout as lay

MARKER = "finalized.json"
STATUSES = ("draft", "finalized")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")

# Keys every manifest must hold, with the JSON type each must have.
_TOP: dict[str, type] = {"year": int, "cluster": str, "revision": int, "status": str,
                         "workbook": dict, "files": list}
_ENTRY: dict[str, type] = {"file": str, "sha256": str, "size": int}
# Optional keys, checked when present: what `accept` records of an edited file, what a
# rebuild records of an edited copy it kept beside, what `sign` records of a signed paper.
_EDIT: dict[str, type] = {"old_sha256": str, "sha256": str, "accepted_at": str, "note": str}
_SIGNED: dict[str, type] = {"file": str, "sha256": str, "size": int, "pages": int,
                            "signed_at": str, "original": str, "document_sha256": str}
_MARKER: dict[str, type] = {"year": int, "cluster": str, "revision": int,
                            "finalized_at": str, "manifest_sha256": str}
_TYPE_WORDS = {int: "một số nguyên", str: "một chuỗi chữ", dict: "một đối tượng {…}",
               list: "một danh sách […]", bool: "true hoặc false"}


class DamagedManifest(ValueError):
    """A manifest or marker that cannot be trusted; the message names the key (Vietnamese)."""


@dataclass(frozen=True)
class Entry:
    """One file the manifest lists: its path inside the set, hash and size; for the signed
    paper of a document, the document's path (`signed_for`)."""

    file: str
    sha256: str
    size: int
    signed_for: str | None = None


@dataclass(frozen=True)
class Where:
    """The set a manifest must describe: its folder's year, cluster and revision."""

    year: int
    cluster: str
    revision: int


def read_json(path: Path) -> dict[str, Any]:
    """The JSON object in `path`; DamagedManifest when missing, unreadable or not an object.

    Duplicate keys are refused: JSON readers keep the last one silently, so a file listed
    under one name twice could otherwise hide."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DamagedManifest(f"không có tệp {path.name}.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DamagedManifest(f"không đọc được tệp {path.name}.") from exc
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except ValueError as exc:
        raise DamagedManifest(f"{path.name} không phải JSON hợp lệ ({_json_place(exc)}).") \
            from exc
    if not isinstance(value, dict):
        raise DamagedManifest(f"{path.name} phải là một đối tượng JSON {{…}}.")
    return value


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"khóa '{key}' xuất hiện hai lần")
        seen[key] = value
    return seen


def _json_place(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"dòng {exc.lineno}, cột {exc.colno}"
    return str(exc)


def entries(manifest: dict[str, Any], where: Where) -> list[Entry]:
    """Every file the manifest lists (documents, PDFs, the workbook copy), checked.

    Raise DamagedManifest naming the first key that is missing, of the wrong type, or
    holds a path that is not a plain name inside the set, or a file listed twice."""
    _require(manifest, _TOP, "")
    _check_identity(manifest, where)
    if manifest["status"] not in STATUSES:
        raise DamagedManifest(f"khóa 'status' phải là 'draft' hoặc 'finalized', không phải "
                              f"'{manifest['status']}'.")
    if "require_signed" in manifest and not isinstance(manifest["require_signed"], bool):
        raise DamagedManifest(f"khóa 'require_signed' phải là {_TYPE_WORDS[bool]}.")
    found: list[Entry] = []
    for index, raw in enumerate(manifest["files"]):
        place = f"files[{index}]"
        entry = _entry(raw, place)
        _history(raw, place)
        found.append(entry)
        if "signed" in raw:
            found.append(_signed(raw["signed"], f"{place}.signed", entry.file))
    found.append(_entry(manifest["workbook"], "workbook"))
    kept = manifest.get("kept", [])  # files docgen did not make, carried over by a rebuild
    if not isinstance(kept, list):
        raise DamagedManifest(f"khóa 'kept' phải là {_TYPE_WORDS[list]}.")
    for index, raw in enumerate(kept):
        place = f"kept[{index}]"
        found.append(_entry(raw, place))
        _history(raw, place)
        _kept_extras(raw, place)
    seen: set[str] = set()
    for entry in found:
        key = entry.file.casefold()  # Windows and macOS folders ignore case
        if key in seen or entry.file in (lay.MANIFEST, MARKER):
            raise DamagedManifest(f"tệp '{entry.file}' được liệt kê hai lần.")
        seen.add(key)
    return found


def _require(value: dict[str, Any], keys: dict[str, type], prefix: str) -> None:
    for key, kind in keys.items():
        name = f"{prefix}{key}"
        if key not in value:
            raise DamagedManifest(f"thiếu khóa '{name}'.")
        # bool is an int in Python, never a valid count or year here
        if not isinstance(value[key], kind) or isinstance(value[key], bool):
            raise DamagedManifest(f"khóa '{name}' phải là {_TYPE_WORDS[kind]}.")


def _check_identity(manifest: dict[str, Any], where: Where) -> None:
    for key, expected, word in (("year", where.year, "năm"), ("cluster", where.cluster, "cụm"),
                                ("revision", where.revision, "lần")):
        if manifest[key] != expected:
            raise DamagedManifest(f"khóa '{key}' ghi {manifest[key]!r} nhưng thư mục là của "
                                  f"{word} {expected!r}.")


def _entry(raw: object, place: str) -> Entry:
    if not isinstance(raw, dict):
        raise DamagedManifest(f"khóa '{place}' phải là {_TYPE_WORDS[dict]}.")
    _require(raw, _ENTRY, f"{place}.")
    if not _HEX64.match(raw["sha256"]):
        raise DamagedManifest(f"khóa '{place}.sha256' không phải mã SHA-256 (64 chữ số hex).")
    if raw["size"] < 0:
        raise DamagedManifest(f"khóa '{place}.size' không được âm.")
    check_relative(raw["file"], f"{place}.file")
    return Entry(raw["file"], raw["sha256"], raw["size"])


def _history(raw: dict[str, Any], place: str) -> None:
    """The optional record of edits of a file: `generated_sha256` and `edits`; and
    `rendered_sha256`, the document as rendered when the PDF step archived a tighter one."""
    for key in ("generated_sha256", "rendered_sha256"):
        if key in raw:
            _hex(raw, key, place)
    if "edits" not in raw:
        return
    if not isinstance(raw["edits"], list):
        raise DamagedManifest(f"khóa '{place}.edits' phải là {_TYPE_WORDS[list]}.")
    for index, edit in enumerate(raw["edits"]):
        where = f"{place}.edits[{index}]"
        if not isinstance(edit, dict):
            raise DamagedManifest(f"khóa '{where}' phải là {_TYPE_WORDS[dict]}.")
        _require(edit, _EDIT, f"{where}.")
        _hex(edit, "old_sha256", where)
        _hex(edit, "sha256", where)
        _time(edit, "accepted_at", where)


def _kept_extras(raw: dict[str, Any], place: str) -> None:
    """The optional keys of a kept file: an edited copy's origin and time, a signed
    paper's document once it no longer signs the set's document."""
    for key in ("edited_from", "signed_for"):
        if key in raw:
            _typed(raw, key, str, place)
            check_relative(raw[key], f"{place}.{key}")
    if "original" in raw:
        _typed(raw, "original", str, place)
    for key in ("kept_at", "signed_at"):
        if key in raw:
            _time(raw, key, place)
    if "document_sha256" in raw:
        _hex(raw, "document_sha256", place)
    if "pages" in raw:
        _typed(raw, "pages", int, place)


def _signed(raw: object, place: str, document: str) -> Entry:
    """A document's `signed` record: its signed paper, a PDF inside the set."""
    if not isinstance(raw, dict):
        raise DamagedManifest(f"khóa '{place}' phải là {_TYPE_WORDS[dict]}.")
    _require(raw, _SIGNED, f"{place}.")
    entry = _entry(raw, place)
    if not entry.file.lower().endswith(".pdf"):
        raise DamagedManifest(f"khóa '{place}.file' phải là một tệp .pdf, không phải "
                              f"'{entry.file}'.")
    if raw["pages"] < 1:
        raise DamagedManifest(f"khóa '{place}.pages' phải từ 1 trở lên.")
    _hex(raw, "document_sha256", place)
    _time(raw, "signed_at", place)
    return Entry(entry.file, entry.sha256, entry.size, document)


def _typed(raw: dict[str, Any], key: str, kind: type, place: str) -> None:
    if not isinstance(raw[key], kind) or isinstance(raw[key], bool):
        raise DamagedManifest(f"khóa '{place}.{key}' phải là {_TYPE_WORDS[kind]}.")


def _hex(raw: dict[str, Any], key: str, place: str) -> None:
    _typed(raw, key, str, place)
    if not _HEX64.match(raw[key]):
        raise DamagedManifest(f"khóa '{place}.{key}' không phải mã SHA-256 (64 chữ số hex).")


def _time(raw: dict[str, Any], key: str, place: str) -> None:
    _typed(raw, key, str, place)
    try:
        dt.datetime.fromisoformat(raw[key])
    except ValueError as exc:
        raise DamagedManifest(f"khóa '{place}.{key}' không phải thời điểm hợp lệ "
                              f"(ví dụ 2021-12-01T09:30:00+07:00): '{raw[key]}'.") from exc


def check_relative(name: str, place: str) -> None:
    """Refuse a path that is absolute, climbs out ('..'), or is not plain POSIX form."""
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    bad = (not name or "\\" in name or ":" in name or "\x00" in name
           or posix.is_absolute() or windows.is_absolute() or bool(windows.drive)
           or any(part in ("", ".", "..") for part in name.split("/")))
    if bad:
        raise DamagedManifest(f"khóa '{place}' có đường dẫn '{name}' ra ngoài thư mục bộ văn "
                              "bản hoặc không hợp lệ.")


def marker(data: dict[str, Any], where: Where) -> dict[str, Any]:
    """The finalization marker's content, checked like a manifest."""
    _require(data, _MARKER, "")
    _check_identity(data, where)
    if not _HEX64.match(data["manifest_sha256"]):
        raise DamagedManifest("khóa 'manifest_sha256' không phải mã SHA-256.")
    return data
