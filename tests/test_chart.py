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
from docx.opc.packuri import PackURI
from docx.opc.part import Part
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
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PART = "word/charts/chart1.xml"
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
NAMES = ["Sóc Trăng", "Kiên Giang", "Bạc Liêu", "Cà Mau", "An Giang", "Cần Thơ", "Hậu Giang"]
LABELS = ["98,5", "97", "95,5", "95", "95", "94", "92,5"]
PLACEHOLDER_NAMES = ["Đơn vị A", "Đơn vị B", "Đơn vị C"]


@cache
def sample_chart() -> chart.BarChart:
    checked = check(SAMPLE)
    return chart.score_chart(checked.book, checked.outcome)


def template_bytes(*, guarded: bool = True, edit: Callable[[str], str] | None = None,
                   edit_body: Callable[[str], str] | None = None) -> bytes:
    """A test-only template: a line, the chart (inside `{%p if chart %}` when `guarded`),
    a closing line; `edit` changes the chart part's XML, `edit_body` the body's."""
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
    data = out.getvalue()
    if edit is not None:
        data = _edit_part(data, PART, edit)
    return data if edit_body is None else _edit_part(data, "word/document.xml", edit_body)


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
    assert (values["maximum"], values["major"]) == ("100", "10")


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


# --------------------------------------------------------------------------- the template's chart


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
    extent = next(body.iter(f"{WP}extent"))
    assert (int(extent.get("cx")), int(extent.get("cy"))) == (5760000, 3060000)  # 160 x 85 mm
    # The variable it draws, in the description (Alt Text) Word keeps.
    docpr = next(body.iter(f"{WP}docPr"))
    assert docpr.get("title") is None  # not in Word 2007's schema
    assert docpr.get("descr") == ("docgen:chart=chart (giữ nguyên dòng này: docgen vẽ biểu đồ "
                                  "từ số liệu khi lập văn bản)")


def test_the_templates_chart_is_a_static_placeholder_chart() -> None:
    xml = part(template_bytes(), PART)
    assert b"{{" not in xml and b"{%" not in xml
    root = etree.fromstring(xml)
    assert root.tag == f"{C}chartSpace"
    assert texts(root.find(f"{C}chart/{C}title"), "t") == [
        "Biểu đồ mẫu (số liệu được điền khi lập văn bản)"]
    assert texts(root, "cat/v") == PLACEHOLDER_NAMES
    assert texts(root, "val/v") == ["95", "90.5", "86"]
    assert texts(root, "dLbl/t") == ["95", "90,5", "86"]
    assert [p.get("val") for p in root.iter(f"{C}ptCount")] == ["1", "3", "3"]
    assert [f.text for f in root.iter(f"{C}f")] == ["Sheet1!$B$1", "Sheet1!$A$2:$A$4",
                                                    "Sheet1!$B$2:$B$4"]
    # The marker's second copy, as the series' name (no legend shows it).
    assert texts(root, "ser/tx/v") == ["docgen:chart=chart"]


def _look(root: Any) -> bytes:
    """A chart's XML without its data: texts, points, labels, counts and axis range."""
    for element in list(root.iter(f"{C}pt", f"{C}dLbl")):
        element.getparent().remove(element)
    for element in root.iter(f"{A}t", f"{C}v", f"{C}f"):
        element.text = ""
    for element in root.iter(f"{C}ptCount", f"{C}max", f"{C}majorUnit"):
        element.set("val", "")
    return bytes(etree.tostring(root))


def test_the_templates_chart_looks_like_the_rendered_one() -> None:
    template = etree.fromstring(part(template_bytes(), PART))
    rendered = chart_root(render(sample_context()))
    assert _look(template) == _look(rendered)
    fonts = {f.get("typeface") for f in template.iter(f"{A}latin", f"{A}cs", f"{A}ea")}
    assert fonts == {"Times New Roman"}


