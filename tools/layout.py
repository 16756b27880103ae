"""Turn the Decree 30/2020 layout rules into python-docx building blocks for templates.

The helpers (`new_document`, `header_table`, `title_block`, `heading`, `body`, `loop`,
`table`, `signature_block`) are shared by every document's template builder (tpl_*.py).
Every paragraph that carries a template tag holds exactly one run, so Word never splits a
tag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
LANG = "vi-VN"
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_WIDTH = Mm(165)
FIRST_LINE_INDENT = Cm(1.27)
# Rules: ~1/3 of the agency line; as long as "Độc lập - Tự do - Hạnh phúc" at 14 pt bold
# (60.2 mm measured on Times New Roman metrics); 1/3 of the text line under the subject.
ISSUER_RULE, MOTTO_RULE, SUBJECT_RULE = Mm(30), Mm(57), Mm(50)
CENTER, LEFT, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)

# A container that can take paragraphs: the document body or a table cell.
Container = Any

# --------------------------------------------------------------------------- raw XML helpers
# python-docx has no public API for these; each helper edits one OOXML element.


def _set_fonts_and_lang(rpr: Any) -> None:
    """Put Times New Roman in all four rFonts slots and vi-VN in w:lang.

    Why: `Font.name` only fills ascii/hAnsi; Vietnamese letters may be laid out with the
    eastAsia or cs font, and theme attributes (asciiTheme ...) would override the names.
    """
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for slot in ("val", "eastAsia", "bidi"):
        lang.set(qn(f"w:{slot}"), LANG)


def set_doc_defaults(doc: DocxDocument) -> None:
    """Make docDefaults say Times New Roman 14 pt, vi-VN, no spacing, single lines.

    Why: text outside any named style (e.g. pasted text, table cells Word creates) falls back
    to docDefaults, which python-docx's default template sets to Calibri-like theme fonts.
    """
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _set_fonts_and_lang(rpr)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), "28")
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.attrib.clear()
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")


def set_proofing_language(doc: DocxDocument) -> None:
    """Say the theme fonts' language is vi-VN (Word's spell checker reads it)."""
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), LANG)


def style_fonts(style: Any) -> None:
    """Give a style the four font slots and the language (see `_set_fonts_and_lang`)."""
    _set_fonts_and_lang(style.element.get_or_add_rPr())


def blacken_builtin_styles(doc: DocxDocument) -> None:
    """Make the built-in styles that name a font or a colour use Times New Roman, black.

    Why: python-docx's default template gives headings theme fonts and blue; a user who
    picks "Heading 1" in Word should still get a Decree 30 font.
    """
    for style in doc.styles:
        rpr = style.element.rPr
        if rpr is None:
            continue
        if rpr.rFonts is not None:
            _set_fonts_and_lang(rpr)
        if rpr.color is not None:
            style.font.color.rgb = RGBColor(0, 0, 0)


def run_defaults(run: Any) -> None:
    """Make a run Times New Roman in all slots, vi-VN and black, whatever the style says."""
    _set_fonts_and_lang(run.element.get_or_add_rPr())
    run.font.color.rgb = RGBColor(0, 0, 0)


# Children of w:pPr that the schema puts after w:pBdr (the order matters to Word).
_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip


def bottom_border(paragraph: Paragraph, size_pt: float = 0.75, space_pt: int = 0) -> None:
    """Draw a solid rule under a paragraph (w:pBdr/w:bottom).

    Why: Decree 30's rules under the agency name, the motto and the subject are drawn as a
    paragraph border; its length is the paragraph width, set by left/right indents.
    """
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(round(size_pt * 8)))
    bottom.set(qn("w:space"), str(space_pt))
    bottom.set(qn("w:color"), "000000")
    border.append(bottom)
    ppr.insert_element_before(border, *_PPR_AFTER_PBDR)


def add_page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (w:fldChar begin/instrText/separate/end) to a paragraph.

    Why: python-docx cannot insert fields; Word updates the number on every page.
    """
    parts: list[tuple[str, str | None]] = [
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ]
    for kind, text in parts:
        run = paragraph.add_run()
        run_defaults(run)
        if kind == "text":
            run.text = text or ""
            continue
        if kind == "instr":
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = text
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        run.element.append(node)


def set_table_borders(table: Table, val: str) -> None:
    """Set all six table borders to `val` ("single" for data tables, "nil" for layout ones).

    Why: python-docx only offers table styles; direct borders keep the template independent
    of the style gallery and make the layout tables borderless in every viewer.
    """
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), val)
        if val != "nil":
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    tbl_pr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
    )


