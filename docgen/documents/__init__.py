"""Turn the model and outcome into documents: one folder per kind, bound to the registry.

Each kind of `docgen.kinds` has a folder here, `docgen/documents/<package>/`, with
`context.py` (model + outcome -> the template's context; a `renditions` function gives one
context per output file) and `layout.py` (the template's Decree 30 layout, built with
python-docx by `python -m docgen.documents.build_templates`). Shared parts live in
`shared/`; no kind imports another.

`KINDS` is bound on first use: importing a shared part (the fill-in marker the linter
looks for) does not load every kind's code, the model and the rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.kinds import KINDS as REGISTRY
from docgen.kinds import Kind

if TYPE_CHECKING:
    from docgen.documents.shared.rendition import Rendition
    from docgen.model import Workbook
    from docgen.rules import Outcome

RenditionsFn = Callable[["Workbook", "Outcome"], list["Rendition"]]


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


if TYPE_CHECKING:
    KINDS: dict[str, DocumentKind]


def __getattr__(name: str) -> dict[str, DocumentKind]:
    """`KINDS`: each kind of the registry bound to its code, by code (bound once)."""
    if name != "KINDS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    kinds = {kind.code: _bind(kind) for kind in REGISTRY}
    globals()["KINDS"] = kinds
    return kinds
