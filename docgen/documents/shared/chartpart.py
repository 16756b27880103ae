"""Turn a bar chart's place in a template into a native Word chart: a DrawingML chart part.

Why a chart part and not a picture: Word and LibreOffice both draw and print a
word/charts/chartN.xml (c:chartSpace) from the values cached in it, with no embedded
workbook, and the template stays an ordinary .docx. The part's XML is a Jinja template like
the body: docgen.render fills it with the document's context after the body, from the
variable named by `add_bar_chart` (see docgen.documents.shared.chart.context for what it
holds). When that variable is None or false the part renders as an empty chart, harmlessly;
the paragraph holding the chart is then meant to sit inside `{%p if … %}`.

The chart: one series of grey bars outlined in black (prints well), members left to right
in ranking order, the value printed above each bar as the documents print it ("98,5", a text
label, so the decimal comma does not depend on the reader's locale), the value axis from 0
to the maximum, every text in Times New Roman.

Why raw XML here: python-docx has no chart API; this module adds the part and its inline
drawing through docx.opc and docx.oxml, and is the only layout module that does so.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Mm
from docx.text.paragraph import Paragraph

__all__ = ["CHART_TYPE", "add_bar_chart", "chart_xml"]

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_FONT = "Times New Roman"


def _run_props(size: int, *, bold: bool = False, tag: str = "a:defRPr") -> str:
    """DrawingML run properties: Times New Roman in every slot, black, `size` in 1/100 pt."""
    weight = "1" if bold else "0"
    return (f'<{tag} lang="vi-VN" sz="{size}" b="{weight}">'
            f'<a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
            f'<a:latin typeface="{_FONT}"/><a:ea typeface="{_FONT}"/>'
            f'<a:cs typeface="{_FONT}"/></{tag}>')


def _text_props(size: int, *, bold: bool = False, rotated: bool = False) -> str:
    """A c:txPr: the default text look of a chart element."""
    rotation = ' rot="-5400000" vert="horz"' if rotated else ""
    return (f"<c:txPr><a:bodyPr{rotation}/><a:lstStyle/><a:p><a:pPr>"
            f"{_run_props(size, bold=bold)}</a:pPr>"
            f'<a:endParaRPr lang="vi-VN"/></a:p></c:txPr>')


def _rich(text: str, size: int, *, bold: bool = False, rotated: bool = False) -> str:
    """A c:tx holding one run of `text` (a Jinja expression)."""
    rotation = ' rot="-5400000" vert="horz"' if rotated else ""
    return (f"<c:tx><c:rich><a:bodyPr{rotation}/><a:lstStyle/><a:p><a:pPr>"
            f"{_run_props(size, bold=bold)}</a:pPr><a:r>"
            f"{_run_props(size, bold=bold, tag='a:rPr')}<a:t>{text}</a:t></a:r></a:p>"
            f"</c:rich></c:tx>")


_NO_LINE = "<a:ln><a:noFill/></a:ln>"
_BLACK_LINE = '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
_SHOW_VALUE = ('<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
               '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
               '<c:showBubbleSize val="0"/>')


def _title() -> str:
    return ("{% if @chart@ %}<c:title>" + _rich("{{ @chart@.title }}", 1300, bold=True)
            + '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
            '{% else %}<c:autoTitleDeleted val="1"/>{% endif %}')


def _series() -> str:
    labels = ('{% for point in points %}<c:dLbl><c:idx val="{{ loop.index0 }}"/>'
              + _rich("{{ point.label }}", 1100) + _SHOW_VALUE + "</c:dLbl>{% endfor %}")
    return (
        '<c:ser><c:idx val="0"/><c:order val="0"/>'
        "<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
        '<c:pt idx="0"><c:v>{% if @chart@ %}{{ @chart@.series }}{% endif %}</c:v></c:pt>'
        "</c:strCache></c:strRef></c:tx>"
        '<c:spPr><a:solidFill><a:srgbClr val="808080"/></a:solidFill>'
        f"{_BLACK_LINE}</c:spPr>"
        '<c:invertIfNegative val="0"/>'
        f"<c:dLbls>{labels}"
        '<c:numFmt formatCode="General" sourceLinked="0"/>'
        f"<c:spPr><a:noFill/>{_NO_LINE}</c:spPr>{_text_props(1100)}{_SHOW_VALUE}</c:dLbls>"
        "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${{ last_row }}</c:f><c:strCache>"
        '<c:ptCount val="{{ points|length }}"/>{% for point in points %}'
        '<c:pt idx="{{ loop.index0 }}"><c:v>{{ point.category }}</c:v></c:pt>{% endfor %}'
        "</c:strCache></c:strRef></c:cat>"
        "<c:val><c:numRef><c:f>Sheet1!$B$2:$B${{ last_row }}</c:f><c:numCache>"
        '<c:formatCode>General</c:formatCode><c:ptCount val="{{ points|length }}"/>'
        '{% for point in points %}<c:pt idx="{{ loop.index0 }}"><c:v>{{ point.value }}</c:v>'
        "</c:pt>{% endfor %}</c:numCache></c:numRef></c:val></c:ser>"
    )


def _axes() -> str:
    axis_line = f"<c:spPr>{_BLACK_LINE}</c:spPr>"
    grid = ('<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/>'
            "</a:solidFill></a:ln></c:spPr></c:majorGridlines>")
    return (
        '<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'{axis_line}{_text_props(1000)}<c:crossAx val="5002"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/>'
        '{% if @chart@ %}<c:max val="{{ @chart@.maximum }}"/>{% endif %}<c:min val="0"/>'
        f'</c:scaling><c:delete val="0"/><c:axPos val="l"/>{grid}'
        "{% if @chart@ %}<c:title>" + _rich("{{ @chart@.axis_title }}", 1100, rotated=True)
        + '<c:overlay val="0"/></c:title>{% endif %}'
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{axis_line}'
        f'{_text_props(1000)}<c:crossAx val="5001"/><c:crosses val="autoZero"/>'
        '<c:crossBetween val="between"/>'
        '{% if @chart@ %}<c:majorUnit val="{{ @chart@.major }}"/>{% endif %}</c:valAx>'
    )


def chart_xml(name: str = "chart") -> str:
    """The chart part's XML, a Jinja template reading the context variable `name` (a
    `chart.context` dict, or None/false for an empty chart)."""
    if not name.isidentifier():
        raise ValueError(f"not a template variable name: {name!r}")
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}" xmlns:r="{_R}">'
        '<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>'
        "{% set points = @chart@.points if @chart@ else [] %}"
        "{% set last_row = @chart@.last_row if @chart@ else 1 %}"
        f"<c:chart>{_title()}"
        '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/>'
        '<c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{_series()}<c:gapWidth val="67"/><c:axId val="5001"/><c:axId val="5002"/>'
        f"</c:barChart>{_axes()}<c:spPr><a:noFill/>{_NO_LINE}</c:spPr></c:plotArea>"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>{_NO_LINE}</c:spPr>'
        f"{_text_props(1100)}</c:chartSpace>"
    )
    return xml.replace("@chart@", name)


def _inline(rid: str, shape_id: int, width_mm: float, height_mm: float) -> Any:
    """The w:drawing of an inline chart (wp:inline > a:graphic > c:chart r:id)."""
    cx, cy = int(Mm(width_mm)), int(Mm(height_mm))
    return parse_xml(
        f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:wp="{_WP}" xmlns:a="{_A}" xmlns:c="{_C}" xmlns:r="{_R}">'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Biểu đồ {shape_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_C}"><c:chart r:id="{rid}"/></a:graphicData>'
        f"</a:graphic></wp:inline></w:drawing>"
    )


def add_bar_chart(document: DocxDocument, paragraph: Paragraph, *, name: str = "chart",
                  width_mm: float = 160, height_mm: float = 85) -> None:
    """Add a chart part drawing the bar chart held in the context variable `name`, and an
    inline drawing of it, `width_mm` by `height_mm`, in a new run of `paragraph`.

    In a layout, with the context giving ``chart.context(chart.score_chart(book, outcome))``
    or None::

        doc.add_paragraph("{%p if chart %}")
        add_bar_chart(doc, doc.add_paragraph())
        doc.add_paragraph("{%p endif %}")
    """
    part_of_document = document.part
    package = part_of_document.package
    partname = package.next_partname("/word/charts/chart%d.xml")
    part = Part(PackURI(partname), CHART_TYPE, chart_xml(name).encode("utf-8"), package)
    rid = part_of_document.relate_to(part, RT.CHART)
    run = paragraph.add_run()
    run._r.append(_inline(rid, part_of_document.next_id, width_mm, height_mm))
