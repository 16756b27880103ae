"""Turn nothing, or last year's workbook, into the workbook a new leading inspectorate fills.

`init_workbook` writes a blank workbook; `rollover` carries a validated workbook into the
next year: the cluster's identity, members (next year's roles becoming the current ones),
criteria, award table, settings, award history, legal bases and the plan and pact as a
draft are kept; scores, votes, narratives and every other year-specific record are left to fill.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from docgen.errors import DocgenError
from docgen.files import new_workbook_problem, write_atomic
from docgen.intake import read_workbook
from docgen.intake import schema as s
from docgen.intake.writer import add_instruction, fill_form, fill_table, new_workbook
from docgen.model import Workbook

# Citations that stay valid from one year to the next; the year's own plans do not.
LASTING_CITATIONS = ("award_basis", "directive")
# Signing fields carried over; number, date and signer are the new year's.
SIGNING_CARRIED = ("document", "addressee", "authority", "recipients", "archive")


class YearlyError(DocgenError):
    """A new year's workbook cannot be written as asked (bad year, path or target)."""


def init_workbook(path: Path, year: int | None = None, *, force: bool = False) -> Path:
    """Write a blank workbook to `path` (refusing to overwrite unless `force`).

    `year`, when given, is filled in and must be one the workbook accepts; None leaves it blank.
    """
    if year is not None:
        check_year(year)
    _refuse_overwrite(path, force)
    return _save(new_workbook(year), path)


def rollover(source: Path, target: Path, *, force: bool = False) -> Workbook:
    """Write next year's workbook from `source` to `target`; return the source's model."""
    _refuse_overwrite(target, force)
    if target.resolve() == source.resolve():
        raise YearlyError("Tệp sổ tính mới phải khác tệp nguồn.")
    book = read_workbook(source)
    _check_next_year(book.cluster.year)
    wb = new_workbook(book.cluster.year + 1, [c.code for c in book.criteria],
                      [_dump(form) for form in book.award_forms])
    for sheet in s.SHEETS:
        if sheet.form:
            values = _form_values(book, sheet.key)
            if values:
                fill_form(wb[sheet.title], sheet, values)
        else:
            rows = _table_rows(book, sheet.key)
            if rows:
                fill_table(wb[sheet.title], sheet, rows)
    add_instruction(wb, _note(book.cluster.year + 1), bold=True)
    _save(wb, target)
    return book


def check_year(year: int) -> None:
    """Raise YearlyError unless `year` is one the cluster sheet's year column accepts."""
    low, high = _year_bounds()
    if not low <= year <= high:
        raise YearlyError(f"Năm thi đua {year} không hợp lệ: phải từ {low} đến {high}.")


def _check_next_year(year: int) -> None:
    low, high = _year_bounds()
    if not low <= year + 1 <= high:
        raise YearlyError(f"Không chuyển được sổ năm {year} sang năm {year + 1}: năm thi đua "
                          f"phải từ {low} đến {high}.")


def _year_bounds() -> tuple[int, int]:
    """The years the workbook accepts: the bounds of the cluster sheet's year column."""
    low, high = s.CLUSTER.column("year").bounds
    assert high is not None, "the year column has an upper bound"
    return low, high


def _refuse_overwrite(path: Path, force: bool) -> None:
    problem = new_workbook_problem(path, force)
    if problem is not None:
        raise YearlyError(problem)


def _save(wb: Any, path: Path) -> Path:
    buffer = io.BytesIO()
    wb.save(buffer)
    return write_atomic(path, buffer.getvalue())


def _dump(record: BaseModel, fields: Sequence[str] | None = None) -> dict[str, object]:
    values = record.model_dump(exclude={"source"})
    return {k: v for k, v in values.items() if fields is None or k in fields}


def _form_values(book: Workbook, key: str) -> dict[str, object] | None:
    if key == "cluster":
        return {**_dump(book.cluster), "year": book.cluster.year + 1}
    if key == "settings":
        deadline = book.settings.files_deadline  # next year's deadline: same day, a year on
        moved = _a_year_on(deadline) if deadline else None
        # next year starts with its own year-end period, whatever this workbook was for;
        # the emulation period stays while next year is in it, a new one is for the user
        years = book.settings.period_years
        kept = book.settings.emulation_period \
            if years is not None and book.cluster.year < years[1] else None
        return {**_dump(book.settings), "files_deadline": moved, "period": None,
                "emulation_period": kept}
    return None  # the conference is next year's


def _table_rows(book: Workbook, key: str) -> list[Mapping[str, object]]:
    year = book.cluster.year
    if key == "members":
        return [{**_dump(m), "role": m.role_next, "role_next": None} for m in book.members]
    if key == "citations":
        return [_dump(c) for c in book.citations if c.role in LASTING_CITATIONS]
    if key == "criteria":
        return [_dump(c) for c in book.criteria]
    if key == "awards":
        return [_dump(a) for a in book.awards]
    if key == "results":  # this year's figures are next year's comparison
        return [{**_dump(r), "year": year} for r in book.results]
    # award_forms: written by new_workbook in place of the defaults
    if key in ("plan", "timeline", "pact"):
        return [_next_year(_dump(r), year + 1) for r in getattr(book, key)]
    if key == "signing":
        return [_dump(x, SIGNING_CARRIED) for x in book.signing]
    return []


def _a_year_on(day: dt.date) -> dt.date:
    """The same day a year later; 29/02 becomes 28/02 in a common year."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _next_year(values: dict[str, object], year: int) -> dict[str, object]:
    """A draft for the following year: the year the plan was for moves on by one."""
    pattern = re.compile(rf"(?<!\d){year}(?!\d)")
    return {k: pattern.sub(str(year + 1), v) if isinstance(v, str) else v
            for k, v in values.items()}


def _note(year: int) -> str:
    return (
        f"Sổ này được chuyển sang năm {year} từ sổ năm trước: đã giữ thông tin Cụm, thành viên "
        "(vai trò năm nay lấy theo kết quả bầu năm trước), tiêu chí chấm điểm, hình thức khen "
        "thưởng, cài đặt, lịch sử khen thưởng, văn bản căn cứ lâu dài, kết quả công tác năm "
        f"{year - 1} (để so sánh); nội dung Kế hoạch, Lịch thực hiện và Giao ước là bản nháp "
        "chuyển từ năm trước, cần rà soát. Hãy điền: vai trò năm sau, hội nghị, dự họp, phong "
        "trào, đăng ký, kết quả năm nay, chấm điểm, bình xét, nội dung báo cáo, số và ngày văn "
        "bản."
    )
