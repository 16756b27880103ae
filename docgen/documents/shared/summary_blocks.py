"""Turn the parts the year-end and the mid-year reports share into template blocks.

The summary report (tổng kết) and the mid-year review (sơ kết) print the same guidance and
movements part, the same per-member results table, the same totals table beside the same
period of the previous year and the same awards table; only the words naming the period
differ ('trong năm' / 'trong 6 tháng đầu năm', 'Năm 2021' / '6 tháng đầu năm 2021'), given
as parameters. The values are `shared/summary.py`'s.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.shared import Mm
from docx.table import Table

from docgen.documents.shared.blocks import (
    Column,
    body,
    body_loop,
    bordered_grid,
    fill_row,
    heading,
    loop,
    para,
)
from docgen.documents.shared.figures import FIGURES
from docgen.documents.shared.ooxml import drop_empty_paragraphs, row_flags
from docgen.documents.shared.page import CENTER, LEFT, RIGHT

# Widths (mm) of the per-member results table, in the order of `FIGURES`.
RESULT_WIDTHS = {"inspections": 13, "violations_money": 22, "recovery_money": 22,
                 "violations_land": 20, "disciplined": 14, "transferred": 15,
                 "receptions": 13, "petitions": 15}
# The per-member table's shorter headers (the totals table uses the figures' own labels).
RESULT_HEADERS = {"inspections": "Số cuộc thanh tra",
                  "petitions": "Đơn khiếu nại, tố cáo đã giải quyết"}

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


def results_columns() -> list[Column]:
    """Columns of the per-member results table (money columns widest)."""
    columns = [Column("STT", Mm(10), "{{ r.stt }}", CENTER),
               Column("Đơn vị", Mm(21), "{{ r.unit }}", LEFT)]
    for figure in FIGURES:
        key = figure.field
        columns.append(Column(RESULT_HEADERS.get(key, figure.label), Mm(RESULT_WIDTHS[key]),
                              f"{{{{ r.{key} }}}}", RIGHT, f"{{{{ results_total.{key} }}}}"))
    return columns


def totals_columns(period: str = "Năm", compared: str = "năm {{ previous_year }}"
                   ) -> list[Column]:
    """Columns of the totals table: 'Chỉ tiêu | <period> trước | <period> nay | Tăng, giảm
    so với <compared>'; `period` names the period in a header ('Năm', '6 tháng đầu năm')."""
    return [
        Column("STT", Mm(12), "{{ r.stt }}", CENTER),
        Column("Chỉ tiêu", Mm(63), "{{ r.label }}"),
        Column(f"{period} {{{{ previous_year }}}}", Mm(27), "{{ r.previous }}", RIGHT),
        Column(f"{period} {{{{ year }}}}", Mm(27), "{{ r.current }}", RIGHT),
        Column(f"Tăng, giảm so với {compared}", Mm(36), "{{ r.change }}", CENTER),
    ]


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


def leadership(doc: DocxDocument, during: str = "trong năm") -> None:
    """I.1 and I.2: guidance with the directives, the movements by kind, registration;
    `during` names the period ('trong năm', 'trong 6 tháng đầu năm')."""
    heading(doc, "1. Công tác lãnh đạo, chỉ đạo, quán triệt", 2)
    body_loop(doc, "narr.i1")
    para(doc, "{%p if directives %}", "Body")
    body(doc, f"Các văn bản chỉ đạo đã được quán triệt, triển khai thực hiện {during}:")
    loop(doc, "directives", "{{ line }}", "Basis")
    para(doc, "{%p endif %}", "Body")
    heading(doc, "2. Tổ chức các phong trào thi đua", 2)
    body_loop(doc, "narr.i2")
    para(doc, "{%p if movement_groups %}", "Body")
    lead_in(doc, f"Các phong trào thi đua đã phát động {during}:")
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


def assessment(doc: DocxDocument) -> None:
    """II. ĐÁNH GIÁ CHUNG: strengths, shortcomings with their causes, and lessons when the
    workbook has them."""
    heading(doc, "II. ĐÁNH GIÁ CHUNG", 1)
    heading(doc, "1. Ưu điểm", 2)
    body_loop(doc, "narr.ii1")
    heading(doc, "2. Hạn chế, nguyên nhân", 2)
    body_loop(doc, "narr.ii2")
    para(doc, "{%p if narr.ii3 %}", "Body")
    heading(doc, "3. Bài học kinh nghiệm", 2)
    body_loop(doc, "narr.ii3")
    para(doc, "{%p endif %}", "Body")


def tasks(doc: DocxDocument, lead: str) -> None:
    """The numbered tasks of part III, after the lead paragraphs in `lead` (a context list),
    the first of which stays with the first task."""
    para(doc, f"{{%p for p in {lead} %}}", "Body")
    lead_in(doc, "{{ p }}")
    para(doc, "{%p endfor %}", "Body")
    body_loop(doc, "tasks")
