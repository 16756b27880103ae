"""Turn the model and outcome into template contexts, one per kind of document.

`KINDS` is the registry of the documents docgen builds: code, Vietnamese name, template
file and context function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docgen.compose import report
from docgen.model import Workbook
from docgen.rules import Outcome

ContextFn = Callable[[Workbook, Outcome], dict[str, Any]]


@dataclass(frozen=True)
class Rendition:
    """One output file of a kind: its name part (None for the kind's only file) and context."""

    part: str | None
    context: dict[str, Any]


RenditionsFn = Callable[[Workbook, Outcome], list[Rendition]]


@dataclass(frozen=True)
class DocumentKind:
    """A document docgen builds, possibly as several files (one per proposed unit)."""

    code: str
    label: str
    template: str
    renditions: RenditionsFn


def single(context: ContextFn) -> RenditionsFn:
    """Renditions of a kind that makes exactly one file."""
    return lambda book, result: [Rendition(None, context(book, result))]


KINDS: dict[str, DocumentKind] = {
    kind.code: kind
    for kind in (
        DocumentKind(report.CODE, "Báo cáo tổng kết", "bao-cao-tong-ket.docx",
                     single(report.context)),
    )
}
