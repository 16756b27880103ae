"""Turn the minutes' outline (Decree 30 Mẫu 1.9; domain.md 4.2 and 4.6) into its docxtpl
template.

Where the workbook leaves a fact out (an old workbook without the attendance sheet, the
agenda, the election counts, the discussion or the number of copies), the template prints a
highlighted fill-in marker in its place.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

from docgen.documents.shared.blocks import (
    MEETING_START,
    SIGNATURE_GAP,
    Column,
    body,
    body_loop,
    closing,
    either,
    fill_in,
    first_para,
    header_table,
    heading,
    layout_table,
    loop,
    meeting_place,
    para,
    recipients,
    score_table,
    table,
    title_block,
)
from docgen.documents.shared.ooxml import row_flags
from docgen.documents.shared.page import CENTER, RIGHT, new_document, save

CO_CHAIR = "{% if co_chair %}; đồng chủ trì: đồng chí {{ co_chair }}{% endif %}"


def ballot_table(doc: DocxDocument) -> Table:
    """Add the ballot table: every nominee, its votes, share and result (165 mm wide)."""
    columns = [
        Column("STT", Mm(10), "{{ r.stt }}", CENTER),
        Column("Đơn vị, cá nhân được đề nghị", Mm(43), "{{ r.nominee }}"),
        Column("Hình thức đề nghị", Mm(36), "{{ r.award }}"),
        Column("Số phiếu đồng ý", Mm(16), "{{ r.votes_for }}", RIGHT),
        Column("{{ base_header }}", Mm(18), "{{ r.voters }}", RIGHT),
        Column("Tỷ lệ (%)", Mm(16), "{{ r.percent }}", RIGHT),
        Column("Kết quả", Mm(26), "{% if r.proposed %}Đề nghị{% else %}Không đề nghị{% endif %}",
               CENTER),
    ]
    return table(doc, columns, "ballot_rows", size=11)


def minutes_signatures(doc: DocxDocument) -> Table:
    """Add THƯ KÝ (left) and CHỦ TỌA (right), each with room to sign and the name below."""
    half = Mm(82.5)
    grid = layout_table(doc, [half, half])
    for cell, title, name in ((grid.cell(0, 0), "THƯ KÝ", "{{ secretary_name }}"),
                              (grid.cell(0, 1), "CHỦ TỌA", "{{ chair_name }}")):
        first_para(cell, title, "Signer")
        for _ in range(SIGNATURE_GAP):
            para(cell, "", "Signer")
        para(cell, name, "Signer")
    row_flags(grid.rows[0])
    return grid


def lead(doc: DocxDocument, text: str) -> Paragraph:
    """A body paragraph kept on the page of what follows it (a list or a table)."""
    paragraph = body(doc, text)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def kept_loop(doc: DocxDocument, items: str) -> None:
    """One body paragraph per line of `items`, all kept together with what follows (a short
    list: the guests, the counting board, the awards' rules)."""
    para(doc, f"{{%p for line in {items} %}}", "Body")
    lead(doc, "{{ line }}")
    para(doc, "{%p endfor %}", "Body")


def meeting_lines(doc: DocxDocument) -> None:
    """Add when, how and where the meeting was held."""
    body(doc, f"Thời gian bắt đầu: {MEETING_START}.")
    meeting_place(doc)


def member_table(doc: DocxDocument) -> Table:
    """Add the members present: number, unit, and each delegate ('name, title') on a line."""
    columns = [
        Column("STT", Mm(12), "{{ r.stt }}", CENTER),
        Column("Đơn vị thành viên", Mm(65), "{{ r.unit }}"),
        Column("Đại biểu dự họp (họ và tên, chức vụ)", Mm(88), "{%p for p in r.people %}"),
    ]
    grid = table(doc, columns, "member_rows", size=12)
    cell = grid.rows[2].cells[2]
    para(cell, "{{ p }}", "Table text")
    para(cell, "{%p endfor %}", "Table text")
    return grid


def members_present(doc: DocxDocument) -> None:
    """The guests, each member's delegates, the absences and the quorum sentence."""
    para(doc, "{%p if guest_lines %}", "Body")
    lead(doc, "Đại biểu khách mời:")
    kept_loop(doc, "guest_lines")
    para(doc, "{%p endif %}", "Body")
    lead(doc, "Đại biểu các đơn vị thành viên {{ group }} có mặt:")
    member_table(doc)
    para(doc, "{%p if written_line %}", "Body")
    body(doc, "Vắng mặt, có ý kiến bằng văn bản: {{ written_line }}.")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if absent_line %}", "Body")
    body(doc, "Vắng mặt, không có ý kiến bằng văn bản: {{ absent_line }}.")
    para(doc, "{%p endif %}", "Body")
    body(doc, "{{ quorum_sentence }}")


def members_unknown(doc: DocxDocument) -> None:
    """Without the attendance sheet: the workbook's summary and markers for the rest."""
    body(doc, "Thành phần tham dự: {{ attendees }}.")
    fill_in(doc, "đại biểu khách mời; đại biểu của từng đơn vị thành viên có mặt (họ và tên, "
                 "chức vụ); đơn vị vắng mặt có ý kiến bằng văn bản và đơn vị vắng mặt")
    fill_in(doc, "số đơn vị thành viên có mặt trên tổng số thành viên và điều kiện tiến hành "
                 "bình xét theo quy định", lead="Số thành viên có mặt: ")


