"""Turn the workbook and the year's outcome into the launch plan's (kế hoạch) context.

The plan launches next year's movement, so it is issued and signed by next year's Cụm
trưởng (`Outcome.leader_next`) and names next year's Cụm phó. The staff's points of the plan
sheet fill the outline (domain.md 4.3); the period, the award standards, the quotas, the
procedure and the officers' duties are computed from the year, the settings, the timeline
and the members. Parts with nothing to print are left out and the rest renumbered: `num`
gives each part its number, or "" when it is left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared.awards import AWARDS, award_name, quota
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardKind, DocumentCode, Member, Milestone, Workbook
from docgen.rules import Outcome
from docgen.vi import count_phrase, format_number, name_key, roman, short_date

CODE: DocumentCode = "ke-hoach"
# The plan sheet's parts (intake maps the sheet's labels to these codes), in outline order.
PARTS = ("purpose", "requirements", "subjects", "content", "organisation", "awards",
         "implementation")
# Who each award goes to, as the standards (part III) state it.
STANDARD_WHO = {
    "flag": "tập thể dẫn đầu Cụm thi đua, được Hội nghị tổng kết của Cụm bình xét, suy tôn",
    "merit": "tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua, được Hội nghị "
    "tổng kết của Cụm bình xét",
}
# The roman-numbered parts, in order.
SECTIONS = ("aims", "scope", "standards", "quotas", "procedure", "implementation")
FILES_TASK = "hồ sơ"


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the launch plan's template prints, already formatted."""
    signing = book.signing_for(CODE)
    if signing is None:  # intake guarantees the row; keep mypy and readers certain
        raise ValueError("signing row for the launch plan is missing")
    year = book.cluster.year + 1  # the plan launches next year's movement
    doc = c.header(book, signing, CODE, result.leader_next)
    doc |= {
        "addressee_lines": c.addressee_lines(signing.addressee),
        "signature": c.signature(signing, result.leader_next),
        "recipients_lines": c.recipient_lines(signing),
    }
    parts = plan_parts(book)
    standards, quotas = standard_lines(book), quota_lines(book)
    return {
        "doc": doc,
        "next_year": year,
        "cluster_name": book.cluster.name,
        "basis": basis(book),
        "intro": f"{book.cluster.name} xây dựng Kế hoạch phát động phong trào thi đua năm "
        f"{year} như sau:",
        "parts": parts,
        "num": numbering(parts, has_standards=bool(standards), has_quotas=bool(quotas)),
        "period": period(year),
        "standards": standards,
        "quotas": quotas,
        "procedure": procedure(book, result.leader_next),
        "officers": officers_sentence(result, year),
        "timeline_rows": timeline_rows(book.timeline),
    }


def basis(book: Workbook) -> list[str]:
    """'Căn cứ …' lines: the laws and decrees on awards, then the year-end conference."""
    lines = [f"Căn cứ {c.citation(x)}" for x in book.citations if x.role == "award_basis"]
    conference = (
        f"Căn cứ kết quả Hội nghị tổng kết công tác thi đua năm {book.cluster.year} của "
        f"{book.cluster.name} ngày {short_date(book.conference.date)}"
    )
    return c.listed([*lines, conference], prefix="")


def plan_parts(book: Workbook) -> dict[str, list[str]]:
    """The plan sheet's points by part, one paragraph per typed line, in sheet order."""
    parts: dict[str, list[str]] = {code: [] for code in PARTS}
    for item in book.plan:
        lines = [line.strip() for line in item.text.split("\n")]
        parts.setdefault(item.part, []).extend(line for line in lines if line)
    return parts


def numbering(parts: dict[str, list[str]], *, has_standards: bool,
              has_quotas: bool) -> dict[str, str]:
    """Each part's number ('I', '2' ...), or '' for a part left out for want of content.

    Parts II (the period is always stated), V (fixed wording) and VI (the officers) are
    always printed; I, III and IV only when they have something to say.
    """
    present = {
        "aims": bool(parts["purpose"] or parts["requirements"]),
        "scope": True,
        "standards": bool(parts["awards"]) or has_standards,
        "quotas": has_quotas,
        "procedure": True,
        "implementation": True,
    }
    filled = {key: bool(lines) for key, lines in parts.items()}
    num = _numbered(SECTIONS, present, roman)
    num |= _numbered(("purpose", "requirements"), filled, str)
    num |= _numbered(("subjects", "content", "organisation", "period"),
                     filled | {"period": True}, str)
    return num


