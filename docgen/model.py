"""Turn validated workbook values into typed records of one cluster's year.

Every record keeps the place it was read from (`Source`), so later stages can name the
sheet and cell when a rule finds a problem. Nothing here imports a spreadsheet or document
library.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["leader", "deputy", "member"]
Target = Literal["collective", "individual"]
# Who an award may go to: collectives, individuals, or both.
Targets = Literal["collective", "individual", "both"]
# How a vote share meets a threshold: "từ … % trở lên" (at least) or "trên … %" (more than).
Comparison = Literal["at_least", "above"]
# What a vote share is counted on: the vote row's voters (all council members, written
# opinions included) or the conference's valid ballots.
ShareBase = Literal["voters", "valid"]
MeetingForm = Literal["online", "in_person", "hybrid"]
CitationRole = Literal["basis", "directive", "award_basis"]
Gender = Literal["male", "female"]
MovementKind = Literal["regular", "thematic"]
# How a person is at the conference: present, absent with a written opinion, absent, or a
# guest (of the superior body or another body; guests do not vote).
AttendanceStatus = Literal["present", "written", "absent", "guest"]
# A place on the vote-counting board (Ban kiểm phiếu).
CountingDuty = Literal["head", "member"]
# How many of the members must be present for the meeting to vote: more than half, at least
# two thirds, or all of them.
Quorum = Literal["half", "two_thirds", "all"]
DocumentCode = Literal["bao-cao-tong-ket", "bien-ban", "to-trinh", "ke-hoach", "giao-uoc",
                       "giay-moi", "thong-bao-ket-luan", "bao-cao-so-ket"]
# The period a workbook reports on: the whole year, or its first six months (sơ kết).
Period = Literal["year", "half"]
# How ballots are printed: one per A5 sheet, or two per A4 sheet to cut in half.
BallotPaper = Literal["a5", "a4_half"]


class Source(BaseModel):
    """Where a record was read: sheet title, row (1-based) and each field's cell."""

    model_config = ConfigDict(frozen=True)

    sheet: str
    row: int
    cells: dict[str, str] = {}

    def cell(self, field: str) -> str | None:
        """Return the A1 reference (such as 'C7') of a field, or None if unknown."""
        return self.cells.get(field)


class Record(BaseModel):
    """Base of every row-shaped record; a field it does not declare is an error, never
    dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: Source | None = Field(default=None, repr=False, exclude=True)


class Cluster(Record):
    """The cluster's identity and the year being summed up."""

    name: str
    number: int
    year: int
    superior: list[str] = []
    issuer: list[str]
    issuer_abbr: str
    issued_as: Literal["cluster", "leader"] = "cluster"
    superior_body: str
    superior_head: str


class Member(Record):
    """A member inspectorate of the cluster."""

    name: str
    short_name: str
    place: str
    superior: str | None = None
    abbr: str | None = None
    address: str | None = None
    phone: str | None = None
    head_name: str
    head_title: str
    role: Role
    role_next: Role


class Citation(Record):
    """A cited document (plan, directive, law ...)."""

    role: CitationRole
    kind: str
    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    subject: str | None = None


class Conference(Record):
    """The year-end conference where scores and votes were taken."""

    date: dt.date
    start: dt.time
    end: dt.time
    form: MeetingForm
    venue: str
    bridges: list[str] = []
    chair: str
    chair_title: str
    co_chair: str | None = None
    co_chair_title: str | None = None
    secretary: str
    secretary_title: str
    attendees: str
    ballots_issued: int = 0  # required for the year-end period (checked at intake)
    ballots_returned: int = 0
    ballots_valid: int = 0
    invalid_reasons: str | None = None  # why ballots were invalid, when some were
    agenda: list[str] = []  # the meeting's items, in order
    discussion: str | None = None  # members' opinions; what the meeting adopted
    leader_votes: int | None = None  # ballots for next year's leader (of the valid ones)
    deputy_votes: int | None = None  # ballots for next year's deputy
    minutes_copies: int | None = None  # "Biên bản được lập thành … bản"
    quorum: Quorum = "two_thirds"
    # The invitation (Giấy mời): who of each member is invited, what to send beforehand
    # and by when, and whom to call.
    invited: str | None = None  # "Chánh Thanh tra và 01 lãnh đạo phòng nghiệp vụ"
    prepare: list[str] = []  # papers to send before the conference
    prepare_deadline: dt.date | None = None
    contact: str | None = None  # "Ông Trần Văn Bình, Chánh Văn phòng Thanh tra tỉnh …"
    contact_phone: str | None = None
    # The conference's conclusions (Thông báo kết luận): the chair's closing words.
    conclusions: str | None = None


class Attendee(Record):
    """A person at (or excused from) the conference: who, for which unit, and how."""

    status: AttendanceStatus
    unit: str  # a member's full name (resolved at intake), or a guest's body as typed
    name: str
    title: str
    counting: CountingDuty | None = None


