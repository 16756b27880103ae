"""Turn the model's identity, signing and citation records into the text every document shares.

The header lines, the "Số:" line, the place-and-date line, the signature block and the
recipients list are formatted here once, so that all documents print them alike.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from docgen import decree30 as d30
from docgen.kinds import type_abbreviations
from docgen.model import Citation, Member, Signing, Workbook
from docgen.vi import date_line, format_percent, name_key, short_date, upper_vi

# Decree 30 Phụ lục III abbreviations of the document types we issue.
TYPE_ABBR = type_abbreviations()
AS_ABOVE = "Như trên"


def number_line(number: int | None, type_abbr: str | None, issuer_abbr: str) -> str:
    """'Số: 05/BC-CTĐ'; a blank number leaves room for the clerk: 'Số:      /BC-CTĐ'."""
    symbol = f"{type_abbr}-{issuer_abbr}" if type_abbr else issuer_abbr
    shown = f"{number:02d}" if number is not None else "\u00a0" * 6
    return f"Số: {shown}/{symbol}"


def addressee_lines(addressees: Sequence[str]) -> list[str]:
    """'Kính gửi: X.' for one addressee; a dashed list for several."""
    if not addressees:
        return []
    if len(addressees) == 1:
        return [f"Kính gửi: {addressees[0]}."]
    return ["Kính gửi:", *_dashed(addressees)]


def _dashed(items: Sequence[str]) -> list[str]:
    """'- a;' ... '- z.' lines."""
    return [f"- {item}{'.' if i == len(items) - 1 else ';'}" for i, item in enumerate(items)]


def recipient_lines(signing: Signing) -> list[str]:
    """The 'Nơi nhận' list: '- Như trên;' first after a Kính gửi, '- Lưu: ...' last."""
    items = list(signing.recipients)
    if signing.addressee and not any(name_key(i) == name_key(AS_ABOVE) for i in items):
        items.insert(0, AS_ABOVE)
    lines = [f"- {item};" for item in items]
    return [*lines, f"- Lưu: {signing.archive.rstrip('.')}."]


def signature(signing: Signing, signer: Member) -> dict[str, Any]:
    """Authority lines, the signer's title line and name; blanks default to `signer`."""
    authority = list(signing.authority) or ["TM. CỤM THI ĐUA"]
    title = signing.signer_title or "CỤM TRƯỞNG"
    subtitle = signing.signer_subtitle or f"{signer.head_title} {signer.place}"
    return {
        "authority_lines": [upper_vi(x) for x in [*authority, title]],
        "subtitle": upper_vi(subtitle),
        "name": signing.signer_name or signer.head_name,
    }


# Advance widths (1/1000 em) of Times New Roman Bold's capitals, digits and marks; a
# Vietnamese capital is as wide as its base letter (the marks sit above or below it).
_BOLD_WIDTHS = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -,.()/&",
    (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778,
     722, 556, 667, 722, 722, 1000, 722, 722, 667, *(500,) * 10, 250, 333, 250, 250, 333,
     333, 278, 833), strict=True))
_WIDE = 778  # a character not in the table
# A header line wraps where a phrase of an agency's name starts ("CÁC TỈNH", "TỈNH …",
# "THÀNH PHỐ …", "MIỀN …"), never inside a place name such as "MIỀN TÂY NAM SÔNG HẬU".
_PHRASE_STARTS = (("CÁC",), ("TỈNH",), ("THÀNH", "PHỐ"), ("MIỀN",), ("VÙNG",), ("KHU", "VỰC"),
                  ("HUYỆN",), ("QUẬN",), ("THỊ", "XÃ"), ("PHƯỜNG",), ("XÃ",), ("SỞ",),
                  ("ỦY", "BAN"), ("BAN",), ("VĂN", "PHÒNG"))
_MAX_CANDIDATES = 12  # break places tried together (2**12 choices at most)


