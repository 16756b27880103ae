"""Turn the workbook and the year's outcome into one achievement-report context per unit.

Each proposed collective gets its own report (NĐ 98/2023 Mẫu 02, skeleton of NĐ 91/2017
Mẫu 01) under its own header, pre-filled with what the workbook knows (contacts, staff, the
year's figures beside the previous year's, registration, score and rank, the cluster's
movements, the award's criteria with the unit's evidence, earlier awards) for the unit to
complete where the template leaves fill-in markers, and to sign. The unit's own vote share
is not its to quote. Individuals get their own kind (bao-cao-thanh-tich-ca-nhan).
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import figures as fig
from docgen.documents.shared import honours as h
from docgen.documents.shared import references as refs
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardForm, DocumentCode, Member, Results, Workbook
from docgen.rules import Outcome, VoteOutcome
from docgen.vi import date_line, format_number, name_key, upper_vi

CODE = "bao-cao-thanh-tich"
PROPOSAL: DocumentCode = "to-trinh"
INSPECTORATE = "Thanh tra "
# The words of a criterion that ask for the unit leading the cluster.
LEADING = name_key("dẫn đầu")
# The figures of the comparison table, in the order the report's sentences find them
# (what was found, then what was recommended); labels are the report's (`fig.FIGURES`).
TABLE_ORDER = ("inspections", "violations_money", "violations_land", "recovery_money",
               "disciplined", "transferred", "receptions", "petitions")
LABELS = {f.field: f.label for f in fig.FIGURES}


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
    return f"{short} {v.form.full_name}" if twice else short


def context(book: Workbook, result: Outcome, v: VoteOutcome) -> dict[str, Any]:
    """Every value one unit's report prints, already formatted.

    The template holds the fixed wording (headings, the unit's functions, the fill-in
    markers, the closing); the context gives names, dates and the sentences of figures.
    """
    signing = refs.signing(book, PROPOSAL)
    member = book.member(v.vote.unit)
    award = v.form.full_name
    year = book.cluster.year
    current = book.results_of(member.name)
    previous = book.results_of(member.name, previous=True)
    place = h.standing(book, result, member.name)
    confirm = h.confirmation(book, result)
    return {
        "doc": {
            "superior_lines": c.header_lines([member.superior] if member.superior else []),
            "issuer_lines": c.header_lines([member.name]),
            "date_line": date_line(member.place, signing.date),
        },
        "year": year,
        "previous_year": year - 1,
        "cluster_name": book.cluster.name,
        "cluster_word": c.cluster_word(book),
        "superior_body": book.cluster.superior_body,
        "decider": v.form.decider,
        "award": award,
        "award_upper": upper_vi(award),
        **_unit(member),
        "staff": _staff(book, member),
        "results": _results(member, current, previous, year),
        "comparison": _comparison(current, previous),
        "registration": _registration(book, member),
        "ranking": _ranking(book, place),
        "movements": c.listed([m.name for m in book.movements]),
        "criteria": _criteria(book, member, v.form, current, place),
        "titles": h.award_rows(book, member.name, titles=True),
        "merits": h.award_rows(book, member.name, titles=False),
        "confirm": confirm,
        "head_pad": [""] * h.title_lines(confirm),
    }


def _unit(member: Member) -> dict[str, str]:
    """The unit's name, contacts ('' when the workbook has none), head and committee."""
    return {
        "unit_name": member.name,
        "address": member.address or "",
        "phone": member.phone or "",
        "head_name": member.head_name,
        "head_title": member.head_title,
        "place": member.place,
        "committee": committee(member) or "",
    }


def locality(member: Member) -> str | None:
    """'tỉnh Sóc Trăng' from 'Thanh tra tỉnh Sóc Trăng'; None for other kinds of name."""
    if name_key(member.name).startswith(name_key(INSPECTORATE)):
        return member.name[len(INSPECTORATE):].strip() or None
    return None


def committee(member: Member) -> str | None:
    """'Ủy ban nhân dân tỉnh Sóc Trăng': the People's Committee a provincial inspectorate
    belongs to; None for a unit that is no provincial inspectorate (a department, a ward),
    whose report then claims no inspectorate's functions."""
    place = locality(member)
    return f"Ủy ban nhân dân {place}" if place else None


def _staff(book: Workbook, member: Member) -> str:
    """'Đơn vị có 8 tập thể (phòng, bộ phận) với 47 cán bộ, công chức, người lao động.' from
    the registration sheet; '' when the sheet lacks the unit (the template asks instead)."""
    reg = next((r for r in book.registration if r.unit == member.name), None)
    if reg is None:
        return ""
    return (f"Đơn vị có {format_number(reg.collectives)} tập thể (phòng, bộ phận) với "
            f"{format_number(reg.individuals)} cán bộ, công chức, người lao động.")


def _versus(field: str, current: Results, previous: Results | None, year: int) -> str:
    """' (tăng 12,5% so với năm 2020)' after a figure; '' without the previous year."""
    words = None if previous is None else fig.change(fig.value(current, field),
                                                      fig.value(previous, field))
    return f" ({words} so với năm {year})" if words else ""


def _value(field: str, row: Results) -> str:
    return fig.printed(field, fig.value(row, field))


