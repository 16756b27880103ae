"""Turn rendered documents into files under reports/<year>/<cluster>/, written atomically.

Every file is first written under a temporary name in the target folder and then renamed
into place, so an interrupted build never leaves a half-written document.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from docgen.errors import ArchiveError
from docgen.vi import roman

DEFAULT_ROOT = Path("reports")


def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated: 'Cụm IX' -> 'cum-ix'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def cluster_slug(number: int) -> str:
    """The folder name of a cluster: 'cum-ix' for cluster 9."""
    return slug(f"Cụm {roman(number)}")


def year_folder(root: Path, year: int, number: int) -> Path:
    """reports/<year>/<cluster>/ under `root`."""
    return root / str(year) / cluster_slug(number)


def file_name(year: int, number: int, code: str, suffix: str = ".docx") -> str:
    """'2021_cum-ix_bao-cao-tong-ket.docx'."""
    return f"{year}_{cluster_slug(number)}_{slug(code)}{suffix}"


def write_files(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write each file atomically into `folder`; return the paths written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return [_write_atomic(folder, name, data) for name, data in files.items()]
    except OSError as exc:
        raise ArchiveError(f"Không ghi được vào thư mục '{folder}': {exc.strerror}.") from exc


def _write_atomic(folder: Path, name: str, data: bytes) -> Path:
    target = folder / name
    if target.resolve().parent != folder.resolve():
        raise ArchiveError(f"Tên tệp '{name}' không hợp lệ.")
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
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
