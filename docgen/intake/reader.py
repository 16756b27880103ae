"""Turn the sheets of an .xlsx workbook into rows of clean field values with cell places.

Only this package reads spreadsheets (docgen.intake.xlsx; openpyxl, for writing and repairs).
Every problem is collected, not raised, so that one run lists all of them.
"""

from __future__ import annotations

import difflib
import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.errors import IntakeError
from docgen.intake import guard, xlsx
from docgen.intake.cells import CellError, clean_text, convert, is_blank
from docgen.intake.collect import LOG, Collector
from docgen.intake.schema import SCORES, SHEETS, Column, Sheet
from docgen.intake.source import REJECTED, CellValues
from docgen.intake.xlsx import column_letter as get_column_letter
from docgen.vi import name_key

__all__ = ["Collector", "Row", "find_sheet", "load", "locate", "open_checked", "open_workbook",
           "read_form", "read_scores", "read_table"]

Worksheet = xlsx.Sheet
_BROKEN = "Không đọc được tệp '{}': tệp hỏng hoặc không phải sổ tính .xlsx."


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


def open_workbook(path: Path) -> xlsx.Book:
    """Open an .xlsx file for reading cached values, or raise IntakeError."""
    return open_checked(path)[0]


def open_checked(path: Path) -> tuple[xlsx.Book, guard.Scan]:
    """Open an .xlsx file for reading cached values after the guard's checks; return the
    workbook and what the guard found. Raise IntakeError when it cannot be read."""
    if not path.exists():
        raise IntakeError(f"Không tìm thấy tệp '{path}'.")
    scan = guard.inspect(path)
    try:
        return xlsx.read_book(path.read_bytes()), scan
    except xlsx.ERRORS as exc:
        raise IntakeError(_BROKEN.format(path.name)) from exc


def load(path: Path, *, data_only: bool) -> Any:
    """Load a checked workbook with openpyxl (to change and save it), or raise IntakeError.

    openpyxl's own warnings (unsupported extensions, a date serial out of range that it
    reads as an error value ...) go to the "docgen" logger at debug level: what they mean
    for a cell is reported when the cell is read.
    """
    import openpyxl  # only here: its import takes longer than reading a workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # From bytes: openpyxl leaves its own file handle open when a load fails.
            book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), data_only=data_only)
    except (InvalidFileException, *xlsx.ERRORS) as exc:
        raise IntakeError(_BROKEN.format(path.name)) from exc
    for warning in caught:
        LOG.debug("openpyxl: %s", warning.message)
    return book


def locate(book: xlsx.Book, sheet: Sheet) -> Worksheet | None:
    """The worksheet titled like `sheet` (ignoring case and spaces), or None."""
    wanted = name_key(sheet.title)
    for ws in book.worksheets:
        if name_key(clean_text(ws.title)) == wanted:
            return ws
    return None


def find_sheet(book: xlsx.Book, sheet: Sheet, out: Collector) -> Worksheet | None:
    """The worksheet titled like `sheet` (ignoring case and spaces), or None with a problem."""
    found = locate(book, sheet)
    if found is not None:
        return found
    known = {name_key(s.title) for s in SHEETS}
    strays = {clean_text(ws.title): "" for ws in book.worksheets
              if name_key(clean_text(ws.title)) not in known}
    out.add(sheet.title, None, None, "thiếu trang này trong sổ tính" + _hint(
        sheet.title, strays, "trang") + ".")
    out.unreadable.add(sheet.title)
    return None


def _hint(wanted: str, found: dict[str, str], what: str, in_place: str | None = None) -> str:
    """'; thấy cột “Tên cơ quan” (ô A1) — nếu đó là cột này, …' naming the closest unmatched
    name, else the unmatched one standing where the wanted one belongs (`in_place`), else ''.
    `found` maps each unmatched name to where it is ('' for a sheet)."""
    keys = {name_key(name): name for name in found}
    close = difflib.get_close_matches(name_key(wanted), list(keys), n=1, cutoff=0.6)
    if not close and in_place not in found:
        return ""
    name = keys[close[0]] if close else str(in_place)
    return (f"; thấy {what} “{name}”{found[name] and f' ({found[name]})'} — nếu đó là "
            f"{what} này, hãy sửa tên thành “{wanted}”")


def _header_texts(ws: Worksheet) -> dict[str, int]:
    """Header text as typed -> 1-based column index, from row 1."""
    texts: dict[str, int] = {}
    for idx, value in sorted(ws.rows.get(1, {}).items()):
        if not is_blank(value):
            texts.setdefault(clean_text(value), idx)
    return texts


def _header_map(ws: Worksheet) -> dict[str, int]:
    """Header text key -> 1-based column index, from row 1."""
    headers: dict[str, int] = {}
    for text, idx in _header_texts(ws).items():  # in column order
        headers.setdefault(name_key(text), idx)
    return headers


def _convert_into(row: Row, column: Column, value: object, ref: str, out: Collector) -> None:
    row.cells[column.field] = ref
    if value is REJECTED:  # already reported
        row.values[column.field] = None
        return
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


