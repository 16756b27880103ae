"""Build the achievement reports (bao-cao-thanh-tich) and read them as a reader would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import Table
from docx_helpers import all_text, font_value, format_value, paragraph_with

from docgen.build import TEMPLATES_DIR, build, check
from docgen.documents.achievements import context as achievements
from docgen.render import Template
from tests.conftest import SAMPLE, set_award, set_cell

PREFIX = "2021_cum-ix_bao-cao-thanh-tich-"
HEADINGS = ["I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", "1. Đặc điểm", "2. Chức năng, nhiệm vụ",
            "II. THÀNH TÍCH ĐẠT ĐƯỢC", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
            "1. Danh hiệu thi đua", "2. Hình thức khen thưởng"]
TLDXS = "Tập thể lao động xuất sắc"

# What each unit's report must say (sample workbook, sheets "Thành viên", "Kết quả công
# tác", "Chấm điểm", "Bình xét", "Khen thưởng").
UNITS: dict[str, dict[str, Any]] = {
    "soc-trang": {
        "header": ["UBND TỈNH SÓC TRĂNG", "THANH TRA TỈNH SÓC TRĂNG"],
        "date": "Sóc Trăng, ngày 20 tháng 12 năm 2021",
        "award": "ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA THANH TRA CHÍNH PHỦ NĂM 2021",
        "name": "Thanh tra tỉnh Sóc Trăng",
        "head": "Lâm Văn Phước",
        "facts": [
            "37 cuộc thanh tra", "sai phạm về kinh tế 26.934.000.000 đồng",
            "sai phạm về đất đai 45.210 m²", "kiến nghị thu hồi 17.308.000.000 đồng",
            "kiến nghị xử lý 58 tập thể, cá nhân", "chuyển cơ quan điều tra 2 vụ việc",
            "đã tiếp 468 lượt công dân", "giải quyết 139 đơn khiếu nại, tố cáo",
            "8/8 tập thể và 47/47 cá nhân đăng ký thi đua",
            "Thanh tra tỉnh Sóc Trăng đạt 98,5/100 điểm, xếp thứ 1/7 đơn vị trong Cụm.",
            "ngày 20/12/2021 suy tôn, đề nghị tặng Cờ thi đua của Thanh tra Chính phủ với 7/7 "
            "phiếu đồng ý, đạt 100%.",
            "là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Sóc Trăng",
        ],
        "titles": [
            ["2019", TLDXS, "Quyết định số 412/QĐ-UBND ngày 24/02/2020 của Chủ tịch UBND tỉnh "
             "Sóc Trăng"],
            ["2020", TLDXS, "Quyết định số 389/QĐ-UBND ngày 22/02/2021 của Chủ tịch UBND tỉnh "
             "Sóc Trăng"],
        ],
        "merits": [
            ["2020", "Bằng khen", "Quyết định số 45/QĐ-TTCP ngày 25/01/2021 của Tổng Thanh tra "
             "Chính phủ"],
        ],
    },
    "kien-giang": {
        "header": ["UBND TỈNH KIÊN GIANG", "THANH TRA TỈNH KIÊN GIANG"],
        "date": "Kiên Giang, ngày 20 tháng 12 năm 2021",
        "award": "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA TỔNG THANH TRA CHÍNH PHỦ NĂM 2021",
        "name": "Thanh tra tỉnh Kiên Giang",
        "head": "Nguyễn Văn Đức",
        "facts": [
            "41 cuộc thanh tra", "sai phạm về kinh tế 38.215.000.000 đồng",
            "sai phạm về đất đai 86.320 m²", "kiến nghị thu hồi 21.087.000.000 đồng",
            "kiến nghị xử lý 65 tập thể, cá nhân", "đã tiếp 512 lượt công dân",
            "Thanh tra tỉnh Kiên Giang đạt 97/100 điểm, xếp thứ 2/7 đơn vị trong Cụm.",
            "đề nghị tặng Bằng khen của Tổng Thanh tra Chính phủ với 7/7 phiếu đồng ý, đạt "
            "100%.",
        ],
        "titles": [
            ["2019", TLDXS, "Quyết định số 520/QĐ-UBND ngày 05/3/2020 của Chủ tịch UBND tỉnh "
             "Kiên Giang"],
            ["2020", TLDXS, "Quyết định số 498/QĐ-UBND ngày 01/3/2021 của Chủ tịch UBND tỉnh "
             "Kiên Giang"],
        ],
        "merits": [
            ["2020", "Bằng khen", "Quyết định số 3012/QĐ-UBND ngày 28/12/2020 của Chủ tịch "
             "UBND tỉnh Kiên Giang"],
        ],
    },
}


def _reports(workbook: Path, root: Path) -> dict[str, Document]:
    """The built reports by the unit part of their file names."""
    built = build(workbook, root, only=["bao-cao-thanh-tich"])
    assert all(p.name.startswith(PREFIX) for p in built.paths)
    return {p.stem.removeprefix(PREFIX): docx.Document(str(p)) for p in built.paths}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    return _reports(SAMPLE, tmp_path_factory.mktemp("out"))


@pytest.fixture(params=sorted(UNITS))
def unit(request: pytest.FixtureRequest, reports: dict[str, Document]) -> tuple[Document,
                                                                               dict[str, Any]]:
    return reports[request.param], UNITS[request.param]


def award_table(document: Document, header: str) -> Table:
    return next(t for t in document.tables if t.rows[0].cells[1].text == header)


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def test_one_report_per_proposed_collective(reports: dict[str, Document]) -> None:
    assert sorted(reports) == ["kien-giang", "soc-trang"]


def test_unit_header(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    header = document.tables[0]
    agency = [p for p in header.cell(0, 0).paragraphs if p.text]
    assert [p.text for p in agency] == want["header"]
    assert font_value(agency[0], "bold") in (None, False)
    assert font_value(agency[1], "bold") is True
    assert header.cell(1, 0).text == ""
    date = header.cell(1, 1).paragraphs[0]
    assert date.text == want["date"]
    assert font_value(date, "italic") is True
    assert "Số:" not in all_text(document)


def test_title(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    lines = [paragraph_with(document, text) for text in
             ("BÁO CÁO THÀNH TÍCH", want["award"], f"Tên tập thể đề nghị: {want['name']}")]
    for line in lines:
        assert font_value(line, "bold") is True
        assert font_value(line, "size") == Pt(14)
        assert format_value(line, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_headings_in_order_and_bold(unit: tuple[Document, dict[str, Any]]) -> None:
    document, _ = unit
    texts = [p.text for p in document.paragraphs]
    positions = [texts.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    assert all(font_value(paragraph_with(document, h), "bold") for h in HEADINGS)


def test_figures_rank_and_ballot(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    text = all_text(document)
    missing = [fact for fact in want["facts"] if fact not in text]
    assert missing == []


def test_no_address_or_phone_when_the_workbook_has_none(
    unit: tuple[Document, dict[str, Any]]
) -> None:
    document, want = unit
    texts = [p.text for p in document.paragraphs]
    assert not any(t.startswith(("Trụ sở", "Điện thoại")) for t in texts)
    place = want["name"].removeprefix("Thanh tra tỉnh ")
    assert f"Thủ trưởng: {want['head']}, Chánh Thanh tra tỉnh {place}." in texts


def test_award_tables(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    titles = award_table(document, "Danh hiệu thi đua")
    merits = award_table(document, "Hình thức khen thưởng")
    assert rows(titles) == want["titles"]
    assert rows(merits) == want["merits"]
    assert titles.rows[0].cells[2].text == ("Số, ngày, tháng, năm của quyết định công nhận danh "
                                            "hiệu; cơ quan ban hành quyết định")
    for cell in titles.rows[0].cells:
        assert font_value(cell.paragraphs[0], "bold") is True
        assert font_value(cell.paragraphs[0], "size") == Pt(12)
    # awards of the unit's departments or people are not the unit's own
    assert "Phòng Nghiệp vụ" not in all_text(document)


def test_signatures(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    block = document.tables[-1]
    left = [p for p in block.cell(0, 0).paragraphs if p.text]
    right = [p for p in block.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in left] == ["XÁC NHẬN CỦA CẤP TRÌNH KHEN"]
    assert [p.text for p in right] == ["THỦ TRƯỞNG ĐƠN VỊ", want["head"]]
    assert all(font_value(p, "bold") for p in left + right)


def test_no_leftover_tags_or_blanks(unit: tuple[Document, dict[str, Any]]) -> None:
    document, _ = unit
    text = all_text(document)
    for bad in ("{{", "{%", "}}", "None", "nan"):
        assert bad not in text


def _soc_trang_row(book: Any) -> int:
    """The data row of Sóc Trăng on the members sheet."""
    ws = book["Thành viên"]
    return next(r for r in range(2, ws.max_row + 1)
                if ws.cell(r, 1).value == "Thanh tra tỉnh Sóc Trăng") - 1


def test_address_and_phone_when_given(edited: Callable[..., Path], tmp_path: Path) -> None:
    def contact(book: Any) -> None:
        row = _soc_trang_row(book)
        set_cell(book, "Thành viên", "Địa chỉ trụ sở", row, "Số 8, đường Hùng Vương, Phường 6")
        set_cell(book, "Thành viên", "Điện thoại", row, "02993.822.456")

    document = _reports(edited(contact), tmp_path / "out")["soc-trang"]
    texts = [p.text for p in document.paragraphs]
    assert "Trụ sở: Số 8, đường Hùng Vương, Phường 6." in texts
    assert "Điện thoại: 02993.822.456." in texts


def test_empty_award_table_prints_none_line(edited: Callable[..., Path], tmp_path: Path) -> None:
    def merit_as_title(book: Any) -> None:
        ws = book["Khen thưởng"]
        (row,) = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 8).value == "45/QĐ-TTCP"]
        set_cell(book, "Khen thưởng", "Là danh hiệu thi đua", row - 1, "Có")

    document = _reports(edited(merit_as_title), tmp_path / "out")["soc-trang"]
    assert [rows(award_table(document, "Danh hiệu thi đua"))[i][0] for i in range(3)] == [
        "2019", "2020", "2020"]
    assert not any(t.rows[0].cells[1].text == "Hình thức khen thưởng" for t in document.tables)
    texts = [p.text for p in document.paragraphs]
    after = texts[texts.index("2. Hình thức khen thưởng") + 1]
    assert after == "Không có."


def test_individual_gets_no_report(edited: Callable[..., Path], tmp_path: Path) -> None:
    values = {"Đối tượng": "Cá nhân", "Đơn vị": "Thanh tra tỉnh Cà Mau",
              "Họ và tên cá nhân": "Nguyễn Thị Hồng Nhung",
              "Chức vụ cá nhân": "Trưởng phòng Nghiệp vụ 1", "Năm sinh": 1982,
              "Giới tính": "Nữ", "Hình thức đề nghị": "Bằng khen", "Số phiếu đồng ý": 6,
              "Tổng số người bỏ phiếu": 7}

    def individual(book: Any) -> None:
        for header, value in values.items():
            set_cell(book, "Bình xét", header, 3, value)
        set_award(book, "Bằng khen", "Số tập thể tối đa", 3)

    built = build(edited(individual), tmp_path / "out", only=["bao-cao-thanh-tich"])
    assert built.checked.outcome.proposed[-1].vote.person == "Nguyễn Thị Hồng Nhung"
    reports = [p.name for p in built.paths if p.name.startswith(PREFIX)]
    assert sorted(reports) == [f"{PREFIX}kien-giang.docx", f"{PREFIX}soc-trang.docx"]


def test_unit_proposed_for_both_awards_gets_two_reports(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    def flag_unit_also_for_merit(book: Any) -> None:
        for header, value in {"Đối tượng": "Tập thể", "Đơn vị": "Thanh tra tỉnh Sóc Trăng",
                              "Hình thức đề nghị": "Bằng khen", "Số phiếu đồng ý": 6,
                              "Tổng số người bỏ phiếu": 7}.items():
            set_cell(book, "Bình xét", header, 3, value)

    reports = _reports(edited(flag_unit_also_for_merit), tmp_path / "out")
    assert sorted(reports) == [
        "kien-giang", "soc-trang-bang-khen-cua-tong-thanh-tra-chinh-phu",
        "soc-trang-co-thi-dua-cua-thanh-tra-chinh-phu"]


def test_template_reads_exactly_the_context() -> None:
    checked = check(SAMPLE)
    (first, *_) = achievements.renditions(checked.book, checked.outcome)
    template = Template.load(TEMPLATES_DIR / "bao-cao-thanh-tich.docx")
    assert template.undeclared_variables() == set(first.context)


RESULTS = "Kết quả công tác"
INSPECTION_LINES = {
    # zero figures, then the sentence Sóc Trăng's report prints
    (): "Năm 2021, Thanh tra tỉnh Sóc Trăng đã tiến hành 37 cuộc thanh tra; qua thanh tra đã "
        "phát hiện sai phạm về kinh tế 26.934.000.000 đồng và sai phạm về đất đai 45.210 m²; "
        "kiến nghị thu hồi 17.308.000.000 đồng, kiến nghị xử lý 58 tập thể, cá nhân, chuyển "
        "cơ quan điều tra 2 vụ việc.",
    ("violations_money", "recovery_money"):
        "Năm 2021, Thanh tra tỉnh Sóc Trăng đã tiến hành 37 cuộc thanh tra; qua thanh tra đã "
        "phát hiện sai phạm về đất đai 45.210 m²; kiến nghị xử lý 58 tập thể, cá nhân, chuyển "
        "cơ quan điều tra 2 vụ việc.",
    ("violations_land", "transferred"):
        "Năm 2021, Thanh tra tỉnh Sóc Trăng đã tiến hành 37 cuộc thanh tra; qua thanh tra đã "
        "phát hiện sai phạm về kinh tế 26.934.000.000 đồng; kiến nghị thu hồi 17.308.000.000 "
        "đồng, kiến nghị xử lý 58 tập thể, cá nhân.",
    ("violations_money", "violations_land", "recovery_money", "disciplined", "transferred"):
        "Năm 2021, Thanh tra tỉnh Sóc Trăng đã tiến hành 37 cuộc thanh tra.",
}
HEADERS = {"violations_money": "Sai phạm về tiền (đồng)",
           "violations_land": "Sai phạm về đất (m²)",
           "recovery_money": "Kiến nghị thu hồi (đồng)",
           "disciplined": "Kiến nghị xử lý (tập thể, cá nhân)",
           "transferred": "Chuyển cơ quan điều tra (vụ)"}


@pytest.mark.parametrize("zeros", sorted(INSPECTION_LINES, key=len))
def test_zero_figures_are_left_out_with_their_separators(
    zeros: tuple[str, ...], edited: Callable[..., Path], tmp_path: Path
) -> None:
    def zero(book: Any) -> None:
        ws = book[RESULTS]
        row = next(r for r in range(2, ws.max_row + 1)
                   if ws.cell(r, 1).value == "Thanh tra tỉnh Sóc Trăng") - 1
        for field in zeros:
            set_cell(book, RESULTS, HEADERS[field], row, 0)

    document = _reports(edited(zero), tmp_path / "out")["soc-trang"]
    assert INSPECTION_LINES[zeros] in [p.text for p in document.paragraphs]


def test_decision_without_number_or_date(edited: Callable[..., Path], tmp_path: Path) -> None:
    def blank(book: Any) -> None:
        ws = book["Khen thưởng"]
        (row,) = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 8).value == "45/QĐ-TTCP"]
        set_cell(book, "Khen thưởng", "Số quyết định", row - 1, None)
        set_cell(book, "Khen thưởng", "Ngày quyết định", row - 1, None)

    document = _reports(edited(blank), tmp_path / "out")["soc-trang"]
    assert rows(award_table(document, "Hình thức khen thưởng")) == [
        ["2020", "Bằng khen", "Quyết định của Tổng Thanh tra Chính phủ"]]
