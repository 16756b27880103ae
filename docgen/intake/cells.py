"""Turn raw cell values into clean Python values of a column's kind.

Each converter returns the value or raises `CellError` with a Vietnamese explanation; the
reader adds the sheet, cell and field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from docgen.intake.schema import Column, Kind
from docgen.vi import name_key


class CellError(ValueError):
    """A cell's value does not fit its column (message in Vietnamese)."""


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# Zero-width characters, bidi marks, embeddings, overrides and isolates, word joiner, BOM:
# invisible, they only make equal-looking names differ or reorder what a reader sees.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# What clean_text changes in a one-line text: line breaks, runs of spaces, tabs and other
# spaces, invisible characters (else only NFC and the ends' white space matter).
_UNCLEAN = re.compile("[\r\n\t\u00a0\u2007\u202f\u200b-\u200f\u202a-\u202e"
                      "\u2060-\u2064\u2066-\u2069\ufeff]|  ")
_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_TIME = re.compile(r"^(\d{1,2})\s*(?::|h|giờ)\s*(\d{1,2})?\s*(?:phút)?$", re.IGNORECASE)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_QUOTED = 60  # characters of a typed value quoted in a message
# Excel holds 15 significant digits; larger figures are typing mistakes here.
MAX_MAGNITUDE = 10**15


def clean_line(text: str) -> str:
    """NFC, with stray and repeated spaces and invisible format characters removed."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip()


def clean_text(value: object, *, multiline: bool = False) -> str:
    """Return a cell as clean text; line breaks are kept only when `multiline`."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and _plain(value):
        return value  # the common case, kept fast: nothing to clean
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean_line(line) for line in text.split("\n")]
    if not multiline:
        return " ".join(line for line in lines if line)
    return "\n".join(lines).strip("\n")


def _plain(text: str) -> bool:
    """True when clean_text would give `text` back unchanged, on one line or many."""
    return (text != "" and not text[0].isspace() and not text[-1].isspace()
            and _UNCLEAN.search(text) is None and unicodedata.is_normalized("NFC", text))


def is_blank(value: object) -> bool:
    """True for an empty cell or one holding only spaces."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    if value[:1].isalnum():
        return False  # the common case, kept fast: no letter or digit is ever cleaned away
    return not clean_text(value, multiline=True)


def to_int(value: object) -> int:
    """An integer from a number or digits typed as text ("1.234" reads as 1234)."""
    if isinstance(value, bool):
        raise CellError(f"“{value}” không phải là số nguyên")
    if isinstance(value, int):
        return _bounded(value, value)
    if isinstance(value, float) and value.is_integer():
        return _bounded(int(value), value)
    text = clean_text(value).replace(" ", "")
    if _THOUSANDS.match(text):
        text = text.replace(".", "")
    if re.fullmatch(r"-?\d{1,30}", text):
        return _bounded(int(text), value)
    raise CellError(f"“{_shown(value)}” không phải là số nguyên")


def _bounded(number: int, value: object) -> int:
    if abs(number) >= MAX_MAGNITUDE:
        raise CellError(f"“{_shown(value)}” quá lớn (tối đa 15 chữ số)")
    return number


def _shown(value: object) -> str:
    """A value as quoted in a message: huge floats in exponent form, long text cut."""
    text = format(value, ".15g") if isinstance(value, float) else clean_text(value)
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1].rstrip() + "…"


def to_number(value: object) -> float:
    """A number from a numeric cell or text in Vietnamese style ("12,5", "1.234,5")."""
    if isinstance(value, bool):
        raise CellError(f"“{value}” không phải là số")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise CellError(f"“{value}” không phải là số")
        return _bounded_float(float(value), value)
    text = clean_text(value).replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(text):
        text = text.replace(".", "")
    try:
        number = float(Decimal(text))
    except InvalidOperation:
        raise CellError(f"“{_shown(value)}” không phải là số") from None
    if not math.isfinite(number):  # "nan", "inf" or beyond a float's range
        raise CellError(f"“{_shown(value)}” không phải là số")
    return _bounded_float(number, value)


def _bounded_float(number: float, value: object) -> float:
    if abs(number) >= MAX_MAGNITUDE:
        raise CellError(f"“{_shown(value)}” quá lớn (tối đa 15 chữ số)")
    return number


def to_date(value: object) -> dt.date:
    """A date from an Excel date, an Excel serial number, or text dd/mm/yyyy."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = clean_text(value)
    match = _DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    raise CellError(f"“{_shown(text)}” không phải là ngày hợp lệ (viết theo dạng dd/mm/yyyy)")