class Movement(Record):
    """A movement launched during the year."""

    name: str
    kind: MovementKind


class Registration(Record):
    """How many collectives and individuals of a member registered to compete."""

    unit: str
    collectives: int
    collectives_registered: int
    individuals: int
    individuals_registered: int


class Results(Record):
    """A member's figures for the year's political tasks (this year's, or the previous
    year's for comparison)."""

    unit: str
    year: int | None = None  # None: the year being summed up
    inspections: int
    violations_money: int
    recovery_money: int
    violations_land: float
    disciplined: int
    transferred: int
    receptions: int
    petitions: int


class Criterion(Record):
    """A scoring criterion with its maximum points."""

    code: str
    name: str
    max_points: float


class Score(Record):
    """A member's points on each criterion, keyed by criterion code."""

    unit: str
    points: dict[str, float]


class SelfScore(Record):
    """A member's self-assessed points on one criterion, and the points the cluster added or
    took away on checking (with the reason); the cluster's score is in `Score`."""

    unit: str
    criterion: str  # a `Criterion.code` (resolved at intake)
    self_points: float
    plus: float = 0
    minus: float = 0
    reason: str | None = None


class AwardReceived(Record):
    """An award a member (or one of its people) received."""

    year: int
    unit: str
    target: Target
    recipient: str | None = None
    award: str
    is_title: bool
    count: int
    decision: str | None = None
    decision_date: dt.date | None = None
    decider: str


class Vote(Record):
    """The ballot result for one nominee and one award."""

    target: Target
    unit: str
    person: str | None = None
    person_title: str | None = None
    birth_year: int | None = None
    gender: Gender | None = None
    award: str  # the `AwardForm.name` it is proposed for (resolved at intake)
    votes_for: int
    voters: int


class Narrative(Record):
    """A paragraph of prose typed by staff for a report section."""

    section: str
    text: str


class PlanItem(Record):
    """A point of next year's launch plan."""

    part: str
    text: str


class Milestone(Record):
    """A task with its deadline and the unit responsible."""

    task: str
    deadline: str
    responsible: str


class Commitment(Record):
    """A target of next year's emulation pact, under the scoring criterion it counts for."""

    area: str
    text: str
    criterion: str | None = None  # a `Criterion.code` (resolved at intake)


class Signing(Record):
    """Number, date, signer and recipients of one document."""

    document: DocumentCode
    number: int | None = None
    date: dt.date
    addressee: list[str] = []
    authority: list[str] = []
    signer_title: str | None = None
    signer_subtitle: str | None = None
    signer_name: str | None = None
    recipients: list[str]
    archive: str


class AwardForm(Record):
    """An award the cluster may propose (a row of "Hình thức khen thưởng"): how it is named,
    who decides it, who may get it, the vote share it needs and how many places it has."""

    name: str  # as the votes sheet names it: "Cờ thi đua"
    full_name: str  # as printed: "Cờ thi đua của Thanh tra Chính phủ"
    decider: str  # who grants it: "Tổng Thanh tra Chính phủ"
    targets: Targets
    threshold: float  # percent
    rule: Comparison = "at_least"
    base: ShareBase = "voters"
    quota_collective: int | None = None  # places for collectives (None: not for them)
    quota_individual: int | None = None  # places for individuals (None: not for them)
    precedence: int  # 1 is the highest award; documents list awards in this order
    criteria: str | None = None  # who it is for, after "xét tặng cho": "tập thể dẫn đầu Cụm"

    def allows(self, target: Target) -> bool:
        """Whether collectives (or individuals) may be proposed for this award."""
        return self.targets in (target, "both")

    def quota(self, target: Target) -> int:
        """How many collectives, or individuals, the cluster may propose for it."""
        places = self.quota_collective if target == "collective" else self.quota_individual
        return places if places is not None and self.allows(target) else 0


class Settings(Record):
    """The award-file deadline, whether finalizing needs every signed paper, and the
    cluster's own templates folder."""

    require_signed: bool = False
    templates_dir: str | None = None
    files_deadline: dt.date | None = None  # None: 20/12 of the year (QĐ 575/QĐ-TTCP)
    period: Period = "year"
    notice_days: int = 5  # the invitation goes out at least this many days before
    ballot_paper: BallotPaper = "a4_half"
    score_chart: bool = False  # draw the bar chart of total scores in the appendix
    # The emulation period the year belongs to, as typed ("2021-2025"); checked at intake.
    emulation_period: str | None = None

    @property
    def period_years(self) -> tuple[int, int] | None:
        """The emulation period's first and last year, or None when the setting is blank
        (or not two years: intake refuses it)."""
        return period_years(self.emulation_period)


_PERIOD_YEARS = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")


def period_years(text: str | None) -> tuple[int, int] | None:
    """'2021-2025' (or '2021 – 2025') as (2021, 2025); None when it is not two years."""
    match = _PERIOD_YEARS.match(text or "")
    return (int(match[1]), int(match[2])) if match else None


