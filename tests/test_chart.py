"""The bar chart of total scores: its data and its SVG (docgen.documents.shared.chart)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache

import pytest
from conftest import SAMPLE

from docgen.build import check
from docgen.documents.shared import chart

SVG = "{http://www.w3.org/2000/svg}"
NAMES = ["Sóc Trăng", "Kiên Giang", "Bạc Liêu", "Cà Mau", "An Giang", "Cần Thơ", "Hậu Giang"]
LABELS = ["98,5", "97", "95,5", "95", "95", "94", "92,5"]


@cache
def sample_chart() -> chart.BarChart:
    checked = check(SAMPLE)
    return chart.score_chart(checked.book, checked.outcome)


# --------------------------------------------------------------------------- the data



def test_score_chart_is_the_ranking_by_short_name() -> None:
    bars = sample_chart()
    assert bars.title == "Tổng điểm thi đua năm 2021"
    assert list(bars.categories) == NAMES
    assert bars.values == (98.5, 97.0, 95.5, 95.0, 95.0, 94.0, 92.5)
    assert bars.maximum == 100
    assert bars.axis_title == "Điểm"


def test_context_gives_xml_numbers_and_shown_labels() -> None:
    values = chart.context(sample_chart())
    assert [p["category"] for p in values["points"]] == NAMES
    assert [p["value"] for p in values["points"]] == ["98.5", "97", "95.5", "95", "95", "94",
                                                      "92.5"]
    assert [p["label"] for p in values["points"]] == LABELS
    assert (values["title"], values["series"], values["axis_title"]) == (
        "Tổng điểm thi đua năm 2021", "Tổng điểm", "Điểm")
    assert (values["maximum"], values["major"], values["last_row"]) == ("100", "10", 8)


@pytest.mark.parametrize(("maximum", "values", "top", "major"), [
    (100, (98.5,), "100", "10"),
    (40, (12.25, 3), "40", "5"),
    (10, (12.25,), "12.25", "2"),  # a total above the maximum is not cut off
    (0, (), "1", "0.1"),
])
def test_value_axis_runs_from_zero_to_the_maximum(maximum: float, values: tuple[float, ...],
                                                  top: str, major: str) -> None:
    bars = chart.BarChart("T", tuple("ABCDEFG"[:len(values)]), values, "Điểm", maximum)
    assert (chart.context(bars)["maximum"], chart.context(bars)["major"]) == (top, major)


# --------------------------------------------------------------------------- the SVG


def test_svg_has_one_bar_per_member_with_its_label_in_order() -> None:
    text = chart.svg(sample_chart())
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == "Tổng điểm thi đua năm 2021"
    bars = root.findall(f"{SVG}g[@class='bar']")
    assert len(bars) == 7
    shown = [(("".join(b.find(f"{SVG}text[@class='category']").itertext())),
              b.findtext(f"{SVG}text[@class='value']")) for b in bars]
    assert shown == list(zip(NAMES, LABELS, strict=True))
    heights = [float(b.find(f"{SVG}rect").get("height")) for b in bars]
    assert heights == sorted(heights, reverse=True) and heights[0] > heights[-1]


def test_svg_is_self_contained() -> None:
    text = chart.svg(sample_chart())
    for outside in ("href", "<script", "@import", "url(", "<style", "<image", "<foreignObject"):
        assert outside not in text
    assert "Times New Roman" in text


def test_svg_escapes_names_and_wraps_long_ones() -> None:
    bars = chart.BarChart("A & <b>", ("Thanh tra tỉnh Bà Rịa - Vũng Tàu", "<B> & C", "D", "E"),
                          (12.25, 3.0, 2, 1), "Điểm", 10)
    root = ET.fromstring(chart.svg(bars))
    assert root.findtext(f"{SVG}title") == "A & <b>"
    labels = root.findall(f".//{SVG}text[@class='category']")
    assert ["".join(t.itertext()) for t in labels] == ["Thanh tra tỉnhBà Rịa - Vũng Tàu",
                                                       "<B> & C", "D", "E"]
    assert [s.text for s in labels[0]] == ["Thanh tra tỉnh", "Bà Rịa - Vũng Tàu"]
