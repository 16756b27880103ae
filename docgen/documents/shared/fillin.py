"""The fill-in markers ("[Bổ sung: …]") as the documents write them: see
docgen.fillin_marker, where they are defined so that the linter can find them without
loading the documents' code."""

from __future__ import annotations

from docgen.fillin_marker import CLOSE, OPEN, PATTERN, marker

__all__ = ["CLOSE", "OPEN", "PATTERN", "marker"]
