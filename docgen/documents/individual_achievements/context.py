"""Turn the workbook and the year's outcome into one achievement-report context per
proposed individual (NĐ 91/2017 Mẫu 02; the individual's công trạng form of NĐ 98/2023).

The report is the person's own paper, under their unit's header: docgen fills what the
workbook knows (name, birth year, gender, unit, title, the unit's score and rank, the
person's earlier awards) and the template marks with "[Bổ sung: …]" what only the person
can write (day and month of birth, home town, qualifications, duties, achievements).
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import honours as h
from docgen.documents.shared import references as refs
from docgen.documents.shared.rendition import Rendition
from docgen.model import Workbook
from docgen.rules import Outcome, VoteOutcome
from docgen.vi import date_line, upper_vi

GENDERS = {"male": "Nam", "female": "Nữ"}


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """One rendition per proposed individual; its part is the unit's short name and the
    person's name (so two people of one unit get two files), with the award's name when
    one person is proposed for two awards."""
    chosen = [v for v in result.proposed if v.vote.target == "individual"]
    keys = [(v.vote.unit, v.vote.person) for v in chosen]
    return [Rendition(_part(book, v, twice=keys.count((v.vote.unit, v.vote.person)) > 1),
                      context(book, result, v)) for v in chosen]


def _part(book: Workbook, v: VoteOutcome, *, twice: bool) -> str:
    part = f"{book.member(v.vote.unit).short_name} {v.vote.person or ''}".strip()
    return f"{part} {v.form.full_name}" if twice else part


def context(book: Workbook, result: Outcome, v: VoteOutcome) -> dict[str, Any]:
    """Every value one person's report prints, already formatted; '' for what the workbook
    does not know (the template then asks for it)."""
    signing = refs.signing(book, refs.PROPOSAL)
    member = book.member(v.vote.unit)
    vote = v.vote
    award = v.form.full_name
    place = h.standing(book, result, member.name)
    person = vote.person or ""
    return {
        "doc": {
            "superior_lines": c.header_lines([member.superior] if member.superior else []),
            "issuer_lines": c.header_lines([member.name]),
            "date_line": date_line(member.place, signing.date),
        },
        "year": book.cluster.year,
        "decider": v.form.decider,
        "award": award,
        "award_upper": upper_vi(award),
        "person": person,
        "birth_year": str(vote.birth_year) if vote.birth_year else "",
        "gender": GENDERS[vote.gender] if vote.gender else "",
        "person_title": vote.person_title or "",
        "unit_name": member.name,
        "head_name": member.head_name,
        "unit_standing": _standing(book, member.name, person, place),
        "titles": h.award_rows(book, member.name, titles=True, person=person),
        "merits": h.award_rows(book, member.name, titles=False, person=person),
    }


def _standing(book: Workbook, unit: str, person: str, place: dict[str, Any] | None) -> str:
    """The unit's result in the cluster, as context for the person's achievements; '' when
    the unit is unranked."""
    if place is None:
        return ""
    return (f"Kết quả chấm điểm thi đua năm {book.cluster.year} của {book.cluster.name}: "
            f"{unit}, nơi {person} công tác, {h.standing_phrase(place)}.")
