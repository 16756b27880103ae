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
    either,
    fill_in,
    fill_row,
    header_table,
    heading,
    highlight,
    keep_lead_in,
    keep_row_with_next,
    loop,
    para,
    score_table,
    signature_block,
    spacer,
    table,
    title_block,
)
from docgen.documents.shared.ooxml import drop_empty_paragraphs, row_flags
from docgen.documents.shared.page import CENTER, LEFT, RIGHT, new_document, save
from docgen.documents.shared.summary_blocks import (
    assessment,
    awards_table,
    lead_in,
    leadership,
    results_columns,
    tasks,
    totals_columns,
)

OPENING = (
    "{% if implemented %}Thực hiện {{ implemented }}, {% endif %}{{ cluster_name }} báo cáo "
    "tổng kết công tác thi đua, khen thưởng năm {{ year }} và phương hướng, nhiệm vụ năm "
    "{{ next_year }} như sau:"
)
TOTALS_COLUMNS = totals_columns()


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
    lead_in(doc, "Kết quả chấm điểm, xếp hạng như sau (chi tiết tại Phụ lục kèm theo):")
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


# The period table: a row per year of the emulation period (size 11, 165 mm).
PERIOD_COLUMNS = [
    Column("Năm", Mm(13), "{{ r.year }}", CENTER),
    Column("Số cuộc thanh tra", Mm(17), "{{ r.inspections }}", RIGHT),
    Column("Sai phạm về tiền (triệu đồng)", Mm(22), "{{ r.violations_money }}", RIGHT),
    Column("Kiến nghị thu hồi (triệu đồng)", Mm(22), "{{ r.recovery_money }}", RIGHT),
    Column("Kiến nghị xử lý (tập thể, cá nhân)", Mm(19), "{{ r.disciplined }}", RIGHT),
    Column("Dẫn đầu {{ period_part.group }}", Mm(28), "{{ r.leader }}", LEFT),
    Column("Khen thưởng đề nghị", Mm(44), "{{ r.awards }}", LEFT),
]


def period_table(doc: DocxDocument) -> Table:
    """The period's years, one row each; a year missing from the archive is its year and a
    fill-in across the other columns (`{%tr if %}` rows choose which)."""
    grid = bordered_grid(doc, PERIOD_COLUMNS, 8)
    blank = [""] * (len(PERIOD_COLUMNS) - 1)
    centred = [CENTER] * len(PERIOD_COLUMNS)
    rows = grid.rows
    fill_row(rows[0], [c.header for c in PERIOD_COLUMNS], "Table head 11", centred)
    tags = {1: "{%tr for r in period_part.rows %}", 2: "{%tr if r.missing %}",
            4: "{%tr else %}", 6: "{%tr endif %}", 7: "{%tr endfor %}"}
    for index, tag in tags.items():
        fill_row(rows[index], [tag, *blank], "Table text 11", centred)
    fill_row(rows[3], ["{{ r.year }}", *blank], "Table text 11", centred)
    marker = rows[3].cells[1].merge(rows[3].cells[-1])
    drop_empty_paragraphs(marker)
    highlight(marker.paragraphs[0], "{{ r.what }}").alignment = LEFT
    fill_row(rows[5], [c.cell for c in PERIOD_COLUMNS], "Table text 11",
             [c.align for c in PERIOD_COLUMNS])
    for index, row in enumerate(rows):
        row_flags(row, header=index == 0)
        keep_row_with_next(row)
    keep_lead_in(grid)
    spacer(doc)
    return grid


def period_results(doc: DocxDocument) -> None:
    """I.6, only in the last year of an emulation period read from the archive: the period's
    totals in a sentence (a fill-in while a year is missing) and its years in a table."""
    para(doc, "{%p if period_part %}", "Body")
    heading(doc, "6. Kết quả thực hiện phong trào thi đua giai đoạn {{ period_part.years }}", 2)
    either(doc, "not period_part.pending", "{{ period_part.sentence }}",
           "{{ period_part.pending }}")
    lead_in(doc, "Kết quả chủ yếu từng năm của giai đoạn {{ period_part.years }}:")
    period_table(doc)
    para(doc, "{%p endif %}", "Body")


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
    period_results(doc)

    assessment(doc)

    heading(doc, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ next_year }}", 1)
    tasks(doc, "narr.iii")
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
