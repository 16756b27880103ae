"""Turn the clerk's clicks into calls of docgen's library, the same ones the CLI makes.

One page per task: the archive (home), a new workbook, checking a workbook, building the
documents, one archived set with its actions, and the Decree 30 check of any .docx. Every
verdict and message comes from the library (`docgen.build`, `docgen.archive`,
`docgen.verdicts`, `docgen.check`), so the page and the CLI say the same thing. The safety
rules are in `docgen.web.guard`; long builds run as jobs (`docgen.web.jobs`).
"""

from __future__ import annotations

import io
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, Response, g, jsonify, redirect, render_template, request, send_file
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wrappers.response import Response as BaseResponse

from docgen import archive, build, intake, pdf, preview, verdicts, zipguard
from docgen.archive import layout
from docgen.archive.sets import SetInfo, read_set, unfilled
from docgen.archive.signing import MAX_BYTES as MAX_PDF_BYTES
from docgen.check import failure_message, lint_files
from docgen.check.findings import SEVERITY_WORDS, format_finding
from docgen.check.report import PASSED
from docgen.check.rules import BY_ID
from docgen.documents.shared.chart import score_chart, svg
from docgen.errors import DocgenError, Problem, ValidationFailed
from docgen.intake import limits, yearly
from docgen.kinds import KINDS
from docgen.progress import Step
from docgen.web import guard
from docgen.web.jobs import Job, Jobs

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


def create_app(config: Config) -> Flask:
    """The web page's application (a WSGI app) over the archive `config.root`."""
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=MAX_REQUEST, TEMPLATES_AUTO_RELOAD=False,
                      MAX_FORM_PARTS=200)
    state = State(config)
    app.extensions["docgen"] = state
    _security(app, state)
    _pages(app, state)
    _archive_pages(app, state)
    _errors(app)
    return app


# --- safety -------------------------------------------------------------------------------

def _security(app: Flask, state: State) -> None:
    config = state.config

    @app.before_request
    def guard_request() -> BaseResponse | tuple[str, int] | None:
        guard.check_host(request.host, config.hosts)
        if (request.content_length or 0) > MAX_REQUEST:  # refused before any byte is parsed
            raise RequestEntityTooLarge()
        g.session = request.cookies.get(guard.SESSION_COOKIE) or ""
        g.new_session = not g.session
        if g.new_session:
            g.session = guard.new_secret()
        if request.method == "POST":
            guard.check_post(host=request.host, origin=request.headers.get("Origin"),
                             fetch_site=request.headers.get("Sec-Fetch-Site"),
                             session=None if g.new_session else g.session,
                             sent=request.form.get(guard.CSRF_FIELD), key=config.key)
        if config.code is None:
            return None
        given = request.args.get(guard.ACCESS_FIELD)
        if given is not None and guard.same_code(given, config.code):
            g.grant = True
            return redirect(request.path)
        if request.method == "POST" and request.path == "/ma-truy-cap":
            if guard.same_code(request.form.get(guard.ACCESS_FIELD), config.code):
                g.grant = True
                return redirect("/")
            return render_template("access.html", wrong=True), 401
        if not guard.same_code(request.cookies.get(guard.ACCESS_COOKIE), config.code):
            return render_template("access.html", wrong=False), 401
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        if getattr(g, "new_session", False):
            response.set_cookie(guard.SESSION_COOKIE, g.session, httponly=True,
                                samesite="Strict")
        if getattr(g, "grant", False) and config.code is not None:
            response.set_cookie(guard.ACCESS_COOKIE, config.code, httponly=True,
                                samesite="Strict")
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        # not "no-referrer": with it a browser sends "Origin: null" on every form
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.context_processor
    def form_code() -> dict[str, Any]:
        return {"csrf": guard.csrf_token(config.key, g.get("session", "")),
                "csrf_field": guard.CSRF_FIELD, "root": config.root}