def line_width(text: str, size: float) -> float:
    """The printed width, in points, of an upper-case header line in bold at `size` pt."""
    units = 0
    for char in text:
        base = unicodedata.normalize("NFD", char.replace("Đ", "D").replace("đ", "d"))[:1]
        units += _BOLD_WIDTHS.get(base.upper(), _WIDE)
    return units * size / 1000


def header_lines(lines: Sequence[str], width: float | None = None,
                 size: float | None = None) -> list[str]:
    """The header's agency lines, upper case, each too long for the header's column broken
    where a phrase starts: the fewest lines that fit, then the most even, so "CỤM THI ĐUA
    THANH TRA CÁC TỈNH MIỀN TÂY NAM SÔNG HẬU" keeps "MIỀN TÂY NAM SÔNG HẬU" whole. The lines
    the clerk set (several in the workbook) that fit stay as they are."""
    column = d30.AGENCY_COLUMN.pt if width is None else width
    points = d30.size("issuer") if size is None else size
    out: list[str] = []
    for line in lines:
        out += _break_line(" ".join(upper_vi(line).split()), column, points)
    return out


def _break_line(line: str, width: float, size: float) -> list[str]:
    words = line.split(" ")
    if line_width(line, size) <= width or len(words) < 2:
        return [line]
    starts = [i for i in range(1, len(words)) if _starts_phrase(words, i)]
    best = _best_breaks(words, starts[:_MAX_CANDIDATES], width, size)
    if best is None or not _fits(best, width, size):
        best = _best_breaks(words, list(range(1, len(words)))[:_MAX_CANDIDATES], width, size)
    return best or [line]


def _starts_phrase(words: Sequence[str], i: int) -> bool:
    if words[i - 1] == "CÁC":  # "CÁC TỈNH", "CÁC SỞ": the phrase started one word before
        return False
    return any(tuple(words[i:i + len(start)]) == start for start in _PHRASE_STARTS)


