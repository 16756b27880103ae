"""Turn bytes into files that appear whole or not at all.

A file is written under a temporary name in its target folder, flushed to disk, then
renamed into place, so an interrupted run never leaves a half-written document or workbook.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path


def write_atomic(target: Path, data: bytes) -> Path:
    """Write `data` to `target` atomically; return `target`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def rezip(data: bytes) -> bytes:
    """The same zip package with fixed entry times and attributes, entries in their order.

    Why: zip writers stamp each entry with the current time, so the same document saved
    twice differs byte for byte; fixing the stamps makes a rebuilt document identical.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
