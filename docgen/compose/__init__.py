"""Turn the model and outcome into template contexts, one per kind of document.

`KINDS` is the registry of the documents docgen builds: code, Vietnamese name, template
file and context function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docgen.compose import achievements, minutes, nominees, pact, plan, proposal, report
from docgen.compose.rendition import Rendition
from docgen.model import Workbook
from docgen.rules import Outcome

ContextFn = Callable[[Workbook, Outcome], dict[str, Any]]


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
        DocumentKind(minutes.CODE, "Biên bản họp bình xét", "bien-ban.docx",
                     single(minutes.context)),
        DocumentKind(proposal.CODE, "Tờ trình đề nghị khen thưởng", "to-trinh.docx",
                     single(proposal.context)),
        DocumentKind(nominees.CODE, "Danh sách đề nghị khen thưởng", "danh-sach.docx",
                     single(nominees.context)),
        DocumentKind(achievements.CODE, "Báo cáo thành tích", "bao-cao-thanh-tich.docx",
                     achievements.renditions),
        DocumentKind(plan.CODE, "Kế hoạch phát động phong trào thi đua năm sau",
                     "ke-hoach.docx", single(plan.context)),
        DocumentKind(pact.CODE, "Giao ước thi đua năm sau", "giao-uoc.docx",
                     single(pact.context)),
    )
}
