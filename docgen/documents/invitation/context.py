"""Turn the workbook into the context of the invitation to the year-end conference (Giấy mời).

Decree 30, Phụ lục III, Mẫu 1.4 (a paper with a tên loại), type abbreviation GM, numbered in
the cluster's series from its signing row. The body says who is invited (the superior body's
guests, each member's leaders), when, how and where (the minutes' words: the time line, the
form and the venue with its bridges come from the same helpers), the agenda, what to send
beforehand and by when, and whom to call. What the workbook leaves blank (who of each member
is invited, the papers, the deadline, the contact, the guests) is left to the template's
fill-in markers, never invented.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.meeting import agenda_lines, bare, clock, person, place_context
from docgen.documents.shared.rendition import Rendition
from docgen.model import DocumentCode, Workbook
from docgen.rules import Outcome
from docgen.vi import full_date, short_date, weekday

CODE: DocumentCode = "giay-moi"


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the invitation's template prints, already formatted."""
    signing = refs.signing(book, CODE)
    conf = book.conference
    return {
        "doc": c.issued(book, signing, CODE, result.leader),
        "year": book.cluster.year,
        "cluster_name": book.cluster.name,
        "superior_body": book.cluster.superior_body,
        "group": c.cluster_word(book),
        **invitees(book),
        "start": clock(conf.start),
        "meeting_date": full_date(conf.date),
        "weekday": weekday(conf.date),
        **place_context(conf),
        "agenda_lines": agenda_lines(conf.agenda),
        "host": result.leader.name,
        "prepare_lines": c.listed([bare(x) for x in conf.prepare if bare(x)]),
        "prepare_deadline": short_date(conf.prepare_deadline) if conf.prepare_deadline else "",
        "contact": bare(conf.contact or ""),
        "contact_phone": bare(conf.contact_phone or ""),
    }


def invitees(book: Workbook) -> dict[str, Any]:
    """Who is invited, one dashed line each: `guest_lines` (the superior body's guests named
    on the attendance sheet: 'Đồng chí name, title, body'; empty when there are none: the
    template then asks for them) and `member_lines` ('Lãnh đạo Thanh tra tỉnh … (Chánh
    Thanh tra và …)', each member once, in the members sheet's order; without the
    parenthesis when the workbook does not say whom of each member it invites: `invited`
    is then '' and the template asks for it). Every line ends ';' but the last, '.'."""
    invited = bare(book.conference.invited or "")
    guests = [f"Đồng chí {person(p)}" for p in book.attendance if p.status == "guest"]
    members = [f"Lãnh đạo {m.name}{f' ({invited})' if invited else ''}" for m in book.members]
    lines = c.listed([*guests, *members])
    return {"guest_lines": lines[:len(guests)], "member_lines": lines[len(guests):],
            "invited": invited}


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
