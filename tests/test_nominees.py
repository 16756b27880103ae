"""Build the list of proposed nominees (danh-sach) and read it as a reader would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_helpers import all_text, font_value, format_value, paragraph_with

from docgen.build import TEMPLATES_DIR, check
from docgen.documents.nominees import context as nominees_context
from docgen.render import Template
from tests.conftest import SAMPLE, build_one, set_award, set_cell

TITLE = ("ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA THANH TRA CHÍNH PHỦ VÀ BẰNG KHEN CỦA TỔNG THANH TRA "
         "CHÍNH PHỦ NĂM 2021")
REFERENCE = ("(Kèm theo Tờ trình số 25/TTr-CTĐ ngày 20 tháng 12 năm 2021 của Cụm Thi đua "
             "Thanh tra các tỉnh miền Tây Nam sông Hậu)")
FLAG = "I. CỜ THI ĐUA CỦA THANH TRA CHÍNH PHỦ"
MERIT = "II. BẰNG KHEN CỦA TỔNG THANH TRA CHÍNH PHỦ"
COLLECTIVE_HEAD = ["STT", "Tên tập thể", "Địa chỉ", "Số phiếu đồng ý", "Ghi chú"]
PERSON = ("Nguyễn Thị Hồng Nhung", "Trưởng phòng Nghiệp vụ 1", 1982)


def _open(workbook: Path, out: Path) -> Document:
    return build_one(workbook, out, "danh-sach")


@pytest.fixture(scope="module")
def listing(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _open(SAMPLE, tmp_path_factory.mktemp("out"))


def blocks(document: Document) -> dict[str, list[Any]]:
    """Body items (paragraph texts and tables) under each award heading ('I. ...')."""
    out: dict[str, list[Any]] = {}
    current: list[Any] | None = None
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text
            if text.startswith(("I. ", "II. ", "III. ")):
                current = out.setdefault(text, [])
            elif text and current is not None:
                current.append(text)
        elif tag == "tbl" and current is not None:
            current.append(Table(child, document))
    return out


def rows(table: Table, skip: int = 1) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows[skip:]]


def vote_row(target: str, unit: str, person: tuple[str, str, int] | None, gender: str | None,
             award: str, votes_for: int, voters: int = 7) -> Callable[[Any], None]:
    """An edit writing a ballot row on the (empty) third data row of 'Bình xét'."""
    name, title, born = person or (None, None, None)
    values = {"Đối tượng": target, "Đơn vị": unit, "Họ và tên cá nhân": name,
              "Chức vụ cá nhân": title, "Năm sinh": born, "Giới tính": gender,
              "Hình thức đề nghị": award, "Số phiếu đồng ý": votes_for,
              "Tổng số người bỏ phiếu": voters}

    def edit(book: Any) -> None:
        for header, value in values.items():
            set_cell(book, "Bình xét", header, 3, value)
        set_award(book, "Bằng khen", "Số tập thể tối đa", 3)

    return edit


def test_title_lines(listing: Document) -> None:
    first, second = listing.paragraphs[0], listing.paragraphs[1]
    assert (first.text, second.text) == ("DANH SÁCH", TITLE)
    for title in (first, second):
        assert font_value(title, "bold") is True
        assert font_value(title, "size") == Pt(14)
        assert format_value(title, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_reference_line_is_italic_and_cites_the_proposal(listing: Document) -> None:
    line = paragraph_with(listing, REFERENCE)
    assert "25/TTr-CTĐ" in line.text and "ngày 20 tháng 12 năm 2021" in line.text
    assert font_value(line, "italic") is True
    assert font_value(line, "bold") in (None, False)
    assert font_value(line, "size") == Pt(14)
    assert format_value(line, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_no_header_table_and_no_signature(listing: Document) -> None:
    assert [t.rows[0].cells[0].text for t in listing.tables] == ["STT", "STT"]
    text = all_text(listing)
    for absent in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận", "CỤM TRƯỞNG"):
        assert absent not in text


@pytest.mark.parametrize(("heading", "unit"), [
    (FLAG, "Thanh tra tỉnh Sóc Trăng"),
    (MERIT, "Thanh tra tỉnh Kiên Giang"),
])
def test_each_award_block_lists_its_collective(listing: Document, heading: str,
                                               unit: str) -> None:
    items = blocks(listing)[heading]
    assert items[0] == "1. Tập thể"
    (table,) = [x for x in items if isinstance(x, Table)]
    assert [c.text for c in table.rows[0].cells] == COLLECTIVE_HEAD
    place = unit.removeprefix("Thanh tra tỉnh ")
    assert rows(table) == [["1", unit, place, "7/7 (100%)", ""]]


def test_blocks_in_award_order(listing: Document) -> None:
    assert list(blocks(listing)) == [FLAG, MERIT]


def test_table_fonts(listing: Document) -> None:
    table = listing.tables[0]
    for cell in table.rows[0].cells:
        head = cell.paragraphs[0]
        assert font_value(head, "bold") is True
        assert font_value(head, "size") == Pt(12)
    data = table.rows[1].cells[1].paragraphs[0]
    assert font_value(data, "bold") in (None, False)
    assert font_value(data, "size") == Pt(12)


def test_own_page_numbers(listing: Document) -> None:
    section = listing.sections[0]
    assert section.different_first_page_header_footer is True
    # the header holds the PAGE field (shown as "1"); the first page shows no number
    assert [p.text for p in section.header.paragraphs] == ["1"]
    assert [p.text for p in section.first_page_header.paragraphs] == [""]


def test_no_leftover_tags_or_blanks(listing: Document) -> None:
    text = all_text(listing)
    for bad in ("{{", "{%", "}}", "None", "nan"):
        assert bad not in text


@pytest.mark.parametrize(("gender", "male", "female", "note"), [
    ("Nữ", "", "1982", ""),
    ("Nam", "1982", "", ""),
    (None, "", "", "Năm sinh: 1982"),
])
def test_proposed_individual_is_in_the_individuals_table(
    edited: Callable[..., Path], tmp_path: Path, gender: str | None, male: str, female: str,
    note: str,
) -> None:
    edit = vote_row("Cá nhân", "Thanh tra tỉnh Cà Mau", PERSON, gender, "Bằng khen", 6)
    document = _open(edited(edit), tmp_path / "out")
    items = blocks(document)[MERIT]
    collectives, individuals = [x for x in items if isinstance(x, Table)]
    assert [x for x in items if isinstance(x, str)] == ["1. Tập thể", "2. Cá nhân"]
    assert rows(collectives) == [["1", "Thanh tra tỉnh Kiên Giang", "Kiên Giang",
                                  "7/7 (100%)", ""]]
    head = rows(individuals, skip=0)[:2]
    assert head[0] == ["STT", "Họ và tên", "Năm sinh", "Năm sinh", "Chức vụ, đơn vị",
                       "Số phiếu đồng ý", "Ghi chú"]
    assert head[1][2:4] == ["Nam", "Nữ"]
    assert rows(individuals, skip=2) == [[
        "1", "Nguyễn Thị Hồng Nhung", male, female,
        "Trưởng phòng Nghiệp vụ 1, Thanh tra tỉnh Cà Mau", "6/7 (85,7%)", note,
    ]]
    assert all(font_value(c.paragraphs[0], "bold") for c in individuals.rows[0].cells)


def test_block_without_collectives_prints_no_collectives_table(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    def below_threshold(book: Any) -> None:
        set_cell(book, "Bình xét", "Số phiếu đồng ý", 2, 2)

    person = vote_row("Cá nhân", "Thanh tra tỉnh Cà Mau", PERSON, "Nữ", "Bằng khen", 6)
    document = _open(edited(below_threshold, person), tmp_path / "out")
    items = blocks(document)[MERIT]
    assert items[0] == "1. Cá nhân"
    (table,) = [x for x in items if isinstance(x, Table)]
    assert table.rows[0].cells[1].text == "Họ và tên"
    assert "Kiên Giang" not in all_text(document)


def test_reference_keeps_a_blank_number_for_the_clerk(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    document = _open(edited(lambda b: set_cell(b, "Ký và nơi nhận", "Số", 3, None)),
                     tmp_path / "out")
    blank = "\u00a0" * 6
    assert document.paragraphs[2].text == (
        f"(Kèm theo Tờ trình số {blank}/TTr-CTĐ ngày 20 tháng 12 năm 2021 của Cụm Thi đua "
        "Thanh tra các tỉnh miền Tây Nam sông Hậu)")


def test_template_reads_exactly_the_context() -> None:
    checked = check(SAMPLE)
    context = nominees_context.context(checked.book, checked.outcome)
    template = Template.load(TEMPLATES_DIR / "danh-sach.docx")
    assert template.undeclared_variables() == set(context)
