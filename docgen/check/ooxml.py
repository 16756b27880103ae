"""Turn raw OOXML elements into plain values where python-docx has no public API.

Every helper here reads one kind of element and says why python-docx cannot be used for it.
The rest of `docgen.check` works with python-docx proxies and the values these return.
"""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Length, Pt, Twips
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

THEME_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.theme+xml"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_V = "{urn:schemas-microsoft-com:vml}"
_PAGE_FIELD = re.compile(r"^\s*PAGE\b")
_NO_BORDER = ("nil", "none")
_FALSE = ("0", "false", "off")
_MEASURE = re.compile(r"^(?P<n>-?\d+(?:\.\d+)?)(?P<unit>mm|cm|in|pt|pc|pi)?$")
_UNITS = {"mm": 36000, "cm": 360000, "in": 914400, "pt": 12700, "pc": 152400, "pi": 152400}
# Runs below these (inside a paragraph) are not part of its own text: text boxes, the
# duplicate fallback of alternate content, deleted or moved-away text.
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_FOREIGN = (qn("w:txbxContent"), qn("w:del"), qn("w:moveFrom"), _MC_FALLBACK)
TWIP = Twips(1)
HALF_POINT = Pt(1) // 2


def p_element(paragraph: Paragraph) -> Any:
    """The paragraph's w:p element.

    Why: python-docx keeps it in the private `_p`; borders, fields and drawings need it.
    """
    return paragraph._p


def row_cells(row: _Row) -> list[_Cell]:
    """The cells of a table row, left to right (a merged cell repeated per grid column).

    Why: python-docx's `_Row.cells` raises on some malformed merges Word still opens; the
    row's w:tc elements are read directly then.
    """
    try:
        return list(row.cells)
    except (IndexError, ValueError):
        return [_Cell(tc, row.table) for tc in row._tr.tc_lst]


def cell_element(cell: _Cell) -> Any:
    """The cell's w:tc element.

    Why: merged cells come back from python-docx as separate proxies of one w:tc; the
    element's identity is the only way to visit each cell once.
    """
    return cell._tc


def first(element: Any, tag: str) -> Any:
    """The first child of `element` whose tag is `tag` (Clark notation), or None: what
    `element.find(tag)` gives, without its path parsing (properties come first, so the
    loop seldom goes far)."""
    for node in element:
        if node.tag == tag:
            return node
    return None


def doc_defaults(document: Document) -> tuple[Any, Any]:
    """Return the docDefaults (w:rPr, w:pPr) elements, each None when absent.

    Why: python-docx exposes styles but not w:docDefaults, the last level Word falls back
    to for fonts, sizes and paragraph spacing.
    """
    root = document.styles.element
    rpr = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    ppr = root.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    return rpr, ppr


# Clark names of the prefixed names the helpers read ("w:rPr" -> "{…main}rPr"), worked out
# once: python-docx's qn() splits and looks up the prefix on every call.
_CLARK: dict[str, str] = {}


def clark(tag: str) -> str:
    """The Clark name of a prefixed name ("w:rPr"), as python-docx's qn() gives it."""
    name = _CLARK.get(tag)
    if name is None:
        name = _CLARK[tag] = qn(tag)
    return name


def child(element: Any, tag: str) -> Any:
    """The first child `tag` ("w:rPr") of `element`, or None (also when element is None)."""
    return None if element is None else first(element, clark(tag))


def serialized(element: Any) -> bytes:
    """An element's XML (b"" for None): two elements that read the same give the same
    bytes, a cheap key for what is worked out from an element's content."""
    return b"" if element is None else etree.tostring(element)


def children_key(props: Any) -> tuple[Any, ...] | None:
    """A key for what a properties element (w:rPr) says through its children: each
    child's tag and attributes, in order; None for no element.

    Every reading of run properties (python-docx's `Font`, the helpers below) reads the
    first child of a tag and its attributes, nothing deeper: elements with the same key
    read the same. Cheaper than `serialized`, which writes every namespace in scope.
    """
    if props is None:
        return None
    return tuple([(node.tag, *node.items()) for node in props])


_VAL = qn("w:val")


