"""Turn the sheets of an .xlsx workbook into rows of clean field values with cell places.

Only this package imports openpyxl. Every problem is collected, not raised, so that one run
lists all of them.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from docgen.errors import IntakeError, Problem
from docgen.intake.cells import CellError, clean_text, convert, is_blank
from docgen.intake.schema import SCORES, Column, Sheet
from docgen.vi import name_key

Worksheet = Any  # openpyxl's worksheet class; it ships no type stubs


@dataclass
class Row:
    """One record read from a sheet: field values and the cell each came from."""

    sheet: str
    row: int
    values: dict[str, object] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)

    def place(self, field_name: str) -> str | None:
        """The A1 reference of a field's cell, or None if the column is absent."""
        return self.cells.get(field_name)


@dataclass
class Collector:
    """Gathers problems while reading, in the order they are found."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, sheet: str, cell: str | None, column: str | None, message: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(sheet, cell, column, message))


def open_workbook(path: Path) -> Any:
    """Open an .xlsx file for reading cached values, or raise IntakeError."""
    if not path.exists():
        raise IntakeError(f"Không tìm thấy tệp '{path}'.")
    if path.suffix.lower() != ".xlsx":
        raise IntakeError(
            f"Tệp '{path.name}' không phải là sổ tính Excel .xlsx "
            "(hãy lưu lại bằng Excel dưới dạng 'Excel Workbook (*.xlsx)')."
        )
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise IntakeError(
            f"Không đọc được tệp '{path.name}': tệp hỏng hoặc không phải sổ tính .xlsx."
        ) from exc


def find_sheet(book: Any, sheet: Sheet, out: Collector) -> Worksheet | None:
    """The worksheet titled like `sheet` (ignoring case and spaces), or None with a problem."""
    wanted = name_key(sheet.title)
    for ws in book.worksheets:
        if name_key(clean_text(ws.title)) == wanted:
            return ws
    out.add(sheet.title, None, None, "thiếu trang này trong sổ tính.")
    return None


def _header_map(ws: Worksheet) -> dict[str, int]:
    """Header text key -> 1-based column index, from row 1."""
    headers: dict[str, int] = {}
    for idx, cell in enumerate(next(ws.iter_rows(min_row=1, max_row=1), ()), start=1):
        if not is_blank(cell.value):
            headers.setdefault(name_key(clean_text(cell.value)), idx)
    return headers


def _convert_into(row: Row, column: Column, value: object, ref: str, out: Collector) -> None:
    row.cells[column.field] = ref
    if is_blank(value):
        if column.required:
            out.add(row.sheet, ref, column.header, "chưa điền (bắt buộc).")
        row.values[column.field] = None
        return
    try:
        row.values[column.field] = convert(value, column)
    except CellError as exc:
        out.add(row.sheet, ref, column.header, f"{exc}.")
        row.values[column.field] = None


def read_table(ws: Worksheet, sheet: Sheet, out: Collector) -> list[Row]:
    """Read a table sheet: headers in row 1, one record per non-blank row below."""
    headers = _header_map(ws)
    located: list[tuple[Column, int]] = []
    missing = False
    for column in sheet.columns:
        idx = headers.get(name_key(column.header))
        if idx is None:
            if column.required:  # an optional column may be absent: its values are blank
                out.add(sheet.title, None, column.header,
                        "thiếu cột này ở dòng tiêu đề (dòng 1).")
                missing = True
            continue
        located.append((column, idx))
    if missing:
        return []
    rows: list[Row] = []
    for cells in ws.iter_rows(min_row=2):
        values = {col.field: _cell_value(cells, idx) for col, idx in located}
        if all(is_blank(v) for v in values.values()):
            continue
        row = Row(sheet.title, cells[0].row)
        for col, idx in located:
            ref = f"{get_column_letter(idx)}{row.row}"
            _convert_into(row, col, values[col.field], ref, out)
        rows.append(row)
    if len(rows) < sheet.min_rows:
        out.add(sheet.title, None, None, f"cần ít nhất {sheet.min_rows} dòng dữ liệu.")
    return rows


def _cell_value(cells: tuple[Any, ...], idx: int) -> object:
    return cells[idx - 1].value if idx - 1 < len(cells) else None


def read_form(ws: Worksheet, sheet: Sheet, out: Collector) -> Row:
    """Read a form sheet: labels in column A, values in column B."""
    labels: dict[str, int] = {}
    for cells in ws.iter_rows(min_row=1, max_col=2):
        if not is_blank(cells[0].value):
            labels.setdefault(name_key(clean_text(cells[0].value)), cells[0].row)
    form = Row(sheet.title, 1)
    for column in sheet.columns:
        line = labels.get(name_key(column.header))
        if line is None:
            if column.required:  # an optional row may be absent: its value is blank
                out.add(sheet.title, None, column.header, "thiếu dòng này ở cột A.")
            form.values[column.field] = None
            continue
        _convert_into(form, column, ws.cell(row=line, column=2).value, f"B{line}", out)
    return form


def read_scores(ws: Worksheet, codes: list[str], out: Collector) -> list[Row]:
    """Read the score sheet: 'Đơn vị' then one column per criterion code."""
    headers = _header_map(ws)
    unit_col = headers.get(name_key(SCORES.columns[0].header))
    if unit_col is None:
        out.add(SCORES.title, None, SCORES.columns[0].header, "thiếu cột này ở dòng tiêu đề.")
        return []
    by_key = {name_key(code): code for code in codes}
    code_cols: dict[str, int] = {}
    for key, idx in headers.items():
        if idx == unit_col:
            continue
        if key not in by_key:
            ref = f"{get_column_letter(idx)}1"
            out.add(SCORES.title, ref, None, "tiêu đề cột không phải là mã tiêu chí nào ở "
                    "trang 'Tiêu chí'.")
            continue
        code_cols[by_key[key]] = idx
    for code in codes:
        if code not in code_cols:
            out.add(SCORES.title, None, code, "thiếu cột điểm của tiêu chí này.")
    return _score_rows(ws, unit_col, code_cols, out)


def _score_rows(ws: Worksheet, unit_col: int, code_cols: dict[str, int],
                out: Collector) -> list[Row]:
    unit = SCORES.columns[0]
    point = Column("points", "Điểm", unit.kind.NUMBER)
    rows: list[Row] = []
    for cells in ws.iter_rows(min_row=2):
        idxs = [unit_col, *code_cols.values()]
        if all(is_blank(_cell_value(cells, i)) for i in idxs):
            continue
        row = Row(SCORES.title, cells[0].row)
        ref = f"{get_column_letter(unit_col)}{row.row}"
        _convert_into(row, unit, _cell_value(cells, unit_col), ref, out)
        points: dict[str, float | None] = {}
        for code, idx in code_cols.items():
            cell_row = Row(SCORES.title, row.row)
            col = Column(code, code, point.kind)
            _convert_into(cell_row, col, _cell_value(cells, idx), f"{get_column_letter(idx)}"
                          f"{row.row}", out)
            points[code] = cell_row.values[code]  # type: ignore[assignment]
            row.cells[code] = cell_row.cells[code]
        row.values["points"] = points
        rows.append(row)
    return rows