def test_a_chart_variable_must_be_a_name() -> None:
    document = page.new_document("Phụ lục thử")
    with pytest.raises(ValueError, match="not a template variable name"):
        add_bar_chart(document, document.add_paragraph(), name="điểm số")
    assert not [p for p in document.part.package.iter_parts() if "chart" in str(p.partname)]


@pytest.mark.parametrize(("text", "name"), [
    ("docgen:chart=chart", "chart"),
    ("Biểu đồ điểm (docgen:chart = diem_2021).", "diem_2021"),
    ("Biểu đồ tổng điểm", None),
    (None, None),
])
def test_the_marker_is_read_among_other_words(text: str | None, name: str | None) -> None:
    assert chart.marked_name(text) == name


# --------------------------------------------------------------------------- rendering


def test_rendered_chart_has_the_members_and_totals_in_order() -> None:
    root = chart_root(render(sample_context()))
    assert texts(root, "cat/v") == NAMES
    assert texts(root, "val/v") == ["98.5", "97", "95.5", "95", "95", "94", "92.5"]
    assert texts(root, "dLbl/t") == LABELS
    assert [p.get("val") for p in root.iter(f"{C}ptCount")] == ["1", "7", "7"]
    assert [f.text for f in root.iter(f"{C}f")] == ["Sheet1!$B$1", "Sheet1!$A$2:$A$8",
                                                    "Sheet1!$B$2:$B$8"]
    assert texts(root, "ser/tx/v") == ["Tổng điểm"]
    assert texts(root.find(f"{C}chart/{C}title"), "t") == ["Tổng điểm thi đua năm 2021"]
    assert texts(root, "valAx/title/t") == ["Điểm"]
    scaling = root.find(f".//{C}valAx/{C}scaling")
    assert (scaling.find(f"{C}min").get("val"), scaling.find(f"{C}max").get("val")) == ("0",
                                                                                       "100")
    assert root.find(f".//{C}valAx/{C}majorUnit").get("val") == "10"
    assert root.find(f".//{C}barChart/{C}grouping").get("val") == "clustered"
    fonts = {f.get("typeface") for f in root.iter(f"{A}latin", f"{A}cs", f"{A}ea")}
    assert fonts == {"Times New Roman"}


def test_the_rendered_drawing_describes_the_chart_and_keeps_no_marker() -> None:
    data = render(sample_context())
    docpr = next(etree.fromstring(part(data, "word/document.xml")).iter(f"{WP}docPr"))
    assert docpr.get("descr") == (
        "Biểu đồ cột «Tổng điểm thi đua năm 2021» (Điểm): Sóc Trăng: 98,5; Kiên Giang: 97; "
        "Bạc Liêu: 95,5; Cà Mau: 95; An Giang: 95; Cần Thơ: 94; Hậu Giang: 92,5.")
    assert docpr.get("title") is None
    for name in ("word/document.xml", PART):
        assert "docgen:chart" not in part(data, name).decode()


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
    data = render({"heading": "x", "chart": empty}, guarded=False)
    root = chart_root(data)
    assert texts(root, "v") == [""]
    assert [p.get("val") for p in root.iter(f"{C}ptCount")] == ["1", "0", "0"]
    assert root.find(f".//{C}autoTitleDeleted").get("val") == "1"
    assert "Đơn vị A" not in part(data, PART).decode()  # not the placeholder
    docpr = next(etree.fromstring(part(data, "word/document.xml")).iter(f"{WP}docPr"))
    assert (docpr.get("descr"), docpr.get("title")) == (None, None)