def style_ref(element: Any, props_tag: str, ref_tag: str) -> str | None:
    """The style id an element names (`props_tag`/`ref_tag` such as w:pPr/w:pStyle, in
    Clark notation), None when it names none."""
    props = first(element, props_tag)
    ref = None if props is None else first(props, ref_tag)
    return None if ref is None else ref.get(_VAL)


def toggle(props: Any, tag: str) -> bool | None:
    """Read an on/off property (w:b, w:i of an rPr; w:contextualSpacing of a pPr): True,
    False, or None when absent.

    Why: python-docx wraps neither docDefaults nor w:contextualSpacing.
    """
    node = child(props, tag)
    if node is None:
        return None
    return node.get(clark("w:val"), "true").lower() not in _FALSE


def measure(raw: str | None, unit: int = TWIP) -> Length | None:
    """Parse an OOXML measure: a bare number of `unit` (twips, or half-points for sizes) or
    a universal measure such as "12.7mm", "14pt"; None when absent or unreadable."""
    if raw is None:
        return None
    match = _MEASURE.match(raw.strip())
    if match is None:
        return None
    number, suffix = float(match["n"]), match["unit"]
    return Length(round(number * (_UNITS[suffix] if suffix else unit)))


def size(rpr: Any) -> Length | None:
    """Read w:sz (half-points) of an rPr; None when absent. Why: as for `toggle`."""
    node = child(rpr, "w:sz")
    return None if node is None else measure(node.get(clark("w:val")), HALF_POINT)


def font_slot(rpr: Any, slot: str) -> tuple[str | None, str | None]:
    """Return (font name, theme font) of one rFonts slot ("ascii", "hAnsi").

    Why: python-docx's `Font.name` reads only w:ascii and ignores theme fonts, which
    override the names in Word.
    """
    fonts = child(rpr, "w:rFonts")
    if fonts is None:
        return None, None
    return fonts.get(clark(f"w:{slot}")), fonts.get(clark(f"w:{slot}Theme"))


def color(rpr: Any) -> tuple[str | None, str | None]:
    """Return (w:val, w:themeColor) of an rPr's w:color; (None, None) when absent.

    Why: python-docx's ColorFormat hides "auto" and cannot read docDefaults.
    """
    node = child(rpr, "w:color")
    if node is None:
        return None, None
    return node.get(clark("w:val")), node.get(clark("w:themeColor"))


def alignment(ppr: Any) -> str | None:
    """Return the raw w:jc value of a pPr ("both", "center", "start" ...), or None.

    Why: python-docx raises ValueError on the valid ISO values "start" and "end".
    """
    node = child(ppr, "w:jc")
    return None if node is None else node.get(clark("w:val"))


def spacing(ppr: Any, attr: str) -> str | None:
    """Return one raw attribute of a pPr's w:spacing ("before", "line", "lineRule" ...).

    Why: docDefaults' w:pPr has no python-docx ParagraphFormat.
    """
    node = child(ppr, "w:spacing")
    return None if node is None else node.get(clark(f"w:{attr}"))


def first_line(ppr: Any) -> Length | None:
    """Return the first-line indent of a pPr's w:ind (negative when hanging), or None.

    Why: as for `spacing`.
    """
    node = child(ppr, "w:ind")
    if node is None:
        return None
    hanging = measure(node.get(clark("w:hanging")))
    if hanging is not None:
        return Length(-hanging)
    return measure(node.get(clark("w:firstLine")))


def bottom_border(ppr: Any) -> bool | None:
    """Whether a pPr draws a bottom border: True, False (explicitly none), None (unset).

    Why: python-docx has no API for paragraph borders (w:pBdr).
    """
    node = child(child(ppr, "w:pBdr"), "w:bottom")
    if node is None:
        return None
    return node.get(clark("w:val"), "nil") not in _NO_BORDER


def has_drawn_line(paragraph: Paragraph) -> bool:
    """Whether the paragraph anchors a drawn straight line (DrawingML or VML).

    Why: shapes are outside python-docx's model; some offices draw the rules this way.
    """
    element = p_element(paragraph)
    for geometry in element.iter(f"{_A}prstGeom"):
        if geometry.get("prst") in ("line", "straightConnector1"):
            return True
    return next(element.iter(f"{_V}line"), None) is not None


