"""Text that looks like a formula stays text in every workbook docgen writes: rollover,
check --fix and init. A clerk who typed "=HYPERLINK(...)" as text must not find a live
formula in next year's workbook."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.styles import Font

from docgen.cli import main
from docgen.intake import schema as s
from docgen.intake.writer import fill_form, fill_scores, fill_table, new_workbook
from tests.conftest import SAMPLE, header_column

Make = Callable[..., Path]

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

HYPERLINK = '=HYPERLINK("http://x","bấm")'
DDE = "=cmd|' /C calc'!A0"
INJECTIONS = [
    HYPERLINK,
    DDE,
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
]

# (sheet, header, data row): text cells rollover carries into next year, in the same place.
CARRIED = [
    ("Kế hoạch năm sau", "Nội dung", 1),
    ("Lịch thực hiện", "Nội dung công việc", 2),
    ("Giao ước", "Cam kết", 1),
    ("Tiêu chí", "Tên tiêu chí", 1),
    ("Ký và nơi nhận", "Nơi nhận", 1),
    ("Khen thưởng", "Tên tập thể, cá nhân được khen", 1),
]
PLACED = list(zip(CARRIED, INJECTIONS, strict=True))


# --------------------------------------------------------------------------- helpers


def _put_text(sheet: str, header: str, data_row: int, text: str,
              font: str | None = None) -> Callable[[Any], None]:
    """An edit typing `text` as text (as Excel stores '=... or a text-formatted cell)."""

    def edit(book: Any) -> None:
        ws = book[sheet]
        cell = ws.cell(row=data_row + 1, column=header_column(ws, header))
        cell.value = text
        cell.data_type = "s"
        if font is not None:
            cell.font = Font(name=font, size=13)

    return edit


def _sheet_cells(path: Path, title: str) -> dict[str, ElementTree.Element]:
    """The raw <c> elements of a sheet of a saved workbook, by A1 reference."""
    with zipfile.ZipFile(path) as package:
        book = ElementTree.fromstring(package.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
        rid = next(sheet.get(f"{DOC_RELS}id") for sheet in book.iter(f"{MAIN}sheet")
                   if sheet.get("name") == title)
        target = next(rel.get("Target", "") for rel in rels.iter(f"{RELS}Relationship")
                      if rel.get("Id") == rid)
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        sheet_xml = ElementTree.fromstring(package.read(part))
    return {cell.get("r", ""): cell for cell in sheet_xml.iter(f"{MAIN}c")}


def _formulas(path: Path) -> list[str]:
    """Every <f> element of every sheet, as 'sheet!A1: formula'."""
    found = []
    book = openpyxl.load_workbook(path, read_only=True)
    titles = book.sheetnames
    book.close()  # a read-only workbook keeps its file open until closed
    for title in titles:
        for ref, cell in _sheet_cells(path, title).items():
            formula = cell.find(f"{MAIN}f")
            if formula is not None:
                found.append(f"{title}!{ref}: {formula.text}")
    return found


def _shared_strings(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        if "xl/sharedStrings.xml" not in package.namelist():
            return []
        table = ElementTree.fromstring(package.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{MAIN}t")) for si in table.iter(f"{MAIN}si")]


def _assert_text_cell(path: Path, title: str, ref: str, text: str) -> None:
    """The saved cell is a string holding `text`, with no formula, in the XML and in openpyxl."""
    cell = _sheet_cells(path, title)[ref]
    assert cell.find(f"{MAIN}f") is None
    if cell.get("t") == "inlineStr":
        assert "".join(t.text or "" for t in cell.iter(f"{MAIN}t")) == text
    else:
        assert cell.get("t") == "s"
        value = cell.find(f"{MAIN}v")
        assert value is not None and value.text is not None
        assert _shared_strings(path)[int(value.text)] == text
    reopened = openpyxl.load_workbook(path)[title][ref]
    assert (reopened.value, reopened.data_type) == (text, "s")


def _quoted(path: Path, title: str, ref: str) -> bool:
    """Whether the cell has Excel's quote prefix (editing it keeps it text)."""
    return bool(openpyxl.load_workbook(path)[title][ref].quotePrefix)


def _ref(path: Path, sheet: str, header: str, data_row: int) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        column = header_column(book[sheet], header)
    finally:
        book.close()  # a read-only workbook keeps its file open until closed
    return f"{openpyxl.utils.get_column_letter(column)}{data_row + 1}"


# --------------------------------------------------------------------------- rollover


@pytest.fixture(scope="module")
def rolled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """This year's sample with formula-like text typed in, and next year's workbook from it."""
    folder = tmp_path_factory.mktemp("rollover")
    source = folder / "nam-nay.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    for (sheet, header, row), text in PLACED:
        _put_text(sheet, header, row, text)(book)
    book.save(source)
    target = folder / "nam-sau.xlsx"
    assert main(["rollover", str(source), "--out", str(target)]) == 0
    return source, target


@pytest.mark.parametrize(("place", "text"), PLACED)
def test_rollover_writes_formula_like_text_as_text(
    rolled: tuple[Path, Path], place: tuple[str, str, int], text: str
) -> None:
    source, target = rolled
    sheet = place[0]
    ref = _ref(source, *place)
    assert _ref(target, *place) == ref
    _assert_text_cell(target, sheet, ref, text)
    assert _quoted(target, sheet, ref)


def test_rollover_workbook_has_no_formula_at_all(rolled: tuple[Path, Path]) -> None:
    assert _formulas(rolled[1]) == []


# --------------------------------------------------------------------------- check --fix


def test_repaired_copy_keeps_formula_like_text_as_text(
    edited: Make, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = edited(
        _put_text("Kế hoạch năm sau", "Nội dung", 1, DDE),
        _put_text("Giao ước", "Cam kết", 1, '=HYPERLINK("http://x","bÊm")', ".VnTime"),
        name="ma-cu.xlsx",
    )
    fixed = tmp_path / "da-sua.xlsx"
    assert main(["check", str(source), "--fix", str(fixed)]) == 0
    assert "Đã ghi bản sửa" in capsys.readouterr().out
    _assert_text_cell(fixed, "Kế hoạch năm sau", "B2", DDE)
    _assert_text_cell(fixed, "Giao ước", "B2", HYPERLINK)  # converted from TCVN3
    assert _quoted(fixed, "Giao ước", "B2")
    assert _formulas(fixed) == []


def test_repaired_copy_keeps_the_clerks_own_formulas(edited: Make, tmp_path: Path) -> None:
    def add_formula(book: Any) -> None:
        book["Hướng dẫn"]["C1"] = "=1+1"

    source = edited(add_formula, name="cong-thuc.xlsx")
    fixed = tmp_path / "da-sua.xlsx"
    assert main(["check", str(source), "--fix", str(fixed)]) == 0
    assert _formulas(fixed) == ["Hướng dẫn!C1: 1+1"]


# --------------------------------------------------------------------------- writer, init


@pytest.mark.parametrize("text", INJECTIONS)
def test_writer_writes_formula_like_text_as_text(text: str, tmp_path: Path) -> None:
    wb = new_workbook(2022, [text])
    fill_form(wb[s.CLUSTER.title], s.CLUSTER, {"name": text})
    fill_table(wb[s.PACT.title], s.PACT, [{"area": text, "text": text}])
    fill_scores(wb[s.SCORES.title], [(text, {text: 9.5})])
    path = tmp_path / "moi.xlsx"
    wb.save(path)
    _assert_text_cell(path, s.CLUSTER.title, "B2", text)
    _assert_text_cell(path, s.PACT.title, "A2", text)
    _assert_text_cell(path, s.PACT.title, "B2", text)
    _assert_text_cell(path, s.SCORES.title, "A2", text)
    _assert_text_cell(path, s.SCORES.title, "B1", text)
    assert _quoted(path, s.PACT.title, "B2")
    assert _formulas(path) == []


def test_init_workbook_has_no_formula(tmp_path: Path) -> None:
    path = tmp_path / "trong.xlsx"
    assert main(["init", "--year", "2022", str(path)]) == 0
    assert _formulas(path) == []
    ws = openpyxl.load_workbook(path)["Hướng dẫn"]
    dashed = [c for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("- ")]
    assert dashed and all(c.data_type == "s" and c.quotePrefix for c in dashed)
