"""Turn the workbook and the year's outcome into one achievement-report context per unit.

Each proposed collective gets its own report (NĐ 98/2023 Mẫu 02, skeleton of NĐ 91/2017
Mẫu 01) under its own header, pre-filled with the workbook's figures for the unit to
complete and sign. Individuals get none here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardReceived, DocumentCode, Member, Workbook
from docgen.rules import Outcome, VoteOutcome
from docgen.vi import date_line, format_number, name_key, short_date, upper_vi

CODE = "bao-cao-thanh-tich"
PROPOSAL: DocumentCode = "to-trinh"
INSPECTORATE = "Thanh tra "


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """One rendition per proposed collective; its part is the unit's short name.

    A unit proposed for both awards gets two reports, told apart by the award's name.
    """
    chosen = [v for v in result.proposed if v.vote.target == "collective"]
    units = [v.vote.unit for v in chosen]
    return [Rendition(_part(book, v, twice=units.count(v.vote.unit) > 1), context(book, result, v))
            for v in chosen]


def _part(book: Workbook, v: VoteOutcome, *, twice: bool) -> str:
    short = book.member(v.vote.unit).short_name
    return f"{short} {v.form.full_name}" if twice else short


def context(book: Workbook, result: Outcome, v: VoteOutcome) -> dict[str, Any]:
    """Every value one unit's report prints, already formatted.

    The template holds the fixed wording (the unit's functions, the sentences of figures,
    rank and ballot, the closing); the context gives names, figures and dates.
    """
    signing = refs.signing(book, PROPOSAL)
    member = book.member(v.vote.unit)
    award = v.form.full_name
    return {
        "doc": {
            "superior_lines": [upper_vi(member.superior)] if member.superior else [],
            "issuer_lines": [upper_vi(member.name)],
            "date_line": date_line(member.place, signing.date),
        },
        "year": book.cluster.year,
        "cluster_name": book.cluster.name,
        "superior_body": book.cluster.superior_body,
        "decider": v.form.decider,
        "award": award,
        "award_upper": upper_vi(award),
        **_unit(member),
        "results": _results(book, member),
        "registration": _registration(book, member),
        "ranking": _ranking(book, result, member),
        "ballot": _ballot(book, v),
        "titles": _award_rows(book, member, titles=True),
        "merits": _award_rows(book, member, titles=False),
    }


def _unit(member: Member) -> dict[str, str]:
    """The unit's name, contacts ('' when the workbook has none), head and committee."""
    return {
        "unit_name": member.name,
        "address": member.address or "",
        "phone": member.phone or "",
        "head_name": member.head_name,
        "head_title": member.head_title,
        "place": member.place,
        "committee": committee(member) or "",
    }


def locality(member: Member) -> str | None:
    """'tỉnh Sóc Trăng' from 'Thanh tra tỉnh Sóc Trăng'; None for other kinds of name."""
    if name_key(member.name).startswith(name_key(INSPECTORATE)):
        return member.name[len(INSPECTORATE):].strip() or None
    return None


def committee(member: Member) -> str | None:
    """'Ủy ban nhân dân tỉnh Sóc Trăng': the People's Committee a provincial inspectorate
    belongs to; None for a unit that is no provincial inspectorate (a department, a ward),
    whose report then claims no inspectorate's functions."""
    place = locality(member)
    return f"Ủy ban nhân dân {place}" if place else None


def figure(value: float) -> str:
    """A figure as printed ('15.862.000.000'); '' for zero, which the report leaves out."""
    return format_number(value) if value else ""


def _results(book: Workbook, member: Member) -> dict[str, str] | None:
    """The year's figures, formatted; None when the results sheet lacks the unit."""
    row = next((r for r in book.results if r.unit == member.name), None)
    if row is None:
        return None
    return {
        "inspections": format_number(row.inspections),
        "violations_money": figure(row.violations_money),
        "violations_land": figure(row.violations_land),
        "recovery_money": figure(row.recovery_money),
        "disciplined": figure(row.disciplined),
        "transferred": figure(row.transferred),
        "receptions": format_number(row.receptions),
        "petitions": format_number(row.petitions),
    }


def _registration(book: Workbook, member: Member) -> dict[str, str] | None:
    """How many collectives and individuals registered; None when the sheet lacks the unit."""
    reg = next((r for r in book.registration if r.unit == member.name), None)
    if reg is None:
        return None
    return {
        "collectives": format_number(reg.collectives),
        "collectives_registered": format_number(reg.collectives_registered),
        "individuals": format_number(reg.individuals),
        "individuals_registered": format_number(reg.individuals_registered),
    }


def _ranking(book: Workbook, result: Outcome, member: Member) -> dict[str, str] | None:
    """Score, top score, rank and number of ranked units; None when the unit is unranked."""
    ranked = next((r for r in result.ranking if r.unit == member.name), None)
    if ranked is None:
        return None
    return {
        "total": format_number(ranked.total),
        "top": format_number(sum(x.max_points for x in book.criteria)),
        "rank": str(ranked.rank),
        "units": str(len(result.ranking)),
    }


def _ballot(book: Workbook, v: VoteOutcome) -> dict[str, str]:
    """The conference's date and the nominee's votes for, voters and share."""
    return {
        "date": short_date(book.conference.date),
        "votes_for": str(v.vote.votes_for),
        "voters": str(v.base),
        "percent": c.percent(v.percent),
    }


def _award_rows(book: Workbook, member: Member, *, titles: bool) -> list[dict[str, str]]:
    """The unit's own titles (or other awards), oldest first; the template words the
    decision ('Quyết định số … ngày … của …'), leaving out a blank number or date."""
    own = [a for a in book.awards
           if a.unit == member.name and a.target == "collective" and not a.recipient
           and a.is_title == titles]
    return [{"year": str(a.year), "award": a.award, "number": a.decision or "",
             "date": short_date(a.decision_date) if a.decision_date else "",
             "decider": a.decider}
            for a in _by_year(own)]


def _by_year(awards: Iterable[AwardReceived]) -> list[AwardReceived]:
    return sorted(awards, key=lambda a: a.year)
