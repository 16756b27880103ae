"""docgen.check: each Decree 30 rule, passing and failing, on a small document built in code.

Every failing case breaks one thing of the conforming document (tests/test_lint_builder.py)
and asserts the exact findings: rule, place and what was found.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree

from docgen.check import RULES, format_finding, to_json
from docgen.check.words import quote
from tests.test_lint_builder import (
    Sample,
    conforming,
    page_field,
    remove_border,
)

Change = Callable[[Sample], None]

NATIONAL = "bảng 1, hàng 1, ô 2 («CỘNG HÒA XÃ HỘI CHỦ…»)"
MOTTO = "bảng 1, hàng 1, ô 2 («Độc lập - Tự do…»)"
ISSUER = "bảng 1, hàng 1, ô 1 («THANH TRA TỈNH»)"
NUMBER = "bảng 1, hàng 2, ô 1 («Số: 05/BC-TTr»)"
TITLE = "đoạn 1 («BÁO CÁO»)"
SUMMARY = "đoạn 2 («Kết quả công tác thi…»)"
BODY_1 = "đoạn 4 («Căn cứ Kế hoạch số…»)"
BODY_2 = "đoạn 5 («Thanh tra tỉnh Bạc Liêu…»)"
HEADING = "đoạn 7 («I. KẾT QUẢ THỰC HIỆN»)"
HEAD = "bảng 2, hàng 1, ô 1 («Nơi nhận:»)"
FIRST_RECIPIENT = "bảng 2, hàng 1, ô 1 («- Thanh tra Chính phủ;»)"
SECOND_RECIPIENT = "bảng 2, hàng 1, ô 1 («- Các thành viên Cụm;»)"
AUTHORITY = "bảng 2, hàng 1, ô 2 («KT. CHÁNH THANH TRA»)"
NAME = "bảng 2, hàng 1, ô 2 («Nguyễn Văn An»)"
PAGE = "trang khổ giấy"


def set_text(paragraph: Paragraph, value: str) -> None:
    """Replace the text of the paragraph's first run (formatting kept)."""
    paragraph.runs[0].text = value


def run_font(paragraph: Paragraph) -> object:
    return paragraph.runs[0].font


def found(sample: Sample) -> list[tuple[str, str, str]]:
    return [(f.rule_id, f.where, f.found) for f in sample.lint()]


def _landscape(s: Sample) -> None:
    section = s.doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)


def _letter(s: Sample) -> None:
    section = s.doc.sections[0]
    section.page_width, section.page_height = Mm(216), Mm(279)


def _page_number_in_footer(s: Sample) -> None:
    s.page_number._p.getparent().remove(s.page_number._p)
    footer = s.doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(footer)


def _page_number_on_first_page(s: Sample) -> None:
    first = s.doc.sections[0].first_page_header.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(first)


def _contextual(s: Sample) -> None:
    """Word's "don't add space between paragraphs of the same style" on body[1]."""
    s.body[1]._p.get_or_add_pPr().append(OxmlElement("w:contextualSpacing"))


def _fmt(paragraph: str, attr: str, value: object) -> Change:
    """A change setting `paragraph_format.<attr>` of one handle of the sample."""
    return lambda s: setattr(getattr(s, paragraph).paragraph_format, attr, value)


def _font(paragraph: str, attr: str, value: object, index: int | None = None) -> Change:
    """A change setting `font.<attr>` of the first run of a handle (or of body[index])."""

    def change(s: Sample) -> None:
        handle = getattr(s, paragraph)
        target = handle[index] if index is not None else handle
        setattr(run_font(target), attr, value)

    return change


def _text(paragraph: str, value: str, index: int | None = None) -> Change:
    def change(s: Sample) -> None:
        handle = getattr(s, paragraph)
        set_text(handle[index] if index is not None else handle, value)

    return change


NFD_BODY = unicodedata.normalize("NFD", "Thanh tra tỉnh Bạc Liêu báo cáo kết quả thực hiện "
                                  "công tác thi đua, khen thưởng năm 2021 như sau:")

