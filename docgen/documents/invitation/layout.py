"""Turn the invitation's outline (Decree 30 Phụ lục III Mẫu 1.4, a paper with a tên loại;
type abbreviation GM; domain.md 4.5) into its docxtpl template.

Header with the "Số: …/GM-…" line and the place-and-date line, "GIẤY MỜI" and its trích yếu,
then the body: who is invited, time, form and place (the minutes' words), agenda, what to
send beforehand, contact, the closing line; signature and Nơi nhận. A part the workbook
leaves blank prints a highlighted fill-in marker.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

from docgen.documents.shared.blocks import (
    MEETING_START,
    body,
    closing,
    either,
    fill_in,
    header_table,
    is_lead_in,
    loop,
    meeting_place,
    para,
    signature_block,
    title_block,
)
from docgen.documents.shared.ooxml import run_defaults
from docgen.documents.shared.page import new_document, save

# The request for papers, sent to the unit of this year's Cụm trưởng (the host).
SEND = "Đề nghị các đơn vị thành viên {{ group }} gửi về {{ host }}"


def marked(doc: DocxDocument, lead: str, what: str, tail: str) -> Paragraph:
    """A body paragraph: `lead`, a highlighted marker asking for `what`, then `tail`."""
    paragraph = fill_in(doc, what, lead=lead)
    if tail:
        run_defaults(paragraph.add_run(tail))
    if is_lead_in(tail):  # it announces a list, as `para` keeps a lead-in with it
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def invited(doc: DocxDocument) -> None:
    """"… trân trọng kính mời:" and the invitees: the superior body's guests (or a marker
    asking for them), each member's leaders, and a marker for whom of each member when the
    workbook does not say."""
    body(doc, "{{ cluster_name }} trân trọng kính mời:")
    para(doc, "{%p if guest_lines %}", "Body")
    loop(doc, "guest_lines", "{{ line }}", "Body")
    para(doc, "{%p else %}", "Body")
    marked(doc, "- ", "đại biểu của {{ superior_body }} được mời (họ và tên, chức vụ)", ";")
    para(doc, "{%p endif %}", "Body")
    loop(doc, "member_lines", "{{ line }}", "Body")
    para(doc, "{%p if not invited %}", "Body")
    marked(doc, "Thành phần mời của mỗi đơn vị: ", "chức vụ và số lãnh đạo, cán bộ được mời "
           "của mỗi đơn vị", ".")
    para(doc, "{%p endif %}", "Body")


def agenda(doc: DocxDocument) -> None:
    """"Nội dung:" and the agenda's items in order, or a marker."""
    def items() -> None:
        body(doc, "Nội dung:")
        loop(doc, "agenda_lines", "{{ line }}", "Body")

    either(doc, "agenda_lines", items, "các nội dung của Hội nghị theo thứ tự", "Nội dung: ")


def papers(doc: DocxDocument) -> None:
    """What each member sends beforehand, to whom and by when; markers where blank."""
    para(doc, "{%p if prepare_lines and prepare_deadline %}", "Body")
    body(doc, f"{SEND} trước ngày {{{{ prepare_deadline }}}} các tài liệu sau:")
    para(doc, "{%p elif prepare_lines %}", "Body")
    marked(doc, f"{SEND} trước ngày ", "ngày", " các tài liệu sau:")
    para(doc, "{%p endif %}", "Body")
    loop(doc, "prepare_lines", "{{ line }}", "Body")
    para(doc, "{%p if not prepare_lines %}", "Body")
    marked(doc, f"{SEND}{{% if prepare_deadline %}} trước ngày {{{{ prepare_deadline }}}}"
                "{% endif %}: ",
           "tài liệu gửi trước Hội nghị, ví dụ: bảng tự chấm điểm, báo cáo tổng kết năm "
           "{{ year }}{% if not prepare_deadline %}; thời hạn gửi{% endif %}", ".")
    para(doc, "{%p endif %}", "Body")


def contact(doc: DocxDocument) -> None:
    """Whom to call: the contact and the phone, each or both a marker when blank."""
    lead = "Thông tin liên hệ: "
    para(doc, "{%p if contact and contact_phone %}", "Body")
    body(doc, f"{lead}{{{{ contact }}}}, điện thoại {{{{ contact_phone }}}}.")
    para(doc, "{%p elif contact %}", "Body")
    marked(doc, f"{lead}{{{{ contact }}}}, điện thoại ", "số điện thoại", ".")
    para(doc, "{%p elif contact_phone %}", "Body")
    marked(doc, lead, "họ và tên, chức vụ người liên hệ", ", điện thoại {{ contact_phone }}.")
    para(doc, "{%p else %}", "Body")
    marked(doc, lead, "họ và tên, chức vụ và số điện thoại người liên hệ", ".")
    para(doc, "{%p endif %}", "Body")


def build(path: Path) -> None:
    """Write the template of the invitation to the cluster's year-end conference."""
    doc = new_document("Giấy mời dự Hội nghị tổng kết công tác thi đua, khen thưởng")
    header_table(doc)
    title_block(doc, "GIẤY MỜI", "Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm "
                                 "{{ year }} của {{ cluster_name }}")
    invited(doc)
    body(doc, f"Thời gian: {MEETING_START} ({{{{ weekday }}}}).")
    meeting_place(doc)
    agenda(doc)
    papers(doc)
    contact(doc)
    closing(doc, "Rất mong các đồng chí tham dự đầy đủ, đúng thời gian./.")
    signature_block(doc)
    save(doc, path)
