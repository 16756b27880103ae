"""Turn the workbook and the year's outcome into the danh-sach template context.

The list is the appendix of the proposal (Tờ trình) and cites the proposal's number and date:
one block per award that has proposed nominees, the collectives and the individuals of a
block in separate tables. The fixed wording (the citing line, the part headings "Tập thể" and
"Cá nhân", the note on a birth year) lives in the template.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared.awards import counted, names
from docgen.documents.shared.references import PROPOSAL, proposal_number_line, signing
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardForm, Workbook
from docgen.rules import Outcome, VoteOutcome
from docgen.vi import full_date, roman, upper_vi

CODE = "danh-sach"


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the template prints, already formatted."""
    awards = result.awarded()
    return {
        "year": book.cluster.year,
        "awards_upper": upper_vi(names(awards or result.voted() or result.forms)),
        "cluster_name": book.cluster.name,
        "proposal": _proposal(book),
        "blocks": [_block(book, result, award, i) for i, award in enumerate(awards, start=1)],
    }


def _proposal(book: Workbook) -> dict[str, str]:
    """The cited proposal: `symbol` '16/TTr-CTĐ' (a blank number keeps the clerk's space,
    '      /TTr-CTĐ') and `date` 'ngày 22 tháng 12 năm 2021'."""
    return {
        "symbol": proposal_number_line(book).removeprefix("Số: "),
        "date": full_date(signing(book, PROPOSAL).date),
    }


def _block(book: Workbook, result: Outcome, award: AwardForm, index: int) -> dict[str, Any]:
    """One award's heading and its collectives and individuals tables (the template numbers
    the parts: "1. Cá nhân" when the block lists no collective)."""
    proposed = result.proposed_for(award)
    collectives = [v for v in proposed if v.vote.target == "collective"]
    individuals = [v for v in proposed if v.vote.target == "individual"]
    return {
        "heading": f"{roman(index)}. {upper_vi(award.full_name)}",
        "collectives": [_collective(book, v, i) for i, v in enumerate(collectives, start=1)],
        "individuals": [_individual(v, i) for i, v in enumerate(individuals, start=1)],
    }


def votes(v: VoteOutcome) -> str:
    """'7/7 (100,0%)'."""
    return f"{counted(v)} ({c.percent(v.percent)})"


def _collective(book: Workbook, v: VoteOutcome, stt: int) -> dict[str, str]:
    member = book.member(v.vote.unit)
    return {"stt": str(stt), "name": member.name, "address": member.address or member.place,
            "votes": votes(v), "note": ""}


def _individual(v: VoteOutcome, stt: int) -> dict[str, str]:
    """An individual's row; a birth year of unknown gender is `year_no_gender` ('' when the
    gender is known or the year blank), which the note column prints."""
    vote = v.vote
    year = str(vote.birth_year) if vote.birth_year is not None else ""
    return {
        "stt": str(stt),
        "name": vote.person or "",
        "male": year if vote.gender == "male" else "",
        "female": year if vote.gender == "female" else "",
        "position": ", ".join(p for p in (vote.person_title, vote.unit) if p),
        "votes": votes(v),
        "year_no_gender": year if vote.gender is None else "",
    }


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
