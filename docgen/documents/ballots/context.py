"""Turn the votes sheet and the award table into the context of the ballots (phiếu bầu).

One ballot per award put to the vote, highest award first (domain.md 4.5): the cluster's
name, "PHIẾU BẦU", "Suy tôn <award> năm N", the rule the count applies (the share, what it
is counted on, the places), then the nominees exactly as the votes sheet lists them for that
award (the rows the minutes count), collectives and individuals in tables of their own, and
the instruction to mark one box per line. A secret ballot carries no voter's name, number,
date or signature.

Each award's ballot is repeated once per voter, so the clerk prints the file once; the paper
(`Settings.ballot_paper`) sets the page: "a5" puts one ballot on each A5 page, "a4_half" two
on each A4 page, one above the other with a cut line between (each award starting a page).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared.awards import TARGET_NOUNS, nominee, quota_words, share_words
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardForm, Target, Workbook
from docgen.rules import Outcome, VoteOutcome


@dataclass(frozen=True)
class Paper:
    """What a ballot paper gives a ballot, in mm and pt: the text width and the height one
    ballot may take, the nominee table's columns (STT, name, each box) and its type size,
    and how many ballots a page holds at most. `layout.py` draws the template from it."""

    name: str  # as the clerk knows it: "A5"
    text_width: float  # mm between Decree 30's side margins
    page_room: float  # pt of height between the top and bottom margins
    room: float  # pt of height one ballot may take when the page holds `per_page`
    number: float  # mm: STT column
    box: float  # mm: "Đồng ý" and "Không đồng ý" columns
    table_size: int  # pt
    per_page: int

    @property
    def name_width(self) -> float:
        """The name column, mm: the rest of the text width."""
        return self.text_width - self.number - 2 * self.box


LOG = logging.getLogger("docgen")
PT_PER_MM = 72 / 25.4
# The dashed cut line between two ballots on an A4 page: 12 pt above, 18 pt below, the line.
CUT_LINE = 34.0
PAPERS = {
    # A5 portrait, 148 x 210 mm: 103 x 170 mm of text, one ballot a page.
    "a5": Paper("A5", 103, 170 * PT_PER_MM, 170 * PT_PER_MM, 12, 17, 11, 1),
    # A4 portrait: 165 x 257 mm of text, two ballots a page with the cut line between.
    "a4_half": Paper("A4", 165, 257 * PT_PER_MM, (257 * PT_PER_MM - CUT_LINE) / 2, 12, 24, 12, 2),
}
# Type sizes (pt) of the ballot (Decree 30's ranges: header 12-13, title and body 13-14).
HEADER_SIZE, TITLE_SIZE, BODY_SIZE = 12, 13, 13
INSTRUCTION = ("Đánh dấu X vào ô “Đồng ý” hoặc ô “Không đồng ý” ở dòng của mỗi {nouns}; "
               "mỗi dòng chỉ đánh dấu một ô.")


def issuer(book: Workbook, result: Outcome) -> dict[str, list[str]]:
    """The header's agency lines: the cluster's (or, when the cluster issues its papers
    under its leader's unit, that unit's), broken as every header breaks them."""
    cluster = book.cluster
    superior, names = cluster.superior, cluster.issuer
    if cluster.issued_as == "leader":
        superior = [result.leader.superior] if result.leader.superior else []
        names = [result.leader.name]
    return {"superior_lines": c.header_lines(superior), "issuer_lines": c.header_lines(names)}


def copies(book: Workbook, votes: list[VoteOutcome]) -> int:
    """How many ballots of one award to print: one per council member who votes on it.

    Chosen: the award's vote rows' `voters`, the council the minutes count its shares on
    (every member, one absent with a written opinion included), rather than the members
    sheet, so the printed ballots are the council the count is about and never fewer than
    the ballots issued at the meeting; the number of members stands in when the rows leave
    it at zero.
    """
    return max((v.vote.voters for v in votes), default=0) or len(book.members)


def rule_sentence(form: AwardForm, targets: list[Target]) -> str:
    """The rule the count applies: 'Nguyên tắc: tập thể được đề nghị khi đạt từ 80% số
    phiếu đồng ý trở lên trên tổng số người bỏ phiếu (…); tối đa 01 (một) tập thể, lấy
    theo tỷ lệ phiếu đồng ý từ cao xuống thấp.'"""
    nouns = ", ".join(TARGET_NOUNS[t] for t in targets)
    places = quota_words(form)
    limit = (f"; tối đa {places}, lấy theo tỷ lệ phiếu đồng ý từ cao xuống thấp"
             if places else "")
    return f"Nguyên tắc: {nouns} được đề nghị khi đạt {share_words(form)}{limit}."


