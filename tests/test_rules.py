"""Rules: ranks with ties, vote shares, thresholds and quotas, computed once for all documents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from docgen.documents.shared.common import percent
from docgen.intake import read_workbook
from docgen.model import Score, Settings, Vote, Workbook
from docgen.rules import outcome, rank

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "cum-ix-2021.xlsx"
BL, KG, CM, ST, HG, CT, AG = (
    "Thanh tra tỉnh Bạc Liêu", "Thanh tra tỉnh Kiên Giang", "Thanh tra tỉnh Cà Mau",
    "Thanh tra tỉnh Sóc Trăng", "Thanh tra tỉnh Hậu Giang", "Thanh tra thành phố Cần Thơ",
    "Thanh tra tỉnh An Giang",
)


@pytest.fixture(scope="module")
def book() -> Workbook:
    return read_workbook(SAMPLE)


def with_(book: Workbook, **update: Any) -> Workbook:
    return book.model_copy(update=update)


def score(unit: str, *points: float) -> Score:
    return Score(unit=unit, points={f"TC{i}": p for i, p in enumerate(points, start=1)})


def vote(unit: str, award: str, votes_for: int, voters: int = 7, person: str | None = None
         ) -> Vote:
    target = "individual" if person else "collective"
    return Vote(target=target, unit=unit, award=award, votes_for=votes_for, voters=voters,
                person=person)


def settings(book: Workbook, **update: Any) -> Settings:
    return book.settings.model_copy(update=update)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        # equal totals share a rank, the next rank is skipped, members-sheet order among equals
        ([score(AG, 50, 45), score(HG, 50, 40), score(KG, 60, 35), score(ST, 70, 29)],
         [(ST, 99, 1), (KG, 95, 2), (AG, 95, 2), (HG, 90, 4)]),
        ([score(CM, 40), score(BL, 40), score(HG, 40)], [(BL, 40, 1), (CM, 40, 1), (HG, 40, 1)]),
        ([score(CM, 10.75), score(BL, 10.25, 0.5)], [(BL, 10.75, 1), (CM, 10.75, 1)]),
        ([score(BL, 1), score(CM, 3), score(HG, 2)], [(CM, 3, 1), (HG, 2, 2), (BL, 1, 3)]),
    ],
    ids=["tie-after-first", "all-equal", "fractions", "distinct"],
)
def test_rank(book: Workbook, scores: list[Score], expected: list[tuple[str, float, int]]) -> None:
    ranked = rank(with_(book, scores=scores))
    assert [(r.unit, r.total, r.rank) for r in ranked] == expected


# (votes, settings update, expected reasons in ballot order)
DECISIONS = [
    ("sample", [vote(ST, "flag", 7), vote(KG, "merit", 7)], {}, ["proposed", "proposed"]),
    ("under 80%", [vote(ST, "flag", 5)], {}, ["below_threshold"]),
    ("exactly 80%", [vote(ST, "flag", 4, voters=5)], {}, ["proposed"]),
    ("flag quota 1: higher share wins",
     [vote(KG, "flag", 6), vote(ST, "flag", 7)], {}, ["over_quota", "proposed"]),
    ("flag quota 1: equal share, better rank wins",
     [vote(KG, "flag", 7), vote(ST, "flag", 7)], {}, ["over_quota", "proposed"]),
    ("merit quota 2 of 3", [vote(KG, "merit", 7), vote(CM, "merit", 6), vote(AG, "merit", 5)],
     {}, ["proposed", "proposed", "over_quota"]),
    ("merit threshold 50%", [vote(KG, "merit", 3), vote(CM, "merit", 4)], {},
     ["below_threshold", "proposed"]),
    ("quota raised", [vote(KG, "merit", 7), vote(CM, "merit", 6), vote(AG, "merit", 5)],
     {"merit_quota": 3}, ["proposed", "proposed", "proposed"]),
    ("threshold from settings", [vote(ST, "flag", 5)], {"flag_threshold": 70},
     ["proposed"]),
    ("individual merit", [vote(KG, "merit", 7), vote(CM, "merit", 7, person="Lê Thị Hoa")],
     {}, ["proposed", "proposed"]),
]


@pytest.mark.parametrize(("name", "votes", "update", "reasons"), DECISIONS,
                         ids=[d[0] for d in DECISIONS])
def test_decide(book: Workbook, name: str, votes: list[Vote], update: dict[str, Any],
                reasons: list[str]) -> None:
    result = outcome(with_(book, votes=votes, settings=settings(book, **update)))
    assert [v.reason for v in result.votes] == reasons


@pytest.mark.parametrize(
    ("votes_for", "voters", "exact", "printed"),
    [(7, 7, Decimal(100), "100,0%"), (6, 7, Decimal(600) / 7, "85,7%"),
     (4, 5, Decimal(80), "80,0%"), (1, 3, Decimal(100) / 3, "33,3%"),
     (2, 3, Decimal(200) / 3, "66,7%")],
)
def test_vote_share(book: Workbook, votes_for: int, voters: int, exact: Decimal,
                    printed: str) -> None:
    result = outcome(with_(book, votes=[vote(ST, "flag", votes_for, voters=voters)]))
    assert result.votes[0].percent == exact
    assert percent(result.votes[0].percent) == printed


def test_outcome_of_the_sample(book: Workbook) -> None:
    result = outcome(book)
    assert [(v.vote.unit, v.vote.award) for v in result.proposed] == [(ST, "flag"), (KG, "merit")]
    assert (result.leader.name, result.deputy.name) == (BL, KG)
    assert (result.leader_next.name, result.deputy_next.name) == (KG, CM)