def read_table(ws: Worksheet, sheet: Sheet, out: Collector,
               uncalculated: set[str] | None = None) -> list[Row]:
    """Read a table sheet: headers in row 1, one record per non-blank row below.

    `uncalculated` holds the references of formula cells saved without a value.
    """
    cells_of = CellValues(ws, sheet.title, out, uncalculated)
    headers = _header_map(ws)
    located: list[tuple[Column, int]] = []
    missing = False
    expected = {name_key(c.header) for c in sheet.columns}
    texts = _header_texts(ws)
    strays = {text: f"ô {get_column_letter(idx)}1" for text, idx in texts.items()
              if name_key(text) not in expected}
    by_column = {idx: text for text, idx in texts.items()}
    for position, column in enumerate(sheet.columns, start=1):
        idx = headers.get(name_key(column.header))
        if idx is None:
            if column.required:  # an optional column may be absent: its values are blank
                out.add(sheet.title, None, column.header,
                        "thiếu cột này ở dòng tiêu đề (dòng 1)"
                        + _hint(column.header, strays, "cột", by_column.get(position)) + ".")
                missing = True
            continue
        located.append((column, idx))
    if missing:
        out.unreadable.add(sheet.title)
        return []
    rows: list[Row] = []
    for number in _body_rows(ws, uncalculated):
        values = {col.field: cells_of.value(number, idx, col.header) for col, idx in located}
        if all(is_blank(v) for v in values.values()):
            continue
        row = Row(sheet.title, number)
        for col, idx in located:
            ref = f"{get_column_letter(idx)}{row.row}"
            _convert_into(row, col, values[col.field], ref, out)
        rows.append(row)
    if len(rows) < sheet.min_rows:
        out.add(sheet.title, None, None, f"cần ít nhất {sheet.min_rows} dòng dữ liệu.")
    return rows


def _body_rows(ws: Worksheet, uncalculated: set[str] | None) -> list[int]:
    """The rows below the headers that may hold a value: those with a value, a merged cell
    or a formula saved without its value, top to bottom (every other row is blank)."""
    numbers = set(ws.rows)
    numbers.update(row for row, _ in ws.merged)
    for ref in uncalculated or ():
        numbers.add(int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")))
    return sorted(n for n in numbers if n >= 2)


def read_form(ws: Worksheet, sheet: Sheet, out: Collector,
              uncalculated: set[str] | None = None) -> Row:
    """Read a form sheet: labels in column A, values in column B."""
    cells_of = CellValues(ws, sheet.title, out, uncalculated)
    labels: dict[str, int] = {}
    for number, label in ws.column(1):
        if not is_blank(label):
            labels.setdefault(name_key(clean_text(label)), number)
    form = Row(sheet.title, 1)
    for column in sheet.columns:
        line = labels.get(name_key(column.header))
        if line is None:
            if column.required:  # an optional row may be absent: its value is blank
                out.add(sheet.title, None, column.header, "thiếu dòng này ở cột A"
                        + _hint(column.header, _stray_labels(ws, sheet), "dòng") + ".")
            form.values[column.field] = None
            continue
        value = cells_of.value(line, 2, column.header)
        _convert_into(form, column, value, f"B{line}", out)
    return form


def _stray_labels(ws: Worksheet, sheet: Sheet) -> dict[str, str]:
    """Labels of column A that are no field of the form, with their cells."""
    expected = {name_key(c.header) for c in sheet.columns}
    found: dict[str, str] = {}
    for line, label in ws.column(1):
        if not is_blank(label):
            text = clean_text(label)
            if name_key(text) not in expected:
                found.setdefault(text, f"ô A{line}")
    return found


def read_scores(ws: Worksheet, codes: list[str], out: Collector,
                uncalculated: set[str] | None = None) -> list[Row]:
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
    return _score_rows(CellValues(ws, SCORES.title, out, uncalculated), ws, unit_col,
                       code_cols, out)


def _score_rows(cells_of: CellValues, ws: Worksheet, unit_col: int, code_cols: dict[str, int],
                out: Collector) -> list[Row]:
    unit = SCORES.columns[0]
    point = Column("points", "Điểm", unit.kind.NUMBER)
    rows: list[Row] = []
    headers = {unit_col: unit.header, **{idx: code for code, idx in code_cols.items()}}
    for number in _body_rows(ws, cells_of.uncalculated):
        values = {i: cells_of.value(number, i, header) for i, header in headers.items()}
        if all(is_blank(v) for v in values.values()):
            continue
        row = Row(SCORES.title, number)
        ref = f"{get_column_letter(unit_col)}{row.row}"
        _convert_into(row, unit, values[unit_col], ref, out)
        points: dict[str, float | None] = {}
        for code, idx in code_cols.items():
            cell_row = Row(SCORES.title, row.row)
            col = Column(code, code, point.kind)
            _convert_into(cell_row, col, values[idx], f"{get_column_letter(idx)}{row.row}", out)
            points[code] = cell_row.values[code]  # type: ignore[assignment]
            row.cells[code] = cell_row.cells[code]
        row.values["points"] = points
        rows.append(row)
    return rows

