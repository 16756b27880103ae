"""Turn a file that claims to be an Office package (.xlsx, .docx) into a verdict before any
parser touches it.

One guard for every stage that opens a user's file: intake (workbooks), render (user
templates) and check (`docgen lint`). It refuses what is not a regular file (a FIFO, a
device or a folder would block or mislead a reader) without blocking on it, then bounds the
zip: file size, entry count, declared and actual inflated size, compression ratio, and
finally parses the XML parts without entities or a DTD (no XXE, no billion laughs) and with
a depth limit. Each refusal is a `PackageRefused` with a Vietnamese message naming the
file; callers re-raise it as their stage's error. Imports only the standard library, lxml
and docgen's own error and number helpers, so any stage may use it.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from docgen.errors import DocgenError, os_reason
from docgen.vi import format_number

__all__ = ["DOCX", "PackageRefused", "Rules", "check_declared", "check_package",
           "ensure_regular", "parse_xml", "read_package", "read_regular"]

_CHUNK = 64 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_SPECIAL = ((stat.S_ISFIFO, "một ống dẫn dữ liệu (FIFO)"), (stat.S_ISCHR, "một thiết bị"),
            (stat.S_ISBLK, "một thiết bị"), (stat.S_ISSOCK, "một socket"))
# No entities resolved, no DTD loaded, nothing fetched, libxml2's own size and depth caps kept.
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                          huge_tree=False)


class PackageRefused(DocgenError):
    """A file was refused before parsing: not a regular file, not a sound zip, too large,
    or XML a parser must not be given. The message names the file."""


@dataclass(frozen=True)
class Rules:
    """What one kind of package may hold, and how its refusals are worded.

    `noun` names the kind in messages ("sổ tính", "văn bản Word"); `size_advice` and
    `xml_advice` tell the user what to remove when it is too large.
    """

    suffix: str
    noun: str
    main_part: str  # the part every package of this kind has
    size_advice: str
    xml_advice: str
    max_file_bytes: int  # the file on disk
    max_entries: int  # files inside the zip
    max_uncompressed_bytes: int  # all entries, as declared (and checked while inflating)
    max_xml_bytes: int  # the XML parts, as declared
    max_ratio: int  # inflated/compressed size of one entry larger than ratio_floor
    ratio_floor: int
    max_xml_depth: int  # nesting of elements in one XML part


# A real Word document or template is a few MB at most (a shipped template: 0.3 MB, 0.9 MB
# inflated, XML 20 levels deep); each limit leaves a wide margin above that.
DOCX = Rules(
    suffix=".docx", noun="văn bản Word", main_part="word/document.xml",
    size_advice="hãy xóa hình ảnh, nội dung không cần rồi lưu lại",
    xml_advice="hãy bớt nội dung rồi lưu lại",
    max_file_bytes=50 * 1024 * 1024, max_entries=1_000,
    max_uncompressed_bytes=100 * 1024 * 1024, max_xml_bytes=20 * 1024 * 1024,
    max_ratio=500, ratio_floor=1024 * 1024, max_xml_depth=100,
)


# --------------------------------------------------------------------------- the file


@contextmanager
def _opened(path: Path, name: str, what: str, rules: Rules) -> Iterator[int]:
    """Open `path` without blocking (a FIFO with no writer would wait forever) and yield its
    descriptor once it is known to be a regular file within the size limit."""
    # O_BINARY: Windows would otherwise read in text mode and mangle the zip's bytes.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise PackageRefused(f"Không tìm thấy {what} '{name}'.") from exc
    except IsADirectoryError as exc:
        raise PackageRefused(_not_a_file(name, "thư mục", what, rules)) from exc
    except OSError as exc:
        raise PackageRefused(f"Không đọc được {what} '{name}': {os_reason(exc)}.") from exc
    try:
        _check_stat(os.fstat(fd), name, what, rules)
        yield fd
    finally:
        os.close(fd)


def _check_stat(info: os.stat_result, name: str, what: str, rules: Rules) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise PackageRefused(_not_a_file(name, "thư mục", what, rules))
    if not stat.S_ISREG(info.st_mode):
        kind = next((k for test, k in _SPECIAL if test(info.st_mode)), "một tệp đặc biệt")
        raise PackageRefused(_not_a_file(name, kind, what, rules))
    if info.st_size > rules.max_file_bytes:
        raise PackageRefused(
            f"{what.capitalize()} '{name}' quá lớn ({_mb(info.st_size)} MB), docgen chỉ đọc "
            f"{rules.noun} đến {_mb(rules.max_file_bytes)} MB; {rules.size_advice}.")


def _not_a_file(name: str, kind: str, what: str, rules: Rules) -> str:
    return f"'{name}' là {kind}, không phải {what} {rules.suffix}."


def ensure_regular(path: Path, name: str, what: str, rules: Rules) -> None:
    """Refuse, without blocking, what is not a regular file of at most max_file_bytes."""
    with _opened(path, name, what, rules):
        pass


def read_regular(path: Path, name: str, what: str, rules: Rules) -> bytes:
    """The bytes of a regular file of at most max_file_bytes; PackageRefused otherwise.

    `name` is how messages show the file, `what` how they call it ("tệp", "tệp mẫu").
    """
    with _opened(path, name, what, rules) as fd:
        if hasattr(os, "set_blocking") and os.name != "nt":  # Windows opened it blocking
            os.set_blocking(fd, True)
        try:
            with os.fdopen(os.dup(fd), "rb") as handle:
                data = handle.read(rules.max_file_bytes + 1)
        except OSError as exc:  # a network share gone, a disk error
            raise PackageRefused(f"Không đọc được {what} '{name}': {os_reason(exc)}.") from exc
    if len(data) > rules.max_file_bytes:  # grew after fstat
        raise PackageRefused(f"{what.capitalize()} '{name}' quá lớn, docgen chỉ đọc "
                             f"{rules.noun} đến {_mb(rules.max_file_bytes)} MB.")
    return data


def read_package(path: Path, name: str, what: str, rules: Rules) -> bytes:
    """The bytes of a regular file that passes `check_package`; PackageRefused otherwise."""
    data = read_regular(path, name, what, rules)
    check_package(data, name, what, rules)
    return data


# --------------------------------------------------------------------------- the zip


def check_package(data: bytes, name: str, what: str, rules: Rules) -> None:
    """Check a whole package in memory: a sound zip within the limits whose XML parts parse
    safely. Raise PackageRefused naming the file and the part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if rules.main_part not in archive.NameToInfo:
                raise PackageRefused(broken(name, what, rules))
            check_zip(archive, name, what, rules)
            check_xml(archive, name, what, rules)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
            NotImplementedError, zlib.error) as exc:
        raise PackageRefused(broken(name, what, rules)) from exc


