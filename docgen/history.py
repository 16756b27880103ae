"""Turn the archive's sets of a cluster's earlier years into the emulation period's history.

When a year-end workbook's year is the last of its emulation period (trang 'Cài đặt',
“Giai đoạn thi đua”), the build reads, for each earlier year of the period, the current
revision of that year's set in the same archive, its source workbook (the manifest's
"workbook" entry, a copy under `nguon/`), and computes that year's outcome as it was then.
A year the archive lacks, or whose workbook no longer reads, is kept as missing with the
reason, and a warning says so; nothing is guessed.
"""

from __future__ import annotations

from pathlib import Path

from docgen import intake, rules
from docgen.archive import find_set, sha256
from docgen.archive.layout import cluster_slug
from docgen.documents.shared.period import year_summary
from docgen.errors import ArchiveError, DocgenError, Problem
from docgen.intake import schema as s
from docgen.model import PeriodYear, Workbook

# The kind that prints the period's history (the year-end report).
REPORT = "bao-cao-tong-ket"
ABSENT = "không có trong kho lưu"
UNREADABLE = "sổ tính lưu trong kho không đọc được"


def earlier_years(book: Workbook) -> list[int]:
    """The period's years before this one when this year-end workbook's year is the last
    of its emulation period; [] otherwise (no period, a mid-year workbook, another year)."""
    years = book.settings.period_years
    if years is None or book.settings.period != "year" or book.cluster.year != years[1]:
        return []
    return list(range(years[0], years[1]))


def attach(book: Workbook, root: Path) -> tuple[Workbook, list[Problem]]:
    """The workbook with its period's earlier years read from the archive under `root`
    (unchanged when it is not the period's last year), and one warning per missing year."""
    years = earlier_years(book)
    if not years:
        return book, []
    history: list[PeriodYear] = []
    warnings: list[Problem] = []
    for year in years:
        entry, detail = archived_year(root, year, book.cluster.number)
        history.append(entry)
        if entry.missing is not None:
            warnings.append(_warning(book, year, detail))
    return book.model_copy(update={"period_history": history}), warnings


def archived_year(root: Path, year: int, number: int) -> tuple[PeriodYear, str]:
    """A year's line as its archived workbook says, or a missing line; with the reason in
    full (for the warning) when missing."""
    try:
        info = find_set(root, year, cluster_slug(number))
    except ArchiveError:
        return _missing(year, ABSENT), f"không có bộ văn bản năm {year} trong kho lưu '{root}'"
    where = f"bộ văn bản {info.describe()} ({info.folder})"
    if info.damage is not None:
        return _missing(year, UNREADABLE), f"{where} có danh mục tệp hỏng: {info.damage}"
    source = info.manifest.get("workbook")
    name = source.get("file") if isinstance(source, dict) else None
    path = info.folder / name if isinstance(name, str) else None
    if path is None or not path.resolve().is_relative_to(info.folder.resolve()) \
            or not path.is_file():
        return _missing(year, ABSENT), f"{where} không còn sổ tính nguồn"
    data = path.read_bytes()
    if isinstance(source, dict) and source.get("sha256") not in (None, sha256(data)):
        return _missing(year, UNREADABLE), \
            f"sổ tính nguồn {path} đã bị thay đổi sau khi lưu (không khớp danh mục tệp)"
    try:
        archived = intake.read_workbook(path, [])
        result = rules.outcome(archived)
    except DocgenError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return _missing(year, UNREADABLE), f"sổ tính nguồn {path} không đọc được: {first}"
    if archived.cluster.year != year or archived.cluster.number != number \
            or archived.settings.period != "year":
        return _missing(year, UNREADABLE), \
            f"sổ tính nguồn {path} không phải sổ tổng kết năm {year} của Cụm"
    return year_summary(archived, result), ""


def _missing(year: int, reason: str) -> PeriodYear:
    return PeriodYear(year=year, missing=reason)


def _warning(book: Workbook, year: int, detail: str) -> Problem:
    years = book.settings.period_years
    assert years is not None  # only a period's last year reads the archive
    source = book.settings.source
    column = s.SETTINGS.column("emulation_period")
    return Problem(s.SETTINGS.title, source.cell("emulation_period") if source else None,
                   column.header,
                   f"giai đoạn {years[0]}-{years[1]}: {detail}; báo cáo tổng kết để chỗ cần "
                   f"bổ sung số liệu năm {year}.")
