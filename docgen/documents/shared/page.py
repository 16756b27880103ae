"""Turn Decree 30's page and type rules into a new template document: A4 portrait, margins,
Times New Roman in every slot, vi-VN, the named paragraph styles and page numbers from page
two on. Every number comes from `docgen.decree30`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Length, Mm, Pt, RGBColor

from docgen import decree30 as d30
from docgen.documents.shared.ooxml import (
    add_page_field,
    blacken_builtin_styles,
    set_doc_defaults,
    set_proofing_language,
    style_fonts,
)
from docgen.files import rezip

TEMPLATE_TIME = dt.datetime(2020, 1, 1)
CENTER, LEFT, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)



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
    keep_lines: bool | None = None


STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("Body", align=JUSTIFY, first_indent=d30.FIRST_LINE_INDENT.chosen,
              before=d30.PARAGRAPH_SPACING.chosen.pt),
    StyleSpec("Basis", base="Body", italic=True),
    # Headings and title lines keep with what follows them and are never split.
    StyleSpec("Heading I", base="Body", bold=True, keep_next=True, keep_lines=True),
    StyleSpec("Heading 1.", base="Body", bold=True, keep_next=True, keep_lines=True),
    # The header set of decree30.SIZES: Quốc hiệu and agency, motto, Số, date.
    StyleSpec("Header line", size=d30.size("issuer"), align=CENTER),
    StyleSpec("Header bold", base="Header line", bold=True),
    StyleSpec("Motto", size=d30.size("motto"), bold=True, align=CENTER),
    StyleSpec("Number line", base="Header line", size=d30.size("number"), before=7),
    StyleSpec("Date line", size=d30.size("date"), italic=True, align=CENTER, before=6),
    StyleSpec("Rule", size=3, align=CENTER),
    StyleSpec("Doc kind", size=d30.size("title"), bold=True, align=CENTER, before=24,
              keep_next=True, keep_lines=True),
    StyleSpec("Summary", size=d30.size("title"), bold=True, align=CENTER, keep_next=True,
              keep_lines=True),
    StyleSpec("Addressee", size=d30.size("body"), align=CENTER, before=6),
    StyleSpec("Table text", size=12, align=LEFT, before=2, after=2),
    StyleSpec("Table head", base="Table text", bold=True, align=CENTER),
    StyleSpec("Table text 11", base="Table text", size=11),
    StyleSpec("Table head 11", base="Table text 11", bold=True, align=CENTER),
    StyleSpec("Recipients head", size=d30.size("recipients_head"), bold=True, italic=True,
              align=LEFT),
    StyleSpec("Recipients", size=d30.size("recipients"), align=LEFT),
    # No keep-with-next here: LibreOffice keeps a whole table together when its cells'
    # paragraphs keep with the next, so a grid of signatures could not break between rows.
    # A signature row is held whole by the row's cantSplit; `blocks.recipients` keeps the
    # row above "Nơi nhận:" with it.
    StyleSpec("Signer", size=d30.size("signature"), bold=True, align=CENTER),
)


def define_normal(doc: DocxDocument) -> None:
    """Make Normal Times New Roman 14 pt black, single-spaced, no paragraph spacing."""
    normal = doc.styles["Normal"]
    style_fonts(normal)
    normal.font.size = d30.SIZES["body"].chosen
    normal.font.color.rgb = RGBColor(0, 0, 0)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.widow_control = True
    header = doc.styles["Header"]
    header.font.size = d30.SIZES["page_number"].chosen
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
    if spec.keep_lines is not None:
        fmt.keep_together = spec.keep_lines


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
    section.page_width, section.page_height = d30.PAGE_WIDTH, d30.PAGE_HEIGHT
    margins = {side: m.chosen for side, m in d30.MARGINS.items()}
    section.top_margin, section.bottom_margin = margins["top"], margins["bottom"]
    section.left_margin, section.right_margin = margins["left"], margins["right"]
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
    props.title, props.author, props.language = title, "docgen", d30.LANG
    props.comments = ""
    # Fixed stamps: a rebuilt template is byte-identical, so the repository sees a change
    # only when the layout changed.
    props.created = props.modified = TEMPLATE_TIME
    props.last_modified_by, props.revision = "docgen", 1
    return doc



def save(doc: DocxDocument, path: Path) -> None:
    """Write a template, creating its folder; the same layout gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(rezip(buffer.getvalue()))


# What `tighten` changes, inside Decree 30's ranges (decree30.SIZES, PARAGRAPH_SPACING): the
# body, title and signature text from 14 to 13 pt, the gap above the kind of document and
# the padding of table cells. Paragraph spacing (6 pt), single line spacing and the margins
# are already at the decree's minimum and stay.
TIGHT_SIZES = {
    "Normal": d30.SIZES["body"].allowed.lo,
    "Addressee": d30.SIZES["body"].allowed.lo,
    "Doc kind": d30.SIZES["title"].allowed.lo,
    "Summary": d30.SIZES["title"].allowed.lo,
    "Signer": d30.SIZES["signature"].allowed.lo,
}
TIGHT_BEFORE = {"Doc kind": Pt(12), "Table text": Pt(1)}
TIGHT_AFTER = {"Table text": Pt(1)}


def tighten(data: bytes) -> bytes:
    """A rendered document with tighter type and spacing, so that one that overflows its
    last page by a few lines may end a page earlier; every value stays within Decree 30.

    Only named styles change (Normal and those based on it follow it), so the text and its
    order are those of `data`; a style the document lacks (a template edited in Word) is
    passed over. The same input gives the same bytes.
    """
    doc = Document(io.BytesIO(data))
    styles = {style.name: style for style in doc.styles}
    for name, size in TIGHT_SIZES.items():
        if name in styles:
            styles[name].font.size = size
    for name, space in TIGHT_BEFORE.items():
        if name in styles:
            styles[name].paragraph_format.space_before = space
    for name, space in TIGHT_AFTER.items():
        if name in styles:
            styles[name].paragraph_format.space_after = space
    buffer = io.BytesIO()
    doc.save(buffer)
    return rezip(buffer.getvalue())
