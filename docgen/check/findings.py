"""Turn broken rules into findings, and findings into Vietnamese lines or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docgen.check.rules import BY_ID, Severity

SEVERITY_WORDS = {"error": "lỗi", "warning": "cảnh báo"}


@dataclass(frozen=True)
class Finding:
    """One place where a document breaks a rule.

    `where` names the place in Vietnamese ("đoạn 12 («Căn cứ Kế hoạch số…»)", "bảng 1,
    hàng 2, ô 1 («…»)", "trang khổ giấy", "đầu trang"); `found` and `expected` are
    Vietnamese phrases ("lề trái 20 mm" / "lề trái 30–35 mm"); `decree` quotes the rule.
    """

    rule_id: str
    severity: Severity
    where: str
    found: str
    expected: str
    decree: str


def finding(rule_id: str, where: str, found: str, expected: str | None = None) -> Finding:
    """A finding of the rule `rule_id`; `expected` defaults to the rule's allowed values."""
    rule = BY_ID[rule_id]
    return Finding(rule_id, rule.severity, where, found,
                   rule.expected if expected is None else expected, rule.decree)


def merge(findings: Iterable[Finding]) -> list[Finding]:
    """Fold findings that differ only in place into one: "… và 3 chỗ khác".

    The first place is kept, so a style that breaks a rule in forty paragraphs gives one
    line naming the first paragraph, not forty.
    """
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for item in findings:
        groups.setdefault((item.rule_id, item.found, item.expected), []).append(item)
    merged = []
    for group in groups.values():
        first = group[0]
        places = list(dict.fromkeys(f.where for f in group))
        where = first.where
        if len(places) > 1:
            where = f"{where} và {len(places) - 1} chỗ khác"
        merged.append(Finding(first.rule_id, first.severity, where, first.found,
                              first.expected, first.decree))
    return merged


def format_finding(item: Finding) -> str:
    """One Vietnamese line: `[lỗi] page.margins — Lề trang: trang khổ giấy: lề trái 20 mm;
    yêu cầu lề trái 30–35 mm. (NĐ 30: "…")`."""
    title = BY_ID[item.rule_id].title
    return (f"[{SEVERITY_WORDS[item.severity]}] {item.rule_id} — {title}: {item.where}: "
            f"{item.found}; yêu cầu {item.expected}. (NĐ 30: \"{item.decree}\")")


def as_dict(item: Finding) -> dict[str, str]:
    """The JSON form of a finding: keys rule, title (the rule's Vietnamese title, so the id
    is never shown alone), severity, where, found, expected, decree."""
    return {"rule": item.rule_id, "title": BY_ID[item.rule_id].title,
            "severity": item.severity, "where": item.where, "found": item.found,
            "expected": item.expected, "decree": item.decree}


def to_json(findings: Sequence[Finding]) -> str:
    """A JSON array of findings (UTF-8 text, Vietnamese letters kept as they are)."""
    return json.dumps([as_dict(f) for f in findings], ensure_ascii=False, indent=2)


def counts(findings: Sequence[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for f in findings if f.severity == "error")
    return errors, len(findings) - errors
