"""Turn the conference and its results into the wording the report, minutes and proposal share.

The score table, the conference sentence, the election (with its counts), the ballots
(issued, returned, valid, invalid with reasons; what the shares are counted on) and who
attended (guests, each member's delegates, absences with and without a written opinion, the
quorum, the counting board) must read the same in every paper that prints them (the minutes
and the count minutes above all), so they are built here once. A workbook without the
attendance sheet gives empty lists and `attendance` False: a document then asks for them
with fill-in markers, never an invented list.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared.awards import BASE_WORDS
from docgen.documents.shared.common import officers, percent
from docgen.intake.assemble import quorum_met
from docgen.model import Attendee, Conference, Member, Quorum, Workbook
from docgen.rules import Outcome
from docgen.vi import format_number, name_key, short_date

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
    _, leader, deputy = officers(book)
    return (
        f"Hội nghị thống nhất bầu {result.leader_next.name} làm {leader} và "
        f"{result.deputy_next.name} làm {deputy} {book.cluster.name} năm "
        f"{book.cluster.year + 1}."
    )


def election_results(book: Workbook, result: Outcome) -> list[dict[str, str]]:
    """Next year's leader and deputy, each with its count on the valid ballots: {'office':
    'Cụm trưởng', 'unit': …, 'votes': '7/7 phiếu (100%)'}; 'votes' is '' when the workbook
    has no count (the document then asks for it)."""
    conf = book.conference
    _, leader, deputy = officers(book)
    offices = ((leader, result.leader_next, conf.leader_votes),
               (deputy, result.deputy_next, conf.deputy_votes))
    return [{"office": office, "unit": member.name,
             "votes": ballot_count(votes, conf.ballots_valid)}
            for office, member, votes in offices]


def ballot_count(votes: int | None, valid: int) -> str:
    """'6/7 phiếu (85,7%)': votes on the valid ballots; '' when `votes` is None."""
    if votes is None:
        return ""
    share = Decimal(votes) * 100 / Decimal(valid) if valid else Decimal(0)
    return f"{format_number(votes)}/{format_number(valid)} phiếu ({percent(share)})"


# The quorum as the minutes state the rule applied, after "theo quy định (…)"; the same
# words as the workbook's choices ('Số thành viên có mặt tối thiểu').
QUORUM_RULES: dict[Quorum, str] = {
    "half": "quá nửa số thành viên",
    "two_thirds": "từ 2/3 số thành viên trở lên",
    "all": "tất cả các thành viên",
}
COUNTING_WORDS = {"head": "Trưởng ban", "member": "Thành viên"}


def attendance_context(book: Workbook) -> dict[str, Any]:
    """Part I's lists and sentences; every list empty when the sheet is not filled."""
    people = book.attendance
    present = present_units(book)
    return {
        "attendance": bool(people),
        "guest_lines": c.listed([f"Đồng chí {person(p)}" for p in people
                                 if p.status == "guest"]),
        "member_rows": member_rows(book, present),
        "written_line": absence_line(book, present, "written"),
        "absent_line": absence_line(book, present, "absent"),
        "quorum_sentence": quorum_sentence(book, present) if people else "",
        "board_lines": board_lines(people),
    }


def person(p: Attendee) -> str:
    """'Nguyễn Thị Thu Hà, Phó Vụ trưởng, Vụ Tổ chức cán bộ, Thanh tra Chính phủ'; the unit
    is left out when the title already names it ('Giám đốc Sở Công Thương')."""
    title, unit = p.title.strip().rstrip(".;,"), p.unit.strip().rstrip(".;,")
    named = unit and name_key(unit) in name_key(title)
    return ", ".join(x for x in (p.name.strip(), title, "" if named else unit) if x)


def present_units(book: Workbook) -> list[Member]:
    """The members with at least one delegate present, in the members sheet's order."""
    units = {p.unit for p in book.attendance if p.status == "present"}
    return [m for m in book.members if m.name in units]


def member_rows(book: Workbook, present: list[Member]) -> list[dict[str, Any]]:
    """One row per member present: its number, full name and delegates ('name, title')."""
    delegates: dict[str, list[str]] = {}  # by unit, in the attendance sheet's order
    for p in book.attendance:
        if p.status == "present":
            delegates.setdefault(p.unit, []).append(
                f"{p.name}, {p.title.strip().rstrip('.;,')}")
    return [{"stt": str(i), "unit": m.name, "people": delegates.get(m.name, [])}
            for i, m in enumerate(present, start=1)]


def absent_members(book: Workbook, present: list[Member], status: str) -> list[Member]:
    """The members not present whose rows say `status` ('written' or 'absent')."""
    here = {m.name for m in present}
    marked = {p.unit for p in book.attendance if p.status == status}
    return [m for m in book.members if m.name in marked and m.name not in here]


def absence_line(book: Workbook, present: list[Member], status: str) -> str:
    """'Thanh tra tỉnh An Giang (đồng chí Nguyễn Hoàng Phúc, Chánh Thanh tra tỉnh)' for each
    member absent that way, joined by '; '; '' when there is none."""
    parts = []
    for m in absent_members(book, present, status):
        named = [f"đồng chí {p.name}, {p.title.strip().rstrip('.;,')}" for p in book.attendance
                 if p.unit == m.name and p.status == status]
        parts.append(f"{m.name} ({'; '.join(named)})" if named else m.name)
    return "; ".join(parts)


