"""Turn the worksheet XML of a zip package into sizes and findings before openpyxl loads it.

openpyxl creates an object for every cell, every cell of a merged range and every cell a
hyperlink range covers, and the reader walks each sheet's rows x columns: those are
counted here with byte searches (about a millisecond for a normal workbook) and refused
past MAX_CELLS. Formula cells saved without a computed value (openpyxl reads them as
empty) are found here too.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from docgen.errors import IntakeError
from docgen.intake.limits import MAX_CELLS
from docgen.vi import format_number

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_PREFIX = re.compile(rb"<(?:(\w+):)?sheetData[\s>/]")
_LAST_ROW = re.compile(rb'\sr="[A-Z]{1,3}([0-9]{1,7})"')
_RANGE = re.compile(rb'<(?:\w+:)?(?:mergeCell|hyperlink)\s[^>]{0,2000}?\bref="([^"]{1,64})"')
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_SHEET_ENTRY = re.compile(r"xl/worksheets/[^/]+\.xml")


@dataclass
class Scan:
    """What the scan found: sheet title -> cells holding a formula but no saved value."""

    uncalculated: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class _Size:
    """A sheet's cells and the rows x columns openpyxl and the reader will walk."""

    cells: int = 0
    rows: int = 0
    columns: int = 0

    @property
    def area(self) -> int:
        return self.rows * self.columns

    def cover(self, rows: int, columns: int) -> None:
        self.rows, self.columns = max(self.rows, rows), max(self.columns, columns)


def scan_sheets(path: Path, archive: zipfile.ZipFile) -> Scan:
    """Size every worksheet of a package (raise IntakeError past MAX_CELLS) and find its
    uncalculated formulas."""
    scan = Scan()
    total = 0
    for part, title in _sheet_parts(archive).items():
        data = archive.read(part)
        size = _size(data)
        total += size.cells
        if size.cells > MAX_CELLS or size.area > MAX_CELLS:
            raise IntakeError(
                f"Trang '{title}' quá lớn: vùng dữ liệu vượt {format_number(MAX_CELLS)} ô mà "
                "docgen đọc được; hãy xóa các dòng, cột thừa (kể cả ô trống đã định dạng, ô "
                "gộp, liên kết) rồi lưu lại."
            )
        if total > MAX_CELLS:
            raise IntakeError(
                f"Tệp '{path.name}' có quá nhiều ô (hơn {format_number(MAX_CELLS)} ô trên các "
                "trang); hãy xóa các trang, dòng, cột thừa rồi lưu lại."
            )
        if _FORMULA.search(data):
            missing = _uncalculated(data)
            if missing:
                scan.uncalculated[title] = missing
    return scan


def _size(data: bytes) -> _Size:
    """Count a sheet's cells (<c> elements, plus the cells of merged and hyperlink ranges)
    and its extent. Cells and rows are stored in order, so the last cell reference gives the
    last row; each distinct column letter is looked at once."""
    match = _PREFIX.search(data)
    prefix = match.group(1) + b":" if match and match.group(1) else b""
    size = _Size(sum(data.count(b"<" + prefix + tail) for tail in (b"c ", b"c>", b"c/>")))
    if size.cells > MAX_CELLS:
        return size
    columns = set(re.findall(b"<" + re.escape(prefix) + b'c r="([A-Z]{1,3})', data))
    last = _LAST_ROW.search(data, max(data.rfind(b"<" + prefix + b'c r="'), 0))
    if columns and last is not None:
        size.cover(int(last.group(1)), max(map(_column_index, columns)))
    for found in _RANGE.finditer(data):
        rows, cols = _range_size(found.group(1).decode("ascii", "replace"))
        size.cells += rows[1] * cols[1] - 1 if rows[1] else 0
        size.cover(rows[0], cols[0])
        if size.cells > MAX_CELLS:
            break
    return size


def _range_size(ref: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """((last row, rows), (last column, columns)) of "B2:D9" or "B2"; zeros if unreadable."""
    ends = [_REF.fullmatch(part) for part in ref.split(":")[:2]]
    if not ends or any(end is None for end in ends):
        return (0, 0), (0, 0)
    rows = [int(end.group(2)) for end in ends if end]
    cols = [_column_index(end.group(1).encode()) for end in ends if end]
    return ((max(rows), max(rows) - min(rows) + 1), (max(cols), max(cols) - min(cols) + 1))


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index


def _uncalculated(data: bytes) -> set[str]:
    """References of the cells with a formula (<f>) but no saved value (<v>)."""
    missing: set[str] = set()
    cell, formula, value = (f"{{{_MAIN}}}{tag}" for tag in ("c", "f", "v"))
    for _, element in etree.iterparse(_Bytes(data), events=("end",), tag=cell,
                                      resolve_entities=False, no_network=True):
        if element.find(formula) is not None:
            saved = element.find(value)
            if (saved is None or not saved.text) and element.get("r"):
                missing.add(element.get("r"))
        element.clear()
    return missing


class _Bytes:
    """A minimal file object over bytes for lxml.iterparse."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self._pos + size
        chunk = self._data[self._pos:end]
        self._pos += len(chunk)
        return chunk


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Zip entry of each worksheet -> its title (from xl/workbook.xml and its relations);
    worksheet entries the workbook does not name are sized too, under their file name."""
    parts: dict[str, str] = {}
    try:
        book = etree.fromstring(archive.read("xl/workbook.xml"), _parser())
        rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), _parser())
    except (KeyError, etree.XMLSyntaxError):
        book = rels = None  # openpyxl will report the package as broken
    if book is not None and rels is not None:
        targets = {rel.get("Id"): rel.get("Target", "")
                   for rel in rels.iter(f"{{{_PKG_REL}}}Relationship")}
        for sheet in book.iter(f"{{{_MAIN}}}sheet"):
            target = targets.get(sheet.get(f"{{{_REL}}}id"), "")
            part = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
            if part in archive.NameToInfo:
                parts[part] = sheet.get("name", "")
    for name in archive.namelist():
        if _SHEET_ENTRY.fullmatch(name) and name not in parts:
            parts[name] = posixpath.basename(name)
    return parts


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
