"""Turn the Decree 30 components into python-docx building blocks for templates.

The helpers (`header_table`, `title_block`, `heading`, `body`, `loop`, `table`,
`signature_block`, `score_table`, `recipients`) are shared by every kind's template layout
(`docgen/documents/<kind>/layout.py`). Every paragraph that carries a template tag holds
exactly one run, so Word never splits a tag.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Length, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from docgen import decree30 as d30
from docgen.documents.shared.fillin import marker
from docgen.documents.shared.ooxml import (
    bottom_border,
    drop_empty_paragraphs,
    previous_block,
    row_flags,
    run_defaults,
    set_table_borders,
    set_table_geometry,
)
from docgen.documents.shared.page import CENTER, LEFT, RIGHT

# A container that can take paragraphs: the document body or a table cell.
Container = Any
TEXT_WIDTH = d30.TEXT_WIDTH
ISSUER_RULE, MOTTO_RULE, SUBJECT_RULE = d30.ISSUER_RULE, d30.MOTTO_RULE, d30.SUBJECT_RULE
SIGNATURE_GAP = 4  # blank lines left for the handwritten signature
# When the meeting starts ("08 giờ 00 phút, ngày 20 tháng 12 năm 2021"), from `meeting.clock`
# and `vi.full_date`, so every paper gives the conference's time alike.
MEETING_START = "{{ start.hour }} giờ {{ start.minute }} phút, {{ meeting_date }}"
# The meeting form and the bridges, worded from `meeting.place_context` (the form's code,
# the venue, the bridges), so every paper names the conference's place alike.
MEETING_FORM = ('{% if form == "online" %}Trực tuyến{% elif form == "hybrid" %}Trực tiếp '
                'kết hợp trực tuyến{% else %}Trực tiếp{% endif %}')
MEETING_BRIDGES = ('{% if bridges %}, {% if form == "online" %}kết nối trực tuyến{% else %}'
                   'kết hợp trực tuyến{% endif %} với {% if many_bridges %}các điểm cầu: '
                   '{% else %}điểm cầu {% endif %}{{ bridges }}{% endif %}')


# --------------------------------------------------------------------------- paragraphs


def para(container: Container, text: str, style: str, **fmt: Any) -> Paragraph:
    """Add a paragraph holding `text` in a single run (so tags stay whole).

    A paragraph whose text ends in ":" leads in what follows (a list, a table, "Nơi nhận:"
    its recipients), so it keeps with the next paragraph unless `fmt` says otherwise.
    """
    paragraph: Paragraph = container.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run_defaults(run)
    if is_lead_in(text):
        paragraph.paragraph_format.keep_with_next = True
    for key, value in fmt.items():
        setattr(paragraph.paragraph_format, key, value)
    return paragraph


def spacer(container: Container) -> Paragraph:
    """Add an empty 3-pt paragraph after a table.

    Why: LibreOffice ignores keep-with-next on the paragraphs that follow a table on its
    page (a heading two paragraphs below a data table, "BÁO CÁO" under the header table),
    so a heading could end a page; an empty paragraph right after the table restores it.
    The header table and the data tables get one; the signature tables, last on the page,
    need none.
    """
    return para(container, "", "Rule", alignment=LEFT)


def is_lead_in(text: str) -> bool:
    """Whether a paragraph's text announces what follows it: it ends in ":"."""
    return text.rstrip().endswith(":")


def first_para(cell: _Cell, text: str, style: str) -> Paragraph:
    """Fill the empty paragraph a new cell starts with, instead of adding one."""
    paragraph: Paragraph = cell.paragraphs[0]
    paragraph.style = style
    if text:
        run_defaults(paragraph.add_run(text))
    return paragraph


def loop(container: Container, items: str, text: str, style: str, var: str = "line") -> None:
    """Add `{%p for var in items %}`, one paragraph `text`, `{%p endfor %}`.

    The `{%p ...%}` paragraphs vanish on render, so an empty list leaves nothing behind.
    """
    para(container, f"{{%p for {var} in {items} %}}", style)
    para(container, text, style)
    para(container, "{%p endfor %}", style)


