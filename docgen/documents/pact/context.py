"""Turn the workbook and the year's outcome into next year's emulation pact's (giao ước) context.

The pact is not a Decree 30 type: it has no "Số:" line. It is dated and headed as next
year's Cụm trưởng issues it, cites the launch plan of next year, lists the targets and the
commitments by work area, says how the pact is carried out and ends with one signature cell
per member, Cụm trưởng and Cụm phó first. The fixed sentences live in the template; this
gives it the names, dates, numbers and list lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docgen import timeline as tl
from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.rendition import Rendition
from docgen.model import Commitment, Criterion, DocumentCode, Member, Milestone, Workbook
from docgen.rules import Outcome
from docgen.vi import format_number, name_key, roman, short_date, upper_vi

CODE: DocumentCode = "giao-uoc"
PLAN: DocumentCode = "ke-hoach"
TARGETS_AREA = "chỉ tiêu"  # an area whose name contains this holds the pact's targets
# Words ending a head's title that the place completes ("Chánh Thanh tra tỉnh" + "Cà Mau");
# the cell's unit line already names the place, so the title drops them.
PLACE_LEVEL = re.compile(r"\s+(tỉnh|thành phố)$", re.IGNORECASE)
MIN_TITLE_WORDS = 2  # a title cut down to the head's office keeps at least this many words
WIDE_GRID = 8  # more members than this: three signature cells per row instead of two
KEPT_ROWS = 2  # the grid's last rows kept together (and with "Nơi nhận")
BLANK_CELL: dict[str, str | bool] = {"unit": "", "leader": False, "deputy": False,
                                     "title": "", "name": "", "keep": False}


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the pact's template prints, already formatted.

    The template holds the fixed wording; this gives it data and computed phrases only.
    """
    signing = refs.signing(book, CODE)
    header = c.header(book, signing, CODE, result.leader_next)
    doc = {key: header[key] for key in ("superior_lines", "issuer_lines", "date_line")}
    doc["recipients_lines"] = c.recipient_lines(signing)
    targets, groups = split_commitments(book.pact, book.criteria)
    general = [x.text for x in targets] or plan_targets(book)
    plan = refs.signing(book, PLAN)
    return {
        "doc": doc,
        "next_year": book.cluster.year + 1,  # the pact is for next year
        "cluster_name": book.cluster.name,
        "citations": citations(book),
        "plan_symbol": plan_symbol(book, result),
        "plan_date": short_date(plan.date),
        "num": sections(bool(general), bool(groups)),
        "targets": [f"{i}. {line}"
                    for i, line in enumerate(c.listed(general, prefix=""), start=1)],
        "areas": group_blocks(groups),
        "leader": result.leader_next.name,
        "deputy": result.deputy_next.name,
        **c.officer_words(book, upper=True),
        "milestones": milestone_lines(book.timeline),
        "grid": grid(book, result),
    }


def citations(book: Workbook) -> list[str]:
    """The laws and decrees on awards the pact rests on ('Luật Thi đua, khen thưởng ngày …').

    The template prints each as 'Căn cứ …;' before its line on next year's launch plan.
    """
    return [c.citation(x).rstrip(";.") for x in book.citations if x.role == "award_basis"]


def plan_symbol(book: Workbook, result: Outcome) -> str | None:
    """Next year's launch plan's number and symbol ('01/KH-CTĐ'), or None when the plan is
    not numbered yet (the template then cites it without 'số … ngày …')."""
    signing = refs.signing(book, PLAN)
    if signing.number is None:
        return None
    number: str = c.header(book, signing, PLAN, result.leader_next)["number_line"]
    return number.removeprefix("Số: ")


def is_target(area: str) -> bool:
    """True for an area holding the pact's targets ('Chỉ tiêu chung', 'Các chỉ tiêu …')."""
    return name_key(TARGETS_AREA) in name_key(area)


def plan_targets(book: Workbook) -> list[str]:
    """The plan sheet's targets ('Chỉ tiêu'), for a pact whose own sheet has no general
    targets: the pact carries out next year's plan."""
    return c.plan_lines(book).get("targets", [])


@dataclass
class Group:
    """The targets of one scoring criterion, or of one work area without a criterion."""

    name: str
    criterion: Criterion | None = None
    targets: list[str] = field(default_factory=list)


def split_commitments(
    pact: list[Commitment], criteria: list[Criterion],
) -> tuple[list[Commitment], list[Group]]:
    """The general targets (rows of a 'Chỉ tiêu …' area without a criterion), and the other
    rows grouped, in sheet order of first appearance, by their scoring criterion, else by
    their area (an area named as a criterion joins that criterion's group). A row of
    several lines gives one target per line."""
    by_code = {x.code: x for x in criteria}
    by_name = {name_key(x.name): x for x in criteria}
    targets: list[Commitment] = []
    groups: dict[str, Group] = {}
    for row in pact:
        criterion = by_code.get(row.criterion or "") or by_name.get(name_key(row.area))
        if criterion is None and is_target(row.area):
            targets.append(row)
            continue
        key = criterion.code if criterion else name_key(row.area)
        group = groups.setdefault(key, Group(criterion.name if criterion else row.area,
                                             criterion))
        group.targets += [line.strip() for line in row.text.split("\n") if line.strip()]
    return targets, list(groups.values())