def to_time(value: object) -> dt.time:
    """A time of day from an Excel time, a fraction of a day, or text such as 08:00, 8h30."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60, minutes % 60)
    text = clean_text(value)
    match = _TIME.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise CellError(f"“{_shown(text)}” không phải là giờ hợp lệ (viết theo dạng 08:00)")


def to_list(value: object) -> list[str]:
    """Items written one per line or separated by ';'."""
    text = clean_text(value, multiline=True)
    return [item for item in (clean_line(p) for p in re.split(r"[\n;]", text)) if item]


def to_choice(value: object, column: Column) -> str:
    """The code of the drop-down label the cell holds (matched ignoring case and accents
    placement)."""
    key = name_key(clean_text(value))
    for label, code in column.choices:
        if name_key(label) == key:
            return code
    allowed = "; ".join(f"“{label}”" for label in column.labels)
    raise CellError(f"“{_shown(value)}” không phải là một giá trị được chọn ({allowed})")


_CONVERTERS: dict[Kind, Callable[[object], object]] = {
    Kind.TEXT: clean_text,
    Kind.MULTILINE: lambda v: clean_text(v, multiline=True),
    Kind.LIST: to_list,
    Kind.INT: to_int,
    Kind.NUMBER: to_number,
    Kind.DATE: to_date,
    Kind.TIME: to_time,
}


def convert(value: object, column: Column) -> object:
    """Convert a non-blank cell value to the column's kind, or raise CellError."""
    if column.kind is Kind.CHOICE:
        return to_choice(value, column)
    result = _CONVERTERS[column.kind](value)
    if isinstance(result, int | float):
        _check_bounds(result, value, column.bounds)
    elif column.person and isinstance(result, str):
        check_person(result)
    elif column.words:
        for line in result if isinstance(result, list) else [result]:
            if not any(ch.isalpha() for ch in str(line)):
                raise CellError(f"“{_shown(line)}” phải có chữ (không chỉ gồm số hay ký hiệu)")
    return result


_ACADEMIC_TITLES = ("GS.", "PGS.", "TS.", "TSKH.", "ThS.", "KS.", "CN.", "BS.")
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")


def check_person(name: str) -> None:
    """A person's full name as signature blocks print it: 2 to 7 words, each starting with a
    capital letter, not all in capitals, no digits or punctuation; an academic title first
    ("TS. Nguyễn Văn Đức") is allowed. Raise CellError otherwise."""
    words = name.split()
    if words and words[0] in _ACADEMIC_TITLES:
        words = words[1:]
    fits = (2 <= len(words) <= 7
            and all(_NAME_WORD.fullmatch(w) and w[0].isupper() for w in words)
            and not (all(w.isupper() for w in words) and any(len(w) > 1 for w in words)))
    if not fits:
        raise CellError(f"“{_shown(name)}” không phải là họ tên hợp lệ (2 đến 7 chữ, viết hoa "
                        "chữ cái đầu mỗi chữ, không có số hay dấu câu; ví dụ: Nguyễn Văn Đức)")


def _check_bounds(number: float, value: object, bounds: tuple[int, int | None]) -> None:
    low, high = bounds
    if low <= number and (high is None or number <= high):
        return
    shown = _shown(value)
    if high is not None:
        raise CellError(f"“{shown}” phải từ {low} đến {high}")
    if low == 0:
        raise CellError(f"“{shown}” phải là số không âm")
    raise CellError(f"“{shown}” phải từ {low} trở lên")
