"""The bar chart of total scores: its data, its SVG, and its chart part in a Word document
(docgen.documents.shared.chart, chartpart, and the chart parts' rendering in docgen.render)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import SAMPLE, needs_libreoffice
from lxml import etree
from other_clusters import departments

from docgen import pdf
from docgen.build import check
from docgen.documents.shared import chart, page
from docgen.documents.shared.chartpart import CHART_TYPE, add_bar_chart
from docgen.errors import RenderError
from docgen.render import Template

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
SVG = "{http://www.w3.org/2000/svg}"
PART = "word/charts/chart1.xml"
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
NAMES = ["Sóc Trăng", "Kiên Giang", "Bạc Liêu", "Cà Mau", "An Giang", "Cần Thơ", "Hậu Giang"]
LABELS = ["98,5", "97", "95,5", "95", "95", "94", "92,5"]


@cache
def sample_chart() -> chart.BarChart:
    checked = check(SAMPLE)
    return chart.score_chart(checked.book, checked.outcome)


def template_bytes(*, guarded: bool = True, edit: Callable[[str], str] | None = None) -> bytes:
    """A test-only template: a line, the chart (inside `{%p if chart %}` when `guarded`),
    a closing line; `edit` changes the chart part's XML."""
    document = page.new_document("Phụ lục thử")
    document.add_paragraph("Phụ lục: {{ heading }}")
    if guarded:
        document.add_paragraph("{%p if chart %}")
    add_bar_chart(document, document.add_paragraph())
    if guarded:
        document.add_paragraph("{%p endif %}")
    document.add_paragraph("Hết phụ lục.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue() if edit is None else _edit_part(out.getvalue(), PART, edit)


def _edit_part(data: bytes, name: str, edit: Callable[[str], str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == name:
                content = edit(content.decode("utf-8")).encode("utf-8")
            target.writestr(entry, content)
    return out.getvalue()


def render(context: dict[str, Any], **options: Any) -> bytes:
    return Template("phu-luc-thu.docx", template_bytes(**options), trusted=True).render(context)


def sample_context() -> dict[str, Any]:
    return {"heading": "Tổng hợp điểm", "chart": chart.context(sample_chart())}


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def chart_root(data: bytes) -> Any:
    return etree.fromstring(part(data, PART))


def texts(root: Any, path: str) -> list[str]:
    return [element.text or "" for element in root.iter() if _matches(element, path)]


def _matches(element: Any, path: str) -> bool:
    """Whether `element` ends the chain of tags in `path` ('cat/v': a c:v inside c:cat)."""
    tags = path.split("/")
    node = element
    if not isinstance(node.tag, str) or not node.tag.endswith("}" + tags[-1]):
        return False
    for tag in reversed(tags[:-1]):
        node = node.getparent()
        while node is not None and not node.tag.endswith("}" + tag):
            node = node.getparent()
        if node is None:
            return False
    return True


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


KH_NAMES = ["Tư pháp", "Tài chính", "Xây dựng", "Công Thương", "Khoa học và Công nghệ", "Nội vụ",
            "Y tế", "Giáo dục và Đào tạo", "Nông nghiệp và Môi trường",
            "Văn hóa, Thể thao và Du lịch", "Dân tộc và Tôn giáo", "Văn phòng UBND tỉnh"]


def test_a_khoi_of_twelve_departments_gets_slanted_whole_names(tmp_path: Path) -> None:
    checked = check(departments(tmp_path / "kh.xlsx"))
    bars = chart.score_chart(checked.book, checked.outcome)
    assert bars.title == "Tổng điểm thi đua năm 2025"
    assert list(bars.categories) == KH_NAMES
    assert bars.maximum == sum(c.max_points for c in checked.book.criteria)
    root = ET.fromstring(chart.svg(bars))
    labels = root.findall(f".//{SVG}text[@class='category']")
    assert [t.text for t in labels] == KH_NAMES  # one piece each, not broken into lines
    assert all(t.get("transform", "").startswith("rotate(-45 ") for t in labels)
    assert int(root.get("height")) > 360  # room below the plot for the slanted names
    values = [t.text for t in root.findall(f".//{SVG}text[@class='value']")]
    assert values == [p["label"] for p in chart.context(bars)["points"]]
    assert values[0] == "112,5"


# --------------------------------------------------------------------------- the chart part


def test_template_holds_a_chart_part_the_document_draws_inline() -> None:
    data = template_bytes()
    types = part(data, "[Content_Types].xml").decode()
    assert f'PartName="/{PART}" ContentType="{CHART_TYPE}"' in types
    rels = etree.fromstring(part(data, "word/_rels/document.xml.rels"))
    chart_rels = [r for r in rels if r.get("Type") == CHART_REL]
    assert [r.get("Target") for r in chart_rels] == ["charts/chart1.xml"]
    body = etree.fromstring(part(data, "word/document.xml"))
    ids = [c.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
           for c in body.iter(f"{C}chart")]
    assert ids == [chart_rels[0].get("Id")]
    extent = next(body.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                            "wordprocessingDrawing}extent"))
    assert (int(extent.get("cx")), int(extent.get("cy"))) == (5760000, 3060000)  # 160 x 85 mm
    etree.fromstring(part(data, PART))  # the template's chart XML is well-formed


def test_rendered_chart_has_the_members_and_totals_in_order() -> None:
    root = chart_root(render(sample_context()))
    assert texts(root, "cat/v") == NAMES
    assert texts(root, "val/v") == ["98.5", "97", "95.5", "95", "95", "94", "92.5"]
    assert texts(root, "dLbl/t") == LABELS
    assert [p.get("val") for p in root.iter(f"{C}ptCount")] == ["1", "7", "7"]
    assert texts(root, "ser/tx/v") == ["Tổng điểm"]
    assert texts(root.find(f"{C}chart/{C}title"), "t") == ["Tổng điểm thi đua năm 2021"]
    assert texts(root, "valAx/title/t") == ["Điểm"]
    scaling = root.find(f".//{C}valAx/{C}scaling")
    assert (scaling.find(f"{C}min").get("val"), scaling.find(f"{C}max").get("val")) == ("0",
                                                                                       "100")
    assert root.find(f".//{C}barChart/{C}grouping").get("val") == "clustered"
    fonts = {f.get("typeface") for f in root.iter(f"{A}latin", f"{A}cs", f"{A}ea")}
    assert fonts == {"Times New Roman"}


def test_the_tighter_version_keeps_the_chart() -> None:
    tight = page.tighten(render(sample_context()))
    assert texts(chart_root(tight), "cat/v") == NAMES
    assert CHART_REL in part(tight, "word/_rels/document.xml.rels").decode()


def test_rendering_is_byte_reproducible() -> None:
    assert render(sample_context()) == render(sample_context())


def test_no_chart_leaves_no_trace() -> None:
    data = render({"heading": "Tổng hợp điểm", "chart": None})
    document = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs] == ["Phụ lục: Tổng hợp điểm", "Hết phụ lục."]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not [n for n in package.namelist() if "chart" in n]
    assert CHART_REL not in part(data, "word/_rels/document.xml.rels").decode()
    assert "chart" not in part(data, "[Content_Types].xml").decode()


@pytest.mark.parametrize("empty", [None, False, {}])
def test_an_unguarded_chart_without_data_is_an_empty_chart(empty: object) -> None:
    root = chart_root(render({"heading": "x", "chart": empty}, guarded=False))
    assert texts(root, "v") == [""]
    assert [p.get("val") for p in root.iter(f"{C}ptCount")] == ["1", "0", "0"]
    assert root.find(f".//{C}autoTitleDeleted").get("val") == "1"


def test_chart_data_are_escaped_not_markup() -> None:
    bars = chart.BarChart("A & B <c:v>", ("{{ 7*7 }}", "</c:v>&amp;"), (1.5, 2), "Đ & Đ", 10)
    root = chart_root(render({"heading": "x", "chart": chart.context(bars)}))
    assert texts(root, "cat/v") == ["{{ 7*7 }}", "</c:v>&amp;"]
    assert texts(root.find(f"{C}chart/{C}title"), "t") == ["A & B <c:v>"]


def test_a_missing_chart_variable_names_the_template_and_the_chart() -> None:
    with pytest.raises(RenderError) as caught:
        render({"heading": "x"}, guarded=False)
    assert str(caught.value) == ("Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': "
                                 "thiếu giá trị cho biến 'chart'.")


def test_a_missing_point_field_is_named_by_its_path() -> None:
    values = chart.context(sample_chart())
    del values["points"][2]["label"]
    with pytest.raises(RenderError, match=re.escape(
            "biểu đồ 'word/charts/chart1.xml': thiếu giá trị cho biến 'chart.points[2].label'.")):
        render({"heading": "x", "chart": values})


def test_the_chart_part_runs_in_the_sandbox() -> None:
    def hostile(xml: str) -> str:
        return xml.replace("{{ chart.title }}", "{{ 'x' * 10 ** 7 }}")

    with pytest.raises(RenderError) as caught:
        render(sample_context(), edit=hostile)
    message = str(caught.value)
    assert message.startswith("Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': ")
    assert "vượt giới hạn" in message


def test_the_chart_part_cannot_reach_python_internals() -> None:
    def hostile(xml: str) -> str:
        return xml.replace("{{ chart.title }}", "{{ chart.title.__class__.__mro__ }}")

    with pytest.raises(RenderError, match=r"^Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/"
                       r"chart1.xml': .*__class__"):
        render(sample_context(), edit=hostile)


def test_a_syntax_error_in_the_chart_is_found_before_and_during_rendering() -> None:
    data = template_bytes(edit=lambda xml: xml.replace("{% endfor %}", "{% endfro %}", 1))
    template = Template("phu-luc-thu.docx", data, trusted=True)
    problems = template.problems({"heading", "chart"})
    assert len(problems) == 1
    assert problems[0].startswith("Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': "
                                  "lỗi cú pháp Jinja: ")
    with pytest.raises(RenderError, match=r"^Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/"
                       r"chart1.xml': lỗi cú pháp Jinja: .*endfro"):
        template.render(sample_context())
    with pytest.raises(RenderError, match=r"^Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/"
                       r"chart1.xml': lỗi cú pháp Jinja: .*endfro"):
        template.undeclared_variables()


def test_the_chart_reads_its_variable_from_the_context() -> None:
    template = Template("phu-luc-thu.docx", template_bytes(guarded=False), trusted=True)
    assert template.undeclared_variables() == {"heading", "chart"}
    assert template.problems({"heading"}) == [
        "Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': biến «chart» không có "
        "trong dữ liệu của văn bản này."]


def test_markup_injected_into_the_chart_is_refused() -> None:
    def unsafe(xml: str) -> str:
        return xml.replace("{{ point.category }}", "{{ point.category|safe }}")

    bars = chart.BarChart("T", ("<broken",), (1.0,), "Điểm", 10)
    with pytest.raises(RenderError, match=re.escape(
            "biểu đồ 'word/charts/chart1.xml': văn bản sinh ra không phải XML hợp lệ")):
        render({"heading": "x", "chart": chart.context(bars)}, edit=unsafe)


def test_a_user_template_with_a_chart_renders_in_the_bounded_process(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc-rieng.docx"
    path.write_bytes(template_bytes())
    template = Template.load(path)
    assert template.problems({"heading", "chart"}) == []
    assert texts(chart_root(template.render(sample_context())), "cat/v") == NAMES


# --------------------------------------------------------------------------- on paper


@needs_libreoffice
def test_libreoffice_prints_the_chart(tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    source = tmp_path / "phu-luc.docx"
    source.write_bytes(render(sample_context()))
    [(printed, pages)] = pdf.convert([source], fit=False)
    assert pages == 1
    text = subprocess.run([pdftotext, "-layout", str(printed), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "Tổng điểm thi đua năm 2021" in text
    words = text.split()
    for name in NAMES:
        first, *rest = name.split()
        assert first in words and all(word in words for word in rest), name
    assert [w for w in words if re.fullmatch(r"\d+(,\d)?", w) and w in LABELS] == LABELS
    for tick in ("0", "50", "100"):
        assert tick in words
