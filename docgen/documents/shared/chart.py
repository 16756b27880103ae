"""Turn the year's ranking into a bar chart of total scores: its data, its Word chart part
and its SVG drawing.

One `BarChart` feeds both pictures of the same chart: the DrawingML chart part of a Word
document (`context` gives the template's context value, `chart_xml` the part's XML made
from it) and the SVG the web page shows (`svg`). Both draw the members in ranking order,
one grey bar each, the value axis from 0 to the criteria's maximum, and the totals printed
the Vietnamese way ("98,5").

The chart part: one series of grey bars outlined in black (prints well), the value printed
above each bar as the documents print it ("98,5", a text label, so the decimal comma does
not depend on the reader's locale), the value axis from 0 to the maximum, every text in
Times New Roman. A template holds it drawn from `PLACEHOLDER` (a valid chart Word and
LibreOffice open and a clerk can move or resize); its inline drawing's description
(wp:docPr descr) and its series' name hold `marker(name)`,
"docgen:chart=<variable>" (see chartpart.py), and docgen.render replaces the part's XML by
`chart_xml(context[<variable>])` at render time.
Pure: no document or template library is imported here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docgen.model import Workbook
from docgen.rules import Outcome
from docgen.vi import format_number

__all__ = ["PLACEHOLDER", "SERIES", "BarChart", "ChartDataError", "chart_xml", "context",
           "description", "marked_name", "marker", "score_chart", "svg"]

SERIES = "Tổng điểm"  # the one series' name
FONT = "'Times New Roman', Times, 'Liberation Serif', serif"
BAR_FILL, BAR_LINE, GRID = "#808080", "#000000", "#D9D9D9"


@dataclass(frozen=True)
class BarChart:
    """A one-series column chart: a value per category, in the order drawn."""

    title: str
    categories: tuple[str, ...]
    values: tuple[float, ...]
    axis_title: str
    maximum: float  # the value axis runs from 0 to here


def score_chart(book: Workbook, outcome: Outcome) -> BarChart:
    """The members' total scores in ranking order, by short name, on a 0..maximum axis
    (the maximum being the sum of the criteria's maximum points)."""
    return BarChart(
        title=f"Tổng điểm thi đua năm {book.cluster.year}",
        categories=tuple(book.member(r.unit).short_name for r in outcome.ranking),
        values=tuple(r.total for r in outcome.ranking),
        axis_title="Điểm",
        maximum=sum(c.max_points for c in book.criteria),
    )


def _top(chart: BarChart) -> float:
    """Where the value axis ends: the maximum, or a higher value so that no bar is cut."""
    top = max((chart.maximum, *chart.values))
    return top if top > 0 else 1.0


def _step(top: float) -> float:
    """A round major unit (1, 2 or 5 times a power of ten) giving 5 to 10 intervals."""
    power = 10.0 ** math.floor(math.log10(top / 10))
    for factor in (1, 2, 5, 10):
        if top / (factor * power) <= 10:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def _xml_number(value: float) -> str:
    """A number as XML and DrawingML write it: '98.5', '97', '0.25'."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def context(chart: BarChart) -> dict[str, Any]:
    """The template's context value for a chart (what `chart_xml` draws): the title, the
    series and axis titles, the points (category, XML number 'value' like '98.5', shown
    'label' like '98,5') in order, and the axis 'maximum' and 'major' unit as XML numbers."""
    top = _top(chart)
    return {
        "title": chart.title,
        "series": SERIES,
        "axis_title": chart.axis_title,
        "points": [{"category": category, "value": _xml_number(value),
                    "label": format_number(value)}
                   for category, value in zip(chart.categories, chart.values, strict=True)],
        "maximum": _xml_number(top),
        "major": _xml_number(_step(top)),
    }


# --------------------------------------------------------------------------- the chart part

# What a template's chart part shows until docgen fills it: a few bars in the real chart's
# look, so that the template opens as an ordinary chart in Word and LibreOffice.
PLACEHOLDER = BarChart(
    title="Biểu đồ mẫu (số liệu được điền khi lập văn bản)",
    categories=("Đơn vị A", "Đơn vị B", "Đơn vị C"),
    values=(95.0, 90.5, 86.0),
    axis_title="Điểm",
    maximum=100,
)

_MARKER = "docgen:chart"
_MARKED = re.compile(re.escape(_MARKER) + r"\s*=\s*(\S*)")


def marker(name: str) -> str:
    """What a chart's drawing description holds to have docgen draw it from the context
    variable `name`: 'docgen:chart=chart'."""
    if not (name.isascii() and name.isidentifier()):
        raise ValueError(f"not a template variable name: {name!r}")
    return f"{_MARKER}={name}"


def marked_name(text: str | None) -> str | None:
    """The variable a drawing's description (alt text) names by its marker, e.g. 'chart'
    for 'docgen:chart=chart' (other words around it are allowed), or None when it holds no
    marker. Raises ValueError, in Vietnamese, when the marker names no valid variable."""
    if not text or _MARKER not in text:
        return None
    found = _MARKED.search(text)
    name = found.group(1).rstrip(".,;:)]}") if found else ""
    if not (name.isascii() and name.isidentifier()):
        raise ValueError(f"dấu «{_MARKER}=…» trong mô tả của biểu đồ («{text.strip()}») "
                         "không ghi một tên biến hợp lệ")
    return name


class ChartDataError(ValueError):
    """A chart's context value is missing a field or holds one of the wrong kind.

    `path` names the field under the variable ('points[2].label', '' for the value itself);
    `missing` tells a missing field from a wrong one (the message says what was expected).
    """

    def __init__(self, path: str, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.path = path
        self.missing = missing


@dataclass(frozen=True)
class _Point:
    category: str
    value: str
    label: str


@dataclass(frozen=True)
class _Data:
    title: str
    series: str
    axis_title: str
    points: tuple[_Point, ...]
    maximum: str
    major: str


def _field(values: Mapping[str, Any], key: str, path: str) -> Any:
    where = f"{path}.{key}" if path else key
    if key not in values:
        raise ChartDataError(where, "thiếu giá trị", missing=True)
    return values[key]


def _string(values: Mapping[str, Any], key: str, path: str = "") -> str:
    value = _field(values, key, path)
    if not isinstance(value, str):
        raise ChartDataError(f"{path}.{key}" if path else key, "cần một chuỗi chữ")
    return value


def _number(values: Mapping[str, Any], key: str, path: str = "") -> str:
    value = _field(values, key, path)
    try:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(value)
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(value)
    except ValueError:
        raise ChartDataError(f"{path}.{key}" if path else key,
                             "cần một số (như 98.5)") from None
    return _xml_number(number)


def _read(values: object) -> _Data:
    """The chart's data from a `context` value, checked (see ChartDataError)."""
    if not isinstance(values, Mapping):
        raise ChartDataError("", "cần dữ liệu biểu đồ (tiêu đề, các cột, trục)")
    points = _field(values, "points", "")
    if not isinstance(points, list | tuple):
        raise ChartDataError("points", "cần một danh sách các cột")
    read = []
    for index, point in enumerate(points):
        path = f"points[{index}]"
        if not isinstance(point, Mapping):
            raise ChartDataError(path, "cần một cột (tên, giá trị, nhãn)")
        read.append(_Point(_string(point, "category", path), _number(point, "value", path),
                           _string(point, "label", path)))
    return _Data(_string(values, "title"), _string(values, "series"),
                 _string(values, "axis_title"), tuple(read), _number(values, "maximum"),
                 _number(values, "major"))


def description(values: object) -> str:
    """The chart's alternative text in a rendered document: its title and each column's
    name and shown value; empty for an empty chart. `values` as for `chart_xml`."""
    if not values:
        return ""
    data = _read(values)
    columns = "; ".join(f"{p.category}: {p.label}" for p in data.points)
    titled = f" «{data.title}»" if data.title.strip() else ""
    return f"Biểu đồ cột{titled} ({data.axis_title}): {columns}."


def chart_xml(values: object) -> str:
    """The chart part's XML (c:chartSpace, UTF-8) drawing a `context` value; an empty chart
    (no title, no columns) when `values` is None or false. Every text is escaped. Raises
    ChartDataError when a field is missing or of the wrong kind."""
    data = _read(values) if values else None
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}" xmlns:r="{_R}">'
        '<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>'
        f"<c:chart>{_chart_title(data)}"
        '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/>'
        '<c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{_series(data)}<c:gapWidth val="67"/><c:axId val="5001"/><c:axId val="5002"/>'
        f"</c:barChart>{_axes(data)}<c:spPr><a:noFill/>{_NO_LINE}</c:spPr></c:plotArea>"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>{_NO_LINE}</c:spPr>'
        f"{_text_props(1100)}</c:chartSpace>"
    )