# (id, change, expected findings as (rule, where, found))
FAILING: list[tuple[str, Change, list[tuple[str, str, str]]]] = [
    ("page.size", _letter, [("page.size", PAGE, "khổ 216 × 279 mm")]),
    ("page.orientation", _landscape,
     [("page.orientation", PAGE, "trang ngang (theo chiều rộng)")]),
    ("page.margins-left", lambda s: setattr(s.doc.sections[0], "left_margin", Mm(20)),
     [("page.margins", PAGE, "lề trái 20 mm")]),
    ("page.margins-top", lambda s: setattr(s.doc.sections[0], "top_margin", Mm(26)),
     [("page.margins", PAGE, "lề trên 26 mm")]),
    ("font.family", lambda s: setattr(run_font(s.body[1]), "name", "Arial"),
     [("font.family", BODY_2, "phông Arial")]),
    ("font.color", lambda s: setattr(run_font(s.body[1]).color, "rgb", RGBColor(255, 0, 0)),
     [("font.color", BODY_2, "màu #FF0000")]),
    ("national-size", _font("national", "size", Pt(14)),
     [("header.national-title", NATIONAL, "cỡ chữ 14 pt")]),
    ("national-bold", _font("national", "bold", False),
     [("header.national-title", NATIONAL, "không in đậm")]),
    ("national-case", _text("national", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
     [("header.national-title", "bảng 1, hàng 1, ô 2 («Cộng hòa xã hội chủ…»)",
       "«Cộng hòa xã hội chủ nghĩa Việt Nam»"),
      ("header.national-title", "bảng 1, hàng 1, ô 2 («Cộng hòa xã hội chủ…»)",
       "có chữ in thường")]),
    ("national-missing", _text("national", ""),
     [("header.national-title", "đầu văn bản",
       "không có Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»")]),
    ("motto-italic", _font("motto", "italic", True),
     [("header.motto", MOTTO, "in nghiêng")]),
    ("motto-dashes", _text("motto", "Độc lập-Tự do-Hạnh phúc"),
     [("header.motto", "bảng 1, hàng 1, ô 2 («Độc lập-Tự do-Hạnh phúc»)",
       "«Độc lập-Tự do-Hạnh phúc»")]),
    ("motto-rule", lambda s: remove_border(s.motto_rule),
     [("header.motto-rule", MOTTO, "không có đường kẻ dưới Tiêu ngữ")]),
    ("issuer-bold", _font("issuer", "bold", False),
     [("header.issuer", ISSUER, "không in đậm")]),
    ("issuer-size", _font("issuer", "size", Pt(14)),
     [("header.issuer", ISSUER, "cỡ chữ 14 pt")]),
    ("number-padding", _text("number", "Số: 5/BC-TTr"),
     [("header.number", "bảng 1, hàng 2, ô 1 («Số: 5/BC-TTr»)",
       "«Số: 5/BC-TTr»: số nhỏ hơn 10 chưa có số 0 phía trước")]),
    ("number-colon", _text("number", "Số 05/BC-TTr"),
     [("header.number", "bảng 1, hàng 2, ô 1 («Số 05/BC-TTr»)", "«Số 05/BC-TTr»")]),
    ("number-size", _font("number", "size", Pt(14)),
     [("header.number", NUMBER, "cỡ chữ 14 pt")]),
    ("number-missing", _text("number", ""),
     [("header.number", "đầu văn bản", "không có dòng «Số: …»")]),
    ("date-unpadded", _text("date", "Bạc Liêu, ngày 5 tháng 1 năm 2022"),
     [("header.date-line", "bảng 1, hàng 2, ô 2 («Bạc Liêu, ngày 5 tháng…»)",
       "«Bạc Liêu, ngày 5 tháng 1 năm 2022»")]),
    ("date-march-padded", _text("date", "Bạc Liêu, ngày 15 tháng 03 năm 2022"),
     [("header.date-line", "bảng 1, hàng 2, ô 2 («Bạc Liêu, ngày 15 tháng…»)",
       "«Bạc Liêu, ngày 15 tháng 03 năm 2022»")]),
    ("date-impossible", _text("date", "Bạc Liêu, ngày 30 tháng 02 năm 2022"),
     [("header.date-line", "bảng 1, hàng 2, ô 2 («Bạc Liêu, ngày 30 tháng…»)",
       "«Bạc Liêu, ngày 30 tháng 02 năm 2022»: không phải ngày hợp lệ")]),
    ("date-upright", _font("date", "italic", False),
     [("header.date-line", "bảng 1, hàng 2, ô 2 («Bạc Liêu, ngày 05 tháng…»)",
       "không in nghiêng")]),
    ("minutes-date-still-checked",
     lambda s: [set_text(s.title, "BIÊN BẢN"),
                set_text(s.date, "Bạc Liêu, ngày 5 tháng 1 năm 2022")],
     [("header.date-line", "bảng 1, hàng 2, ô 2 («Bạc Liêu, ngày 5 tháng…»)",
       "«Bạc Liêu, ngày 5 tháng 1 năm 2022»")]),
    ("date-missing", _text("date", ""),
     [("header.date-line", "đầu văn bản", "không có dòng địa danh, ngày tháng năm")]),
    ("title-bold", _font("title", "bold", False), [("title.kind", TITLE, "không in đậm")]),
    ("title-left", _fmt("title", "alignment", WD_ALIGN_PARAGRAPH.LEFT),
     [("title.kind", TITLE, "canh trái")]),
    ("title-missing", _text("title", "Báo cáo"),
     [("title.kind", "đầu văn bản", "không tìm thấy tên loại văn bản (chữ in hoa, canh "
       "giữa, dưới phần đầu văn bản)")]),
    ("summary-bold", _font("summary", "bold", False),
     [("title.summary", SUMMARY, "không in đậm")]),
    ("summary-size", _font("summary", "size", Pt(12)),
     [("title.summary", SUMMARY, "cỡ chữ 12 pt")]),
    ("body.alignment", lambda s: setattr(s.body[1], "alignment", WD_ALIGN_PARAGRAPH.LEFT),
     [("body.alignment", BODY_2, "canh trái")]),
    ("body.indent", lambda s: setattr(s.body[1].paragraph_format, "first_line_indent",
                                      Cm(0.5)),
     [("body.indent", BODY_2, "lùi đầu dòng 0,5 cm")]),
    ("body.indent-none", lambda s: setattr(s.body[0].paragraph_format, "first_line_indent",
                                           None),
     [("body.indent", BODY_1, "không lùi đầu dòng")]),
    ("body.spacing", lambda s: setattr(s.body[1].paragraph_format, "space_before", Pt(3)),
     [("body.spacing", BODY_2, "khoảng cách trước đoạn 3 pt, sau đoạn 0 pt")]),
    ("body.spacing-contextual", _contextual,
     [("body.spacing", BODY_2, "khoảng cách đoạn bị bỏ («Không thêm khoảng cách giữa các "
       "đoạn cùng kiểu» đang bật)")]),
    ("body.line-spacing", lambda s: setattr(s.body[1].paragraph_format, "line_spacing", 2.0),
     [("body.line-spacing", BODY_2, "giãn dòng 2 dòng")]),
    ("body.line-exact", lambda s: setattr(s.body[1].paragraph_format, "line_spacing", Pt(12)),
     [("body.line-spacing", BODY_2, "giãn dòng cố định 12 pt (khoảng 0,75 dòng ở cỡ 14 pt)")]),
    ("body.size", _font("body", "size", Pt(12), index=1),
     [("body.size", BODY_2, "cỡ chữ 12 pt")]),
    ("heading-bold", _font("heading", "bold", False),
     [("heading.roman", HEADING, "không in đậm")]),
    ("heading-case", _text("heading", "I. Kết quả thực hiện"),
     [("heading.roman", "đoạn 7 («I. Kết quả thực hiện»)", "có chữ in thường")]),
    ("authority-bold", _font("authority", "bold", False, index=0),
     [("signature.authority", AUTHORITY, "không in đậm")]),
    ("authority-prefix", _text("authority", "KT CHÁNH THANH TRA", index=0),
     [("signature.authority", "bảng 2, hàng 1, ô 2 («KT CHÁNH THANH TRA»)",
       "viết tắt quyền hạn «KT»")]),
    ("authority-size", _font("authority", "size", Pt(12), index=1),
     [("signature.authority", "bảng 2, hàng 1, ô 2 («PHÓ CHÁNH THANH TRA»)",
       "cỡ chữ 12 pt")]),
    ("name-bold", _font("name", "bold", False), [("signature.name", NAME, "không in đậm")]),
    ("name-degree", _text("name", "TS. Nguyễn Văn An"),
     [("signature.name", "bảng 2, hàng 1, ô 2 («TS. Nguyễn Văn An»)",
       "có học hàm, học vị «TS.»")]),
    ("name-upper", _text("name", "NGUYỄN VĂN AN"),
     [("signature.name", "bảng 2, hàng 1, ô 2 («NGUYỄN VĂN AN»)", "viết in hoa toàn bộ")]),
    ("head-colon", _text("head", "Nơi nhận"),
     [("recipients.head", "bảng 2, hàng 1, ô 1 («Nơi nhận»)", "«Nơi nhận»")]),
    ("head-upright", _font("head", "italic", False),
     [("recipients.head", HEAD, "không in nghiêng")]),
    ("head-missing", _text("head", ""),
     [("recipients.head", "cuối văn bản", "không có phần «Nơi nhận:»")]),
    ("list-semicolon", _text("recipients", "- Thanh tra Chính phủ", index=0),
     [("recipients.list", "bảng 2, hàng 1, ô 1 («- Thanh tra Chính phủ»)",
       "cuối dòng không có «;»")]),
    ("list-dash", _text("recipients", "Các thành viên Cụm;", index=1),
     [("recipients.list", "bảng 2, hàng 1, ô 1 («Các thành viên Cụm;»)",
       "đầu dòng không có «- »")]),
    ("list-size", _font("recipients", "size", Pt(12), index=1),
     [("recipients.list", SECOND_RECIPIENT, "cỡ chữ 12 pt")]),
    ("archive", _text("recipients", "- Lưu VT", index=2),
     [("recipients.archive", "bảng 2, hàng 1, ô 1 («- Lưu VT»)", "dòng cuối «- Lưu VT»")]),
    ("page-number-missing", lambda s: s.page_number._p.getparent().remove(s.page_number._p),
     [("page-number.position", "đầu trang", "không có số trang")]),
    ("page-number-footer", _page_number_in_footer,
     [("page-number.position", "đầu trang", "số trang đặt ở chân trang")]),
    ("page-number-left", _fmt("page_number", "alignment", WD_ALIGN_PARAGRAPH.LEFT),
     [("page-number.position", "đầu trang", "canh trái")]),
    ("page-number-size", lambda s: setattr(s.page_number.runs[3].font, "size", Pt(12)),
     [("page-number.position", "đầu trang", "cỡ chữ 12 pt")]),
    ("first-page-off",
     lambda s: setattr(s.doc.sections[0], "different_first_page_header_footer", False),
     [("page-number.first-page", "đầu trang",
       "trang thứ nhất có số trang (chưa bật «Trang đầu khác»)")]),
    ("first-page-numbered", _page_number_on_first_page,
     [("page-number.first-page", "đầu trang thứ nhất", "đầu trang thứ nhất có số trang")]),
    ("leftover-tag", _text("body", "Năm 2021, đơn vị {{ doc.unit }} đã hoàn thành xuất sắc các "
                           "nhiệm vụ được giao trong năm.", index=2),
     [("text.leftover-tag", "đoạn 6 («Năm 2021, đơn vị {{…»)",
       "còn thẻ mẫu «{{ doc.unit }}»")]),
    ("none", _text("body", "Năm 2021, đơn vị đã tiến hành None cuộc thanh tra, phát hiện "
                   "sai phạm về kinh tế.", index=2),
     [("text.none", "đoạn 6 («Năm 2021, đơn vị đã…»)", "có chữ «None»")]),
    ("nan", _text("body", "Tỷ lệ hoàn thành kế hoạch thanh tra năm 2021 của đơn vị đạt "
                  "nan%.", index=2),
     [("text.none", "đoạn 6 («Tỷ lệ hoàn thành kế…»)", "có chữ «nan»")]),
    ("fill-in", _text("body", "Năm 2021, đơn vị đã tiến hành [Bổ sung: số cuộc] cuộc thanh "
                      "tra theo kế hoạch được giao.", index=2),
     [("text.fill-in", "đoạn 6 («Năm 2021, đơn vị đã…»)",
       "còn chỗ cần bổ sung «[Bổ sung: số cuộc]»")]),
    ("nfc", _text("body", NFD_BODY, index=1),
     [("text.nfc", f"đoạn 5 ({quote(NFD_BODY)})",
       "chữ chưa chuẩn hóa NFC: «" + unicodedata.normalize("NFD", "tỉnh") + "»")]),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in FAILING],
                         ids=[c[0] for c in FAILING])
