"""Turn numbers and dates into Vietnamese text as official documents write them.

Dates follow Decree 30/2020/ND-CP: the day is zero-padded below 10, months 1 and 2
are zero-padded ("tháng 01", "tháng 02") and months 3 to 12 are not ("tháng 3").
Numbers use the vi_VN conventions (dot groups thousands, comma marks decimals) and
are rounded half-up. ``number_to_words`` is a self-contained Vietnamese speller.

Every function is pure: no I/O, no global state.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from babel.numbers import format_decimal

__all__ = [
    "count_phrase",
    "date_line",
    "format_number",
    "format_percent",
    "full_date",
    "money_in_words",
    "name_key",
    "nfc",
    "number_to_words",
    "roman",
    "short_date",
    "upper_vi",
    "weekday",
]

_LOCALE = "vi_VN"
# Babel's vi_VN pattern shows at most this many decimals when none are requested.
_DEFAULT_MAX_DECIMALS = 3

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Scale words inside one block of nine digits, from the lowest group upwards.
_GROUP_SCALES = ("", "nghìn", "triệu")
_BILLION = "tỷ"
_BLOCK = 10**9

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)

# "12,5" or "1.234.567,89": a comma-decimal string written the Vietnamese way.
_VI_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),[0-9]+")

# Old-style tone placement (mark on the second vowel) -> new style (mark on the first).
_TONE_PLACEMENT = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
# Only a word-final vowel group ("hoà", not "hoàng"), and never the "u" of "qu".
_TONE_PATTERN = re.compile(
    "(?<!q)(" + "|".join(_TONE_PLACEMENT) + r")(?![^\W\d_])",
)
_WHITESPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- dates


def _day(d: date) -> str:
    """Return the day of month, zero-padded below 10."""
    return f"{d.day:02d}"


def _month(d: date) -> str:
    """Return the month: "01" and "02" are padded, 3 to 12 are not."""
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def full_date(d: date) -> str:
    """Return a date as used inside a sentence: "ngày 05 tháng 01 năm 2022"."""
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year}"


def date_line(place: str, d: date) -> str:
    """Return the place-and-date line: "Bạc Liêu, ngày 05 tháng 01 năm 2022".

    Raises ValueError when ``place`` is blank.
    """
    name = place.strip()
    if not name:
        raise ValueError("place must not be blank")
    return f"{name}, {full_date(d)}"


# The days of the week as a date line names them, Monday first as `date.weekday` counts.
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def weekday(d: date) -> str:
    """The day of the week: 'thứ Hai' … 'thứ Bảy', 'Chủ nhật'."""
    return WEEKDAYS[d.weekday()]


def short_date(d: date) -> str:
    """Return a date in citation style: "13/01/2021", "07/4/2014"."""
    return f"{_day(d)}/{_month(d)}/{d.year}"


# ------------------------------------------------------------------------- numbers


def _check_finite(value: Decimal) -> Decimal:
    """Return ``value`` unchanged, or raise ValueError if it is NaN or infinite."""
    if not value.is_finite():
        raise ValueError(f"number must be finite, got {value}")
    return value


def _to_decimal(x: float | Decimal) -> Decimal:
    """Convert an int, float or Decimal to Decimal as written (floats via ``repr``)."""
    if isinstance(x, bool):  # a bool is an int to Python, but never a number to spell
        raise ValueError("bool is not a number here")
    if isinstance(x, Decimal):
        return _check_finite(x)
    if isinstance(x, int):
        return Decimal(x)
    if isinstance(x, float):
        return _check_finite(Decimal(repr(x)))
    raise TypeError(f"expected int, float or Decimal, got {type(x).__name__}")


def _parse_text(text: str) -> Decimal:
    """Parse "12.5", "-3", "12,5" or "1.234,5" into a finite Decimal."""
    cleaned = text.strip()
    if _VI_NUMBER.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    return _check_finite(value)


def _precision_for(value: Decimal, decimals: int) -> int:
    """Return a decimal precision large enough to hold ``value`` at ``decimals``."""
    return max(28, value.adjusted() + decimals + 2)


def _round_half_up(value: Decimal, decimals: int) -> Decimal:
    """Round to ``decimals`` places, halves away from zero; never return -0."""
    with localcontext() as ctx:
        ctx.prec = _precision_for(value, decimals)
        rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded == 0 else rounded


def _check_decimals(decimals: int) -> None:
    """Raise ValueError unless ``decimals`` is a non-negative int."""
    if isinstance(decimals, bool) or decimals < 0:
        raise ValueError(f"decimals must be a non-negative int, got {decimals!r}")


def _babel(value: Decimal, decimals: int, pattern: str | None = None) -> str:
    """Format ``value``, already rounded to ``decimals`` places, with babel in vi_VN."""
    with localcontext() as ctx:
        ctx.prec = _precision_for(value, decimals)
        return format_decimal(value, format=pattern, locale=_LOCALE)


def format_number(x: float | Decimal, decimals: int | None = None) -> str:
    """Format a number the vi_VN way: "1.234.567", "12,5", "-1.234,5".

    With ``decimals`` the result has exactly that many decimals; without it, up to
    three decimals are shown and trailing zeros are dropped. Rounding is half-up.
    Raises ValueError for bool, NaN, infinity and negative ``decimals``.
    """
    if isinstance(x, Decimal):
        _check_finite(x)  # here, not in the cached call: a signaling NaN has no hash
    return _format_number(x, decimals)


# Kept by value and type (`typed`: 1, 1.0, Decimal(1) and True are four keys, so a float and
# a Decimal that compare equal are still converted their own way, and a bool still raises):
# a build prints the same scores in every document, a large cluster's thousands of times,
# and babel's formatting is most of what a document's data costs.
@functools.lru_cache(maxsize=16_384, typed=True)
def _format_number(x: float | Decimal, decimals: int | None) -> str:
    value = _to_decimal(x)
    if decimals is None:
        return _babel(_round_half_up(value, _DEFAULT_MAX_DECIMALS), _DEFAULT_MAX_DECIMALS)
    _check_decimals(decimals)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _babel(_round_half_up(value, decimals), decimals, pattern)


def format_percent(x: float | Decimal, decimals: int = 1) -> str:
    """Format a value already in percent units: 12.5 -> "12,5%", 100 -> "100,0%".

    Always exactly ``decimals`` decimals, rounded half-up, no space before "%".
    """
    return format_number(x, decimals) + "%"


# --------------------------------------------------------------------------- words


def _units_after_tens(tens: int, units: int) -> str:
    """Spell the units digit that follows a non-zero tens digit."""
    if units == 1 and tens >= 2:
        return "mốt"
    if units == 4 and tens >= 2:
        return "tư"
    if units == 5:
        return "lăm"
    return _DIGITS[units]


def _tens_and_units(tens: int, units: int, after_hundreds: bool) -> list[str]:
    """Spell the last two digits of a three-digit group."""
    if tens == 0:
        if units == 0:
            return []
        return ["linh", _DIGITS[units]] if after_hundreds else [_DIGITS[units]]
    words = ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units:
        words.append(_units_after_tens(tens, units))
    return words


def _group_words(group: int, full: bool) -> list[str]:
    """Spell a group of three digits (1-999).

    ``full`` groups follow a higher group, so they keep "không trăm" and "linh".
    """
    hundreds, rest = divmod(group, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    return words + _tens_and_units(tens, units, bool(words))


def _block_words(block: int, full: bool) -> list[str]:
    """Spell a block below one billion (1-999,999,999) with nghìn and triệu."""
    words: list[str] = []
    for index in range(len(_GROUP_SCALES) - 1, -1, -1):
        group = block // 1000**index % 1000
        if not group:
            continue
        words += _group_words(group, full or bool(words))
        if _GROUP_SCALES[index]:
            words.append(_GROUP_SCALES[index])
    return words


def _integer_words(n: int) -> list[str]:
    """Spell a non-negative integer; blocks of nine digits are joined by "tỷ"."""
    if n == 0:
        return [_DIGITS[0]]
    blocks: list[int] = []
    while n:
        n, block = divmod(n, _BLOCK)
        blocks.append(block)
    words: list[str] = []
    for index in range(len(blocks) - 1, -1, -1):
        if blocks[index]:
            words += _block_words(blocks[index], full=bool(words))
            words += [_BILLION] * index
    return words


def _as_decimal(n: float | Decimal | str) -> Decimal:
    """Turn any accepted input of ``number_to_words`` into a finite Decimal."""
    if isinstance(n, str):
        return _parse_text(n)
    return _to_decimal(n)


def number_to_words(n: float | Decimal | str) -> str:
    """Spell a number in Vietnamese: 2021 -> "hai nghìn không trăm hai mươi mốt".

    Decimals are read digit by digit after "phẩy" (12.05 -> "mười hai phẩy không
    năm"); trailing zeros of the fraction are ignored. Strings may be "12.5" or, when
    they contain a comma, Vietnamese style ("12,5", "1.234,5"). Negative numbers
    start with "âm". Raises ValueError for bool, NaN, infinity and unparsable text.
    """
    value = _as_decimal(n)
    integer_part, _, fraction = format(abs(value), "f").partition(".")
    fraction = fraction.rstrip("0")
    words = ["âm"] if value < 0 else []
    words += _integer_words(int(integer_part))
    if fraction:
        words.append("phẩy")
        words += [_DIGITS[int(digit)] for digit in fraction]
    return " ".join(words)


def _capitalize_first(s: str) -> str:
    """Upper-case the first character only."""
    return upper_vi(s[:1]) + s[1:]


def money_in_words(amount: int) -> str:
    """Spell an amount of money: "Mười tám triệu bảy trăm hai mươi nghìn đồng".

    Raises ValueError for a negative amount or a bool, TypeError for a non-int.
    """
    if not isinstance(amount, int):
        raise TypeError(f"amount must be an int, got {type(amount).__name__}")
    if amount < 0:
        raise ValueError(f"amount must not be negative, got {amount}")
    return _capitalize_first(number_to_words(amount)) + " đồng"


def count_phrase(n: int, noun: str) -> str:
    """Return a counted noun: "01 (một) tập thể", "12 (mười hai) cá nhân".

    Raises ValueError for a negative count or a bool.
    """
    if isinstance(n, bool) or n < 0:
        raise ValueError(f"count must be a non-negative int, got {n!r}")
    return f"{n:02d} ({number_to_words(n)}) {noun.strip()}"


def roman(n: int) -> str:
    """Return the Roman numeral of 1-3999: 14 -> "XIV". ValueError otherwise."""
    if isinstance(n, bool) or not 1 <= n <= 3999:
        raise ValueError(f"roman numerals cover 1-3999, got {n!r}")
    parts: list[str] = []
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


# --------------------------------------------------------------------------- text


def nfc(s: str) -> str:
    """Return ``s`` in Unicode normalisation form NFC."""
    return unicodedata.normalize("NFC", s)


def upper_vi(s: str) -> str:
    """Upper-case Vietnamese text ("đường" -> "ĐƯỜNG"), result in NFC."""
    return nfc(nfc(s).upper())


def _new_tone_placement(s: str) -> str:
    """Move tone marks of word-final oa, oe, uy to the first vowel ("hoà" -> "hòa")."""
    return _TONE_PATTERN.sub(lambda m: _TONE_PLACEMENT[m.group(1)], s)


@functools.lru_cache(maxsize=16_384)
def name_key(s: str) -> str:
    """Return a key under which equal-looking Vietnamese names compare equal.

    NFC, trimmed, single spaces, casefolded, and tone marks of word-final "oa",
    "oe", "uy" moved to the first vowel, so "Hoà" and "hòa", "Thuỷ" and "thủy"
    give the same key. "qu" words such as "quý" are left alone.
    """
    folded = nfc(nfc(s).casefold())
    collapsed = _WHITESPACE.sub(" ", folded).strip()
    return _new_tone_placement(collapsed)
