"""Turn the workbook and the year's outcome into the award proposal's (tờ trình) context.

Only the proposed nominees appear, grouped by award, highest first. The fixed wording (the
meeting paragraph, the request, the numbered award headings) lives in the template; the
context hands over the data and the computed phrases (dates, counts in words, lists).
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.awards import (
    counted,
    deciders,
    joined,
    names,
    nominee,
    threshold_words,
)
from docgen.documents.shared.figures import member_sentence
from docgen.documents.shared.meeting import FORM_WORDS
from docgen.documents.shared.rendition import Rendition
from docgen.model import DocumentCode, Workbook
from docgen.rules import Outcome, VoteOutcome
from docgen.vi import count_phrase, format_number, full_date

CODE: DocumentCode = "to-trinh"
TARGET_NOUNS = {"collective": "tập thể", "individual": "cá nhân"}


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the proposal's template prints, already formatted."""
    signing = refs.signing(book, CODE)
    doc = c.issued(book, signing, CODE, result.leader)
    return {
        "doc": doc,
        "year": book.cluster.year,
        "cluster_name": book.cluster.name,
        "superior_head": book.cluster.superior_head,
        "deciders": deciders(result.awarded(), book.cluster.superior_head),
        "awards_phrase": awards_phrase(result),
        "basis": basis(book),
        "meeting": meeting(book),
        "proposals": proposals(book, result),
        "attachments_line": attachments_line(result),
    }


def awards_phrase(result: Outcome) -> str:
    """The awards actually proposed: 'Cờ thi đua … và Bằng khen …'.

    With nothing proposed, the awards that were put to the vote are named instead.
    """
    return names(result.awarded() or result.voted() or result.forms)


def basis(book: Workbook) -> list[str]:
    """The cited texts after 'Căn cứ' (the template's word): award laws and decrees, the
    year's plans and pact, the minutes; ';' after each, '.' after the last."""
    cited = [x for role in ("award_basis", "basis") for x in book.citations if x.role == role]
    return c.listed([*map(c.citation, cited), refs.minutes_citation(book)], prefix="")


def meeting(book: Workbook) -> dict[str, str]:
    """The conference as the meeting paragraph prints it.

    `date` opens the sentence ('Ngày 20 tháng 12 năm 2021'); `form` is the words after
    'Hội nghị' ('trực tuyến'), '' for a meeting in person; the ballots are formatted numbers.
    """
    conf = book.conference
    when = full_date(conf.date)
    return {
        "date": f"{when[0].upper()}{when[1:]}",
        "form": FORM_WORDS[conf.form].strip(),
        "ballots_issued": format_number(conf.ballots_issued),
        "ballots_returned": format_number(conf.ballots_returned),
        "ballots_valid": format_number(conf.ballots_valid),
    }


def proposals(book: Workbook, result: Outcome) -> list[dict[str, Any]]:
    """One item per proposed award, highest first: its name, the counts in words ('01 (một)
    tập thể') and one entry per nominee arguing the case (`line`: who, rank and score,
    the criteria met and the votes; `results`: a collective's key figures of the year, ''
    for an individual; `last`: the proposal's last nominee, kept with the closing); the
    template numbers the items."""
    items: list[dict[str, Any]] = []
    for form in result.awarded():
        chosen = _collectives_first(result.proposed_for(form))
        items.append({
            "award": form.full_name,
            "counts": _counts(chosen),
            "nominees": [_nominee_case(book, result, v) for v in chosen],
        })
    for i, item in enumerate(items):
        for j, case in enumerate(item["nominees"]):
            case["last"] = i == len(items) - 1 and j == len(item["nominees"]) - 1
    return items


def _nominee_case(book: Workbook, result: Outcome, v: VoteOutcome) -> dict[str, Any]:
    """'- Thanh tra tỉnh Sóc Trăng: dẫn đầu Cụm thi đua với 98,5 điểm, xếp thứ 1/7; được
    Hội nghị bình xét đạt tiêu chuẩn “…” với 7/7 phiếu đồng ý, đạt 100% (yêu cầu từ 80% trở
    lên).' and, for a collective, its key results with the pointer to its report."""
    parts = [standing(book, result, v.vote.unit)] if v.vote.target == "collective" else []
    parts.append(criteria_met(v))
    if v.vote.target == "individual":
        parts.append("thành tích cụ thể nêu tại Báo cáo thành tích của cá nhân kèm theo")
    text = "; ".join(p for p in parts if p)
    return {"line": f"- {nominee(v, book)}: {text}.",
            "results": key_results(book, v) if v.vote.target == "collective" else ""}


