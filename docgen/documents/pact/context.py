"""Turn the workbook and the year's outcome into next year's emulation pact's (giao ước) context.

The pact is not a Decree 30 type: it has no "Số:" line. It is dated and headed as next
year's Cụm trưởng issues it, cites the launch plan of next year, lists the targets and the
commitments by work area, says how the pact is carried out and ends with one signature cell
per member, Cụm trưởng and Cụm phó first.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared.rendition import Rendition
from docgen.model import Commitment, DocumentCode, Member, Milestone, Signing, Workbook
from docgen.rules import Outcome
from docgen.vi import name_key, roman, short_date, upper_vi

CODE: DocumentCode = "giao-uoc"
PLAN: DocumentCode = "ke-hoach"
TARGETS_AREA = "chỉ tiêu"  # an area whose name contains this holds the pact's targets
ROLE_LINES = {"leader": "CỤM TRƯỞNG", "deputy": "CỤM PHÓ", "member": ""}
# Words ending a head's title that the place completes ("Chánh Thanh tra tỉnh" + "Cà Mau");
# the cell's unit line already names the place, so the title drops them.
PLACE_LEVEL = re.compile(r"\s+(tỉnh|thành phố)$", re.IGNORECASE)
WIDE_GRID = 8  # more members than this: three signature cells per row instead of two
BLANK_CELL = {"unit": "", "role": "", "title": "", "name": ""}


def _signing(book: Workbook, code: DocumentCode) -> Signing:
    """The signing row of a document (intake guarantees one per document)."""
    signing = book.signing_for(code)
    if signing is None:
        raise ValueError(f"signing row for {code} is missing")
    return signing


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the pact's template prints, already formatted."""
    signing = _signing(book, CODE)
    header = c.header(book, signing, CODE, result.leader_next)
    doc = {key: header[key] for key in ("superior_lines", "issuer_lines", "date_line")}
    doc["recipients_lines"] = c.recipient_lines(signing)
    year = book.cluster.year + 1  # the pact is for next year
    targets, areas = split_commitments(book.pact)
    parts = sections(bool(targets), bool(areas))
    tasks = duties(book, result)
    return {
        "doc": doc,
        "next_year": year,
        "cluster_name": book.cluster.name,
        "basis": basis(book, result),
        "intro": f"Các đơn vị thành viên {book.cluster.name} thống nhất ký kết Giao ước thi đua "
        f"năm {year} với các nội dung sau:",
        "headings": parts,
        "targets": c.listed([x.text for x in targets]),
        "areas": area_blocks(areas),
        "duties": tasks,
        "timeline_lead": f"{len(tasks) + 1}. Thời gian thực hiện các nội dung chủ yếu:",
        "milestones": milestone_lines(book.timeline),
        "closing": f"Giao ước thi đua năm {year} có hiệu lực kể từ ngày ký. Các đơn vị thành "
        f"viên {book.cluster.name} cam kết thực hiện nghiêm túc các nội dung đã ký kết./.",
        "grid": grid(book, result),
    }


def plan_citation(book: Workbook, result: Outcome) -> str:
    """Next year's launch plan: 'Kế hoạch số 01/KH-CTĐ ngày 10/01/2022 của Cụm … phát động
    phong trào thi đua năm 2022'; without a number: 'Kế hoạch phát động … của Cụm …'."""
    signing = _signing(book, PLAN)
    cluster, year = book.cluster.name, book.cluster.year + 1
    subject = f"phát động phong trào thi đua năm {year}"
    if signing.number is None:
        return f"Kế hoạch {subject} của {cluster}"
    number = c.header(book, signing, PLAN, result.leader_next)["number_line"]
    symbol = number.removeprefix("Số: ")
    return f"Kế hoạch số {symbol} ngày {short_date(signing.date)} của {cluster} {subject}"


def basis(book: Workbook, result: Outcome) -> list[str]:
    """'Căn cứ …' lines: the award laws and decrees, then next year's launch plan."""
    cited = [f"Căn cứ {c.citation(x)}" for x in book.citations if x.role == "award_basis"]
    return c.listed([*cited, f"Căn cứ {plan_citation(book, result)}"], prefix="")


def is_target(area: str) -> bool:
    """True for an area holding the pact's targets ('Chỉ tiêu chung', 'Các chỉ tiêu …')."""
    return name_key(TARGETS_AREA) in name_key(area)


