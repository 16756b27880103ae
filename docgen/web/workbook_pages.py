"""Turn the pages of a workbook's year into calls of the library: the archive's home,
a new or next year's workbook, checking a workbook, building (a job) and its progress,
the Decree 30 check of uploaded documents, and stopping the page."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from flask import Flask, g, jsonify, redirect, render_template, request
from markupsafe import Markup
from werkzeug.wrappers.response import Response as BaseResponse

from docgen import build, intake, verdicts
from docgen.check import failure_message, lint_files
from docgen.check.findings import SEVERITY_WORDS, format_finding
from docgen.check.report import PASSED
from docgen.check.rules import BY_ID
from docgen.documents.shared.chart import score_chart, svg
from docgen.errors import DocgenError, Problem, ValidationFailed
from docgen.intake import yearly
from docgen.kinds import KINDS
from docgen.web import guard
from docgen.web.archive_pages import (
    archive_years,
    chosen_set,
    safe_sets,
    source_workbook,
)
from docgen.web.building import BuildOrder, has_office, run_build
from docgen.web.jobs import Job
from docgen.web.state import (
    EDIT_POLICIES,
    MAX_LINT_FILES,
    State,
    attachment,
    failed_page,
    not_found,
)


def register(app: Flask, state: State) -> None:
    config = state.config

    @app.get("/")
    def home() -> str:
        years, error = archive_years(config.root)
        return render_template("home.html", years=years, error=error)

    @app.get("/so-moi")
    def new_workbook() -> str:
        return render_template("new.html", year=time.localtime().tm_year,
                               sets=safe_sets(config.root))

    @app.post("/so-moi/trong")
    def blank_workbook() -> BaseResponse | tuple[str, int]:
        text = request.form.get("nam", "").strip()
        try:
            year = int(text) if text else None
        except ValueError:
            return failed_page("new.html", f"Lỗi: năm '{text}' không phải là số.",
                           year=text, sets=safe_sets(config.root))
        with guard.private_folder(state.uploads) as folder:
            name = f"so-tinh-{year}.xlsx" if year else "so-tinh.xlsx"
            try:
                path = yearly.init_workbook(folder / name, year)
            except DocgenError as exc:
                return failed_page("new.html", f"Lỗi: {exc}", year=text,
                               sets=safe_sets(config.root))
            return attachment(path.read_bytes(), name)

    @app.post("/so-moi/nam-sau")
    def next_year() -> BaseResponse | tuple[str, int]:
        info = chosen_set(config.root, request.form.get("bo", ""))
        source = source_workbook(info)
        if source is None:
            return failed_page("new.html", "Lỗi: bộ văn bản này không còn sổ tính nguồn.",
                           year=time.localtime().tm_year, sets=safe_sets(config.root))
        with guard.private_folder(state.uploads) as folder:
            name = f"so-tinh-{info.cluster}-{info.year + 1}.xlsx"
            try:
                yearly.rollover(source, folder / name)
            except DocgenError as exc:
                return failed_page("new.html", f"Lỗi: {exc}", year=time.localtime().tm_year,
                               sets=safe_sets(config.root))
            return attachment((folder / name).read_bytes(), name)

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
            found = _check(state, path)
            repaired = _repaired_copy(state, path, folder) if found["warnings"] else None
        status = 200 if found["results"] is not None else 400
        return render_template("check.html", name=path.name, repaired=repaired,
                               **found), status

    @app.get("/tai-ban-sua/<key>")
    def repaired_download(key: str) -> BaseResponse:
        item = state.downloads.get(key)
        if item is None or item.session != g.session:
            return not_found()
        return attachment(item.data, item.name)

    @app.get("/lap-van-ban")
    def build_form() -> str:
        return render_template("build.html", kinds=KINDS, policies=EDIT_POLICIES,
                               has_office=has_office())

    @app.post("/lap-van-ban")
    def start_build() -> BaseResponse | tuple[str, int]:
        folder = Path(tempfile.mkdtemp(prefix="lap-", dir=state.uploads))
        try:
            path = guard.save_upload(request.files.get("so_tinh"), folder, "so-tinh.xlsx",
                                     "tệp sổ tính (.xlsx)")
        except DocgenError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            return render_template("build.html", kinds=KINDS, policies=EDIT_POLICIES,
                                   has_office=has_office(), error=f"Lỗi: {exc}"), 400
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
            return not_found()
        return render_template("job.html", job=job, result=job.result)

    @app.get("/viec/<job_id>/trang-thai")
    def job_state(job_id: str) -> BaseResponse:
        job = state.jobs.get(job_id)
        if job is None:
            return not_found()
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

def _check(state: State, path: Path) -> dict[str, Any]:
    """What `docgen check` says of a workbook, for the page: the valid line and results,
    or the error with each problem's place; the warnings either way."""
    warnings: list[Problem] = []
    found: dict[str, Any] = {"problems": [], "verdict": None, "results": None}
    try:
        checked = state.checks.check(path, warnings)
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
