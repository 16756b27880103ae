"""Slim templates: each shipped template holds only the styles its paragraphs use and none of
python-docx's stock parts, and renders the same documents as the unslimmed layout would."""

from __future__ import annotations

import importlib
import io
import posixpath
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from lxml import etree

from docgen.build import Checked, check
from docgen.check import lint
from docgen.documents import KINDS
from docgen.documents.shared.slim import CLERK_STYLES, slim
from docgen.render import Template
from tests.conftest import ROOT, SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))
# Before slimming every template carried python-docx's 184 stock styles: 354 KB of
# styles.xml, 438 KB of stylesWithEffects.xml, about 40 KB zipped.
MAX_TEMPLATE = 20_000
MAX_STYLES_XML = 32_000  # python-docx's stock styles.xml is 354 KB


def _package(path: Path | bytes) -> dict[str, bytes]:
    source = io.BytesIO(path) if isinstance(path, bytes) else path
    with zipfile.ZipFile(source) as package:
        return {name: package.read(name) for name in package.namelist()}


def _styles(parts: dict[str, bytes]) -> dict[str, etree._Element]:
    root = etree.fromstring(parts["word/styles.xml"])
    return {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}


def _named(parts: dict[str, bytes]) -> set[str]:
    """Style ids the text parts (body, headers, footers, settings) name."""
    names: set[str] = set()
    for name, blob in parts.items():
        if posixpath.dirname(name) == "word" and name.endswith(".xml") \
                and name != "word/styles.xml":
            root = etree.fromstring(blob)
            names |= {e.get(f"{W}val") for e in root.iter(f"{W}pStyle", f"{W}rStyle",
                                                          f"{W}tblStyle")}
    return names


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_every_style_a_template_names_is_defined(path: Path) -> None:
    parts = _package(path)
    styles = _styles(parts)
    assert _named(parts) - set(styles) == set()
    for style_id, style in styles.items():
        for tie in ("basedOn", "link", "next"):
            element = style.find(f"{W}{tie}")
            if element is not None:
                assert element.get(f"{W}val") in styles, (style_id, tie)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_a_template_defines_only_the_styles_in_use(path: Path) -> None:
    parts = _package(path)
    styles = _styles(parts)
    wanted = _named(parts) | {i for i, s in styles.items() if s.get(f"{W}default") == "1"}
    wanted |= set(CLERK_STYLES)
    reached: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        reached.add(style_id)
        for tie in ("basedOn", "link", "next"):
            element = styles[style_id].find(f"{W}{tie}")
            if element is not None and element.get(f"{W}val") not in reached:
                wanted.add(element.get(f"{W}val"))
    assert set(styles) == reached
    # Word's stock styles python-docx brings are gone; Normal and the page-number Header stay.
    assert {"Normal", "Header", "Body"} <= set(styles)
    assert not {"Heading4", "ListBullet", "LightGrid-Accent1", "TableGrid"} & set(styles)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_the_styles_a_clerk_may_pick_in_word_stay_times_new_roman_black(path: Path) -> None:
    """Heading 1–3, Title and Subtitle are kept, blackened: a clerk who picks one in Word
    gets Decree 30's typeface and colour, not Word's Calibri in blue."""
    document = docx.Document(str(path))
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title", "Subtitle"):
        style = document.styles[name]
        fonts = style.element.rPr.rFonts
        assert {fonts.get(f"{W}ascii"), fonts.get(f"{W}hAnsi")} == {"Times New Roman"}, name
        assert fonts.get(f"{W}asciiTheme") is None, name
        assert str(style.font.color.rgb) == "000000", name


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_a_template_is_small_and_whole(path: Path) -> None:
    assert path.stat().st_size < MAX_TEMPLATE
    parts = _package(path)
    assert len(parts["word/styles.xml"]) < MAX_STYLES_XML
    stock = [n for n in parts if n.startswith("customXml/") or n.endswith(
        ("stylesWithEffects.xml", "thumbnail.jpeg", "numbering.xml"))]
    assert stock == []
    _assert_whole(parts)