def broken(name: str, what: str, rules: Rules) -> str:
    """The message for a file that is not a sound package of its kind."""
    return f"{what.capitalize()} '{name}' không phải là {rules.noun} {rules.suffix} hoặc đã hỏng."


def check_declared(data: bytes, name: str, what: str, rules: Rules) -> None:
    """The cheap part of `check_package` for a package docgen made itself: entry count and
    declared sizes only (microseconds), so that a rendered document cannot be huge."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_sizes(archive.infolist(), name, what, rules)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise PackageRefused(broken(name, what, rules)) from exc


def check_zip(archive: zipfile.ZipFile, name: str, what: str, rules: Rules) -> None:
    """Entry count, declared sizes and ratios, then every entry inflated in small chunks so
    that one which lies about its size ends in BadZipFile, not in a full memory."""
    entries = archive.infolist()
    _check_sizes(entries, name, what, rules)
    for entry in entries:
        _verify(archive, entry)


def _check_sizes(entries: list[zipfile.ZipInfo], name: str, what: str, rules: Rules) -> None:
    subject = f"{what.capitalize()} '{name}'"
    if len(entries) > rules.max_entries:
        raise PackageRefused(
            f"{subject} chứa {format_number(len(entries))} tệp con, vượt giới hạn "
            f"{format_number(rules.max_entries)}; đây không phải một {rules.noun} bình "
            "thường.")
    total = sum(entry.file_size for entry in entries)
    if total > rules.max_uncompressed_bytes:
        raise PackageRefused(
            f"{subject} quá lớn: khi giải nén chiếm {_mb(total)} MB, docgen chỉ đọc "
            f"{rules.noun} đến {_mb(rules.max_uncompressed_bytes)} MB; {rules.size_advice}.")
    for entry in entries:
        if entry.file_size > rules.ratio_floor and \
                entry.file_size > rules.max_ratio * max(entry.compress_size, 1):
            raise PackageRefused(
                f"{subject} có phần '{entry.filename}' nén bất thường (giải nén lớn gấp hơn "
                f"{rules.max_ratio} lần); có thể là tệp độc hại (zip bomb), docgen không mở.")
    xml = sum(e.file_size for e in entries if e.filename.lower().endswith(_XML_SUFFIXES))
    if xml > rules.max_xml_bytes:
        raise PackageRefused(
            f"{subject} quá lớn: phần dữ liệu chiếm {_mb(xml)} MB, docgen chỉ đọc đến "
            f"{_mb(rules.max_xml_bytes)} MB; {rules.xml_advice}.")


def _verify(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """Decompress an entry in small chunks to its end, so that zipfile checks its CRC.

    Why: zipfile stops an entry at its declared size but decompresses a whole read() at
    once, so a bomb that lies about its size would fill memory in a later archive.read();
    read here chunk by chunk, a lie ends in BadZipFile ("Bad CRC-32") with little memory.
    """
    with archive.open(entry) as stream:
        while stream.read(_CHUNK):
            pass


# --------------------------------------------------------------------------- the XML


def check_xml(archive: zipfile.ZipFile, name: str, what: str, rules: Rules) -> None:
    """Parse every XML part safely: no DTD (Word never writes one; it is how XXE and
    billion-laughs files work), nesting at most max_xml_depth. Call after `check_zip`."""
    for entry in archive.infolist():
        if entry.filename.lower().endswith(_XML_SUFFIXES):
            _check_part(archive.read(entry), entry.filename, name, what, rules)


def _check_part(data: bytes, part: str, name: str, what: str, rules: Rules) -> None:
    subject = f"{what.capitalize()} '{name}'"
    try:
        root = parse_xml(data)
    except etree.XMLSyntaxError as exc:
        if b"<!DOCTYPE" in data:  # libxml2 itself stops a billion laughs, as a syntax error
            raise PackageRefused(_doctype(subject, part)) from exc
        detail = "lồng quá sâu" if "depth" in str(exc) else "không phải XML hợp lệ"
        raise PackageRefused(f"{subject} bị hỏng: phần '{part}' {detail}.") from exc
    if root.getroottree().docinfo.internalDTD is not None or \
            root.getroottree().docinfo.doctype:
        raise PackageRefused(_doctype(subject, part))
    if _deeper_than(root, rules.max_xml_depth):
        raise PackageRefused(
            f"{subject} bị hỏng: phần '{part}' lồng quá sâu (hơn {rules.max_xml_depth} tầng).")


def _doctype(subject: str, part: str) -> str:
    return (f"{subject} có phần '{part}' chứa khai báo DTD/thực thể (<!DOCTYPE>), điều Word "
            "không bao giờ viết; có thể là tệp độc hại (XXE, billion laughs), docgen không mở.")


def parse_xml(data: bytes) -> etree._Element:
    """Parse one XML part without resolving entities, loading a DTD or using the network."""
    return etree.fromstring(data, _PARSER)


def _deeper_than(root: etree._Element, depth: int) -> bool:
    """Whether some element lies more than `depth` levels below the root (XPath, in C)."""
    return bool(root.xpath("boolean(" + "/".join(["*"] * depth) + ")"))


def _mb(size: int) -> str:
    return format_number(size / (1024 * 1024), 1 if size < 10 * 1024 * 1024 else 0)