def _errors(app: Flask) -> None:
    @app.errorhandler(guard.Refused)
    def refused(exc: guard.Refused) -> tuple[str, int]:
        return render_template("message.html", title="Yêu cầu bị từ chối",
                               message=str(exc)), exc.status

    @app.errorhandler(DocgenError)
    def refused_by_docgen(exc: DocgenError) -> tuple[str, int]:
        return render_template("message.html", title="Không làm được",
                               message=f"Lỗi: {exc}"), 400

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc: RequestEntityTooLarge) -> tuple[str, int]:
        return render_template(
            "message.html", title="Tệp quá lớn",
            message=f"Tệp gửi lên lớn hơn {MAX_UPLOAD // (1024 * 1024)} MB, mức docgen nhận; "
            "hãy xóa các trang, hình ảnh không cần rồi lưu lại."), 413

    @app.errorhandler(404)
    def not_found(exc: HTTPException) -> tuple[str, int]:
        return render_template("message.html", title="Không tìm thấy",
                               message="Không có trang hoặc tệp này (có thể bộ văn bản đã "
                               "được lập lại). Hãy quay lại trang chủ."), 404

    @app.errorhandler(500)
    def failed(exc: Exception) -> tuple[str, int]:
        return render_template("message.html", title="Lỗi không lường trước",
                               message="docgen gặp lỗi không lường trước khi làm việc này. "
                               "Hãy báo cho người quản trị docgen (kèm tệp đã dùng); các bộ "
                               "văn bản đã lưu không bị ảnh hưởng."), 500

    @app.errorhandler(405)
    def wrong_method(exc: HTTPException) -> tuple[str, int]:
        return render_template("message.html", title="Không làm được",
                               message="Trang này không nhận yêu cầu kiểu đó."), 405


# --- pages of their own -------------------------------------------------------------------

