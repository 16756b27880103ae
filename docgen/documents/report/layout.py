"""Turn the summary report's outline (domain.md 4.1) into its docxtpl template."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm
from docx.table import Table

from docgen.documents.shared.blocks import (
    Column,
    body,
    body_loop,
    bordered_grid,
    closing,
    fill_in,
    fill_row,
    header_table,
    heading,
    loop,
    para,
    score_table,
    signature_block,
    table,
    title_block,
)
from docgen.documents.shared.figures import FIGURES
from docgen.documents.shared.ooxml import drop_empty_paragraphs, row_flags
from docgen.documents.shared.page import CENTER, LEFT, RIGHT, new_document, save

OPENING = (
    "{% if implemented %}Thực hiện {{ implemented }}, {% endif %}{{ cluster_name }} báo cáo "
    "tổng kết công tác thi đua, khen thưởng năm {{ year }} và phương hướng, nhiệm vụ năm "
    "{{ next_year }} như sau:"
)
# Widths (mm) of the per-member results table, in the order of `FIGURES`.
RESULT_WIDTHS = {"inspections": 13, "violations_money": 22, "recovery_money": 22,
                 "violations_land": 20, "disciplined": 14, "transferred": 15,
                 "receptions": 13, "petitions": 15}
# The per-member table's shorter headers (the totals table uses the figures' own labels).
RESULT_HEADERS = {"inspections": "Số cuộc thanh tra",
                  "petitions": "Đơn khiếu nại, tố cáo đã giải quyết"}


def results_columns() -> list[Column]:
    """Columns of the per-member results table (money columns widest)."""
    columns = [Column("STT", Mm(10), "{{ r.stt }}", CENTER),
               Column("Đơn vị", Mm(21), "{{ r.unit }}", LEFT)]
    for figure in FIGURES:
        key = figure.field
        columns.append(Column(RESULT_HEADERS.get(key, figure.label), Mm(RESULT_WIDTHS[key]),
                              f"{{{{ r.{key} }}}}", RIGHT, f"{{{{ results_total.{key} }}}}"))
    return columns


TOTALS_COLUMNS = [
    Column("STT", Mm(12), "{{ r.stt }}", CENTER),
    Column("Chỉ tiêu", Mm(63), "{{ r.label }}"),
    Column("Năm {{ previous_year }}", Mm(27), "{{ r.previous }}", RIGHT),
    Column("Năm {{ year }}", Mm(27), "{{ r.current }}", RIGHT),
    Column("Tăng, giảm so với năm {{ previous_year }}", Mm(36), "{{ r.change }}", CENTER),
]

AWARD_COLUMNS = [
    Column("STT", Mm(11), "{{ r.stt }}", CENTER),
    Column("Danh hiệu thi đua, hình thức khen thưởng", Mm(52), "{{ r.award }}"),
    Column("Cấp quyết định", Mm(62), "{{ r.decider }}"),
    Column("Tập thể", Mm(20), "{{ r.collectives }}", RIGHT),
    Column("Cá nhân", Mm(20), "{{ r.individuals }}", RIGHT),
]
GROUP_CELLS = ["{{ g.number }}", "{{ g.label }}", "", "{{ g.collectives }}",
               "{{ g.individuals }}"]
TOTAL_CELLS = ["Tổng cộng", "", "", "{{ award_total.collectives }}",
               "{{ award_total.individuals }}"]


def lead_in(doc: DocxDocument, text: str) -> None:
    """A sentence introducing what follows (a list, a table), kept on its page."""
    body(doc, text).paragraph_format.keep_with_next = True


def awards_table(doc: DocxDocument) -> Table:
    """The awards received, by kind: a bold row per kind (danh hiệu, hình thức) with its
    subtotal, its rows under it (nested `{%tr for %}` loops), a bold grand total last."""
    grid = bordered_grid(doc, AWARD_COLUMNS, 8)
    blank = [""] * (len(AWARD_COLUMNS) - 1)
    centred = [CENTER] * len(AWARD_COLUMNS)
    aligns = [c.align for c in AWARD_COLUMNS]
    rows = grid.rows
    fill_row(rows[0], [c.header for c in AWARD_COLUMNS], "Table head", centred)
    fill_row(rows[1], ["{%tr for g in award_groups %}", *blank], "Table text", centred)
    fill_row(rows[2], GROUP_CELLS, "Table head", [CENTER, LEFT, LEFT, RIGHT, RIGHT])
    fill_row(rows[3], ["{%tr for r in g.rows %}", *blank], "Table text", centred)
    fill_row(rows[4], [c.cell for c in AWARD_COLUMNS], "Table text", aligns)
    fill_row(rows[5], ["{%tr endfor %}", *blank], "Table text", centred)
    fill_row(rows[6], ["{%tr endfor %}", *blank], "Table text", centred)
    fill_row(rows[7], TOTAL_CELLS, "Table head", [CENTER, CENTER, CENTER, RIGHT, RIGHT])
    drop_empty_paragraphs(rows[7].cells[0].merge(rows[7].cells[2]))
    for index, row in enumerate(grid.rows):
        row_flags(row, header=index == 0)
    return grid


def leadership(doc: DocxDocument) -> None:
    """I.1 and I.2: guidance with the directives, the movements by kind, registration."""
    heading(doc, "1. Công tác lãnh đạo, chỉ đạo, quán triệt", 2)
    body_loop(doc, "narr.i1")
    para(doc, "{%p if directives %}", "Body")
    body(doc, "Các văn bản chỉ đạo đã được quán triệt, triển khai thực hiện trong năm:")
    loop(doc, "directives", "{{ line }}", "Basis")
    para(doc, "{%p endif %}", "Body")
    heading(doc, "2. Tổ chức các phong trào thi đua", 2)
    body_loop(doc, "narr.i2")
    para(doc, "{%p if movement_groups %}", "Body")
    lead_in(doc, "Các phong trào thi đua đã phát động trong năm:")
    para(doc, "{%p for g in movement_groups %}", "Body")
    para(doc, "{%p if g.title %}", "Body")
    lead_in(doc, "{{ g.title }}")
    para(doc, "{%p endif %}", "Body")
    loop(doc, "g.lines", "{{ line }}", "Body")
    para(doc, "{%p endfor %}", "Body")
    para(doc, "{%p endif %}", "Body")
    body(
        doc,
        "Kết quả đăng ký thi đua năm {{ year }}: {{ registration.collectives }} tập thể (đạt "
        "{{ registration.collectives_share }}) và {{ registration.individuals }} cá nhân (đạt "
        "{{ registration.individuals_share }}) đã đăng ký hưởng ứng các phong trào thi đua.",
    )


def political_tasks(doc: DocxDocument) -> None:
    """I.3: the narrative, the totals sentence and table, a line per member, their table."""
    heading(doc, "3. Kết quả thực hiện nhiệm vụ chính trị", 2)
    body_loop(doc, "narr.i3")
    para(doc, "{%p if totals_sentence %}", "Body")
    body(doc, "{{ totals_sentence }}")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if totals_rows %}", "Body")
    lead_in(doc, "Kết quả chủ yếu năm {{ year }} so với năm {{ previous_year }}:")
    table(doc, TOTALS_COLUMNS, "totals_rows")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if member_lines %}", "Body")
    lead_in(doc, "Kết quả của từng thành viên:")
    loop(doc, "member_lines", "{{ line }}", "Body")
    para(doc, "{%p endif %}", "Body")
    lead_in(doc, "Số liệu cụ thể của từng thành viên năm {{ year }}:")
    table(doc, results_columns(), "results_rows", total="results_total", size=11)


def rewards_and_scores(doc: DocxDocument) -> None:
    """I.4 and I.5: the awards received, the scores, the ballot and its conclusion."""
    heading(doc, "4. Công tác khen thưởng", 2)
    body_loop(doc, "narr.i4")
    # Nothing typed and no award of the year: a place for a person to fill, never a bare
    # heading.
    para(doc, "{%p if not narr.i4 and not award_groups %}", "Body")
    fill_in(doc, "kết quả công tác khen thưởng năm {{ year }} của các thành viên (danh hiệu "
            "thi đua, hình thức khen thưởng, số tập thể, cá nhân)")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if award_groups %}", "Body")
    lead_in(doc, "{{ awards_sentence }}")
    awards_table(doc)
    para(doc, "{%p endif %}", "Body")
    heading(doc, "5. Kiểm tra, chấm điểm, bình xét", 2)
    body_loop(doc, "narr.i5")
    body(doc, "{{ conference_sentence }}")
    lead_in(doc, "Kết quả chấm điểm, xếp hạng như sau:")
    score_table(doc)
    body(doc, "Ghi chú: {{ criteria_note }}")
    body(doc, "{{ vote_sentence }}")
    vote_columns = [
        Column("STT", Mm(12), "{{ r.stt }}", CENTER),
        Column("Đơn vị, cá nhân được đề nghị", Mm(60), "{{ r.nominee }}"),
        Column("Hình thức đề nghị", Mm(45), "{{ r.award }}"),
        Column("Số phiếu đồng ý", Mm(24), "{{ r.votes }}", RIGHT),
        Column("Tỷ lệ (%)", Mm(24), "{{ r.percent }}", RIGHT),
    ]
    table(doc, vote_columns, "vote_rows")
    lead_in(doc, "{{ conclusion_lead }}")  # ends in ':' once rendered
    loop(doc, "conclusion_lines", "{{ line }}", "Body")
    body_loop(doc, "refusals")


def build(path: Path) -> None:
    """Write the template of the cluster's year-end summary report."""
    doc = new_document("Báo cáo tổng kết công tác thi đua, khen thưởng")
    header_table(doc)
    title_block(
        doc,
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm {{ year }} và phương hướng, nhiệm vụ năm "
        "{{ next_year }} của {{ cluster_name }}",
    )
    loop(doc, "doc.addressee_lines", "{{ line }}", "Addressee")
    body(doc, OPENING)

    heading(doc, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG", 1)
    leadership(doc)
    political_tasks(doc)
    rewards_and_scores(doc)

    heading(doc, "II. ĐÁNH GIÁ CHUNG", 1)
    heading(doc, "1. Ưu điểm", 2)
    body_loop(doc, "narr.ii1")
    heading(doc, "2. Hạn chế, nguyên nhân", 2)
    body_loop(doc, "narr.ii2")
    para(doc, "{%p if narr.ii3 %}", "Body")
    heading(doc, "3. Bài học kinh nghiệm", 2)
    body_loop(doc, "narr.ii3")
    para(doc, "{%p endif %}", "Body")

    heading(doc, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ next_year }}", 1)
    # The lead paragraph introduces the numbered tasks: it stays with the first one.
    para(doc, "{%p for p in narr.iii %}", "Body")
    lead_in(doc, "{{ p }}")
    para(doc, "{%p endfor %}", "Body")
    body_loop(doc, "tasks")
    body(doc, "{{ election_sentence }}")
    heading(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ", 1)
    body_loop(doc, "narr.iv")
    closing(
        doc,
        "Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm {{ year }} và "
        "phương hướng, nhiệm vụ năm {{ next_year }} của {{ cluster_name }}./.",
    )
    signature_block(doc)
    save(doc, path)
