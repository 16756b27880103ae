"""Turn Decree 30/2020/NĐ-CP, Phụ lục I, into numbers: one table for templates and linter.

Each component has the range the decree allows and the value docgen's templates use inside
it. The template layouts (`docgen.documents`) read the chosen values; the linter
(`docgen.check`) reads the ranges; a test holds every choice inside its range, so the two
cannot disagree. Lengths are python-docx `Mm`, `Pt`, `Cm`.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.shared import Cm, Length, Mm, Pt

ZERO = Length(0)

FONT = "Times New Roman"
LANG = "vi-VN"
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Span:
    """An inclusive range of lengths: lo <= value <= hi."""

    lo: Length
    hi: Length

    def holds(self, value: Length, tolerance: Length = ZERO) -> bool:
        """Whether `value` lies in the range, widened by `tolerance` on both ends."""
        return self.lo - tolerance <= value <= self.hi + tolerance


@dataclass(frozen=True)
class Measure:
    """What the decree allows for one component, and what docgen's templates use."""

    allowed: Span
    chosen: Length


def _pt(lo: float, hi: float, chosen: float) -> Measure:
    return Measure(Span(Pt(lo), Pt(hi)), Pt(chosen))


def _mm(lo: float, hi: float, chosen: float) -> Measure:
    return Measure(Span(Mm(lo), Mm(hi)), Mm(chosen))


PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)

MARGINS: dict[str, Measure] = {
    "top": _mm(20, 25, 20),
    "bottom": _mm(20, 25, 20),
    "left": _mm(30, 35, 30),
    "right": _mm(15, 20, 15),
}
TEXT_WIDTH = Length(PAGE_WIDTH - MARGINS["left"].chosen - MARGINS["right"].chosen)

# Font sizes by component (Phụ lục I, Mục IV and V). The header set rises and falls
# together: docgen uses 12/13/13 (Quốc hiệu and agency 12; motto, Số and date 13).
SIZES: dict[str, Measure] = {
    "national": _pt(12, 13, 12),
    "motto": _pt(13, 14, 13),
    "issuer": _pt(12, 13, 12),
    "number": _pt(13, 13, 13),
    "date": _pt(13, 14, 13),
    "title": _pt(13, 14, 14),
    "body": _pt(13, 14, 14),
    "signature": _pt(13, 14, 14),
    "recipients_head": _pt(12, 12, 12),
    "recipients": _pt(11, 11, 11),
    "page_number": _pt(13, 14, 14),
}

FIRST_LINE_INDENT = Measure(Span(Cm(1.0), Cm(1.27)), Cm(1.27))
PARAGRAPH_SPACING = Measure(Span(Pt(6), Pt(72)), Pt(6))  # "tối thiểu 6pt"; 72 is no limit
# Line spacing as a multiple of single spacing: single to 1.5 lines; docgen uses single.
LINE_SPACING_MIN, LINE_SPACING_MAX, LINE_SPACING_CHOSEN = 1.0, 1.5, 1.0

# The header's two columns (practice: about 45% / 55% of the text width): the agency on the
# left, the national name and motto on the right.
AGENCY_COLUMN, NATION_COLUMN = Mm(72), Mm(93)

# The rules drawn under the agency name (1/3–1/2 of its line), under the motto (as long as
# the motto: 60.2 mm at 14 pt bold, 57 mm at 13 pt) and under the subject (1/3–1/2 of the
# text line).
ISSUER_RULE, MOTTO_RULE, SUBJECT_RULE = Mm(30), Mm(57), Mm(50)


def size(component: str) -> float:
    """The font size docgen uses for a component, in points: size('body') -> 14.0."""
    return float(SIZES[component].chosen.pt)
