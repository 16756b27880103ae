"""Turn the score sheets (domain.md 4.5, Decree 30 Mẫu 1.4 frame) into their template.

One file, one section per member: each member's sheet opens with the header (issuer left,
Quốc hiệu and the place-and-date line right; no number), the title "BẢNG CHẤM ĐIỂM THI ĐUA
NĂM …" with the member's name under it, then the bordered table (criterion, maximum,
self-score, plus, minus, the cluster's score, difference, reason) with its total row, the
member's total and place, and the Cụm trưởng's signature (no Nơi nhận). Each section starts
on a new page with its own page numbers, so every member's sheet reads as a paper of its own.
A missing self-score is a highlighted fill-in marker in its cell.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell

from docgen.documents.shared.blocks import (
    SUBJECT_RULE,
    TEXT_WIDTH,
    Column,
    body,
    highlight,
    layout_table,
    para,
    rule,
    signer_cell,
    table,
    unnumbered_header,
)
from docgen.documents.shared.ooxml import row_flags, run_defaults
from docgen.documents.shared.page import CENTER, RIGHT, new_document, save

# The self-score column: without the member's row it asks for the figure (the plus, minus,
# difference and reason cells of that row stay empty until it is written).
SELF_COLUMN = 3


def columns() -> list[Column]:
    """The sheet's columns, 165 mm in all; the total row sums from the third column on."""
    return [
        Column("STT", Mm(10), "{{ r.stt }}", CENTER),
        Column("Tiêu chí", Mm(41), "{{ r.name }}"),
        Column("Điểm tối đa", Mm(14), "{{ r.max }}", RIGHT, "{{ s.total.max }}"),
        Column("Điểm tự chấm", Mm(14), "{{ r.self }}", RIGHT, "{{ s.total.self }}"),
        Column("Điểm cộng", Mm(12), "{{ r.plus }}", RIGHT, "{{ s.total.plus }}"),
        Column("Điểm trừ", Mm(12), "{{ r.minus }}", RIGHT, "{{ s.total.minus }}"),
        Column("Điểm {{ group }} chấm", Mm(14), "{{ r.score }}", RIGHT, "{{ s.total.score }}"),
        Column("Chênh lệch", Mm(14), "{{ r.difference }}", RIGHT,
               "{{ s.total.difference }}"),
        Column("Lý do cộng, trừ", Mm(34), "{{ r.reason }}"),
    ]


def ask_when_unknown(cell: _Cell, known: str, what: str) -> None:
    """Make a cell print its value when `known` holds, else a highlighted marker asking for
    `what` (three runs: the condition and value, the marker, the end of the condition)."""
    paragraph = cell.paragraphs[0]
    value = paragraph.runs[0]
    value.text = f"{{% if {known} %}}{value.text}{{% else %}}"
    highlight(paragraph, what)
    run_defaults(paragraph.add_run("{% endif %}"))


def score_grid(doc: DocxDocument) -> Table:
    """The member's table: a row per criterion and the total row."""
    grid = table(doc, columns(), "s.rows", total="s.total", size=11)
    ask_when_unknown(grid.rows[2].cells[SELF_COLUMN], "r.known", "tự chấm")
    ask_when_unknown(grid.rows[4].cells[SELF_COLUMN], "s.total.known", "tự chấm")
    return grid


def signer(doc: DocxDocument) -> Table:
    """The Cụm trưởng's signature, right, in one unsplittable row (no Nơi nhận)."""
    grid = layout_table(doc, [Mm(62), Mm(103)])
    signer_cell(grid.cell(0, 1))
    row_flags(grid.rows[0])
    return grid


def restart_page_numbers(doc: DocxDocument) -> None:
    """Number the pages of the last section from 1 (w:pgNumType w:start).

    Why raw XML: python-docx has no API for a section's page numbering; the schema puts
    w:pgNumType before w:cols.
    """
    sect_pr = doc.element.body.sectPr
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    cols = sect_pr.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(numbering)
    else:
        sect_pr.append(numbering)


def member_sheet(doc: DocxDocument) -> None:
    """One member's sheet (inside the loop over `sheets`)."""
    unnumbered_header(doc)
    para(doc, "BẢNG CHẤM ĐIỂM THI ĐUA NĂM {{ year }}", "Doc kind")
    para(doc, "{{ s.name }}", "Summary")
    line = rule(doc, SUBJECT_RULE, TEXT_WIDTH)
    line.paragraph_format.space_after = Pt(6)
    score_grid(doc)
    body(doc, "{{ s.result }}").paragraph_format.keep_with_next = True
    signer(doc)


def build(path: Path) -> None:
    """Write the template of the members' score sheets."""
    doc = new_document("Bảng chấm điểm thi đua")
    restart_page_numbers(doc)
    para(doc, "{%p for s in sheets %}", "Body")
    member_sheet(doc)
    # A new section after every sheet but the last (its paragraph holds the section's
    # properties: a copy of the page set-up, the page numbers restarting at 1).
    para(doc, "{%p if not loop.last %}", "Body")
    doc.add_section(WD_SECTION.NEW_PAGE)
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p endfor %}", "Body")
    save(doc, path)
