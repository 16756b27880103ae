"""docgen's own .xlsx reader (docgen.intake.xlsx) reads every cell as openpyxl's full load
with data_only=True does: the same value of the same type, the same cells merged away, the
same top-left cell for each merged cell, and for text the same `has_style` and font name
(which decide legacy-encoding repairs). Compared on the samples, a grown workbook with merged
ranges, and a workbook made of oddities (dates in several formats and both epochs, times,
durations, booleans, error codes, rich and inline text, formulas with and without a saved
value, overlapping merges, legacy fonts, duplicate cells)."""

from __future__ import annotations

import datetime as dt
import io
import re
import runpy
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, Protection

from docgen.errors import IntakeError
from docgen.intake import xlsx
from docgen.intake.reader import open_workbook
from tests.conftest import ROOT, SAMPLE

# A sibling script of the benchmarks, not a package.
write_workbook: Any = runpy.run_path(str(ROOT / "benchmarks" / "large_workbook.py"))[
    "write_workbook"]


def openpyxl_corners(ws: Any) -> dict[tuple[int, int], tuple[int, int]]:
    """Each merged cell's range's top-left, first range in openpyxl's order winning (what
    intake looked up before it had its own reader)."""
    corners: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in ws.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                corners.setdefault((row, column), (merged.min_row, merged.min_col))
    return corners


def assert_same_as_openpyxl(path: Path) -> None:
    ours = xlsx.read_book(path.read_bytes())
    theirs = openpyxl.load_workbook(path, data_only=True)
    assert [s.title for s in ours.worksheets] == [ws.title for ws in theirs.worksheets]
    for sheet, ws in zip(ours.worksheets, theirs.worksheets, strict=True):
        expected: dict[tuple[int, int], object] = {}
        merged = set()
        for (row, column), cell in ws._cells.items():
            if isinstance(cell, MergedCell):
                merged.add((row, column))
            elif cell.value is not None:
                expected[(row, column)] = cell.value
                if isinstance(cell.value, str):
                    assert sheet.has_style(row, column) == cell.has_style, cell.coordinate
                    assert sheet.font_name(row, column) == cell.font.name, cell.coordinate
        got = {(row, column): value for row, cells in sheet.rows.items()
               for column, value in cells.items()}
        assert got == expected, sheet.title
        assert {k: type(v) for k, v in got.items()} == {k: type(v) for k, v in expected.items()}
        assert sheet.merged == merged, sheet.title
        assert sheet.corners == openpyxl_corners(ws), sheet.title


# Shared strings as Excel writes them (openpyxl writes inline ones): plain, rich runs, a
# phonetic reading (not part of the text), an escaped underscore, empty ones.
SHARED = ('<si><t>Thanh tra tỉnh</t></si>'
          '<si><r><t xml:space="preserve">Thanh </t></r><r><rPr><b/></rPr><t>tra</t></r></si>'
          '<si><t>chữ</t><rPh sb="0" eb="1"><t>phiên âm</t></rPh></si>'
          '<si><t>a_x005F_x000D_b</t></si><si><t/></si><si/>'
          '<si><t>  hai   khoảng  </t></si>')
SHARED_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def with_cells(path: Path, sheet: str, cells: str) -> None:
    """Add hand-written <c> elements (a row 40 of them) to a sheet part of the package, and
    a shared string table (cells of row 41 show each of its strings)."""
    data = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(data) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    xml = parts[sheet].decode()
    shared = "".join(f'<c r="{column}41" t="s"><v>{index}</v></c>'
                     for index, column in enumerate("ABCDEFG"))
    xml = re.sub(r"</sheetData>", f'<row r="40">{cells}</row><row r="41">{shared}</row>'
                 "</sheetData>", xml)
    parts[sheet] = xml.encode()
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{SHARED}</sst>").encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_TYPE}"/>'
        "</Types>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, part in parts.items():
            target.writestr(name, part)


