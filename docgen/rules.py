"""Turn the year's records into derived figures: totals, ranks, vote shares, who is proposed.

Pure functions over the model. The `Outcome` is computed once per build and fed to every
document, so all documents state the same results.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Literal

from docgen.model import AwardForm, Comparison, Member, Target, Vote, Workbook

Reason = Literal["proposed", "below_threshold", "over_quota"]
TieBreak = Literal["rank", "order", "ballot"]


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
    base: int  # what the share is counted on: the row's voters, or the valid ballots
    form: AwardForm
    reason: Reason
    # For a nominee beyond the quota: the last nominee taken, and what set them apart when
    # their shares are equal ("rank": the score ranking; "order": the members sheet;
    # "ballot": the votes sheet's order, between nominees of one unit).
    after: Vote | None = None
    decided_by: TieBreak | None = None

    @property
    def proposed(self) -> bool:
        """True when the nominee goes into the proposal."""
        return self.reason == "proposed"

    @property
    def threshold(self) -> float:
        """The award's vote threshold, in percent."""
        return self.form.threshold


@dataclass(frozen=True)
class Outcome:
    """Everything the documents state about the year's results."""

    ranking: list[Ranked]
    votes: list[VoteOutcome]
    leader: Member
    deputy: Member
    leader_next: Member
    deputy_next: Member

    forms: list[AwardForm]  # the award table, in order of precedence

    def ranked(self, unit: str) -> Ranked | None:
        """The unit's line of the ranking, or None when it is unranked."""
        return self._by_unit.get(unit)

    def sharing(self, rank: int) -> list[str]:
        """The units ranked `rank`, in the ranking's order."""
        return self._by_rank.get(rank, [])

    # Looked up once per document of each member: kept, so a large cluster's documents do
    # not scan the whole ranking for every member.
    @cached_property
    def _by_unit(self) -> dict[str, Ranked]:
        found: dict[str, Ranked] = {}
        for line in self.ranking:
            found.setdefault(line.unit, line)
        return found

    @cached_property
    def _by_rank(self) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for line in self.ranking:
            found.setdefault(line.rank, []).append(line.unit)
        return found

    @property
    def proposed(self) -> list[VoteOutcome]:
        """The proposed nominees, in ballot order."""
        return [v for v in self.votes if v.proposed]

    def proposed_for(self, award: AwardForm) -> list[VoteOutcome]:
        """The proposed nominees for one award."""
        return [v for v in self.proposed if v.vote.award == award.name]

    def awarded(self) -> list[AwardForm]:
        """The awards with at least one proposed nominee, highest first."""
        return [form for form in self.forms if self.proposed_for(form)]

    def voted(self) -> list[AwardForm]:
        """The awards put to the vote, highest first."""
        return [form for form in self.forms if any(v.vote.award == form.name
                                                   for v in self.votes)]


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


def share_base(book: Workbook, form: AwardForm, vote: Vote) -> int:
    """What a vote's share is counted on: its voters (all council members, written opinions
    included), or the conference's valid ballots, as its award says."""
    return book.conference.ballots_valid if form.base == "valid" else vote.voters


def vote_percent(votes_for: int, base: int) -> Decimal:
    """Votes for as a percentage of the base (exact; round only when printing)."""
    return Decimal(votes_for) * 100 / Decimal(base) if base else Decimal(0)


def meets(percent: Decimal, threshold: float, rule: Comparison) -> bool:
    """Whether a share meets a threshold: 'từ … % trở lên' (at least) or 'trên … %'."""
    limit = Decimal(str(threshold))
    return percent >= limit if rule == "at_least" else percent > limit


def decide(book: Workbook, ranking: list[Ranked]) -> list[VoteOutcome]:
    """Decide each nominee: proposed, under the award's threshold, or beyond its quota.

    Each award has its own threshold, comparison and places, for collectives and for
    individuals apart. Within an award and a kind of nominee, those meeting the threshold
    are taken by vote share, then by the score rank of their unit, then by the members
    sheet's order, then by ballot order, until the places are filled; a nominee left out
    says which of these decided it.
    """
    rank_of = {r.unit: r.rank for r in ranking}
    order_of = {member.name: i for i, member in enumerate(book.members)}
    outcomes: dict[int, VoteOutcome] = {}
    groups: dict[tuple[str, Target], list[int]] = {}
    for i, vote in enumerate(book.votes):
        groups.setdefault((vote.award, vote.target), []).append(i)
    for (award, target), members in groups.items():
        form = book.award_form(award)
        eligible = []
        for i in members:
            vote = book.votes[i]
            base = share_base(book, form, vote)
            percent = vote_percent(vote.votes_for, base)
            if not meets(percent, form.threshold, form.rule):
                outcomes[i] = VoteOutcome(vote, percent, base, form, "below_threshold")
            else:
                key = (-percent, rank_of.get(vote.unit, 10**6), order_of.get(vote.unit, 10**6))
                eligible.append((key, i, base))
        eligible.sort()
        places = form.quota(target)
        for taken, (key, i, base) in enumerate(eligible):
            vote = book.votes[i]
            percent = -key[0]
            if taken < places:
                outcomes[i] = VoteOutcome(vote, percent, base, form, "proposed")
                continue
            last = eligible[places - 1] if places > 0 else None
            outcomes[i] = VoteOutcome(vote, percent, base, form, "over_quota",
                                      book.votes[last[1]] if last else None,
                                      _tie_break(last[0], key) if last else None)
    return [outcomes[i] for i in range(len(book.votes))]


def _tie_break(last: tuple[Decimal, int, int], left: tuple[Decimal, int, int]
               ) -> TieBreak | None:
    """What set a nominee left out apart from the last one taken, when shares are equal."""
    if last[0] != left[0]:
        return None
    if last[1] != left[1]:
        return "rank"
    return "order" if last[2] != left[2] else "ballot"


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
        forms=list(book.award_forms),
    )
