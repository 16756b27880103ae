"""Turn archived .docx documents into PDF/A-2b, for signing and for keeping, with LibreOffice.

LibreOffice is the one named by the environment variable DOCGEN_SOFFICE, else the `soffice`
command on PATH, else the one in its usual install folder on Windows or macOS (a Windows
install does not put itself on PATH).

The conversion runs once for all documents of a set, in a private LibreOffice profile, with
a time limit, through the PDF export filter asked for PDF/A-2b (the archival PDF). LibreOffice
runs in its own process group, ended as a whole on timeout, error or interrupt, and its
profile is removed in every case; the profile of a build that was killed outright is swept
by the next conversion. Each PDF is then checked: it must exist, not be encrypted, have
pages, say in its XMP metadata that it is PDF/A-2b (pdfaid:part 2, pdfaid:conformance B),
and embed every font it uses, all of them Times New Roman or its metric twin Liberation
Serif, so the printed layout is the one docgen made. A PDF that fails is a PdfError naming
the document; the archive then keeps nothing of the build.

A document that overflows by a few lines (its last page holds no more lines of text than
the tighter version can save, see `short_ending`) is tried once more with tighter type and
spacing, still within Decree 30 (`page.tighten`); when that ends it a page
earlier and draws no new Decree 30 error, the tighter .docx replaces the one converted, and
its PDF is kept. Documents that end well cost nothing more than reading their text.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from docgen.check import lint
from docgen.documents.shared.page import tighten
from docgen.errors import DocgenError
from docgen.files import write_atomic
from docgen.progress import Progress, Step, ignore

if TYPE_CHECKING:  # pypdf is imported where a PDF is read: most commands make none
    from pypdf import PdfReader

ALLOWED_FONTS = ("TimesNewRoman", "Times New Roman", "LiberationSerif", "Liberation Serif")
BASE_TIMEOUT = 120.0
PER_DOCUMENT = 30.0
# Where LibreOffice is looked for, in this order: the variable, PATH, the install folders.
SOFFICE_VARIABLE = "DOCGEN_SOFFICE"
COMMANDS = ("soffice", "libreoffice")
# The Windows folders programs are installed in (ProgramW6432 is the 64-bit one when a 32-bit
# Python sees ProgramFiles as 'Program Files (x86)').
WINDOWS_FOLDERS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
WINDOWS_PROGRAM = Path("LibreOffice", "program", "soffice.exe")
MACOS_APP = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
INSTALL_HINT = (
    "Không tìm thấy LibreOffice để xuất PDF. docgen tìm theo ba cách: (1) biến môi trường "
    f"{SOFFICE_VARIABLE} ghi đường dẫn tệp soffice, ví dụ "
    r"C:\Program Files\LibreOffice\program\soffice.exe; (2) lệnh 'soffice' trong PATH; "
    r"(3) thư mục cài đặt thường gặp: %ProgramFiles%\LibreOffice\program, "
    r"%ProgramFiles(x86)%\LibreOffice\program (Windows) và "
    "/Applications/LibreOffice.app (macOS). Cài LibreOffice trên Debian/Ubuntu: sudo apt-get "
    "install libreoffice-writer-nogui fonts-liberation; trên Windows và macOS: tải tại "
    "https://www.libreoffice.org rồi chạy lại, hoặc đặt biến "
    f"{SOFFICE_VARIABLE} nếu LibreOffice nằm ở thư mục khác."
)
# The PDF export filter asked for PDF/A-2b (SelectPdfVersion 2), in the JSON form of filter
# options that `--convert-to` takes since LibreOffice 7.4; an older LibreOffice ignores it
# and writes a plain PDF, which the check after writing refuses.
PDFA_FILTER = "pdf:writer_pdf_Export:" + json.dumps(
    {"SelectPdfVersion": {"type": "long", "value": "2"}}, separators=(",", ":"))
PDFA_PART, PDFA_CONFORMANCE = "2", "B"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
# Private profiles are named docgen-lo-<pid of the converting process>-<random>, in the
# temp folder, so a later conversion can tell whose they are.
PROFILE_PREFIX = "docgen-lo-"
STALE_AFTER = 600.0  # seconds; a younger profile is never swept, whoever made it
_PROFILE_NAME = re.compile(rf"{PROFILE_PREFIX}(\d+)-[a-z0-9_]+")
_GROUP_GONE = 2.0  # seconds to wait for a killed process group to disappear
_EXIT_SIGNALS = ("SIGTERM", "SIGHUP")
# A last page with at most this many lines of text (the page number apart) is an overflow
# worth pulling back: a signature block with its recipients (8 to 14 lines) and a few more.
SHORT_LAST_PAGE = 18
# About how many lines of a full page the tighter version saves (13 pt instead of 14 pt:
# lines 7% lower and 7% longer); a last page longer than this times the pages before it
# would not move up, so it is not tried.
LINES_SAVED_PER_PAGE = 6
_PAGE_NUMBER = re.compile(r"\d{1,3}")


class PdfError(DocgenError):
    """A document could not be converted to a faithful PDF."""


def find_soffice() -> str:
    """The LibreOffice program: the one DOCGEN_SOFFICE names, else `soffice` on PATH, else the
    one in a usual install folder; PdfError saying how to install or name it otherwise."""
    setting = os.environ.get(SOFFICE_VARIABLE, "").strip().strip('"').strip()
    if setting:
        return _named_soffice(setting)
    for name in COMMANDS:
        found = shutil.which(name)
        if found:
            return found
    for candidate in install_candidates():
        if candidate.is_file():
            return str(candidate)
    raise PdfError(INSTALL_HINT)


def install_candidates() -> list[Path]:
    """The usual places of an installed LibreOffice that is not on PATH: Windows' program
    folders (from their environment variables), then the macOS application."""
    folders = (os.environ.get(name, "").strip() for name in WINDOWS_FOLDERS)
    windows = dict.fromkeys(Path(folder) / WINDOWS_PROGRAM for folder in folders if folder)
    return [*windows, MACOS_APP]


def _named_soffice(setting: str) -> str:
    """The program DOCGEN_SOFFICE names: the program file itself or a command on PATH, or the
    folder holding it (LibreOffice's 'program' folder, its install folder, the macOS app)."""
    path = Path(setting).expanduser()
    if path.is_dir():
        for inside in ("soffice.exe", "soffice", "program/soffice.exe", "program/soffice",
                       "Contents/MacOS/soffice"):
            if (path / inside).is_file():
                return str(path / inside)
    else:
        found = shutil.which(setting) or (str(path) if path.is_file() else None)
        if found:
            return found
    raise PdfError(
        f"Biến môi trường {SOFFICE_VARIABLE} ghi '{setting}', nhưng ở đó không có LibreOffice "
        "(tệp soffice.exe trên Windows, soffice trên Linux và macOS). Hãy sửa lại đường dẫn, "
        r"ví dụ C:\Program Files\LibreOffice\program\soffice.exe, hoặc xóa biến này để "
        "docgen tự tìm LibreOffice trong PATH và thư mục cài đặt.")


def convert(documents: Sequence[Path], timeout: float | None = None, *,
            fit: bool = True, progress: Progress = ignore) -> list[tuple[Path, int]]:
    """Convert .docx files to PDF beside them; return each PDF with its page count.

    With `fit`, a document whose last page holds only a few lines is replaced by its tighter
    version when that saves the page (see the module's docstring). `progress` hears of
    each document as LibreOffice reaches it."""
    converted = _convert(documents, timeout, progress)
    return fit_pages(converted, timeout) if fit else converted


def converter(progress: Progress) -> Callable[[list[Path]], list[tuple[Path, int]]]:
    """`convert` reporting each document to `progress` (a build's PDF converter)."""
    return lambda documents: convert(documents, progress=progress)


def _convert(documents: Sequence[Path], timeout: float | None,
             progress: Progress = ignore) -> list[tuple[Path, int]]:
    """One LibreOffice run converting `documents` beside them; each PDF checked, each
    document reported to `progress` as LibreOffice reaches it."""
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
                       "--norestore", "--nolockcheck", "--convert-to", PDFA_FILTER, "--outdir",
                       str(folder), *map(str, documents)]
            _run(command, limit, documents,
                 _Watch([d.with_suffix(".pdf") for d in documents], progress))
        finally:
            shutil.rmtree(profile, ignore_errors=True)
    return [(pdf, check_pdf(pdf, doc)) for doc in documents
            for pdf in [doc.with_suffix(".pdf")]]


