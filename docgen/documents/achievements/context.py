"""Turn the workbook and the year's outcome into one achievement-report context per unit.

Each proposed collective gets its own report (NĐ 98/2023 Mẫu 02, skeleton of NĐ 91/2017
Mẫu 01) under its own header, pre-filled with the workbook's figures for the unit to
complete and sign. Individuals get none here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared.awards import award_name
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardReceived, DocumentCode, Member, Results, Workbook
from docgen.rules import Outcome, VoteOutcome
from docgen.vi import date_line, format_number, name_key, short_date, upper_vi

CODE = "bao-cao-thanh-tich"
PROPOSAL: DocumentCode = "to-trinh"
INSPECTORATE = "Thanh tra "


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """One rendition per proposed collective; its part is the unit's short name.

    A unit proposed for both awards gets two reports, told apart by the award's name.
    """
    chosen = [v for v in result.proposed if v.vote.target == "collective"]
    units = [v.vote.unit for v in chosen]
    return [Rendition(_part(book, v, twice=units.count(v.vote.unit) > 1), context(book, result, v))
            for v in chosen]


def _part(book: Workbook, v: VoteOutcome, *, twice: bool) -> str:
    short = book.member(v.vote.unit).short_name
    return f"{short} {award_name(book, v.vote.award)}" if twice else short


def context(book: Workbook, result: Outcome, v: VoteOutcome) -> dict[str, Any]:
    """Every value one unit's report prints, already formatted."""
    signing = book.signing_for(PROPOSAL)
    if signing is None:  # intake guarantees the row; the report bears the proposal's date
        raise ValueError("signing row for the proposal is missing")
    member = book.member(v.vote.unit)
    award = award_name(book, v.vote.award)
    year = book.cluster.year
    return {
        "doc": {
            "superior_lines": [upper_vi(member.superior)] if member.superior else [],
            "issuer_lines": [upper_vi(member.name)],
            "date_line": date_line(member.place, signing.date),
        },
        "year": year,
        "award_upper": upper_vi(award),
        "unit_name": member.name,
        "facts": _facts(member),
        "functions": functions(book, member),
        "results": _results(book, member),
        "emulation": _emulation(book, result, v),
        "titles": _award_rows(book, member, titles=True),
        "merits": _award_rows(book, member, titles=False),
        "closing": f"Trên đây là báo cáo thành tích năm {year} của {member.name}, kính đề nghị "
        f"{book.cluster.superior_head} xem xét, tặng {award}./.",
        "head_name": member.head_name,
    }


def _facts(member: Member) -> list[str]:
    """The 'Đặc điểm' lines; address and phone only when the workbook has them."""
    lines = []
    if member.address:
        lines.append(f"Trụ sở: {member.address}.")
    if member.phone:
        lines.append(f"Điện thoại: {member.phone}.")
    lines.append(f"Thủ trưởng: {member.head_name}, {member.head_title} {member.place}.")
    return lines


def locality(member: Member) -> str | None:
    """'tỉnh Sóc Trăng' from 'Thanh tra tỉnh Sóc Trăng'; None for other kinds of name."""
    if name_key(member.name).startswith(name_key(INSPECTORATE)):
        return member.name[len(INSPECTORATE):].strip() or None
    return None


def committee(member: Member) -> str:
    """'Ủy ban nhân dân tỉnh Sóc Trăng' (the People's Committee the unit belongs to)."""
    place = locality(member)
    return f"Ủy ban nhân dân {place}" if place else "Ủy ban nhân dân cấp tỉnh"


def functions(book: Workbook, member: Member) -> str:
    """Standard wording of a provincial inspectorate's functions (the unit may edit it)."""
    committee_name = committee(member)
    return (
        f"{member.name} là cơ quan chuyên môn thuộc {committee_name}, có chức năng tham mưu, "
        f"giúp {committee_name} quản lý nhà nước về công tác thanh tra, tiếp công dân, giải "
        "quyết khiếu nại, tố cáo và phòng, chống tham nhũng; tiến hành thanh tra, tiếp công "
        "dân, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng theo quy định của pháp "
        f"luật. {member.name} chịu sự chỉ đạo, điều hành của {committee_name}, đồng thời chịu "
        f"sự chỉ đạo về công tác, hướng dẫn về tổ chức, nghiệp vụ của "
        f"{book.cluster.superior_body}."
    )


def money(value: int) -> str:
    """'15.862.000.000 đồng'."""
    return f"{format_number(value)} đồng"


