"""A small Decree 30 document built with python-docx, for the lint tests to break one thing at
a time; and the proof that, unbroken, it passes every rule."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph

from docgen.check import Finding, lint

FONT = "Times New Roman"
BODY = [
    "Căn cứ Kế hoạch số 22/KH-CTĐ ngày 22/10/2021 của Cụm Thi đua phát động phong trào "
    "thi đua năm 2021;",
    "Thanh tra tỉnh Bạc Liêu báo cáo kết quả thực hiện công tác thi đua, khen thưởng năm 2021 "
    "như sau:",
    "Năm 2021, đơn vị đã hoàn thành xuất sắc các nhiệm vụ được giao, thực hiện tốt công tác "
    "tiếp công dân, giải quyết khiếu nại, tố cáo.",
]
AFTER_HEADING = ("Các phong trào thi đua được triển khai thường xuyên, có nội dung, chỉ tiêu "
                 "cụ thể, gắn với nhiệm vụ chính trị của đơn vị./.")
RECIPIENTS = ["- Thanh tra Chính phủ;", "- Các thành viên Cụm;", "- Lưu: VT, TTr."]


@dataclass
class Sample:
    """The built document and handles on the paragraphs tests change."""

    doc: Document
    superior: Paragraph
    issuer: Paragraph
    issuer_rule: Paragraph
    national: Paragraph
    motto: Paragraph
    motto_rule: Paragraph
    number: Paragraph
    date: Paragraph
    title: Paragraph
    summary: Paragraph
    body: list[Paragraph]
    heading: Paragraph
    head: Paragraph
    recipients: list[Paragraph]
    authority: list[Paragraph]
    name: Paragraph
    page_number: Paragraph
    extra: dict[str, Any] = field(default_factory=dict)

    def bytes(self) -> bytes:
        """The document saved as .docx bytes."""
        stream = io.BytesIO()
        self.doc.save(stream)
        return stream.getvalue()

    def lint(self) -> list[Finding]:
        """Save and lint the document."""
        return lint(self.bytes())


# --------------------------------------------------------------------------- raw XML helpers


def set_defaults(doc: Document, size_half_points: int = 28) -> None:
    """docDefaults: Times New Roman in every slot (theme fonts dropped), size, no spacing."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr.find(qn("w:rFonts"))
    fonts.attrib.clear()
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), FONT)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(size_half_points))
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.attrib.clear()
    for attr, value in (("before", "0"), ("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(qn(f"w:{attr}"), value)


def bottom_border(paragraph: Paragraph) -> None:
    """A solid bottom border under the paragraph (a Decree 30 rule)."""
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{attr}"), value)
    border.append(bottom)
    ppr.insert_element_before(border, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")


def remove_border(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.remove(ppr.find(qn("w:pBdr")))


def page_field(paragraph: Paragraph) -> None:
    """A PAGE field: begin, instruction, separate, the shown number, end."""
    for kind in ("begin", "instr", "separate", "text", "end"):
        run = paragraph.add_run("1" if kind == "text" else "")
        if kind == "instr":
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = " PAGE "
            run._r.append(node)
        elif kind != "text":
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
            run._r.append(node)


def toggle_off(run: Any, tag: str = "w:b") -> None:
    """Write `<w:b w:val="0"/>` (or another toggle) on a run."""
    rpr = run._r.get_or_add_rPr()
    node = OxmlElement(tag)
    node.set(qn("w:val"), "0")
    rpr.append(node)


# --------------------------------------------------------------------------- building


def text(container: Any, value: str, *, size: float | None = None, bold: bool | None = None,
         italic: bool | None = None, center: bool = False) -> Paragraph:
    """Add a paragraph holding one run of `value` with the given direct formatting."""
    paragraph = container.add_paragraph()
    run = paragraph.add_run(value)
    run.font.size = Pt(size) if size else None
    run.font.bold, run.font.italic = bold, italic
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def body(doc: Document, value: str, **fmt: Any) -> Paragraph:
    """A body paragraph: justified, first line 1.27 cm, 6 pt before, single spacing."""
    paragraph = text(doc, value, **fmt)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1.27)
    paragraph.paragraph_format.space_before = Pt(6)
    return paragraph


def rule(container: Any) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    bottom_border(paragraph)
    return paragraph


def first(cell: Any, value: str, **fmt: Any) -> Paragraph:
    """Use the empty paragraph a new cell starts with, then format it like `text`."""
    paragraph = cell.paragraphs[0]
    paragraph._p.getparent().remove(paragraph._p)
    return text(cell, value, **fmt)


def page_setup(doc: Document) -> Paragraph:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(number)
    return number


def header(doc: Document) -> dict[str, Paragraph]:
    grid = doc.add_table(rows=2, cols=2)
    agency, nation = grid.cell(0, 0), grid.cell(0, 1)
    parts = {
        "superior": first(agency, "UBND TỈNH BẠC LIÊU", size=12, center=True),
        "issuer": text(agency, "THANH TRA TỈNH", size=12, bold=True, center=True),
        "issuer_rule": rule(agency),
        "national": first(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True,
                          center=True),
        "motto": text(nation, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, center=True),
        "motto_rule": rule(nation),
        "number": first(grid.cell(1, 0), "Số: 05/BC-TTr", size=13, center=True),
        "date": first(grid.cell(1, 1), "Bạc Liêu, ngày 05 tháng 01 năm 2022", size=13,
                      italic=True, center=True),
    }
    return parts


def closing(doc: Document) -> dict[str, Any]:
    grid = doc.add_table(rows=1, cols=2)
    left, right = grid.cell(0, 0), grid.cell(0, 1)
    head = first(left, "Nơi nhận:", size=12, bold=True, italic=True)
    recipients = [text(left, line, size=11) for line in RECIPIENTS]
    authority = [first(right, "KT. CHÁNH THANH TRA", bold=True, center=True),
                 text(right, "PHÓ CHÁNH THANH TRA", bold=True, center=True)]
    for _ in range(3):
        text(right, "", center=True)
    name = text(right, "Nguyễn Văn An", bold=True, center=True)
    return {"head": head, "recipients": recipients, "authority": authority, "name": name}


def conforming() -> Sample:
    """A one-page BÁO CÁO laid out as Decree 30 requires."""
    doc = docx.Document()
    set_defaults(doc)
    page_number = page_setup(doc)
    parts = header(doc)
    title = text(doc, "BÁO CÁO", bold=True, center=True)
    summary = text(doc, "Kết quả công tác thi đua, khen thưởng năm 2021", bold=True, center=True)
    rule(doc)
    paragraphs = [body(doc, line) for line in BODY]
    heading = body(doc, "I. KẾT QUẢ THỰC HIỆN", bold=True)
    paragraphs.append(body(doc, AFTER_HEADING))
    return Sample(doc=doc, title=title, summary=summary, body=paragraphs, heading=heading,
                  page_number=page_number, **parts, **closing(doc))


def test_conforming_document_has_no_findings() -> None:
    assert conforming().lint() == []
