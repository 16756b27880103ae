"""Turn the workbook and the year's outcome into the summary report's template context.

The report opens "Thực hiện …" with the plans it reports on, quotes the year's figures in
computed sentences (compared with the previous year when the workbook has its rows), gives a
line per member, counts the awards received by kind (danh hiệu, hình thức) with totals, and
lists next year's tasks, numbered, from next year's plan. Every figure in a sentence is
printed by `docgen.documents.shared.figures`, as the tables print it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import figures as fig
from docgen.documents.shared import references as refs
from docgen.documents.shared.awards import votes_context
from docgen.documents.shared.meeting import (
    conference_sentence,
    election_sentence,
    scores_context,
)
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardReceived, DocumentCode, Workbook
from docgen.rules import Outcome
from docgen.vi import format_number, roman

CODE: DocumentCode = "bao-cao-tong-ket"
NARRATIVE_KEYS = {
    "I.1": "i1", "I.2": "i2", "I.3": "i3", "I.4": "i4", "I.5": "i5",
    "II.1": "ii1", "II.2": "ii2", "II.3": "ii3", "III": "iii", "IV": "iv",
}
# Next year's plan parts whose points are the report's numbered tasks, in the plan's order.
TASK_PARTS = ("targets", "content", "organisation")
MOVEMENT_KINDS = (("regular", "thường xuyên"), ("thematic", "chuyên đề"))
AWARD_KINDS = ((True, "Danh hiệu thi đua"), (False, "Hình thức khen thưởng"))


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the summary report's template prints, already formatted."""
    signing = refs.signing(book, CODE)
    year = book.cluster.year
    doc = c.issued(book, signing, CODE, result.leader)
    return {
        "doc": doc,
        "year": year,
        "next_year": year + 1,
        "previous_year": year - 1,
        "cluster_name": book.cluster.name,
        "implemented": implemented(book),
        "narr": _narratives(book),
        "directives": c.listed([c.citation(x) for x in book.citations if x.role == "directive"]),
        "movement_groups": movement_groups(book),
        "registration": _registration(book),
        **results(book),
        **awards(book),
        "conference_sentence": conference_sentence(book, book.conference),
        **scores_context(book, result),
        **votes_context(book, result),
        "tasks": tasks(book),
        "election_sentence": election_sentence(book, result),
    }


def implemented(book: Workbook) -> str:
    """The plans the report reports on, after 'Thực hiện' ('Kế hoạch số … của …; Giao ước
    thi đua năm 2021'); '' when the workbook cites none."""
    return "; ".join(c.citation(x) for x in book.citations if x.role == "basis")


def _narratives(book: Workbook) -> dict[str, list[str]]:
    narr: dict[str, list[str]] = {key: [] for key in NARRATIVE_KEYS.values()}
    for paragraph in book.narratives:
        narr[NARRATIVE_KEYS[paragraph.section]].append(paragraph.text)
    return narr


def movement_groups(book: Workbook) -> list[dict[str, Any]]:
    """The movements sheet's list, by kind: each group's `title` ('a) Các phong trào thi đua
    thường xuyên:', '' when the year has movements of one kind only) and its `lines`."""
    kinds = [(words, [m.name for m in book.movements if m.kind == kind])
             for kind, words in MOVEMENT_KINDS]
    kinds = [(words, names) for words, names in kinds if names]
    several = len(kinds) > 1
    return [{"title": f"{'ab'[i]}) Các phong trào thi đua {words}:" if several else "",
             "lines": c.listed(names)}
            for i, (words, names) in enumerate(kinds)]


def _registration(book: Workbook) -> dict[str, str]:
    """Who registered for the year's movements, over the members' totals: `collectives`
    '6/6' and `collectives_share` '100%', the same for `individuals`."""
    regs = book.registration
    col = sum(r.collectives_registered for r in regs), sum(r.collectives for r in regs)
    ind = sum(r.individuals_registered for r in regs), sum(r.individuals for r in regs)
    return {
        "collectives": _ratio(*col), "collectives_share": c.share(*col),
        "individuals": _ratio(*ind), "individuals_share": c.share(*ind),
    }


def _ratio(part: int, whole: int) -> str:
    """'412/415'."""
    return f"{format_number(part)}/{format_number(whole)}"


def results(book: Workbook) -> dict[str, Any]:
    """The per-member table with its totals, the cluster's totals beside the previous year's
    (`totals_rows`, empty without the previous year), the sentence quoting the totals and
    one line per member."""
    rows = []
    for i, r in enumerate(book.results, start=1):
        row = {f: fig.printed(f, fig.value(r, f)) for f in fig.FIELDS}
        rows.append({"stt": str(i), "unit": book.member(r.unit).short_name, **row})
    sums = fig.totals(book)
    return {
        "results_rows": rows,
        "results_total": {f: fig.printed(f, sums.current[f]) for f in fig.FIELDS},
        "totals_rows": _totals_rows(sums),
        "totals_sentence": _totals_sentence(book, sums),
        "member_lines": member_lines(book),
    }


