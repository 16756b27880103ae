"""Turn the secret ballot (phiếu bầu, domain.md 4.5) into its docxtpl template.

Each ballot: the cluster's name in the top-left block with its rule, "PHIẾU BẦU", the
subtitle "Suy tôn <award> năm N" with a short rule, the rule of the count, the collectives
and the individuals in bordered tables of their own (STT | name | Đồng ý | Không đồng ý),
and the instruction line. No voter's name, number, date, signature, Nơi nhận or page
number: nothing on a secret ballot may tell one voter's paper from another.

The Quốc hiệu and Tiêu ngữ are left out. At the decree's smallest size (12 pt bold) the
Quốc hiệu is 88 mm long; an A5 page leaves 103 mm between Decree 30's margins, so it cannot
stand beside the cluster's name as ô 1 beside ô 2, and the same ballot should read alike on
A5 and on A4 halves. A ballot is not one of the administrative papers of Decree 30 Điều 7:
like the nominees' list it carries only its issuer.

One template serves both papers (`Settings.ballot_paper`): a block laid out for A5 (103 mm
of text) and one for A4 (165 mm), chosen by `a5`; the template's page is A4 and the
renderer prints the A5 choice on A5 (`Rendition.page_mm`), so the template stays an ordinary
file Word opens and saves. Every paragraph and row of a ballot keeps with the next, so
no page splits a ballot; on A4 two ballots share a page with a dashed cut line between.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from docgen import decree30 as d30
from docgen.documents.ballots.context import BODY_SIZE, PAPERS, TITLE_SIZE, Paper
from docgen.documents.shared.blocks import (
    ISSUER_RULE,
    Column,
    first_para,
    heading,
    keep_row_with_next,
    layout_table,
    para,
    rule,
    spacer,
    table,
)
from docgen.documents.shared.ooxml import bottom_border, row_flags
from docgen.documents.shared.page import CENTER, new_document, save

SUBTITLE_RULE = Mm(40)

def columns(paper: Paper, individuals: bool) -> list[Column]:
    """The nominee table's columns across the paper's text width: STT, name, Đồng ý,
    Không đồng ý (the boxes left empty for the voter's X)."""
    label = "Họ và tên, chức vụ, đơn vị" if individuals else "Tên tập thể"
    box = Mm(paper.box)
    return [
        Column("STT", Mm(paper.number), "{{ r.stt }}", CENTER),
        Column(label, Mm(paper.name_width), "{{ r.name }}"),
        Column("Đồng ý", box, ""),
        Column("Không đồng ý", box, ""),
    ]


def issuer_block(doc: DocxDocument, width: Length) -> Table:
    """The cluster's name (superior lines, then its own in bold) over a short rule, in the
    top-left block; the rest of the line stays empty."""
    left = d30.AGENCY_COLUMN
    grid = layout_table(doc, [left, Length(width - left)])
    cell = grid.cell(0, 0)
    first_para(cell, "{%p for line in doc.superior_lines %}", "Header line")
    para(cell, "{{ line }}", "Header line")
    para(cell, "{%p endfor %}", "Header line")
    para(cell, "{%p for line in doc.issuer_lines %}", "Header bold")
    para(cell, "{{ line }}", "Header bold")
    para(cell, "{%p endfor %}", "Header bold")
    rule(cell, ISSUER_RULE, left)
    row_flags(grid.rows[0])
    keep_row_with_next(grid.rows[0])
    spacer(doc)
    return grid


def nominees(doc: DocxDocument, paper: Paper) -> None:
    """The collectives' table, then the individuals', each under its heading when the
    award has any."""
    para(doc, "{%p if b.award.collectives %}", "Body")
    heading(doc, "1. Tập thể", 2)
    table(doc, columns(paper, False), "b.award.collectives", size=paper.table_size)
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if b.award.individuals %}", "Body")
    para(doc, "{%p if b.split %}", "Body")
    para(doc, "", "Rule", page_break_before=True)
    para(doc, "{%p endif %}", "Body")
    heading(doc, "{% if b.award.collectives %}2{% else %}1{% endif %}. Cá nhân", 2)
    table(doc, columns(paper, True), "b.award.individuals", size=paper.table_size)
    para(doc, "{%p endif %}", "Body")


def ballot(doc: DocxDocument, paper: Paper) -> Paragraph:
    """One ballot laid out for `paper`; return its last paragraph (the instruction)."""
    width = Mm(paper.text_width)
    issuer_block(doc, width)
    para(doc, "PHIẾU BẦU", "Doc kind")
    para(doc, "{{ b.award.subtitle }}", "Summary")
    rule(doc, SUBTITLE_RULE, width)
    para(doc, "{{ b.award.rule }}", "Body")
    nominees(doc, paper)
    return para(doc, "{{ b.award.instruction }}", "Basis")


def cut_line(doc: DocxDocument) -> Paragraph:
    """A dashed line across the text width, where the clerk cuts an A4 page in two."""
    line = para(doc, "", "Rule", space_before=Pt(12), space_after=Pt(18))
    bottom_border(line)
    for border in line.paragraph_format.element.iter(qn("w:bottom")):
        border.set(qn("w:val"), "dashed")
    return line


def keep_together(doc: DocxDocument, ends: list[Paragraph]) -> None:
    """Keep every paragraph of the body with the next, but a ballot's last one (`ends`),
    so that a ballot (and the cut line above it) is never split by a page."""
    last = [p.paragraph_format.element for p in ends]
    for paragraph in doc.paragraphs:
        element = paragraph.paragraph_format.element
        paragraph.paragraph_format.keep_with_next = not any(element is e for e in last)


def build(path: Path) -> None:
    """Write the template of the ballots (every award's, as many copies as voters)."""
    doc = new_document("Phiếu bầu")
    # Decree 30's smallest body and title sizes (13 pt) keep a ballot to its page.
    doc.styles["Normal"].font.size = Pt(BODY_SIZE)
    for name in ("Doc kind", "Summary"):
        doc.styles[name].font.size = Pt(TITLE_SIZE)
    doc.styles["Doc kind"].paragraph_format.space_before = Pt(6)
    doc.sections[0].header.paragraphs[0].clear()  # no page number on a ballot
    para(doc, "{%p for b in ballots %}", "Body")
    para(doc, "{%p if b.page_break %}", "Body")
    para(doc, "", "Rule", page_break_before=True)
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if b.cut %}", "Body")
    cut_line(doc)
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if a5 %}", "Body")
    ends = [ballot(doc, PAPERS["a5"])]
    para(doc, "{%p else %}", "Body")
    ends.append(ballot(doc, PAPERS["a4_half"]))
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p endfor %}", "Body")
    keep_together(doc, ends)
    save(doc, path)
