"""Turn the year's ranking into a bar chart of total scores: its data, and its SVG drawing.

One `BarChart` feeds both pictures of the same chart: the DrawingML chart part of a Word
document (`context` gives what its Jinja template reads, see chartpart.py) and the SVG the
web page shows (`svg`). Both draw the members in ranking order, one grey bar each, the value
axis from 0 to the criteria's maximum, and the totals printed the Vietnamese way ("98,5").
Pure: no document library is imported here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docgen.model import Workbook
from docgen.rules import Outcome
from docgen.vi import format_number

__all__ = ["SERIES", "BarChart", "context", "score_chart", "svg"]

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
    """What the chart part's template reads: the title, the series and axis titles, the
    points (category, XML number 'value' like '98.5', shown 'label' like '98,5') in order,
    the axis 'maximum' and 'major' unit as XML numbers, and 'last_row' (the row of the last
    point in the chart's nominal data sheet, its header being row 1)."""
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
        "last_row": len(chart.values) + 1,
    }


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
