"""Keep prepared shipped templates on disk, so a new process does not prepare them again.

Preparing a template (docgen.render.prepared) opens it with python-docx, cleans its XML up,
compiles its Jinja and deflates its parts: most of a cold `docgen build`. The result is
saved per template content in the user's own cache folder (%LOCALAPPDATA%\\docgen\\cache on
Windows, $XDG_CACHE_HOME/docgen or ~/.cache/docgen elsewhere; `DOCGEN_CACHE` names another
folder, or, empty, turns the cache off) and loaded by later processes.

A saved template is keyed by the template's SHA-256 and by everything that made it: this
Python, the versions of Jinja, docxtpl, python-docx and lxml, and the source of
docgen.render itself, so a changed docgen never reads what an older one saved. Only shipped
templates are saved. The cache is an optimisation only: a file that cannot be read, written
or understood is ignored (and written anew), never an error; writes are atomic (a temporary
file renamed into place), so two builds at once, or a build killed while writing, leave
either no file or a whole one. At most `_KEEP` files are kept, the oldest removed first.
What is saved holds compiled Jinja, which runs when a document is rendered (as Python runs
its own __pycache__): the folder must be one only its user can write, never a shared
drive.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from functools import lru_cache
from importlib import metadata
from pathlib import Path

__all__ = ["folder", "key", "read", "write"]

_KEEP = 256
_SUFFIX = ".prepared"
_WINDOWS = os.name == "nt"


def folder() -> Path | None:
    """The cache folder, or None when the cache is off."""
    chosen = os.environ.get("DOCGEN_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    if _WINDOWS:
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "docgen" / "cache" if base else None
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "docgen"


@lru_cache(maxsize=1)
def _stamp() -> bytes:
    """What a prepared template depends on besides the template itself."""
    digest = hashlib.sha256(sys.version.encode())
    for package in ("jinja2", "docxtpl", "python-docx", "lxml", "MarkupSafe"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + source.read_bytes())
    return digest.digest()


def key(template: bytes) -> str:
    """The cache key of a template's bytes."""
    return hashlib.sha256(_stamp() + hashlib.sha256(template).digest()).hexdigest()


def read(name: str) -> bytes | None:
    """The saved bytes under `name`, or None (no cache, no such file, unreadable)."""
    place = folder()
    if place is None:
        return None
    try:
        return (place / f"{name}{_SUFFIX}").read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    """Save `data` under `name` atomically; any failure is ignored."""
    place = folder()
    if place is None:
        return
    try:
        place.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=place)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, place / f"{name}{_SUFFIX}")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(place)
    except OSError:
        return


def _prune(place: Path) -> None:
    """Remove the oldest saved templates beyond `_KEEP`, and what a process killed while
    writing left behind (a temporary file older than an hour)."""
    for left in place.glob(".*.tmp"):
        try:
            if time.time() - left.stat().st_mtime > 3600:
                left.unlink()
        except OSError:
            pass
    saved = list(place.glob(f"*{_SUFFIX}"))
    if len(saved) <= _KEEP:
        return
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0
    for path in sorted(saved, key=age)[:len(saved) - _KEEP]:
        path.unlink(missing_ok=True)