_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FONT = "Times New Roman"
_NO_LINE = "<a:ln><a:noFill/></a:ln>"
_BLACK_LINE = '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
_SHOW_VALUE = ('<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
               '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
               '<c:showBubbleSize val="0"/>')


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
    """A c:tx holding one run of `text` (escaped here)."""
    rotation = ' rot="-5400000" vert="horz"' if rotated else ""
    return (f"<c:tx><c:rich><a:bodyPr{rotation}/><a:lstStyle/><a:p><a:pPr>"
            f"{_run_props(size, bold=bold)}</a:pPr><a:r>"
            f"{_run_props(size, bold=bold, tag='a:rPr')}<a:t>{escape(text)}</a:t></a:r></a:p>"
            f"</c:rich></c:tx>")


def _chart_title(data: _Data | None) -> str:
    """The chart's own title; none for an empty chart or an empty title (a document that
    titles the chart in a paragraph above it)."""
    if data is None or not data.title.strip():
        return '<c:autoTitleDeleted val="1"/>'
    return (f"<c:title>{_rich(data.title, 1300, bold=True)}"
            '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>')


def _series(data: _Data | None) -> str:
    points = data.points if data else ()
    last_row = len(points) + 1  # in the chart's nominal data sheet, its header being row 1
    labels = "".join(f'<c:dLbl><c:idx val="{i}"/>{_rich(p.label, 1100)}{_SHOW_VALUE}</c:dLbl>'
                     for i, p in enumerate(points))
    categories = "".join(f'<c:pt idx="{i}"><c:v>{escape(p.category)}</c:v></c:pt>'
                         for i, p in enumerate(points))
    values = "".join(f'<c:pt idx="{i}"><c:v>{p.value}</c:v></c:pt>'
                     for i, p in enumerate(points))
    return (
        '<c:ser><c:idx val="0"/><c:order val="0"/>'
        '<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/>'
        f'<c:pt idx="0"><c:v>{escape(data.series) if data else ""}</c:v></c:pt>'
        "</c:strCache></c:strRef></c:tx>"
        '<c:spPr><a:solidFill><a:srgbClr val="808080"/></a:solidFill>'
        f"{_BLACK_LINE}</c:spPr>"
        '<c:invertIfNegative val="0"/>'
        f"<c:dLbls>{labels}"
        '<c:numFmt formatCode="General" sourceLinked="0"/>'
        f"<c:spPr><a:noFill/>{_NO_LINE}</c:spPr>{_text_props(1100)}{_SHOW_VALUE}</c:dLbls>"
        f"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last_row}</c:f><c:strCache>"
        f'<c:ptCount val="{len(points)}"/>{categories}'
        "</c:strCache></c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>Sheet1!$B$2:$B${last_row}</c:f><c:numCache>"
        f'<c:formatCode>General</c:formatCode><c:ptCount val="{len(points)}"/>{values}'
        "</c:numCache></c:numRef></c:val></c:ser>"
    )


