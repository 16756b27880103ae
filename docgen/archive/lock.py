"""Turn a year and cluster into an exclusive lock, so two builds of one set cannot interleave.

The lock is an OS file lock (fcntl on POSIX, msvcrt on Windows) on a small hidden file
beside the set's folder; the OS releases it when the process dies, so a killed build never
leaves a stale lock behind. The file itself is removed when the command ends, so a clerk
never finds it in the year folder (one left by a killed command is removed by the next).

Removing a lock file safely is what a library such as `filelock` does not do on POSIX (its
Unix lock leaves the file, by design): a waiter may have opened the file just before it was
removed and then lock a file no longer in the folder, while a third process makes a new
one. Here the holder removes the file while still holding it, and whoever gets a lock
checks that its file is still the one in the folder (same device and inode), trying again
otherwise. On Windows an open file cannot be removed, so the last one out removes it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from docgen.errors import ArchiveError

WAIT_SECONDS = 30.0
_POLL = 0.2


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextmanager
def locked(path: Path, what: str, wait: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if needed); wait up to `wait` seconds
    (WAIT_SECONDS when None).

    `what` names the set in the Vietnamese message given when the lock cannot be had.
    """
    wait = WAIT_SECONDS if wait is None else wait
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    fd = _acquire(path, what, wait, deadline)
    try:
        yield
    finally:
        _release(path, fd)


def _acquire(path: Path, what: str, wait: float, deadline: float) -> int:
    """A descriptor of `path` holding its lock, the file still the one in the folder."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise ArchiveError(
                        f"Một lệnh docgen khác đang dùng bộ văn bản {what} (lập, chốt hoặc "
                        f"đóng gói); đã chờ {wait:g} giây. Hãy chờ lệnh đó xong rồi chạy lại."
                    )
                time.sleep(_POLL)
            if _same_file(fd, path):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # removed by its holder while we waited: lock the new one


def _same_file(fd: int, path: Path) -> bool:
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)


def _release(path: Path, fd: int) -> None:
    """Remove the lock file, then release the lock (closing the descriptor releases it)."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        os.close(fd)
        with contextlib.suppress(OSError):  # still open in a waiting process: it removes it
            path.unlink()
        return
    try:
        with contextlib.suppress(OSError):  # a file that stays is still a correct lock
            path.unlink()
    finally:
        os.close(fd)
