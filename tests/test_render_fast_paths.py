"""The prepared renderer (docgen.render.prepared) gives the documents docxtpl's full passes
give: the same parts in the same order, every part the same XML (canonical form), every part
it does not render the same bytes. The reference is docxtpl as it is used when no template
is prepared: its own resolve_listing on every part, python-docx's save, then rezip.

Checked on every document of the sample, of two other clusters (other sizes, individuals,
non-unanimous votes), of a half-year period and of a generated 60-member workbook."""

from __future__ import annotations

import io
import runpy
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docxtpl import DocxTemplate  # type: ignore[import-untyped,unused-ignore]
from lxml import etree

from docgen import build, intake, render
from docgen.files import rezip
from docgen.render import prepared
from docgen.rules import outcome

ROOT = Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _large_book(folder: Path) -> Any:
    write_workbook: Any = runpy.run_path(str(ROOT / "benchmarks" / "large_workbook.py"))[
        "write_workbook"]
    path = folder / "lon.xlsx"
    write_workbook(path, 60)
    return intake.read_workbook(path)


@pytest.fixture(params=["sample", "khanh_hoa", "can_tho", "half", "large"])
def checked(request: pytest.FixtureRequest, tmp_path: Path) -> build.Checked:
    if request.param == "sample":
        return build.check(build.SAMPLE)
    if request.param == "half":
        return build.check(ROOT / "samples" / "cum-ix-2021-6-thang.xlsx")
    if request.param == "large":
        book = _large_book(tmp_path)
    else:
        book = request.getfixturevalue(f"{request.param}_book")
    return build.Checked(book, outcome(book))


def _docxtpl_full_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The renderer as docxtpl alone: no prepared template, docxtpl's own
    resolve_listing on every part, python-docx's save, then rezip."""
    monkeypatch.setattr(render.Template, "_fast", lambda self: None)
    monkeypatch.setattr(render._PreparedDocx, "resolve_listing",
                        lambda self, xml: DocxTemplate.resolve_listing(self, xml))

    def save_then_rezip(document: Any) -> bytes:
        out = io.BytesIO()
        document.save(out)
        return rezip(out.getvalue())

    monkeypatch.setattr(render, "_package_bytes", save_then_rezip)


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


def _canonical(xml: bytes) -> bytes:
    return bytes(etree.tostring(etree.fromstring(xml), method="c14n"))


