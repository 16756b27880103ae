"""One cause, one error: a missing or renamed sheet, column or form row is reported once,
with the closest name found, and nothing that depends on it is reported again."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from docgen import build
from docgen.errors import ValidationFailed
from docgen.intake import schema
from tests.conftest import SAMPLE

TABLES = [s for s in schema.SHEETS if not s.form and s.key != "scores"]
FORMS = [s for s in schema.SHEETS if s.form and any(c.required for c in s.columns)]


def _problems(tmp_path: Path, edit: Any) -> list[str]:
    path = tmp_path / "wb.xlsx"
    shutil.copy(SAMPLE, path)
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    with pytest.raises(ValidationFailed) as failed:
        build.check(path)
    return [str(p) for p in failed.value.problems]


REQUIRED_SHEETS = [s for s in schema.SHEETS if not s.optional]


@pytest.mark.parametrize("sheet", REQUIRED_SHEETS, ids=[s.key for s in REQUIRED_SHEETS])
def test_a_missing_sheet_is_one_error(tmp_path: Path, sheet: schema.Sheet) -> None:
    problems = _problems(tmp_path, lambda book: book.remove(book[sheet.title]))
    assert problems == [f"Trang '{sheet.title}': thiếu trang này trong sổ tính."]


def test_a_renamed_sheet_is_one_error_naming_what_was_found(tmp_path: Path) -> None:
    def rename(book: Any) -> None:
        book["Thành viên"].title = "Thanh vien"

    assert _problems(tmp_path, rename) == [
        "Trang 'Thành viên': thiếu trang này trong sổ tính; thấy trang “Thanh vien” — nếu đó "
        "là trang này, hãy sửa tên thành “Thành viên”."]


@pytest.mark.parametrize("sheet", TABLES, ids=[s.key for s in TABLES])
def test_a_renamed_header_is_one_error_naming_the_header_found(
        tmp_path: Path, sheet: schema.Sheet) -> None:
    column = next(c for c in sheet.columns if c.required)
    position = sheet.columns.index(column) + 1

    def rename(book: Any) -> None:
        book[sheet.title].cell(row=1, column=position).value = "Cột lạ"

    letter = openpyxl.utils.get_column_letter(position)
    assert _problems(tmp_path, rename) == [
        f"Trang '{sheet.title}' ({column.header}): thiếu cột này ở dòng tiêu đề (dòng 1); "
        f"thấy cột “Cột lạ” (ô {letter}1) — nếu đó là cột này, hãy sửa tên thành "
        f"“{column.header}”."]


@pytest.mark.parametrize("sheet", FORMS, ids=[s.key for s in FORMS])
def test_a_misspelt_form_label_is_one_error_naming_the_label_found(
        tmp_path: Path, sheet: schema.Sheet) -> None:
    column = next(c for c in sheet.columns if c.required)
    typo = column.header[:-1]  # the last letter lost

    def misspell(book: Any) -> None:
        for (cell,) in book[sheet.title].iter_rows(max_col=1):
            if cell.value == column.header:
                cell.value = typo

    problems = _problems(tmp_path, misspell)
    assert len(problems) == 1
    assert problems[0].startswith(f"Trang '{sheet.title}' ({column.header}): thiếu dòng này "
                                  f"ở cột A; thấy dòng “{typo}” (ô A")
