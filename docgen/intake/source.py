"""Turn a sheet's cells into the raw values the reader converts, their oddities dealt with.

A cell of a merged range reads as the range's top-left cell. A formula saved without a
computed value, overlong text and text that looks legacy-encoded but does not decode
become problems (the value is then `REJECTED`). Excel's _xHHHH_ escapes of control
characters are decoded, characters XML 1.0 forbids are removed and TCVN3/VNI text is
converted to Unicode, each with a warning naming the cell.
"""

from __future__ import annotations

import re
from typing import Final

from docgen.intake import legacy
from docgen.intake.collect import Collector
from docgen.intake.limits import MAX_TEXT_CHARS
from docgen.intake.xlsx import Sheet, column_letter
from docgen.vi import format_number


class Rejected:
    """The value of a cell already reported as a problem."""

    def __repr__(self) -> str:
        return "REJECTED"


REJECTED: Final = Rejected()

# Excel writes a control character in a string as _xHHHH_; openpyxl leaves it so.
_ESCAPE = re.compile(r"_x(00[01][0-9A-Fa-f])_")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SHOWN = 60  # characters of a converted text quoted in a warning


class CellValues:
    """Reads the cells of one worksheet for the sheet titled `title` in messages."""

    def __init__(self, ws: Sheet, title: str, out: Collector,
                 uncalculated: set[str] | None = None) -> None:
        self._ws = ws
        self._title = title
        self._out = out
        self._uncalculated = uncalculated or set()
        self._merged: dict[str, object] = {}  # top-left reference -> value already read

    @property
    def uncalculated(self) -> set[str]:
        """References of the sheet's formula cells saved without a value."""
        return self._uncalculated

    def value(self, row: int, column: int, header: str | None) -> object:
        """The value of the cell at (row, column), cleaned; None for an empty cell,
        REJECTED after a problem."""
        cells = self._ws.rows.get(row)
        value = None if cells is None else cells.get(column)
        if value is None:  # the common case, kept fast: most cells read are empty
            if self._uncalculated or (row, column) in self._ws.merged:
                return self._empty(row, column, header)
            return None
        if isinstance(value, str):
            return self._text(value, row, column, header)
        return value

    def _empty(self, row: int, column: int, header: str | None) -> object:
        if (row, column) in self._ws.merged:
            top = self._ws.corners.get((row, column), (row, column))
            if top == (row, column):
                return None
            ref = f"{column_letter(top[1])}{top[0]}"
            if ref not in self._merged:
                self._merged[ref] = self.value(top[0], top[1], header)
            return self._merged[ref]
        ref = f"{column_letter(column)}{row}"
        if ref not in self._uncalculated:
            return None
        self._out.add(self._title, ref, header,
                      "ô có công thức nhưng chưa có giá trị đã tính; hãy mở sổ bằng Excel, "
                      "tính lại và lưu (docgen không tự tính công thức).")
        return REJECTED

    def _text(self, text: str, row: int, column: int, header: str | None) -> object:
        ref = f"{column_letter(column)}{row}"
        if "_x" in text:
            text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
        if _FORBIDDEN.search(text):
            count = len(_FORBIDDEN.findall(text))
            text = _FORBIDDEN.sub("", text)
            self._out.warn(self._title, ref, header,
                           f"đã bỏ {count} ký tự điều khiển không in được (văn bản Word không "
                           "chứa được các ký tự này).")
        if len(text) > MAX_TEXT_CHARS:
            self._out.add(self._title, ref, header,
                          f"ô có {format_number(len(text))} ký tự, vượt giới hạn "
                          f"{format_number(MAX_TEXT_CHARS)} ký tự của một ô; hãy rút gọn hoặc "
                          "chia thành nhiều dòng.")
            return REJECTED
        maybe_capitals_font = (text.isascii() and self._ws.has_style(row, column)
                               and not text.isupper())
        if not (legacy.candidate(text) or maybe_capitals_font):
            return text  # the common case, kept fast: no font lookup
        verdict = legacy.examine(text, self._ws.font_name(row, column))
        if verdict is None:
            return text
        if verdict.text is None:
            self._out.add(self._title, ref, header, undecodable(verdict.encoding))
            return REJECTED
        self._out.warn(self._title, ref, header, converted(verdict.encoding, text, verdict.text))
        return verdict.text


def undecodable(encoding: str) -> str:
    """The problem for text that looks legacy-encoded but does not decode with confidence."""
    return (f"có vẻ là chữ gõ bằng mã {encoding} nhưng không chuyển được chắc chắn sang "
            "Unicode; hãy gõ lại ô này bằng Unicode (ví dụ phông Times New Roman).")


def converted(encoding: str, old: str, new: str) -> str:
    """The warning for a cell converted from a legacy encoding."""
    return f"đã chuyển từ mã {encoding} sang Unicode: «{_short(old)}» → «{_short(new)}»."


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "…"
