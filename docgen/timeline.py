"""Turn the timeline sheet's rows into the order and the dates the plan and the pact print.

A deadline is free text ("Trước 15/12/2022", "Tháng 7/2022", "Quý I/2022"); where it holds a
dd/mm/yyyy date that date is read, and rows with dates are printed in date order (rows
without one keep their place). The members' own tasks (report, self-scoring, files to the
Cụm trưởng) are told apart from the cluster's by who is responsible for them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from docgen.model import Milestone
from docgen.vi import name_key

DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
FILES_TASK = "hồ sơ"  # a task about the award files
MEMBERS = "thành viên"  # who is responsible for a member's own task ("Các đơn vị thành viên")
# QĐ 575/QĐ-TTCP (2019): clusters send award files to the superior body before 20/12.
DEFAULT_DEADLINE = (12, 20)


def deadline_date(text: str) -> dt.date | None:
    """The first dd/mm/yyyy date of a deadline's text, or None when it has no valid one."""
    for match in DATE.finditer(text):
        day, month, year = (int(x) for x in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def in_date_order(timeline: Sequence[Milestone]) -> list[Milestone]:
    """The rows with a readable date sorted by it (equal dates in sheet order), each put in
    a place a dated row held; rows without a date stay where the sheet has them."""
    dated = [i for i, m in enumerate(timeline) if deadline_date(m.deadline) is not None]
    ordered = sorted((timeline[i] for i in dated),
                     key=lambda m: deadline_date(m.deadline) or dt.date.min)
    rows = list(timeline)
    for slot, milestone in zip(dated, ordered, strict=True):
        rows[slot] = milestone
    return rows


def is_members_task(milestone: Milestone) -> bool:
    """True for a task the members do themselves ('Các đơn vị thành viên')."""
    return name_key(MEMBERS) in name_key(milestone.responsible)


def _files_tasks(timeline: Sequence[Milestone], *, members: bool) -> list[Milestone]:
    return [m for m in timeline
            if name_key(FILES_TASK) in name_key(m.task) and is_members_task(m) == members]


def files_milestone(timeline: Sequence[Milestone]) -> Milestone | None:
    """The cluster's task of sending the award files (the first 'hồ sơ' task that is not a
    member's own), or None."""
    return next(iter(_files_tasks(timeline, members=False)), None)


def members_files_milestone(timeline: Sequence[Milestone]) -> Milestone | None:
    """The members' task of sending their files to the Cụm trưởng (the first 'hồ sơ' task
    that is a member's own), or None."""
    return next(iter(_files_tasks(timeline, members=True)), None)


def _in_year(day: dt.date, year: int) -> dt.date:
    """The same day and month in `year` (29/02 becomes 28/02 in a common year)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def cluster_deadline(timeline: Sequence[Milestone], year: int,
                     setting: dt.date | None) -> dt.date:
    """The day the award files of `year` (the plan's year) are due: the earlier of the
    cluster's files task in the timeline (when its date can be read) and the settings'
    deadline `setting` (as the workbook holds it, for the year before) on its day and month
    of `year`, or
    20/12 when the settings leave it blank."""
    due = _in_year(setting, year) if setting is not None else dt.date(year, *DEFAULT_DEADLINE)
    files = files_milestone(timeline)
    written = deadline_date(files.deadline) if files is not None else None
    return min(due, written) if written is not None else due


@dataclass(frozen=True)
class LateTask:
    """A member's own task due on or after the day the cluster's files are due."""

    milestone: Milestone
    date: dt.date
    deadline: dt.date


def late_member_tasks(timeline: Sequence[Milestone], year: int,
                      setting: dt.date | None) -> list[LateTask]:
    """The members' own tasks of `year` whose date is not before the cluster's files
    deadline (`cluster_deadline`): the Cụm trưởng could not gather them in time."""
    deadline = cluster_deadline(timeline, year, setting)
    late: list[LateTask] = []
    for milestone in timeline:
        date = deadline_date(milestone.deadline)
        if is_members_task(milestone) and date is not None and date >= deadline:
            late.append(LateTask(milestone, date, deadline))
    return late
