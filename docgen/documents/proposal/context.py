"""Turn the workbook and the year's outcome into the award proposal's (tờ trình) context.

Only the proposed nominees appear, grouped by award, highest first. The fixed wording (the
meeting paragraph, the request, the numbered award headings) lives in the template; the
context hands over the data and the computed phrases (dates, counts in words, lists).
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.awards import deciders, names, nominee, threshold_words
from docgen.documents.shared.meeting import FORM_WORDS
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardForm, DocumentCode, Workbook
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
    tập thể'), the nominees' lines and the standard they met; the template numbers the
    items."""
    items: list[dict[str, Any]] = []
    for form in result.awarded():
        chosen = _collectives_first(result.proposed_for(form))
        items.append({
            "award": form.full_name,
            "counts": _counts(chosen),
            "lines": c.listed([nominee(v, book) for v in chosen]),
            "standard": standard(form),
        })
    return items


def standard(form: AwardForm) -> str:
    """'(Tiêu chuẩn: tập thể dẫn đầu Cụm thi đua; tỷ lệ phiếu đồng ý từ 80% trở lên.)': the
    award's criteria from the award table, when given, and its vote share."""
    criteria = (form.criteria or "").strip().rstrip(".;")
    share = f"tỷ lệ phiếu đồng ý {threshold_words(form)}"
    return f"(Tiêu chuẩn: {criteria}; {share}.)" if criteria else f"(Tiêu chuẩn: {share}.)"


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
