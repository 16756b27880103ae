"""Turn what a killed build or finalize left in a year folder back into a clean archive.

Every hidden leftover is named after the set folder it belongs to ('.cum-ix.r2.staging-…',
'.cum-ix.old-1234', '.cum-ix.manifest.json.….tmp'), so a clean-up run under one cluster's
lock can tell its own leftovers from those of a build of another cluster running now.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from docgen.archive import layout as lay
from docgen.files import file_sha256

STAGING = ".staging-"
OLD = ".old-"
# A signed paper moved aside while `archive sign --thay` replaces it:
# '.cum-ix.signed-aside-2021_cum-ix_to-trinh_da-ky.pdf'.
SIGNED_ASIDE = ".signed-aside-"


def recover(year_dir: Path, cluster: str) -> None:
    """Undo what a killed build or finalize of this cluster left in the year folder:
    restore a set moved aside, drop staging folders and temporary files. Called under
    the cluster's lock; other clusters' folders are never touched."""
    if not year_dir.is_dir():
        return
    for child in sorted(year_dir.iterdir()):
        owner = _owner(child.name)
        if owner is None or owner[0] != cluster:
            continue
        set_name, leftover = owner[1], owner[2]
        if leftover == SIGNED_ASIDE:
            _put_back_signed(child, year_dir / set_name, child.name.split(SIGNED_ASIDE, 1)[1])
        elif leftover == OLD:
            original = year_dir / set_name
            if original.exists():
                shutil.rmtree(child, ignore_errors=True)
            else:
                os.replace(child, original)
        elif leftover == STAGING:
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _owner(name: str) -> tuple[str, str, str] | None:
    """(cluster, set folder name, kind of leftover) for a hidden leftover in a year folder:
    '.cum-ix.r2.staging-abc' -> ('cum-ix', 'cum-ix.r2', '.staging-'); None otherwise."""
    if not name.startswith("."):
        return None
    for marker in (SIGNED_ASIDE, OLD, STAGING):
        if marker in name:
            set_name = name[1:].split(marker)[0]
            named = lay.split_set_name(set_name)
            return (named[0], set_name, marker) if named else None
    if name.endswith(".tmp"):  # '.cum-ix.r2.manifest.json.abc.tmp' from a finalize
        for set_name in _prefixes(name[1:]):
            named = lay.split_set_name(set_name)
            if named:
                return named[0], set_name, ".tmp"
    return None


def _put_back_signed(aside: Path, folder: Path, name: str) -> None:
    """A sign killed while replacing a signed paper: put the earlier paper back when the
    set's manifest still records it (the new one never made it into the manifest)."""
    target = folder / name
    recorded = _recorded_signed(folder / lay.MANIFEST, name)
    if folder.is_dir() and "/" not in name and name not in ("", ".", "..") and \
            (not target.exists() or recorded == file_sha256(aside)) and not target.is_symlink():
        os.replace(aside, target)
    else:
        aside.unlink(missing_ok=True)


def _recorded_signed(manifest: Path, name: str) -> str | None:
    """The SHA-256 the manifest records for the signed paper `name` (None when unknown)."""
    try:
        files = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
        for entry in files:
            signed = entry.get("signed") if isinstance(entry, dict) else None
            if isinstance(signed, dict) and signed.get("file") == name:
                return str(signed.get("sha256"))
    except (OSError, ValueError, AttributeError):
        return None
    return None


def _prefixes(name: str) -> list[str]:
    """'cum-ix.r2.manifest.json.x.tmp' -> ['cum-ix.r2', 'cum-ix'], longest first."""
    parts = name.split(".")
    return [".".join(parts[:n]) for n in range(min(2, len(parts)), 0, -1)]
