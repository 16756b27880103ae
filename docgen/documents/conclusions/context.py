"""Turn the workbook and the year's outcome into the conclusions' (thông báo kết luận) context.

The chair's conclusions after the year-end conference (Decree 30 Mẫu 1.4; domain.md 4.5):
when, how and where the conference met, who chaired and who attended (the minutes' own
sentences), then the numbered conclusions: the ranking and what the meeting adopted, the
awards proposed with their rule and votes, next year's officers with their counts, the
chair's own words, and next year's tasks with owners and deadlines in the plan's order.
Every sentence that another paper also prints comes from the shared builders; what only the
chair or the secretary can write (the conclusions, the discussion) is printed as typed or
asked for with a fill-in marker, never invented.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from docgen import timeline as tl
from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.awards import conclusion, joined, quota_words, share_words
from docgen.documents.shared.meeting import (
    attendance_context,
    bare,
    conference_sentence,
    election_results,
    place_context,
)
from docgen.documents.shared.rendition import Rendition
from docgen.model import DocumentCode, Milestone, Workbook
from docgen.rules import Outcome, Ranked
from docgen.vi import format_number, name_key

CODE: DocumentCode = "thong-bao-ket-luan"
CHAIR = "Chủ trì hội nghị"


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the conclusions' template prints, already formatted."""
    signing = refs.signing(book, CODE)
    conf = book.conference
    return {
        "doc": c.issued(book, signing, CODE, result.leader),
        "year": book.cluster.year,
        "next_year": book.cluster.year + 1,
        "cluster_name": book.cluster.name,
        **c.officer_words(book),
        "concluder": concluder(book, result),
        "conference_sentence": conference_sentence(book, conf),
        **place_context(conf),
        **attendance_context(book),
        "attendees": bare(conf.attendees),
        "first_place": first_place(book, result),
        "rank_lines": rank_lines(result),
        "discussion": paragraphs(conf.discussion),
        "rule_lines": rule_lines(result),
        **conclusion(book, result),
        "election": election_results(book, result),
        "conclusions": paragraphs(conf.conclusions),
        "task_rows": task_rows(book.timeline),
    }


def concluder(book: Workbook, result: Outcome) -> str:
    """Whose conclusions these are, for the subject line: this year's 'Cụm trưởng' (or
    'Trưởng Khối') when the conference's chair is the head of this year's leading member,
    else 'Chủ trì hội nghị'."""
    if name_key(book.conference.chair) == name_key(result.leader.head_name):
        return c.officers(book)[1]
    return CHAIR


def first_place(book: Workbook, result: Outcome) -> str:
    """Who leads the scoring, as it is: 'Thanh tra tỉnh Sóc Trăng dẫn đầu Cụm thi đua với
    98,5 điểm', or 'A và B đồng dẫn đầu …' for a shared first place; '' without scores."""
    first = [r for r in result.ranking if r.rank == 1]
    if not first:
        return ""
    group = f"{c.cluster_word(book)} thi đua"
    points = format_number(first[0].total)
    leads = "đồng dẫn đầu" if len(first) > 1 else "dẫn đầu"
    return f"{joined([r.unit for r in first])} {leads} {group} với {points} điểm"


def rank_lines(result: Outcome) -> list[str]:
    """One line per place of the ranking, shared places on one line: '- Xếp thứ 1: Thanh
    tra tỉnh Sóc Trăng (98,5 điểm);', '- Đồng xếp thứ 4: A và B (cùng 95 điểm);'."""
    lines = []
    for place, group in groupby(result.ranking, key=lambda r: r.rank):
        ranked: list[Ranked] = list(group)
        points = format_number(ranked[0].total)
        units = joined([r.unit for r in ranked])
        if len(ranked) > 1:
            lines.append(f"Đồng xếp thứ {place}: {units} (cùng {points} điểm)")
        else:
            lines.append(f"Xếp thứ {place}: {units} ({points} điểm)")
    return c.listed(lines)


def rule_lines(result: Outcome) -> list[str]:
    """Each award put to the vote with the share it needs, counted on what, and its places:
    '- Cờ thi đua …: từ 80% số phiếu đồng ý trở lên trên tổng số người bỏ phiếu (…), tối đa
    01 (một) tập thể;' (the plan's and the proposal's words)."""
    lines = []
    for form in result.voted():
        places = quota_words(form)
        lines.append(f"{form.full_name}: {share_words(form)}"
                     f"{f', tối đa {places}' if places else ''}")
    return c.listed(lines)


def paragraphs(text: str | None) -> list[str]:
    """A typed text cut into its paragraphs (one per line); empty for None or blank."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def task_rows(timeline: list[Milestone]) -> list[dict[str, str]]:
    """Next year's tasks in the plan's order (`timeline.in_date_order`): STT, task, unit
    responsible, deadline, as typed."""
    return [
        {"stt": str(i), "task": m.task.strip(), "responsible": m.responsible.strip(),
         "deadline": m.deadline.strip()}
        for i, m in enumerate(tl.in_date_order(timeline), start=1)
    ]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
