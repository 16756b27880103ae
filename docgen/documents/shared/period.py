"""Turn one year's workbook and outcome into its line of the emulation period's history.

The build keeps this for each earlier year of the period, read from the archive
(`docgen.history`); the year-end report of the period's last year computes it for its own
year the same way, so every year of its table is summed, ranked and proposed alike.
"""

from __future__ import annotations

from docgen.documents.shared import figures as fig
from docgen.documents.shared.awards import nominee
from docgen.model import PeriodYear, Workbook
from docgen.rules import Outcome


def year_summary(book: Workbook, result: Outcome) -> PeriodYear:
    """The cluster's result totals, its first-ranked member(s) with their score and the
    awards it proposed, for the workbook's year."""
    first = [r for r in result.ranking if r.rank == 1]
    return PeriodYear(
        year=book.cluster.year,
        totals=fig.totals(book).current,
        leaders=[book.member(r.unit).short_name for r in first],
        leader_score=first[0].total if first else None,
        awards={form.full_name: [nominee(v, book) for v in result.proposed_for(form)]
                for form in result.awarded()},
    )
