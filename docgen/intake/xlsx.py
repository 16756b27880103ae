"""Turn an .xlsx package into the cell values openpyxl would read from it, without openpyxl.

Reading a workbook to check or build it needs each sheet's cached values, its merged
ranges, and for text cells whether a style is set and the font's name (legacy encodings).
openpyxl's full load makes an object for every cell and its import alone takes about as long
as reading the sample; this reader parses the parts it needs with lxml and gives exactly the
values `openpyxl.load_workbook(data_only=True)` gives (same types: int or float as written,
dates by number format and epoch, shared and inline strings, booleans, error codes), which a
test checks cell by cell. A cell of a merged range other than its top-left reads as empty,
as in openpyxl. What openpyxl refuses to load (missing parts, bad references, broken XML) is
refused here with one of `ERRORS`.
"""

from __future__ import annotations

import datetime
import logging
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

__all__ = ["ERRORS", "Book", "Sheet", "column_letter", "read_book"]

LOG = logging.getLogger("docgen")

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WORKBOOK_TYPES = tuple(f"application/vnd.{kind}.main+xml" for kind in (
    "ms-excel.template.macroEnabled", "openxmlformats-officedocument.spreadsheetml.template",
    "ms-excel.sheet.macroEnabled", "openxmlformats-officedocument.spreadsheetml.sheet"))
_SHARED_STRINGS = ("application/vnd.openxmlformats-officedocument.spreadsheetml."
                   "sharedStrings+xml")
_ROW, _CELL, _VALUE = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}v"
_INLINE, _TEXT, _RUN = f"{_MAIN}is", f"{_MAIN}t", f"{_MAIN}r"
_ELEMENTS = etree.Element  # as a tag filter: elements only
_COORD = re.compile(r"([A-Z]{1,3})([1-9]\d*)$")
_RANGE = re.compile(r"^[$]?([A-Za-z]{1,3})?[$]?(\d+)?(:[$]?([A-Za-z]{1,3})?[$]?(\d+)?)?$")
_INVALID_TITLE = re.compile(r"[\\*?:/\[\]]")

# What a malformed package raises here (openpyxl raises the same kinds on such packages).
ERRORS = (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, AttributeError,
          IndexError, EOFError, zlib.error, SyntaxError, etree.LxmlError)

Position = tuple[int, int]  # (row, column), 1-based


@dataclass
class Sheet:
    """One worksheet's cached values (empty cells left out) and merged ranges."""

    title: str
    book: Book
    rows: dict[int, dict[int, object]] = field(default_factory=dict)  # row -> column -> value
    styles: dict[Position, int] = field(default_factory=dict)  # style of each text cell
    merged: set[Position] = field(default_factory=set)  # merged cells but each top-left
    corners: dict[Position, Position] = field(default_factory=dict)  # -> its range's top-left

    def value(self, row: int, column: int) -> object:
        """The cell's value as openpyxl reads it; None when empty or merged away."""
        cells = self.rows.get(row)
        return None if cells is None else cells.get(column)

    def column(self, column: int) -> list[tuple[int, object]]:
        """(row, value) of the non-empty cells of a column, top to bottom."""
        found = []
        for row in sorted(self.rows):
            value = self.rows[row].get(column)
            if value is not None:
                found.append((row, value))
        return found

    def has_style(self, row: int, column: int) -> bool:
        """openpyxl's `cell.has_style`: the cell's format is not the default one."""
        return self.book.styled[self.styles.get((row, column), 0)]

    def font_name(self, row: int, column: int) -> str | None:
        """The name of the cell's font, as openpyxl's `cell.font.name`."""
        return self.book.font_names[self.styles.get((row, column), 0)]


@dataclass
class Book:
    """The worksheets of a workbook, in order, and what their cells' styles say."""

    worksheets: list[Sheet] = field(default_factory=list)
    styled: list[bool] = field(default_factory=lambda: [False])  # by style index
    font_names: list[str | None] = field(default_factory=lambda: ["Calibri"])
    date_styles: set[int] = field(default_factory=set)
    timedelta_styles: set[int] = field(default_factory=set)
    epoch: datetime.datetime = datetime.datetime(1899, 12, 30)