def test_prepared_documents_are_docxtpls(checked: build.Checked,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    kinds = build.select_kinds(None, checked.book.settings.period)
    fast = {o.name: o.data for o in build.render_all(checked, kinds)}
    _docxtpl_full_passes(monkeypatch)
    full = {o.name: o.data for o in build.render_all(checked, kinds)}
    assert fast.keys() == full.keys() and fast
    for name in fast:
        ours, theirs = _parts(fast[name]), _parts(full[name])
        assert [n for n, _ in ours] == [n for n, _ in theirs], name
        for (part, mine), (_, reference) in zip(ours, theirs, strict=True):
            if part.endswith((".xml", ".rels")):
                assert _canonical(mine) == _canonical(reference), (name, part)
            if not part.startswith(("word/document", "word/header", "word/footer")):
                assert mine == reference, (name, part)


def test_no_shipped_template_goes_through_docxtpl() -> None:
    from docgen.documents import KINDS
    from docgen.templates import load

    assert [kind.template for kind in KINDS.values()
            if load(kind, None, None)._fast() is None] == []


def _both_ways(data: bytes, context: dict[str, Any],
               monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes]:
    fast = render.Template("thu.docx", data, trusted=True).render(context)
    with monkeypatch.context() as patched:
        _docxtpl_full_passes(patched)
        full = render.Template("thu.docx", data, trusted=True).render(context)
    return fast, full


def _same_parts(fast: bytes, full: bytes) -> None:
    ours, theirs = _parts(fast), _parts(full)
    assert [n for n, _ in ours] == [n for n, _ in theirs]
    for (part, mine), (_, reference) in zip(ours, theirs, strict=True):
        if part.endswith((".xml", ".rels")):
            assert _canonical(mine) == _canonical(reference), part


# case: (inside {%p if chart %}, marked for docgen, saved by Word, a chart to draw)
CHART_CASES = {
    "filled": (True, True, False, True),
    "dropped by its paragraph": (True, True, False, False),
    "unguarded, no data": (False, True, False, False),
    "no marker, left as drawn": (False, False, False, False),
    "saved by Word, with its workbook": (True, True, True, True),
    "saved by Word, dropped": (True, True, True, False),
}


@pytest.mark.parametrize("case", sorted(CHART_CASES))
def test_charts_are_filled_and_dropped_as_docxtpl_leaves_them(
        case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests import test_chart

    guarded, marked, word, drawn = CHART_CASES[case]
    unmark = None if marked else test_chart._unmark
    data = test_chart.template_bytes(guarded=guarded, edit=unmark, edit_body=unmark)
    if word:
        data = test_chart.as_word_saves(data)
    context = test_chart.sample_context() if drawn else {"heading": "x", "chart": None}
    fast, full = _both_ways(data, context, monkeypatch)
    _same_parts(fast, full)
    names = [n for n, _ in _parts(fast)]
    assert ("word/charts/chart1.xml" in names) == (drawn or not guarded)
    assert any("embeddings" in n for n in names) == (word and not drawn and not guarded)


def test_column_loops_and_paper_take_the_parsing_path() -> None:
    from docgen.documents import KINDS
    from docgen.templates import load

    parsing = set()
    for kind in KINDS.values():
        fast = load(kind, None, None)._fast()
        if fast is not None and fast._parse:
            parsing.add(kind.template)
    # the three templates with {%tc %} column loops; the fourth also has a chart
    assert parsing == {"bao-cao-tong-ket.docx", "bien-ban.docx", "giao-uoc.docx",
                       "phu-luc-diem.docx"}


def test_a_header_with_text_that_is_not_xml_is_refused_as_docxtpl_did() -> None:
    import docx

    from docgen.errors import RenderError

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "{{ text }}"
    buffer = io.BytesIO()
    document.save(buffer)
    template = render.Template("thu.docx", buffer.getvalue(), trusted=True)
    assert template._fast() is not None
    with pytest.raises(RenderError, match="không phải XML hợp lệ"):
        template.render({"text": "a\x01b"})


def test_text_that_is_not_xml_is_parsed_as_docxtpl_did() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("{{ text }}")
    buffer = io.BytesIO()
    document.save(buffer)
    template = render.Template("thu.docx", buffer.getvalue(), trusted=True)
    data = template.render({"text": "a\x01b"})
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text in ("ab", "a")



def test_the_xml_character_test_is_xml_1_0s() -> None:
    import re

    refused = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
    points = [*range(0x0, 0x800), *range(0xD7F0, 0xD800), *range(0xE000, 0xE010),
              *range(0xFFF0, 0x10000), 0x10000, 0x1F600, 0x10FFFF]
    for point in points:
        text = f"Bạc Liêu {chr(point)} ổ"
        assert prepared._is_xml_text(text.encode("utf-8")) \
            == (refused.search(text) is None), hex(point)


def test_text_with_breaks_still_becomes_word_markup() -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph("{{ lines }}").runs[0].font.size = Pt(14)
    buffer = io.BytesIO()
    document.save(buffer)
    template = render.Template("thu.docx", buffer.getvalue(), trusted=True)
    data = template.render({"lines": "dòng 1\ndòng 2\tcột"})
    text = docx.Document(io.BytesIO(data)).paragraphs[0].text
    assert text == "dòng 1\ndòng 2\tcột"
    with io.BytesIO(data) as raw, zipfile.ZipFile(raw) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "<w:br/>" in body and "<w:tab/>" in body


def _with_footnote(sections: int) -> bytes:
    """A template with a footnote holding `{{ note }}`, and `sections` sections."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    document.add_paragraph("Văn bản có chú thích.")
    for _ in range(sections - 1):
        document.add_section()
        document.add_paragraph("Phần sau.")
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes '
           f'xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>{{{{ note }}}}</w:t></w:r>'
           '</w:p></w:footnote></w:footnotes>').encode()
    part = Part(PackURI("/word/footnotes.xml"), prepared.FOOTNOTES_TYPE, xml,
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("sections", [1, 2, 3])
@pytest.mark.parametrize("prepared_first", [True, False])
def test_a_footnote_prints_data_literally_whatever_the_sections(
        sections: int, prepared_first: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not prepared_first:
        monkeypatch.setattr(render.Template, "_fast", lambda self: None)
    template = render.Template("chu-thich.docx", _with_footnote(sections), trusted=True)
    data = template.render({"note": "{{ 7*7 }} & <b>\tcột"})
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        footnotes = etree.fromstring(package.read("word/footnotes.xml"))
    texts = "".join(footnotes.itertext())
    assert texts == "{{ 7*7 }} & <b>cột", texts
    assert footnotes.find(f".//{{{W}}}tab") is not None  # the tab as Word's markup


def test_footnotes_are_rendered_as_docxtpl_leaves_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = _with_footnote(2)
    assert render.Template("thu.docx", data, trusted=True)._fast() is not None
    fast, full = _both_ways(data, {"note": "Ghi chú: số liệu đến 30/11"}, monkeypatch)
    _same_parts(fast, full)
