"""Turn the chair's conclusions (thông báo kết luận; Decree 30 Phụ lục III Mẫu 1.4, whose notes
name the thông báo; domain.md 4.5) into their docxtpl template.

Header, "Số: …/TB-…", place and date, "THÔNG BÁO" and its subject; the conference in the
minutes' words; five numbered conclusions; the closing; signature and Nơi nhận. Where the
workbook leaves a part blank (the chair's conclusions, the discussion, the attendance sheet,
the election counts, the timeline), the template prints a highlighted fill-in marker.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm

from docgen.documents.shared.blocks import (
    MEETING_BRIDGES,
    Column,
    body,
    body_loop,
    closing,
    either,
    fill_in,
    header_table,
    heading,
    loop,
    para,
    signature_block,
    table,
    title_block,
)
from docgen.documents.shared.page import CENTER, new_document, save

SUBJECT = ("Kết luận của {{ concluder }} tại Hội nghị tổng kết công tác thi đua, khen thưởng "
           "năm {{ year }} của {{ cluster_name }}")
HEARD = ("Sau khi nghe dự thảo Báo cáo tổng kết công tác thi đua, khen thưởng năm {{ year }} và "
         "kết quả chấm điểm, xếp hạng thi đua năm {{ year }} của các thành viên {{ group }}, "
         "Hội nghị đã thảo luận; Chủ trì hội nghị kết luận như sau:")
RANKING = ("Hội nghị đã thông qua kết quả chấm điểm, xếp hạng thi đua năm {{ year }} của các "
           "thành viên {{ group }}{% if first_place %}; {{ first_place }}{% endif %}. Kết quả "
           "xếp hạng như sau:")
CLOSING = "{{ cluster_name }} thông báo để các thành viên {{ group }} biết, thực hiện./."


def guarded(doc: DocxDocument, condition: str) -> None:
    """Open `{%p if condition %}`; the caller closes it with `end(doc)`."""
    para(doc, f"{{%p if {condition} %}}", "Body")


def end(doc: DocxDocument) -> None:
    """Close a `{%p if %}` block."""
    para(doc, "{%p endif %}", "Body")


def lines(doc: DocxDocument, lead: str, items: str) -> None:
    """A lead-in ('…:') and its list, one body paragraph per line of `items`."""
    body(doc, lead)
    loop(doc, items, "{{ line }}", "Body")


def attendance(doc: DocxDocument) -> None:
    """Who attended: the guests, the quorum sentence and the absences, as the minutes
    word them; without the attendance sheet, the workbook's summary."""
    guarded(doc, "attendance")
    guarded(doc, "guest_lines")
    lines(doc, "Đại biểu khách mời:", "guest_lines")
    end(doc)
    body(doc, "{{ quorum_sentence }}")
    guarded(doc, "written_line")
    body(doc, "Vắng mặt, có ý kiến bằng văn bản: {{ written_line }}.")
    end(doc)
    guarded(doc, "absent_line")
    body(doc, "Vắng mặt, không có ý kiến bằng văn bản: {{ absent_line }}.")
    end(doc)
    para(doc, "{%p else %}", "Body")
    body(doc, "Thành phần tham dự: {{ attendees }}.")
    end(doc)


def opening(doc: DocxDocument) -> None:
    """When, how, where; who chaired and attended; what was heard."""
    body(doc, "{{ conference_sentence }}")
    body(doc, f"Hội nghị được tổ chức tại {{{{ venue }}}}{MEETING_BRIDGES}.")
    attendance(doc)
    body(doc, HEARD)


def results(doc: DocxDocument) -> None:
    """1. The ranking and what the meeting adopted (as the discussion was typed)."""
    heading(doc, "1. Kết quả chấm điểm, xếp hạng thi đua và các nội dung Hội nghị thông qua",
            2)
    lines(doc, RANKING, "rank_lines")
    either(doc, "discussion", lambda: body_loop(doc, "discussion"),
           "ý kiến thảo luận và các nội dung Hội nghị thông qua (Báo cáo tổng kết năm "
           "{{ year }}, dự thảo Kế hoạch và Giao ước thi đua năm {{ next_year }})")


def awards(doc: DocxDocument) -> None:
    """2. The awards' rules and who is proposed for what, with the votes (the minutes'
    conclusion)."""
    heading(doc, "2. Kết quả bình xét, suy tôn và đề nghị khen thưởng", 2)
    guarded(doc, "rule_lines")
    lines(doc, "Hội nghị bình xét, suy tôn bằng phiếu kín theo tiêu chuẩn:", "rule_lines")
    end(doc)
    body(doc, "{{ conclusion_lead }}")
    loop(doc, "conclusion_lines", "{{ line }}", "Body")
    body_loop(doc, "refusals")


def election(doc: DocxDocument) -> None:
    """3. Next year's officers, each with its count as the minutes print it, or a marker."""
    heading(doc, "3. Bầu {{ leader_title }}, {{ deputy_title }} năm {{ next_year }}", 2)
    body(doc, "Hội nghị đã bầu {{ leader_title }}, {{ deputy_title }} năm {{ next_year }}:")
    para(doc, "{%p for e in election %}", "Body")
    guarded(doc, "e.votes")
    body(doc, "- {{ e.unit }} làm {{ e.office }}, được {{ e.votes }}"
              "{% if loop.last %}.{% else %};{% endif %}")
    para(doc, "{%p else %}", "Body")
    fill_in(doc, "số phiếu bầu trên số phiếu hợp lệ",
            lead="- {{ e.unit }} làm {{ e.office }}, được ")
    end(doc)
    para(doc, "{%p endfor %}", "Body")


def chair_words(doc: DocxDocument) -> None:
    """4. The chair's conclusions as typed, or a marker asking for them."""
    heading(doc, "4. Ý kiến kết luận của Chủ trì hội nghị", 2)
    either(doc, "conclusions", lambda: body_loop(doc, "conclusions"),
           "ý kiến kết luận của Chủ trì hội nghị: đánh giá kết quả năm {{ year }}, chỉ đạo "
           "nhiệm vụ năm {{ next_year }}")


def tasks(doc: DocxDocument) -> None:
    """5. Next year's tasks, owners and deadlines (165 mm), or a marker."""
    heading(doc, "5. Nhiệm vụ năm {{ next_year }}", 2)
    columns = [
        Column("STT", Mm(12), "{{ r.stt }}", CENTER),
        Column("Nội dung công việc", Mm(74), "{{ r.task }}"),
        Column("Đơn vị thực hiện", Mm(42), "{{ r.responsible }}"),
        Column("Thời hạn", Mm(37), "{{ r.deadline }}", CENTER),
    ]

    def timetable() -> None:
        body(doc, "Các nhiệm vụ năm {{ next_year }} của {{ group }}, đơn vị thực hiện và thời "
                  "hạn như sau:")
        table(doc, columns, "task_rows")

    either(doc, "task_rows", timetable, "các nhiệm vụ năm {{ next_year }}, đơn vị thực hiện "
           "và thời hạn")


def build(path: Path) -> None:
    """Write the template of the chair's conclusions after the year-end conference."""
    doc = new_document("Thông báo kết luận hội nghị tổng kết công tác thi đua, khen thưởng")
    header_table(doc)
    title_block(doc, "THÔNG BÁO", SUBJECT)
    opening(doc)
    results(doc)
    awards(doc)
    election(doc)
    chair_words(doc)
    tasks(doc)
    closing(doc, CLOSING)
    signature_block(doc)
    save(doc, path)