def _pages(app: Flask, state: State) -> None:
    config = state.config

    @app.get("/")
    def home() -> str:
        return render_template("home.html", years=_archive_years(config.root),
                               error=_archive_error(config.root))

    @app.get("/so-moi")
    def new_workbook() -> str:
        return render_template("new.html", year=time.localtime().tm_year,
                               sets=_safe_sets(config.root))

    @app.post("/so-moi/trong")
    def blank_workbook() -> BaseResponse | tuple[str, int]:
        text = request.form.get("nam", "").strip()
        try:
            year = int(text) if text else None
        except ValueError:
            return _failed("new.html", f"Lỗi: năm '{text}' không phải là số.",
                           year=text, sets=_safe_sets(config.root))
        with guard.private_folder(state.uploads) as folder:
            name = f"so-tinh-{year}.xlsx" if year else "so-tinh.xlsx"
            try:
                path = yearly.init_workbook(folder / name, year)
            except DocgenError as exc:
                return _failed("new.html", f"Lỗi: {exc}", year=text,
                               sets=_safe_sets(config.root))
            return _attachment(path.read_bytes(), name)

    @app.post("/so-moi/nam-sau")
    def next_year() -> BaseResponse | tuple[str, int]:
        info = _chosen_set(config.root, request.form.get("bo", ""))
        source = _source_workbook(info)
        if source is None:
            return _failed("new.html", "Lỗi: bộ văn bản này không còn sổ tính nguồn.",
                           year=time.localtime().tm_year, sets=_safe_sets(config.root))
        with guard.private_folder(state.uploads) as folder:
            name = f"so-tinh-{info.cluster}-{info.year + 1}.xlsx"
            try:
                yearly.rollover(source, folder / name)
            except DocgenError as exc:
                return _failed("new.html", f"Lỗi: {exc}", year=time.localtime().tm_year,
                               sets=_safe_sets(config.root))
            return _attachment((folder / name).read_bytes(), name)

    @app.get("/kiem-tra")
    def check_form() -> str:
        return render_template("check.html")

    @app.post("/kiem-tra")
    def check_workbook() -> str | tuple[str, int]:
        with guard.private_folder(state.uploads) as folder:
            try:
                path = guard.save_upload(request.files.get("so_tinh"), folder, "so-tinh.xlsx",
                                         "tệp sổ tính (.xlsx)")
            except DocgenError as exc:
                return render_template("check.html", error=f"Lỗi: {exc}"), 400
            found = _check(path)
            repaired = _repaired_copy(state, path, folder) if found["warnings"] else None
        status = 200 if found["results"] is not None else 400
        return render_template("check.html", name=path.name, repaired=repaired,
                               **found), status

    @app.get("/tai-ban-sua/<key>")
    def repaired_download(key: str) -> BaseResponse:
        item = state.downloads.get(key)
        if item is None or item.session != g.session:
            return _not_found()
        return _attachment(item.data, item.name)

    @app.get("/lap-van-ban")
    def build_form() -> str:
        return render_template("build.html", kinds=KINDS, policies=EDIT_POLICIES,
                               has_office=_has_office())

    @app.post("/lap-van-ban")
    def start_build() -> BaseResponse | tuple[str, int]:
        folder = Path(tempfile.mkdtemp(prefix="lap-", dir=state.uploads))
        try:
            path = guard.save_upload(request.files.get("so_tinh"), folder, "so-tinh.xlsx",
                                     "tệp sổ tính (.xlsx)")
        except DocgenError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            return render_template("build.html", kinds=KINDS, policies=EDIT_POLICIES,
                                   has_office=_has_office(), error=f"Lỗi: {exc}"), 400
        order = BuildOrder(
            workbook=path, only=[k for k in request.form.getlist("loai") if k] or None,
            pdf="pdf" in request.form, lint="ban_nhap" not in request.form,
            revision="lan_moi" in request.form,
            edited=request.form.get("ban_sua", "stop"),
            previews="xem_truoc" in request.form)
        job = Job(guard.new_secret(), f"Lập văn bản từ {path.name}")
        state.jobs.start(job, lambda j: run_build(state, order, j),
                         lambda: shutil.rmtree(folder, ignore_errors=True))
        return redirect(f"/viec/{job.id}", code=303)

    @app.get("/viec/<job_id>")
    def job_page(job_id: str) -> str | BaseResponse:
        job = state.jobs.get(job_id)
        if job is None:
            return _not_found()
        return render_template("job.html", job=job, result=job.result)

    @app.get("/viec/<job_id>/trang-thai")
    def job_state(job_id: str) -> BaseResponse:
        job = state.jobs.get(job_id)
        if job is None:
            return _not_found()
        return jsonify(job.state())

    @app.get("/the-thuc")
    def lint_form() -> str:
        return render_template("lint.html")

    @app.post("/the-thuc")
    def lint_documents() -> str | tuple[str, int]:
        uploads = [f for f in request.files.getlist("van_ban") if f.filename]
        if not uploads:
            return render_template("lint.html", error="Lỗi: Chưa chọn văn bản .docx nào."), 400
        if len(uploads) > MAX_LINT_FILES:
            return render_template("lint.html", error=f"Lỗi: Mỗi lần chỉ kiểm tra tối đa "
                                   f"{MAX_LINT_FILES} văn bản."), 400
        draft = "ban_nhap" in request.form
        with guard.private_folder(state.uploads) as folder:
            paths = []
            for n, upload in enumerate(uploads, 1):
                place = folder / str(n)  # two uploads of one name stay apart
                place.mkdir()
                paths.append(guard.save_upload(upload, place, "van-ban.docx", "văn bản"))
            reports = lint_files(paths, final=not draft)
        shown = [_lint_view(report, path.name) for report, path in zip(reports, paths,
                                                                        strict=True)]
        summary = failure_message(reports)
        return render_template("lint.html", reports=shown, summary=summary, draft=draft,
                               passed=PASSED[:1].upper() + PASSED[1:])

    @app.post("/tat")
    def stop() -> str:
        if config.stop is not None:
            threading.Timer(0.3, config.stop).start()
        return render_template("message.html", title="docgen đã tắt",
                               message="Trang docgen đã dừng. Có thể đóng thẻ này; muốn mở "
                               "lại, chạy docgen serve (hoặc biểu tượng docgen-trang).")


# --- checking a workbook ------------------------------------------------------------------

def _check(path: Path) -> dict[str, Any]:
    """What `docgen check` says of a workbook, for the page: the valid line and results,
    or the error with each problem's place; the warnings either way."""
    warnings: list[Problem] = []
    found: dict[str, Any] = {"problems": [], "verdict": None, "results": None}
    try:
        checked = build.check(path, warnings)
    except ValidationFailed as exc:
        found["problems"] = [_problem_row(p) for p in exc.problems]
        found["verdict"] = str(exc).splitlines()[0]
    except DocgenError as exc:
        found["verdict"] = f"Lỗi: {exc}"
    else:
        found["results"] = _results(checked)
    found["warnings"] = [f"Cảnh báo: {w}" for w in warnings]
    return found


# Where a problem's message turns from what was found to what is expected: "“32/13/2021”
# không phải là ngày hợp lệ (viết theo dạng dd/mm/yyyy)", "…; cần …", "… . Hãy …".
_EXPECTED_CUES = (" (viết theo dạng ", "; cần ", "; phải ", "; hãy ", ". Hãy ", "; yêu cầu ")