def _axes(data: _Data | None) -> str:
    axis_line = f"<c:spPr>{_BLACK_LINE}</c:spPr>"
    grid = ('<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/>'
            "</a:solidFill></a:ln></c:spPr></c:majorGridlines>")
    maximum = f'<c:max val="{data.maximum}"/>' if data else ""
    title = (f'<c:title>{_rich(data.axis_title, 1100, rotated=True)}<c:overlay val="0"/>'
             "</c:title>") if data else ""
    major = f'<c:majorUnit val="{data.major}"/>' if data else ""
    return (
        '<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'{axis_line}{_text_props(1000)}<c:crossAx val="5002"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/>'
        f'{maximum}<c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>{grid}'
        f'{title}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{axis_line}'
        f'{_text_props(1000)}<c:crossAx val="5001"/><c:crosses val="autoZero"/>'
        f'<c:crossBetween val="between"/>{major}</c:valAx>'
    )


# --------------------------------------------------------------------------- SVG

_WIDTH = 640
_LEFT, _RIGHT, _TOP, _BOTTOM = 72, 624, 52, 300  # the plot area
_BAR_SHARE = 0.6  # of each category's band (DrawingML gap width 67%)
_CHAR_WIDTH = 6.6  # average width of a 13 px Times New Roman character, for wrapping
_LINE = 15  # px between the lines of a category's name
_SLANT = 45  # degrees: names too long for two lines under their bar are slanted