def has_page_field(paragraph: Paragraph) -> bool:
    """Whether the paragraph holds a PAGE field (complex w:instrText or w:fldSimple).

    Why: python-docx does not model fields.
    """
    element = p_element(paragraph)
    for simple in element.iter(clark("w:fldSimple")):
        if _PAGE_FIELD.match(simple.get(clark("w:instr"), "")):
            return True
    return any(_PAGE_FIELD.match(node.text or "") for node in element.iter(clark("w:instrText")))


def visible_runs(paragraph: Paragraph) -> list[Run]:
    """Every run of the paragraph that shows text, including those inside hyperlinks,
    simple fields, insertions and content controls (deleted text has no w:t).

    Why: `Paragraph.runs` lists only the w:r children of the w:p itself.
    """
    return [Run(r, paragraph) for r, _ in shown_runs(p_element(paragraph))]


def shown_runs(p: Any) -> list[tuple[Any, Any]]:
    """(w:r, its w:rPr or None) for each run of `visible_runs` of the w:p element `p`."""
    runs = []
    for r in p.iter(_R):
        if r.getparent() is not p and _inside_foreign(r, p):
            continue
        rpr = None
        shown = False
        for node in r:
            tag = node.tag
            if tag == _T:
                shown = shown or bool((node.text or "").strip())
            elif tag == _RPR and rpr is None:
                rpr = node
        # A w:t deeper down (a text box's run inside this one) shows text too.
        if shown or any((t.text or "").strip() for t in r.iter(_T)):
            runs.append((r, rpr))
    return runs


def _inside_foreign(node: Any, stop: Any) -> bool:
    """Whether `node` sits in a text box, a fallback copy or deleted text below `stop`."""
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _FOREIGN:
            return True
        parent = parent.getparent()
    return False


def theme_fonts(document: Document) -> dict[str, str]:
    """Map theme font slots ("minorHAnsi", "majorAscii" ...) to typefaces.

    Why: python-docx does not read the theme part; Word draws theme-font text in it.
    """
    for part in document.part.package.iter_parts():
        if part.content_type == THEME_CONTENT_TYPE:
            try:
                return _theme_slots(etree.fromstring(part.blob))
            except etree.XMLSyntaxError:
                return {}
    return {}


def _theme_slots(theme: Any) -> dict[str, str]:
    slots: dict[str, str] = {}
    for scheme in ("major", "minor"):
        latin = theme.find(f".//{_A}{scheme}Font/{_A}latin")
        if latin is None:
            continue
        for slot in ("Ascii", "HAnsi"):
            slots[f"{scheme}{slot}"] = latin.get("typeface", "")
    return slots


_R, _T, _BR, _HYPERLINK = qn("w:r"), qn("w:t"), qn("w:br"), qn("w:hyperlink")
_RPR = qn("w:rPr")
# The run children python-docx reads as text besides w:t and w:br, and what each reads as.
SIGNS = {qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-", qn("w:ptab"): "\t", qn("w:tab"): "\t"}
_TYPE = qn("w:type")


def run_text(r: Any) -> str:
    """A w:r's text exactly as python-docx's `Run.text` gives it (w:t, tabs, line breaks,
    non-breaking hyphens), read by walking its children.

    Why: python-docx runs an XPath query for every reading, the linter's largest cost."""
    parts = []
    for child in r:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _BR:
            parts.append("\n" if child.get(_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag in SIGNS:
            parts.append(SIGNS[tag])
    return "".join(parts)


def paragraph_text(p: Any) -> str:
    """A w:p's text exactly as python-docx's `Paragraph.text` gives it (its runs and the
    runs of its hyperlinks), without XPath (see `run_text`)."""
    parts = []
    for child in p:
        if child.tag == _R:
            parts.append(run_text(child))
        elif child.tag == _HYPERLINK:
            parts += [run_text(r) for r in child if r.tag == _R]
    return "".join(parts)
