"""Turn the workbook and the year's outcome into the minutes' (biên bản) template context.

The minutes (Decree 30, Mẫu 1.9) prove the meeting: when, how and where it met; who chaired,
took notes, attended (guests, each member's delegates, absences with and without a written
opinion) and whether the quorum was met; the agenda; the scores; the counting board, the
ballots (issued, returned, valid, invalid with reasons), the rule of each award and every
nominee's result; the conclusion; next year's officers with their counts; what the meeting
discussed and adopted; the time it ended and how many copies were made. What the workbook
does not say is left to the template's fill-in markers, never invented.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs

# The ballot figures are the count minutes' (one computation: awards.ballot_rows,
# meeting.ballot_sentence); the score table is the report's, figure for figure.
from docgen.documents.shared.awards import (
    ballot_rows,
    conclusion,
    quota_words,
    share_words,
)
from docgen.documents.shared.meeting import (
    agenda_lines,
    attendance_context,
    ballot_sentence,
    bare,
    base_sentence,
    clock,
    election_results,
    place_context,
    scores_context,
)
from docgen.documents.shared.rendition import Rendition
from docgen.model import Conference, DocumentCode, Workbook
from docgen.rules import Outcome
from docgen.vi import count_phrase, full_date

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
        **dict(zip(("group", "leader_title", "deputy_title"), c.officers(book), strict=True)),
        **meeting_context(conf),
        **attendance_context(book),
        "agenda_lines": agenda_lines(conf.agenda),
        **scores_context(book, result),
        "ballot_sentence": ballot_sentence(conf),
        "rule_lines": rule_lines(result),
        "base_sentence": base_sentence(book, result),
        "ballot_rows": ballot_rows(book, result),
        "base_header": base_header(result),
        **conclusion(book, result),
        "election": election_results(book, result),
        "discussion": paragraphs(conf.discussion),
        "copies": count_phrase(conf.minutes_copies, "bản") if conf.minutes_copies else "",
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
        **place_context(conf),
        "attendees": bare(conf.attendees),
        "chair_name": conf.chair,
        "chair_title": conf.chair_title if conf.co_chair else bare(conf.chair_title),
        "co_chair": co_chair(conf),
        "secretary_name": conf.secretary,
        "secretary_title": bare(conf.secretary_title),
    }


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


def paragraphs(text: str | None) -> list[str]:
    """A typed text cut into its paragraphs (one per line); empty for None."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def rule_lines(result: Outcome) -> list[str]:
    """Each award put to the vote with the share it needs and its places: '- Cờ thi đua …:
    từ 80% số phiếu đồng ý trở lên, tối đa 01 (một) tập thể;'. When the awards count their
    shares on different bases, each line names its base."""
    forms = result.voted()
    uniform = len({form.base for form in forms}) == 1
    lines = []
    for form in forms:
        places = quota_words(form)
        needed = share_words(form) if not uniform else (
            f"trên {c.share_text(form.threshold)} số phiếu đồng ý" if form.rule == "above"
            else f"từ {c.share_text(form.threshold)} số phiếu đồng ý trở lên")
        lines.append(f"{form.full_name}: {needed}{f', tối đa {places}' if places else ''}")
    return c.listed(lines)


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
