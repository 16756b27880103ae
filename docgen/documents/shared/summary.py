"""Turn a period's records into what the year-end and the mid-year reports both print.

The summary report (tổng kết, the year) and the mid-year review (sơ kết, the first six
months) follow one outline (domain.md 4.1, 4.5): the narratives by section, the plans they
report on, the movements by kind, who registered, the results table with its totals and
the comparison with the same period of the previous year, a line per member, and the awards
received by kind. The workbook's period (`Settings.period`) chooses the words ('Năm 2021'
or 'Trong 6 tháng đầu năm 2021', 'so với năm 2020' or 'so với cùng kỳ năm 2020'); every
figure is printed by `figures`, as the tables print it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import figures as fig
from docgen.model import AwardReceived, Workbook
from docgen.vi import format_number, roman

NARRATIVE_KEYS = {
    "I.1": "i1", "I.2": "i2", "I.3": "i3", "I.4": "i4", "I.5": "i5",
    "II.1": "ii1", "II.2": "ii2", "II.3": "ii3", "III": "iii", "IV": "iv",
}
MOVEMENT_KINDS = (("regular", "thường xuyên"), ("thematic", "chuyên đề"))
AWARD_KINDS = ((True, "Danh hiệu thi đua"), (False, "Hình thức khen thưởng"))


def period_opening(book: Workbook) -> str:
    """How a sentence about the period's results opens: 'Năm 2021', or 'Trong 6 tháng đầu
    năm 2021' for a mid-year workbook."""
    year = book.cluster.year
    return f"Trong 6 tháng đầu năm {year}" if book.settings.period == "half" else f"Năm {year}"


def narratives(book: Workbook) -> dict[str, list[str]]:
    """The narratives sheet's paragraphs by section key ('i1', 'ii2', 'iv' …), in sheet
    order; a section with no paragraph has an empty list."""
    narr: dict[str, list[str]] = {key: [] for key in NARRATIVE_KEYS.values()}
    for paragraph in book.narratives:
        narr[NARRATIVE_KEYS[paragraph.section]].append(paragraph.text)
    return narr


def implemented(book: Workbook) -> str:
    """The plans the report reports on, after 'Thực hiện' ('Kế hoạch số … của …; Giao ước
    thi đua năm 2021'); '' when the workbook cites none."""
    return "; ".join(c.citation(x) for x in book.citations if x.role == "basis")


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


def registration(book: Workbook) -> dict[str, str]:
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
        "totals_rows": totals_rows(sums),
        "totals_sentence": totals_sentence(book, sums),
        "member_lines": member_lines(book),
    }


def totals_rows(sums: fig.Totals) -> list[dict[str, str]]:
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


def totals_sentence(book: Workbook, sums: fig.Totals) -> str:
    """'Năm 2021, toàn Cụm đã tiến hành 237 cuộc thanh tra, tăng 12,5% so với năm 2020; …'
    ('Trong 6 tháng đầu năm 2021, … so với cùng kỳ năm 2020' for a half year; '' when every
    figure is zero)."""
    parts = fig.clauses(sums.current, sums.previous, fig.FIELDS, book.cluster.year - 1,
                        book.settings.period)
    if not parts:
        return ""
    return f"{period_opening(book)}, toàn {c.cluster_word(book)} đã {'; '.join(parts)}."


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
    """The period's awards received, by kind (danh hiệu thi đua, then hình thức khen
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
    them; 'Trong 6 tháng đầu năm 2021, …' for a half year); '' when the workbook has no
    award of the year (the template prints no table)."""
    year = [a for a in book.awards if a.year == book.cluster.year]
    if not year:
        return ""
    counted = [count_phrase_plain(n, noun) for n, noun in
               ((collectives, "tập thể"), (individuals, "cá nhân")) if n]
    what = ("được công nhận danh hiệu thi đua hoặc được khen thưởng"
            if any(a.is_title for a in year) else "được khen thưởng")
    return (f"{period_opening(book)}, các thành viên {c.cluster_word(book)} có "
            f"{' và '.join(counted)} {what}, "
            "cụ thể như sau:")


def count_phrase_plain(n: int, noun: str) -> str:
    """'5 lượt tập thể'."""
    return f"{format_number(n)} lượt {noun}"