def sections(has_targets: bool, has_areas: bool) -> dict[str, str]:
    """Each part's roman number over the parts the pact has, or '' for a part left out."""
    present = {"targets": has_targets, "areas": has_areas, "duties": True}
    num: dict[str, str] = {}
    count = 0
    for key, shown in present.items():
        count += shown
        num[key] = roman(count) if shown else ""
    return num


def group_blocks(groups: list[Group]) -> list[dict[str, Any]]:
    """One numbered heading per criterion or area ('1. Công tác thanh tra (Tiêu chí TC1,
    tối đa 30 điểm)') and its targets numbered under it ('1.1. …', '1.2. …')."""
    return [{"num": str(i), "name": group_title(group),
             "lines": [f"{i}.{j}. {_sentence(text)}"
                       for j, text in enumerate(group.targets, start=1)]}
            for i, group in enumerate(groups, start=1)]


def group_title(group: Group) -> str:
    """The group's name, with its criterion's code and maximum points when scored."""
    if group.criterion is None:
        return group.name
    points = format_number(group.criterion.max_points)
    return f"{group.name} (Tiêu chí {group.criterion.code}, tối đa {points} điểm)"


def _sentence(text: str) -> str:
    """A target as a sentence: ending with one full stop."""
    return text.rstrip(" ;.,") + "."


def _lower_first(text: str) -> str:
    """'Tháng 7/2022' -> 'tháng 7/2022' inside a sentence; 'IX …' and 'Q1' stay as typed."""
    if text[:1].isupper() and text[1:2].islower():
        return text[:1].lower() + text[1:]
    return text


def milestone_lines(timeline: list[Milestone]) -> list[str]:
    """'- {task}: {deadline} ({responsible});' per milestone in date order (as the plan's
    timetable), the last ending '.'."""
    return c.listed([f"{m.task}: {_lower_first(m.deadline)} ({m.responsible})"
                     for m in tl.in_date_order(timeline)])


def signer_title(member: Member) -> str:
    """The head's title in capitals without what the cell's unit line already says: the
    trailing level word the place would complete ('Chánh Thanh tra tỉnh' -> 'CHÁNH THANH
    TRA'), and the unit's name (whole, or without its place) when the title ends with it and
    two words or more remain ('Giám đốc Sở Tư pháp' under 'SỞ TƯ PHÁP' -> 'GIÁM ĐỐC'; 'Chủ
    tịch Ủy ban nhân dân phường' under 'ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH' -> 'CHỦ TỊCH'; 'Chánh'
    alone would not say who signs)."""
    title = PLACE_LEVEL.sub("", member.head_title.strip()) or member.head_title.strip()
    name, place = member.name.strip(), member.place.strip()
    units = [name]
    if place and name_key(name).endswith(" " + name_key(place)):
        units.append(name[: len(name) - len(place)].strip())  # 'Ủy ban nhân dân phường'
    words = title.split()
    for unit in units:
        cut = len(words) - len(unit.split())
        if cut >= MIN_TITLE_WORDS and name_key(" ".join(words[cut:])) == name_key(unit):
            return upper_vi(" ".join(words[:cut]))
    return upper_vi(title)


def signers(book: Workbook, result: Outcome) -> list[Member]:
    """Next year's members: Cụm trưởng, Cụm phó, then the others in the members sheet order."""
    first = [result.leader_next, result.deputy_next]
    names = {m.name for m in first}
    return first + [m for m in book.members if m.name not in names]


def cell(member: Member) -> dict[str, str | bool]:
    """One signature cell: unit, whether it is next year's Cụm trưởng or Cụm phó (the
    template prints the role line), title and name."""
    return {
        "unit": upper_vi(member.name),
        "leader": member.role_next == "leader",
        "deputy": member.role_next == "deputy",
        "title": signer_title(member),
        "name": member.head_name,
        "keep": False,
    }


def grid(book: Workbook, result: Outcome) -> list[list[dict[str, str | bool]]]:
    """Signature cells in rows of two (three beyond eight members). The last row is padded
    with blank cells so every row has as many cells (a lone cell of a row of three sits in
    the middle); the cells of the last two rows keep with what follows, so no page holds a
    single row of signatures and "Nơi nhận" stays with the last."""
    cells = [cell(m) for m in signers(book, result)]
    width = 3 if len(cells) > WIDE_GRID else 2
    rows = [cells[i:i + width] for i in range(0, len(cells), width)]
    if rows:
        last = rows[-1]
        blanks = width - len(last)
        before = blanks // 2 if len(last) == 1 else 0
        rows[-1] = ([dict(BLANK_CELL) for _ in range(before)] + last
                    + [dict(BLANK_CELL) for _ in range(blanks - before)])
    for row in rows[max(0, len(rows) - KEPT_ROWS):]:
        for item in row:
            item["keep"] = True
    return rows


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
