"""Turn the conference and its results into the wording the report, minutes and proposal share.

The score table, the conference sentence and the election sentence must read the same in
every paper that prints them, so they are built here once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from docgen.documents.shared.common import percent
from docgen.model import Conference, Workbook
from docgen.rules import Outcome
from docgen.vi import format_number, short_date

FORM_WORDS = {"online": " trực tuyến", "in_person": "", "hybrid": " trực tiếp kết hợp trực tuyến"}


def conference_sentence(book: Workbook, conf: Conference) -> str:
    """Who held the conference, when and how."""
    year = book.cluster.year
    chairs = f"đồng chí {conf.chair}, {conf.chair_title}"
    if conf.co_chair:
        chairs += f" và đồng chí {conf.co_chair}, {conf.co_chair_title or ''}".rstrip(", ")
    return (
        f"Ngày {short_date(conf.date)}, {book.cluster.name} tổ chức Hội nghị"
        f"{FORM_WORDS[conf.form]} tổng kết công tác thi đua năm {year} và triển khai Kế hoạch "
        f"phát động phong trào thi đua năm {year + 1}. Hội nghị do {chairs} chủ trì."
    )


def scores_context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """The criteria, the ranked score rows and the criteria note (report and minutes)."""
    criteria = [{"code": x.code, "name": x.name, "max": format_number(x.max_points)}
                for x in book.criteria]
    rows = [
        {"rank": str(r.rank), "unit": book.member(r.unit).short_name,
         "points": [format_number(r.points[x.code]) for x in book.criteria],
         "total": format_number(r.total)}
        for r in result.ranking
    ]
    note = "; ".join(f"{x.code}: {x.name} (tối đa {format_number(x.max_points)} điểm)"
                     for x in book.criteria)
    return {"criteria": criteria, "score_rows": rows, "criteria_note": f"{note}."}


def election_sentence(book: Workbook, result: Outcome) -> str:
    """Next year's leader and deputy."""
    return (
        f"Hội nghị thống nhất bầu {result.leader_next.name} làm Cụm trưởng và "
        f"{result.deputy_next.name} làm Cụm phó {book.cluster.name} năm {book.cluster.year + 1}."
    )


def election_results(book: Workbook, result: Outcome) -> list[dict[str, str]]:
    """Next year's leader and deputy, each with its count on the valid ballots: {'office':
    'Cụm trưởng', 'unit': …, 'votes': '7/7 phiếu (100%)'}; 'votes' is '' when the workbook
    has no count (the document then asks for it)."""
    conf = book.conference
    offices = (("Cụm trưởng", result.leader_next, conf.leader_votes),
               ("Cụm phó", result.deputy_next, conf.deputy_votes))
    return [{"office": office, "unit": member.name,
             "votes": ballot_count(votes, conf.ballots_valid)}
            for office, member, votes in offices]


def ballot_count(votes: int | None, valid: int) -> str:
    """'6/7 phiếu (85,7%)': votes on the valid ballots; '' when `votes` is None."""
    if votes is None:
        return ""
    share = Decimal(votes) * 100 / Decimal(valid) if valid else Decimal(0)
    return f"{format_number(votes)}/{format_number(valid)} phiếu ({percent(share)})"