def set_table_geometry(table: Table, width: Length, side_margin: Length) -> None:
    """Fix the table width (w:tblW) and the cells' left/right padding (w:tblCellMar).

    Why: with w:tblLayout fixed (autofit off) Word and LibreOffice keep the given column
    widths; python-docx sets neither the table width nor the cell padding.
    """
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(tbl_w, "w:jc", "w:tblInd", "w:tblBorders", "w:tblLayout")
    tbl_w.set(qn("w:w"), str(width.twips))
    tbl_w.set(qn("w:type"), "dxa")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(side_margin.twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption")


def drop_empty_paragraphs(cell: _Cell) -> None:
    """Remove the empty paragraphs a merge leaves in a cell (keeping at least one).

    Why: `_Cell.merge` keeps every paragraph of the merged cells; python-docx has no delete.
    """
    for paragraph in cell.paragraphs:
        if not paragraph.text and len(cell.paragraphs) > 1:
            paragraph._p.getparent().remove(paragraph._p)


def row_flags(row: Any, *, header: bool = False) -> None:
    """Forbid a row to break across pages (w:cantSplit); repeat it on each page if `header`.

    Why: python-docx has no row-level API for either flag.
    """
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class StyleSpec:
    """A named paragraph style; None leaves the value to the base style."""

    name: str
    base: str = "Normal"
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: Any = None
    first_indent: Length | None = None
    before: float | None = None
    after: float | None = None
    keep_next: bool | None = None


STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("Body", align=JUSTIFY, first_indent=FIRST_LINE_INDENT, before=6),
    StyleSpec("Basis", base="Body", italic=True),
    StyleSpec("Heading I", base="Body", bold=True, keep_next=True),
    StyleSpec("Heading 1.", base="Body", bold=True, keep_next=True),
    # Header set 12/13/13 (Decree 30, Mục V): Quốc hiệu and agency 12, motto, Số, date 13.
    StyleSpec("Header line", size=12, align=CENTER),
    StyleSpec("Header bold", base="Header line", bold=True),
    StyleSpec("Motto", size=13, bold=True, align=CENTER),
    StyleSpec("Number line", base="Header line", size=13, before=7),
    StyleSpec("Date line", size=13, italic=True, align=CENTER, before=6),
    StyleSpec("Rule", size=3, align=CENTER),
    StyleSpec("Doc kind", size=14, bold=True, align=CENTER, before=24, keep_next=True),
    StyleSpec("Summary", size=14, bold=True, align=CENTER, keep_next=True),
    StyleSpec("Addressee", size=14, align=CENTER, before=6),
    StyleSpec("Table text", size=12, align=LEFT, before=2, after=2),
    StyleSpec("Table head", base="Table text", bold=True, align=CENTER),
    StyleSpec("Table text 11", base="Table text", size=11),
    StyleSpec("Table head 11", base="Table text 11", bold=True, align=CENTER),
    StyleSpec("Recipients head", size=12, bold=True, italic=True, align=LEFT),
    StyleSpec("Recipients", size=11, align=LEFT),
    StyleSpec("Signer", size=14, bold=True, align=CENTER, keep_next=True),
)


def define_normal(doc: DocxDocument) -> None:
    """Make Normal Times New Roman 14 pt black, single-spaced, no paragraph spacing."""
    normal = doc.styles["Normal"]
    style_fonts(normal)
    normal.font.size = Pt(14)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.widow_control = True
    header = doc.styles["Header"]
    header.font.size = Pt(14)
    header.font.italic = False
    header.paragraph_format.alignment = CENTER


def define_style(doc: DocxDocument, spec: StyleSpec) -> None:
    """Add one paragraph style from its spec, shown in Word's style gallery."""
    style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[spec.base]
    style.quick_style = True
    font, fmt = style.font, style.paragraph_format
    if spec.size is not None:
        font.size = Pt(spec.size)
    font.bold, font.italic = spec.bold, spec.italic
    if spec.align is not None:
        fmt.alignment = spec.align
    if spec.first_indent is not None:
        fmt.first_line_indent = spec.first_indent
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.keep_next is not None:
        fmt.keep_with_next = spec.keep_next


def new_document(title: str) -> DocxDocument:
    """Return an empty A4 portrait document with Decree 30 margins, styles and page numbers."""
    doc = Document()
    set_doc_defaults(doc)
    set_proofing_language(doc)
    blacken_builtin_styles(doc)
    define_normal(doc)
    for spec in STYLES:
        define_style(doc, spec)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = Mm(10)
    section.gutter = Mm(0)
    # Page numbers from page 2 on: "different first page" (w:titlePg) with an empty header.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    first = section.first_page_header.paragraphs[0]
    first.style = doc.styles["Header"]
    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    add_page_field(header)
    props = doc.core_properties
    props.title, props.author, props.language = title, "docgen", LANG
    props.comments = ""
    return doc


