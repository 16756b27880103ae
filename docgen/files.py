"""Turn bytes into files that appear whole or not at all.

A file is written under a temporary name in its target folder, flushed to disk, then
renamed into place, so an interrupted run never leaves a half-written document or workbook.

Files and folders are made with the ordinary permissions of the process umask (0644 and
0755 under the usual umask 022), never the owner-only 0600/0700 of `tempfile`: a set on a
shared drive must open for a colleague as any file saved by Word would.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
import zipfile
from pathlib import Path

_ATTEMPTS = 100


def write_atomic(target: Path, data: bytes, scratch: Path | None = None,
                 prefix: str | None = None) -> Path:
    """Write `data` to `target` atomically; return `target`.

    The temporary file goes in `scratch` (same file system; default: the target's folder)
    named `prefix` + random (default '.<target name>.'), so a killed write can leave a
    leftover only where its owner knows to sweep it."""
    folder = target.parent if scratch is None else scratch
    fd, tmp = new_file(folder, prefix or f".{target.name}.", ".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if scratch is not None:
        fsync_dir(target.parent)
    return target


def new_file(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """A new, empty file `folder/<prefix><random><suffix>` opened for writing; return its
    descriptor and path. Its mode is 0666 less the process umask, like any file the user
    saves (`tempfile.mkstemp` would make it 0600, unreadable to a colleague)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) \
        | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(_ATTEMPTS):
        path = folder / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")  # pragma: no cover


def new_folder(folder: Path, prefix: str) -> Path:
    """A new, empty folder `folder/<prefix><random>`; its mode is 0777 less the process
    umask (`tempfile.mkdtemp` would make it 0700)."""
    for _ in range(_ATTEMPTS):
        path = folder / f"{prefix}{secrets.token_hex(4)}"
        try:
            os.mkdir(path, 0o777)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free temporary name in {folder}")  # pragma: no cover


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks (PDFs and scans can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (renames, new files) to disk; a no-op where the OS cannot.

    Why: a rename is only durable once its directory is flushed; without it a power cut
    right after a build can bring back the old set, or neither."""
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals renames itself
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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


def taken(path: Path) -> bool:
    """Whether something (a file, a folder, a link, even a broken one) has this name."""
    return path.exists() or path.is_symlink()


def new_workbook_problem(path: Path, force: bool) -> str | None:
    """Why a workbook docgen writes (init, rollover, sample) cannot go to `path`, in
    Vietnamese, or None when it can."""
    if path.suffix.lower() != ".xlsx":
        return f"Tên tệp '{path.name}' phải có đuôi .xlsx."
    if not path.parent.is_dir():
        return f"Không có thư mục '{path.parent}'."
    if path.is_dir():
        return (f"'{path}' là một thư mục, không phải tệp sổ tính; hãy chọn tên tệp khác, ví "
                "dụ so-lieu.xlsx.")
    if taken(path) and not force:
        return f"Tệp '{path}' đã có; thêm --force nếu muốn ghi đè."
    return None
