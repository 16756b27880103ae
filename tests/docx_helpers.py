"""Read a .docx as a reader sees it: effective fonts and paragraph formats, text in order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.document import Document
from docx.shared import Length, Mm
from docx.table import Table
from docx.text.paragraph import Paragraph


def styles_of(paragraph: Paragraph) -> Iterator[Any]:
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def font_value(paragraph: Paragraph, attr: str) -> Any:
    """Return a run property as Word resolves it: first run, then the style chain."""
    sources = [paragraph.runs[0].font] if paragraph.runs else []
    sources += [style.font for style in styles_of(paragraph)]
    for font in sources:
        value = getattr(font, attr)
        if value is not None:
            return value
    return None


def format_value(paragraph: Paragraph, attr: str) -> Any:
    """Return a paragraph property as Word resolves it: direct, then the style chain."""
    sources = [paragraph.paragraph_format]
    sources += [style.paragraph_format for style in styles_of(paragraph)]
    for fmt in sources:
        value = getattr(fmt, attr)
        if value is not None:
            return value
    return None


def paragraph_with(container: Document | Any, text: str) -> Paragraph:
    for paragraph in container.paragraphs:
        if paragraph.text == text:
            return paragraph
    raise AssertionError(f"no paragraph {text!r}")


def assert_length(actual: Length | None, expected: Length) -> None:
    assert actual is not None
    assert abs(actual - expected) <= Mm(0.05), (actual.mm, expected.mm)


def all_text(document: Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)



def lines(document: Document) -> list[str]:
    """The document body in reading order, one line per paragraph: 'style | text'.

    Table cells are read row by row, their paragraphs prefixed with the cell's place.
    """
    out: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            out.append(f"{paragraph.style.name if paragraph.style else ''} | {paragraph.text}")
        elif tag == "tbl":
            out += _table_lines(Table(child, document))
    return out


def _table_lines(table: Table) -> list[str]:
    out = []
    for r, row in enumerate(table.rows):
        cells = [" / ".join(p.text for p in cell.paragraphs if p.text) for cell in row.cells]
        out.append(f"[row {r + 1}] | " + " | ".join(cells))
    return out


def paragraph_texts(document: Document) -> list[str]:
    """The text of each body paragraph (outside tables), in order."""
    return [p.text for p in document.paragraphs]


def between(lines_: list[str], start: str, stop: str) -> list[str]:
    """The lines strictly between the line `start` and the line `stop`."""
    return lines_[lines_.index(start) + 1: lines_.index(stop)]
