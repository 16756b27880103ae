"""Turn a context into a named output: one file of a document kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rendition:
    """One output file of a kind: its name part (None for the kind's only file), context,
    and the paper it prints on when not the template's ((width, height) in mm: a ballot on
    A5)."""

    part: str | None
    context: dict[str, Any]
    page_mm: tuple[float, float] | None = None
