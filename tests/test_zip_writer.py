"""The renderer's zip writer (docgen.render.package) writes what zipfile writes for the same
entries (deflated, fixed date, mode 0644), with "made by Unix" on every system, and what it
writes opens and tests clean."""

from __future__ import annotations

import io
import zipfile

import pytest

from docgen.files import FIXED_TIME
from docgen.render.package import _UNIX, Entry, write_zip

PARTS = [("[Content_Types].xml", b"<Types/>" * 50),
         ("word/document.xml", "Thanh tra tỉnh Bạc Liêu ".encode() * 400),
         ("word/media/ảnh.bin", bytes(range(256)) * 3),
         ("docProps/empty.xml", b"")]


def _zipfile_bytes(parts: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = _UNIX
            package.writestr(info, data)
    return buffer.getvalue()


def test_the_same_bytes_as_zipfile() -> None:
    assert write_zip(Entry.of(n, d) for n, d in PARTS) == _zipfile_bytes(PARTS)


def test_it_opens_with_every_part_intact_and_fixed_stamps() -> None:
    data = write_zip(Entry.of(n, d) for n, d in PARTS)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        assert [(i.filename, package.read(i)) for i in package.infolist()] == PARTS
        for info in package.infolist():
            assert info.date_time == FIXED_TIME
            assert info.create_system == _UNIX and info.external_attr == 0o644 << 16


def test_an_entry_deflated_once_is_written_the_same_in_every_zip() -> None:
    kept = Entry.of("word/styles.xml", b"<w:styles/>" * 100)
    first = write_zip([kept, Entry.of("word/document.xml", b"<a/>")])
    second = write_zip([kept, Entry.of("word/document.xml", b"<b/>")])
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        assert a.read("word/styles.xml") == b.read("word/styles.xml") == b"<w:styles/>" * 100
        assert b.read("word/document.xml") == b"<b/>"


def test_no_zip64_is_refused_by_name() -> None:
    huge = Entry("word/document.xml", 0, 0xFFFFFFFF, b"")
    with pytest.raises(ValueError, match=r"word/document\.xml"):
        write_zip([huge])
