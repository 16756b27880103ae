"""Turn a file that claims to be a workbook into a verdict before openpyxl touches it.

Refuses, with a Vietnamese IntakeError, whatever is not a plain .xlsx or would take
unbounded time or memory to load: a FIFO, device or folder, old .xls and macro .xlsm files,
encrypted workbooks (an OLE2 container), corrupt or oversized zips, zip bombs and sheets
with an absurd number of cells, texts, formats or comments (limits in
docgen.intake.limits). The file and zip checks are docgen.zipguard's, shared with templates
and `docgen lint`; then only XML parts whose declared size is within the limits are read;
the sheets are sized (and their uncalculated formulas found) by docgen.intake.sheetscan.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import IO

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from docgen import zipguard
from docgen.errors import IntakeError
from docgen.intake.limits import (
    MAX_COMMENTS,
    MAX_SHARED_STRINGS,
    MAX_STYLES,
    MAX_UNCOMPRESSED_BYTES,
    XLSX,
)
from docgen.intake.sheetscan import Scan, scan_sheets
from docgen.vi import format_number

__all__ = ["Scan", "inspect"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_COMMENTS = re.compile(r"xl/comments[^/]*\.xml", re.IGNORECASE)
_SAVE_AS = "hãy mở bằng Excel rồi lưu lại dưới dạng 'Excel Workbook (*.xlsx)'"


def inspect(path: Path) -> Scan:
    """Check that `path` is a plain, reasonably sized .xlsx; raise IntakeError if not."""
    _check_name(path)
    try:
        zipguard.ensure_regular(path, path.name, "tệp", XLSX)
    except zipguard.PackageRefused as exc:
        raise IntakeError(str(exc)) from exc
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == _OLE2:
            _refuse_ole2(path, handle)
    if not head.startswith(b"PK"):
        _refuse_other(path, head)
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_zip(path, archive)
    except zipguard.PackageRefused as exc:
        raise IntakeError(str(exc)) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
            zlib.error, etree.XMLSyntaxError) as exc:
        raise IntakeError(
            f"Không đọc được tệp '{path.name}': tệp .xlsx bị hỏng (có thể chưa tải về hoặc "
            "sao chép hết); hãy lấy lại bản gốc."
        ) from exc


def _check_name(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return
    if suffix in (".xls", ".xlt"):
        detail = f"mà là định dạng Excel cũ ({suffix}): {_SAVE_AS}"
    elif suffix in (".xlsm", ".xltm", ".xlsb"):
        detail = (f"({suffix} là sổ tính có macro hoặc dạng nhị phân; docgen không bao giờ "
                  f"chạy macro): {_SAVE_AS}")
    else:
        detail = "(hãy lưu lại bằng Excel dưới dạng 'Excel Workbook (*.xlsx)')"
    raise IntakeError(f"Tệp '{path.name}' không phải là sổ tính Excel .xlsx {detail}.")


def _refuse_ole2(path: Path, handle: IO[bytes]) -> None:
    data = handle.read(min(path.stat().st_size, MAX_UNCOMPRESSED_BYTES))
    if "Workbook".encode("utf-16-le") in data and b"E\x00n\x00c\x00r\x00y\x00p" not in data:
        raise IntakeError(
            f"Tệp '{path.name}' thực ra là sổ tính Excel cũ (.xls) được đặt tên .xlsx: "
            f"{_SAVE_AS}."
        )
    raise IntakeError(
        f"Không đọc được tệp '{path.name}': sổ tính được đặt mật khẩu/mã hóa; hãy bỏ mật "
        "khẩu (Excel: Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật "
        "khẩu) rồi lưu lại."
    )


def _refuse_other(path: Path, head: bytes) -> None:
    if head.startswith(b"%PDF"):
        raise IntakeError(f"Tệp '{path.name}' là tệp PDF, không phải sổ tính .xlsx.")
    raise IntakeError(
        f"Không đọc được tệp '{path.name}': tệp hỏng hoặc không phải sổ tính .xlsx."
    )


def _check_zip(path: Path, archive: zipfile.ZipFile) -> Scan:
    entries = archive.infolist()
    zipguard.check_zip(archive, path.name, "tệp", XLSX)
    if any(entry.filename.lower().endswith("vbaproject.bin") for entry in entries):
        raise IntakeError(
            f"Tệp '{path.name}' có chứa macro; docgen không bao giờ chạy macro: {_SAVE_AS}."
        )
    _check_parts(path, archive, entries)
    return scan_sheets(path, archive)


def _check_parts(path: Path, archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> None:
    """Bound what openpyxl parses besides the cells: texts, formats and comments."""
    counts = (
        ("xl/sharedStrings.xml", (b"<si>", b"<si "), MAX_SHARED_STRINGS, "chuỗi chữ khác nhau"),
        ("xl/styles.xml", (b"<xf>", b"<xf "), MAX_STYLES, "định dạng ô"),
    )
    for name, tags, limit, what in counts:
        found = _count(archive, [name], tags)
        if found > limit:
            raise IntakeError(_too_many(path, found, limit, what))
    comments = [e.filename for e in entries if _COMMENTS.fullmatch(e.filename)]
    found = _count(archive, comments, (b"<comment ", b"<comment>"))
    if found > MAX_COMMENTS:
        raise IntakeError(_too_many(path, found, MAX_COMMENTS, "ghi chú"))


def _count(archive: zipfile.ZipFile, names: list[str], tags: tuple[bytes, ...]) -> int:
    """Occurrences of `tags` in the named entries (missing entries count nothing); a tag
    written with a namespace prefix ("<x:si>") is counted too."""
    total = 0
    for name in names:
        if name not in archive.NameToInfo:
            continue
        data = archive.read(name)
        for tag in tags:
            total += data.count(tag)
            if b":" + tag[1:] in data:
                total += sum(1 for _ in re.finditer(rb"<\w+:" + re.escape(tag[1:]), data))
    return total


def _too_many(path: Path, found: int, limit: int, what: str) -> str:
    return (f"Tệp '{path.name}' có {format_number(found)} {what}, vượt giới hạn "
            f"{format_number(limit)}; đây không phải một sổ tính bình thường (hãy xóa bớt rồi "
            "lưu lại).")

