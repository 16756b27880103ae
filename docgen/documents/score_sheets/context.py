"""Turn the workbook and the year's outcome into the score sheets' (bảng chấm điểm) context.

One sheet per member, in the members sheet's order: per criterion its maximum, the member's
self-score, the points the cluster added or took away with the reason, the cluster's score
and the difference, then the totals and the member's place exactly as the outcome ranks it.
A criterion the workbook has no self-score row for is left to the template's fill-in
markers (`known` False), never a guessed number. The sheets are dated with the conference
and signed as the summary report is (its signing row), by this year's Cụm trưởng.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.honours import standing
from docgen.documents.shared.rendition import Rendition
from docgen.model import DocumentCode, Member, SelfScore, Workbook
from docgen.rules import Outcome, Ranked
from docgen.vi import date_line, format_number

CODE = "bang-cham-diem"
# The sheets carry the report's signer: they are the detail of the report's scoring part.
SIGNED_AS: DocumentCode = "bao-cao-tong-ket"


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the score sheets' template prints, already formatted."""
    signing = refs.signing(book, SIGNED_AS)
    doc = c.header(book, signing, CODE, result.leader)
    doc["date_line"] = date_line(result.leader.place, book.conference.date)
    doc["signature"] = c.signature(signing, result.leader)
    ranked = {r.unit: r for r in result.ranking}
    return {
        "doc": doc,
        "year": book.cluster.year,
        "group": c.cluster_word(book),
        "sheets": [sheet(book, result, m, ranked[m.name])
                   for m in book.members if m.name in ranked],
    }


def sheet(book: Workbook, result: Outcome, member: Member, ranked: Ranked) -> dict[str, Any]:
    """One member's sheet: its full name, a row per criterion, the total row and the
    sentence with its total and place."""
    own = [book.self_score(member.name, x.code) for x in book.criteria]
    rows = [row(i, x.name, x.max_points, ranked.points[x.code], s)
            for i, (x, s) in enumerate(zip(book.criteria, own, strict=True), start=1)]
    return {
        "name": member.name,
        "rows": rows,
        "total": total_row(book, ranked, own),
        "result": result_sentence(book, result, member),
    }


def row(stt: int, name: str, most: float, score: float,
        own: SelfScore | None) -> dict[str, Any]:
    """One criterion: `known` False when the member's self-score row is missing (then
    `self`, `plus`, `minus`, `difference` and `reason` are '' and the template asks for
    them)."""
    base = {"stt": str(stt), "name": name, "max": format_number(most),
            "score": format_number(score)}
    if own is None:
        return base | {"known": False, "self": "", "plus": "", "minus": "",
                       "difference": "", "reason": ""}
    return base | {
        "known": True,
        "self": format_number(own.self_points),
        "plus": format_number(own.plus),
        "minus": format_number(own.minus),
        "difference": signed(_dec(score) - _dec(own.self_points)),
        "reason": (own.reason or "").strip(),
    }


def total_row(book: Workbook, ranked: Ranked, own: list[SelfScore | None]) -> dict[str, Any]:
    """The sums: the maximum, the cluster's total (the outcome's), and the self-score, plus,
    minus and difference when every criterion has its self-score row (`known`)."""
    base = {"max": format_number(sum(_dec(x.max_points) for x in book.criteria)),
            "score": format_number(ranked.total)}
    given = [s for s in own if s is not None]
    if len(given) < len(own):
        return base | {"known": False, "self": "", "plus": "", "minus": "", "difference": ""}
    self_total = sum((_dec(s.self_points) for s in given), Decimal(0))
    return base | {
        "known": True,
        "self": format_number(self_total),
        "plus": format_number(sum((_dec(s.plus) for s in given), Decimal(0))),
        "minus": format_number(sum((_dec(s.minus) for s in given), Decimal(0))),
        "difference": signed(_dec(ranked.total) - self_total),
    }


def result_sentence(book: Workbook, result: Outcome, member: Member) -> str:
    """'Thanh tra tỉnh Hậu Giang đạt 92,5/100 điểm, xếp thứ 7/7.'; a shared place reads
    'đồng xếp thứ 4/7 (cùng Thanh tra tỉnh An Giang)'; the leader alone adds ', dẫn đầu
    Cụm thi đua'."""
    place = standing(book, result, member.name)
    if place is None:
        return ""
    rank = f"xếp thứ {place['rank']}/{place['units']}"
    if place["tied"]:
        rank = f"đồng {rank} (cùng {', '.join(place['tied'])})"
    elif place["leads"]:
        rank += f", dẫn đầu {place['cluster']} thi đua"
    return f"{member.name} đạt {place['total']}/{place['top']} điểm, {rank}."


def signed(value: Decimal) -> str:
    """A difference with its sign: '+0,5', '-1', '0'."""
    text = format_number(value)
    return f"+{text}" if value > 0 else text


def _dec(value: float) -> Decimal:
    """A workbook number as the decimal it was typed as (0.1 stays 0.1)."""
    return Decimal(str(value))


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file: every member's sheet."""
    return [Rendition(None, context(book, result))]