def _problem_row(problem: Problem) -> dict[str, str]:
    """A problem as the table shows it: sheet, cell, field, what is wrong and what is
    expected (the message split where it turns to what is expected, when it does; else
    the whole message under both headings). `line` is the CLI's line, word for word."""
    message = problem.message
    found, expected = message, ""
    for cue in _EXPECTED_CUES:
        if cue in message:
            found, rest = message.split(cue, 1)
            expected = (cue.lstrip(" ;.(") + rest).rstrip(".").removesuffix(")")
            expected = expected[:1].upper() + expected[1:]
            break
    return {"sheet": problem.sheet, "cell": problem.cell or "", "field": problem.field or "",
            "found": found, "expected": expected, "line": str(problem)}


def _results(checked: build.Checked) -> dict[str, Any]:
    book, outcome = checked.book, checked.outcome
    results: dict[str, Any] = {"valid": verdicts.valid_line(book), "half": None}
    if book.settings.period == "half":
        results["half"] = verdicts.half_year_line(book)
        return results
    results.update(
        ranking=verdicts.ranking_rows(outcome), ranking_headers=verdicts.RANKING_HEADERS,
        votes=verdicts.vote_rows(book, outcome), vote_headers=verdicts.VOTE_HEADERS,
        officers=verdicts.officers_line(book, outcome),
        chart=Markup(svg(score_chart(book, outcome))))  # svg() escapes every text
    return results


def _repaired_copy(state: State, path: Path, folder: Path) -> str | None:
    """A copy of the workbook with its legacy-encoded text converted (as `docgen check
    --fix` writes), kept for this visitor to download; None when nothing was converted."""
    target = folder / f"{path.stem}-da-sua.xlsx"
    try:
        repairs = intake.repair_workbook(path, target)
    except DocgenError:
        return None
    if not repairs:
        return None
    return state.keep_download(target.name, target.read_bytes(), g.session)


# --- building -----------------------------------------------------------------------------

@dataclass(frozen=True)
class BuildOrder:
    """What the clerk asked for on the build page."""

    workbook: Path
    only: list[str] | None
    pdf: bool
    lint: bool
    revision: bool
    edited: str
    previews: bool


@dataclass(frozen=True)
class BuildResult:
    """A finished build, as the job page shows it."""

    year: int
    cluster: str
    revision: int
    headline: str
    notes: list[str]
    documents: list[dict[str, Any]]
    previews_note: str | None


def run_build(state: State, order: BuildOrder, job: Job) -> BuildResult:
    """Build as `docgen build` does, reporting to the job; then draw the previews."""
    if order.edited not in EDIT_POLICIES:
        raise DocgenError("Cách xử lý văn bản đã sửa không hợp lệ.")
    repairs: list[Problem] = []
    try:
        built = build.build(order.workbook, state.config.root, order.only,
                            revision=order.revision,
                            pdf=pdf.converter(job.report) if order.pdf else None,
                            check_format=order.lint, warnings=repairs,
                            edited=order.edited,  # type: ignore[arg-type]
                            progress=job.report)
    finally:
        job.warnings = [f"Cảnh báo: {w}" for w in repairs]
    job.warnings += [f"Cảnh báo: {w}" for w in built.warnings]
    job.warnings += [f"Cảnh báo: {w}" for w in build.fill_in_lines(built.fill_ins)]
    info = read_set(built.folder)
    if info is None:  # pragma: no cover - publish has just written it
        raise DocgenError(f"Không đọc được bộ văn bản vừa lập ở {built.folder}.")
    note = None
    if order.previews:
        note = make_previews(state, info, job)
    return BuildResult(info.year, info.cluster, info.revision, verdicts.built_headline(built),
                       verdicts.built_notes(built, order.lint), _documents(state, info),
                       note)