@cache
def column_letter(index: int) -> str:
    """'A' for 1, 'AB' for 28."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_COLUMNS: dict[str, int] = {}  # column letters -> index, as they are met


def _column_index(letters: str) -> int:
    """1 for "A" (or "a"), 28 for "AB"; ValueError past "ZZZ" or for anything else."""
    if letters in _COLUMNS:
        return _COLUMNS[letters]
    index = 0
    if len(letters) > 3:
        raise ValueError(f"'{letters}' is not a valid column name")
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            raise ValueError(f"'{letters}' is not a valid column name")
        index = index * 26 + ord(ch) - 64
    if not 0 < index < 18279:
        raise ValueError(f"'{letters}' is not a valid column name")
    _COLUMNS[letters] = index
    return index


def _coordinate(ref: str) -> Position:
    """(row, column) of "B7", as openpyxl's coordinate_to_tuple reads it ("b7" too)."""
    match = _COORD.match(ref)
    if match is not None:
        return int(match.group(2)), _column_index(match.group(1))
    split = next((i for i, ch in enumerate(ref) if ch in "0123456789"), len(ref) - 1)
    return int(ref[split:]), _column_index(ref[:split])


def read_book(data: bytes) -> Book:
    """Read a package's worksheets; raise one of ERRORS when it is malformed."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        types = _parse(archive.read("[Content_Types].xml"))
        part = _workbook_part(types)
        book = Book()
        _read_styles(archive, names, book)
        strings = _read_strings(archive, types)
        workbook = _parse(archive.read(part))
        props = workbook.find(f"{_MAIN}workbookPr")
        if props is not None and _bool(props.get("date1904")):
            book.epoch = datetime.datetime(1904, 1, 1)
        targets = _relations(archive, _rels_path(part))
        for sheet in workbook.iterfind(f"{_MAIN}sheets/{_MAIN}sheet"):
            rel_id = sheet.get(_REL_ID)
            if not rel_id:
                continue  # openpyxl drops such a sheet with a warning
            target, kind = targets[rel_id]
            if target not in names or "chartsheet" in kind:
                continue
            title = _title(sheet.get("name"), [ws.title for ws in book.worksheets])
            book.worksheets.append(_read_sheet(archive.read(target), title, book, strings))
    return book


def _parse(data: bytes) -> Any:
    return etree.fromstring(data, _PARSER)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _workbook_part(types: Any) -> str:
    overrides = {o.get("ContentType"): o.get("PartName", "")
                 for o in reversed(types.findall(f"{_CT}Override"))}
    for kind in _WORKBOOK_TYPES:
        if kind in overrides:
            return str(overrides[kind])[1:]
    defaults = {d.get("ContentType") for d in types.findall(f"{_CT}Default")}
    if defaults & set(_WORKBOOK_TYPES):
        return "xl/workbook.xml"
    raise OSError("File contains no valid workbook part")


def _rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _relations(archive: zipfile.ZipFile, path: str) -> dict[str, tuple[str, str]]:
    """Relation id -> (part it points to, relation type), resolved as openpyxl does."""
    root = _parse(archive.read(path))
    parent = posixpath.split(posixpath.dirname(path))[0]
    found: dict[str, tuple[str, str]] = {}
    for rel in root.iter(f"{_PKG}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            target = target[1:] if target.startswith("/") else \
                posixpath.normpath(posixpath.join(parent, target))
        found.setdefault(rel.get("Id"), (target, rel.get("Type", "")))  # the first counts
    return found


def _title(name: str | None, taken: list[str]) -> str:
    """The sheet's title as openpyxl sets it (invalid ones refused, duplicates numbered)."""
    name = name or "Sheet"
    if _INVALID_TITLE.search(name):
        raise ValueError("Invalid character found in sheet title")
    if any(n.lower() == name.lower() for n in taken):
        pattern = re.compile(f"(?P<title>{re.escape(name)})(?P<count>\\d*),?", re.I)
        counts = [int(i) for _, i in pattern.findall(",".join(taken)) if i.isdigit()]
        name = f"{name}{max(counts, default=0) + 1}"
    return name


