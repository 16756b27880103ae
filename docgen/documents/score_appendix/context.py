"""Turn the workbook and the year's outcome into the score appendix's template context.

The appendix of the summary report (Decree 30 Mẫu 2.1): the table of every member's points
per criterion, total and rank, in the ranking's order. Its figures are the report's own
(`meeting.scores_context`, the table the report and the minutes print), and its citing line
"(Kèm theo Báo cáo số … ngày … của …)" is built from the report's signing row, with the
report's number symbol and issuer. When the workbook asks for it, the bar chart of the
total scores follows the table (`shared/chart.py`, the same chart as the web page's).
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import chart as bars
from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.meeting import scores_context
from docgen.documents.shared.rendition import Rendition
from docgen.model import DocumentCode, Workbook
from docgen.rules import Outcome
from docgen.vi import full_date

CODE = "phu-luc-diem"
REPORT: DocumentCode = "bao-cao-tong-ket"


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the appendix's template prints, already formatted."""
    scores = scores_context(book, result)
    rows = [row | {"stt": str(i), "name": ranked.unit}
            for i, (row, ranked) in enumerate(zip(scores["score_rows"], result.ranking,
                                                  strict=True), start=1)]
    return {
        "year": book.cluster.year,
        "group": c.cluster_word(book),
        "report": report(book, result),
        **scores,
        "score_rows": rows,
        "chart": score_chart(book, result),
    }


def score_chart(book: Workbook, result: Outcome) -> dict[str, Any] | None:
    """The bar chart of the total scores (the web page's chart, from the same ranking) when
    the workbook asks for it (Cài đặt: score_chart), else None (no chart is drawn)."""
    if not book.settings.score_chart:
        return None
    # The paragraph above the chart is its title ("Biểu đồ tổng điểm thi đua năm …"): the
    # chart itself carries none, so the page does not say it twice.
    return {**bars.context(bars.score_chart(book, result)), "title": ""}


def report(book: Workbook, result: Outcome) -> dict[str, str]:
    """The cited report: `symbol` '26/BC-CTĐ' (a blank number keeps the clerk's space),
    `date` 'ngày 22 tháng 12 năm 2021' and `issuer`, who issues it (the cluster, or the Cụm
    trưởng's unit when the cluster issues its papers under it), as the report's header
    names it."""
    signing = refs.signing(book, REPORT)
    head = c.header(book, signing, REPORT, result.leader)
    issuer = result.leader.name if book.cluster.issued_as == "leader" else book.cluster.name
    return {
        "symbol": head["number_line"].removeprefix("Số: "),
        "date": full_date(signing.date),
        "issuer": issuer,
    }


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
