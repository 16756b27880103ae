"""Effective formatting: values come from the run, its character style, the paragraph's style
chain or docDefaults, as Word resolves them, and the lint findings follow."""

from __future__ import annotations

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from docgen.check.resolve import Resolver
from tests.test_lint import BODY_1, BODY_2, NATIONAL, found
from tests.test_lint_builder import Sample, conforming, set_defaults, toggle_off


def _paragraph_style(sample: Sample, name: str, base: str = "Normal") -> object:
    style = sample.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = sample.doc.styles[base]
    return style


def test_size_from_the_style_chain() -> None:
    sample = conforming()
    base = _paragraph_style(sample, "Base")
    base.font.size = Pt(12)
    _paragraph_style(sample, "Body text", base="Base")
    sample.body[1].style = sample.doc.styles["Body text"]
    sample.body[1].runs[0].font.size = None
    assert found(sample) == [("body.size", BODY_2, "cỡ chữ 12 pt")]
    base.font.size = Pt(13)
    assert found(sample) == []


def test_size_from_doc_defaults() -> None:
    doc = docx.Document()
    set_defaults(doc, size_half_points=25)
    paragraph = doc.add_paragraph("Nội dung")
    (run,) = Resolver(doc).runs(paragraph)
    assert run.size == Pt(12.5)
    assert run.fonts == ("Times New Roman", "Times New Roman")


def test_lint_reads_sizes_from_doc_defaults() -> None:
    sample = conforming()
    set_defaults(sample.doc, size_half_points=24)  # body runs carry no size of their own
    body = [f for f in sample.lint() if f.rule_id == "body.size"]
    assert [(f.where, f.found) for f in body] == [(f"{BODY_1} và 3 chỗ khác", "cỡ chữ 12 pt")]


def test_run_size_beats_styles_and_defaults() -> None:
    sample = conforming()
    _paragraph_style(sample, "Small", base="Normal").font.size = Pt(10)
    sample.body[1].style = sample.doc.styles["Small"]
    sample.body[1].runs[0].font.size = Pt(14)
    assert found(sample) == []


def _bold_header_style(sample: Sample) -> None:
    style = _paragraph_style(sample, "Header bold")
    style.font.bold = True
    sample.national.style = style
    sample.national.runs[0].font.bold = None


def test_bold_from_a_style() -> None:
    sample = conforming()
    _bold_header_style(sample)
    assert found(sample) == []


def test_bold_turned_off_by_val_0_on_the_run() -> None:
    sample = conforming()
    _bold_header_style(sample)
    toggle_off(sample.national.runs[0])
    assert found(sample) == [("header.national-title", NATIONAL, "không in đậm")]


def test_bold_turned_off_by_val_0_in_a_derived_style() -> None:
    sample = conforming()
    _bold_header_style(sample)
    plain = _paragraph_style(sample, "Header plain", base="Header bold")
    plain.font.bold = False
    sample.national.style = plain
    assert found(sample) == [("header.national-title", NATIONAL, "không in đậm")]


def test_bold_character_style_in_a_bold_paragraph_style_toggles_off() -> None:
    doc = docx.Document()
    para_style = doc.styles.add_style("Bold para", WD_STYLE_TYPE.PARAGRAPH)
    para_style.font.bold = True
    char_style = doc.styles.add_style("Bold chars", WD_STYLE_TYPE.CHARACTER)
    char_style.font.bold = True
    paragraph = doc.add_paragraph(style=para_style)
    paragraph.add_run("đậm đảo", style=char_style)
    paragraph.add_run("đậm")
    toggled, plain = Resolver(doc).runs(paragraph)
    assert (toggled.bold, plain.bold) == (False, True)


def test_italic_from_a_character_style() -> None:
    doc = docx.Document()
    emphasis = doc.styles.add_style("Nghiêng", WD_STYLE_TYPE.CHARACTER)
    emphasis.font.italic = True
    paragraph = doc.add_paragraph()
    paragraph.add_run("căn cứ", style=emphasis)
    assert Resolver(doc).runs(paragraph)[0].italic is True


def test_theme_fonts_are_resolved_through_the_theme_part() -> None:
    doc = docx.Document()  # docDefaults: asciiTheme="minorHAnsi"; the stock theme says Cambria
    (run,) = Resolver(doc).runs(doc.add_paragraph("chữ"))
    assert run.fonts == ("Cambria", "Cambria")


def test_paragraph_format_from_the_style_chain_and_defaults() -> None:
    doc = docx.Document()
    set_defaults(doc)
    body = doc.styles.add_style("Thân", WD_STYLE_TYPE.PARAGRAPH)
    body.paragraph_format.first_line_indent = Cm(1.27)
    body.paragraph_format.space_before = Pt(6)
    fmt = Resolver(doc).paragraph(doc.add_paragraph("x", style=body))
    assert (fmt.first_line_indent, fmt.space_before, fmt.space_after) == (Cm(1.27), Pt(6), 0)
    assert (fmt.alignment, fmt.line.rule, fmt.line.multiple) == ("left", "auto", 1.0)


def test_iso_alignment_values_are_understood() -> None:
    doc = docx.Document()
    paragraph = doc.add_paragraph("x")
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "start")
    paragraph._p.get_or_add_pPr().append(jc)
    assert Resolver(doc).paragraph(paragraph).alignment == "left"


def test_hanging_indent_is_reported_as_such() -> None:
    sample = conforming()
    sample.body[1].paragraph_format.first_line_indent = Cm(-0.5)
    assert found(sample) == [("body.indent", BODY_2, "thụt treo 0,5 cm")]
