"""Turn the minutes' outline (Decree 30 Mẫu 1.9; domain.md 4.2) into its docxtpl template."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm
from docx.table import Table

from docgen.documents.shared.blocks import (
    SIGNATURE_GAP,
    Column,
    body,
    body_loop,
    closing,
    first_para,
    header_table,
    heading,
    layout_table,
    loop,
    para,
    recipients,
    score_table,
    table,
    title_block,
)
from docgen.documents.shared.ooxml import row_flags
from docgen.documents.shared.page import CENTER, RIGHT, new_document, save

# The meeting form and the bridges are worded here, from the form's code.
FORM = ('{% if form == "online" %}Trực tuyến{% elif form == "hybrid" %}Trực tiếp kết hợp '
        'trực tuyến{% else %}Trực tiếp{% endif %}')
BRIDGES = ('{% if bridges %}, {% if form == "online" %}kết nối trực tuyến{% else %}kết hợp '
           'trực tuyến{% endif %} với các điểm cầu: {{ bridges }}{% endif %}')
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


def meeting_lines(doc: DocxDocument) -> None:
    """Add when, how and where the meeting was held, who attended, chaired and took notes."""
    body(doc, "Thời gian bắt đầu: {{ start.hour }} giờ {{ start.minute }} phút, "
              "{{ meeting_date }}.")
    body(doc, f"Hình thức: {FORM}.")
    body(doc, f"Địa điểm: {{{{ venue }}}}{BRIDGES}.")
    body(doc, "Thành phần tham dự: {{ attendees }}.")
    body(doc, f"Chủ trì: đồng chí {{{{ chair_name }}}}, {{{{ chair_title }}}}{CO_CHAIR}.")
    body(doc, "Thư ký: đồng chí {{ secretary_name }}, {{ secretary_title }}.")


def content(doc: DocxDocument) -> None:
    """Add the four parts: scores, ballot, conclusion, next year's officers."""
    heading(doc, "NỘI DUNG", 1)
    heading(doc, "1. Kết quả chấm điểm thi đua", 2)
    body(doc, "Hội nghị đã thông qua kết quả chấm điểm, xếp hạng thi đua năm {{ year }} của các "
              "thành viên Cụm như sau:")
    score_table(doc)
    body(doc, "Ghi chú: {{ criteria_note }}")
    heading(doc, "2. Kết quả bình xét, suy tôn", 2)
    body(doc, "{{ vote_sentence }}")
    ballot_table(doc)
    heading(doc, "3. Kết luận", 2)
    body(doc, "{{ conclusion_lead }}")
    loop(doc, "conclusion_lines", "{{ line }}", "Body")
    body_loop(doc, "refusals")
    heading(doc, "4. Bầu Cụm trưởng, Cụm phó năm {{ next_year }}", 2)
    body(doc, "{{ election_sentence }}")


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
    content(doc)
    body(doc, "Biên bản đã được thông qua tại cuộc họp, các thành viên dự họp nhất trí.")
    closing(doc, "Cuộc họp kết thúc vào {{ end.hour }} giờ {{ end.minute }} phút, "
                 "{{ meeting_date }}./.")
    minutes_signatures(doc)
    recipients(doc)
    save(doc, path)

