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
    assert agency[0] == "THANH TRA CHÍNH PHỦ"
    assert " ".join(agency[1:]) == "CỤM THI ĐUA THANH TRA CÁC TỈNH MIỀN TÂY NAM SÔNG HẬU"
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
        "Căn cứ Thông tư số 12/2019/TT-BNV ngày 04/11/2019 của Bộ Nội vụ quy định chi tiết thi "
        "hành một số điều của Nghị định số 91/2017/NĐ-CP;",
        "Căn cứ Thông tư số 01/2016/TT-TTCP ngày 06/10/2016 của Thanh tra Chính phủ quy định "
        "công tác thi đua, khen thưởng trong ngành Thanh tra;",
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


SUB_HEADINGS = [
    "1. Mục đích", "2. Yêu cầu",
    "1. Chủ đề thi đua", "2. Đối tượng", "3. Nội dung thi đua", "4. Chỉ tiêu thi đua",
    "5. Hình thức tổ chức", "6. Thời gian thi đua",
    "1. Cờ thi đua của Thanh tra Chính phủ", "2. Bằng khen của Tổng Thanh tra Chính phủ",
]
VOTERS = "trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản của thành viên vắng mặt)"


def test_numbered_sub_headings_and_the_period(document: Document) -> None:
    assert _headings(document, "Heading 1.") == SUB_HEADINGS
    texts = paragraph_texts(document)
    assert texts[texts.index("6. Thời gian thi đua") + 1] == (
        "Từ ngày 01/01/2022 đến ngày 31/12/2022.")


def test_plan_points_fill_their_parts(document: Document) -> None:
    texts = paragraph_texts(document)
    purpose = between(texts, "1. Mục đích", "2. Yêu cầu")
    assert len(purpose) == 2 and purpose[1] == (
        "Thông qua phong trào thi đua, phát hiện, bồi dưỡng, biểu dương và nhân rộng các điển "
        "hình tiên tiến.")
    assert len(between(texts, "3. Nội dung thi đua", "4. Chỉ tiêu thi đua")) == 2


