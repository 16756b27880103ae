"""Turn a document's XML into what the linter reads of it, walking lxml elements directly:
the body's paragraphs and tables, the cells of a table row, and for each w:p its text, its
style id and the runs that show text.

Why not python-docx's proxies: each proxy property runs an XPath query or a path search,
and the linter reads every paragraph and cell of documents of tens of thousands of them
(a 300-member score sheet). Every reader here gives exactly what the python-docx reading
it replaces gives (named in its docstring); what python-docx would read differently (a
vertically merged cell, a paragraph holding more than plain runs) is read the slow way.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from docx.document import Document
from docx.oxml.ns import nsmap, qn
from docx.table import Table, _Row

from docgen.check import ooxml

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_TCPR, _VMERGE, _GRIDSPAN = qn("w:tcPr"), qn("w:vMerge"), qn("w:gridSpan")
_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_R, _RPR, _T, _BR, _TYPE = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:br"), qn("w:type")
_BLOCKS = (_P, _TBL)
_SIGNS = ooxml.SIGNS  # read as text: w:cr, w:tab ...
# Children of a w:p and of a w:r that the one-walk reading understands: a paragraph holding
# anything else (a hyperlink, a field, a drawing, tracked changes ...) is read the general
# way. Properties (w:pPr, w:rPr) hold no runs or text (ECMA-376 CT_PPr, CT_RPr).
_PLAIN_IN_P = frozenset(qn(f"w:{tag}") for tag in (
    "pPr", "r", "bookmarkStart", "bookmarkEnd", "proofErr"))
_PLAIN_IN_R = frozenset(qn(f"w:{tag}") for tag in (
    "rPr", "t", "br", "cr", "noBreakHyphen", "ptab", "tab", "lastRenderedPageBreak",
    "softHyphen"))


class Reading(NamedTuple):
    """What the linter reads of a w:p: `text` (python-docx's `Paragraph.text`), `style`
    (the w:pStyle value, None when the paragraph names none) and `runs`, (w:r, its w:rPr
    or None) for each run that shows text (`ooxml.visible_runs`)."""

    text: str
    style: str | None
    runs: list[tuple[Any, Any]]


def read_p(p: Any) -> Reading:
    """The Reading of the w:p element `p`, in one walk of its children when it holds only
    properties, plain runs and bookmarks (what documents docgen renders hold)."""
    texts: list[str] = []
    runs: list[tuple[Any, Any]] = []
    style = None
    props_seen = False
    for node in p:
        tag = node.tag
        if tag == _R:
            rpr = None
            shown = False
            for part in node:
                kind = part.tag
                if kind == _T:
                    text = part.text or ""
                    texts.append(text)
                    shown = shown or bool(text.strip())
                elif kind == _RPR:
                    if rpr is None:
                        rpr = part
                elif kind in _SIGNS:
                    texts.append(_SIGNS[kind])
                elif kind == _BR:
                    wraps = part.get(_TYPE, "textWrapping") == "textWrapping"
                    texts.append("\n" if wraps else "")
                elif kind not in _PLAIN_IN_R:
                    return _read_generally(p)
            if shown:
                runs.append((node, rpr))
        elif tag == _PPR:
            if not props_seen:
                props_seen = True
                ref = ooxml.first(node, _PSTYLE)
                style = None if ref is None else ref.get(_VAL)
        elif tag not in _PLAIN_IN_P:
            return _read_generally(p)
    return Reading("".join(texts), style, runs)


def _read_generally(p: Any) -> Reading:
    return Reading(ooxml.paragraph_text(p), ooxml.style_ref(p, _PPR, _PSTYLE),
                   ooxml.shown_runs(p))


def is_paragraph(element: Any) -> bool:
    """Whether a block of `body_blocks` or `cell_blocks` is a w:p (else it is a w:tbl)."""
    return bool(element.tag == _P)


def body_blocks(document: Document) -> list[Any]:
    """The w:p and w:tbl elements of the document body, in order: the elements of
    python-docx's `Document.iter_inner_content`."""
    return [e for e in document.element.body if e.tag in _BLOCKS]


_W_URI = nsmap["w"].encode()
# Searched apart: a pattern that starts with a whole literal ("<w:tbl") is found by a fast
# string search, one that starts with "<" is tried at every tag of the part.
_TABLE_START, _TABLE_END = re.compile(rb"<w:tbl\b([^>]*)>"), re.compile(rb"</w:tbl\b([^>]*)>")


def body_table_sources(xml: bytes, document: Document) -> list[bytes] | None:
    """The XML source of each table of the body (`body_blocks`), in order, cut out of `xml`,
    the bytes of the document part as its package stores them; None when they cannot be
    cut out surely.

    Two tables cut out as the same bytes are the same XML (all namespaces are declared on
    the root: see below), so `structure.read_paragraphs` can key repeated tables by these,
    without serializing each one. They are cut surely when the part declares the
    WordprocessingML namespace once, as the prefix w of the root; holds no comment, CDATA
    section or processing instruction (where "<w:tbl>" could be written as text); writes
    every table tag plainly (<w:tbl>, </w:tbl>); and the tables outside any table (found
    by counting nesting) are as many as the body's: a table anywhere else (in a text box,
    a content control) makes them more.
    """
    root = document.element
    if (root.nsmap.get("w") != nsmap["w"] or xml.count(_W_URI) != 1 or b"<!--" in xml
            or b"<![CDATA[" in xml or xml.count(b"<?") > (1 if xml.startswith(b"<?") else 0)):
        return None
    tags = sorted([(tag.start(), tag.end(), 1, tag[1]) for tag in _TABLE_START.finditer(xml)]
                  + [(tag.start(), tag.end(), -1, tag[1]) for tag in _TABLE_END.finditer(xml)])
    sources: list[bytes] = []
    depth = opened = 0
    for start, end, step, rest in tags:
        if rest:  # attributes, spaces or a self-closing tag: not written plainly
            return None
        if depth == 0:
            opened = start
        depth += step
        if depth == 0:
            sources.append(xml[opened:end])
        elif depth < 0:
            return None
    tables = sum(1 for e in root.body if e.tag == _TBL)
    return sources if depth == 0 and len(sources) == tables else None


def cell_blocks(tc: Any) -> list[Any]:
    """The w:p and w:tbl elements of a w:tc, in order (as `_Cell.iter_inner_content`)."""
    return [e for e in tc if e.tag in _BLOCKS]


def table_rows(tbl: Any, story: Any) -> list[list[Any]]:
    """For each w:tr of a w:tbl (as `Table.rows`), its w:tc elements as `row_tcs` gives
    them; `story` is the table's document. A table with no span or merge anywhere (the
    common case, found by one search in C) is read without looking into each cell."""
    rows = list(tbl.iterchildren(_TR))
    if next(tbl.iter(_VMERGE, _GRIDSPAN), None) is None:
        return [list(tr.iterchildren(_TC)) for tr in rows]
    return [row_tcs(tr, tbl, story) for tr in rows]


def row_tcs(tr: Any, tbl: Any, story: Any) -> list[Any]:
    """The w:tc elements of `ooxml.row_cells` for the row `tr` of table `tbl`, a cell
    spanning columns repeated per column; a row holding a vertically merged cell is read
    through python-docx (`story` is the table's document, for its proxies)."""
    tcs = list(tr.iterchildren(_TC))
    found: list[Any] = []
    try:
        for tc in tcs:
            props = ooxml.first(tc, _TCPR)
            span = None
            for node in () if props is None else props:
                if node.tag == _VMERGE:
                    row = _Row(tr, Table(tbl, story))
                    return [ooxml.cell_element(cell) for cell in ooxml.row_cells(row)]
                if node.tag == _GRIDSPAN:
                    span = node
            found += [tc] if span is None else [tc] * props.grid_span
    except (IndexError, ValueError):  # as ooxml.row_cells: python-docx gave up on a span
        return tcs
    return found