def _results(book: Workbook, member: Member) -> list[str]:
    """The paragraphs of the year's figures; none when the results sheet lacks the unit."""
    row = next((r for r in book.results if r.unit == member.name), None)
    if row is None:
        return []
    return [_inspections(book.cluster.year, member, row), _citizens(row)]


def _inspections(year: int, member: Member, r: Results) -> str:
    """The inspection figures as one sentence; zero figures are left out."""
    found = []
    if r.violations_money:
        found.append(f"sai phạm về kinh tế {money(r.violations_money)}")
    if r.violations_land:
        found.append(f"sai phạm về đất đai {format_number(r.violations_land)} m²")
    measures = []
    if r.recovery_money:
        measures.append(f"kiến nghị thu hồi {money(r.recovery_money)}")
    if r.disciplined:
        measures.append(f"kiến nghị xử lý {format_number(r.disciplined)} tập thể, cá nhân")
    if r.transferred:
        measures.append(f"chuyển cơ quan điều tra {format_number(r.transferred)} vụ việc")
    text = f"Năm {year}, {member.name} đã tiến hành {format_number(r.inspections)} cuộc thanh tra"
    if found:
        text += f"; qua thanh tra đã phát hiện {' và '.join(found)}"
    if measures:
        text += f"; {', '.join(measures)}"
    return text + "."


def _citizens(r: Results) -> str:
    """Citizen receptions and petitions handled."""
    return (
        f"Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được thực hiện nghiêm túc, "
        f"đúng quy định: đã tiếp {format_number(r.receptions)} lượt công dân; giải quyết "
        f"{format_number(r.petitions)} đơn khiếu nại, tố cáo thuộc thẩm quyền."
    )


def _emulation(book: Workbook, result: Outcome, v: VoteOutcome) -> list[str]:
    """Registration, score and rank in the cluster, and the ballot."""
    member = book.member(v.vote.unit)
    lines = []
    reg = next((r for r in book.registration if r.unit == member.name), None)
    if reg is not None:
        lines.append(
            f"Đơn vị đã tổ chức cho {format_number(reg.collectives_registered)}/"
            f"{format_number(reg.collectives)} tập thể và "
            f"{format_number(reg.individuals_registered)}/{format_number(reg.individuals)} cá "
            f"nhân đăng ký thi đua, tích cực hưởng ứng các phong trào thi đua do "
            f"{book.cluster.superior_body}, {committee(member)} và Cụm thi đua phát động."
        )
    ranked = next((r for r in result.ranking if r.unit == member.name), None)
    if ranked is not None:
        top = sum(x.max_points for x in book.criteria)
        lines.append(
            f"Kết quả chấm điểm thi đua năm {book.cluster.year} của {book.cluster.name}: "
            f"{member.name} đạt {format_number(ranked.total)}/{format_number(top)} điểm, xếp "
            f"thứ {ranked.rank}/{len(result.ranking)} đơn vị trong Cụm."
        )
    lines.append(_ballot(book, v, member))
    return lines


def _ballot(book: Workbook, v: VoteOutcome, member: Member) -> str:
    conf = book.conference
    return (
        f"{member.name} được Hội nghị tổng kết công tác thi đua năm {book.cluster.year} của "
        f"{book.cluster.name} ngày {short_date(conf.date)} suy tôn, đề nghị tặng "
        f"{award_name(book, v.vote.award)} với {v.vote.votes_for}/{v.vote.voters} phiếu đồng "
        f"ý, đạt {c.percent(v.percent)}."
    )


def _award_rows(book: Workbook, member: Member, *, titles: bool) -> list[dict[str, str]]:
    """The unit's own titles (or other awards), oldest first."""
    own = [a for a in book.awards
           if a.unit == member.name and a.target == "collective" and not a.recipient
           and a.is_title == titles]
    return [{"year": str(a.year), "award": a.award, "decision": decision(a)}
            for a in _by_year(own)]


def _by_year(awards: Iterable[AwardReceived]) -> list[AwardReceived]:
    return sorted(awards, key=lambda a: a.year)


def decision(a: AwardReceived) -> str:
    """'Quyết định số 412/QĐ-UBND ngày 24/02/2020 của Chủ tịch UBND tỉnh Sóc Trăng'."""
    parts = ["Quyết định"]
    if a.decision:
        parts.append(f"số {a.decision}")
    if a.decision_date:
        parts.append(f"ngày {short_date(a.decision_date)}")
    parts.append(f"của {a.decider}")
    return " ".join(parts)
