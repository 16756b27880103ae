"""Odd cells: formulas, merged ranges, date spellings, control characters, line breaks, tone
placement. Each reads as a clerk would expect or gets a message naming the cell."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from docgen.build import build
from docgen.errors import IntakeError, Problem, ValidationFailed
from docgen.intake import guard, read_workbook, schema
from docgen.intake.cells import CellError, to_date
from tests.conftest import SAMPLE, set_cell, set_form

Make = Callable[..., Path]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as info:
        read_workbook(path)
    return [str(p) for p in info.value.problems]


def rewrite_sheet(path: Path, sheet_index: int, old: str, new: str) -> None:
    """Replace text in the XML of the n-th sheet (openpyxl saves it as sheetN.xml); a
    `{style}` in either text stands for the cell's own style number, whatever it is."""
    part = f"xl/worksheets/sheet{sheet_index}.xml"
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == part:
                text = data.decode("utf-8")
                style = re.search(r'<c r="H2" s="(\d+)"', text)
                assert style is not None
                old_text, new_text = (x.replace("{style}", style[1]) for x in (old, new))
                assert old_text in text
                data = text.replace(old_text, new_text).encode("utf-8")
            target.writestr(info, data)


# "Bình xét" as the sample's n-th sheet (after the instructions sheet).
VOTES_SHEET = [sheet.key for sheet in schema.SHEETS].index("votes") + 2
UNCALCULATED = ("ô có công thức nhưng chưa có giá trị đã tính; hãy mở sổ bằng Excel, tính lại "
                "và lưu (docgen không tự tính công thức).")


# --------------------------------------------------------------------------- formulas


def test_formula_with_a_saved_value_reads_the_value(edited: Make) -> None:
    path = edited()
    rewrite_sheet(path, VOTES_SHEET, '<c r="H2" s="{style}" t="n"><v>7</v></c>',
                  '<c r="H2" s="{style}"><f>3+4</f><v>7</v></c>')
    assert read_workbook(path).votes[0].votes_for == 7


@pytest.mark.parametrize(
    "cell_xml",
    [
        '<c r="H2" s="{style}"><f>3+4</f></c>',  # as Excel leaves it with manual calculation
        '<c r="H2" s="{style}"><f>3+4</f><v></v></c>',  # as openpyxl writes a formula
    ],
)
def test_formula_without_a_saved_value_is_an_error(edited: Make, cell_xml: str) -> None:
    path = edited()
    rewrite_sheet(path, VOTES_SHEET, '<c r="H2" s="{style}" t="n"><v>7</v></c>', cell_xml)
    assert problems_of(path) == [
        f"Trang 'Bình xét', ô H2 (Số phiếu đồng ý): {UNCALCULATED}"
    ]


def test_formula_written_by_openpyxl_names_its_cell(edited: Make) -> None:
    path = edited(lambda b: set_form(b, "Hội nghị", "Số phiếu phát ra", "=3+4"))
    assert f"Trang 'Hội nghị', ô B15 (Số phiếu phát ra): {UNCALCULATED}" in problems_of(path)


def test_guard_scan_is_cheap_for_a_normal_workbook() -> None:
    guard.inspect(SAMPLE)
    start = time.perf_counter()
    for _ in range(5):
        scan = guard.inspect(SAMPLE)
    assert (time.perf_counter() - start) / 5 < 0.05  # measured about 4 ms
    assert scan.uncalculated == {}


# --------------------------------------------------------------------------- merged cells


def test_merged_cells_read_as_their_top_left_cell(edited: Make) -> None:
    def merge(book: Any) -> None:
        book["Thành viên"].merge_cells("J6:J8")  # three members, role "Thành viên"
        book["Chấm điểm"].merge_cells("G2:G8")  # every unit got 5 for TC6
        # (the self-scores would no longer explain Hậu Giang's TC6: not what this tests)
        book["Tự chấm điểm"].delete_rows(2, book["Tự chấm điểm"].max_row)

    path = edited(merge)
    book = read_workbook(path)
    assert [m.role for m in book.members[4:]] == ["member", "member", "member"]
    assert {s.points["TC6"] for s in book.scores} == {5.0}


def test_a_merged_blank_stays_blank(edited: Make) -> None:
    path = edited(lambda b: b["Thành viên"].merge_cells("E2:E3"))  # blank symbol, merged
    book = read_workbook(path)
    assert book.members[0].abbr is None and book.members[1].abbr is None


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("20/12/2021", dt.date(2021, 12, 20)),
        ("20-12-2021", dt.date(2021, 12, 20)),
        ("20.12.2021", dt.date(2021, 12, 20)),
        ("7/4/2014", dt.date(2014, 4, 7)),
        ("07/04/2014", dt.date(2014, 4, 7)),
        (44550, dt.date(2021, 12, 20)),
        (44550.0, dt.date(2021, 12, 20)),
        (dt.datetime(2021, 12, 20, 8, 30), dt.date(2021, 12, 20)),
    ],
)
def test_date_spellings(raw: object, expected: dt.date) -> None:
    assert to_date(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["20/12/21", "20-12-21", "2021-12-20", "2021/12/20", "12/2021", "29/02/2021", "32/01/2021",
     "00/01/2021", "20/13/2021", "ngày 20 tháng 12"],
)
def test_ambiguous_or_impossible_dates_are_errors(raw: str) -> None:
    with pytest.raises(CellError) as info:
        to_date(raw)
    assert str(info.value) == f"“{raw}” không phải là ngày hợp lệ (viết theo dạng dd/mm/yyyy)"