def rule(container: Container, length: Length, width: Length) -> Paragraph:
    """Add a centred solid rule `length` long inside a block `width` wide."""
    paragraph = para(container, "", "Rule")
    side = Length((width - length) // 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    bottom_border(paragraph)
    return paragraph


def heading(doc: Container, text: str, level: int) -> Paragraph:
    """Add a report heading: level 1 "I. TIÊU ĐỀ", level 2 "1. Tiêu đề"."""
    return para(doc, text, "Heading I" if level == 1 else "Heading 1.")


def body(doc: Container, text: str, style: str = "Body") -> Paragraph:
    """Add a justified body paragraph (first-line indent 1.27 cm, 6 pt before)."""
    return para(doc, text, style)


def body_loop(doc: Container, items: str, style: str = "Body") -> None:
    """Add one body paragraph per item of the list `items` (strings)."""
    loop(doc, items, "{{ p }}", style, var="p")


def meeting_place(doc: Container) -> None:
    """Add "Hình thức: …." and "Địa điểm: …[, kết nối trực tuyến với …]." from the values of
    `meeting.place_context`."""
    body(doc, f"Hình thức: {MEETING_FORM}.")
    body(doc, f"Địa điểm: {{{{ venue }}}}{MEETING_BRIDGES}.")


# --------------------------------------------------------------------------- blocks


def layout_table(doc: DocxDocument, widths: Sequence[Length], rows: int = 1) -> Table:
    """Add a borderless table with fixed column widths spanning the text width."""
    table: Table = doc.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    set_table_borders(table, "nil")
    set_table_geometry(table, Length(sum(widths)), Mm(0))
    for i, width in enumerate(widths):
        table.columns[i].width = width
        for cell in table.columns[i].cells:
            cell.width = width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


def header_table(
    doc: DocxDocument,
    *,
    with_date: bool = True,
    issuer_rule: Length = ISSUER_RULE,
    motto_rule: Length = MOTTO_RULE,
) -> Table:
    """Add the Decree 30 header: agency (left) / national name and motto (right).

    Row 1: superior lines (not bold), issuer lines (bold), rule | Quốc hiệu, Tiêu ngữ, rule.
    Row 2: "Số: …" | place and date (italic), so both sit on the same line. With
    `with_date=False` (minutes, Mẫu 1.9) the right cell of row 2 stays empty.
    """
    left, right = d30.AGENCY_COLUMN, d30.NATION_COLUMN
    table = layout_table(doc, [left, right], rows=2)
    agency, nation = table.cell(0, 0), table.cell(0, 1)
    first_para(agency, "{%p for line in doc.superior_lines %}", "Header line")
    para(agency, "{{ line }}", "Header line")
    para(agency, "{%p endfor %}", "Header line")
    loop(agency, "doc.issuer_lines", "{{ line }}", "Header bold")
    rule(agency, issuer_rule, left)
    first_para(nation, d30.NATIONAL, "Header bold")
    para(nation, d30.MOTTO, "Motto")
    rule(nation, motto_rule, right)
    first_para(table.cell(1, 0), "{{ doc.number_line }}", "Number line")
    first_para(table.cell(1, 1), "{{ doc.date_line }}" if with_date else "", "Date line")
    for row in table.rows:
        row_flags(row)
    spacer(doc)
    return table


def title_block(
    doc: DocxDocument, kind: str, summary: str, rule_length: Length = SUBJECT_RULE
) -> None:
    """Add the kind of document (BÁO CÁO …), the subject under it and a short rule."""
    para(doc, kind, "Doc kind")
    para(doc, summary, "Summary")
    rule(doc, rule_length, TEXT_WIDTH)


def signature_block(doc: DocxDocument) -> Table:
    """Add "Nơi nhận" (left) and the signer block (right) in one unsplittable row."""
    left, right = Mm(62), Mm(103)
    table = layout_table(doc, [left, right])
    recipients, signer = table.cell(0, 0), table.cell(0, 1)
    first_para(recipients, "Nơi nhận:", "Recipients head")
    loop(recipients, "doc.recipients_lines", "{{ line }}", "Recipients")
    signer_cell(signer)
    row_flags(table.rows[0])
    return table


def signer_cell(cell: _Cell) -> None:
    """Fill a cell with the signer block: quyền hạn and chức vụ lines, the subtitle, room to
    sign, the name (`doc.signature`)."""
    first_para(cell, "{%p for line in doc.signature.authority_lines %}", "Signer")
    para(cell, "{{ line }}", "Signer")
    para(cell, "{%p endfor %}", "Signer")
    para(cell, "{%p if doc.signature.subtitle %}", "Signer")
    para(cell, "{{ doc.signature.subtitle }}", "Signer")
    para(cell, "{%p endif %}", "Signer")
    for _ in range(SIGNATURE_GAP):
        para(cell, "", "Signer")
    para(cell, "{{ doc.signature.name }}", "Signer")


@dataclass(frozen=True)
class Column:
    """A data-table column: header text, width, cell text and alignment of the cells."""

    header: str
    width: Length
    cell: str
    align: Any = LEFT
    total: str | None = None


def fill_row(row: Any, texts: Sequence[str], style: str, aligns: Sequence[Any]) -> None:
    """Fill a table row's cells, one text each, in `style` and its alignment, centred
    vertically."""
    for cell, text, align in zip(row.cells, texts, aligns, strict=True):
        first_para(cell, text, style).alignment = align
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def bordered_grid(doc: DocxDocument, columns: Sequence[Column], rows: int) -> Table:
    """An empty bordered table of `rows` rows, centred, its columns as wide as `columns`
    say (fixed widths, 1 mm cell padding)."""
    grid: Table = doc.add_table(rows=rows, cols=len(columns))
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    set_table_borders(grid, "single")
    set_table_geometry(grid, Length(sum(c.width for c in columns)), Mm(1))
    for i, column in enumerate(columns):
        grid.columns[i].width = column.width
        for cell in grid.columns[i].cells:
            cell.width = column.width
    return grid


def table(
    doc: DocxDocument,
    columns: Sequence[Column],
    rows: str,
    *,
    var: str = "r",
    total: str | None = None,
    total_label: str = "Tổng cộng",
    size: int = 12,
) -> Table:
    """Add a bordered data table: header row, one `{%tr for %}` row per item, optional total.

    `rows` is the context list. With `total` (a context object) a final bold row shows
    `total_label` across the first two columns and the `Column.total` texts after them.
    The header row repeats on every page; no row breaks across pages; a table shorter than
    a page is kept on one page (every row keeps with the next), since LibreOffice ignores
    keep-with-next on a page that opens with the rest of a broken table.
    """
    suffix = "" if size == 12 else f" {size}"
    text_style, head_style = f"Table text{suffix}", f"Table head{suffix}"
    body_rows = 4 if total else 3
    grid = bordered_grid(doc, columns, 1 + body_rows)
    blank = [""] * (len(columns) - 1)
    centred = [CENTER] * len(columns)
    fill_row(grid.rows[0], [c.header for c in columns], head_style, centred)
    fill_row(grid.rows[1], [f"{{%tr for {var} in {rows} %}}", *blank], text_style, centred)
    fill_row(grid.rows[2], [c.cell for c in columns], text_style, [c.align for c in columns])
    fill_row(grid.rows[3], ["{%tr endfor %}", *blank], text_style, centred)
    if total:
        texts = ["", total_label, *(c.total or "" for c in columns[2:])]
        aligns = [CENTER, CENTER, *(c.align for c in columns[2:])]
        fill_row(grid.rows[4], texts, head_style, aligns)
        label = grid.rows[4].cells[0].merge(grid.rows[4].cells[1])
        drop_empty_paragraphs(label)
    for index, row in enumerate(grid.rows):
        row_flags(row, header=index == 0)
        keep_row_with_next(row)
    keep_lead_in(grid)
    spacer(doc)
    return grid


# Tags that open the block a table sits in: its lead-in is the paragraph before them.
_OPENING_TAGS = ("{%p if ", "{%p elif ", "{%p else")


def keep_lead_in(grid: Table) -> None:
    """Keep the paragraph that leads in a table (its caption, a heading, "… như sau:") on
    the page of the table's first rows.

    Tags opening the table's own `{%p if %}` are passed over; a loop's end (or any other
    tag) stops the search, so the paragraphs of a list before the table are not chained.
    """
    item = previous_block(grid)
    while isinstance(item, Paragraph) and item.text.startswith(_OPENING_TAGS):
        item = previous_block(item)
    if isinstance(item, Paragraph) and item.text and not item.text.startswith("{%"):
        item.paragraph_format.keep_with_next = True


def closing(doc: DocxDocument, text: str) -> Paragraph:
    """Add the body's last paragraph (ending "./."), kept with the signature below it."""
    paragraph = body(doc, text)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(12)
    return paragraph


def score_table(doc: DocxDocument) -> Table:
    """Add the score table; one column per criterion via docxtpl `{%tc %}` column tags.

    The two tag columns vanish on render; the criterion column is repeated once per item of
    `criteria` (header) and of `r.points` (rows). The render adapter then rescales the
    columns (18 + 42 + 15 per criterion + 20 mm) to the 165 mm text width.
    """
    columns = [
        Column("Xếp hạng", Mm(18), "{{ r.rank }}", CENTER),
        Column("Đơn vị", Mm(42), "{{ r.unit }}", LEFT),
        Column("{%tc for c in criteria %}", Mm(35), "{%tc for p in r.points %}"),
        Column("{{ c.code }} ({{ c.max }})", Mm(15), "{{ p }}", RIGHT),
        Column("{%tc endfor %}", Mm(35), "{%tc endfor %}"),
        Column("Tổng điểm", Mm(20), "{{ r.total }}", RIGHT),
    ]
    return table(doc, columns, "score_rows", size=11)


def recipients(doc: DocxDocument) -> None:
    """Add "Nơi nhận:" and the list, flush left under the signatures, kept together and
    with the signature row above them (so a page never holds the recipients alone).

    The signature table keeps with "Nơi nhận:" when its last row is a plain row; a grid
    whose rows come from a `{%tr for %}` loop is left free to break between its rows.
    """
    head = para(doc, "Nơi nhận:", "Recipients head", space_before=Pt(12))
    signatures = previous_block(head)
    if isinstance(signatures, Table) and "{%tr" not in _row_text(signatures.rows[-1]):
        keep_row_with_next(signatures.rows[-1])
    para(doc, "{%p for line in doc.recipients_lines %}", "Recipients")
    para(doc, "{{ line }}", "Recipients", keep_with_next=True)
    para(doc, "{%p endfor %}", "Recipients")


def _row_text(row: Any) -> str:
    return "".join(p.text for cell in row.cells for p in cell.paragraphs)


def keep_row_with_next(row: Any) -> None:
    """Keep a table row on the page of the paragraph after the table (every paragraph of
    its cells keeps with the next, as Word and LibreOffice read it)."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


# --------------------------------------------------------------------------- fill-in


def highlight(paragraph: Paragraph, what: str) -> Paragraph:
    """Append a highlighted marker run asking for `what` to `paragraph` (a template or an
    output paragraph); return the paragraph."""
    run = paragraph.add_run(marker(what))
    run_defaults(run)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return paragraph


def fill_in(container: object, what: str, style: str = "Body",
            lead: str = "") -> Paragraph:
    """A paragraph of `style` that reads `lead` then a highlighted marker asking for `what`.

    `lead` is plain text before the marker ("Quá trình thành lập: "); it must not hold a
    template tag that another run would split.
    """
    paragraph: Paragraph = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    if lead:
        run_defaults(paragraph.add_run(lead))
    return highlight(paragraph, what)


def either(doc: Container, condition: str, then: str | Callable[[], object], what: str,
           lead: str = "") -> None:
    """A body paragraph `then` (or what `then()` adds) when the template's `condition`
    holds, else a fill-in marker asking for `what` after the plain text `lead`."""
    para(doc, f"{{%p if {condition} %}}", "Body")
    if isinstance(then, str):
        body(doc, then)
    else:
        then()
    para(doc, "{%p else %}", "Body")
    fill_in(doc, what, lead=lead)
    para(doc, "{%p endif %}", "Body")


def unnumbered_header(doc: DocxDocument) -> Table:
    """The header table of a paper that has no "Số:" line (an achievement report, the
    pact): that cell stays empty."""
    grid = header_table(doc)
    for run in grid.cell(1, 0).paragraphs[0].runs:
        run.text = ""
    return grid