@dataclass
class _Watch:
    """The PDFs a LibreOffice run will write, in order, and the progress to tell as each
    appears (LibreOffice converts one document after another)."""

    outputs: list[Path]
    progress: Progress
    seen: int = -1

    def look(self) -> None:
        done = sum(1 for path in self.outputs if path.exists())
        if done != self.seen and done < len(self.outputs):
            self.seen = done
            self.progress(Step("pdf", done, len(self.outputs), self.outputs[done].stem))


def page_lines(pdf: Path) -> list[list[str]]:
    """The lines of text of each page of a PDF, blank lines and the page number left out."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(pdf).pages:
        lines = [line.strip() for line in page.extract_text().splitlines()]
        pages.append([line for line in lines
                      if line and not _PAGE_NUMBER.fullmatch(line)])
    return pages


def short_ending(pdf: Path) -> bool:
    """Whether a PDF of several pages ends on a page short enough for the tighter version
    to pull it back: at most SHORT_LAST_PAGE lines, and at most LINES_SAVED_PER_PAGE for
    each page before it."""
    from pypdf.errors import PdfReadError

    try:
        pages = page_lines(pdf)
    except (PdfReadError, OSError, KeyError, ValueError, TypeError, AttributeError):
        return False  # check_pdf has read it; text it cannot give is no reason to refit
    limit = min(SHORT_LAST_PAGE, LINES_SAVED_PER_PAGE * (len(pages) - 1))
    return len(pages) > 1 and len(pages[-1]) <= limit


def fit_pages(converted: Sequence[tuple[Path, int]],
              timeout: float | None = None) -> list[tuple[Path, int]]:
    """Try the tighter version of each converted document that ends on a short page, in one
    more LibreOffice run; keep it (its .docx and PDF in place of the first ones) when it has
    fewer pages and no Decree 30 error the first one lacked. Return each PDF with its pages.
    """
    short = [pdf.with_suffix(".docx") for pdf, _ in converted if short_ending(pdf)]
    if not short:
        return list(converted)
    with tempfile.TemporaryDirectory(prefix="docgen-fit-") as scratch:
        trials: dict[Path, Path] = {}
        for document in short:
            original = document.read_bytes()
            tight = tighten(original)
            if _errors(tight) <= _errors(original):
                trials[document] = Path(scratch, document.name)
                trials[document].write_bytes(tight)
        tried = dict(zip(trials, _convert(list(trials.values()), timeout), strict=True))
        fitted = []
        for pdf, pages in converted:
            document = pdf.with_suffix(".docx")
            if document in tried and tried[document][1] < pages:
                write_atomic(document, trials[document].read_bytes())
                write_atomic(pdf, tried[document][0].read_bytes())
                pages = tried[document][1]
            fitted.append((pdf, pages))
    return fitted


def _errors(data: bytes) -> set[str]:
    """The Decree 30 rules a document breaks (errors only)."""
    return {f.rule_id for f in lint(data) if f.severity == "error"}


def _run(command: list[str], limit: float, documents: Sequence[Path],
         watch: _Watch | None = None) -> None:
    """Run LibreOffice in a process group of its own and end the whole group afterwards;
    `watch` is told, every fifth of a second, what has been written so far."""
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   **_own_group())
    except OSError as exc:  # a program file that is not a program, or may not be run
        raise PdfError(f"Không chạy được LibreOffice '{command[0]}': {exc.strerror or exc}. "
                       "Hãy cài lại LibreOffice hoặc sửa biến môi trường "
                       f"{SOFFICE_VARIABLE}.") from exc
    try:
        _wait(process, limit, watch)
    except subprocess.TimeoutExpired as exc:
        names = ", ".join(d.name for d in documents)
        raise PdfError(f"LibreOffice không xuất xong PDF trong {limit:g} giây "
                       f"({names}); đã dừng.") from exc
    finally:
        # LibreOffice's launcher leaves the work to a child (soffice.bin): on timeout, error
        # or interrupt, killing the launcher alone would leave that child running.
        _end_group(process)


def _wait(process: subprocess.Popen[bytes], limit: float, watch: _Watch | None) -> None:
    """Wait for the process, at most `limit` seconds, looking at its outputs meanwhile."""
    if watch is None:
        process.wait(timeout=limit)
        return
    deadline = time.monotonic() + limit
    while True:
        watch.look()
        try:
            process.wait(timeout=min(0.2, max(0.0, deadline - time.monotonic())))
            return
        except subprocess.TimeoutExpired:
            if time.monotonic() >= deadline:
                raise


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
    """The PDF's page count, after checking that it is fit for the archive: a readable,
    unencrypted PDF/A-2b with pages, every font embedded and Times New Roman or its twin."""
    if not pdf.is_file():
        raise PdfError(f"Không xuất được PDF cho văn bản '{document.name}'.")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(pdf)
        if reader.is_encrypted:
            raise PdfError(f"PDF của '{document.name}' bị mã hóa (có mật khẩu); bản PDF lưu "
                           "trữ không được mã hóa.")
        pages = len(reader.pages)
        identification = pdfa_identification(reader)
        fonts = pdf_fonts(reader)
    except (PdfReadError, OSError, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise PdfError(f"Tệp PDF của '{document.name}' bị hỏng.") from exc
    if not pages:
        raise PdfError(f"PDF của '{document.name}' không có trang nào.")
    if identification != (PDFA_PART, PDFA_CONFORMANCE):
        found = ("không có nhận dạng PDF/A" if identification is None
                 else f"ghi PDF/A phần {identification[0] or '?'}, mức "
                      f"{identification[1] or '?'}")
        raise PdfError(f"PDF của '{document.name}' không phải PDF/A-2b: siêu dữ liệu XMP "
                       f"{found}, cần pdfaid:part={PDFA_PART} và pdfaid:conformance="
                       f"{PDFA_CONFORMANCE}. Cần LibreOffice 7.4 trở lên để xuất PDF/A.")
    missing = sorted(name or "?" for name, embedded in fonts if not embedded)
    if missing:
        raise PdfError(f"PDF của '{document.name}' không nhúng phông {', '.join(missing)}; "
                       "bản PDF/A lưu trữ phải nhúng mọi phông.")
    bad = sorted(name for name, _ in fonts if not _allowed(name))
    if bad:
        raise PdfError(f"PDF của '{document.name}' dùng phông thay thế ({', '.join(bad)}); "
                       "cần Times New Roman hoặc Liberation Serif (gói fonts-liberation).")
    return pages


def pdfa_identification(reader: PdfReader) -> tuple[str, str] | None:
    """(pdfaid:part, pdfaid:conformance) from the document's XMP metadata, each '' when
    absent; None when the metadata holds no PDF/A identification at all. XMP may write a
    property as an element or as an attribute of rdf:Description: both are read."""
    from pypdf.generic import StreamObject

    metadata = _resolved(_resolved(reader.trailer["/Root"]).get("/Metadata"))
    if not isinstance(metadata, StreamObject):
        return None
    try:
        root = ElementTree.fromstring(metadata.get_data())
    except ElementTree.ParseError:
        return None
    found: dict[str, str] = {}
    for element in root.iter():
        for name in ("part", "conformance"):
            key = f"{{{PDFAID}}}{name}"
            value = element.get(key) if element.tag != key else (element.text or "")
            if value is not None and name not in found:
                found[name] = value.strip()
    if not found:
        return None
    return found.get("part", ""), found.get("conformance", "")


def _allowed(font: str) -> bool:
    name = font.split("+", 1)[-1]  # drop the subset prefix such as 'BAAAAA+'
    return any(name.startswith(allowed) for allowed in ALLOWED_FONTS)


def pdf_fonts(reader: PdfReader) -> set[tuple[str, bool]]:
    """(base font name, embedded?) for every font the pages use: in the pages' resources, in
    the forms they draw (XObjects, nested) and in the appearances of their annotations. A
    Type 3 font draws its glyphs with PDF operators in the file, so it counts as embedded."""
    from pypdf.generic import DictionaryObject

    found: set[tuple[str, bool]] = set()
    pending: list[Any] = []
    for page in reader.pages:
        pending.append(page.get("/Resources"))
        for annotation in _resolved(page.get("/Annots")) or []:
            pending.extend(_appearance_resources(_resolved(annotation)))
    seen: set[int] = set()
    while pending:
        resources = _resolved(pending.pop())
        if not isinstance(resources, DictionaryObject) or id(resources) in seen:
            continue
        seen.add(id(resources))
        for ref in (_resolved(resources.get("/Font")) or {}).values():
            found.add(_font(_resolved(ref)))
        for ref in (_resolved(resources.get("/XObject")) or {}).values():
            xobject = _resolved(ref)
            if xobject.get("/Subtype") == "/Form":
                pending.append(xobject.get("/Resources"))
    return found


def _appearance_resources(annotation: Any) -> list[Any]:
    """The resources of an annotation's appearances (/AP: normal, rollover, down), each a form
    or a dictionary of forms by state."""
    from pypdf.generic import DictionaryObject, StreamObject

    forms = []
    for appearance in (_resolved(annotation.get("/AP")) or {}).values():
        appearance = _resolved(appearance)
        if isinstance(appearance, StreamObject):
            forms.append(appearance)
        elif isinstance(appearance, DictionaryObject):
            forms.extend(_resolved(form) for form in appearance.values())
    return [form.get("/Resources") for form in forms if isinstance(form, DictionaryObject)]


def _font(font: Any) -> tuple[str, bool]:
    """(base font name, embedded?) of a font dictionary."""
    name = str(font.get("/BaseFont", font.get("/Name", ""))).lstrip("/")
    if font.get("/Subtype") == "/Type3":
        return name, True
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = _resolved(font["/DescendantFonts"])[0].get_object().get("/FontDescriptor")
    descriptor = _resolved(descriptor) if descriptor is not None else {}
    return name, any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _resolved(value: Any) -> Any:
    """The object an indirect reference points to; anything else as it is."""
    return value.get_object() if hasattr(value, "get_object") else value