def test_one_broken_thing_gives_exactly_its_findings(
        change: Change, expected: list[tuple[str, str, str]]) -> None:
    sample = conforming()
    change(sample)
    assert found(sample) == expected


def _blank_number(s: Sample) -> None:
    set_text(s.number, "Số: \u00a0\u00a0\u00a0\u00a0/BC-TTr")


def _kind(title: str, drop: str) -> Change:
    """Retitle the document and empty the component its kind lacks."""

    def change(s: Sample) -> None:
        set_text(s.title, title)
        set_text(getattr(s, drop), "")

    return change


def _drawn_motto_rule(s: Sample) -> None:
    """Replace the border under the Tiêu ngữ by a VML line drawn from its paragraph."""
    remove_border(s.motto_rule)
    pict = etree.SubElement(s.motto_rule.add_run()._r, qn("w:pict"))
    etree.SubElement(pict, "{urn:schemas-microsoft-com:vml}line", {"from": "0,0", "to": "160pt,0"})


PASSING: list[tuple[str, Change]] = [
    ("motto-rule-drawn", _drawn_motto_rule),
    ("margins-upper-bounds", lambda s: [setattr(s.doc.sections[0], f"{side}_margin", Mm(v))
                                        for side, v in (("top", 25), ("bottom", 25),
                                                        ("left", 35), ("right", 20))]),
    ("national-13", _font("national", "size", Pt(13))),
    ("national-old-tone", _text("national", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
    ("motto-14", _font("motto", "size", Pt(14))),
    ("issuer-13", _font("issuer", "size", Pt(13))),
    ("number-blank", _blank_number),
    ("number-ten", _text("number", "Số: 10/BC-TTr")),
    ("number-with-year", _text("number", "Số: 15/2020/NĐ-CP")),
    ("date-june", _text("date", "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019")),
    ("date-february", _text("date", "Bạc Liêu, ngày 28 tháng 02 năm 2023")),
    ("date-14", _font("date", "size", Pt(14))),
    ("title-13", _font("title", "size", Pt(13))),
    ("indent-1cm", lambda s: setattr(s.body[1].paragraph_format, "first_line_indent", Cm(1))),
    ("spacing-after", lambda s: [setattr(s.body[1].paragraph_format, "space_before", Pt(0)),
                                 setattr(s.body[1].paragraph_format, "space_after", Pt(6))]),
    ("line-1.5", lambda s: setattr(s.body[1].paragraph_format, "line_spacing", 1.5)),
    ("line-exact-18", lambda s: setattr(s.body[1].paragraph_format, "line_spacing", Pt(18))),
    ("line-one-and-half-rule", lambda s: setattr(s.body[1].paragraph_format,
                                                  "line_spacing_rule",
                                                  WD_LINE_SPACING.ONE_POINT_FIVE)),
    ("body-13", _font("body", "size", Pt(13), index=1)),
    ("body-italic-basis", _font("body", "italic", True, index=0)),
    ("short-left-paragraph", _text("body", "Kết quả như sau:", index=1)),
    ("nan-word", _text("body", "Đây là vấn đề nan giải của nhiều đơn vị trong năm 2021, cần "
                       "được quan tâm giải quyết.", index=2)),
    ("authority-tm", _text("authority", "TM. ỦY BAN NHÂN DÂN", index=0)),
    ("name-13", _font("name", "size", Pt(13))),
    ("color-black", lambda s: setattr(run_font(s.body[1]).color, "rgb", RGBColor(0, 0, 0))),
    ("minutes-without-date", _kind("BIÊN BẢN", "date")),
    ("pact-without-number", _kind("GIAO ƯỚC THI ĐUA NĂM 2022", "number")),
    ("achievement-report-without-number", _kind("BÁO CÁO THÀNH TÍCH", "number")),
]


@pytest.mark.parametrize("change", [c[1] for c in PASSING], ids=[c[0] for c in PASSING])
def test_allowed_variants_pass(change: Change) -> None:
    sample = conforming()
    change(sample)
    assert found(sample) == []


def test_every_rule_has_a_failing_case() -> None:
    covered = {rule for _, _, expected in FAILING for rule, _, _ in expected}
    assert covered == {rule.id for rule in RULES}


def test_done_when_margin_date_and_recipients() -> None:
    sample = conforming()
    sample.doc.sections[0].left_margin = Mm(20)
    set_text(sample.date, "Bạc Liêu, ngày 5 tháng 1 năm 2022")
    for line in sample.recipients:
        line.runs[0].font.size = Pt(13)
    findings = sample.lint()
    assert [(f.rule_id, f.where, f.found, f.expected) for f in findings] == [
        ("page.margins", "trang khổ giấy", "lề trái 20 mm", "lề trái 30–35 mm"),
        ("header.date-line", "bảng 1, hàng 2, ô 2 («Bạc Liêu, ngày 5 tháng…»)",
         "«Bạc Liêu, ngày 5 tháng 1 năm 2022»", "«Bạc Liêu, ngày 05 tháng 01 năm 2022»"),
        ("recipients.list", f"{FIRST_RECIPIENT} và 2 chỗ khác", "cỡ chữ 13 pt",
         "cỡ chữ 11 pt"),
    ]
    assert all(f.severity == "error" for f in findings)


def test_orientation_is_a_warning() -> None:
    sample = conforming()
    _landscape(sample)
    assert [f.severity for f in sample.lint()] == ["warning"]


def test_format_finding_is_one_vietnamese_line() -> None:
    sample = conforming()
    sample.doc.sections[0].left_margin = Mm(20)
    (item,) = sample.lint()
    assert format_finding(item) == (
        '[lỗi] page.margins — Lề trang: trang khổ giấy: lề trái 20 mm; yêu cầu lề trái '
        '30–35 mm. (NĐ 30: "Cách mép trên và mép dưới 20 - 25 mm, cách mép trái 30 - 35 mm, '
        'cách mép phải 15 - 20 mm.")')


def test_json_keys_and_unescaped_vietnamese() -> None:
    sample = conforming()
    _landscape(sample)
    text = to_json(sample.lint())
    assert "chiều rộng" in text  # not \u escapes
    assert json.loads(text) == [{
        "rule": "page.orientation", "title": "Hướng trình bày", "severity": "warning",
        "where": "trang khổ giấy",
        "found": "trang ngang (theo chiều rộng)",
        "expected": "theo chiều dài khổ A4 (trang dọc)",
        "decree": "Theo chiều dài của khổ A4; văn bản có bảng, biểu không làm thành phụ lục "
                  "riêng thì có thể trình bày theo chiều rộng.",
    }]


def test_a_style_that_breaks_a_rule_everywhere_gives_one_line() -> None:
    sample = conforming()
    for paragraph in sample.body:
        paragraph.paragraph_format.first_line_indent = None
    (item,) = sample.lint()
    assert (item.rule_id, item.where) == ("body.indent", f"{BODY_1} và 3 chỗ khác")

