"""Turn a member's (or the cluster's) results into printed figures and computed sentences.

The summary report's tables, its narrative sentences, its line per member and the proposal's
key results of a nominee print the same figures through the functions here, so a figure in a
sentence always equals the table's. Money is printed in triệu đồng everywhere; a comparison
with the previous year ("tăng 12,5% so với năm 2020", or for a mid-year review "so với cùng
kỳ năm 2020") is only printed when the previous year's figure exists and is not zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from docgen.documents.shared import common as c
from docgen.model import Period, Results, Workbook
from docgen.vi import format_number

MONEY_FIELDS = ("violations_money", "recovery_money")


@dataclass(frozen=True)
class Figure:
    """A results field: its label in a table (with its unit) and its words in a sentence,
    where '{v}' stands for the formatted figure."""

    field: str
    label: str
    words: str


FIGURES: tuple[Figure, ...] = (
    Figure("inspections", "Số cuộc thanh tra (cuộc)", "tiến hành {v} cuộc thanh tra"),
    Figure("violations_money", "Sai phạm về tiền (triệu đồng)",
           "phát hiện sai phạm về tiền {v} triệu đồng"),
    Figure("recovery_money", "Kiến nghị thu hồi (triệu đồng)",
           "kiến nghị thu hồi {v} triệu đồng"),
    Figure("violations_land", "Sai phạm về đất (m²)", "phát hiện sai phạm về đất {v} m²"),
    Figure("disciplined", "Kiến nghị xử lý (tập thể, cá nhân)",
           "kiến nghị xử lý {v} tập thể, cá nhân"),
    Figure("transferred", "Chuyển cơ quan điều tra (vụ)", "chuyển cơ quan điều tra {v} vụ"),
    Figure("receptions", "Tiếp công dân (lượt)", "tiếp {v} lượt công dân"),
    Figure("petitions", "Đơn khiếu nại, tố cáo đã giải quyết (đơn)",
           "giải quyết {v} đơn khiếu nại, tố cáo"),
)
FIELDS = tuple(f.field for f in FIGURES)
# The figures a member's line and a nominee's key results quote (the table has them all).
KEY_FIELDS = ("inspections", "violations_money", "recovery_money", "violations_land",
              "receptions", "petitions")


def value(results: Results | None, field: str) -> Decimal:
    """A field's value as an exact decimal (0 when there is no row)."""
    if results is None:
        return Decimal(0)
    return Decimal(str(getattr(results, field)))


def printed(field: str, amount: Decimal) -> str:
    """A figure as every table and sentence prints it: money in triệu đồng ('15.862')."""
    if field in MONEY_FIELDS:
        return format_number(amount / 1_000_000)
    return format_number(amount)


def change(current: Decimal, previous: Decimal | None) -> str | None:
    """'tăng 12,5%', 'giảm 3%' or 'không đổi'; None when there is nothing to compare with
    (no previous figure, or a previous figure of zero, from which no rate can be taken)."""
    if previous is None or previous == 0:
        return None
    if current == previous:
        return "không đổi"
    rate = (current - previous) * 100 / previous
    word = "tăng" if rate > 0 else "giảm"
    return f"{word} {c.rate(abs(rate))}"


@dataclass(frozen=True)
class Totals:
    """The cluster's totals for this year and, when every member has a previous-year row,
    for the previous year (else None: no comparison is printed)."""

    current: dict[str, Decimal]
    previous: dict[str, Decimal] | None


def totals(book: Workbook) -> Totals:
    """Sum this year's rows; sum the previous year's only when each member with a row this
    year has one for the previous year too (a partial sum would compare unlike things)."""
    current = {f: sum((value(r, f) for r in book.results), Decimal(0)) for f in FIELDS}
    units = [r.unit for r in book.results]
    rows = [book.results_of(u, previous=True) for u in units]
    if not units or any(r is None for r in rows):
        return Totals(current, None)
    previous = {f: sum((value(r, f) for r in rows), Decimal(0)) for f in FIELDS}
    return Totals(current, previous)


def compared_with(previous_year: int, period: Period = "year") -> str:
    """What a figure is compared with: 'năm 2020', or 'cùng kỳ năm 2020' when the figures
    are a half year's (the previous year's rows are then its first six months)."""
    return f"{'cùng kỳ ' if period == 'half' else ''}năm {previous_year}"


def clauses(current: dict[str, Decimal], previous: dict[str, Decimal] | None,
            fields: Sequence[str], previous_year: int, period: Period = "year") -> list[str]:
    """One clause per field with a figure this year or the year before: 'tiến hành 237
    cuộc thanh tra, tăng 12,5% so với năm 2020' ('so với cùng kỳ năm 2020' for a half
    year). The first comparison names the year; the later ones only the rate ('kiến nghị
    thu hồi 99.547 triệu đồng, tăng 8%'). A field at zero both years is left out."""
    words = {f.field: f.words for f in FIGURES}
    out: list[str] = []
    named = False
    for field in fields:
        now = current[field]
        before = previous.get(field) if previous is not None else None
        if now == 0 and not before:
            continue
        clause = words[field].format(v=printed(field, now))
        rate = change(now, before)
        if rate is not None:
            clause += f", {rate}" + ("" if named else
                                     f" so với {compared_with(previous_year, period)}")
            named = True
        out.append(clause)
    return out


def member_figures(book: Workbook, unit: str) -> tuple[dict[str, Decimal],
                                                       dict[str, Decimal] | None] | None:
    """A member's figures this year and the previous year (None when it has no row then);
    None when the member has no row this year."""
    row = book.results_of(unit)
    if row is None:
        return None
    before = book.results_of(unit, previous=True)
    current = {f: value(row, f) for f in FIELDS}
    previous = {f: value(before, f) for f in FIELDS} if before is not None else None
    return current, previous


def member_sentence(book: Workbook, unit: str) -> str | None:
    """A member's key figures with their comparison, as clauses joined by ';' (no full stop):
    'tiến hành 41 cuộc thanh tra, tăng 10,8% so với năm 2020; …' (with the workbook's
    period: 'so với cùng kỳ năm 2020' for a half year); None without figures."""
    figures = member_figures(book, unit)
    if figures is None:
        return None
    parts = clauses(*figures, KEY_FIELDS, book.cluster.year - 1, book.settings.period)
    return "; ".join(parts) if parts else None
