"""Turn lengths, ranges and paragraph texts into the Vietnamese phrases findings print."""

from __future__ import annotations

from docx.shared import Length

from docgen import vi
from docgen.decree30 import Span

QUOTE_WORDS = 5
ALIGN_WORDS = {"justify": "canh đều hai lề", "center": "canh giữa", "left": "canh trái",
               "right": "canh phải"}


def number(value: float) -> str:
    """A number with at most two decimals, Vietnamese style: 20 -> "20", 1.27 -> "1,27"."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace(".", ",")


def mm(length: Length) -> str:
    """'20 mm' (rounded to 0.1 mm, so 14.993 mm reads 15 mm)."""
    return f"{number(round(length.mm, 1))} mm"


def pt(length: Length) -> str:
    """'13 pt', '12,5 pt'."""
    return f"{number(length.pt)} pt"


def cm(length: Length) -> str:
    """'1,27 cm'."""
    return f"{number(length.cm)} cm"


def span_mm(span: Span) -> str:
    """'30–35 mm'."""
    return f"{number(span.lo.mm)}–{number(span.hi.mm)} mm"


def span_pt(span: Span) -> str:
    """'13–14 pt', or '13 pt' when the range is one value."""
    if span.lo == span.hi:
        return pt(span.lo)
    return f"{number(span.lo.pt)}–{number(span.hi.pt)} pt"


def clean(text: str) -> str:
    """The text with runs of whitespace (no-break spaces included) made single spaces."""
    return " ".join(text.split())


def quote(text: str) -> str:
    """The first words of a paragraph in «», with "…" when cut: «Căn cứ Kế hoạch số…»."""
    words = text.split()
    if not words:
        return "(trống)"
    head = " ".join(words[:QUOTE_WORDS])
    return f"«{head}…»" if len(words) > QUOTE_WORDS else f"«{head}»"


def has_letters(text: str) -> bool:
    """Whether the text holds at least one letter."""
    return any(ch.isalpha() for ch in text)


def is_upper(text: str) -> bool:
    """Whether every letter of the text is upper case (and there is one)."""
    return has_letters(text) and vi.upper_vi(text) == vi.nfc(text)
