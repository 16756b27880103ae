"""Turn the workbook and the year's outcome into the count minutes' (biên bản kiểm phiếu)
template context.

The counting board's minutes (Decree 30, Mẫu 1.9 shape; domain.md 4.5) state when and where
the ballots were counted (the conference's date, form and place), who counted them (the
board the attendance sheet names), the ballots issued, returned, valid and invalid (with the
reasons), each award's nominees with their votes and shares and who reached the award's
threshold, and the counts of next year's officers. Every figure comes from the function the
minutes print it with (`awards.ballot_rows`, `awards.award_tallies`, `meeting.ballot_figures`,
`meeting.written_sentence`, `meeting.election_results`, `meeting.counting_board`): one
computation, so the two papers cannot disagree. What the workbook does not say (an old
workbook without the attendance sheet names no board) is left to fill-in markers.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.awards import award_tallies
from docgen.documents.shared.meeting import (
    ballot_figures,
    board_lines,
    counting_board,
    election_results,
    place_context,
    written_sentence,
)
from docgen.documents.shared.rendition import Rendition
from docgen.model import DocumentCode, Workbook
from docgen.rules import Outcome
from docgen.vi import full_date

CODE = "bien-ban-kiem-phieu"
# The minutes' signing row gives the header (the count minutes have none of their own).
MINUTES: DocumentCode = "bien-ban"


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the count minutes' template prints, already formatted."""
    conf = book.conference
    doc = c.header(book, refs.signing(book, MINUTES), CODE, result.leader)
    return {
        "doc": doc,
        "year": book.cluster.year,
        "next_year": book.cluster.year + 1,
        "cluster_name": book.cluster.name,
        **c.officer_words(book),
        "meeting_date": full_date(conf.date),
        **place_context(conf),
        "board_lines": board_lines(book.attendance),
        "signers": signer_rows(book),
        "ballots": ballot_figures(conf),
        "written": written_sentence(book, result),
        "awards": numbered(award_tallies(book, result)),
        "election": [e for e in election_results(book, result) if e["votes"]],
    }


def numbered(tallies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each award's tally with its heading number ('2.1', '2.2', …) under part 2 and the
    sentence leading its nominees who reached the threshold ('Tập thể đạt tỷ lệ phiếu đồng
    ý từ 80% trở lên:'), or saying none did."""
    return [t | {"num": f"2.{i}",
                 "reached_lead": f"{t['nominees'].capitalize()} đạt tỷ lệ phiếu đồng ý "
                                 f"{t['threshold']}:",
                 "none_reached": f"Không có {t['nominees']} nào đạt tỷ lệ phiếu đồng ý "
                                 f"{t['threshold']}."}
            for i, t in enumerate(tallies, start=1)]


# The signature titles: the head on the right, the members on the left.
HEAD_TITLE = "TRƯỞNG BAN KIỂM PHIẾU"
MEMBERS_TITLE = "CÁC THÀNH VIÊN"


def signer_rows(book: Workbook) -> list[dict[str, str]]:
    """The board's signatures, one row per line of the signature table: the first row
    holds 'CÁC THÀNH VIÊN' with the first member (left) and 'TRƯỞNG BAN KIỂM PHIẾU' with the
    head (right); each further member has a row of its own on the left. Empty when the
    attendance sheet names no board (the template then asks for the names)."""
    board = counting_board(book.attendance)
    heads = [p.name for p in board if p.counting == "head"]
    members = [p.name for p in board if p.counting != "head"]
    if not board:
        return []
    first = {"left_title": MEMBERS_TITLE if members else "",
             "left": members[0] if members else "",
             "right_title": HEAD_TITLE, "right": heads[0] if heads else ""}
    return [first, *({"left_title": "", "left": name, "right_title": "", "right": ""}
                     for name in members[1:])]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
