"""Turn the workbook and the year's outcome into next year's emulation pact's (giao ước) context.

The pact is not a Decree 30 type: it has no "Số:" line. It is dated and headed as next
year's Cụm trưởng issues it, cites the launch plan of next year, lists the targets and the
commitments by work area, says how the pact is carried out and ends with one signature cell
per member, Cụm trưởng and Cụm phó first. The fixed sentences live in the template; this
gives it the names, dates, numbers and list lines.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.rendition import Rendition
from docgen.model import Commitment, DocumentCode, Member, Milestone, Workbook
from docgen.rules import Outcome
from docgen.vi import name_key, roman, short_date, upper_vi

CODE: DocumentCode = "giao-uoc"
PLAN: DocumentCode = "ke-hoach"
TARGETS_AREA = "chỉ tiêu"  # an area whose name contains this holds the pact's targets
# Words ending a head's title that the place completes ("Chánh Thanh tra tỉnh" + "Cà Mau");
# the cell's unit line already names the place, so the title drops them.
PLACE_LEVEL = re.compile(r"\s+(tỉnh|thành phố)$", re.IGNORECASE)
WIDE_GRID = 8  # more members than this: three signature cells per row instead of two
BLANK_CELL: dict[str, str | bool] = {"unit": "", "leader": False, "deputy": False,
                                     "title": "", "name": ""}


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the pact's template prints, already formatted.

    The template holds the fixed wording; this gives it data and computed phrases only.
    """
    signing = refs.signing(book, CODE)
    header = c.header(book, signing, CODE, result.leader_next)
    doc = {key: header[key] for key in ("superior_lines", "issuer_lines", "date_line")}
    doc["recipients_lines"] = c.recipient_lines(signing)
    targets, areas = split_commitments(book.pact)
    plan = refs.signing(book, PLAN)
    return {
        "doc": doc,
        "next_year": book.cluster.year + 1,  # the pact is for next year
        "cluster_name": book.cluster.name,
        "citations": citations(book),
        "plan_symbol": plan_symbol(book, result),
        "plan_date": short_date(plan.date),
        "num": sections(bool(targets), bool(areas)),
        "targets": c.listed([x.text for x in targets]),
        "areas": area_blocks(areas),
        "leader": result.leader_next.name,
        "deputy": result.deputy_next.name,
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


def split_commitments(
    pact: list[Commitment],
) -> tuple[list[Commitment], dict[str, list[Commitment]]]:
    """The targets, and the other commitments grouped by area in sheet order."""
    targets = [x for x in pact if is_target(x.area)]
    areas: dict[str, list[Commitment]] = {}
    names: dict[str, str] = {}
    for x in pact:
        if not is_target(x.area):
            area = names.setdefault(name_key(x.area), x.area)
            areas.setdefault(area, []).append(x)
    return targets, areas


def sections(has_targets: bool, has_areas: bool) -> dict[str, str]:
    """Each part's roman number over the parts the pact has, or '' for a part left out."""
    present = {"targets": has_targets, "areas": has_areas, "duties": True}
    num: dict[str, str] = {}
    count = 0
    for key, shown in present.items():
        count += shown
        num[key] = roman(count) if shown else ""
    return num


def area_blocks(areas: dict[str, list[Commitment]]) -> list[dict[str, Any]]:
    """One work area per item: its number, its name and its commitments as list lines."""
    return [{"num": str(i), "name": area, "lines": c.listed([x.text for x in items])}
            for i, (area, items) in enumerate(areas.items(), start=1)]


def _lower_first(text: str) -> str:
    """'Tháng 7/2022' -> 'tháng 7/2022' inside a sentence; 'IX …' and 'Q1' stay as typed."""
    if text[:1].isupper() and text[1:2].islower():
        return text[:1].lower() + text[1:]
    return text


def milestone_lines(timeline: list[Milestone]) -> list[str]:
    """'- {task}: {deadline} ({responsible});' per milestone, the last ending '.'."""
    return c.listed([f"{m.task}: {_lower_first(m.deadline)} ({m.responsible})"
                     for m in timeline])


def signer_title(member: Member) -> str:
    """The head's title in capitals without the trailing level word the place would complete:
    'Chánh Thanh tra tỉnh' -> 'CHÁNH THANH TRA'."""
    return upper_vi(PLACE_LEVEL.sub("", member.head_title.strip()) or member.head_title)


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
    }


def grid(book: Workbook, result: Outcome) -> list[list[dict[str, str | bool]]]:
    """Signature cells in rows of two (three beyond eight members); the last row is padded
    with blank cells so every row has as many cells."""
    cells = [cell(m) for m in signers(book, result)]
    width = 3 if len(cells) > WIDE_GRID else 2
    rows = [cells[i:i + width] for i in range(0, len(cells), width)]
    if rows:
        rows[-1] += [dict(BLANK_CELL) for _ in range(width - len(rows[-1]))]
    return rows


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