def make_previews(state: State, info: SetInfo, job: Job | None = None) -> str | None:
    """Draw the first page of each document of the set not yet drawn; None when done, or
    why there are none (no LibreOffice)."""
    wanted = {name: info.folder / name for name in info.documents
              if not _preview_path(state, info.folder / name).exists()}
    if not wanted:
        return None
    report = job.report if job is not None else (lambda step: None)

    def drawing(step: Step) -> None:  # the PDFs made for pictures are not the set's PDFs
        report(Step("preview", step.done, step.total, step.name))
    made = [p for p in (info.folder / n for n in info.documents) if p.suffix == ".docx"]
    pdfs = {name: path.with_suffix(".pdf") for name, path in wanted.items()
            if path.with_suffix(".pdf").is_file()
            and any(e.file == path.with_suffix(".pdf").name for e in info.entries)}
    missing = [path for name, path in wanted.items() if name not in pdfs]
    del made
    with tempfile.TemporaryDirectory(dir=state.uploads, prefix="xem-truoc-") as scratch:
        if missing:
            try:
                pdf.find_soffice()
            except DocgenError:
                return ("Chưa có ảnh xem trước: cần LibreOffice để vẽ trang đầu (cài "
                        "LibreOffice rồi lập lại, hoặc chọn xuất PDF).")
            copies = []
            for path in missing:
                copy = Path(scratch, path.name)
                shutil.copyfile(path, copy)
                copies.append(copy)
            for (copy, _), path in zip(pdf.convert(copies, fit=False, progress=drawing),
                                       missing, strict=True):
                pdfs[path.name] = copy
        for n, (name, source) in enumerate(pdfs.items()):
            report(Step("preview", n, len(pdfs), name))
            picture = preview.first_page_png(source)
            target = _preview_path(state, wanted[name])
            temporary = target.with_suffix(".tmp")
            temporary.write_bytes(picture)
            temporary.replace(target)
    return None


def _preview_path(state: State, document: Path) -> Path:
    """Where the picture of a document's current content is kept (by its hash)."""
    try:
        digest = archive.sha256(document.read_bytes())
    except OSError:
        digest = "khong-doc-duoc"
    return state.previews / f"{digest}.png"


def _documents(state: State, info: SetInfo) -> list[dict[str, Any]]:
    """The set's documents with their PDF, signed paper and preview, for a page."""
    names = {e.file for e in info.entries}
    rows = []
    for name in info.documents:
        pdf_name = str(Path(name).with_suffix(".pdf"))
        rows.append({"name": name, "pdf": pdf_name if pdf_name in names else None,
                     "signed": info.signed.get(name),
                     "preview": _preview_path(state, info.folder / name).exists(),
                     "label": _label(info, name)})
    return rows


def _label(info: SetInfo, name: str) -> str:
    for entry in info.manifest.get("files", []):
        if entry.get("file") == name:
            kind = next((k for k in KINDS if k.code == entry.get("kind")), None)
            label = kind.label if kind is not None else str(entry.get("kind", ""))
            part = entry.get("part")
            return f"{label} – {part}" if part else label
    return ""


def _has_office() -> bool:
    try:
        pdf.find_soffice()
    except DocgenError:
        return False
    return True


# --- the archive --------------------------------------------------------------------------

def _archive_pages(app: Flask, state: State) -> None:
    config = state.config

    @app.get("/kho/<int:year>/<cluster>/<int:revision>")
    def set_page(year: int, cluster: str, revision: int) -> str | BaseResponse:
        info = _find(config.root, year, cluster, revision)
        if info is None:
            return _not_found()
        return _set_view(state, info)

    @app.get("/kho/<int:year>/<cluster>/<int:revision>/tep/<path:name>")
    def set_file(year: int, cluster: str, revision: int, name: str) -> BaseResponse:
        info = _find(config.root, year, cluster, revision)
        # only files the set's manifest lists, by their listed name, inside its folder
        path = None if info is None else _member(info, name)
        if path is None:
            return _not_found()
        return _attachment(path.read_bytes(), Path(name).name)

    @app.get("/kho/<int:year>/<cluster>/<int:revision>/xem-truoc/<name>")
    def set_preview(year: int, cluster: str, revision: int, name: str) -> BaseResponse:
        info = _find(config.root, year, cluster, revision)
        if info is None or name not in info.documents:
            return _not_found()
        picture = _preview_path(state, layout.inside(info.folder, name))
        if not picture.is_file():
            return _not_found()
        return Response(picture.read_bytes(), mimetype="image/png")

    @app.post("/kho/<int:year>/<cluster>/<int:revision>/<action>")
    def set_action(year: int, cluster: str, revision: int, action: str) -> Any:
        info = _find(config.root, year, cluster, revision)
        if info is None or action not in _ACTIONS:
            return _not_found()
        try:
            return _ACTIONS[action](state, info)
        except DocgenError as exc:
            return _set_view(state, _find(config.root, year, cluster, revision) or info,
                             error=f"Lỗi: {exc}"), 400


