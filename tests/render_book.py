"""Render one document kind straight from a `Workbook` (a model_copy of the sample, or of a
workbook unlike it), so tests can vary what no sheet edit reaches easily."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.document import Document

from docgen import rules
from docgen.build import TEMPLATES_DIR
from docgen.documents import KINDS
from docgen.documents.shared.rendition import Rendition
from docgen.model import Workbook
from docgen.render import Template


def rendition_of(book: Workbook, kind: str) -> Rendition:
    """The kind's only rendition."""
    (rendition,) = KINDS[kind].renditions(book, rules.outcome(book))
    return rendition


def context_of(book: Workbook, kind: str) -> dict[str, Any]:
    """The context the kind's only rendition would print."""
    return rendition_of(book, kind).context


def render_bytes(book: Workbook, kind: str) -> bytes:
    """The .docx of a single-file kind of `book`, rendered with the shipped template as a
    build renders it (on the rendition's paper)."""
    template = Template.load(TEMPLATES_DIR / f"{kind}.docx")
    rendition = rendition_of(book, kind)
    return template.render(rendition.context, rendition.page_mm)


def render_book(book: Workbook, kind: str) -> Document:
    """Render a single-file kind of `book` with the shipped template and open it."""
    return docx.Document(io.BytesIO(render_bytes(book, kind)))
