"""Turn the body text of a document into findings: alignment, first-line indent, paragraph
and line spacing, size, and the Roman-numbered headings."""

from __future__ import annotations

from docx.shared import Length

from docgen.check import rules
from docgen.check.findings import Finding, finding
from docgen.check.looks import Look, look_findings
from docgen.check.resolve import LineSpacing, ParaFormat, Resolver
from docgen.check.structure import Layout, Para
from docgen.check.words import ALIGN_WORDS, cm, number, pt

HEADING_LOOK = Look(bold=True, upper=True)
BODY_LOOK = Look(size=rules.BODY_SIZE)
INDENT_EXPECTED = (f"lùi đầu dòng {number(rules.FIRST_LINE_INDENT.lo.cm)}–"
                   f"{number(rules.FIRST_LINE_INDENT.hi.cm)} cm")
SPACING_EXPECTED = f"khoảng cách trước hoặc sau đoạn tối thiểu {pt(rules.PARAGRAPH_SPACING_MIN)}"
CONTEXTUAL = ("khoảng cách đoạn bị bỏ («Không thêm khoảng cách giữa các đoạn cùng kiểu» "
              "đang bật)")
LINE_EXPECTED = (f"giãn dòng từ {number(rules.LINE_SPACING_MIN)} (dòng đơn) đến "
                 f"{number(rules.LINE_SPACING_MAX)} dòng")


def check_body(layout: Layout, resolver: Resolver) -> list[Finding]:
    """Findings of the body.* rules on each body paragraph, and heading.roman."""
    out: list[Finding] = []
    for para in layout.body:
        out += _paragraph(para, resolver)
    for para in layout.headings:
        out += look_findings("heading.roman", para, resolver, HEADING_LOOK)
    return out


def _paragraph(para: Para, resolver: Resolver) -> list[Finding]:
    fmt = resolver.paragraph(para.paragraph)
    out = []
    if fmt.alignment != "justify":
        out.append(finding("body.alignment", para.where,
                           ALIGN_WORDS.get(fmt.alignment, fmt.alignment), ALIGN_WORDS["justify"]))
    if not rules.FIRST_LINE_INDENT.holds(fmt.first_line_indent, rules.INDENT_TOLERANCE):
        out.append(finding("body.indent", para.where, _indent(fmt.first_line_indent),
                           INDENT_EXPECTED))
    if fmt.contextual:
        out.append(finding("body.spacing", para.where, CONTEXTUAL, SPACING_EXPECTED))
    elif max(fmt.space_before, fmt.space_after) < rules.PARAGRAPH_SPACING_MIN - Length(1):
        out.append(finding("body.spacing", para.where, _spacing(fmt), SPACING_EXPECTED))
    line = _line_problem(fmt.line, _largest_size(para, resolver))
    if line is not None:
        out.append(finding("body.line-spacing", para.where, line, LINE_EXPECTED))
    out += look_findings("body.size", para, resolver, BODY_LOOK)
    return out


def _indent(value: Length) -> str:
    if value == 0:
        return "không lùi đầu dòng"
    if value < 0:
        return f"thụt treo {cm(Length(-value))}"
    return f"lùi đầu dòng {cm(value)}"


def _spacing(fmt: ParaFormat) -> str:
    return f"khoảng cách trước đoạn {pt(fmt.space_before)}, sau đoạn {pt(fmt.space_after)}"


def _largest_size(para: Para, resolver: Resolver) -> Length:
    sizes = [r.size for r in resolver.formats(para.paragraph, para.reading)]
    return max(sizes, default=rules.BODY_SIZE.hi)


def _line_problem(line: LineSpacing, size: Length) -> str | None:
    """The found phrase when line spacing is outside single … 1.5 lines, else None."""
    low, high = rules.LINE_SPACING_MIN, rules.LINE_SPACING_MAX
    tolerance = rules.LINE_SPACING_TOLERANCE
    if line.rule == "auto":
        if low - tolerance <= line.multiple <= high + tolerance:
            return None
        return f"giãn dòng {number(line.multiple)} dòng"
    height = line.height or Length(0)
    multiple = height / (size * rules.SINGLE_LINE_FACTOR)
    too_low = line.rule == "exact" and multiple < low - tolerance
    if not too_low and multiple <= high + tolerance:
        return None
    kind = "cố định" if line.rule == "exact" else "tối thiểu"
    return f"giãn dòng {kind} {pt(height)} (khoảng {number(multiple)} dòng ở cỡ {pt(size)})"