def test_chart_data_are_escaped_not_markup() -> None:
    bars = chart.BarChart("A & B <c:v>", ("{{ 7*7 }}", "</c:v>&amp;"), (1.5, 2), "Đ & Đ", 10)
    data = render({"heading": "x", "chart": chart.context(bars)})
    root = chart_root(data)
    assert texts(root, "cat/v") == ["{{ 7*7 }}", "</c:v>&amp;"]
    assert texts(root.find(f"{C}chart/{C}title"), "t") == ["A & B <c:v>"]
    assert texts(root, "valAx/title/t") == ["Đ & Đ"]
    docpr = next(etree.fromstring(part(data, "word/document.xml")).iter(f"{WP}docPr"))
    assert docpr.get("descr") == ("Biểu đồ cột «A & B <c:v>» (Đ & Đ): {{ 7*7 }}: 1,5; "
                                  "</c:v>&amp;: 2.")


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


def _set(key: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda values: values.update({key: value})


@pytest.mark.parametrize(("spoil", "problem"), [
    (lambda v: v["points"][1].update(value="nhiều"),
     "giá trị không hợp lệ cho biến 'chart.points[1].value': cần một số (như 98.5)."),
    (lambda v: v["points"][0].update(value=float("nan")),
     "giá trị không hợp lệ cho biến 'chart.points[0].value': cần một số (như 98.5)."),
    (_set("points", "Sóc Trăng, Kiên Giang"),
     "giá trị không hợp lệ cho biến 'chart.points': cần một danh sách các cột."),
    (_set("title", None), "giá trị không hợp lệ cho biến 'chart.title': cần một chuỗi chữ."),
    (lambda v: v.pop("maximum"), "thiếu giá trị cho biến 'chart.maximum'."),
])
def test_a_malformed_chart_value_is_named_by_its_path(
        spoil: Callable[[dict[str, Any]], object], problem: str) -> None:
    values = chart.context(sample_chart())
    spoil(values)
    with pytest.raises(RenderError) as caught:
        render({"heading": "x", "chart": values})
    assert str(caught.value) == (
        f"Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': {problem}")


def test_a_chart_variable_that_is_no_chart_is_refused() -> None:
    with pytest.raises(RenderError) as caught:
        render({"heading": "x", "chart": "Tổng điểm"})
    assert str(caught.value) == (
        "Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': giá trị không hợp lệ cho "
        "biến 'chart': cần dữ liệu biểu đồ (tiêu đề, các cột, trục).")


@pytest.mark.parametrize("hostile", ["{{ 'x' * 10 ** 7 }}", "{{ chart.title.__class__.__mro__ }}",
                                     "{% for i in range(10 ** 9) %}x{% endfor %}"])
def test_the_templates_chart_part_is_replaced_never_evaluated(hostile: str) -> None:
    def edit(xml: str) -> str:
        return xml.replace("Đơn vị A", hostile)

    data = render(sample_context(), edit=edit)
    assert texts(chart_root(data), "cat/v") == NAMES
    xml = part(data, PART).decode()
    assert "{{" not in xml and "{%" not in xml and "xxx" not in xml


def _unmark(xml: str) -> str:
    """A document's or chart's XML without docgen's marker (a chart docgen does not fill)."""
    return xml.replace("docgen:chart=chart", "Biểu đồ riêng")


def test_a_chart_without_a_marker_is_left_as_drawn() -> None:
    data = template_bytes(guarded=False, edit=_unmark, edit_body=_unmark)
    template = Template("phu-luc-thu.docx", data, trusted=True)
    assert template.undeclared_variables() == {"heading"}
    assert template.problems({"heading"}) == []
    rendered = template.render({"heading": "x"})
    assert part(rendered, PART) == part(data, PART)
    assert texts(chart_root(rendered), "cat/v") == PLACEHOLDER_NAMES


def test_an_older_template_whose_chart_holds_tags_is_refused() -> None:
    def older(xml: str) -> str:
        return _unmark(xml).replace("Đơn vị A", "{{ chart.points[0].category }}")

    template = Template("phu-luc-thu.docx", template_bytes(edit=older, edit_body=_unmark),
                        trusted=True)
    problem = ("Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': biểu đồ chứa thẻ "
               "Jinja ({{ … }}, {% … %}) nhưng docgen không điền thẻ trong biểu đồ; hãy ghi "
               "«docgen:chart=<tên biến>» vào mô tả (Alt Text) của biểu đồ hoặc dựng lại mẫu.")
    assert template.problems({"heading", "chart"}) == [problem]
    with pytest.raises(RenderError) as caught:
        template.render(sample_context())
    assert str(caught.value) == problem


def test_an_unreadable_marker_is_found_before_and_during_rendering() -> None:
    def spoil(xml: str) -> str:
        return xml.replace("docgen:chart=chart (", "docgen:chart=điểm số (")

    template = Template("phu-luc-thu.docx", template_bytes(edit_body=spoil), trusted=True)
    problem = ("Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': dấu "
               "«docgen:chart=…» trong mô tả của biểu đồ («docgen:chart=điểm số (giữ nguyên "
               "dòng này: docgen vẽ biểu đồ từ số liệu khi lập văn bản)») không ghi một tên "
               "biến hợp lệ.")
    assert template.problems({"heading", "chart"}) == [problem]
    for call in (lambda: template.render(sample_context()), template.undeclared_variables):
        with pytest.raises(RenderError) as caught:
            call()
        assert str(caught.value) == problem


def test_two_variables_for_one_chart_are_a_problem() -> None:
    def spoil(xml: str) -> str:  # a Title (Word 2010 and later, LibreOffice) naming another
        return xml.replace("<wp:docPr ", '<wp:docPr title="docgen:chart=bieu_do" ')

    template = Template("phu-luc-thu.docx", template_bytes(edit_body=spoil), trusted=True)
    assert template.problems({"heading", "chart", "bieu_do"}) == [
        "Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': mô tả của biểu đồ ghi "
        "nhiều biến khác nhau («bieu_do», «chart»)."]


def test_the_chart_reads_its_variable_from_the_context() -> None:
    template = Template("phu-luc-thu.docx", template_bytes(guarded=False), trusted=True)
    assert template.undeclared_variables() == {"heading", "chart"}
    assert template.problems({"heading"}) == [
        "Mẫu 'phu-luc-thu.docx', biểu đồ 'word/charts/chart1.xml': biến «chart» không có "
        "trong dữ liệu của văn bản này."]


def test_a_user_template_with_a_chart_renders_in_the_bounded_process(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc-rieng.docx"
    path.write_bytes(template_bytes(guarded=False,
                                    edit=lambda xml: xml.replace("Đơn vị A", "{{ 1/0 }}")))
    template = Template.load(path)
    assert template.problems({"heading", "chart"}) == []
    assert texts(chart_root(template.render(sample_context())), "cat/v") == NAMES
    with pytest.raises(RenderError, match=re.escape(
            "Mẫu 'phu-luc-rieng.docx', biểu đồ 'word/charts/chart1.xml': thiếu giá trị cho "
            "biến 'chart'.")):
        template.render({"heading": "x"})


# --------------------------------------------------------------------------- edited and saved


def test_a_template_resaved_by_python_docx_renders_the_real_chart() -> None:
    out = io.BytesIO()
    docx.Document(io.BytesIO(template_bytes())).save(out)
    data = Template("phu-luc-thu.docx", out.getvalue(), trusted=True).render(sample_context())
    assert texts(chart_root(data), "cat/v") == NAMES
    assert texts(chart_root(data), "dLbl/t") == LABELS


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"


def as_word_saves(data: bytes) -> bytes:
    """The template as Word leaves it after a clerk's edit: the chart renamed, its Alt Text
    rewritten around the marker, its series renamed, the placeholder's data in
    an embedded workbook the chart refers to (c:externalData)."""
    document = docx.Document(io.BytesIO(data))
    docpr = next(document.element.body.iter(f"{WP}docPr"))
    docpr.set("name", "Chart 3")
    docpr.set("descr", "Biểu đồ tổng điểm; docgen:chart=chart")
    chart_part = next(p for p in document.part.package.iter_parts()
                      if p.content_type == CHART_TYPE)
    workbook = Part(PackURI("/word/embeddings/Microsoft_Excel_Worksheet.xlsx"), XLSX,
                    b"PK placeholder workbook", document.part.package)
    rid = chart_part.relate_to(workbook, PACKAGE_REL)
    xml = chart_part.blob.decode().replace("docgen:chart=chart", "Chuỗi 1").replace(
        "</c:chartSpace>", f'<c:externalData r:id="{rid}"><c:autoUpdate val="0"/>'
        "</c:externalData></c:chartSpace>")
    chart_part._blob = xml.encode()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_template_saved_by_word_renders_the_real_chart_without_its_workbook() -> None:
    saved = as_word_saves(template_bytes())
    assert "word/embeddings/Microsoft_Excel_Worksheet.xlsx" in zipfile.ZipFile(
        io.BytesIO(saved)).namelist()
    template = Template("phu-luc-thu.docx", saved, trusted=True)
    assert template.undeclared_variables() == {"heading", "chart"}
    data = template.render(sample_context())
    assert texts(chart_root(data), "cat/v") == NAMES
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if "embeddings" in n or n.startswith("word/charts/_rels")]
    assert "externalData" not in part(data, PART).decode()


def libreoffice_saves(data: bytes, tmp_path: Path) -> bytes:
    """The template opened and saved as .docx by LibreOffice (as a clerk would)."""
    source = tmp_path / "mau.docx"
    source.write_bytes(data)
    subprocess.run([pdf.find_soffice(), f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(tmp_path / "saved"), str(source)],
                   check=True, capture_output=True, timeout=240)
    return (tmp_path / "saved" / "mau.docx").read_bytes()


@needs_libreoffice
def test_a_template_saved_by_libreoffice_renders_the_real_chart(tmp_path: Path) -> None:
    saved = libreoffice_saves(template_bytes(), tmp_path)
    # LibreOffice drops the drawing's description: the series' name carries the marker.
    assert "docgen:chart" not in part(saved, "word/document.xml").decode()
    template = Template("phu-luc-thu.docx", saved, trusted=True)
    assert template.problems({"heading", "chart"}) == []
    data = template.render(sample_context())
    root = chart_root(data)
    assert texts(root, "cat/v") == NAMES
    assert texts(root, "dLbl/t") == LABELS


# --------------------------------------------------------------------------- on paper


def pdf_words(data: bytes, tmp_path: Path) -> list[str]:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    source = tmp_path / "phu-luc.docx"
    source.write_bytes(data)
    [(printed, pages)] = pdf.convert([source], fit=False)
    assert pages == 1
    return subprocess.run([pdftotext, "-layout", str(printed), "-"], check=True,
                          capture_output=True, text=True).stdout.split()


@needs_libreoffice
def test_libreoffice_prints_the_chart(tmp_path: Path) -> None:
    words = pdf_words(render(sample_context()), tmp_path)
    assert " ".join(words).startswith("Phụ lục: Tổng hợp điểm Tổng điểm thi đua năm 2021")
    for name in NAMES:
        first, *rest = name.split()
        assert first in words and all(word in words for word in rest), name
    assert [w for w in words if re.fullmatch(r"\d+(,\d)?", w) and w in LABELS] == LABELS
    for tick in ("0", "50", "100"):
        assert tick in words
    assert "Đơn" not in words  # not the placeholder


@needs_libreoffice
def test_libreoffice_opens_the_bare_template_with_its_placeholder_chart(
        tmp_path: Path) -> None:
    words = pdf_words(template_bytes(), tmp_path)
    text = " ".join(words)
    assert "Biểu đồ mẫu (số liệu được điền khi lập văn bản)" in text
    assert text.count("Đơn vị") == 3 and all(x in words for x in ("A", "B", "C"))
    assert [w for w in words if w in ("95", "90,5", "86")] == ["95", "90,5", "86"]
    assert "{%p if chart %}" in text and "Hết phụ lục." in text