def test_theme_opens_part_two_centred_in_bold_italics(document: Document) -> None:
    texts = paragraph_texts(document)
    assert between(texts, "1. Chủ đề thi đua", "2. Đối tượng") == [
        "“Đoàn kết, kỷ cương, trách nhiệm, đổi mới, hiệu quả”"]
    theme = paragraph_with(document, "“Đoàn kết, kỷ cương, trách nhiệm, đổi mới, hiệu quả”")
    assert format_value(theme, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert (font_value(theme, "bold"), font_value(theme, "italic")) == (True, True)
    assert_length(format_value(theme, "first_line_indent"), Cm(0))


def test_targets_are_lettered_points(document: Document) -> None:
    assert between(paragraph_texts(document), "4. Chỉ tiêu thi đua", "5. Hình thức tổ chức") == [
        "a) 100% tập thể, công chức, người lao động đăng ký thi đua và ký kết Giao ước thi đua "
        "trước ngày 31/3/2022;",
        "b) 100% đơn vị thành viên hoàn thành kế hoạch thanh tra năm 2022 được phê duyệt;",
        "c) Giải quyết từ 90% trở lên số vụ việc khiếu nại, tố cáo thuộc thẩm quyền;",
        "d) Không có công chức bị xử lý kỷ luật từ hình thức khiển trách trở lên.",
    ]


def test_each_award_states_its_standard_then_its_vote_rule(document: Document) -> None:
    part = between(paragraph_texts(document), ROMAN_HEADINGS[2], ROMAN_HEADINGS[3])
    assert part == [
        "1. Cờ thi đua của Thanh tra Chính phủ",
        "a) Tiêu chuẩn: xét tặng cho tập thể dẫn đầu Cụm thi đua;",
        "b) Tỷ lệ phiếu bầu: được Hội nghị tổng kết của Cụm bình xét, suy tôn, đạt từ 80% số "
        f"phiếu đồng ý trở lên {VOTERS}.",
        "2. Bằng khen của Tổng Thanh tra Chính phủ",
        "a) Tiêu chuẩn: xét tặng cho tập thể, cá nhân có thành tích xuất sắc trong phong trào thi "
        "đua;",
        "b) Tỷ lệ phiếu bầu: được Hội nghị tổng kết của Cụm bình xét, suy tôn, đạt từ 50% số "
        f"phiếu đồng ý trở lên {VOTERS}.",
    ]


def test_quotas_with_count_words(document: Document) -> None:
    assert between(paragraph_texts(document), ROMAN_HEADINGS[3], ROMAN_HEADINGS[4]) == [
        "Cờ thi đua của Thanh tra Chính phủ: không quá 01 (một) tập thể.",
        "Bằng khen của Tổng Thanh tra Chính phủ: không quá 02 (hai) tập thể và 02 (hai) cá nhân.",
    ]


def test_procedure_gives_the_members_deadline_then_the_clusters(document: Document) -> None:
    assert between(paragraph_texts(document), ROMAN_HEADINGS[4], ROMAN_HEADINGS[5]) == [
        "Hồ sơ đề nghị khen thưởng gồm: tờ trình đề nghị khen thưởng; biên bản họp bình xét, "
        "suy tôn; báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng; danh sách "
        "tập thể, cá nhân đề nghị khen thưởng.",
        "Hồ sơ đề nghị khen thưởng của Cụm gửi về Thanh tra Chính phủ thông qua Cụm trưởng "
        "(Thanh tra tỉnh Kiên Giang).",
        "Thời hạn các thành viên gửi hồ sơ đề nghị khen thưởng về Cụm trưởng: Trước 05/12/2022.",
        "Thời hạn gửi hồ sơ của Cụm: Trước 20/12/2022.",
    ]


def test_implementation_names_next_years_leader_and_deputy(document: Document) -> None:
    lead = "Lịch thực hiện các nội dung chính như sau:"
    part = between(paragraph_texts(document), ROMAN_HEADINGS[5], lead)
    assert part[0].startswith("Cụm trưởng chủ trì, phối hợp với Cụm phó")
    officers = part[-1]
    assert officers.startswith("Năm 2022, Thanh tra tỉnh Kiên Giang là Cụm trưởng, chủ trì ")
    assert "; Thanh tra tỉnh Cà Mau là Cụm phó, phối hợp với Cụm trưởng" in officers
    assert "Bạc Liêu" not in officers


MEMBERS = "Các đơn vị thành viên"
TIMETABLE = [
    ["STT", "Nội dung công việc", "Thời hạn", "Đơn vị thực hiện"],
    ["1", "Đăng ký thi đua, ký kết Giao ước thi đua", "Trước 31/3/2022", MEMBERS],
    ["2", "Gửi báo cáo sơ kết 6 tháng về Cụm trưởng", "Trước 15/6/2022", MEMBERS],
    ["3", "Sơ kết 6 tháng", "Tháng 7/2022", "Cụm trưởng"],
    ["4", "Gửi báo cáo tổng kết năm về Cụm trưởng", "Trước 15/11/2022", MEMBERS],
    ["5", "Tự chấm điểm, gửi bảng tự chấm điểm về Cụm trưởng", "Trước 20/11/2022", MEMBERS],
    ["6", "Kiểm tra chéo, thẩm định điểm thi đua", "Trước 30/11/2022", "Cụm trưởng, Cụm phó"],
    ["7", "Gửi hồ sơ đề nghị khen thưởng (báo cáo thành tích) về Cụm trưởng",
     "Trước 05/12/2022", MEMBERS],
    ["8", "Hội nghị tổng kết, bình xét", "Trước 15/12/2022", "Cụm trưởng"],
    ["9", "Gửi hồ sơ đề nghị khen thưởng về Thanh tra Chính phủ", "Trước 20/12/2022",
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
    path = edited(lambda b: set_cell(b, "Lịch thực hiện", "Nội dung công việc", 9,
                                     "Gửi báo cáo tổng kết về Thanh tra Chính phủ"))
    part = between(paragraph_texts(_plan(path, tmp_path / "out")), ROMAN_HEADINGS[4],
                    ROMAN_HEADINGS[5])
    assert part[-1] == "Thời hạn gửi hồ sơ thực hiện theo hướng dẫn của Thanh tra Chính phủ."
    assert not any("20/12/2022" in line for line in part)
    assert ("Thời hạn các thành viên gửi hồ sơ đề nghị khen thưởng về Cụm trưởng: Trước "
            "05/12/2022.") in part


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
    assert _headings(document, "Heading 1.") == [
        "1. Thời gian thi đua", "1. Cờ thi đua của Thanh tra Chính phủ",
        "2. Bằng khen của Tổng Thanh tra Chính phủ"]
    assert not any("Chủ đề" in line or "Chỉ tiêu" in line for line in paragraph_texts(document))
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
    "1. Cờ thi đua của Thanh tra Chính phủ",
    "Cờ thi đua của Thanh tra Chính phủ: không quá 01 (một) tập thể.",
]
MERIT_LINES = [
    "1. Bằng khen của Tổng Thanh tra Chính phủ",
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
    awards = [t for t in texts if "Cờ thi đua của" in t or "Bằng khen của" in t]
    assert sorted(awards) == sorted(shown)
    assert ("SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG" in all_text(document)) is quota_part
    # No award with places and no award point in the plan sheet: no part III or IV at all.
    assert _headings(document, "Heading I")[-1] == ("VI." if quota_part else "IV.") + (
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
    end = texts.index(ROMAN_HEADINGS[3])
    assert texts[end - 3: end] == [
        "3. Giấy khen của Chánh Thanh tra tỉnh Kiên Giang",
        "a) Tiêu chuẩn: xét tặng cho cá nhân;",
        "b) Tỷ lệ phiếu bầu: được Hội nghị tổng kết của Cụm bình xét, suy tôn, đạt trên 60% số "
        "phiếu đồng ý trên tổng số phiếu hợp lệ."]
    assert texts[texts.index(ROMAN_HEADINGS[4]) - 1] == (
        "Giấy khen của Chánh Thanh tra tỉnh Kiên Giang: không quá 05 (năm) cá nhân.")
