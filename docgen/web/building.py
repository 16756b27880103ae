"""Turn a build asked for on the page into `docgen.build.build` run as a job, then into
the documents' list with their downloads and first-page pictures."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen import archive, build, pdf, preview, verdicts
from docgen.archive.sets import SetInfo, read_set
from docgen.errors import DocgenError, Problem
from docgen.kinds import BY_CODE
from docgen.progress import Step
from docgen.web.jobs import Job
from docgen.web.state import (
    EDIT_POLICIES,
    State,
)


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
                            progress=job.report, cache=state.checks)
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
                       verdicts.built_notes(built, order.lint), documents(state, info),
                       note)


def make_previews(state: State, info: SetInfo, job: Job | None = None) -> str | None:
    """Draw the first page of each document of the set not yet drawn; None when done, or
    why there are none (no LibreOffice)."""
    targets = {name: preview_path(state, info.folder / name) for name in info.documents}
    wanted = [name for name, target in targets.items() if not target.exists()]
    if not wanted:
        return None
    report = job.report if job is not None else (lambda step: None)

    def drawing(step: Step) -> None:  # the PDFs made for pictures are not the set's PDFs
        report(Step("preview", step.done, step.total, step.name))

    listed = {e.file for e in info.entries}
    pdfs = {name: info.folder / pdf_name for name in wanted
            if (pdf_name := str(Path(name).with_suffix(".pdf"))) in listed
            and (info.folder / pdf_name).is_file()}
    missing = [name for name in wanted if name not in pdfs]
    with tempfile.TemporaryDirectory(dir=state.uploads, prefix="xem-truoc-") as scratch:
        if missing:
            if not has_office():
                return ("Chưa có ảnh xem trước: cần LibreOffice để vẽ trang đầu (cài "
                        "LibreOffice rồi lập lại, hoặc chọn xuất PDF).")
            copies = [Path(scratch, name) for name in missing]
            for name, copy in zip(missing, copies, strict=True):
                shutil.copyfile(info.folder / name, copy)
            converted = pdf.convert(copies, fit=False, progress=drawing)
            pdfs.update((name, made) for name, (made, _) in zip(missing, converted,
                                                                  strict=True))
        for n, (name, source) in enumerate(pdfs.items()):
            report(Step("preview", n, len(pdfs), name))
            temporary = targets[name].with_suffix(".tmp")
            temporary.write_bytes(preview.first_page_png(source))
            temporary.replace(targets[name])
    return None


def preview_path(state: State, document: Path) -> Path:
    """Where the picture of a document's current content is kept (by its hash)."""
    try:
        digest = archive.sha256(document.read_bytes())
    except OSError:
        digest = "khong-doc-duoc"
    return state.previews / f"{digest}.png"


def documents(state: State, info: SetInfo) -> list[dict[str, Any]]:
    """The set's documents with their PDF, signed paper and preview, for a page."""
    names = {e.file for e in info.entries}
    rows = []
    for name in info.documents:
        pdf_name = str(Path(name).with_suffix(".pdf"))
        rows.append({"name": name, "pdf": pdf_name if pdf_name in names else None,
                     "signed": info.signed.get(name),
                     "preview": preview_path(state, info.folder / name).exists(),
                     "label": label(info, name)})
    return rows


def label(info: SetInfo, name: str) -> str:
    """'Báo cáo thành tích – Sóc Trăng': the kind and the unit the manifest records."""
    for entry in info.manifest.get("files", []):
        if entry.get("file") == name:
            kind = BY_CODE.get(str(entry.get("kind")))
            label = kind.label if kind is not None else str(entry.get("kind", ""))
            part = entry.get("part")
            return f"{label} – {part}" if part else label
    return ""


def has_office() -> bool:
    try:
        pdf.find_soffice()
    except DocgenError:
        return False
    return True
