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
from docgen.documents.shared import references as refs
from docgen.documents.shared.awards import (
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


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the minutes' template prints, already formatted.

    The template holds the fixed wording (labels, the meeting form, the bridge phrase, the
    verdicts); the context gives names, times, the date and the shared sentences.
    """
    signing = refs.signing(book, CODE)
    conf = book.conference
    doc = c.header(book, signing, CODE, result.leader)
    doc["recipients_lines"] = c.recipient_lines(signing)
    return {
        "doc": doc,
        "year": book.cluster.year,
        "next_year": book.cluster.year + 1,
        "cluster_name": book.cluster.name,
        **meeting_context(conf),
        **scores_context(book, result),
        "vote_sentence": vote_sentence(book),
        "ballot_rows": ballot_rows(book, result),
        "base_header": base_header(result),
        **conclusion(book, result),
        "election_sentence": election_sentence(book, result),
    }


def meeting_context(conf: Conference) -> dict[str, Any]:
    """When, how and where the meeting was held, who chaired and who took notes.

    A value printed last in its line comes without closing punctuation: the template ends
    the line with its full stop.
    """
    return {
        "meeting_date": full_date(conf.date),
        "start": clock(conf.start),
        "end": clock(conf.end),
        "form": conf.form,
        "venue": venue(conf),
        "bridges": bridges(conf),
        "attendees": bare(conf.attendees),
        "chair_name": conf.chair,
        "chair_title": conf.chair_title if conf.co_chair else bare(conf.chair_title),
        "co_chair": co_chair(conf),
        "secretary_name": conf.secretary,
        "secretary_title": bare(conf.secretary_title),
    }


def clock(time: dt.time) -> dict[str, str]:
    """Hour and minute, two digits each: {'hour': '08', 'minute': '00'}."""
    return {"hour": f"{time.hour:02d}", "minute": f"{time.minute:02d}"}


def bare(text: str) -> str:
    """`text` without surrounding spaces and closing punctuation (the template adds a stop)."""
    return text.strip().rstrip(".;,")


def bridged(conf: Conference) -> bool:
    """True when the venue line names the connected bridges (online or hybrid with bridges)."""
    return conf.form != "in_person" and bool(conf.bridges)


def venue(conf: Conference) -> str:
    """The venue, trimmed as its place in the line needs (the bridges may follow it)."""
    return conf.venue.strip().rstrip(".;, ") if bridged(conf) else bare(conf.venue)


def bridges(conf: Conference) -> str:
    """The connected bridges, comma-separated; '' when the line names none."""
    return bare(", ".join(conf.bridges)) if bridged(conf) else ""


def co_chair(conf: Conference) -> str:
    """The co-chair and title ('Nguyễn Văn Đức, Chánh Thanh tra tỉnh Kiên Giang, Cụm phó');
    '' when there is none."""
    if not conf.co_chair:
        return ""
    return bare(", ".join(x for x in (conf.co_chair, conf.co_chair_title) if x))


# The ballot table's heading over what each share is counted on.
BASE_HEADERS = {"voters": "Tổng số người bỏ phiếu", "valid": "Số phiếu hợp lệ"}


def base_header(result: Outcome) -> str:
    """'Tổng số người bỏ phiếu' or 'Số phiếu hợp lệ' as the awards voted on count their
    shares; 'Số phiếu tính tỷ lệ' when they count them differently."""
    bases = {form.base for form in result.voted()}
    return BASE_HEADERS[bases.pop()] if len(bases) == 1 else "Số phiếu tính tỷ lệ"


def ballot_rows(book: Workbook, result: Outcome) -> list[dict[str, Any]]:
    """Every nominee's ballot result, proposed or not (the template words the verdict)."""
    return [
        {"stt": str(i), "nominee": nominee(v, book), "award": v.form.full_name,
         "votes_for": format_number(v.vote.votes_for), "voters": format_number(v.base),
         "percent": c.percent(v.percent), "proposed": v.proposed}
        for i, v in enumerate(result.votes, start=1)
    ]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
