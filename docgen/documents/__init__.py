"""Turn the model and outcome into documents: one folder per kind, bound to the registry.

Each kind of `docgen.kinds` has a folder here, `docgen/documents/<package>/`, with
`context.py` (model + outcome -> the template's context; a `renditions` function gives one
context per output file) and `layout.py` (the template's Decree 30 layout, built with
python-docx by `python -m docgen.documents.build_templates`). Shared parts live in
`shared/`; no kind imports another.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from docgen.documents.shared.rendition import Rendition
from docgen.kinds import KINDS as REGISTRY
from docgen.kinds import Kind
from docgen.model import Workbook
from docgen.rules import Outcome

RenditionsFn = Callable[[Workbook, Outcome], list[Rendition]]


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document and the function that gives its output files' contexts."""

    kind: Kind
    renditions: RenditionsFn

    @property
    def code(self) -> str:
        """The kind's code ('to-trinh')."""
        return self.kind.code

    @property
    def label(self) -> str:
        """The kind's Vietnamese label."""
        return self.kind.label

    @property
    def template(self) -> str:
        """The kind's template file name."""
        return self.kind.template


def _bind(kind: Kind) -> DocumentKind:
    module = importlib.import_module(f"docgen.documents.{kind.package}.context")
    renditions: RenditionsFn = module.renditions
    return DocumentKind(kind, renditions)


KINDS: dict[str, DocumentKind] = {kind.code: _bind(kind) for kind in REGISTRY}