class PeriodYear(BaseModel):
    """One year of the emulation period as its archived workbook says: the cluster's result
    totals (results field -> sum over the members; money in đồng), the first-ranked
    member(s) by short name with their total score, and the awards proposed (award full
    name -> nominees as printed). `missing` says why a year has none of these (the archive
    has no set, or its workbook no longer reads); nothing is ever guessed."""

    model_config = ConfigDict(frozen=True)

    year: int
    totals: dict[str, Decimal] = {}
    leaders: list[str] = []
    leader_score: float | None = None
    awards: dict[str, list[str]] = {}
    missing: str | None = None


class Workbook(BaseModel):
    """Everything one cluster's workbook says about one year."""

    model_config = ConfigDict(frozen=True)

    cluster: Cluster
    members: list[Member]
    citations: list[Citation]
    conference: Conference
    movements: list[Movement]
    registration: list[Registration]
    results: list[Results]  # this year's, one per member
    results_previous: list[Results] = []  # the previous year's, for comparison
    criteria: list[Criterion]
    scores: list[Score]
    awards: list[AwardReceived]
    award_forms: list[AwardForm]  # in order of precedence
    votes: list[Vote]
    narratives: list[Narrative]
    plan: list[PlanItem]
    timeline: list[Milestone]
    pact: list[Commitment]
    signing: list[Signing]
    settings: Settings
    attendance: list[Attendee] = []
    self_scores: list[SelfScore] = []
    # The emulation period's earlier years, read from the archive by the build when this
    # year is the period's last (docgen.history); empty otherwise.
    period_history: list[PeriodYear] = []

    def self_score(self, unit: str, criterion: str) -> SelfScore | None:
        """A member's self-assessment on one criterion, or None when not given."""
        found: SelfScore | None = self._first(
            "self_scores", lambda row: (row.unit, row.criterion)).get((unit, criterion))
        return found

    def member(self, name: str) -> Member:
        """Return the member whose full name is `name` (names are resolved at intake);
        KeyError when none is."""
        found: Member = self._first("members", lambda m: m.name)[name]
        return found

    def results_of(self, unit: str, *, previous: bool = False) -> Results | None:
        """A member's figures for this year (or the previous year), or None."""
        field = "results_previous" if previous else "results"
        found: Results | None = self._first(field, lambda r: r.unit).get(unit)
        return found

    def award_form(self, name: str) -> AwardForm:
        """Return the award a vote row names (names are resolved at intake); KeyError when
        none is."""
        found: AwardForm = self._first("award_forms", lambda form: form.name)[name]
        return found

    def awards_of(self, unit: str) -> list[AwardReceived]:
        """The awards a member (or its people) received, in the workbook's order."""
        return list(self._grouped("awards", lambda a: a.unit).get(unit, ()))

    def with_role(self, role: Role, *, next_year: bool = False) -> Member:
        """Return the member holding `role` this year (or next year)."""
        for m in self.members:
            if (m.role_next if next_year else m.role) == role:
                return m
        raise KeyError(role)

    def signing_for(self, document: DocumentCode) -> Signing | None:
        """Return the signing row of a document, or None when the sheet has none."""
        for s in self.signing:
            if s.document == document:
                return s
        return None

    # Lookups by name go through tables built once per list, not a loop over the list on
    # each call: a document per member looking up every member would grow as n².
    @cached_property
    def _tables(self) -> dict[str, tuple[list[Any], int, dict[Any, Any]]]:
        return {}  # table name -> (the list it was built from, its length then, the table)

    def _table(self, name: str, field: str, build: Callable[[list[Any]], dict[Any, Any]]
               ) -> dict[Any, Any]:
        rows = getattr(self, field)
        built = self._tables.get(name)
        # A copy (model_copy(update=...)) carries the tables of the original: a table is
        # used only with the very list it was built from, still at the same length.
        if built is None or built[0] is not rows or built[1] != len(rows):
            built = (rows, len(rows), build(rows))
            self._tables[name] = built
        return built[2]

    def _first(self, field: str, key: Callable[[Any], Hashable]) -> dict[Any, Any]:
        """The rows of a list field by key, the first row of each (as a loop finds it)."""
        def build(rows: list[Any]) -> dict[Any, Any]:
            table: dict[Any, Any] = {}
            for row in rows:
                table.setdefault(key(row), row)
            return table
        return self._table(field, field, build)

    def _grouped(self, field: str, key: Callable[[Any], Hashable]) -> dict[Any, list[Any]]:
        """The rows of a list field grouped by key, each group in the list's order."""
        def build(rows: list[Any]) -> dict[Any, Any]:
            table: dict[Any, list[Any]] = {}
            for row in rows:
                table.setdefault(key(row), []).append(row)
            return table
        return self._table(f"{field} by group", field, build)