def _set_view(state: State, info: SetInfo, *, error: str | None = None,
              done: list[str] | None = None, problems: list[str] | None = None) -> str:
    latest = max((s.revision for s in _safe_sets(state.config.root)
                  if s.year == info.year and s.cluster == info.cluster), default=info.revision)
    edited = archive.edited_files(info) if info.status == "draft" else []
    return render_template(
        "set.html", info=info, status=STATUS[info.status], latest=latest == info.revision,
        documents=_documents(state, info) if info.damage is None else [],
        verify=problems, edited=edited, unfilled=unfilled(info) if not info.damage else {},
        error=error, done=done or [], workbook=_source_name(info),
        workbook_label=_source_label(info),
        kinds=sorted({_label(info, n).split(" – ")[0] for n in info.documents}))


def _verify(state: State, info: SetInfo) -> str:
    problems = archive.verify_locked(info)
    name = f"Năm {info.year}, {info.cluster}, lần {info.revision}"
    done = [] if problems else [f"{name}: toàn vẹn, mọi tệp khớp bản đã lưu."]
    return _set_view(state, info, done=done,
                     problems=[f"{name}: kiểm tra toàn vẹn thấy {len(problems)} chỗ không "
                               "khớp:", *problems] if problems else None)


def _accept(state: State, info: SetInfo) -> str:
    done = archive.accept(state.config.root, info.year, info.cluster,
                          request.form.getlist("tep"), request.form.get("ghi_chu", ""))
    lines = [f"Đã ghi nhận {len(done)} tệp đã sửa là văn bản của bộ:"]
    lines += [f"  - {item.file}" for item in done]
    lines.append("Kiểm tra toàn vẹn từ nay đối chiếu với bản đã sửa.")
    return _set_view(state, _refreshed(state, info), done=lines)


def _sign(state: State, info: SetInfo) -> str:
    document = request.form.get("van_ban", "")
    with guard.private_folder(state.uploads) as folder:
        path = guard.save_upload(request.files.get("ban_ky"), folder, "ban-da-ky.pdf",
                                 "tệp PDF đã ký")
        signed = archive.sign(state.config.root, info.year, info.cluster, document, path,
                              replace="thay" in request.form)
    said = (f"Đã thay bản đã ký của {signed.document} bằng bản mới" if signed.replaced else
            f"Đã lưu bản đã ký của {signed.document}")
    return _set_view(state, _refreshed(state, info),
                     done=[f"{said}: {signed.file} ({signed.pages} trang)."])


def _finalize(state: State, info: SetInfo) -> str:
    done = archive.finalize(state.config.root, info.year, info.cluster,
                            require_signed="can_du_ban_ky" in request.form,
                            fill_ins_left="bo_qua_bo_sung" in request.form)
    lines = [f"Cảnh báo: {name} còn {n} chỗ cần bổ sung «[Bổ sung: …]» (đã chốt theo "
             "--bo-qua-bo-sung)." for name, n in unfilled(done).items()]
    lines.append(f"Đã chốt bộ văn bản năm {done.year}, {done.cluster}, lần {done.revision} "
                 f"({done.folder}). Các lần lập sau phải dùng --revision.")
    return _set_view(state, _refreshed(state, info), done=lines)


def _bundle(state: State, info: SetInfo) -> BaseResponse:
    path = archive.bundle(state.config.root, info.year, info.cluster, info.revision,
                          workbook="kem_so_lieu" in request.form,
                          draft="ban_nhap" in request.form or info.status != "finalized")
    return _attachment(path.read_bytes(), path.name, "application/zip")


def _previews(state: State, info: SetInfo) -> BaseResponse:
    job = Job(guard.new_secret(), f"Ảnh xem trước {info.describe()}")
    state.jobs.start(job, lambda j: _preview_result(state, info, j))
    return redirect(f"/viec/{job.id}", code=303)


def _preview_result(state: State, info: SetInfo, job: Job) -> BuildResult:
    note = make_previews(state, info, job)
    return BuildResult(info.year, info.cluster, info.revision,
                       f"Ảnh xem trước các văn bản của bộ {info.describe()}:", [],
                       _documents(state, info), note)


_ACTIONS: dict[str, Callable[[State, SetInfo], Any]] = {
    "kiem-tra": _verify, "ghi-nhan": _accept, "ky": _sign, "chot": _finalize,
    "dong-goi": _bundle, "xem-truoc": _previews,
}