def _totals_rows(sums: fig.Totals) -> list[dict[str, str]]:
    """'Chỉ tiêu | năm trước | năm nay | tăng, giảm' rows; [] without the previous year."""
    if sums.previous is None:
        return []
    return [
        {"stt": str(i), "label": f.label,
         "previous": fig.printed(f.field, sums.previous[f.field]),
         "current": fig.printed(f.field, sums.current[f.field]),
         "change": fig.change(sums.current[f.field], sums.previous[f.field]) or "–"}
        for i, f in enumerate(fig.FIGURES, start=1)
    ]


def _totals_sentence(book: Workbook, sums: fig.Totals) -> str:
    """'Năm 2021, toàn Cụm đã tiến hành 237 cuộc thanh tra, tăng 12,5% so với năm 2020; …'
    ('' when every figure is zero)."""
    parts = fig.clauses(sums.current, sums.previous, fig.FIELDS, book.cluster.year - 1)
    if not parts:
        return ""
    return f"Năm {book.cluster.year}, toàn {c.cluster_word(book)} đã {'; '.join(parts)}."


def member_lines(book: Workbook) -> list[str]:
    """One line per member with a results row, in the table's order: '- Thanh tra tỉnh Kiên
    Giang: tiến hành 41 cuộc thanh tra, tăng 10,8% so với năm 2020; …;' ('.' after the
    last)."""
    lines = []
    for r in book.results:
        sentence = fig.member_sentence(book, r.unit)
        if sentence:
            lines.append(f"{r.unit}: {sentence}")
    return c.listed(lines)


def awards(book: Workbook) -> dict[str, Any]:
    """The year's awards received, by kind (danh hiệu thi đua, then hình thức khen
    thưởng), each kind with its rows and subtotal, and the grand total."""
    year = [a for a in book.awards if a.year == book.cluster.year]
    groups: list[dict[str, Any]] = []
    for is_title, label in AWARD_KINDS:
        chosen = [a for a in year if a.is_title == is_title]
        if chosen:
            groups.append(_award_group(roman(len(groups) + 1), label, chosen))
    col, ind = _counts(year)
    return {
        "award_groups": groups,
        "award_total": {"collectives": format_number(col), "individuals": format_number(ind)},
        "awards_sentence": _awards_sentence(book, col, ind),
    }


def _counts(awards: list[AwardReceived]) -> tuple[int, int]:
    col = sum(a.count for a in awards if a.target == "collective")
    ind = sum(a.count for a in awards if a.target == "individual")
    return col, ind


def _award_group(number: str, label: str, chosen: list[AwardReceived]) -> dict[str, Any]:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for award in chosen:
        counts[(award.award, award.decider)][award.target != "collective"] += award.count
    col, ind = _counts(chosen)
    # Rows of one award (Bằng khen, Giấy khen …) together, awards in the sheet's order.
    first = {name: i for i, name in reversed(list(enumerate(a.award for a in chosen)))}
    ordered = sorted(counts.items(), key=lambda item: first[item[0][0]])
    return {
        "number": number, "label": label,
        "collectives": format_number(col), "individuals": format_number(ind),
        "rows": [{"stt": str(i), "award": award, "decider": decider,
                  "collectives": format_number(n[0]), "individuals": format_number(n[1])}
                 for i, ((award, decider), n) in enumerate(ordered, start=1)],
    }


def _awards_sentence(book: Workbook, collectives: int, individuals: int) -> str:
    """'Năm 2021, các thành viên Cụm có 5 lượt tập thể và 44 lượt cá nhân được khen thưởng,
    cụ thể như sau:' (with 'được công nhận danh hiệu thi đua hoặc' when titles are among
    them); '' when the workbook has no award of the year (the template prints no table)."""
    year = [a for a in book.awards if a.year == book.cluster.year]
    if not year:
        return ""
    counted = [count_phrase_plain(n, noun) for n, noun in
               ((collectives, "tập thể"), (individuals, "cá nhân")) if n]
    what = ("được công nhận danh hiệu thi đua hoặc được khen thưởng"
            if any(a.is_title for a in year) else "được khen thưởng")
    return (f"Năm {book.cluster.year}, các thành viên {c.cluster_word(book)} có "
            f"{' và '.join(counted)} {what}, "
            "cụ thể như sau:")


def count_phrase_plain(n: int, noun: str) -> str:
    """'5 lượt tập thể'."""
    return f"{format_number(n)} lượt {noun}"


def tasks(book: Workbook) -> list[str]:
    """Next year's tasks, numbered, from next year's plan: its targets, contents and forms
    of organisation, one task per typed line, in that order."""
    parts = c.plan_lines(book)
    lines = [line for part in TASK_PARTS for line in parts.get(part, [])]
    return [f"{i}. {line[0].upper()}{line[1:].rstrip(';.')}."
            for i, line in enumerate(lines, start=1)]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
