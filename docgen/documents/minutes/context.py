"""Turn the workbook and the year's outcome into the minutes' (biên bản) template context.

The minutes (Decree 30, Mẫu 1.9) record the conference: when, how and where it met, who
chaired and who took notes, the scores, the ballot with every nominee and its result, the
conclusion (who is proposed, and why the others are not), next year's officers, the time it
ended.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared.awards import (
    award_name,
    conclusion,
    nominee,
    vote_sentence,
)

# The score table must be the report's, figure for figure: reuse its builder.
from docgen.documents.shared.meeting import election_sentence, scores_context
from docgen.documents.shared.rendition import Rendition
from docgen.model import Conference, DocumentCode, Workbook
from docgen.rules import Outcome
from docgen.vi import format_number, full_date

CODE: DocumentCode = "bien-ban"
FORMS = {"online": "Trực tuyến", "in_person": "Trực tiếp", "hybrid": "Trực tiếp kết hợp trực tuyến"}
VERDICTS = {True: "Đề nghị", False: "Không đề nghị"}


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the minutes' template prints, already formatted."""
    signing = book.signing_for(CODE)
    if signing is None:  # intake guarantees the row; keep mypy and readers certain
        raise ValueError("signing row for the minutes is missing")
    conf = book.conference
    doc = c.header(book, signing, CODE, result.leader)
    doc["recipients_lines"] = c.recipient_lines(signing)
    return {
        "doc": doc,
        "year": book.cluster.year,
        "next_year": book.cluster.year + 1,
        "cluster_name": book.cluster.name,
        "start_line": f"{moment(conf.start, conf.date)}.",
        "form_line": f"{FORMS[conf.form]}.",
        "venue_line": venue_line(conf),
        "attendees_line": sentence(conf.attendees),
        "chair_line": chair_line(conf),
        "secretary_line": sentence(f"đồng chí {conf.secretary}, {conf.secretary_title}"),
        "scores_intro": "Hội nghị đã thông qua kết quả chấm điểm, xếp hạng thi đua năm "
        f"{book.cluster.year} của các thành viên Cụm như sau:",
        **scores_context(book, result),
        "vote_sentence": vote_sentence(book),
        "ballot_rows": ballot_rows(book, result),
        **conclusion(book, result),
        "election_sentence": election_sentence(book, result),
        "end_line": f"Cuộc họp kết thúc vào {moment(conf.end, conf.date)}./.",
        "secretary_name": conf.secretary,
        "chair_name": conf.chair,
    }


def moment(time: dt.time, date: dt.date) -> str:
    """'08 giờ 00 phút, ngày 20 tháng 12 năm 2021'."""
    return f"{time.hour:02d} giờ {time.minute:02d} phút, {full_date(date)}"


def sentence(text: str) -> str:
    """`text` ending with exactly one full stop."""
    return text.strip().rstrip(".;,") + "."


def venue_line(conf: Conference) -> str:
    """The venue; an online or hybrid meeting also names the connected bridges."""
    if conf.form == "in_person" or not conf.bridges:
        return sentence(conf.venue)
    link = "kết nối trực tuyến" if conf.form == "online" else "kết hợp trực tuyến"
    return sentence(f"{conf.venue.rstrip('.;, ')}, {link} với các điểm cầu: "
                    f"{', '.join(conf.bridges)}")


def chair_line(conf: Conference) -> str:
    """The chair with title, and the co-chair if any."""
    text = f"đồng chí {conf.chair}, {conf.chair_title}"
    if conf.co_chair:
        co_chair = ", ".join(x for x in (conf.co_chair, conf.co_chair_title) if x)
        text += f"; đồng chủ trì: đồng chí {co_chair}"
    return sentence(text)


def ballot_rows(book: Workbook, result: Outcome) -> list[dict[str, str]]:
    """Every nominee's ballot result, proposed or not."""
    return [
        {"stt": str(i), "nominee": nominee(v, book), "award": award_name(book, v.vote.award),
         "votes_for": format_number(v.vote.votes_for), "voters": format_number(v.vote.voters),
         "percent": c.percent(v.percent), "verdict": VERDICTS[v.proposed]}
        for i, v in enumerate(result.votes, start=1)
    ]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