def test_two_digit_year_in_the_workbook_names_the_cell(edited: Make) -> None:
    path = edited(lambda b: set_form(b, "Hội nghị", "Ngày họp", "20/12/21"))
    assert ("Trang 'Hội nghị', ô B2 (Ngày họp): “20/12/21” không phải là ngày hợp lệ "
            "(viết theo dạng dd/mm/yyyy).") in problems_of(path)


# --------------------------------------------------------------------------- characters


def test_control_characters_are_removed_with_a_warning(
    edited: Make, caplog: pytest.LogCaptureFixture
) -> None:
    # Excel stores a control character as _xHHHH_; openpyxl hands the escape over as is.
    text = "Năm qua,_x0007_ Cụm Thi đua_x001B_ đã tích cực"
    path = edited(lambda b: set_cell(b, "Nội dung báo cáo", "Đoạn văn", 1, text))
    warnings: list[Problem] = []
    with caplog.at_level(logging.WARNING, logger="docgen"):
        book = read_workbook(path, warnings)
    assert book.narratives[0].text == "Năm qua, Cụm Thi đua đã tích cực"
    expected = ("Trang 'Nội dung báo cáo', ô B2 (Đoạn văn): đã bỏ 2 ký tự điều khiển không in "
                "được (văn bản Word không chứa được các ký tự này).")
    assert [str(w) for w in warnings] == [expected]
    assert [r.getMessage() for r in caplog.records if r.name == "docgen"] == [expected]


def test_escaped_carriage_returns_become_line_breaks(edited: Make) -> None:
    text = "Dòng một_x000D_\nDòng hai"
    path = edited(lambda b: set_cell(b, "Nội dung báo cáo", "Đoạn văn", 1, text))
    warnings: list[Problem] = []
    assert read_workbook(path, warnings).narratives[0].text == "Dòng một\nDòng hai"
    assert warnings == []


def test_raw_control_character_in_the_sheet_xml_is_a_broken_file(edited: Make) -> None:
    path = edited()
    rewrite_sheet(path, VOTES_SHEET, '<c r="H2" s="{style}" t="n"><v>7</v></c>',
                  '<c r="H2" t="inlineStr"><is><t>a\x01b</t></is></c>')
    with pytest.raises(IntakeError) as info:
        read_workbook(path)
    assert str(info.value) == (
        "Không đọc được tệp 'edited.xlsx': tệp hỏng hoặc không phải sổ tính .xlsx."
    )


def test_a_line_break_in_a_paragraph_prints_as_a_line_break(edited: Make,
                                                           tmp_path: Path) -> None:
    text = "Dòng thứ nhất của đoạn.\nDòng thứ hai của đoạn."
    path = edited(lambda b: set_cell(b, "Nội dung báo cáo", "Đoạn văn", 1, text))
    (out,) = build(path, tmp_path / "out", only=["bao-cao-tong-ket"]).paths
    document = docx.Document(str(out))
    (paragraph,) = [p for p in document.paragraphs if "Dòng thứ nhất" in p.text]
    assert paragraph.text == text  # python-docx reads a w:br as "\n"
    breaks = paragraph._p.findall(f".//{qn('w:br')}")
    assert len(breaks) == 1
    assert all("\n" not in t.text for t in paragraph._p.iter(qn("w:t")))


# --------------------------------------------------------------------------- names


def _rename_unit(old: str, member_name: str, member_short: str, vote_name: str) -> Any:
    """Rename a member everywhere, then type it with the other tone placement in votes."""

    def edit(book: Any) -> None:
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value == old:
                        cell.value = member_name
                    elif cell.value == old.removeprefix("Thanh tra tỉnh "):
                        cell.value = member_short
        set_cell(book, "Bình xét", "Đơn vị", 2, vote_name)

    return edit


@pytest.mark.parametrize(
    ("member", "short", "typed"),
    [
        ("Thanh tra tỉnh Hòa Bình", "Hòa Bình", "Thanh tra tỉnh Hoà Bình"),
        ("Thanh tra tỉnh Hoà Bình", "Hoà Bình", "thanh tra tỉnh  hòa bình"),
        ("Thanh tra tỉnh Khánh Hòa", "Khánh Hòa", "Khánh Hoà"),
        ("Thanh tra tỉnh Thừa Thiên Huế", "Thừa Thiên Huế", "THANH TRA TỈNH THỪA THIÊN HUẾ"),
    ],
)
def test_tone_placement_variants_match_across_sheets(
    edited: Make, member: str, short: str, typed: str
) -> None:
    path = edited(_rename_unit("Thanh tra tỉnh Kiên Giang", member, short, typed))
    book = read_workbook(path)
    assert book.votes[1].unit == member
    assert book.with_role("deputy").name == member
