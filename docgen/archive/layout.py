"""Turn a cluster, a year and a revision into the archive's folder and file names.

Layout under the root (default `reports/`):

    <root>/<year>/<cluster>/          revision 1 of the year's set
    <root>/<year>/<cluster>.r2/       revision 2 (after the first was finalized), ...
    <root>/<year>/<cluster>[.rN]/manifest.json, nguon/<workbook>.xlsx, the documents

Names are ASCII so they survive e-mail, zip tools and any file system.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from docgen.errors import ArchiveError
from docgen.vi import roman

DEFAULT_ROOT = Path("reports")
MANIFEST = "manifest.json"
SOURCE_DIR = "nguon"
_REVISION = re.compile(r"^(?P<slug>[a-z0-9-]+)(?:\.r(?P<n>[0-9]+))?$")


def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated: 'Cụm IX' -> 'cum-ix'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def cluster_slug(number: int) -> str:
    """The folder name of a cluster: 'cum-ix' for cluster 9."""
    return slug(f"Cụm {roman(number)}")


# The mid-year review is a set of its own, beside the year's: its own workbook, finalized
# on its own ('cum-ix-so-ket').
MIDYEAR_SUFFIX = "-so-ket"


def set_slug(number: int, period: str = "year") -> str:
    """The folder name of a cluster's set for a period: 'cum-ix', or 'cum-ix-so-ket' for
    the mid-year review."""
    return cluster_slug(number) + (MIDYEAR_SUFFIX if period == "half" else "")


def parse_cluster(text: str) -> str:
    """A cluster named on the command line ('9', 'IX', 'cum-ix', 'Cụm IX') as its slug."""
    text = text.strip()
    if text.isdigit():
        if not 1 <= int(text) <= 3999:
            raise ArchiveError(f"Số cụm '{text}' không hợp lệ: cần một số từ 1 đến 3999 "
                               "(ví dụ 9), số La Mã (IX) hoặc tên thư mục (cum-ix).")
        return cluster_slug(int(text))
    if re.fullmatch(r"[IVXLCDMivxlcdm]+", text):
        return f"cum-{text.lower()}"
    found = slug(text)
    if not found:
        raise ArchiveError(f"Tên cụm '{text}' không hợp lệ: ví dụ 9, IX hoặc cum-ix.")
    return found


def file_name(year: int, number: int, code: str, suffix: str = ".docx") -> str:
    """'2021_cum-ix_bao-cao-tong-ket.docx'; every part is made ASCII-safe."""
    return f"{year}_{cluster_slug(number)}_{slug(code)}{suffix}"


def set_folder(root: Path, year: int, cluster: str, revision: int = 1) -> Path:
    """The folder of one revision of a year's set."""
    name = cluster if revision == 1 else f"{cluster}.r{revision}"
    return root / str(year) / name


def revisions(root: Path, year: int, cluster: str) -> list[int]:
    """The revision numbers present for a year and cluster, ascending."""
    found = []
    folder = root / str(year)
    if folder.is_dir():
        for child in folder.iterdir():
            match = _REVISION.match(child.name)
            if child.is_dir() and match and match["slug"] == cluster:
                found.append(int(match["n"] or 1))
    return sorted(found)


def split_set_name(name: str) -> tuple[str, int] | None:
    """('cum-ix', 2) for 'cum-ix.r2'; None for a name that is not a set folder."""
    match = _REVISION.match(name)
    return (match["slug"], int(match["n"] or 1)) if match else None


# Files the system makes in any folder it shows: never part of a set, never reported.
_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


def ignored(name: str) -> bool:
    """Whether a file in a set is one Word, LibreOffice or the operating system makes on its
    own: Word's owner file ('~$…docx', there while a document is open), LibreOffice's
    ('.~lock.…#'), Windows' Thumbs.db and desktop.ini, macOS's .DS_Store and '._…' files.
    Verify does not report them, a rebuild does not carry them over, a bundle leaves them
    out. `name` may be a relative path; its last part is judged."""
    base = name.rsplit("/", 1)[-1]
    return base.casefold() in _SYSTEM_FILES or base.startswith(("~$", "._")) \
        or (base.startswith(".~lock.") and base.endswith("#"))


def inside(folder: Path, name: str) -> Path:
    """`folder / name`, refusing any name that would leave the folder."""
    target = folder / name
    if "/" in name or "\\" in name or name in ("", ".", "..") or \
            target.resolve().parent != folder.resolve():
        raise ArchiveError(f"Tên tệp '{name}' không hợp lệ (không được chứa thư mục).")
    return target
