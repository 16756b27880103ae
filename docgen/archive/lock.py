"""Turn a year and cluster into an exclusive lock, so two builds of one set cannot interleave.

The lock is an OS file lock (fcntl on POSIX, msvcrt on Windows) on a small file beside the
set's folder; the OS releases it when the process dies, so a killed build never leaves a
stale lock behind.
"""

from __future__ import annotations

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
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise ArchiveError(
                    f"Một lệnh docgen khác đang dùng bộ văn bản {what} (lập, chốt hoặc đóng "
                    f"gói); đã chờ {wait:g} giây. Hãy chờ lệnh đó xong rồi chạy lại."
                )
            time.sleep(_POLL)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
