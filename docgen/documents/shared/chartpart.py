"""Turn a bar chart's place in a template into a native Word chart: a DrawingML chart part.

Why a chart part and not a picture: Word and LibreOffice both draw and print a
word/charts/chartN.xml (c:chartSpace) from the values cached in it, with no embedded
workbook, and the template stays an ordinary .docx.

The template's chart is a valid, static chart (docgen.documents.shared.chart.PLACEHOLDER:
three columns "Đơn vị A/B/C" in the real chart's look), so a clerk can open the template in
Word or LibreOffice, move or resize the chart and save. Which context variable the chart
draws is written as "docgen:chart=<name>" in its inline drawing's description (wp:docPr
`descr`, the "Alt Text" Word keeps when it saves; no `title` attribute, which Word 2007
does not know, though docgen reads a marker there too) and as the name of the chart's one
series (not shown: no legend; LibreOffice 7 keeps it when it saves, though it drops the
description). At render time docgen.render replaces the part's XML by
`chart.chart_xml(context[name])` (the chart's look is docgen's; what a clerk changes in the
chart itself is not kept). When that variable is None or false the chart is empty; the
paragraph holding it is then meant to sit inside `{%p if … %}`, and a chart whose paragraph
is dropped is dropped with its part.

Why raw XML here: python-docx has no chart API; this module adds the part and its inline
drawing through docx.opc and docx.oxml, and is the only layout module that does so.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from docgen.documents.shared import chart

__all__ = ["CHART_TYPE", "add_bar_chart"]

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
# The Alt Text a clerk reads in Word: the marker first, then why it must stay.
_KEEP = "giữ nguyên dòng này: docgen vẽ biểu đồ từ số liệu khi lập văn bản"


def _inline(rid: str, shape_id: int, name: str, width_mm: float, height_mm: float) -> Any:
    """The w:drawing of an inline chart (wp:inline > a:graphic > c:chart r:id), its
    description naming the context variable it draws."""
    cx, cy = int(Mm(width_mm)), int(Mm(height_mm))
    mark = chart.marker(name)
    return parse_xml(
        f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:wp="{_WP}" xmlns:a="{_A}" xmlns:c="{_C}" xmlns:r="{_R}">'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Biểu đồ {shape_id}" '
        f'descr={quoteattr(f"{mark} ({_KEEP})")}/>'
        f'<wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_C}"><c:chart r:id="{rid}"/></a:graphicData>'
        f"</a:graphic></wp:inline></w:drawing>"
    )


def add_bar_chart(document: DocxDocument, paragraph: Paragraph, *, name: str = "chart",
                  width_mm: float = 160, height_mm: float = 85) -> None:
    """Add a chart part drawing the placeholder chart, and an inline drawing of it,
    `width_mm` by `height_mm`, in a new run of `paragraph`; rendering draws the bar chart
    held in the context variable `name` (a `chart.context` dict, or None/false for an empty
    chart) in its place.

    In a layout, with the context giving ``chart.context(chart.score_chart(book, outcome))``
    or None::

        doc.add_paragraph("{%p if chart %}")
        add_bar_chart(doc, doc.add_paragraph())
        doc.add_paragraph("{%p endif %}")
    """
    chart.marker(name)  # a valid variable name, checked before anything is added
    part_of_document = document.part
    package = part_of_document.package
    partname = package.next_partname("/word/charts/chart%d.xml")
    placeholder = chart.context(chart.PLACEHOLDER)
    placeholder["series"] = chart.marker(name)  # the marker's second copy (see above)
    xml = chart.chart_xml(placeholder)
    part = Part(PackURI(partname), CHART_TYPE, xml.encode("utf-8"), package)
    rid = part_of_document.relate_to(part, RT.CHART)
    run = paragraph.add_run()
    run._r.append(_inline(rid, part_of_document.next_id, name, width_mm, height_mm))
