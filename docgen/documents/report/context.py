"""Turn the workbook and the year's outcome into the summary report's template context.

The report opens "Thực hiện …" with the plans it reports on, quotes the year's figures in
computed sentences (compared with the previous year when the workbook has its rows), gives a
line per member, counts the awards received by kind (danh hiệu, hình thức) with totals, and
lists next year's tasks, numbered, from next year's plan. What it shares with the mid-year
review (narratives, movements, registration, results, awards) is `shared/summary.py`'s;
every figure in a sentence is printed by `docgen.documents.shared.figures`. In the last
year of an emulation period whose earlier years the build read from the archive
(`Workbook.period_history`), part I ends with the period's results year by year.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import figures as fig
from docgen.documents.shared import references as refs
from docgen.documents.shared import summary
from docgen.documents.shared.awards import votes_context
from docgen.documents.shared.meeting import (
    conference_sentence,
    election_sentence,
    scores_context,
)
from docgen.documents.shared.period import year_summary
from docgen.documents.shared.rendition import Rendition
from docgen.model import DocumentCode, PeriodYear, Workbook
from docgen.rules import Outcome
from docgen.vi import format_number

CODE: DocumentCode = "bao-cao-tong-ket"
# Next year's plan parts whose points are the report's numbered tasks, in the plan's order.
TASK_PARTS = ("targets", "content", "organisation")
# The results a year of the period table prints (all of them are summed in its sentence).
PERIOD_FIELDS = ("inspections", "violations_money", "recovery_money", "disciplined")


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
        "period_part": period_part(book, result),
    }


def period_part(book: Workbook, result: Outcome) -> dict[str, Any] | None:
    """The emulation period's results, one row per year (this year's from the workbook, the
    earlier ones as the build read them from the archive), with the sentence summing them;
    None without a history (not the period's last year, or no period set).

    A year missing from the archive is a fill-in row, and the summing sentence then waits
    for it as a fill-in too (`pending`)."""
    span = book.settings.period_years
    if not book.period_history or span is None:
        return None
    years = [*book.period_history, year_summary(book, result)]
    missing = [y.year for y in years if y.missing is not None]
    label = f"{span[0]}-{span[1]}"
    sentence = pending = ""
    if missing:
        pending = (f"tổng hợp kết quả giai đoạn {label} sau khi bổ sung số liệu năm "
                   f"{', '.join(map(str, missing))}")
    else:
        sums = {f: sum((y.totals[f] for y in years), Decimal(0)) for f in fig.FIELDS}
        parts = fig.clauses(sums, None, fig.FIELDS, book.cluster.year - 1)
        sentence = (f"Trong giai đoạn {label}, toàn {c.cluster_word(book)} đã "
                    f"{'; '.join(parts)}." if parts else "")
    return {"years": label, "group": c.cluster_word(book), "sentence": sentence,
            "pending": pending, "rows": [period_row(y) for y in years]}


def period_row(year: PeriodYear) -> dict[str, Any]:
    """A year's row of the period table, or its fill-in (`what`) when it is missing."""
    if year.missing is not None:
        return {"year": str(year.year), "missing": True,
                "what": f"số liệu năm {year.year} ({year.missing})"}
    leader = ", ".join(year.leaders)
    if leader and year.leader_score is not None:
        leader += f" ({format_number(year.leader_score)} điểm)"
    awards = "; ".join(f"{award}: {', '.join(nominees)}"
                       for award, nominees in year.awards.items())
    return {"year": str(year.year), "missing": False, "what": "",
            **{f: fig.printed(f, year.totals.get(f, Decimal(0))) for f in PERIOD_FIELDS},
            "leader": leader or "–", "awards": awards or "–"}


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
