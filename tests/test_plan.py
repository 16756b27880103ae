"""Build next year's launch plan (kế hoạch) from the sample and read it as a reader would."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx_helpers import (
    all_text,
    assert_length,
    between,
    font_value,
    format_value,
    paragraph_texts,
    paragraph_with,
)

from docgen.build import TEMPLATES_DIR, check
from docgen.documents.plan import context as plan
from docgen.render import Template
from tests.conftest import SAMPLE, build_one, set_award, set_cell, set_form

CLUSTER = "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu"
SIGNER_COLUMNS = ("Quyền hạn ký", "Chức vụ người ký", "Chức danh dưới", "Họ tên người ký")
PLAN_ROW = 4  # the ke-hoach row of the sample's signing sheet

Make = Callable[..., Path]


def _plan(workbook: Path, out: Path) -> Document:
    return build_one(workbook, out, "ke-hoach")


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _plan(SAMPLE, tmp_path_factory.mktemp("out"))



def _headings(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]



def _signer(document: Document) -> list[str]:
    return [p.text for p in document.tables[-1].cell(0, 1).paragraphs if p.text]


# ----------------------------------------------------------------------------- header, title


def test_header_number_and_date_line_of_next_years_leader(document: Document) -> None:
    header = document.tables[0]
    agency = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    assert agency == ["THANH TRA CHÍNH PHỦ", "CỤM THI ĐUA THANH TRA", "CÁC TỈNH MIỀN TÂY",
                      "NAM SÔNG HẬU"]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 01/KH-CTĐ"
    date = header.cell(1, 1).paragraphs[0]
    assert date.text == "Kiên Giang, ngày 10 tháng 01 năm 2022"
    assert (font_value(date, "italic"), font_value(date, "size")) == (True, Pt(13))
    nation = [p for p in header.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in nation] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                        "Độc lập - Tự do - Hạnh phúc"]
    assert [font_value(p, "size") for p in nation] == [Pt(12), Pt(13)]
    assert all(font_value(p, "bold") for p in nation)


def test_title_and_subject(document: Document) -> None:
    texts = paragraph_texts(document)
    start = texts.index("KẾ HOẠCH")
    assert texts[start + 1: start + 3] == ["Phát động phong trào thi đua năm 2022",
                                           f"của {CLUSTER}"]
    for line in texts[start: start + 3]:
        paragraph = paragraph_with(document, line)
        assert font_value(paragraph, "bold") is True
        assert format_value(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_basis_lines_are_italic_award_laws_then_the_conference(document: Document) -> None:
    basis = [p for p in document.paragraphs if p.text.startswith("Căn cứ ")]
    assert [p.text for p in basis] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14/6/2005;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16/11/2013;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi "
        "hành một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ kết quả Hội nghị tổng kết công tác thi đua năm 2021 của "
        f"{CLUSTER} ngày 20/12/2021.",
    ]
    assert all(font_value(p, "italic") is True for p in basis)
    texts = paragraph_texts(document)
    assert texts[texts.index(basis[-1].text) + 1] == (
        f"{CLUSTER} xây dựng Kế hoạch phát động phong trào thi đua năm 2022 như sau:")


# ----------------------------------------------------------------------------- outline

ROMAN_HEADINGS = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA",
    "III. DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG VÀ TIÊU CHUẨN",
    "IV. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG",
    "V. THỦ TỤC, HỒ SƠ VÀ THỜI GIAN",
    "VI. TỔ CHỨC THỰC HIỆN",
]


def test_six_roman_headings_in_order(document: Document) -> None:
    assert _headings(document, "Heading I") == ROMAN_HEADINGS
    heading = paragraph_with(document, ROMAN_HEADINGS[0])
    assert font_value(heading, "bold") is True


def test_numbered_sub_headings_and_the_period(document: Document) -> None:
    assert _headings(document, "Heading 1.") == [
        "1. Mục đích", "2. Yêu cầu",
        "1. Đối tượng", "2. Nội dung thi đua", "3. Hình thức tổ chức", "4. Thời gian thi đua",
    ]
    texts = paragraph_texts(document)
    assert texts[texts.index("4. Thời gian thi đua") + 1] == (
        "Từ ngày 01/01/2022 đến ngày 31/12/2022.")


def test_plan_points_fill_their_parts(document: Document) -> None:
    texts = paragraph_texts(document)
    assert between(texts, "1. Mục đích", "2. Yêu cầu") == [
        "Động viên công chức, người lao động của các thành viên Cụm thi đua hoàn thành xuất sắc "
        "nhiệm vụ công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo và phòng, "
        "chống tham nhũng năm 2022.",
        "Thông qua phong trào thi đua, phát hiện, bồi dưỡng, biểu dương và nhân rộng các điển "
        "hình tiên tiến.",
    ]
    assert len(between(texts, "2. Nội dung thi đua", "3. Hình thức tổ chức")) == 2


def test_award_points_then_standards_with_thresholds(document: Document) -> None:
    part = between(paragraph_texts(document), ROMAN_HEADINGS[2], ROMAN_HEADINGS[3])
    assert part[0].startswith("Cuối năm, Cụm bình xét, suy tôn đơn vị dẫn đầu")
    assert part[1:] == [
        "Cờ thi đua của Thanh tra Chính phủ: xét tặng cho tập thể dẫn đầu Cụm thi đua, được Hội "
        "nghị tổng kết của Cụm bình xét, suy tôn, đạt từ 80% số phiếu đồng ý trở lên trên tổng "
        "số người bỏ phiếu (kể cả ý kiến bằng văn bản của thành viên vắng mặt).",
        "Bằng khen của Tổng Thanh tra Chính phủ: xét tặng cho tập thể, cá nhân có thành tích "
        "xuất sắc trong phong trào thi đua, được Hội nghị tổng kết của Cụm bình xét, suy tôn, đạt "
        "từ 50% số phiếu đồng ý trở lên trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản của "
            "thành viên vắng mặt).",
    ]


def test_quotas_with_count_words(document: Document) -> None:
    assert between(paragraph_texts(document), ROMAN_HEADINGS[3], ROMAN_HEADINGS[4]) == [
        "Cờ thi đua của Thanh tra Chính phủ: không quá 01 (một) tập thể.",
        "Bằng khen của Tổng Thanh tra Chính phủ: không quá 02 (hai) tập thể và 02 (hai) cá nhân.",
    ]


def test_procedure_takes_the_files_deadline_from_the_timeline(document: Document) -> None:
    assert between(paragraph_texts(document), ROMAN_HEADINGS[4], ROMAN_HEADINGS[5]) == [
        "Hồ sơ đề nghị khen thưởng gồm: tờ trình đề nghị khen thưởng; biên bản họp bình xét, "
        "suy tôn; báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng; danh sách "
        "tập thể, cá nhân đề nghị khen thưởng.",
        "Hồ sơ đề nghị khen thưởng của Cụm gửi về Thanh tra Chính phủ thông qua Cụm trưởng "
        "(Thanh tra tỉnh Kiên Giang).",
        "Thời hạn gửi hồ sơ: Trước 20/12/2022.",
    ]


def test_implementation_names_next_years_leader_and_deputy(document: Document) -> None:
    lead = "Lịch thực hiện các nội dung chính như sau:"
    part = between(paragraph_texts(document), ROMAN_HEADINGS[5], lead)
    assert part[0].startswith("Cụm trưởng chủ trì, phối hợp với Cụm phó")
    officers = part[-1]
    assert officers.startswith("Năm 2022, Thanh tra tỉnh Kiên Giang là Cụm trưởng, chủ trì ")
    assert "; Thanh tra tỉnh Cà Mau là Cụm phó, phối hợp với Cụm trưởng" in officers
    assert "Bạc Liêu" not in officers


TIMETABLE = [
    ["STT", "Nội dung công việc", "Thời hạn", "Đơn vị thực hiện"],
    ["1", "Đăng ký thi đua, ký giao ước", "Quý I/2022", "Các đơn vị thành viên"],
    ["2", "Sơ kết 6 tháng", "Tháng 7/2022", "Cụm trưởng"],
    ["3", "Kiểm tra chéo, chấm điểm thi đua", "Tháng 11/2022", "Cụm trưởng, Cụm phó"],
    ["4", "Hội nghị tổng kết, bình xét", "Trước 15/12/2022", "Cụm trưởng"],
    ["5", "Gửi hồ sơ đề nghị khen thưởng về Thanh tra Chính phủ", "Trước 20/12/2022",
     "Cụm trưởng"],
]


def test_timetable_rows_from_the_timeline(document: Document) -> None:
    grid = document.tables[1]
    assert [[cell.text for cell in row.cells] for row in grid.rows] == TIMETABLE
    head = grid.cell(0, 1).paragraphs[0]
    assert (font_value(head, "bold"), font_value(head, "size")) == (True, Pt(12))


def test_body_format_and_closing(document: Document) -> None:
    intro = paragraph_with(document, f"{CLUSTER} xây dựng Kế hoạch phát động phong trào thi "
                           "đua năm 2022 như sau:")
    assert format_value(intro, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert_length(format_value(intro, "first_line_indent"), Cm(1.27))
    assert font_value(intro, "size") == Pt(14)
    assert format_value(intro, "space_before") >= Pt(6)
    last = [p.text for p in document.paragraphs if p.text][-1]
    assert last == (f"Trên đây là Kế hoạch phát động phong trào thi đua năm 2022 của {CLUSTER}; "
                    "đề nghị các thành viên Cụm triển khai thực hiện./.")
    assert all_text(document).count("./.") == 1


# ----------------------------------------------------------------------------- signature


def test_signer_is_next_years_leader_and_recipients(document: Document) -> None:
    block = document.tables[-1]
    left = [p for p in block.cell(0, 0).paragraphs if p.text]
    assert left[0].text == "Nơi nhận:"
    assert (font_value(left[0], "bold"), font_value(left[0], "italic")) == (True, True)
    assert font_value(left[0], "size") == Pt(12)
    assert [p.text for p in left[1:]] == [
        "- Thanh tra Chính phủ (Vụ TCCB);", "- Các thành viên Cụm thi đua;",
        "- Lãnh đạo Thanh tra tỉnh Kiên Giang;", "- Lưu: VT, CTĐ."]
    assert all(font_value(p, "size") == Pt(11) for p in left[1:])
    assert _signer(document) == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG",
                                 "CHÁNH THANH TRA TỈNH KIÊN GIANG", "Nguyễn Văn Đức"]


def test_no_leftover_tags_blanks_or_decomposed_text(document: Document) -> None:
    text = all_text(document)
    for bad in ("{{", "{%", "}}", "None", "nan"):
        assert bad not in text
    assert text == unicodedata.normalize("NFC", text)


# ----------------------------------------------------------------------------- other workbooks


def test_blank_signer_columns_fall_back_to_next_years_leader(edited: Make, tmp_path: Path) -> None:
    def blank(book: Any) -> None:
        for header in SIGNER_COLUMNS:
            set_cell(book, "Ký và nơi nhận", header, PLAN_ROW, None)

    document = _plan(edited(blank), tmp_path / "out")
    assert _signer(document) == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG",
                                 "CHÁNH THANH TRA TỈNH KIÊN GIANG", "Nguyễn Văn Đức"]
    assert "Bạc Liêu" not in " ".join(_signer(document))


def test_issued_under_the_leaders_unit(edited: Make, tmp_path: Path) -> None:
    def under_leader(book: Any) -> None:
        set_form(book, "Thông tin chung", "Ban hành văn bản dưới tên", "Đơn vị Cụm trưởng")
        for row in (1, 2):
            set_cell(book, "Thành viên", "Ký hiệu đơn vị", row, "TTr")

    header = _plan(edited(under_leader), tmp_path / "out").tables[0]
    agency = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    assert agency == ["UBND TỈNH KIÊN GIANG", "THANH TRA TỈNH KIÊN GIANG"]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 01/KH-TTr"
    assert header.cell(1, 1).paragraphs[0].text == "Kiên Giang, ngày 10 tháng 01 năm 2022"


def test_no_files_task_gives_a_deadline_without_a_date(edited: Make, tmp_path: Path) -> None:
    path = edited(lambda b: set_cell(b, "Lịch thực hiện", "Nội dung công việc", 5,
                                     "Gửi báo cáo tổng kết về Thanh tra Chính phủ"))
    part = between(paragraph_texts(_plan(path, tmp_path / "out")), ROMAN_HEADINGS[4],
                    ROMAN_HEADINGS[5])
    assert part[-1] == "Thời hạn gửi hồ sơ thực hiện theo hướng dẫn của Thanh tra Chính phủ."
    assert not any("20/12/2022" in line for line in part)


def test_award_table_drives_thresholds_and_quotas(edited: Make, tmp_path: Path) -> None:
    def table(book: Any) -> None:
        set_award(book, "Bằng khen", "Tỷ lệ phiếu (%)", 66.5)
        set_award(book, "Bằng khen", "Số tập thể tối đa", 3)
        set_award(book, "Bằng khen", "Số cá nhân tối đa", 1)

    texts = paragraph_texts(_plan(edited(table), tmp_path / "out"))
    assert ("Bằng khen của Tổng Thanh tra Chính phủ: không quá 03 (ba) tập thể và 01 (một) cá "
            "nhân.") in texts
    assert any("đạt từ 66,5% số phiếu đồng ý" in line for line in texts)


def test_empty_plan_and_timeline_sheets_print_no_empty_heading_or_table(
    edited: Make, tmp_path: Path
) -> None:
    def no_points(book: Any) -> None:
        for title in ("Kế hoạch năm sau", "Lịch thực hiện"):
            sheet = book[title]
            sheet.delete_rows(2, sheet.max_row)

    document = _plan(edited(no_points), tmp_path / "out")
    assert _headings(document, "Heading I") == [
        "I. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA",
        "II. DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG VÀ TIÊU CHUẨN",
        "III. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG",
        "IV. THỦ TỤC, HỒ SƠ VÀ THỜI GIAN",
        "V. TỔ CHỨC THỰC HIỆN",
    ]
    assert _headings(document, "Heading 1.") == ["1. Thời gian thi đua"]
    texts = paragraph_texts(document)
    part = between(texts, "V. TỔ CHỨC THỰC HIỆN", texts[-1])
    assert len(part) == 1 and part[0].startswith("Năm 2022, Thanh tra tỉnh Kiên Giang là Cụm "
                                                  "trưởng")
    assert texts[-1].endswith("./.")
    assert len(document.tables) == 2  # header and signature: no empty timetable
    assert "Thời hạn gửi hồ sơ thực hiện theo hướng dẫn của Thanh tra Chính phủ." in texts
    for bad in ("{{", "{%", "None"):
        assert bad not in all_text(document)


FLAG_LINES = [
    "Cờ thi đua của Thanh tra Chính phủ: xét tặng cho tập thể dẫn đầu Cụm thi đua, được Hội "
    "nghị tổng kết của Cụm bình xét, suy tôn, đạt từ 80% số phiếu đồng ý trở lên trên tổng "
    "số người bỏ phiếu (kể cả ý kiến bằng văn bản của thành viên vắng mặt).",
    "Cờ thi đua của Thanh tra Chính phủ: không quá 01 (một) tập thể.",
]
MERIT_LINES = [
    "Bằng khen của Tổng Thanh tra Chính phủ: xét tặng cho tập thể, cá nhân có thành tích xuất "
    "sắc trong phong trào thi đua, được Hội nghị tổng kết của Cụm bình xét, suy tôn, đạt từ "
    "50% số phiếu đồng ý trở lên trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản của "
    "thành viên vắng mặt).",
    "Bằng khen của Tổng Thanh tra Chính phủ: không quá 02 (hai) tập thể và 02 (hai) cá nhân.",
]


@pytest.mark.parametrize(("flags", "merits", "shown", "quota_part"), [
    (0, 2, MERIT_LINES, True),
    (1, 0, FLAG_LINES, True),
    (0, 0, [], False),
])
def test_an_award_without_quota_has_no_standard_or_quota_line(
    edited: Make, tmp_path: Path, flags: int, merits: int, shown: list[str], quota_part: bool
) -> None:
    def quotas(book: Any) -> None:
        set_award(book, "Cờ thi đua", "Số tập thể tối đa", flags)
        set_award(book, "Bằng khen", "Số tập thể tối đa", merits)
        set_award(book, "Bằng khen", "Số cá nhân tối đa", merits)

    document = _plan(edited(quotas), tmp_path / "out")
    texts = paragraph_texts(document)
    awards = [t for t in texts if t.startswith(("Cờ thi đua của", "Bằng khen của"))]
    assert sorted(awards) == sorted(shown)
    assert ("SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG" in all_text(document)) is quota_part
    assert _headings(document, "Heading I")[-1] == ("VI." if quota_part else "V.") + (
        " TỔ CHỨC THỰC HIỆN")


def test_without_award_laws_the_conference_alone_is_cited(edited: Make, tmp_path: Path) -> None:
    def no_laws(book: Any) -> None:
        sheet = book["Văn bản căn cứ"]
        for row in range(sheet.max_row, 1, -1):
            if sheet.cell(row=row, column=1).value == "Căn cứ khen thưởng":
                sheet.delete_rows(row)

    texts = paragraph_texts(_plan(edited(no_laws), tmp_path / "out"))
    assert [t for t in texts if t.startswith("Căn cứ ")] == [
        f"Căn cứ kết quả Hội nghị tổng kết công tác thi đua năm 2021 của {CLUSTER} ngày "
        "20/12/2021."]


def test_template_reads_exactly_the_context() -> None:
    checked = check(SAMPLE)
    context = plan.context(checked.book, checked.outcome)
    template = Template.load(TEMPLATES_DIR / "ke-hoach.docx")
    assert template.undeclared_variables() == set(context)


def test_individual_places_alone_are_stated_alone(edited: Make, tmp_path: Path) -> None:
    def individuals_only(book: Any) -> None:
        set_award(book, "Bằng khen", "Số tập thể tối đa", 0)
        set_award(book, "Bằng khen", "Cách tính tỷ lệ", "Trên … %")

    texts = paragraph_texts(_plan(edited(individuals_only), tmp_path / "out"))
    assert "Bằng khen của Tổng Thanh tra Chính phủ: không quá 02 (hai) cá nhân." in texts
    assert any("đạt trên 50% số phiếu đồng ý trên tổng số người bỏ phiếu" in t for t in texts)


def test_an_award_added_as_a_row_gets_its_standard_and_quota(edited: Make,
                                                             tmp_path: Path) -> None:
    def third_award(book: Any) -> None:
        book["Hình thức khen thưởng"].append([
            "Giấy khen", "Giấy khen của Chánh Thanh tra tỉnh Kiên Giang",
            "Chánh Thanh tra tỉnh Kiên Giang", "Cá nhân", 60, "Trên … %",
            "Số phiếu hợp lệ", None, 5, 3, None])

    texts = paragraph_texts(_plan(edited(third_award), tmp_path / "out"))
    assert texts[texts.index(ROMAN_HEADINGS[3]) - 1] == (
        "Giấy khen của Chánh Thanh tra tỉnh Kiên Giang: xét tặng cho cá nhân, được Hội nghị "
        "tổng kết của Cụm bình xét, suy tôn, đạt trên 60% số phiếu đồng ý trên tổng số phiếu "
        "hợp lệ.")
    assert texts[texts.index(ROMAN_HEADINGS[4]) - 1] == (
        "Giấy khen của Chánh Thanh tra tỉnh Kiên Giang: không quá 05 (năm) cá nhân.")
