"""Turn a workbook file into the year's documents: intake, rules, render, then archive.

`check` stops after the rules; `build` renders every document in memory first and writes
only when all of them rendered, so a failing build writes nothing.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen import archive, history, intake, resources, rules
from docgen.archive.store import Edit, EditPolicy, PdfConverter
from docgen.documents import KINDS, DocumentKind
from docgen.errors import DocgenError, FormatCheckFailed, Problem
from docgen.intake import limits
from docgen.kinds import of_period
from docgen.model import Period, Workbook
from docgen.progress import Progress, Step, ignore

# The renderer and the linter (python-docx, docxtpl, Jinja) are imported by the steps that
# use them, so `docgen check`, which stops after the rules, does not load them.
TEMPLATES_DIR = resources.templates_dir()
SAMPLE = resources.sample_workbook()


@dataclass(frozen=True)
class Checked:
    """A validated workbook, the results computed from it, and what intake repaired."""

    book: Workbook
    outcome: rules.Outcome
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Built:
    """What a build wrote, the Decree 30 warnings its documents drew, the files of the
    previous set that docgen did not make and carried over (`kept`), the files of kinds a
    `--only` build left as they were (`unchanged`), and the edited documents it kept beside
    or replaced (`edits`), and how many fill-in markers each document still holds
    (`fill_ins`, only those with some; `fill_in_lines` words them as warnings)."""

    checked: Checked
    folder: Path
    paths: list[Path]
    warnings: list[str]
    kept: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    fill_ins: dict[str, int] = field(default_factory=dict)


def check(workbook: Path, warnings: list[Problem] | None = None) -> Checked:
    """Read, validate and compute; raise a DocgenError listing every problem.

    Repairs made while reading (legacy encodings, control characters) are appended to
    `warnings` when given, so a caller can show them even when the read fails."""
    found: list[Problem] = [] if warnings is None else warnings
    book = intake.read_workbook(workbook, found)
    return Checked(book, rules.outcome(book), list(found))


class CheckCache:
    """Checked workbooks by the SHA-256 of their file, for a process that checks the same
    workbook again and again (the web page: check, then build, then build again): the
    same bytes give the same validated workbook and outcome, so they are read once. Only
    valid workbooks are kept, at most `keep` of them; the repairs made while reading are
    given again to each caller."""

    def __init__(self, keep: int = 4) -> None:
        self._keep = keep
        self._items: dict[str, Checked] = {}
        self._lock = threading.Lock()

    def check(self, workbook: Path, warnings: list[Problem] | None = None) -> Checked:
        """`check`, answered from the cache when this file's bytes were checked before."""
        try:
            too_big = workbook.stat().st_size > limits.MAX_FILE_BYTES
            key = None if too_big else hashlib.sha256(workbook.read_bytes()).hexdigest()
        except OSError:
            key = None  # check() says what is wrong with the file
        with self._lock:
            kept = self._items.get(key) if key is not None else None
        if kept is not None:
            if warnings is not None:
                warnings += kept.warnings
            return kept
        checked = check(workbook, warnings)
        if key is not None:
            with self._lock:
                self._items.pop(key, None)
                self._items[key] = checked
                while len(self._items) > self._keep:
                    del self._items[next(iter(self._items))]
        return checked


def with_history(checked: Checked, root: Path, warnings: list[Problem] | None) -> Checked:
    """The checked workbook with its emulation period's earlier years read from the archive
    under `root` when its year is the period's last (`docgen.history`); a year missing
    there is a warning, added to `warnings` too when given."""
    book, missing = history.attach(checked.book, root)
    if warnings is not None:
        warnings += missing
    return Checked(book, checked.outcome, [*checked.warnings, *missing])


