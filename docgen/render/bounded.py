"""Turn a call on a user's template into a child process bounded in time and memory.

Why a process: no check inside Jinja can bound every loop or every growing text, and a
thread cannot be stopped; a process can be killed. The child is forked, so it shares the
loaded modules and the template's bytes and nothing has to be pickled on the way in; it
lowers its own address-space and CPU-time limits, makes the call and sends back the value
or the error's message through a pipe. The parent waits at most SECONDS, then kills it.
Shipped templates are trusted and never come here. Where fork or resource limits do not
exist (Windows), the call runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from docgen.errors import DocgenError, RenderError
from docgen.vi import format_number

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

__all__ = ["MEMORY_BYTES", "SECONDS", "run"]

T = TypeVar("T")

SECONDS = 10.0  # wall clock for one call; a real template checks or renders in under 0.5 s
MEMORY_BYTES = 512 * 1024 * 1024  # address space the child may add to what it inherits
_CAN_FORK = resource is not None and "fork" in multiprocessing.get_all_start_methods()


def run(name: str, call: Callable[[], T]) -> T:
    """Return `call()` made in a bounded child process; raise RenderError naming the
    template `name` when it fails, runs out of memory or takes longer than SECONDS."""
    if not _CAN_FORK:
        return call()
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(name, call, writer), daemon=True)
    child.start()
    writer.close()
    try:
        if not reader.poll(SECONDS):
            raise RenderError(
                f"Mẫu '{name}': xử lý mẫu quá {format_number(SECONDS)} giây nên đã dừng; mẫu có "
                "vòng lặp hoặc phép tính quá lớn.")
        try:
            status, value = reader.recv()
        except EOFError:
            status, value = "error", _died(name, child)
    finally:
        reader.close()
        child.kill()
        child.join()
    if status == "error":
        raise RenderError(value)
    result: T = value
    return result


def _died(name: str, child: Any) -> str:
    child.join()
    reasons = {int(signal.SIGXCPU): "quá thời gian",
               int(signal.SIGKILL): "bị hệ thống dừng, có thể do hết bộ nhớ",
               int(signal.SIGSEGV): "lỗi truy cập bộ nhớ"}
    code = int(child.exitcode or 0)
    why = reasons.get(-code, f"mã {code}")
    return f"Mẫu '{name}': tiến trình xử lý mẫu dừng bất thường ({why})."


def _child(name: str, call: Callable[[], Any], writer: Connection) -> None:
    """Run in the child: lower the limits, make the call, send ("ok", value) or
    ("error", message)."""
    _limit()
    out_of_memory = (f"Mẫu '{name}': xử lý mẫu cần quá "
                     f"{format_number(MEMORY_BYTES // (1024 * 1024))} MB bộ nhớ nên đã dừng; "
                     "mẫu có vòng lặp hoặc phép tính quá lớn.")
    try:
        writer.send(("ok", call()))
    except DocgenError as exc:  # the renderer's own message, or the limit it ran into
        writer.send(("error", out_of_memory if isinstance(exc.__cause__, MemoryError)
                     else str(exc)))
    except MemoryError:
        writer.send(("error", out_of_memory))
    except Exception as exc:
        # Why: this is the process boundary; a template is hostile input, and whatever a
        # library raises on it must reach the user as a message, not a child's traceback.
        writer.send(("error", f"Mẫu '{name}': lỗi không lường trước khi xử lý mẫu "
                              f"({type(exc).__name__}: {str(exc)[:200]})."))
    finally:
        writer.close()


def _limit() -> None:
    """Cap the child's address space at what it inherited plus MEMORY_BYTES, and its CPU
    time at SECONDS plus a margin (so a child whose parent died stops by itself)."""
    assert resource is not None
    used = _address_space()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if used:
        cap = used + MEMORY_BYTES
        if soft != resource.RLIM_INFINITY:
            cap = min(cap, soft)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    seconds = int(SECONDS) + 5
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    if cpu_hard == resource.RLIM_INFINITY or cpu_hard > seconds:
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, cpu_hard))


def _address_space() -> int:
    """The process's current virtual size in bytes (Linux); 0 where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