def _refreshed(state: State, info: SetInfo) -> SetInfo:
    return _find(state.config.root, info.year, info.cluster, info.revision) or info


def _find(root: Path, year: int, cluster: str, revision: int) -> SetInfo | None:
    """The archived set with exactly this year, cluster and revision (as listed), or None:
    the request's words are only compared with what the archive lists."""
    return next((s for s in _safe_sets(root)
                 if (s.year, s.cluster, s.revision) == (year, cluster, revision)), None)


def _chosen_set(root: Path, key: str) -> SetInfo:
    year, _, rest = key.partition("/")
    cluster, _, revision = rest.partition("/")
    found = next((s for s in _safe_sets(root)
                  if f"{s.year}/{s.cluster}/{s.revision}" == key), None)
    if found is None or not (year and cluster and revision):
        raise DocgenError("Chưa chọn bộ văn bản để lập sổ năm sau.")
    return found


def _source_label(info: SetInfo) -> str | None:
    name = _source_name(info)
    return None if name is None else Path(name).name


def _source_name(info: SetInfo) -> str | None:
    workbook = info.manifest.get("workbook")
    return str(workbook["file"]) if isinstance(workbook, dict) and "file" in workbook else None


def _source_workbook(info: SetInfo) -> Path | None:
    name = _source_name(info)
    return None if name is None else _member(info, name)


def _member(info: SetInfo, name: str) -> Path | None:
    """The file of a set by a name its manifest lists (which may be in a sub-folder, like
    'nguon/…'), only when it is a regular file inside the set's folder."""
    if name not in {e.file for e in info.entries} and name != _source_name(info):
        return None
    folder = info.folder.resolve()
    path = (folder / name).resolve()
    return path if path.is_relative_to(folder) and path.is_file() else None


def _safe_sets(root: Path) -> list[SetInfo]:
    try:
        return archive.list_sets(root)
    except (DocgenError, OSError):
        return []


def _archive_error(root: Path) -> str | None:
    try:
        archive.list_sets(root)
    except DocgenError as exc:
        return f"Lỗi: {exc}"
    except OSError as exc:
        return f"Lỗi: không đọc được thư mục lưu trữ '{root}' ({exc.strerror})."
    return None


def _archive_years(root: Path) -> list[tuple[int, list[dict[str, Any]]]]:
    """The archive's sets by year (newest first), each with its state and verify result."""
    years: dict[int, list[dict[str, Any]]] = {}
    for info in _safe_sets(root):
        problems = archive.verify_set(info) if info.damage is None else [info.damage]
        years.setdefault(info.year, []).append({
            "info": info, "status": STATUS[info.status],
            "documents": len(info.documents) if info.damage is None else None,
            "signed": len(info.documents) - len(info.unsigned) if info.damage is None else None,
            "revisions": len([s for s in _safe_sets(root)
                              if (s.year, s.cluster) == (info.year, info.cluster)]),
            "problems": problems,
        })
    return sorted(years.items(), reverse=True)


# --- small helpers ------------------------------------------------------------------------

def _lint_view(report: Any, name: str) -> dict[str, Any]:
    if report.problem is not None:
        return {"name": name, "problem": report.problem.replace(report.file, name),
                "findings": []}
    rows = [{"severity": SEVERITY_WORDS[f.severity], "error": f.severity == "error",
             "rule": f.rule_id, "title": BY_ID[f.rule_id].title, "where": f.where,
             "found": f.found, "expected": f.expected, "decree": f.decree,
             "line": format_finding(f)} for f in report.findings]
    errors = sum(1 for f in report.findings if f.severity == "error")
    return {"name": name, "problem": None, "findings": rows, "errors": errors,
            "warnings": len(rows) - errors}


def _attachment(data: bytes, name: str, mimetype: str | None = None) -> BaseResponse:
    return send_file(io.BytesIO(data), as_attachment=True, download_name=name,
                     mimetype=mimetype or "application/octet-stream", max_age=0)


def _failed(template: str, message: str, **context: Any) -> tuple[str, int]:
    return render_template(template, error=message, **context), 400


def _not_found() -> BaseResponse:
    response = Response(render_template("message.html", title="Không tìm thấy",
                                        message="Không có trang hoặc tệp này (có thể bộ văn "
                                        "bản đã được lập lại). Hãy quay lại trang chủ."),
                        status=404, mimetype="text/html")
    return response