def select_kinds(only: Sequence[str] | None, period: Period = "year") -> list[DocumentKind]:
    """The document kinds to build: those of the reporting period, or those named in `only`
    (each once, in order; a kind of another period is refused)."""
    if not only:
        return [KINDS[k.code] for k in of_period(period)]
    unknown = [code for code in only if code not in KINDS]
    if unknown:
        known = ", ".join(KINDS)
        raise DocgenError(f"Không có loại văn bản '{', '.join(unknown)}'. Các loại: {known}.")
    other = [code for code in only if period not in KINDS[code].kind.periods]
    if other:
        raise DocgenError(
            f"Loại văn bản '{', '.join(other)}' không lập cho kỳ báo cáo "
            f"“{PERIOD_WORDS[period]}” của sổ tính (trang 'Cài đặt', “Kỳ báo cáo”).")
    return [KINDS[code] for code in dict.fromkeys(only)]


PERIOD_WORDS = {"year": "cả năm", "half": "6 tháng đầu năm"}


def render_all(checked: Checked, kinds: Sequence[DocumentKind],
               user_templates: Path | None = None,
               progress: Progress = ignore,
               inspect: Callable[[archive.Output], None] | None = None
               ) -> list[archive.Output]:
    """Render each document in memory, each template loaded (and, when it is the user's,
    checked) once; `user_templates` is a folder of edited templates, or None. `progress`
    hears of each document before it is rendered; `inspect`, when given, is handed each
    output right after it is rendered, so a check can read it before the next one is
    made."""
    from docgen import templates

    cluster = checked.book.cluster
    outputs: list[archive.Output] = []
    planned = [(kind, renditions) for kind in kinds
               if (renditions := kind.renditions(checked.book, checked.outcome))]
    # (a kind with no renditions makes nothing this year: no individual proposed, say)
    total = sum(len(renditions) for _, renditions in planned)
    for kind, renditions in planned:
        names = set(renditions[0].context)
        template = templates.load(kind, user_templates, names)
        parts = [r.part for r in renditions]
        for rendition, code in zip(renditions, file_codes(kind.code, parts), strict=True):
            name = archive.file_name(cluster.year, cluster.number, code)
            progress(Step("render", len(outputs), total, name))
            data = template.render(rendition.context, rendition.page_mm)
            output = archive.Output(name, data, kind.code, template.name, template.sha256,
                                    rendition.part)
            outputs.append(output)
            if inspect is not None:
                progress(Step("lint", len(outputs) - 1, total, name))
                inspect(output)
    return outputs


def file_codes(kind: str, parts: Sequence[str | None]) -> list[str]:
    """The file-name code of each rendition of a kind, unique by construction.

    A part is a unit's short name; two names that differ only in what a file name drops
    ("TP. Cần Thơ 2", "TP Cần Thơ 2") would give one file, so a later clash gets "-2",
    "-3" ... until it is unique; the manifest records each file's unit by its full name."""
    codes: list[str] = []
    for part in parts:
        base = archive.slug(kind if part is None else f"{kind} {part}")
        code, n = base, 2
        while code in codes:
            code, n = f"{base}-{n}", n + 1
        codes.append(code)
    return codes