def standing(book: Workbook, result: Outcome, unit: str) -> str:
    """The unit's place in the scoring, as it is: 'dẫn đầu Cụm thi đua với 98,5 điểm, xếp
    thứ 1/7', 'đạt 97 điểm, xếp thứ 2/7'; a shared place says so and with whom ('đồng dẫn
    đầu … cùng …', 'đồng xếp thứ 4/7 với …'); a Khối thi đua is named so; '' for a unit
    without a score row."""
    ranked = next((r for r in result.ranking if r.unit == unit), None)
    if ranked is None:
        return ""
    group = f"{c.cluster_word(book)} thi đua"
    of = len(result.ranking)
    points = format_number(ranked.total)
    peers = joined([r.unit for r in result.ranking
                    if r.rank == ranked.rank and r.unit != unit])
    if ranked.rank == 1:
        if peers:
            return f"đồng dẫn đầu {group} với {points} điểm, xếp thứ 1/{of} cùng {peers}"
        return f"dẫn đầu {group} với {points} điểm, xếp thứ 1/{of}"
    if peers:
        return f"đạt {points} điểm, đồng xếp thứ {ranked.rank}/{of} với {peers}"
    return f"đạt {points} điểm, xếp thứ {ranked.rank}/{of}"


def criteria_met(v: VoteOutcome) -> str:
    """'được Hội nghị bình xét đạt tiêu chuẩn “tập thể dẫn đầu Cụm thi đua” với 7/7 phiếu
    đồng ý, đạt 100% (yêu cầu từ 80% trở lên)'; without criteria in the award table, the
    votes and the share required only."""
    criteria = (v.form.criteria or "").strip().rstrip(".;")
    votes = (f"{counted(v)} phiếu đồng ý, đạt {c.percent(v.percent)} (yêu cầu "
             f"{threshold_words(v.form)})")
    if criteria:
        return f"được Hội nghị bình xét đạt tiêu chuẩn “{criteria}” với {votes}"
    return f"được Hội nghị bình xét với {votes}"


def key_results(book: Workbook, v: VoteOutcome) -> str:
    """'Năm 2021, đơn vị đã tiến hành 37 cuộc thanh tra, tăng 12,1% so với năm 2020; …;
    thành tích cụ thể nêu tại Báo cáo thành tích của đơn vị kèm theo.'"""
    report = "thành tích cụ thể nêu tại Báo cáo thành tích của đơn vị kèm theo."
    figures = member_sentence(book, v.vote.unit)
    if figures is None:
        return f"{report[0].upper()}{report[1:]}"
    return f"Năm {book.cluster.year}, đơn vị đã {figures}; {report}"


def _collectives_first(chosen: list[VoteOutcome]) -> list[VoteOutcome]:
    return sorted(chosen, key=lambda v: v.vote.target != "collective")


def _counts(chosen: list[VoteOutcome]) -> str:
    """'01 (một) tập thể và 02 (hai) cá nhân' (a zero count is left out)."""
    parts = []
    for target, noun in TARGET_NOUNS.items():
        n = sum(1 for v in chosen if v.vote.target == target)
        if n:
            parts.append(count_phrase(n, noun))
    return " và ".join(parts)


def attachments_line(result: Outcome) -> str:
    """'(Kèm theo: Biên bản …; Danh sách …; Báo cáo thành tích của các tập thể …).'"""
    targets = [noun for target, noun in TARGET_NOUNS.items()
               if any(v.vote.target == target for v in result.proposed)]
    who = ", ".join(targets or ["tập thể"])
    return ("(Kèm theo: Biên bản họp bình xét; Danh sách đề nghị khen thưởng; Báo cáo thành "
            f"tích của các {who} được đề nghị).")


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
