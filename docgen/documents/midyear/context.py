"""Turn a mid-year workbook into the context of the Báo cáo sơ kết 6 tháng.

The mid-year review follows the year-end report's outline (domain.md 4.1, 4.5) on the first
six months: the sơ kết conference, guidance and movements, the half year's figures compared
with the same period of the previous year (the results sheet's previous-year rows are that
year's first six months), the awards of the half year, the assessment, the tasks of the
second half (numbered, from the narratives' section III) and the proposals. It has no
scoring, voting or election part. What it shares with the year-end report is
`shared/summary.py`'s.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared import summary
from docgen.documents.shared.meeting import FORM_WORDS
from docgen.documents.shared.rendition import Rendition
from docgen.kinds import BY_CODE
from docgen.model import DocumentCode, Workbook
from docgen.rules import Outcome
from docgen.vi import short_date

CODE: DocumentCode = "bao-cao-so-ket"
NUMBERED = re.compile(r"^\d+[.)]\s")


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the mid-year review's template prints, already formatted."""
    signing = refs.signing(book, CODE)
    year = book.cluster.year
    narr = summary.narratives(book)
    lead, tasks = second_half(narr["iii"])
    return {
        "doc": c.issued(book, signing, CODE, result.leader),
        "year": year,
        "previous_year": year - 1,
        "cluster_name": book.cluster.name,
        "implemented": summary.implemented(book),
        "conference_sentence": conference_sentence(book),
        "narr": narr,
        "directives": c.listed([c.citation(x) for x in book.citations if x.role == "directive"]),
        "movement_groups": summary.movement_groups(book),
        "registration": summary.registration(book),
        **summary.results(book),
        **summary.awards(book),
        "tasks_lead": lead,
        "tasks": tasks,
    }


def conference_sentence(book: Workbook) -> str:
    """'Ngày 15/7/2021, Cụm … tổ chức Hội nghị trực tuyến sơ kết công tác thi đua, khen
    thưởng 6 tháng đầu năm 2021. Hội nghị do đồng chí …, Cụm trưởng chủ trì.'"""
    conf = book.conference
    chairs = f"đồng chí {conf.chair}, {conf.chair_title}"
    if conf.co_chair:
        chairs += f" và đồng chí {conf.co_chair}, {conf.co_chair_title or ''}".rstrip(", ")
    return (
        f"Ngày {short_date(conf.date)}, {book.cluster.name} tổ chức Hội nghị"
        f"{FORM_WORDS[conf.form]} sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm "
        f"{book.cluster.year}. Hội nghị do {chairs} chủ trì."
    )


def second_half(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Section III split into its lead-in (the opening paragraphs that end with ':') and
    the tasks of the second half, numbered '1. …' in order (a paragraph typed with its
    number keeps it)."""
    lead: list[str] = []
    rest = list(paragraphs)
    while rest and rest[0].rstrip().endswith(":"):
        lead.append(rest.pop(0))
    tasks = [text if NUMBERED.match(text) else f"{i}. {text[0].upper()}{text[1:]}"
             for i, text in enumerate(rest, start=1)]
    return lead, tasks


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file; none from a workbook of another period (a year-end workbook
    has no signing row for it)."""
    if book.settings.period not in BY_CODE[CODE].periods:
        return []
    return [Rendition(None, context(book, result))]