def quorum_sentence(book: Workbook, present: list[Member]) -> str:
    """'Có mặt 6/7 đơn vị thành viên, vắng mặt 1 đơn vị (có ý kiến bằng văn bản); đủ điều
    kiện tiến hành bình xét, suy tôn theo quy định (từ 2/3 số thành viên trở lên).'"""
    total = len(book.members)
    written = len(absent_members(book, present, "written"))
    absent = total - len(present)
    counted = f"Có mặt {len(present)}/{total} đơn vị thành viên"
    if absent:
        note = ("có ý kiến bằng văn bản" if written == absent
                else f"{written} đơn vị có ý kiến bằng văn bản" if written
                else "không có ý kiến bằng văn bản")
        counted += f", vắng mặt {absent} đơn vị ({note})"
    quorum = book.conference.quorum
    met = "đủ" if quorum_met(len(present), total, quorum) else "không đủ"
    return (f"{counted}; {met} điều kiện tiến hành bình xét, suy tôn theo quy định "
            f"({QUORUM_RULES[quorum]}).")


def counting_board(people: list[Attendee]) -> list[Attendee]:
    """The counting board as the attendance sheet names it: the head first, then the
    members in the sheet's order; empty when the sheet names no board."""
    return sorted((p for p in people if p.counting is not None),
                  key=lambda p: p.counting != "head")


def board_lines(people: list[Attendee]) -> list[str]:
    """'- Trưởng ban: đồng chí …, chức vụ, đơn vị;' first, then each member of the board;
    empty when the sheet names no board."""
    return c.listed([f"{COUNTING_WORDS[p.counting or 'member']}: đồng chí {person(p)}"
                     for p in counting_board(people)])


def ballot_figures(conf: Conference) -> dict[str, Any]:
    """The ballots as the minutes and the count minutes print them: issued, returned,
    valid and invalid (formatted), the reasons for the invalid ones ('' when none were
    invalid or the workbook gives none) and whether reasons are wanting (invalid ballots
    without a reason: the count minutes ask for it)."""
    invalid = conf.ballots_returned - conf.ballots_valid
    reasons = bare(conf.invalid_reasons or "") if invalid else ""
    return {
        "issued": format_number(conf.ballots_issued),
        "returned": format_number(conf.ballots_returned),
        "valid": format_number(conf.ballots_valid),
        "invalid": format_number(invalid),
        "reasons": reasons,
        "reasons_missing": invalid > 0 and not reasons,
    }


def ballot_sentence(conf: Conference) -> str:
    """The ballots in one sentence: issued, returned, valid and invalid, with the reasons
    when some were invalid."""
    b = ballot_figures(conf)
    reasons = f" (lý do: {b['reasons']})" if b["reasons"] else ""
    return (
        "Hội nghị tiến hành bình xét, suy tôn bằng phiếu kín: số phiếu phát ra "
        f"{b['issued']}, số phiếu thu về {b['returned']}, số phiếu hợp lệ {b['valid']}, "
        f"số phiếu không hợp lệ {b['invalid']}{reasons}."
    )


def base_sentence(book: Workbook, result: Outcome) -> str:
    """What the shares are counted on, when every award counts them alike ('Tỷ lệ phiếu
    đồng ý được tính trên tổng số người bỏ phiếu (kể cả …).'), then whose written opinions
    count toward all voters; '' when there is nothing to add to the rule lines."""
    bases = {form.base for form in result.voted()}
    said = f"Tỷ lệ phiếu đồng ý được tính trên {BASE_WORDS[bases.pop()]}." if len(
        bases) == 1 else ""
    return f"{said} {written_sentence(book, result)}".strip()


def written_sentence(book: Workbook, result: Outcome) -> str:
    """'Ý kiến bằng văn bản của … (vắng mặt) được tính vào tổng số người bỏ phiếu.' when
    an absent member wrote and an award counts its shares on all voters; else ''."""
    written = absent_members(book, present_units(book), "written")
    if not written or not any(form.base == "voters" for form in result.voted()):
        return ""
    names = ", ".join(m.name for m in written)
    return (f"Ý kiến bằng văn bản của {names} (vắng mặt) được tính vào tổng số người bỏ "
            "phiếu.")


def place_context(conf: Conference) -> dict[str, Any]:
    """How and where the meeting is held, as `blocks.meeting_place` prints it: the form's
    code, the venue, the connected bridges ('' for none) and whether there are several."""
    return {
        "form": conf.form,
        "venue": venue(conf),
        "bridges": bridges(conf),
        "many_bridges": len(distinct_bridges(conf)) > 1,
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
    """The connected bridges, comma-separated, each once; '' when the line names none.

    A bridge the venue already names (the host's own hall: 'Hội trường Thanh tra tỉnh Bạc
    Liêu' and the bridge 'Thanh tra tỉnh Bạc Liêu') is not listed again."""
    return bare(", ".join(distinct_bridges(conf))) if bridged(conf) else ""


def distinct_bridges(conf: Conference) -> list[str]:
    """The bridges other than the venue, each once, in the workbook's order."""
    venue_key = name_key(conf.venue)
    kept: dict[str, str] = {}
    for bridge in conf.bridges:
        key = name_key(bridge.strip().rstrip(".;,"))
        core = re.sub(r"\s*\([^)]*\)$", "", key)
        if key in kept or re.search(rf"(?<!\w){re.escape(core)}(?!\w)", venue_key):
            continue
        kept[key] = bridge.strip()
    return list(kept.values())


def agenda_lines(agenda: list[str]) -> list[str]:
    """The agenda as typed, one dashed line per item in order ('- …;'), the last ending
    with a full stop; an item typed with its own number or dash keeps it."""
    items = [item.strip().rstrip(".;,") for item in agenda if item.strip()]
    return [f"{item if NUMBERED.match(item) else f'- {item}'}"
            f"{'.' if i == len(items) else ';'}" for i, item in enumerate(items, start=1)]


NUMBERED = re.compile(r"^(\d+[.)]|[a-zđ][.)]|[-–+•])\s")