def _text(node: Any) -> str:
    """openpyxl's `Text.from_tree(node).content`: the plain text and every run's text."""
    if len(node) == 1 and node[0].tag == _TEXT:
        return node[0].text or ""  # the common case, kept fast: plain text only
    parts = []
    plain = node.find(_TEXT)
    if plain is not None and plain.text is not None:
        parts.append(plain.text)
    for run in node.iterfind(_RUN):
        text = run.find(_TEXT)
        if text is not None and text.text is not None:
            parts.append(text.text)
    return "".join(parts)


def _read_strings(archive: zipfile.ZipFile, types: Any) -> list[str]:
    part = next((o.get("PartName", "") for o in types.iterfind(f"{_CT}Override")
                 if o.get("ContentType") == _SHARED_STRINGS), None)
    if part is None:
        return []
    root = _parse(archive.read(part[1:]))
    return [_text(si).replace("x005F_", "") for si in root.iter(f"{_MAIN}si")]


def _read_sheet(data: bytes, title: str, book: Book, strings: list[str]) -> Sheet:
    sheet = Sheet(title, book)
    rows, styles = sheet.rows, sheet.styles
    dates, styled_count = book.date_styles, len(book.styled)
    coordinate, columns = _COORD.match, _COLUMNS
    row_number = 0
    for row in _parse(data).iter(_ROW):
        number = row.get("r")
        if number is not None:
            try:
                row_number = int(number)
            except ValueError:
                as_float = float(number)
                if not as_float.is_integer():
                    raise
                row_number = int(as_float)
        else:
            row_number += 1
        cells = rows.setdefault(row_number, {})
        column = 0
        for cell in row.iterchildren(_ELEMENTS):  # not XML comments, instructions
            ref = cell.get("r")
            if ref:
                match = coordinate(ref)
                if match is None:
                    at_row, column = _coordinate(ref)
                else:
                    at_row = int(match.group(2))
                    letters = match.group(1)
                    column = columns.get(letters) or _column_index(letters)
            else:
                column += 1
                at_row = row_number
            style = int(cell.get("s") or 0)
            if style >= styled_count:
                raise IndexError(f"style {style} is out of range")
            kind = cell.get("t")
            value: object
            if not len(cell):
                value = None  # neither a value nor inline text: an empty (styled) cell
            elif kind == "inlineStr":  # what openpyxl writes
                child = cell.find(_INLINE)
                value = None if child is None else _text(child)
            else:
                first = cell[0]  # the value, unless a formula comes first
                raw = first.text if first.tag == _VALUE else cell.findtext(_VALUE)
                if not raw:
                    value = None
                elif kind == "s":  # the common cases, kept fast: shared text, a number
                    value = strings[int(raw)]
                elif (kind is None or kind == "n") and style not in dates:
                    value = float(raw) if ("." in raw or "E" in raw or "e" in raw) \
                        else int(raw)
                else:
                    value = _value(cell, style, dates, book, strings, ref)
            target = cells if at_row == row_number else rows.setdefault(at_row, {})
            if value is None:
                if column in target:  # a cell written twice: the last one counts
                    del target[column]
                    styles.pop((at_row, column), None)
                continue
            target[column] = value
            if isinstance(value, str) and style:
                styles[(at_row, column)] = style
            else:
                styles.pop((at_row, column), None)
        if not cells:
            del rows[row_number]
    _read_merged(data, sheet)
    return sheet


