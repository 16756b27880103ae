"""Turn archived .docx documents into PDF for signing, with LibreOffice headless.

The conversion runs once for all documents of a set, in a private LibreOffice profile, with
a time limit. LibreOffice runs in its own process group, ended as a whole on timeout, error
or interrupt, and its profile is removed in every case; the profile of a build that was
killed outright is swept by the next conversion. Each PDF is then checked: it must exist,
have pages, and embed only Times New Roman or its metric twin Liberation Serif, so the
printed layout is the one docgen made.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from docgen.errors import DocgenError

ALLOWED_FONTS = ("TimesNewRoman", "Times New Roman", "LiberationSerif", "Liberation Serif")
BASE_TIMEOUT = 120.0
PER_DOCUMENT = 30.0
INSTALL_HINT = (
    "Không tìm thấy LibreOffice (lệnh 'soffice') để xuất PDF. Cài đặt trên Debian/Ubuntu: "
    "sudo apt-get install libreoffice-writer-nogui fonts-liberation; trên Windows: tải "
    "LibreOffice tại https://www.libreoffice.org và thêm thư mục 'program' vào PATH."
)
# Private profiles are named docgen-lo-<pid of the converting process>-<random>, in the
# temp folder, so a later conversion can tell whose they are.
PROFILE_PREFIX = "docgen-lo-"
STALE_AFTER = 600.0  # seconds; a younger profile is never swept, whoever made it
_PROFILE_NAME = re.compile(rf"{PROFILE_PREFIX}(\d+)-[a-z0-9_]+")
_GROUP_GONE = 2.0  # seconds to wait for a killed process group to disappear
_EXIT_SIGNALS = ("SIGTERM", "SIGHUP")


class PdfError(DocgenError):
    """A document could not be converted to a faithful PDF."""


def find_soffice() -> str:
    """The LibreOffice command on PATH, or PdfError saying how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(INSTALL_HINT)


def convert(documents: Sequence[Path], timeout: float | None = None) -> list[tuple[Path, int]]:
    """Convert .docx files to PDF beside them; return each PDF with its page count."""
    if not documents:
        return []
    soffice = find_soffice()
    folder = documents[0].parent
    limit = timeout or BASE_TIMEOUT + PER_DOCUMENT * len(documents)
    sweep_profiles()
    with _signals_as_exit():
        profile = Path(tempfile.mkdtemp(prefix=f"{PROFILE_PREFIX}{os.getpid()}-"))
        try:
            command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                       "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir",
                       str(folder), *map(str, documents)]
            _run(command, limit, documents)
        finally:
            shutil.rmtree(profile, ignore_errors=True)
    return [(pdf, check_pdf(pdf, doc)) for doc in documents
            for pdf in [doc.with_suffix(".pdf")]]


def _run(command: list[str], limit: float, documents: Sequence[Path]) -> None:
    """Run LibreOffice in a process group of its own and end the whole group afterwards."""
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, **_own_group())
    try:
        process.wait(timeout=limit)
    except subprocess.TimeoutExpired as exc:
        names = ", ".join(d.name for d in documents)
        raise PdfError(f"LibreOffice không xuất xong PDF trong {limit:g} giây "
                       f"({names}); đã dừng.") from exc
    finally:
        # LibreOffice's launcher leaves the work to a child (soffice.bin): on timeout, error
        # or interrupt, killing the launcher alone would leave that child running.
        _end_group(process)


