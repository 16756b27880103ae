"""Turn the workbook and the year's outcome into the danh-sach template context.

The list is the appendix of the proposal (Tờ trình) and cites it with the proposal's own
`reference` line: one block per award that has proposed nominees, the collectives and the
individuals of a block in separate tables.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared.awards import AWARDS, award_name
from docgen.documents.shared.references import reference
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardKind, Workbook
from docgen.rules import Outcome, VoteOutcome
from docgen.vi import format_number, roman, upper_vi

CODE = "danh-sach"


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the template prints, already formatted."""
    awards = [a for a in AWARDS if result.proposed_for(a)]
    names = [award_name(book, a) for a in awards or AWARDS]
    return {
        "year": book.cluster.year,
        "awards_upper": upper_vi(" và ".join(names)),
        "reference": reference(book),
        "blocks": [_block(book, result, award, i) for i, award in enumerate(awards, start=1)],
    }


def _block(book: Workbook, result: Outcome, award: AwardKind, index: int) -> dict[str, Any]:
    """One award's heading and its collectives and individuals tables."""
    proposed = result.proposed_for(award)
    collectives = [v for v in proposed if v.vote.target == "collective"]
    individuals = [v for v in proposed if v.vote.target == "individual"]
    # Number the parts the block has: "1. Cá nhân" when it lists no collective.
    parts = [label for label, rows in (("Tập thể", collectives), ("Cá nhân", individuals)) if rows]
    number = {label: f"{n}. {label}" for n, label in enumerate(parts, start=1)}
    return {
        "heading": f"{roman(index)}. {upper_vi(award_name(book, award))}",
        "collectives_heading": number.get("Tập thể", ""),
        "collectives": [_collective(book, v, i) for i, v in enumerate(collectives, start=1)],
        "individuals_heading": number.get("Cá nhân", ""),
        "individuals": [_individual(v, i) for i, v in enumerate(individuals, start=1)],
    }


def votes(v: VoteOutcome) -> str:
    """'7/7 (100,0%)'."""
    counted = f"{format_number(v.vote.votes_for)}/{format_number(v.vote.voters)}"
    return f"{counted} ({c.percent(v.percent)})"


def _collective(book: Workbook, v: VoteOutcome, stt: int) -> dict[str, str]:
    member = book.member(v.vote.unit)
    return {"stt": str(stt), "name": member.name, "address": member.address or member.place,
            "votes": votes(v), "note": ""}


def _individual(v: VoteOutcome, stt: int) -> dict[str, str]:
    """An individual's row; a birth year of unknown gender goes into the note."""
    vote = v.vote
    year = str(vote.birth_year) if vote.birth_year is not None else ""
    return {
        "stt": str(stt),
        "name": vote.person or "",
        "male": year if vote.gender == "male" else "",
        "female": year if vote.gender == "female" else "",
        "position": ", ".join(p for p in (vote.person_title, vote.unit) if p),
        "votes": votes(v),
        "note": f"Năm sinh: {year}" if year and vote.gender is None else "",
    }


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
