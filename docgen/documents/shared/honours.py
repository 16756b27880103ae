"""Turn the workbook into what both achievement reports (a collective's, an individual's)
share: the awards already received, the cluster leader's confirmation, the unit's score and
rank (figures and their changes are `shared/figures.py`'s, as in the report).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.model import AwardReceived, Workbook
from docgen.rules import Outcome
from docgen.vi import format_number, short_date


def award_rows(book: Workbook, unit: str, *, titles: bool,
               person: str | None = None) -> list[dict[str, str]]:
    """The titles (or other awards) of a unit itself (`person` None) or of one of its
    people, oldest first; the template words the decision ('Quyết định số … ngày … của …'),
    leaving out a blank number or date."""
    if person is None:
        own = [a for a in book.awards_of(unit) if a.target == "collective"
               and not a.recipient and a.is_title == titles]
    else:
        own = [a for a in book.awards_of(unit) if a.target == "individual"
               and a.recipient == person and a.is_title == titles]
    return [{"year": str(a.year), "award": a.award, "number": a.decision or "",
             "date": short_date(a.decision_date) if a.decision_date else "",
             "decider": a.decider}
            for a in _by_year(own)]


def _by_year(awards: Iterable[AwardReceived]) -> list[AwardReceived]:
    return sorted(awards, key=lambda a: a.year)


def confirmation(book: Workbook, result: Outcome) -> dict[str, Any]:
    """The left signature block, pre-filled: the cluster leader confirms as the proposal is
    signed ('TM. CỤM THI ĐUA', 'CỤM TRƯỞNG', the leader's own title, name)."""
    signing = refs.signing(book, refs.PROPOSAL)
    return c.signature(signing, result.leader)


def title_lines(signed: dict[str, Any]) -> int:
    """How many upper-case lines a signature block from `c.signature` prints."""
    return len(signed["authority_lines"]) + (1 if signed["subtitle"] else 0)


def standing(book: Workbook, result: Outcome, unit: str) -> dict[str, Any] | None:
    """The unit's score and rank in the cluster; None when it is unranked. `leads`: ranked
    first alone; `tied`: the other units sharing its rank; `cluster`: 'Cụm' or 'Khối'."""
    ranked = result.ranked(unit)
    if ranked is None:
        return None
    tied = [other for other in result.sharing(ranked.rank) if other != unit]
    return {
        "total": format_number(ranked.total),
        "top": format_number(sum(x.max_points for x in book.criteria)),
        "rank": str(ranked.rank),
        "units": str(len(result.ranking)),
        "leads": ranked.rank == 1 and not tied,
        "tied": tied,
        "cluster": c.cluster_word(book),
    }


def standing_phrase(place: dict[str, Any]) -> str:
    """'đạt 98,5/100 điểm, xếp thứ 1/7, dẫn đầu Cụm'; '…, xếp thứ 1/7 (đồng hạng với …)'."""
    text = f"đạt {place['total']}/{place['top']} điểm, xếp thứ {place['rank']}/{place['units']}"
    if place["leads"]:
        return f"{text}, dẫn đầu {place['cluster']}"
    if place["tied"]:
        return f"{text} (đồng hạng với {', '.join(place['tied'])})"
    return text