def _value(cell: Any, style: int, dates: set[int], book: Book, strings: list[str],
           ref: str | None) -> object:
    """The cell's value as openpyxl's WorkSheetParser.parse_cell reads it (data only)."""
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        child = cell.find(_INLINE)
        return None if child is None else _text(child)
    raw = cell.findtext(_VALUE) or None
    if raw is None:
        return None
    if kind == "n":
        number: int | float = float(raw) if ("." in raw or "E" in raw or "e" in raw) \
            else int(raw)
        if style not in dates:
            return number
        try:
            return _from_excel(number, book.epoch, timedelta=style in book.timedelta_styles)
        except (OverflowError, ValueError):
            LOG.debug("openpyxl: Cell %s is marked as a date but the serial value %s is "
                      "outside the limits for dates. The cell will be treated as an error.",
                      ref, number)
            return "#VALUE!"
    if kind == "s":
        return strings[int(raw)]
    if kind == "b":
        return bool(int(raw))
    if kind == "d":
        return _from_iso8601(raw)
    return raw  # "str" (a formula's text), "e" (an error code) or an unknown type


def _read_merged(data: bytes, sheet: Sheet) -> None:
    """Merged ranges as openpyxl binds them: a set of ranges (so its order, which decides
    overlaps, is a set's), every cell but the top-left of each made empty."""
    ranges: set[tuple[int, int, int, int]] = set()
    for ref in _merge_refs(data):
        ranges.add(_bounds(ref))
    for low_row, low_col, high_row, high_col in ranges:
        corner = (low_row, low_col)
        for row in range(low_row, high_row + 1):
            cells = sheet.rows.get(row)
            for column in range(low_col, high_col + 1):
                sheet.corners.setdefault((row, column), corner)
                if (row, column) == corner:
                    continue
                sheet.merged.add((row, column))
                if cells is not None and cells.pop(column, None) is not None:
                    sheet.styles.pop((row, column), None)
            if cells is not None and not cells:
                del sheet.rows[row]


def _merge_refs(data: bytes) -> list[str]:
    if b"mergeCell" not in data:
        return []
    return [element.get("ref", "") for element in
            _parse(data).iter(f"{_MAIN}mergeCells")
            for element in element.iterfind(f"{_MAIN}mergeCell")]


def _bounds(ref: str) -> tuple[int, int, int, int]:
    """(min_row, min_col, max_row, max_col) of "B2:D9" (openpyxl's range_boundaries)."""
    match = _RANGE.match(ref)
    if match is None or not ref or match.group(1) is None or match.group(2) is None:
        raise ValueError(f"{ref} is not a valid coordinate or range")
    low_col, low_row = _column_index(match.group(1)), int(match.group(2))
    if match.group(3):
        if match.group(4) is None or match.group(5) is None:
            raise ValueError(f"{ref} is not a valid coordinate or range")
        high_col, high_row = _column_index(match.group(4)), int(match.group(5))
    else:
        high_col, high_row = low_col, low_row
    if low_col > high_col or low_row > high_row:
        raise ValueError(f"{ref} is not a valid range")
    return low_row, low_col, high_row, high_col


# openpyxl's built-in number formats (styles/numbers.py), by id.
_BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
_BUILTIN_IDS = {code: index for index, code in _BUILTIN_FORMATS.items()}
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_TIMEDELTA = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_DATE_CHAR = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_FALSE = frozenset(("false", "f", "0"))
_STYLE_IDS = ("fontId", "fillId", "borderId", "xfId")
_ALIGNMENT_NUMBERS = ("textRotation", "indent", "relativeIndent", "readingOrder")


def _bool(value: str | None) -> bool:
    """An XML boolean as openpyxl's Bool reads it: anything but "false", "f", "0" or ""."""
    return bool(value) and value not in _FALSE


def _is_date_format(code: str | None) -> bool:
    if code is None:
        return False
    return _DATE_CHAR.search(_STRIP.sub("", code.split(";")[0])) is not None


def _is_timedelta_format(code: str | None) -> bool:
    return code is not None and _TIMEDELTA.search(code.split(";")[0]) is not None