class FormatCheck:
    """The Decree 30 check of a build's documents, one at a time as they are rendered
    (`render_all(inspect=...)`), or all at once (`lint_outputs`)."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.warnings: list[str] = []
        self.markers: dict[str, int] = {}

    def __call__(self, output: archive.Output) -> None:
        """Check one document from its bytes."""
        from docgen.check import format_finding, lint_counting
        from docgen.check.fillin import RULE as FILL_IN

        found, self.markers[output.name] = lint_counting(output.data)
        findings = [f for f in found if f.rule_id != FILL_IN]
        errors = [f for f in findings if f.severity == "error"]
        if errors:
            self.failures.append(f"{output.name}:")
            self.failures += [f"  - {format_finding(f)}" for f in errors]
        self.warnings += [f"{output.name}: {format_finding(f)}" for f in findings
                          if f.severity != "error"]

    def result(self) -> tuple[list[str], dict[str, int]]:
        """Raise FormatCheckFailed naming each failing document and its findings; return
        the warnings, one line each, prefixed with the document's name, and the fill-in
        markers counted on the same reading (as `fill_ins`). A build is a draft, so markers
        are no error; they are left to `fill_in_lines`."""
        if self.failures:
            raise FormatCheckFailed(
                "Văn bản chưa đạt thể thức Nghị định 30/2020/NĐ-CP nên không được lưu (dùng "
                "--no-lint để lập bản nháp):\n" + "\n".join(self.failures))
        return self.warnings, {name: n for name, n in self.markers.items() if n}


def lint_outputs(outputs: Sequence[archive.Output],
                 progress: Progress = ignore) -> tuple[list[str], dict[str, int]]:
    """Check every rendered document against Decree 30 before anything is archived, from
    its bytes (see `FormatCheck.result` for what is raised and returned)."""
    check = FormatCheck()
    for done, output in enumerate(outputs):
        progress(Step("lint", done, len(outputs), output.name))
        check(output)
    return check.result()


def fill_ins(outputs: Sequence[archive.Output]) -> dict[str, int]:
    """File name -> how many fill-in markers ("[Bổ sung: …]") it holds, for the documents
    that hold some, in build order."""
    from docgen.check.engine import count_fill_ins, may_hold_fill_ins

    counted = {output.name: count_fill_ins(output.data) for output in outputs
               if output.name.endswith(".docx") and may_hold_fill_ins(output.data)}
    return {name: n for name, n in counted.items() if n}


def fill_in_lines(counted: dict[str, int]) -> list[str]:
    """One warning per document with markers: '…docx: còn 5 chỗ cần bổ sung …'."""
    return [f"{name}: còn {n} chỗ cần bổ sung (đánh dấu «[Bổ sung: …]»); điền rồi xóa đánh "
            "dấu trước khi ký, chốt bộ văn bản." for name, n in counted.items()]


def build(workbook: Path, root: Path = archive.DEFAULT_ROOT,
          only: Sequence[str] | None = None, *, revision: bool = False,
          pdf: PdfConverter | None = None, check_format: bool = True,
          user_templates: Path | None = None,
          warnings: list[Problem] | None = None, edited: EditPolicy = "stop",
          progress: Progress = ignore, cache: CheckCache | None = None) -> Built:
    """Check the workbook, render and lint the documents, archive them as the year's set.

    Nothing is written unless every document rendered (and, with `check_format`, passed
    the Decree 30 checks). `revision` makes a new revision beside a finalized set; `pdf`
    converts the documents to PDF inside the new set; `user_templates` (or the workbook's
    setting) names a folder of edited templates; intake's repairs go to `warnings`.
    With `only`, those kinds are rebuilt inside the current set and its other files stay
    as they are. A document edited since docgen made it stops the build, unless `edited`
    is "keep" (the edited copy stays beside the new one) or "replace". `progress` hears of
    each step (a PDF converter reports its own, see `docgen.pdf.converter`). `cache`
    answers the check of a workbook already checked by this process.
    """
    select_kinds(only)  # an unknown kind is refused before the workbook is read
    progress(Step("read", name=workbook.name))
    checked = cache.check(workbook, warnings) if cache is not None else check(workbook, warnings)
    kinds = select_kinds(only, checked.book.settings.period)
    if any(kind.code == history.REPORT for kind in kinds):  # the one kind that cites it
        checked = with_history(checked, root, warnings)
    from docgen import templates

    folder = templates.user_folder(checked.book, workbook, user_templates)
    # Each document is checked as soon as it is rendered: one parsed document in memory at
    # a time.
    check_each = FormatCheck() if check_format else None
    outputs = render_all(checked, kinds, folder, progress, check_each)
    if check_each is not None:
        format_warnings, markers = check_each.result()
    else:
        format_warnings, markers = [], fill_ins(outputs)
    cluster = checked.book.cluster
    progress(Step("archive"))
    published = archive.publish(root, cluster.year, cluster.number, outputs, workbook,
                                new_revision=revision, pdf=pdf,
                                kinds=[k.code for k in kinds] if only else None,
                                edited=edited,
                                require_signed=checked.book.settings.require_signed,
                                period=checked.book.settings.period)
    return Built(checked, published.folder, published.paths, format_warnings,
                 published.kept, published.unchanged, published.edits, markers)
