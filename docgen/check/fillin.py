"""Turn the fill-in markers left in a document ("[Bổ sung: …]", see
`docgen.fillin_marker`) into findings of the rule text.fill-in, and count them.

A marker is a place only a person can write; a document still holding one is not ready to
sign. The finding is an error; in a draft (`final=False`) it is a warning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from docgen.check.findings import Finding, finding
from docgen.check.structure import Para
from docgen.fillin_marker import PATTERN

RULE = "text.fill-in"
SHOWN = 60  # characters of a marker quoted in a finding


def check_fill_ins(paras: Sequence[Para]) -> list[Finding]:
    """One finding per marker, naming its paragraph and quoting the marker."""
    return [finding(RULE, para.where, f"còn chỗ cần bổ sung «{_shown(found)}»")
            for para in paras for found in PATTERN.findall(para.raw)]


def count(paras: Sequence[Para]) -> int:
    """How many markers the paragraphs hold."""
    return sum(len(PATTERN.findall(para.raw)) for para in paras)


def as_drafted(findings: Sequence[Finding]) -> list[Finding]:
    """The findings of a draft: a marker left is a warning, not an error."""
    return [dataclasses.replace(f, severity="warning") if f.rule_id == RULE else f
            for f in findings]


def _shown(marker: str) -> str:
    return marker if len(marker) <= SHOWN else f"{marker[:SHOWN - 2].rstrip()}…]"
