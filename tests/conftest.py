"""Shared fixtures: the sample workbook and small edits of it for bad-input cases."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from docgen import pdf

# Prepared templates are saved in a folder of this test run (and of the processes it starts),
# not in the user's own cache.
os.environ.setdefault("DOCGEN_CACHE", tempfile.mkdtemp(prefix="docgen-cache-"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "cum-ix-2021.xlsx"
# The sample's year-end set: the package's eight documents (two achievement reports, no
# individual proposed) and the conference's six papers.
SAMPLE_DOCUMENTS = 14

Edit = Callable[[Any], None]


def libreoffice_installed() -> bool:
    """Whether LibreOffice (soffice) can be found on this machine."""
    try:
        pdf.find_soffice()
    except pdf.PdfError:
        return False
    return True


# Tests that convert with LibreOffice (CI installs it) are skipped on a machine without it.
needs_libreoffice = pytest.mark.skipif(not libreoffice_installed(),
                                       reason="LibreOffice (soffice) is not installed")


def header_column(ws: Any, header: str) -> int:
    """1-based index of the column whose row-1 header is `header`."""
    for cell in ws[1]:
        if cell.value == header:
            return int(cell.column)
    raise KeyError(header)


def set_cell(book: Any, sheet: str, header: str, data_row: int, value: object) -> str:
    """Set the value under `header` on the n-th data row (1 = row 2); return its A1 ref."""
    ws = book[sheet]
    cell = ws.cell(row=data_row + 1, column=header_column(ws, header))
    cell.value = value
    return str(cell.coordinate)


def set_form(book: Any, sheet: str, label: str, value: object) -> str:
    """Set the value (column B) of a form row labelled `label`; return its A1 ref."""
    ws = book[sheet]
    for row in ws.iter_rows(min_row=1, max_col=1):
        if row[0].value == label:
            ws.cell(row=row[0].row, column=2).value = value
            return f"B{row[0].row}"
    raise KeyError(label)


def set_award(book: Any, award: str, header: str, value: object) -> str:
    """Set the cell under `header` on the row of the award table ("Hình thức khen thưởng")
    whose "Hình thức" is `award`; return its A1 ref."""
    ws = book["Hình thức khen thưởng"]
    names = header_column(ws, "Hình thức")
    for row in ws.iter_rows(min_row=2):
        if row[names - 1].value == award:
            cell = ws.cell(row=row[0].row, column=header_column(ws, header))
            cell.value = value
            return str(cell.coordinate)
    raise KeyError(award)


@pytest.fixture
def sample() -> Path:
    """The shipped 2021 workbook of Cụm IX."""
    return SAMPLE


@pytest.fixture
def edited(tmp_path: Path) -> Callable[..., Path]:
    """Copy the sample, apply edits with openpyxl, save and return the new path."""

    def make(*edits: Edit, name: str = "edited.xlsx") -> Path:
        path = tmp_path / name
        shutil.copy(SAMPLE, path)
        book = openpyxl.load_workbook(path)
        for edit in edits:
            edit(book)
        book.save(path)
        return path

    return make


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build every document of the sample once: file stem without the '2021_cum-ix_' prefix
    -> path."""
    from docgen.build import build

    built = build(SAMPLE, tmp_path_factory.mktemp("sample-build"))
    return {path.stem.removeprefix("2021_cum-ix_"): path for path in built.paths}


def build_one(workbook: Path, out: Path, kind: str) -> Any:
    """Build one single-file kind of document and open it with python-docx."""
    import docx

    from docgen.build import build

    (path,) = build(workbook, out, only=[kind]).paths
    assert path.name == f"2021_cum-ix_{kind}.docx"
    return docx.Document(str(path))


def within(call: Callable[[], object], seconds: float, memory: int) -> None:
    """Run `call`, asserting it ends within `seconds` and its Python allocations peak under
    `memory` bytes (hostile inputs must be refused quickly and cheaply)."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        call()
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < seconds, elapsed
    assert peak < memory, peak


@pytest.fixture(scope="session")
def khanh_hoa_book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Khánh Hòa Khối's workbook (tests/other_clusters.py), written and read once."""
    from docgen.intake import read_workbook
    from tests.other_clusters import departments

    return read_workbook(departments(tmp_path_factory.mktemp("khanh-hoa") / "kh.xlsx"))


@pytest.fixture(scope="session")
def can_tho_book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Cần Thơ wards' workbook (tests/other_clusters.py), written and read once."""
    from docgen.intake import read_workbook
    from tests.other_clusters import wards

    return read_workbook(wards(tmp_path_factory.mktemp("can-tho") / "ct.xlsx"))