def _results(member: Member, current: Results | None, previous: Results | None,
             year: int) -> dict[str, str] | None:
    """The sentences of the year's inspections and of citizens' petitions, each key figure
    compared with the previous year when the workbook has it; a zero figure is left out
    with its separator. None when the results sheet lacks the unit."""
    if current is None:
        return None
    r = current

    def versus(field: str) -> str:
        return _versus(field, r, previous, year - 1)

    found = []
    if r.violations_money:
        found.append(f"sai phạm về kinh tế {_value('violations_money', r)} triệu đồng")
    if r.violations_land:
        found.append(f"sai phạm về đất đai {format_number(r.violations_land)} m²")
    measures = []
    if r.recovery_money:
        measures.append(f"kiến nghị thu hồi {_value('recovery_money', r)} triệu đồng"
                        f"{versus('recovery_money')}")
    if r.disciplined:
        measures.append(f"kiến nghị xử lý {format_number(r.disciplined)} tập thể, cá nhân")
    if r.transferred:
        measures.append(f"chuyển cơ quan điều tra {format_number(r.transferred)} vụ việc")
    inspections = (f"Năm {year}, {member.name} đã tiến hành {format_number(r.inspections)} "
                   f"cuộc thanh tra{versus('inspections')}")
    if found:
        inspections += "; qua thanh tra đã phát hiện " + " và ".join(found)
    if measures:
        inspections += "; " + ", ".join(measures)
    citizens = (f"Về tiếp công dân, giải quyết khiếu nại, tố cáo: đã tiếp "
                f"{format_number(r.receptions)} lượt công dân{versus('receptions')}; giải "
                f"quyết {format_number(r.petitions)} đơn khiếu nại, tố cáo thuộc thẩm quyền"
                f"{versus('petitions')}.")
    return {"inspections": inspections + ".", "citizens": citizens}


def _comparison(current: Results | None, previous: Results | None) -> list[dict[str, str]]:
    """Rows 'Chỉ tiêu | Năm N-1 | Năm N | Tăng/giảm' of the figures either year has; empty
    without both years."""
    if current is None or previous is None:
        return []
    rows = []
    for field in TABLE_ORDER:
        now, before = fig.value(current, field), fig.value(previous, field)
        if now or before:
            rows.append({"label": LABELS[field], "previous": _value(field, previous),
                         "current": _value(field, current),
                         "change": fig.change(now, before) or "—"})  # '—': no rate from 0
    return rows


def _registration(book: Workbook, member: Member) -> str:
    """How many of the unit's collectives and individuals registered; '' when the sheet
    lacks the unit."""
    reg = next((r for r in book.registration if r.unit == member.name), None)
    if reg is None:
        return ""
    return (f"Đơn vị đã tổ chức cho {format_number(reg.collectives_registered)}/"
            f"{format_number(reg.collectives)} tập thể và "
            f"{format_number(reg.individuals_registered)}/{format_number(reg.individuals)} "
            "cá nhân đăng ký thi đua.")


def _ranking(book: Workbook, place: dict[str, Any] | None) -> str:
    """'Kết quả chấm điểm thi đua năm 2021 của Cụm …: đơn vị đạt 98,5/100 điểm, xếp thứ
    1/7, dẫn đầu Cụm.'; '' when the unit is unranked."""
    if place is None:
        return ""
    return (f"Kết quả chấm điểm thi đua năm {book.cluster.year} của {book.cluster.name}: "
            f"đơn vị {h.standing_phrase(place)}.")


def _criteria(book: Workbook, member: Member, form: AwardForm, current: Results | None,
              place: dict[str, Any] | None) -> dict[str, Any] | None:
    """The award's criteria and the unit's evidence from the workbook: score and rank,
    key figures, registration, earlier titles. `unproven`: the criteria ask for the unit
    leading the cluster and the ranking does not show it alone in first place. None when
    the award has no criteria."""
    if not form.criteria:
        return None
    evidence = []
    if place is not None:
        evidence.append(f"Chấm điểm thi đua năm {book.cluster.year}: "
                        f"{h.standing_phrase(place)}")
    if current is not None:
        figures = [f"{format_number(current.inspections)} cuộc thanh tra"]
        if current.recovery_money:
            figures.append(f"kiến nghị thu hồi {_value('recovery_money', current)} triệu "
                           "đồng")
        figures += [f"tiếp {format_number(current.receptions)} lượt công dân",
                    f"giải quyết {format_number(current.petitions)} đơn khiếu nại, tố cáo"]
        evidence.append("Kết quả công tác: " + ", ".join(figures))
    reg = next((r for r in book.registration if r.unit == member.name), None)
    if reg is not None:
        evidence.append(f"Đăng ký thi đua: {reg.collectives_registered}/{reg.collectives} "
                        f"tập thể, {reg.individuals_registered}/{reg.individuals} cá nhân")
    titles: dict[str, list[str]] = {}
    for t in h.award_rows(book, member.name, titles=True):
        titles.setdefault(t["award"], []).append(t["year"])
    if titles:
        evidence.append("Danh hiệu thi đua đã đạt: " + "; ".join(
            f"{award} năm {', '.join(years)}" for award, years in titles.items()))
    leads = place is not None and bool(place["leads"])
    return {"text": form.criteria.rstrip("."), "evidence": c.listed(evidence),
            "unproven": LEADING in name_key(form.criteria) and not leads}