def odd_workbook(path: Path, *, date1904: bool = False) -> Path:
    book = openpyxl.Workbook()
    if date1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = book.active
    ws.title = "Lẻ"
    rows: list[tuple[object, str | None]] = [
        (dt.date(2021, 12, 20), "dd/mm/yyyy"), (dt.datetime(2021, 1, 2, 8, 30), None),
        (dt.time(8, 15), "h:mm"), (dt.timedelta(hours=30), "[h]:mm:ss"),
        (44561, "d-mmm-yy"), (44561.5, "0.00"), (12, "General"), (1.5, '"đ" #,##0.0'),
        (True, None), (False, None), ("#N/A", None), ("=1+1", None),
        (CellRichText("Thanh ", TextBlock(InlineFont(b=True), "tra"), " tỉnh"), None),
        ("Thanh tra tØnh B¹c Liªu", None), ("  có khoảng trắng  ", None), ("", None),
        (0, "mm:ss"), (30, "[$-42A]dd/mm/yyyy"), (3, '"năm" 0'), (7, "yyyy;@"),
    ]
    for row, (value, number_format) in enumerate(rows, start=1):
        cell = ws.cell(row=row, column=1, value=value)
        if number_format:
            cell.number_format = number_format
    fonts = [".VnTimeH", ".VnTime", "VNI-Times", "Times New Roman", None]
    for row, font in enumerate(fonts, start=1):
        cell = ws.cell(row=row, column=2, value="ten don vi")
        if font:
            cell.font = Font(name=font)
    ws.cell(row=6, column=2, value="căn giữa").alignment = Alignment(horizontal="center")
    ws.cell(row=7, column=2, value="khóa").protection = Protection(locked=False)
    ws.cell(row=8, column=2, value="ẩn").protection = Protection(hidden=False)
    ws.cell(row=9, column=2, value="trống").alignment = Alignment()
    ws.cell(row=10, column=4).font = Font(name=".VnTime")  # styled, empty
    for ref in ("C1:D2", "C2:E3", "F1:F1", "G5:H9"):
        ws.merge_cells(ref)
    ws["C1"], ws["G5"] = "gộp", 5
    other = book.create_sheet("Thành viên")
    other.append(["Tên đơn vị", "Ngày"])
    other.append(["Đơn vị 1", dt.date(2021, 3, 4)])
    book.create_sheet("thành VIÊN")  # a title differing only in case
    book.save(path)
    with_cells(path, "xl/worksheets/sheet1.xml",
               '<c r="A40" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
               '<c r="B40"><f>1+1</f><v>2</v></c>'
               '<c r="C40"><f>1+1</f></c>'
               '<c r="D40" t="inlineStr"><is><t>chữ </t><r><t>rời</t></r></is></c>'
               '<c r="E40" t="d"><v>2021-05-06T07:08:09</v></c>'
               '<c r="F40" t="e"><v>#DIV/0!</v></c>'
               '<c r="G40" t="b"><v>1</v></c>'
               '<c r="H40"><v>1E3</v></c>'
               '<c r="I40"><v>-0</v></c>'
               '<c r="J40" t="b"><v>0</v></c>'
               '<c r="J40"><v>7</v></c>'
               '<c r="K40" t="inlineStr"></c>'
               '<c r="l40"><v>8</v></c>'
               '<c><v>9</v></c>')
    return path


@pytest.mark.parametrize("name", ["cum-ix-2021.xlsx", "cum-ix-2021-6-thang.xlsx"])
def test_samples_read_as_openpyxl_reads_them(name: str) -> None:
    assert_same_as_openpyxl(ROOT / "samples" / name)


def test_a_grown_workbook_with_merged_ranges(tmp_path: Path) -> None:
    assert_same_as_openpyxl(write_workbook(tmp_path / "lon.xlsx", 40, merged=True))


@pytest.mark.parametrize("date1904", [False, True])
def test_odd_cells_read_as_openpyxl_reads_them(tmp_path: Path, date1904: bool) -> None:
    path = odd_workbook(tmp_path / "le.xlsx", date1904=date1904)
    assert_same_as_openpyxl(path)
    sheet = xlsx.read_book(path.read_bytes()).worksheets[0]
    # What the comparison covers: a date, rich text read plain, a cached formula, shared text.
    assert sheet.value(1, 1) == dt.datetime(2021, 12, 20)
    assert sheet.value(13, 1) == "Thanh tra tỉnh"
    assert sheet.value(40, 1) == "ab" and sheet.value(40, 3) is None
    assert sheet.value(2, 4) is None and sheet.corners[(3, 5)] in ((1, 3), (2, 3))
    assert [sheet.value(41, column) for column in range(1, 8)] == [
        "Thanh tra tỉnh", "Thanh tra", "chữ", "a_x000D_b", "", "", "  hai   khoảng  "]


@pytest.mark.parametrize("damage", [
    ('<c r="A1"', '<c r="1A"'),  # a reference openpyxl refuses
    ("<sheetData>", "<sheetData><row><c s=\"99\"><v>1</v></c></row>"),  # no such style
    ("</sheetData>", "</sheetData><mergeCells><mergeCell ref=\"B2:A1\"/></mergeCells>"),
    ("</sheetData>", "</sheetData><mergeCells><mergeCell ref=\"1:2\"/></mergeCells>"),
    ("<sheetData>", "<sheetData><row r=\"x\"/>"),
    ("</worksheet>", ""),  # not well-formed
])
def test_what_openpyxl_refuses_is_refused(tmp_path: Path, damage: tuple[str, str]) -> None:
    path = SAMPLE.parent / "cum-ix-2021.xlsx"
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    part = "xl/worksheets/sheet1.xml"
    parts[part] = parts[part].decode().replace(*damage, 1).encode()
    broken = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(broken, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(xlsx.ERRORS):
        openpyxl.load_workbook(io.BytesIO(broken.read_bytes()), data_only=True)
    with pytest.raises(IntakeError, match=r"tệp hỏng hoặc không phải sổ tính \.xlsx"):
        open_workbook(broken)
