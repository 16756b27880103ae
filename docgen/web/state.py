"""Turn the web page's settings and what it keeps between requests into one object, and
the answers every page shares (a download, a refusal, a missing page)."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Response, render_template, send_file
from werkzeug.wrappers.response import Response as BaseResponse

from docgen import build, zipguard
from docgen.archive.signing import MAX_BYTES as MAX_PDF_BYTES
from docgen.intake import limits
from docgen.web import guard
from docgen.web.jobs import Jobs

# Uploads larger than the largest file any guard accepts (a workbook, a template-sized
# .docx, a signed PDF) are refused by the server before the request body is read; each
# kind of file is then held to its own limit by the guard that reads it.
MAX_UPLOAD = max(limits.MAX_FILE_BYTES, zipguard.DOCX.max_file_bytes, MAX_PDF_BYTES)
MAX_REQUEST = MAX_UPLOAD + 1024 * 1024  # the form's other fields and the multipart framing
MAX_LINT_FILES = 30
EDIT_POLICIES = {"stop": "Dừng lại, báo cho tôi biết", "keep": "Giữ bản đã sửa bên cạnh",
                 "replace": "Thay bằng văn bản mới (bản đã sửa sẽ mất)"}
STATUS = {"draft": "Bản nháp", "finalized": "Đã chốt", "damaged": "Hỏng danh mục tệp"}


@dataclass
class Config:
    """How the server was started: the archive, the host names it answers to, the access
    code (None on the machine's own address) and its private working folder."""

    root: Path
    hosts: set[str]
    code: str | None
    workdir: Path
    key: str = field(default_factory=guard.new_secret)
    stop: Callable[[], None] | None = None


@dataclass
class Download:
    """A file made for one visitor (a repaired workbook), kept in memory a while."""

    name: str
    data: bytes
    session: str
    made: float = field(default_factory=time.monotonic)


class State:
    """What the server keeps between requests."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.jobs = Jobs()
        # Workbooks checked by this server, by content: a check then a build, or a
        # second build, of one workbook reads it once.
        self.checks = build.CheckCache()
        self.downloads: dict[str, Download] = {}
        self.lock = threading.Lock()
        self.previews = config.workdir / "xem-truoc"
        self.previews.mkdir(exist_ok=True)
        self.uploads = config.workdir / "tai-len"
        self.uploads.mkdir(exist_ok=True)

    def keep_download(self, name: str, data: bytes, session: str) -> str:
        """Keep a file for its visitor for half an hour; return its id."""
        now = time.monotonic()
        with self.lock:
            for key in [k for k, d in self.downloads.items() if now - d.made > 1800]:
                del self.downloads[key]
            while len(self.downloads) >= 20:
                del self.downloads[next(iter(self.downloads))]
            key = guard.new_secret()
            self.downloads[key] = Download(name, data, session)
        return key


def attachment(data: bytes, name: str, mimetype: str | None = None) -> BaseResponse:
    return send_file(io.BytesIO(data), as_attachment=True, download_name=name,
                     mimetype=mimetype or "application/octet-stream", max_age=0)


def failed_page(template: str, message: str, **context: Any) -> tuple[str, int]:
    return render_template(template, error=message, **context), 400


def not_found() -> BaseResponse:
    """The page of an unknown address or file (404), from any route."""
    return Response(render_template("message.html", title="Không tìm thấy",
                                    message="Không có trang hoặc tệp này (có thể bộ văn bản "
                                    "đã được lập lại). Hãy quay lại trang chủ."),
                    status=404, mimetype="text/html")
