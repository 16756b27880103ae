"""Turn the year's records into derived figures: totals, ranks, vote shares, who is proposed.

Pure functions over the model. The `Outcome` is computed once per build and fed to every
document, so all documents state the same results.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from docgen.model import AwardKind, Comparison, Member, Target, Vote, Workbook

Reason = Literal["proposed", "below_threshold", "over_quota"]
TieBreak = Literal["rank", "order"]


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
    # For a nominee beyond the quota: the last nominee taken, and what set them apart when
    # their shares are equal ("rank": the score ranking; "order": the members sheet).
    after: Vote | None = None
    decided_by: TieBreak | None = None

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


def meets(percent: Decimal, threshold: float, rule: Comparison) -> bool:
    """Whether a share meets a threshold: 'từ … % trở lên' (at least) or 'trên … %'."""
    limit = Decimal(str(threshold))
    return percent >= limit if rule == "at_least" else percent > limit


def decide(book: Workbook, ranking: list[Ranked]) -> list[VoteOutcome]:
    """Decide each nominee: proposed, under the award's threshold, or beyond its quota.

    Collectives and individuals have separate quotas. Within an award and a kind of
    nominee, those meeting the threshold are taken by vote share, then by the score rank
    of their unit, then by the members sheet's order, then by ballot order, until the
    quota is filled; a nominee left out says which of these decided it.
    """
    settings = book.settings
    rank_of = {r.unit: r.rank for r in ranking}
    order_of = {member.name: i for i, member in enumerate(book.members)}
    outcomes: dict[int, VoteOutcome] = {}
    groups: dict[tuple[AwardKind, Target], list[int]] = {}
    for i, vote in enumerate(book.votes):
        groups.setdefault((vote.award, vote.target), []).append(i)
    for (award, target), members in groups.items():
        threshold, rule = settings.threshold(award), settings.rule(award)
        eligible = []
        for i in members:
            vote = book.votes[i]
            percent = vote_percent(vote)
            if not meets(percent, threshold, rule):
                outcomes[i] = VoteOutcome(vote, percent, threshold, "below_threshold")
            else:
                key = (-percent, rank_of.get(vote.unit, 10**6), order_of.get(vote.unit, 10**6))
                eligible.append((key, i))
        eligible.sort()
        places = settings.quota(award, target)
        for taken, (key, i) in enumerate(eligible):
            vote = book.votes[i]
            if taken < places:
                outcomes[i] = VoteOutcome(vote, vote_percent(vote), threshold, "proposed")
                continue
            last = eligible[places - 1] if places > 0 else None
            outcomes[i] = VoteOutcome(vote, vote_percent(vote), threshold, "over_quota",
                                      book.votes[last[1]] if last else None,
                                      _tie_break(last[0], key) if last else None)
    return [outcomes[i] for i in range(len(book.votes))]


def _tie_break(last: tuple[Decimal, int, int], left: tuple[Decimal, int, int]
               ) -> TieBreak | None:
    """What set a nominee left out apart from the last one taken, when shares are equal."""
    if last[0] != left[0]:
        return None
    return "rank" if last[1] != left[1] else "order"


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
