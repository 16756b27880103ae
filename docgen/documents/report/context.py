"""Turn the workbook and the year's outcome into the summary report's template context."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.awards import votes_context
from docgen.documents.shared.meeting import (
    conference_sentence,
    election_sentence,
    scores_context,
)
from docgen.documents.shared.rendition import Rendition
from docgen.model import DocumentCode, Workbook
from docgen.rules import Outcome
from docgen.vi import format_number

CODE: DocumentCode = "bao-cao-tong-ket"
NARRATIVE_KEYS = {
    "I.1": "i1", "I.2": "i2", "I.3": "i3", "I.4": "i4", "I.5": "i5",
    "II.1": "ii1", "II.2": "ii2", "II.3": "ii3", "III": "iii", "IV": "iv",
}
MONEY_FIELDS = ("violations_money", "recovery_money")
RESULT_FIELDS = ("inspections", "violations_money", "recovery_money", "violations_land",
                 "disciplined", "transferred", "receptions", "petitions")


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the summary report's template prints, already formatted."""
    signing = refs.signing(book, CODE)
    year = book.cluster.year
    doc = c.issued(book, signing, CODE, result.leader)
    return {
        "doc": doc,
        "year": year,
        "next_year": year + 1,
        "cluster_name": book.cluster.name,
        "basis": _basis(book),
        "narr": _narratives(book),
        "directives": c.listed([c.citation(x) for x in book.citations if x.role == "directive"]),
        "movements": c.listed([m.name for m in book.movements]),
        "registration": _registration(book),
        **_results(book),
        "award_rows": _awards(book),
        "conference_sentence": conference_sentence(book, book.conference),
        **scores_context(book, result),
        **votes_context(book, result),
        "election_sentence": election_sentence(book, result),
    }


def _basis(book: Workbook) -> list[str]:
    """The cited texts after 'Căn cứ' (the template's word), ';' after each, '.' last."""
    return c.listed([c.citation(x) for x in book.citations if x.role == "basis"], prefix="")


def _narratives(book: Workbook) -> dict[str, list[str]]:
    narr: dict[str, list[str]] = {key: [] for key in NARRATIVE_KEYS.values()}
    for paragraph in book.narratives:
        narr[NARRATIVE_KEYS[paragraph.section]].append(paragraph.text)
    return narr


def _registration(book: Workbook) -> dict[str, str]:
    """Who registered for the year's movements, over the members' totals: `collectives`
    '6/6' and `collectives_share` '100%', the same for `individuals`."""
    regs = book.registration
    col = sum(r.collectives_registered for r in regs), sum(r.collectives for r in regs)
    ind = sum(r.individuals_registered for r in regs), sum(r.individuals for r in regs)
    return {
        "collectives": _ratio(*col), "collectives_share": c.share(*col),
        "individuals": _ratio(*ind), "individuals_share": c.share(*ind),
    }


def _ratio(part: int, whole: int) -> str:
    """'412/415'."""
    return f"{format_number(part)}/{format_number(whole)}"


def _results(book: Workbook) -> dict[str, Any]:
    rows = []
    for i, r in enumerate(book.results, start=1):
        row = {f: _figure(f, getattr(r, f)) for f in RESULT_FIELDS}
        rows.append({"stt": str(i), "unit": book.member(r.unit).short_name, **row})
    total = {f: _figure(f, sum(getattr(r, f) for r in book.results)) for f in RESULT_FIELDS}
    return {"results_rows": rows, "results_total": total}


def _figure(field: str, value: float) -> str:
    """A results figure as printed; money in millions of đồng (the table's unit), exact to
    the thousand."""
    if field in MONEY_FIELDS:
        return format_number(Decimal(int(value)) / 1_000_000)
    return format_number(value)


def _awards(book: Workbook) -> list[dict[str, str]]:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for award in book.awards:
        if award.year == book.cluster.year:
            slot = 0 if award.target == "collective" else 1
            counts[(award.award, award.decider)][slot] += award.count
    return [
        {"stt": str(i), "award": award, "decider": decider,
         "collectives": format_number(n[0]), "individuals": format_number(n[1])}
        for i, ((award, decider), n) in enumerate(counts.items(), start=1)
    ]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