def _own_group() -> dict[str, Any]:
    """Popen arguments that start a process in a new process group (a new session on POSIX)."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """Kill a process started by `_run` with every process it started, and reap it."""
    if sys.platform == "win32":
        if process.poll() is None:
            subprocess.run(["taskkill", "/T", "/F", "/PID", str(process.pid)],
                           capture_output=True, check=False)
            process.kill()
        process.wait()
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # its group id is its pid (a new session)
    process.wait()
    _await_group(process.pid)


def _await_group(group: int) -> None:
    """Wait, at most _GROUP_GONE seconds, until no process of a killed group is running."""
    deadline = time.monotonic() + _GROUP_GONE
    while _group_running(group) and time.monotonic() < deadline:
        time.sleep(0.02)


def _group_running(group: int) -> bool:
    """Whether a process of the group still runs; a zombie (ended, not yet reaped) does not.

    Without /proc, any member counts, zombies included.
    """
    if not Path("/proc/self/stat").exists():
        try:
            os.killpg(group, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            state, _parent, pgrp = stat.read_text().rsplit(")", 1)[1].split()[:3]
            if int(pgrp) == group and state not in ("Z", "X"):
                return True
    return False


@contextlib.contextmanager
def _signals_as_exit() -> Iterator[None]:
    """While LibreOffice runs, turn SIGTERM and SIGHUP into SystemExit, so it is ended and its
    profile removed rather than left behind. Signals someone already handles are left alone,
    and so is every signal outside the main thread (only it may set handlers)."""
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for name in _EXIT_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None and signal.getsignal(number) is signal.SIG_DFL:
                previous[number] = signal.signal(number, _exit_on_signal)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def sweep_profiles() -> list[Path]:
    """Remove the profiles that conversions killed outright left in the temp folder.

    A profile is removed only when its process is gone, it is older than STALE_AFTER and it
    belongs to this user; LibreOffice processes still running on it are ended first. Returns
    the removed folders.
    """
    removed = []
    for path in sorted(Path(tempfile.gettempdir()).glob(f"{PROFILE_PREFIX}*")):
        if _stale(path):
            _stop_orphans(path)
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _stale(path: Path) -> bool:
    match = _PROFILE_NAME.fullmatch(path.name)
    if match is None or path.is_symlink() or not path.is_dir():
        return False
    owner = int(match.group(1))
    try:
        stat = path.stat()
    except OSError:
        return False
    mine = sys.platform == "win32" or stat.st_uid == os.getuid()
    old = time.time() - stat.st_mtime > STALE_AFTER
    return mine and old and owner != os.getpid() and not _alive(owner)


def _alive(pid: int) -> bool:
    """Whether a process with this id exists (a process we may not signal counts as alive)."""
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


if sys.platform == "win32":
    def _windows_alive(pid: int) -> bool:
        # os.kill(pid, 0) would send CTRL_C_EVENT on Windows; ask the process table instead.
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() != 87)  # ERROR_INVALID_PARAMETER: no such pid
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE


def _stop_orphans(profile: Path) -> None:
    """SIGKILL the processes still running on a dead conversion's profile (Linux only).

    A LibreOffice started by a build that was killed outright keeps running in its own
    session; its command line names the profile, which identifies it exactly.
    """
    argument = f"\0-env:UserInstallation={profile.as_uri()}\0".encode()
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError, ValueError):
            if argument in b"\0" + (entry / "cmdline").read_bytes():
                os.kill(int(entry.name), signal.SIGKILL)


def check_pdf(pdf: Path, document: Path) -> int:
    """The PDF's page count, after checking it exists and embeds only the allowed fonts."""
    if not pdf.is_file():
        raise PdfError(f"Không xuất được PDF cho văn bản '{document.name}'.")
    try:
        reader = PdfReader(pdf)
        fonts = pdf_fonts(reader)
    except (PdfReadError, OSError, KeyError, ValueError) as exc:
        raise PdfError(f"Tệp PDF của '{document.name}' bị hỏng.") from exc
    bad = sorted(name for name, embedded in fonts if not embedded or not _allowed(name))
    if bad:
        raise PdfError(f"PDF của '{document.name}' dùng phông không nhúng hoặc phông thay thế "
                       f"({', '.join(bad)}); cần Times New Roman hoặc Liberation Serif "
                       "(gói fonts-liberation).")
    if not reader.pages:
        raise PdfError(f"PDF của '{document.name}' không có trang nào.")
    return len(reader.pages)


def _allowed(font: str) -> bool:
    name = font.split("+", 1)[-1]  # drop the subset prefix such as 'BAAAAA+'
    return any(name.startswith(allowed) for allowed in ALLOWED_FONTS)


def pdf_fonts(reader: PdfReader) -> set[tuple[str, bool]]:
    """(base font name, embedded?) for every font the pages use."""
    found: set[tuple[str, bool]] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object().values() if fonts else []):
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.add((str(font.get("/BaseFont", "")).lstrip("/"), embedded))
    return found