def participants(doc: DocxDocument) -> None:
    """Add part I: chair, co-chair, secretary, then who attended (or markers)."""
    heading(doc, "I. THÀNH PHẦN", 1)
    body(doc, f"Chủ trì: đồng chí {{{{ chair_name }}}}, {{{{ chair_title }}}}{CO_CHAIR}.")
    body(doc, "Thư ký: đồng chí {{ secretary_name }}, {{ secretary_title }}.")
    para(doc, "{%p if attendance %}", "Body")
    members_present(doc)
    para(doc, "{%p else %}", "Body")
    members_unknown(doc)
    para(doc, "{%p endif %}", "Body")


def agenda(doc: DocxDocument) -> None:
    """The agenda as the workbook lists it, or a marker."""
    def items() -> None:
        lead(doc, "Hội nghị tiến hành theo chương trình sau:")
        loop(doc, "agenda_lines", "{{ line }}", "Body")

    either(doc, "agenda_lines", items, "các nội dung của hội nghị theo thứ tự",
           "Chương trình hội nghị: ")


def ballot(doc: DocxDocument) -> None:
    """The counting board, the ballots, the awards' rules and every nominee's result."""
    heading(doc, "2. Bình xét, suy tôn", 2)

    def board() -> None:
        lead(doc, "Hội nghị bầu Ban kiểm phiếu gồm:")
        kept_loop(doc, "board_lines")

    either(doc, "board_lines", board, "họ và tên, chức vụ, đơn vị của Trưởng ban và các "
           "thành viên", "Ban kiểm phiếu: ")
    body(doc, "{{ ballot_sentence }}")
    lead(doc, "Tiêu chuẩn bình xét:")
    kept_loop(doc, "rule_lines")
    para(doc, "{%p if base_sentence %}", "Body")
    lead(doc, "{{ base_sentence }}")
    para(doc, "{%p endif %}", "Body")
    lead(doc, "Kết quả bỏ phiếu như sau:")
    ballot_table(doc)


def election(doc: DocxDocument) -> None:
    """Next year's leader and deputy, each with its count or a marker asking for it."""
    heading(doc, "4. Bầu {{ leader_title }}, {{ deputy_title }} năm {{ next_year }}", 2)
    lead(doc, "Hội nghị đã bầu {{ leader_title }}, {{ deputy_title }} năm {{ next_year }}:")
    para(doc, "{%p for e in election %}", "Body")
    para(doc, "{%p if e.votes %}", "Body")
    body(doc, "- {{ e.unit }} làm {{ e.office }}, được {{ e.votes }}"
              "{% if loop.last %}.{% else %};{% endif %}")
    para(doc, "{%p else %}", "Body")
    fill_in(doc, "số phiếu bầu trên số phiếu hợp lệ",
            lead="- {{ e.unit }} làm {{ e.office }}, được ")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p endfor %}", "Body")


def content(doc: DocxDocument) -> None:
    """Add part II: the agenda, scores, ballot, conclusion, next year's officers, and what
    the meeting discussed and adopted."""
    heading(doc, "II. NỘI DUNG", 1)
    agenda(doc)
    heading(doc, "1. Kết quả chấm điểm thi đua", 2)
    lead(doc, "Hội nghị đã thông qua kết quả chấm điểm, xếp hạng thi đua năm {{ year }} của "
              "các thành viên {{ group }} như sau:")
    score_table(doc)
    body(doc, "Ghi chú: {{ criteria_note }}")
    ballot(doc)
    heading(doc, "3. Kết luận", 2)
    lead(doc, "{{ conclusion_lead }}")
    loop(doc, "conclusion_lines", "{{ line }}", "Body")
    body_loop(doc, "refusals")
    election(doc)
    heading(doc, "5. Ý kiến thảo luận và các nội dung Hội nghị thông qua", 2)
    either(doc, "discussion", lambda: body_loop(doc, "discussion"),
           "ý kiến thảo luận của các thành viên; việc thông qua Báo cáo tổng kết năm {{ year }}, "
           "dự thảo Kế hoạch phát động phong trào thi đua và Giao ước thi đua năm "
           "{{ next_year }}")


def ending(doc: DocxDocument) -> None:
    """The time the meeting ended, the copies made and the adoption, kept with the
    signatures below them."""
    lead(doc, "Cuộc họp kết thúc vào {{ end.hour }} giờ {{ end.minute }} phút cùng ngày.")
    para(doc, "{%p if copies %}", "Body")
    lead(doc, "Biên bản được lập thành {{ copies }} có giá trị như nhau.")
    para(doc, "{%p else %}", "Body")
    fill_in(doc, "số bản, ví dụ: 02 (hai)", lead="Biên bản được lập thành "
            ).paragraph_format.keep_with_next = True
    para(doc, "{%p endif %}", "Body")
    closing(doc, "Biên bản đã được thông qua tại cuộc họp, các thành viên dự họp nhất "
                 "trí./.")


def build(path: Path) -> None:
    """Write the template of the minutes of the cluster's award meeting."""
    doc = new_document("Biên bản họp bình xét, suy tôn thi đua, khen thưởng")
    header_table(doc, with_date=False)
    title_block(
        doc,
        "BIÊN BẢN",
        "Họp bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng năm {{ year }} "
        "của {{ cluster_name }}",
    )
    meeting_lines(doc)
    participants(doc)
    content(doc)
    ending(doc)
    minutes_signatures(doc)
    recipients(doc)
    save(doc, path)