def _numbered(keys: Iterable[str], present: dict[str, bool],
              style: Callable[[int], str]) -> dict[str, str]:
    """Number the present keys 1, 2 … in `style` (roman or str); absent keys get ''."""
    out: dict[str, str] = {}
    count = 0
    for key in keys:
        count += present[key]
        out[key] = style(count) if present[key] else ""
    return out


def period(year: int) -> str:
    """'Từ ngày 01/01/2022 đến ngày 31/12/2022.'"""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return f"Từ ngày {short_date(first)} đến ngày {short_date(last)}."


def offered(book: Workbook) -> list[AwardKind]:
    """The awards the cluster may propose next year (quota above zero), flag first."""
    return [award for award in AWARDS if quota(book, award) > 0]


def threshold(book: Workbook, award: AwardKind) -> str:
    """The award's vote threshold as printed: '80%', '66,5%'."""
    settings = book.settings
    value = settings.flag_threshold if award == "flag" else settings.merit_threshold
    return f"{format_number(value)}%"


def standard_lines(book: Workbook) -> list[str]:
    """One line per award: who it goes to and the share of votes it needs."""
    return [
        f"{award_name(book, award)}: xét tặng cho {STANDARD_WHO[award]}, đạt từ "
        f"{threshold(book, award)} số phiếu đồng ý trở lên trên tổng số người bỏ phiếu (kể "
        "cả ý kiến bằng văn bản của thành viên vắng mặt)."
        for award in offered(book)
    ]


def quota_lines(book: Workbook) -> list[str]:
    """'Cờ thi đua …: 01 (một) tập thể dẫn đầu Cụm.', 'Bằng khen …: không quá 02 (hai) …'."""
    lines = []
    for award in offered(book):
        n = quota(book, award)
        if award == "flag":
            counted = f"{count_phrase(n, 'tập thể')} dẫn đầu Cụm"
        else:
            counted = f"không quá {count_phrase(n, 'tập thể, cá nhân')}"
        lines.append(f"{award_name(book, award)}: {counted}.")
    return lines


def files_deadline(timeline: list[Milestone]) -> str | None:
    """The deadline of the first timeline task about the files ('hồ sơ'), or None."""
    for milestone in timeline:
        if FILES_TASK in name_key(milestone.task):
            return milestone.deadline.rstrip(".")
    return None


def procedure(book: Workbook, leader: Member) -> list[str]:
    """Part V: what the files hold, where they go, and by when (only a date the sheet has)."""
    body = book.cluster.superior_body
    deadline = files_deadline(book.timeline)
    when = (f"Thời hạn gửi hồ sơ: {deadline}." if deadline else
            f"Thời hạn gửi hồ sơ thực hiện theo hướng dẫn của {body}.")
    return [
        "Hồ sơ đề nghị khen thưởng gồm: tờ trình đề nghị khen thưởng; biên bản họp bình xét, "
        "suy tôn; báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng; danh sách "
        "tập thể, cá nhân đề nghị khen thưởng.",
        f"Hồ sơ đề nghị khen thưởng của Cụm gửi về {body} thông qua Cụm trưởng "
        f"({leader.name}).",
        when,
    ]


def officers_sentence(result: Outcome, year: int) -> str:
    """Next year's Cụm trưởng and Cụm phó and what each does."""
    return (
        f"Năm {year}, {result.leader_next.name} là Cụm trưởng, chủ trì hướng dẫn, theo dõi, "
        "đôn đốc các thành viên thực hiện Kế hoạch, tổ chức sơ kết, tổng kết, bình xét thi đua "
        f"và tổng hợp, báo cáo kết quả; {result.deputy_next.name} là Cụm phó, phối hợp với Cụm "
        "trưởng triển khai, kiểm tra việc thực hiện Kế hoạch và thực hiện nhiệm vụ của Cụm "
        "trưởng khi được ủy quyền."
    )


def timeline_rows(timeline: list[Milestone]) -> list[dict[str, str]]:
    """The timetable: STT, task, deadline, unit responsible."""
    return [
        {"stt": str(i), "task": m.task, "deadline": m.deadline, "responsible": m.responsible}
        for i, m in enumerate(timeline, start=1)
    ]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
