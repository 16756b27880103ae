"""Turn the list of proposed nominees (domain.md 2.4, Decree 30 Mẫu 2.1) into its template.

The list is an appendix of the Tờ trình, in its own file: no header table, the appendix
title and the italic "(Kèm theo Tờ trình ...)" line, then one block per award with the
collectives and the individuals in separate tables. It is signed through the Tờ trình, so
it has no signature block. Page numbers start from 1 on the list's own first page.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm, Pt
from docx.table import Table, _Cell

from docgen.documents.shared.blocks import (
    SUBJECT_RULE,
    TEXT_WIDTH,
    Column,
    heading,
    para,
    rule,
    table,
)
from docgen.documents.shared.ooxml import copy_row_above, drop_empty_paragraphs
from docgen.documents.shared.page import CENTER, StyleSpec, define_style, new_document, save

REFERENCE_STYLE = StyleSpec("Appendix reference", size=14, italic=True, align=CENTER)

COLLECTIVE_COLUMNS = [
    Column("STT", Mm(12), "{{ r.stt }}", CENTER),
    Column("Tên tập thể", Mm(52), "{{ r.name }}"),
    Column("Địa chỉ", Mm(45), "{{ r.address }}"),
    Column("Số phiếu đồng ý", Mm(34), "{{ r.votes }}", CENTER),
    Column("Ghi chú", Mm(22), "{{ r.note }}"),
]

# "Nam" and "Nữ" sit under a shared "Năm sinh" heading (see `group_header`).
INDIVIDUAL_COLUMNS = [
    Column("STT", Mm(10), "{{ r.stt }}", CENTER),
    Column("Họ và tên", Mm(42), "{{ r.name }}"),
    Column("Nam", Mm(14), "{{ r.male }}", CENTER),
    Column("Nữ", Mm(14), "{{ r.female }}", CENTER),
    Column("Chức vụ, đơn vị", Mm(47), "{{ r.position }}"),
    Column("Số phiếu đồng ý", Mm(22), "{{ r.votes }}", CENTER),
    Column("Ghi chú", Mm(16),
           "{% if r.year_no_gender %}Năm sinh: {{ r.year_no_gender }}{% endif %}"),
]
BIRTH_COLUMNS = (2, 3)
# The individuals come second in a block, or first when it lists no collective.
INDIVIDUALS_HEADING = "{% if b.collectives %}2{% else %}1{% endif %}. Cá nhân"


def _set_text(cell: _Cell, text: str) -> None:
    """Replace the text of a header cell's single run."""
    cell.paragraphs[0].runs[0].text = text


def group_header(grid: Table, first: int, last: int, label: str) -> None:
    """Add a header row on top: `label` spans columns first..last, the others span both rows."""
    copy_row_above(grid.rows[0])
    top, lower = grid.rows[0].cells, grid.rows[1].cells
    for i, (upper, under) in enumerate(zip(top, lower, strict=True)):
        if first <= i <= last:
            _set_text(upper, label if i == first else "")
        else:
            _set_text(under, "")
    for i in range(len(top)):
        if not first <= i <= last:
            drop_empty_paragraphs(grid.cell(0, i).merge(grid.cell(1, i)))
    drop_empty_paragraphs(grid.cell(0, first).merge(grid.cell(0, last)))


def award_block(doc: DocxDocument) -> None:
    """Add one award's block: its heading, the collectives and the individuals tables."""
    heading(doc, "{{ b.heading }}", 1)
    para(doc, "{%p if b.collectives %}", "Body")
    heading(doc, "1. Tập thể", 2).paragraph_format.space_after = Pt(6)
    table(doc, COLLECTIVE_COLUMNS, "b.collectives")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if b.individuals %}", "Body")
    heading(doc, INDIVIDUALS_HEADING, 2).paragraph_format.space_after = Pt(6)
    grid = table(doc, INDIVIDUAL_COLUMNS, "b.individuals")
    group_header(grid, *BIRTH_COLUMNS, "Năm sinh")
    para(doc, "{%p endif %}", "Body")


def build(path: Path) -> None:
    """Write the template of the list of nominees proposed for awards."""
    doc = new_document("Danh sách đề nghị khen thưởng")
    define_style(doc, REFERENCE_STYLE)
    para(doc, "DANH SÁCH", "Doc kind", space_before=Pt(0))
    para(doc, "ĐỀ NGHỊ TẶNG {{ awards_upper }} NĂM {{ year }}", "Summary")
    para(doc, "(Kèm theo Tờ trình số {{ proposal.symbol }} {{ proposal.date }} của "
         "{{ cluster_name }})", REFERENCE_STYLE.name)
    line = rule(doc, SUBJECT_RULE, TEXT_WIDTH)
    line.paragraph_format.space_before = line.paragraph_format.space_after = Pt(4)
    para(doc, "{%p for b in blocks %}", "Body")
    award_block(doc)
    para(doc, "{%p endfor %}", "Body")
    para(doc, "{%p if not blocks %}", "Body")
    para(doc, "Không có tập thể, cá nhân được đề nghị khen thưởng.", "Body")
    para(doc, "{%p endif %}", "Body")
    save(doc, path)