def _best_breaks(words: Sequence[str], places: Sequence[int], width: float,
                 size: float) -> list[str] | None:
    """Of every choice of break places, the lines that fit in the fewest lines, then with
    the shortest longest line, then the most even (the first such choice: stable)."""
    best: tuple[tuple[bool, int, float, float], list[str]] | None = None
    for count in range(1, len(places) + 1):
        for chosen in itertools.combinations(places, count):
            bounds = [0, *chosen, len(words)]
            lines = [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
            widths = [line_width(x, size) for x in lines]
            widest = max(widths)
            key = (widest > width, len(lines), widest, widest - min(widths))
            if best is None or key < best[0]:
                best = (key, lines)
    return None if best is None else best[1]


def _fits(lines: Sequence[str], width: float, size: float) -> bool:
    return all(line_width(x, size) <= width for x in lines)


def header(book: Workbook, signing: Signing, code: str, leader: Member) -> dict[str, Any]:
    """The parts of the first page's header shared by the cluster's documents.

    `leader` is the Cụm trưởng issuing the document (this year's, or next year's for the
    plan and pact): the date line carries their place, and when the cluster issues its
    papers under the leader's unit, the header and the number's symbol are that unit's.
    """
    cluster = book.cluster
    superior, issuer, abbr = cluster.superior, cluster.issuer, cluster.issuer_abbr
    if cluster.issued_as == "leader":
        superior = [leader.superior] if leader.superior else []
        issuer, abbr = [leader.name], leader.abbr or cluster.issuer_abbr
    return {
        "superior_lines": header_lines(superior),
        "issuer_lines": header_lines(issuer),
        "number_line": number_line(signing.number, TYPE_ABBR.get(code), abbr),
        "date_line": date_line(leader.place, signing.date),
    }


def issued(book: Workbook, signing: Signing, code: str, issuer: Member) -> dict[str, Any]:
    """The whole frame of a signed paper: header, Kính gửi, signature and Nơi nhận."""
    return header(book, signing, code, issuer) | {
        "addressee_lines": addressee_lines(signing.addressee),
        "signature": signature(signing, issuer),
        "recipients_lines": recipient_lines(signing),
    }


def citation(c: Citation) -> str:
    """'Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về ...'."""
    parts = [c.kind]
    if c.number:
        parts.append(f"số {c.number}")
    if c.date:
        parts.append(f"ngày {short_date(c.date)}")
    if c.issuer:
        parts.append(f"của {c.issuer}")
    if c.subject:
        parts.append(c.subject)
    return " ".join(parts)


def listed(items: Sequence[str], prefix: str = "- ") -> list[str]:
    """Items as list lines, each ending ';' and the last '.'."""
    return [f"{prefix}{item.rstrip(';.')}{'.' if i == len(items) - 1 else ';'}"
            for i, item in enumerate(items)]


def percent(value: Decimal | float) -> str:
    """A computed share as officials write it: whole when exact ('100%', '80%'), else one
    decimal ('85,7%'); a share that one decimal would round to a whole number keeps two
    ('79,96%'), so it never reads as the whole number a rule may need."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return format_percent(number, 0)
    one = format_percent(number, 1)
    return format_percent(number, 2) if one.endswith(",0%") else one


def rate(value: Decimal | float) -> str:
    """A rate of change as a report writes it, to one decimal ('12,5%'), whole when that
    decimal is 0 ('9%' for 9,03%): unlike a vote share (`percent`), no rule turns on it. A
    change too small for one decimal keeps two ('0,04%'), or reads 'dưới 0,01%'."""
    number = Decimal(str(value))
    one = format_percent(number, 1)
    if one == "0,0%":
        two = format_percent(number, 2)
        return "dưới 0,01%" if two == "0,00%" else two
    return one.replace(",0%", "%") if one.endswith(",0%") else one


def share_text(value: float | Decimal) -> str:
    """A percentage as a rule states it, with the decimals it was set with: '50%', '66,5%',
    '50,01%' (never rounded: a rule printed as 50,0% would not be the rule applied)."""
    number = Decimal(str(value)).normalize()
    exponent = number.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_percent(number, decimals)


def share(part: int, whole: int) -> str:
    """A ratio such as '100%' or '95,5%' (no decimals when whole)."""
    value = Decimal(part) * 100 / Decimal(whole) if whole else Decimal(0)
    return format_percent(value, 0 if value == value.to_integral_value() else 1)


def plan_lines(book: Workbook) -> dict[str, list[str]]:
    """Next year's plan sheet by part ('targets', 'content' …): one entry per typed line, in
    sheet order; a part with no line is absent."""
    parts: dict[str, list[str]] = {}
    for item in book.plan:
        lines = [line.strip() for line in item.text.split("\n")]
        parts.setdefault(item.part, []).extend(line for line in lines if line)
    return parts


def officers(book: Workbook) -> tuple[str, str, str]:
    """How the papers name the group and its officers: ('Cụm', 'Cụm trưởng', 'Cụm phó'),
    or ('Khối', 'Trưởng Khối', 'Phó Trưởng Khối') for a Khối thi đua (its name says so)."""
    if name_key(book.cluster.name).startswith(name_key("Khối ")):
        return "Khối", "Trưởng Khối", "Phó Trưởng Khối"
    return "Cụm", "Cụm trưởng", "Cụm phó"


def cluster_word(book: Workbook) -> str:
    """How a sentence names the group generically: 'Cụm', or 'Khối' for a Khối thi đua."""
    return officers(book)[0]


def officer_words(book: Workbook, *, upper: bool = False) -> dict[str, str]:
    """The template values naming the group and its officers ('group', 'leader_title',
    'deputy_title'; with `upper`, also the titles in upper case for signature lines)."""
    group, leader, deputy = officers(book)
    words = {"group": group, "leader_title": leader, "deputy_title": deputy}
    if upper:
        words |= {"leader_title_upper": upper_vi(leader), "deputy_title_upper": upper_vi(deputy)}
    return words