def _read_styles(archive: zipfile.ZipFile, names: set[str], book: Book) -> None:
    """Which styles are dates or durations, which are not the default, and their fonts
    (openpyxl's apply_stylesheet; without xl/styles.xml, or with no cell formats, its
    defaults stay)."""
    if "xl/styles.xml" not in names:
        return
    root = _parse(archive.read("xl/styles.xml"))
    formats = root.find(f"{_MAIN}cellXfs")
    xfs = [] if formats is None else formats.findall(f"{_MAIN}xf")
    if not xfs:
        return
    custom = {int(f.get("numFmtId")): f.get("formatCode")
              for f in root.iterfind(f"{_MAIN}numFmts/{_MAIN}numFmt")}
    fonts = root.find(f"{_MAIN}fonts")
    names_of = [] if fonts is None else [
        None if font.find(f"{_MAIN}name") is None else font.find(f"{_MAIN}name").get("val")
        for font in fonts.findall(f"{_MAIN}font")]
    book.styled, book.font_names = [], []
    for index, xf in enumerate(xfs):
        number = int(xf.get("numFmtId") or 0)
        code = custom[number] if number in custom else _BUILTIN_FORMATS.get(number)
        if number in custom:
            number = _BUILTIN_IDS.get(str(code), 164)
        if _is_date_format(code):
            book.date_styles.add(index)
        if _is_timedelta_format(code):
            book.timedelta_styles.add(index)
        font = int(xf.get("fontId") or 0)
        book.font_names.append(names_of[font] if 0 <= font < len(names_of) else None)
        book.styled.append(bool(number) or any(int(xf.get(k) or 0) for k in _STYLE_IDS)
                           or _bool(xf.get("quotePrefix")) or _bool(xf.get("pivotButton"))
                           or _aligned(xf) or _protected(xf))


def _aligned(xf: Any) -> bool:
    """Whether the format's alignment differs from openpyxl's default Alignment()."""
    alignment = xf.find(f"{_MAIN}alignment")
    if alignment is None:
        return False
    for name, value in alignment.attrib.items():
        if name in _ALIGNMENT_NUMBERS:
            if float(value) != 0:
                return True
        elif name in ("horizontal", "vertical", "wrapText", "shrinkToFit", "justifyLastLine"):
            return True
    return False


def _protected(xf: Any) -> bool:
    """Whether the format's protection differs from openpyxl's default Protection()."""
    protection = xf.find(f"{_MAIN}protection")
    if protection is None:
        return False
    locked, hidden = protection.get("locked"), protection.get("hidden")
    return (locked is not None and not _bool(locked)) or _bool(hidden)


# openpyxl's utils/datetime.py: Excel serials and ISO 8601 text as Python dates and times.
_ISO = re.compile(r"""
(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?
(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?""",
                  re.VERBOSE)
_DURATION = re.compile(r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?")


def _from_excel(value: float, epoch: datetime.datetime, *, timedelta: bool) -> object:
    if timedelta:
        td = datetime.timedelta(days=value)
        if td.microseconds:
            td = datetime.timedelta(seconds=td.total_seconds() // 1,
                                    microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return datetime.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == datetime.datetime(1899, 12, 30):
        day += 1
    return epoch + datetime.timedelta(days=day) + diff


def _from_iso8601(text: str) -> object:
    match = _ISO.match(text)
    if match and any(match.groups()):
        parts: dict[str, Any] = match.groupdict(0)
        for key in ("year", "month", "day", "hour", "minute", "second"):
            if parts[key]:
                parts[key] = int(parts[key])
        if parts["microsecond"]:
            parts["microsecond"] = int(float(parts["microsecond"]) * 1_000_000)
        if not parts["date"]:
            return datetime.time(parts["hour"], parts["minute"], parts["second"],
                                 parts["microsecond"])
        if not parts["time"]:
            return datetime.date(parts["year"], parts["month"], parts["day"])
        del parts["time"], parts["date"]
        return datetime.datetime(**parts)
    match = _DURATION.match(text)
    if match and any(match.groups()):
        found = {k: float(v) for k, v in match.groupdict(0).items() if v}
        return datetime.timedelta(**found)
    raise ValueError(f"Invalid datetime value {text}")
