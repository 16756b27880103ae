"""Documents laid out differently from docgen's: a header typed as paragraphs, a signature
without a table, an appendix (no header, no signature)."""

from __future__ import annotations

import io

import docx
from docx.document import Document

from docgen.check import lint
from tests.test_lint_builder import body, bottom_border, page_setup, rule, set_defaults, text


def _lint(doc: Document) -> list[tuple[str, str, str]]:
    stream = io.BytesIO()
    doc.save(stream)
    return [(f.rule_id, f.where, f.found) for f in lint(stream.getvalue())]


def _new() -> Document:
    doc = docx.Document()
    set_defaults(doc)
    page_setup(doc)
    return doc


def paragraphs_only(*, national: bool = True) -> Document:
    """A BÁO CÁO whose header and signature are plain paragraphs, no tables."""
    doc = _new()
    text(doc, "THANH TRA TỈNH", size=12, bold=True, center=True)
    if national:
        text(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, center=True)
    bottom_border(text(doc, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, center=True))
    text(doc, "Số: 12/BC-TTr", size=13, center=True)
    text(doc, "Cà Mau, ngày 03 tháng 12 năm 2025", size=13, italic=True, center=True)
    text(doc, "BÁO CÁO", bold=True, center=True)
    text(doc, "Sơ kết công tác thi đua sáu tháng đầu năm", bold=True, center=True)
    rule(doc)
    body(doc, "Thực hiện Kế hoạch số 01/KH-CTĐ, Thanh tra tỉnh báo cáo kết quả sáu tháng "
              "đầu năm như sau:")
    body(doc, "Đơn vị đã hoàn thành các chỉ tiêu đề ra, thực hiện tốt công tác tiếp công "
              "dân, giải quyết khiếu nại, tố cáo./.")
    text(doc, "Nơi nhận:", size=12, bold=True, italic=True)
    text(doc, "- Cụm trưởng;", size=11)
    text(doc, "- Lưu: VT.", size=11)
    doc.add_paragraph()
    text(doc, "CHÁNH THANH TRA", bold=True, center=True)
    doc.add_paragraph()
    doc.add_paragraph()
    text(doc, "Trần Văn Bình", bold=True, center=True)
    return doc


def appendix() -> Document:
    """A separate appendix: DANH SÁCH, its subject, the italic reference and a table."""
    doc = _new()
    text(doc, "DANH SÁCH", bold=True, center=True)
    text(doc, "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA TỔNG THANH TRA CHÍNH PHỦ NĂM 2021", bold=True,
         center=True)
    text(doc, "(Kèm theo Tờ trình số 16/TTr-CTĐ ngày 22 tháng 12 năm 2021 của Cụm Thi đua)",
         italic=True, center=True)
    rule(doc)
    grid = doc.add_table(rows=2, cols=3)
    for cell, value in zip(grid.rows[0].cells, ("STT", "Tên tập thể", "Ghi chú"), strict=True):
        cell.paragraphs[0].add_run(value).font.size = None
    for cell, value in zip(grid.rows[1].cells, ("1", "Thanh tra tỉnh Kiên Giang", ""),
                           strict=True):
        cell.paragraphs[0].add_run(value)
    return doc


def test_header_and_signature_typed_as_paragraphs_pass() -> None:
    assert _lint(paragraphs_only()) == []


def test_header_typed_as_paragraphs_without_national_title() -> None:
    assert _lint(paragraphs_only(national=False)) == [
        ("header.national-title", "đầu văn bản",
         "không có Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»"),
    ]


def test_appendix_needs_no_header_nor_signature() -> None:
    assert _lint(appendix()) == []


def test_appendix_still_follows_the_page_rules() -> None:
    doc = appendix()
    doc.sections[0].different_first_page_header_footer = False
    assert _lint(doc) == [("page-number.first-page", "đầu trang",
                           "trang thứ nhất có số trang (chưa bật «Trang đầu khác»)")]
