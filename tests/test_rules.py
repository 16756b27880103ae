"""Rules: ranks with ties, vote shares, thresholds and quotas, computed once for all documents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from docgen.documents.shared.common import percent
from docgen.intake import read_workbook
from docgen.model import AwardForm, Score, Vote, Workbook
from docgen.rules import outcome, rank

FLAG, MERIT = "Cờ thi đua", "Bằng khen"
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


def forms(book: Workbook, update: dict[str, dict[str, Any]]) -> list[AwardForm]:
    """The award table with some rows changed: {award name: {field: value}}."""
    return [f.model_copy(update=update.get(f.name, {})) for f in book.award_forms]


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


# (votes, award-table update, expected reasons in ballot order)
DECISIONS = [
    ("sample", [vote(ST, FLAG, 7), vote(KG, MERIT, 7)], {}, ["proposed", "proposed"]),
    ("under 80%", [vote(ST, FLAG, 5)], {}, ["below_threshold"]),
    ("exactly 80%", [vote(ST, FLAG, 4, voters=5)], {}, ["proposed"]),
    ("flag quota 1: higher share wins",
     [vote(KG, FLAG, 6), vote(ST, FLAG, 7)], {}, ["over_quota", "proposed"]),
    ("flag quota 1: equal share, better rank wins",
     [vote(KG, FLAG, 7), vote(ST, FLAG, 7)], {}, ["over_quota", "proposed"]),
    ("merit quota 2 of 3", [vote(KG, MERIT, 7), vote(CM, MERIT, 6), vote(AG, MERIT, 5)],
     {}, ["proposed", "proposed", "over_quota"]),
    ("merit threshold 50%", [vote(KG, MERIT, 3), vote(CM, MERIT, 4)], {},
     ["below_threshold", "proposed"]),
    ("quota raised", [vote(KG, MERIT, 7), vote(CM, MERIT, 6), vote(AG, MERIT, 5)],
     {MERIT: {"quota_collective": 3}}, ["proposed", "proposed", "proposed"]),
    ("threshold from the award table", [vote(ST, FLAG, 5)], {FLAG: {"threshold": 70}},
     ["proposed"]),
    ("more than half: exactly half is under", [vote(KG, MERIT, 4, voters=8),
                                                vote(CM, MERIT, 5, voters=8)],
     {MERIT: {"rule": "above"}}, ["below_threshold", "proposed"]),
    ("at least half: exactly half is in", [vote(KG, MERIT, 4, voters=8)], {},
     ["proposed"]),
    ("individuals have their own places",
     [vote(KG, MERIT, 7), vote(CM, MERIT, 7), vote(AG, MERIT, 7, person="Lê Thị Hoa"),
      vote(BL, MERIT, 6, person="Trần Văn Nam"), vote(HG, MERIT, 5, person="Võ Thị Mai")],
     {MERIT: {"quota_individual": 2}},
     ["proposed", "proposed", "proposed", "proposed", "over_quota"]),
    ("no places for individuals", [vote(AG, MERIT, 7, person="Lê Thị Hoa")],
     {MERIT: {"quota_individual": 0}}, ["over_quota"]),
    ("individual merit", [vote(KG, MERIT, 7), vote(CM, MERIT, 7, person="Lê Thị Hoa")],
     {}, ["proposed", "proposed"]),
]


@pytest.mark.parametrize(("name", "votes", "update", "reasons"), DECISIONS,
                         ids=[d[0] for d in DECISIONS])
def test_decide(book: Workbook, name: str, votes: list[Vote], update: dict[str, Any],
                reasons: list[str]) -> None:
    result = outcome(with_(book, votes=votes, award_forms=forms(book, update)))
    assert [v.reason for v in result.votes] == reasons


@pytest.mark.parametrize(("base", "counted", "reason"),
                         [("voters", 7, "below_threshold"), ("valid", 6, "proposed")])
def test_share_counted_on_what_the_award_says(book: Workbook, base: str, counted: int,
                                              reason: str) -> None:
    """5 votes for: 5/7 voters is 71,4% (under 80%), 5/6 valid ballots is 83,3%."""
    conference = book.conference.model_copy(update={"ballots_returned": 7, "ballots_valid": 6})
    result = outcome(with_(book, conference=conference, votes=[vote(ST, FLAG, 5)],
                           award_forms=forms(book, {FLAG: {"base": base}})))
    assert (result.votes[0].base, result.votes[0].reason) == (counted, reason)


@pytest.mark.parametrize(
    ("votes_for", "voters", "exact", "printed"),
    [(7, 7, Decimal(100), "100%"), (6, 7, Decimal(600) / 7, "85,7%"),
     (4, 5, Decimal(80), "80%"), (1, 3, Decimal(100) / 3, "33,3%"),
     (2, 3, Decimal(200) / 3, "66,7%")],
)
def test_vote_share(book: Workbook, votes_for: int, voters: int, exact: Decimal,
                    printed: str) -> None:
    result = outcome(with_(book, votes=[vote(ST, FLAG, votes_for, voters=voters)]))
    assert result.votes[0].percent == exact
    assert percent(result.votes[0].percent) == printed


def test_outcome_of_the_sample(book: Workbook) -> None:
    result = outcome(book)
    assert [(v.vote.unit, v.vote.award) for v in result.proposed] == [(ST, FLAG), (KG, MERIT)]
    assert (result.leader.name, result.deputy.name) == (BL, KG)
    assert (result.leader_next.name, result.deputy_next.name) == (KG, CM)
