"""Turn a template's parts into output .docx bytes: a zip written in one pass, with fixed
stamps, whose unchanged parts were deflated once when the template was prepared.

`write_zip` writes what `zipfile` writes for entries made like `docgen.files.rezip` makes
them (deflated, fixed date, mode 0644), except that the "made by" system is always Unix
(zipfile says Windows on Windows): the same document is the same bytes on every machine.
An `Entry` holds a part's deflated bytes and CRC, so a part that does not change between
renders is compressed once per template, not once per document.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from docgen.files import FIXED_TIME

__all__ = ["Entry", "write_zip"]

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # deflate
_UNIX = 3
_MODE = 0o644 << 16
_UTF8_NAME = 0x800
_TIME = (FIXED_TIME[3] << 11) | (FIXED_TIME[4] << 5) | (FIXED_TIME[5] // 2)
_DATE = ((FIXED_TIME[0] - 1980) << 9) | (FIXED_TIME[1] << 5) | FIXED_TIME[2]
_LIMIT = 0xFFFFFFFF  # beyond this a zip needs ZIP64 records


@dataclass(frozen=True, slots=True)
class Entry:
    """One part of a package, deflated: its name, CRC-32, sizes and compressed bytes."""

    name: str
    crc: int
    size: int
    deflated: bytes

    @classmethod
    def of(cls, name: str, data: bytes) -> Entry:
        """Deflate `data` as zipfile does (level 6, raw deflate)."""
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        deflated = compressor.compress(data) + compressor.flush()
        return cls(name, zlib.crc32(data), len(data), deflated)


def write_zip(entries: Iterable[Entry]) -> bytes:
    """The zip file of `entries`, in order. Raise ValueError past 4 GiB (no ZIP64: a .docx
    docgen writes is refused far below that by docgen.zipguard)."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_NAME
        size = len(entry.deflated)
        if max(size, entry.size, offset) >= _LIMIT:
            raise ValueError(f"part {entry.name} is too large for a zip without ZIP64")
        chunks.append(_LOCAL.pack(b"PK\x03\x04", _VERSION, 0, flags, zlib.DEFLATED, _TIME,
                                  _DATE, entry.crc, size, entry.size, len(name), 0))
        chunks.append(name)
        chunks.append(entry.deflated)
        central.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, flags,
                                     zlib.DEFLATED, _TIME, _DATE, entry.crc, size,
                                     entry.size, len(name), 0, 0, 0, 0, _MODE, offset))
        central.append(name)
        offset += _LOCAL.size + len(name) + size
        count += 1
    directory = b"".join(central)
    chunks.append(directory)
    chunks.append(_END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0))
    return b"".join(chunks)
