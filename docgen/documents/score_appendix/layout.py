"""Turn the report's score appendix (Decree 30 Mẫu 2.1, domain.md 4.1 and 4.5) into its template.

An appendix of the Báo cáo in its own file: no header, number, date, signature or
recipients (it is signed through the report). The "Phụ lục" line (the report has one
appendix, so no numeral), the title, the italic "(Kèm theo Báo cáo số … ngày … của …)"
line and a short rule, then the table of every member's points per criterion (one column
per criterion, by `{%tc %}` column tags), total and rank, the note naming the criteria and,
when the workbook asks for it, the bar chart of the totals (a native Word chart, drawn and
printed by Word and LibreOffice) under its title.
Page numbers start from 1 on the appendix's own first page.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm, Pt

from docgen.documents.shared.blocks import (
    SUBJECT_RULE,
    TEXT_WIDTH,
    Column,
    body,
    para,
    rule,
    table,
)
from docgen.documents.shared.chartpart import add_bar_chart
from docgen.documents.shared.page import CENTER, RIGHT, StyleSpec, define_style, new_document, save

APPENDIX_STYLE = StyleSpec("Appendix number", size=14, bold=True, align=CENTER,
                           keep_next=True)
REFERENCE_STYLE = StyleSpec("Appendix reference", size=14, italic=True, align=CENTER)
CHART_TITLE_STYLE = StyleSpec("Chart title", size=14, bold=True, align=CENTER, before=12,
                              after=6, keep_next=True, keep_lines=True)
CHART_STYLE = StyleSpec("Chart", align=CENTER, keep_lines=True)
# The chart spans nearly the text width (165 mm).
CHART_WIDTH, CHART_HEIGHT = 160, 85
# The tag columns vanish on render; the render adapter rescales the rest to the table's
# width (here the text width, 165 mm: 12 + 44 + 2 × 31 + 14 + 17 + 16).
TAG_WIDTH = Mm(31)


def columns() -> list[Column]:
    """STT, the member, one column per criterion (its code and maximum), total and rank."""
    return [
        Column("STT", Mm(12), "{{ r.stt }}", CENTER),
        Column("Đơn vị", Mm(44), "{{ r.name }}"),
        Column("{%tc for c in criteria %}", TAG_WIDTH, "{%tc for p in r.points %}"),
        Column("{{ c.code }} ({{ c.max }})", Mm(14), "{{ p }}", RIGHT),
        Column("{%tc endfor %}", TAG_WIDTH, "{%tc endfor %}"),
        Column("Tổng điểm", Mm(17), "{{ r.total }}", RIGHT),
        Column("Xếp hạng", Mm(16), "{{ r.rank }}", CENTER),
    ]


def build(path: Path) -> None:
    """Write the template of the report's appendix of scores."""
    doc = new_document("Phụ lục kết quả chấm điểm thi đua")
    define_style(doc, APPENDIX_STYLE)
    define_style(doc, REFERENCE_STYLE)
    define_style(doc, CHART_TITLE_STYLE)
    define_style(doc, CHART_STYLE)
    para(doc, "Phụ lục", APPENDIX_STYLE.name)
    # The title on two lines, as Decree 30 reads a title and its subject: the kind's title
    # (the registry's, by which the linter knows the appendix) over the year.
    para(doc, "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM", "Summary", space_before=Pt(6))
    para(doc, "THI ĐUA NĂM {{ year }}", "Summary")
    para(doc, "(Kèm theo Báo cáo số {{ report.symbol }} {{ report.date }} của "
         "{{ report.issuer }})", REFERENCE_STYLE.name)
    line = rule(doc, SUBJECT_RULE, TEXT_WIDTH)
    line.paragraph_format.space_before = line.paragraph_format.space_after = Pt(4)
    table(doc, columns(), "score_rows", size=11)
    body(doc, "Ghi chú: {{ criteria_note }}")
    chart(doc)
    save(doc, path)


def chart(doc: DocxDocument) -> None:
    """The bar chart of the total scores under its title, when the context has one."""
    para(doc, "{%p if chart %}", "Body")
    para(doc, "Biểu đồ tổng điểm thi đua năm {{ year }}", CHART_TITLE_STYLE.name)
    add_bar_chart(doc, para(doc, "", CHART_STYLE.name), name="chart",
                  width_mm=CHART_WIDTH, height_mm=CHART_HEIGHT)
    para(doc, "{%p endif %}", "Body")
