"""Turn the OOXML details python-docx has no public API for into named helpers.

Why this module: python-docx covers styles, paragraphs and tables, but not every piece of
Decree 30 layout (all four font slots and the language, paragraph borders drawn as rules,
the PAGE field, table widths and borders, rows that must not split). Each helper below edits
one OOXML element through `docx.oxml`, and this is the only module of the template layouts
that does so.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from docgen import decree30 as d30

FONT, LANG = d30.FONT, d30.LANG


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

    Why: python-docx's default template gives built-in styles theme fonts and blue; those a
    template keeps (Header for the page number, any a layout uses) must follow Decree 30.
    `slim` drops the unused ones: a built-in style a clerk picks in Word then comes with
    Word's own font, which the linter reports.
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


def copy_row_above(row: Any) -> None:
    """Insert a copy of a table row (its cells, repeat-on-each-page and no-split flags)
    directly above it. Why raw XML: python-docx can only append rows at the bottom."""
    element = row._tr
    element.addprevious(copy.deepcopy(element))


def row_flags(row: Any, *, header: bool = False) -> None:
    """Forbid a row to break across pages (w:cantSplit); repeat it on each page if `header`.

    Why: python-docx has no row-level API for either flag.
    """
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))




def previous_block(item: Paragraph | Table) -> Paragraph | Table | None:
    """The paragraph or table directly before `item` in its container, or None.

    Why raw XML: python-docx offers no sibling navigation; the layouts need it to find the
    lead-in of a table they have just added.
    """
    element = item._element.getprevious()
    if element is None:
        return None
    if element.tag == qn("w:p"):
        return Paragraph(element, item._parent)
    if element.tag == qn("w:tbl"):
        return Table(element, item._parent)
    return None
