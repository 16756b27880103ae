"""Turn the look a component must have (size, bold, italic, case, alignment) into findings."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.check.findings import Finding, finding
from docgen.check.resolve import Resolver
from docgen.check.rules import SIZE_TOLERANCE
from docgen.check.structure import Para
from docgen.check.words import ALIGN_WORDS, is_upper, pt, span_pt
from docgen.decree30 import Span


@dataclass(frozen=True)
class Look:
    """What a component must look like; None leaves that property unchecked."""

    size: Span | None = None
    bold: bool | None = None
    italic: bool | None = None
    upper: bool | None = None
    align: str | None = None


def look_findings(rule_id: str, para: Para, resolver: Resolver, look: Look) -> list[Finding]:
    """Findings of `rule_id` for each property of `para` that differs from `look`."""
    problems = [
        _size(para, resolver, look.size),
        _flag(para, resolver, "bold", look.bold, ("không in đậm", "in đậm"),
              ("in đậm", "không in đậm")),
        _flag(para, resolver, "italic", look.italic, ("không in nghiêng", "chữ nghiêng"),
              ("in nghiêng", "kiểu chữ đứng")),
        _case(para, look.upper),
        _align(para, resolver, look.align),
    ]
    return [finding(rule_id, para.where, found, expected)
            for found, expected in (p for p in problems if p is not None)]


Problem = tuple[str, str] | None


def _size(para: Para, resolver: Resolver, span: Span | None) -> Problem:
    if span is None:
        return None
    sizes = sorted({r.size for r in resolver.formats(para.paragraph, para.reading)
                    if not span.holds(r.size, SIZE_TOLERANCE)})
    if not sizes:
        return None
    return "cỡ chữ " + ", ".join(pt(s) for s in sizes), f"cỡ chữ {span_pt(span)}"


def _flag(para: Para, resolver: Resolver, attr: str, wanted: bool | None,
          when_missing: tuple[str, str], when_present: tuple[str, str]) -> Problem:
    if wanted is None:
        return None
    values = [getattr(r, attr) for r in resolver.formats(para.paragraph, para.reading)]
    if wanted and not all(values):
        return when_missing
    if not wanted and any(values):
        return when_present
    return None


def _case(para: Para, upper: bool | None) -> Problem:
    if upper is None:
        return None
    if upper and not is_upper(para.text):
        return "có chữ in thường", "chữ in hoa"
    if not upper and is_upper(para.text):
        return "viết in hoa toàn bộ", "chữ in thường, viết hoa chữ cái đầu"
    return None


def _align(para: Para, resolver: Resolver, align: str | None) -> Problem:
    if align is None:
        return None
    actual = resolver.paragraph(para.paragraph).alignment
    if actual == align:
        return None
    return ALIGN_WORDS.get(actual, actual), ALIGN_WORDS[align]