def split_commitments(
    pact: list[Commitment],
) -> tuple[list[Commitment], dict[str, list[Commitment]]]:
    """The targets, and the other commitments grouped by area in sheet order."""
    targets = [x for x in pact if is_target(x.area)]
    areas: dict[str, list[Commitment]] = {}
    names: dict[str, str] = {}
    for x in pact:
        if not is_target(x.area):
            area = names.setdefault(name_key(x.area), x.area)
            areas.setdefault(area, []).append(x)
    return targets, areas


def sections(has_targets: bool, has_areas: bool) -> dict[str, str]:
    """The part headings, numbered I, II, III over the parts the pact has."""
    parts = [("targets", "MỤC TIÊU, CHỈ TIÊU", has_targets),
             ("areas", "NỘI DUNG GIAO ƯỚC", has_areas),
             ("duties", "TỔ CHỨC THỰC HIỆN", True)]
    shown = [(key, title) for key, title, present in parts if present]
    return {key: f"{roman(i)}. {title}" for i, (key, title) in enumerate(shown, start=1)}


def area_blocks(areas: dict[str, list[Commitment]]) -> list[dict[str, Any]]:
    """One numbered sub-heading per work area ('1. Công tác thanh tra') with its lines."""
    return [{"heading": f"{i}. {area}", "lines": c.listed([x.text for x in items])}
            for i, (area, items) in enumerate(areas.items(), start=1)]


def duties(book: Workbook, result: Outcome) -> list[str]:
    """Who carries the pact out: the members, the Cụm trưởng and the Cụm phó."""
    leader, deputy = result.leader_next.name, result.deputy_next.name
    year = book.cluster.year + 1
    return [
        "1. Các đơn vị thành viên tổ chức quán triệt, triển khai thực hiện các nội dung Giao "
        "ước đến toàn thể công chức, người lao động; định kỳ 6 tháng, năm báo cáo kết quả thực "
        f"hiện về Cụm trưởng ({leader}).",
        f"2. {leader} (Cụm trưởng) chủ trì, phối hợp với {deputy} (Cụm phó) tổ chức kiểm tra "
        f"chéo, chấm điểm thi đua theo thang bảng điểm của Cụm; tổ chức sơ kết 6 tháng và Hội "
        f"nghị tổng kết công tác thi đua, khen thưởng năm {year}. Kết quả thực hiện Giao ước là "
        "căn cứ để bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng của Cụm.",
    ]


def _lower_first(text: str) -> str:
    """'Tháng 7/2022' -> 'tháng 7/2022' inside a sentence; 'IX …' and 'Q1' stay as typed."""
    if text[:1].isupper() and text[1:2].islower():
        return text[:1].lower() + text[1:]
    return text


def milestone_lines(timeline: list[Milestone]) -> list[str]:
    """'- {task}: {deadline} ({responsible});' per milestone, the last ending '.'."""
    return c.listed([f"{m.task}: {_lower_first(m.deadline)} ({m.responsible})"
                     for m in timeline])


def signer_title(member: Member) -> str:
    """The head's title in capitals without the trailing level word the place would complete:
    'Chánh Thanh tra tỉnh' -> 'CHÁNH THANH TRA'."""
    return upper_vi(PLACE_LEVEL.sub("", member.head_title.strip()) or member.head_title)


def signers(book: Workbook, result: Outcome) -> list[Member]:
    """Next year's members: Cụm trưởng, Cụm phó, then the others in the members sheet order."""
    first = [result.leader_next, result.deputy_next]
    names = {m.name for m in first}
    return first + [m for m in book.members if m.name not in names]


def cell(member: Member) -> dict[str, str]:
    """One signature cell: unit, role line (blank for a plain member), title and name."""
    return {
        "unit": upper_vi(member.name),
        "role": ROLE_LINES[member.role_next],
        "title": signer_title(member),
        "name": member.head_name,
    }


def grid(book: Workbook, result: Outcome) -> list[list[dict[str, str]]]:
    """Signature cells in rows of two (three beyond eight members); the last row is padded
    with blank cells so every row has as many cells."""
    cells = [cell(m) for m in signers(book, result)]
    width = 3 if len(cells) > WIDE_GRID else 2
    rows = [cells[i:i + width] for i in range(0, len(cells), width)]
    if rows:
        rows[-1] += [dict(BLANK_CELL) for _ in range(width - len(rows[-1]))]
    return rows


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
