"""Build the sample workbook and read the summary report as a reader would."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt
from docx_helpers import all_text, assert_length, font_value, format_value, lines

from docgen.build import TEMPLATES_DIR, build, check
from docgen.documents.report import context as report_context
from docgen.render import Template
from tests.conftest import SAMPLE, set_cell

GOLDEN = Path(__file__).parent / "golden" / "bao-cao-tong-ket.txt"
UPDATE = os.environ.get("DOCGEN_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def report(built_sample: dict[str, Path]) -> Document:
    return docx.Document(str(built_sample["bao-cao-tong-ket"]))


SEED_FACTS = [
    "Kế hoạch số 108/KH-TTCP ngày 13/01/2021 của Thanh tra Chính phủ",
    "Kế hoạch số 22/KH-CTĐ ngày 22/10/2021",
    "Giao ước thi đua năm 2021",
    "Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về “Tiếp tục đổi mới công tác thi "
    "đua, khen thưởng”",
    "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị",
    "Chỉ thị số 2100/CT-TTCP ngày 02/12/2020 của Tổng Thanh tra Chính phủ về việc phát động "
    "phong trào thi đua giai đoạn 2021-2025",
    "Ngày 20/12/2021, Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu tổ chức Hội nghị "
    "trực tuyến tổng kết công tác thi đua năm 2021 và triển khai Kế hoạch phát động phong trào "
    "thi đua năm 2022",
    "đồng chí Bùi Thanh Nguyên, Chánh Thanh tra tỉnh Bạc Liêu, Cụm trưởng và đồng chí Nguyễn "
    "Văn Đức, Chánh Thanh tra tỉnh Kiên Giang, Cụm phó chủ trì",
    "tập thể (đạt 100%)",
    "cá nhân (đạt 100%)",
    "Hội nghị thống nhất đề nghị Tổng Thanh tra Chính phủ:\n- Tặng Cờ thi đua của Thanh tra "
    "Chính phủ cho Thanh tra tỉnh Sóc Trăng (7/7 phiếu đồng ý, đạt 100%);\n- Tặng Bằng "
    "khen của Tổng Thanh tra Chính phủ cho Thanh tra tỉnh Kiên Giang (7/7 phiếu đồng ý, đạt "
    "100%).",
    "Hội nghị thống nhất bầu Thanh tra tỉnh Kiên Giang làm Cụm trưởng và Thanh tra tỉnh Cà Mau "
    "làm Cụm phó Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu năm 2022.",
]


@pytest.mark.parametrize("fact", SEED_FACTS)
def test_seed_fact_is_in_the_report(report: Document, fact: str) -> None:
    assert fact in all_text(report)


def test_header_number_and_date_line(report: Document) -> None:
    header = report.tables[0]
    agency = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    assert agency == ["THANH TRA CHÍNH PHỦ", "CỤM THI ĐUA", "THANH TRA CÁC TỈNH",
                      "MIỀN TÂY NAM SÔNG HẬU"]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 26/BC-CTĐ"
    date = header.cell(1, 1).paragraphs[0]
    assert date.text == "Bạc Liêu, ngày 22 tháng 12 năm 2021"
    assert font_value(date, "italic") is True
    assert font_value(date, "size") == Pt(13)
    nation = [p for p in header.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in nation] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                        "Độc lập - Tự do - Hạnh phúc"]
    assert [font_value(p, "size") for p in nation] == [Pt(12), Pt(13)]
    assert all(font_value(p, "bold") for p in nation)
    assert font_value(header.cell(0, 0).paragraphs[0], "bold") in (None, False)


def test_page_and_fonts(report: Document) -> None:
    section = report.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    for actual, expected in [(section.page_width, 210), (section.page_height, 297),
                             (section.top_margin, 20), (section.bottom_margin, 20),
                             (section.left_margin, 30), (section.right_margin, 15)]:
        assert_length(actual, Mm(expected))
    assert section.different_first_page_header_footer is True
    normal = report.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(14))


def _paragraph(report: Document, start: str) -> docx.text.paragraph.Paragraph:
    return next(p for p in report.paragraphs if p.text.startswith(start))


def test_title_summary_and_body_format(report: Document) -> None:
    title = _paragraph(report, "BÁO CÁO")
    assert title.text == "BÁO CÁO"
    assert font_value(title, "bold") is True
    assert format_value(title, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    summary = _paragraph(report, "Tổng kết công tác thi đua")
    assert summary.text == ("Tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, "
                            "nhiệm vụ năm 2022 của Cụm Thi đua Thanh tra các tỉnh miền Tây Nam "
                            "sông Hậu")
    body = _paragraph(report, "Qua quán triệt")
    assert format_value(body, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert_length(format_value(body, "first_line_indent"), Cm(1.27))
    assert format_value(body, "space_before") >= Pt(6)
    assert font_value(body, "size") == Pt(14)
    opening = _paragraph(report, "Thực hiện Kế hoạch số 108/KH-TTCP")
    assert font_value(opening, "italic") in (None, False)
    assert opening.text.endswith("báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 và "
                                 "phương hướng, nhiệm vụ năm 2022 như sau:")
    assert "; Giao ước thi đua năm 2021" in opening.text
    assert not any(p.text.startswith("Căn cứ") for p in report.paragraphs)


def test_headings_in_order(report: Document) -> None:
    texts = [p.text for p in report.paragraphs]
    headings = ["I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "II. ĐÁNH GIÁ CHUNG",
                "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022", "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    positions = [texts.index(h) for h in headings]
    assert positions == sorted(positions)


def test_score_and_vote_tables(report: Document) -> None:
    score = next(t for t in report.tables if t.rows[0].cells[0].text == "Xếp hạng")
    ranks = [(r.cells[0].text, r.cells[1].text, r.cells[-1].text) for r in score.rows[1:]]
    assert ranks[:2] == [("1", "Sóc Trăng", "98,5"), ("2", "Kiên Giang", "97")]
    assert ("4", "Cà Mau", "95") in ranks and ("4", "An Giang", "95") in ranks
    votes = next(t for t in report.tables if t.rows[0].cells[1].text.startswith("Đơn vị, cá"))
    rows = [[c.text for c in r.cells] for r in votes.rows[1:]]
    assert rows == [
        ["1", "Thanh tra tỉnh Sóc Trăng", "Cờ thi đua của Thanh tra Chính phủ", "7/7", "100%"],
        ["2", "Thanh tra tỉnh Kiên Giang", "Bằng khen của Tổng Thanh tra Chính phủ", "7/7",
         "100%"],
    ]


def test_signature_and_recipients(report: Document) -> None:
    block = report.tables[-1]
    left = [p for p in block.cell(0, 0).paragraphs if p.text]
    assert left[0].text == "Nơi nhận:"
    assert (font_value(left[0], "bold"), font_value(left[0], "italic")) == (True, True)
    assert font_value(left[0], "size") == Pt(12)
    assert [p.text for p in left[1:]] == ["- Như trên;", "- Các thành viên Cụm thi đua;",
                                          "- Lãnh đạo Thanh tra tỉnh Bạc Liêu;",
                                          "- Lưu: VT, CTĐ."]
    assert all(font_value(p, "size") == Pt(11) for p in left[1:])
    right = [p.text for p in block.cell(0, 1).paragraphs if p.text]
    assert right == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "CHÁNH THANH TRA TỈNH BẠC LIÊU",
                     "Bùi Thanh Nguyên"]


def test_no_leftover_tags_or_blanks(report: Document) -> None:
    text = all_text(report)
    for bad in ("{{", "{%", "}}", "None", "nan"):
        assert bad not in text


def test_golden_text(report: Document) -> None:
    actual = "\n".join(lines(report)) + "\n"
    if UPDATE:
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8"), (
        "The report's text changed; if on purpose, refresh with DOCGEN_UPDATE_GOLDEN=1")


def test_workbook_text_that_looks_like_markup_prints_literally(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    odd = 'Thu hồi <100% & "đúng hạn" {{ 7*7 }} {% if x %}'
    path = edited(lambda b: set_cell(b, "Nội dung báo cáo", "Đoạn văn", 1, odd))
    (out,) = build(path, tmp_path / "out", only=["bao-cao-tong-ket"]).paths
    assert odd in all_text(docx.Document(str(out)))


def test_template_reads_exactly_the_context() -> None:
    checked = check(SAMPLE)
    context = report_context.context(checked.book, checked.outcome)
    template = Template.load(TEMPLATES_DIR / "bao-cao-tong-ket.docx")
    assert template.undeclared_variables() == set(context)


def test_registration_sentence_with_a_share_below_all(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    path = edited(lambda b: set_cell(b, "Đăng ký thi đua", "Số tập thể đăng ký", 1, 0))
    (out,) = build(path, tmp_path / "out", only=["bao-cao-tong-ket"]).paths
    assert ("Kết quả đăng ký thi đua năm 2021: 45/52 tập thể (đạt 86,5%) và 320/320 cá nhân "
            "(đạt 100%) đã đăng ký hưởng ứng các phong trào thi đua.") in lines_of(out)


def lines_of(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]