def _assert_whole(parts: dict[str, bytes]) -> None:
    """Every relationship points at a part of the package, every part has a content type."""
    for name, blob in parts.items():
        if not name.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(name))
        for rel in etree.fromstring(blob):
            if rel.get("TargetMode") != "External":
                assert posixpath.normpath(posixpath.join(base, rel.get("Target"))) in parts
    types = etree.fromstring(parts["[Content_Types].xml"])
    overrides = {e.get("PartName") for e in types if e.get("PartName")}
    defaults = {e.get("Extension") for e in types if e.get("Extension")}
    for name in parts:
        if name != "[Content_Types].xml":
            assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert {o.removeprefix("/") for o in overrides} <= set(parts)


@cache
def _sample() -> Checked:
    return check(SAMPLE)


def _full_template(code: str, folder: Path) -> bytes:
    """The kind's template as its layout code saves it, before slimming."""
    kind = KINDS[code].kind
    layout = importlib.import_module(f"docgen.documents.{kind.package}.layout")
    path = folder / kind.template
    layout.build(path)
    return path.read_bytes()


@pytest.mark.parametrize("code", ["bao-cao-tong-ket", "phu-luc-diem", "giao-uoc", "phieu-bau"])
def test_slim_and_full_templates_render_the_same_document(code: str, tmp_path: Path) -> None:
    checked = _sample()
    rendition = KINDS[code].renditions(checked.book, checked.outcome)[0]
    full = _full_template(code, tmp_path)
    shipped = ROOT / "templates" / KINDS[code].kind.template
    rendered = []
    for data in (full, shipped.read_bytes()):
        template = Template(shipped.name, data, trusted=True)
        rendered.append(template.render(rendition.context, rendition.page_mm))
    before, after = (_package(r) for r in rendered)
    assert len(rendered[1]) < len(rendered[0]) / 2
    # The body, headers, charts and settings are the same bytes; the styles are fewer, and
    # the relationships lose the dropped parts.
    text = [n for n in after if n.startswith("word/") and n.endswith(".xml")
            and n != "word/styles.xml"]
    assert {n: after[n] for n in text} == {n: before[n] for n in text}
    assert "word/document.xml" in text and any("header" in n for n in text)
    # The styles a document keeps are the full template's, byte for byte.
    full_styles = _styles(before)
    for style_id, style in _styles(after).items():
        assert etree.tostring(style) == etree.tostring(full_styles[style_id])
    assert lint(rendered[1], final=True) == lint(rendered[0], final=True)


def _saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_slim_keeps_a_list_style_and_its_definitions() -> None:
    document = docx.Document()
    document.add_paragraph("Một", style="List Bullet")
    parts = _package(slim(_saved(document)))
    assert "word/numbering.xml" in parts
    styles = _styles(parts)
    assert {"ListBullet", "Normal"} <= set(styles)
    assert "Heading4" not in styles and "TableGrid" not in styles
    reopened = docx.Document(io.BytesIO(slim(_saved(document))))
    assert reopened.paragraphs[-1].style.name == "List Bullet"
    _assert_whole(parts)


def test_slim_drops_unused_lists_and_word_still_gets_a_valid_package() -> None:
    document = docx.Document()
    document.add_paragraph("Hai", style="Heading 1")
    data = slim(_saved(document))
    parts = _package(data)
    assert "word/numbering.xml" not in parts
    # Heading 1 is kept with what it needs: Normal, its linked character style, Normal next.
    assert {"Heading1", "Heading1Char", "Normal", "DefaultParagraphFont"} <= set(_styles(parts))
    _assert_whole(parts)
    reopened = docx.Document(io.BytesIO(data))
    reopened.add_paragraph("Ba", style="Normal")
    assert [p.text for p in docx.Document(io.BytesIO(_saved(reopened))).paragraphs] == [
        "Hai", "Ba"]