def award_ballot(book: Workbook, form: AwardForm, votes: list[VoteOutcome]) -> dict[str, Any]:
    """One award's ballot: its subtitle, rule, nominees (collectives, individuals) and the
    instruction line."""
    rows: dict[Target, list[dict[str, str]]] = {"collective": [], "individual": []}
    for v in votes:
        group = rows[v.vote.target]
        group.append({"stt": str(len(group) + 1), "name": nominee(v, book)})
    targets: list[Target] = [t for t in ("collective", "individual") if rows[t]]
    return {
        "subtitle": f"Suy tôn {form.full_name} năm {book.cluster.year}",
        "rule": rule_sentence(form, targets),
        "collectives": rows["collective"],
        "individuals": rows["individual"],
        "instruction": INSTRUCTION.format(nouns=", ".join(TARGET_NOUNS[t] for t in targets)),
    }


def lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """About how many lines `text` takes across `width` mm at `size` pt (on the safe side:
    Times New Roman averages under half an em a character, a little more in bold; measured
    against LibreOffice's pages, the estimate runs 5-8% over)."""
    per_line = max(1, int(width * PT_PER_MM / (size * (0.55 if bold else 0.5))))
    return max(1, math.ceil(len(text) / per_line))


def height(ballot: dict[str, Any], doc: dict[str, list[str]], paper: Paper) -> float:
    """About how tall a ballot prints on `paper`, in points (single spacing is 1.15 times
    the type size; 6 pt above each body paragraph; 2 pt above and below each cell line)."""
    line, text = 1.15, paper.text_width
    header = (len(doc["superior_lines"]) + len(doc["issuer_lines"])) * HEADER_SIZE * line
    title = 6 + TITLE_SIZE * line * (1 + lines(ballot["subtitle"], text, TITLE_SIZE, True))
    body = sum(6 + BODY_SIZE * line * lines(ballot[key], text - 13, BODY_SIZE)
               for key in ("rule", "instruction"))
    tables = 0.0
    size = paper.table_size
    for rows in (ballot["collectives"], ballot["individuals"]):
        if rows:
            cells = [2 * size * line + 4]  # the header row: "Không đồng ý" on two lines
            cells += [size * line * lines(r["name"], paper.name_width - 2, size) + 4
                      for r in rows]
            tables += 6 + BODY_SIZE * line + sum(cells) + 4
    return header + 10 + title + 6 + body + tables


def layout(ballot: dict[str, Any], doc: dict[str, list[str]], paper: Paper
           ) -> tuple[int, bool]:
    """How many of this ballot a page holds, and whether it must go on two pages.

    A page holds the paper's number when the ballot fits its share, else one (a ballot is
    never split to share a page). A ballot taller than a whole page (many nominees on A5)
    goes on two pages, the individuals on the second (to print back to back), and the clerk
    is told; without individuals it runs on as it must."""
    tall = height(ballot, doc, paper)
    if tall <= paper.room:
        return paper.per_page, False
    if tall <= paper.page_room:
        return 1, False
    split = bool(ballot["collectives"] and ballot["individuals"])
    LOG.warning("Phiếu bầu “%s” dài hơn một trang %s: mỗi phiếu in trên hai trang%s%s.",
                ballot["subtitle"], paper.name, " (cá nhân ở trang sau)" if split else "",
                "; có thể chọn khổ A4 (trang 'Cài đặt', “Khổ phiếu bầu”)"
                if paper.name == "A5" else "")
    return 1, split


def ballots(book: Workbook, result: Outcome, doc: dict[str, list[str]]
            ) -> list[dict[str, Any]]:
    """Every ballot to print, in order: each award's ballot as many times as it has voters.

    `page_break`: the ballot starts a page (every award's first ballot starts one; on A4
    halves a page holds two ballots when they fit); `cut`: a cut line goes above it (the
    lower half of an A4 page); `split`: its individuals start a second page."""
    paper = PAPERS[book.settings.ballot_paper]
    out: list[dict[str, Any]] = []
    for form in result.voted():
        votes = [v for v in result.votes if v.vote.award == form.name]
        ballot = award_ballot(book, form, votes)
        each, split = layout(ballot, doc, paper)
        for i in range(copies(book, votes)):
            out.append({"award": ballot, "page_break": bool(out) and i % each == 0,
                        "cut": i % each != 0, "split": split})
    return out


# The A5 page, portrait (the template's own page is A4).
A5_MM = (148.0, 210.0)


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the ballots' template prints."""
    doc = issuer(book, result)
    return {
        "doc": doc,
        "a5": book.settings.ballot_paper == "a5",
        "ballots": ballots(book, result, doc),
    }


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file (all ballots of every award); none when nothing was voted on."""
    if not result.voted():
        return []
    a5 = book.settings.ballot_paper == "a5"
    return [Rendition(None, context(book, result), A5_MM if a5 else None)]
