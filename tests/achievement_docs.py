"""Render achievement reports from a workbook model (no file) and read them as a reader would:
the paragraphs in order, the fill-in markers, the signature cells."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

import docx
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.table import Table

from docgen import rules
from docgen.build import Checked, render_all, select_kinds
from docgen.documents.shared.fillin import PATTERN
from docgen.model import Workbook
from docgen.vi import format_number, format_percent

COLLECTIVE = "bao-cao-thanh-tich"
INDIVIDUAL = "bao-cao-thanh-tich-ca-nhan"


def render(book: Workbook, kinds: Sequence[str] = (COLLECTIVE,)) -> dict[str, bytes]:
    """File name -> the rendered bytes of each document of `kinds`."""
    checked = Checked(book, rules.outcome(book))
    return {o.name: o.data for o in render_all(checked, select_kinds(kinds))}


def opened(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def texts(document: Document) -> list[str]:
    """The body's paragraphs, in order (tables left out)."""
    return [p.text for p in document.paragraphs]


def markers(document: Document) -> list[str]:
    """Every '[Bổ sung: …]' marker of the body's paragraphs, in order."""
    return [m for p in document.paragraphs for m in PATTERN.findall(p.text)]


def marked_runs_are_highlighted(document: Document) -> bool:
    """Whether every run holding a marker is highlighted yellow (and holds only it)."""
    runs = [r for p in document.paragraphs for r in p.runs if "[Bổ sung:" in r.text]
    return bool(runs) and all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW
                              and PATTERN.fullmatch(r.text) for r in runs)


def cell_lines(table: Table, column: int) -> list[str]:
    """The non-empty lines of a signature cell."""
    return [p.text for p in table.cell(0, column).paragraphs if p.text]


def name_line(table: Table, column: int) -> int:
    """The index of a signature cell's last (name) paragraph."""
    return len(table.cell(0, column).paragraphs) - 1


def money(value: float) -> str:
    """An amount in đồng as triệu đồng, as a reader expects it ('17.308')."""
    return format_number(Decimal(int(value)) / 1_000_000)


def rate(current: float, previous: float) -> str:
    """'tăng 13,9%' / 'giảm 5%' / 'không đổi' worked out by hand."""
    if current == previous:
        return "không đổi"
    value = (Decimal(str(current)) - Decimal(str(previous))) * 100 / Decimal(str(previous))
    word = "tăng" if value > 0 else "giảm"
    value = abs(value)
    decimals = 0 if value == value.to_integral_value() else 1
    return f"{word} {format_percent(value, decimals)}"