def svg(chart: BarChart) -> str:
    """The chart as a self-contained SVG document (no external font, style or script):
    title, grid and value axis, one bar per category with its value above it and its name
    below (on up to two lines, or slanted when too long), in the chart's order."""
    top = _top(chart)
    band = (_RIGHT - _LEFT) / max(len(chart.values), 1)
    wrapped = [_wrap(category, band) for category in chart.categories]
    if all(lines is not None for lines in wrapped):
        names = [_label(_center(i, band), lines or []) for i, lines in enumerate(wrapped)]
        height = _BOTTOM + 60
    else:
        names = [_slanted(_center(i, band), category)
                 for i, category in enumerate(chart.categories)]
        longest = max(len(category) for category in chart.categories)
        height = _BOTTOM + 30 + round(longest * _CHAR_WIDTH * math.sin(math.radians(_SLANT)))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-label={quoteattr(chart.title)} '
        f'font-family="{FONT}" fill="#000000">',
        f"<title>{escape(chart.title)}</title>",
        f'<rect width="{_WIDTH}" height="{height}" fill="#FFFFFF"/>',
        _text(_WIDTH / 2, 28, chart.title, size=17, weight="bold"),
        *_value_axis(chart.axis_title, top),
        *_bars(chart, top, band, names),
        f'<line x1="{_LEFT}" y1="{_BOTTOM}" x2="{_RIGHT}" y2="{_BOTTOM}" '
        f'stroke="{BAR_LINE}" stroke-width="1"/>',
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _center(index: int, band: float) -> float:
    return _LEFT + band * (index + 0.5)


def _y(value: float, top: float) -> float:
    return _BOTTOM - (_BOTTOM - _TOP) * value / top


def _value_axis(title: str, top: float) -> list[str]:
    step = _step(top)
    lines = []
    for i in range(int(top / step + 1e-9) + 1):
        tick = i * step
        y = _y(tick, top)
        if i:
            lines.append(f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_RIGHT}" y2="{y:.1f}" '
                         f'stroke="{GRID}" stroke-width="1"/>')
        lines.append(_text(_LEFT - 6, y + 4, format_number(tick), size=12, anchor="end"))
    middle = (_TOP + _BOTTOM) / 2
    lines.append(f'<text x="18" y="{middle:.1f}" font-size="13" text-anchor="middle" '
                 f'transform="rotate(-90 18 {middle:.1f})">{escape(title)}</text>')
    lines.append(f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{_BOTTOM}" '
                 f'stroke="{BAR_LINE}" stroke-width="1"/>')
    return lines


def _bars(chart: BarChart, top: float, band: float, names: list[str]) -> list[str]:
    width = band * _BAR_SHARE
    items = []
    for i, (category, value) in enumerate(zip(chart.categories, chart.values, strict=True)):
        middle = _center(i, band)
        y = _y(max(value, 0.0), top)
        items.append(
            f'<g class="bar"><rect x="{middle - width / 2:.1f}" y="{y:.1f}" '
            f'width="{width:.1f}" height="{_BOTTOM - y:.1f}" fill="{BAR_FILL}" '
            f'stroke="{BAR_LINE}" stroke-width="0.75"><title>{escape(category)}: '
            f"{format_number(value)}</title></rect>"
            + _text(middle, y - 5, format_number(value), size=13, css="value")
            + names[i] + "</g>")
    return items


def _wrap(category: str, band: float) -> list[str] | None:
    """A category's name on one or two lines that fit its band, or None when it cannot."""
    limit = band / _CHAR_WIDTH
    if len(category) <= limit:
        return [category]
    words = category.split()
    cuts = [[" ".join(words[:k]), " ".join(words[k:])] for k in range(1, len(words))]
    fitting = [lines for lines in cuts if max(map(len, lines)) <= limit]
    return min(fitting, key=lambda lines: max(map(len, lines))) if fitting else None


def _label(x: float, lines: list[str]) -> str:
    """A category's name under its bar, on its lines."""
    spans = "".join(f'<tspan x="{x:.1f}" dy="{0 if i == 0 else _LINE}">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return (f'<text class="category" x="{x:.1f}" y="{_BOTTOM + 18}" font-size="13" '
            f'text-anchor="middle">{spans}</text>')


def _slanted(x: float, category: str) -> str:
    """A category's name slanted up to the left, ending under its bar."""
    y = _BOTTOM + 14
    return (f'<text class="category" x="{x:.1f}" y="{y}" font-size="13" text-anchor="end" '
            f'transform="rotate(-{_SLANT} {x:.1f} {y})">{escape(category)}</text>')


def _text(x: float, y: float, text: str, *, size: int, anchor: str = "middle",
          weight: str = "normal", css: str | None = None) -> str:
    klass = f' class="{css}"' if css else ""
    return (f'<text{klass} x="{x:.1f}" y="{y:.1f}" font-size="{size}" '
            f'font-weight="{weight}" text-anchor="{anchor}">{escape(text)}</text>')
