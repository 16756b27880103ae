"""Turn the workbook and the year's outcome into the summary report's template context.

The report opens "Thực hiện …" with the plans it reports on, quotes the year's figures in
computed sentences (compared with the previous year when the workbook has its rows), gives a
line per member, counts the awards received by kind (danh hiệu, hình thức) with totals, and
lists next year's tasks, numbered, from next year's plan. What it shares with the mid-year
review (narratives, movements, registration, results, awards) is `shared/summary.py`'s;
every figure in a sentence is printed by `docgen.documents.shared.figures`.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared import summary
from docgen.documents.shared.awards import votes_context
from docgen.documents.shared.meeting import (
    conference_sentence,
    election_sentence,
    scores_context,
)
from docgen.documents.shared.rendition import Rendition
from docgen.model import DocumentCode, Workbook
from docgen.rules import Outcome

CODE: DocumentCode = "bao-cao-tong-ket"
# Next year's plan parts whose points are the report's numbered tasks, in the plan's order.
TASK_PARTS = ("targets", "content", "organisation")


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the summary report's template prints, already formatted."""
    signing = refs.signing(book, CODE)
    year = book.cluster.year
    doc = c.issued(book, signing, CODE, result.leader)
    return {
        "doc": doc,
        "year": year,
        "next_year": year + 1,
        "previous_year": year - 1,
        "cluster_name": book.cluster.name,
        "implemented": summary.implemented(book),
        "narr": summary.narratives(book),
        "directives": c.listed([c.citation(x) for x in book.citations if x.role == "directive"]),
        "movement_groups": summary.movement_groups(book),
        "registration": summary.registration(book),
        **summary.results(book),
        **summary.awards(book),
        "conference_sentence": conference_sentence(book, book.conference),
        **scores_context(book, result),
        **votes_context(book, result),
        "tasks": tasks(book),
        "election_sentence": election_sentence(book, result),
    }


def tasks(book: Workbook) -> list[str]:
    """Next year's tasks, numbered, from next year's plan: its targets, contents and forms
    of organisation, one task per typed line, in that order."""
    parts = c.plan_lines(book)
    lines = [line for part in TASK_PARTS for line in parts.get(part, [])]
    return [f"{i}. {line[0].upper()}{line[1:].rstrip(';.')}."
            for i, line in enumerate(lines, start=1)]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
