"""Turn the year's records into derived figures: totals, ranks, vote shares, who is proposed.

Pure functions over the model. The `Outcome` is computed once per build and fed to every
document, so all documents state the same results.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from docgen.model import AwardKind, Member, Vote, Workbook

Reason = Literal["proposed", "below_threshold", "over_quota"]


@dataclass(frozen=True)
class Ranked:
    """A member's total score and rank (equal totals share a rank)."""

    unit: str
    points: dict[str, float]
    total: float
    rank: int


@dataclass(frozen=True)
class VoteOutcome:
    """A nominee's ballot result and whether it is proposed, with the reason."""

    vote: Vote
    percent: Decimal
    threshold: float
    reason: Reason

    @property
    def proposed(self) -> bool:
        """True when the nominee goes into the proposal."""
        return self.reason == "proposed"


@dataclass(frozen=True)
class Outcome:
    """Everything the documents state about the year's results."""

    ranking: list[Ranked]
    votes: list[VoteOutcome]
    leader: Member
    deputy: Member
    leader_next: Member
    deputy_next: Member

    @property
    def proposed(self) -> list[VoteOutcome]:
        """The proposed nominees, flags first, in ballot order."""
        return [v for v in self.votes if v.proposed]

    def proposed_for(self, award: AwardKind) -> list[VoteOutcome]:
        """The proposed nominees for one award."""
        return [v for v in self.proposed if v.vote.award == award]


def rank(book: Workbook) -> list[Ranked]:
    """Rank members by total score, highest first.

    Equal totals share a rank and the next rank is skipped (1, 2, 2, 4); among equals the
    order is that of the members sheet.
    """
    order = {member.name: i for i, member in enumerate(book.members)}
    totals = [(s.unit, s.points, round(sum(s.points.values()), 2)) for s in book.scores]
    totals.sort(key=lambda t: (-t[2], order.get(t[0], len(order))))
    ranked: list[Ranked] = []
    for i, (unit, points, total) in enumerate(totals):
        shared = ranked and ranked[-1].total == total
        place = ranked[-1].rank if shared else i + 1
        ranked.append(Ranked(unit, dict(points), total, place))
    return ranked


def vote_percent(vote: Vote) -> Decimal:
    """Votes for as a percentage of all voters (exact; round only when printing)."""
    return Decimal(vote.votes_for) * 100 / Decimal(vote.voters)


def decide(book: Workbook, ranking: list[Ranked]) -> list[VoteOutcome]:
    """Decide each nominee: proposed, under the award's threshold, or beyond its quota.

    Within an award, nominees at or over the threshold are taken by vote share, then by
    score rank, then by ballot order, until the quota is filled.
    """
    settings = book.settings
    thresholds = {"flag": settings.flag_threshold, "merit": settings.merit_threshold}
    quotas = {"flag": settings.flag_quota, "merit": settings.merit_quota}
    rank_of = {r.unit: r.rank for r in ranking}
    reasons: dict[int, Reason] = {}
    for award in ("flag", "merit"):
        eligible = []
        for i, vote in enumerate(book.votes):
            if vote.award != award:
                continue
            if vote_percent(vote) < Decimal(str(thresholds[award])):
                reasons[i] = "below_threshold"
            else:
                eligible.append((-vote_percent(vote), rank_of.get(vote.unit, 10**6), i))
        for taken, (_, _, i) in enumerate(sorted(eligible)):
            reasons[i] = "proposed" if taken < quotas[award] else "over_quota"
    return [
        VoteOutcome(v, vote_percent(v), thresholds[v.award], reasons[i])
        for i, v in enumerate(book.votes)
    ]


def outcome(book: Workbook) -> Outcome:
    """Compute the year's results once."""
    ranking = rank(book)
    return Outcome(
        ranking=ranking,
        votes=decide(book, ranking),
        leader=book.with_role("leader"),
        deputy=book.with_role("deputy"),
        leader_next=book.with_role("leader", next_year=True),
        deputy_next=book.with_role("deputy", next_year=True),
    )