# --------------------------------------------------------------------------- paragraphs


def para(container: Container, text: str, style: str, **fmt: Any) -> Paragraph:
    """Add a paragraph holding `text` in a single run (so tags stay whole)."""
    paragraph = container.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run_defaults(run)
    for key, value in fmt.items():
        setattr(paragraph.paragraph_format, key, value)
    return paragraph


def first_para(cell: _Cell, text: str, style: str) -> Paragraph:
    """Fill the empty paragraph a new cell starts with, instead of adding one."""
    paragraph = cell.paragraphs[0]
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


# --------------------------------------------------------------------------- blocks


def layout_table(doc: DocxDocument, widths: Sequence[Length], rows: int = 1) -> Table:
    """Add a borderless table with fixed column widths spanning the text width."""
    table = doc.add_table(rows=rows, cols=len(widths))
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
    left, right = Mm(72), Mm(93)
    table = layout_table(doc, [left, right], rows=2)
    agency, nation = table.cell(0, 0), table.cell(0, 1)
    first_para(agency, "{%p for line in doc.superior_lines %}", "Header line")
    para(agency, "{{ line }}", "Header line")
    para(agency, "{%p endfor %}", "Header line")
    loop(agency, "doc.issuer_lines", "{{ line }}", "Header bold")
    rule(agency, issuer_rule, left)
    first_para(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Header bold")
    para(nation, "Độc lập - Tự do - Hạnh phúc", "Motto")
    rule(nation, motto_rule, right)
    first_para(table.cell(1, 0), "{{ doc.number_line }}", "Number line")
    first_para(table.cell(1, 1), "{{ doc.date_line }}" if with_date else "", "Date line")
    for row in table.rows:
        row_flags(row)
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
    first_para(signer, "{%p for line in doc.signature.authority_lines %}", "Signer")
    para(signer, "{{ line }}", "Signer")
    para(signer, "{%p endfor %}", "Signer")
    para(signer, "{%p if doc.signature.subtitle %}", "Signer")
    para(signer, "{{ doc.signature.subtitle }}", "Signer")
    para(signer, "{%p endif %}", "Signer")
    for _ in range(4):
        para(signer, "", "Signer")
    para(signer, "{{ doc.signature.name }}", "Signer")
    row_flags(table.rows[0])
    return table


@dataclass(frozen=True)
class Column:
    """A data-table column: header text, width, cell text and alignment of the cells."""

    header: str
    width: Length
    cell: str
    align: Any = LEFT
    total: str | None = None


def _fill_row(row: Any, texts: Sequence[str], style: str, aligns: Sequence[Any]) -> None:
    for cell, text, align in zip(row.cells, texts, aligns, strict=True):
        first_para(cell, text, style).alignment = align
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


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
    The header row repeats on every page; no row breaks across pages.
    """
    suffix = "" if size == 12 else f" {size}"
    text_style, head_style = f"Table text{suffix}", f"Table head{suffix}"
    body_rows = 4 if total else 3
    grid = doc.add_table(rows=1 + body_rows, cols=len(columns))
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    set_table_borders(grid, "single")
    set_table_geometry(grid, Length(sum(c.width for c in columns)), Mm(1))
    for i, column in enumerate(columns):
        grid.columns[i].width = column.width
        for cell in grid.columns[i].cells:
            cell.width = column.width
    blank = [""] * (len(columns) - 1)
    centred = [CENTER] * len(columns)
    _fill_row(grid.rows[0], [c.header for c in columns], head_style, centred)
    _fill_row(grid.rows[1], [f"{{%tr for {var} in {rows} %}}", *blank], text_style, centred)
    _fill_row(grid.rows[2], [c.cell for c in columns], text_style, [c.align for c in columns])
    _fill_row(grid.rows[3], ["{%tr endfor %}", *blank], text_style, centred)
    if total:
        texts = ["", total_label, *(c.total or "" for c in columns[2:])]
        aligns = [CENTER, CENTER, *(c.align for c in columns[2:])]
        _fill_row(grid.rows[4], texts, head_style, aligns)
        label = grid.rows[4].cells[0].merge(grid.rows[4].cells[1])
        drop_empty_paragraphs(label)
    for index, row in enumerate(grid.rows):
        row_flags(row, header=index == 0)
    return grid


def closing(doc: DocxDocument, text: str) -> Paragraph:
    """Add the body's last paragraph (ending "./."), kept with the signature below it."""
    paragraph = body(doc, text)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(12)
    return paragraph


def save(doc: DocxDocument, path: Path) -> None:
    """Write a template, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
