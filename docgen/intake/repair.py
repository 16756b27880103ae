"""Turn a workbook with legacy-encoded (TCVN3/VNI) cells into a repaired Unicode copy.

The source is never modified: a copy is written atomically next to nothing else, with every
convertible cell of every sheet in Unicode NFC and its font set to Times New Roman. Cells
that look legacy but do not decode with confidence are left as they are; reading the copy
reports them.
"""

from __future__ import annotations

import io
from copy import copy
from pathlib import Path
from typing import Any

from docgen.errors import IntakeError, Problem
from docgen.files import write_atomic
from docgen.intake import guard, legacy
from docgen.intake.cells import clean_text, is_blank
from docgen.intake.collect import Collector
from docgen.intake.reader import load
from docgen.intake.schema import SHEETS, Sheet
from docgen.intake.source import converted
from docgen.intake.writer import set_value
from docgen.vi import name_key

UNICODE_FONT = "Times New Roman"


def repair_workbook(source: Path, target: Path) -> list[Problem]:
    """Write to `target` a copy of `source` with legacy-encoded text converted to Unicode.

    Returns the repairs, one warning per converted cell (also logged on the "docgen"
    logger). Raises IntakeError when the source cannot be read or the target is the source
    or not an .xlsx file.
    """
    _check_paths(source, target)
    guard.inspect(source)
    book = load(source, data_only=False)  # formulas kept as formulas
    out = Collector()
    for ws in book.worksheets:
        _repair_sheet(ws, out)
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(target, buffer.getvalue())
    return out.warnings


def _check_paths(source: Path, target: Path) -> None:
    if not source.exists():
        raise IntakeError(f"Không tìm thấy tệp '{source}'.")
    if target.suffix.lower() != ".xlsx":
        raise IntakeError(f"Tệp sửa '{target.name}' phải có đuôi .xlsx.")
    if target.resolve() == source.resolve() or (target.exists() and target.samefile(source)):
        raise IntakeError("Tệp sửa phải khác tệp nguồn (docgen không ghi đè sổ tính gốc).")
    if not target.parent.is_dir():
        raise IntakeError(f"Không có thư mục '{target.parent}' để ghi tệp sửa.")


def _repair_sheet(ws: Any, out: Collector) -> None:
    sheet = _schema_sheet(ws.title)
    for row in ws.iter_rows():
        for cell in row:
            text = cell.value
            if cell.data_type != "s" or not isinstance(text, str):
                continue
            verdict = legacy.examine(text, cell.font.name)
            if verdict is None or verdict.text is None:
                continue
            set_value(cell, verdict.text)
            font = copy(cell.font)
            font.name = UNICODE_FONT
            cell.font = font
            out.warn(ws.title, cell.coordinate, _field(ws, sheet, cell),
                     converted(verdict.encoding, text, verdict.text))


def _schema_sheet(title: str) -> Sheet | None:
    key = name_key(clean_text(title))
    return next((sheet for sheet in SHEETS if name_key(sheet.title) == key), None)


def _field(ws: Any, sheet: Sheet | None, cell: Any) -> str | None:
    """The header (table) or label (form) naming a cell's field, when there is one."""
    if sheet is None:
        return None
    if sheet.form:
        label = ws.cell(row=cell.row, column=1).value
        return clean_text(label) if cell.column == 2 and not is_blank(label) else None
    header = ws.cell(row=1, column=cell.column).value
    return clean_text(header) if cell.row > 1 and not is_blank(header) else None
