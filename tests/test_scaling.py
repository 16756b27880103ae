"""No step grows faster than the workbook: reading merged cells, finding a member by name,
a member's figures and the awards it received take time in proportion to the members
(benchmarks/bench_scaling.py measures whole builds of up to 2 000 members).

Each step is timed at a size n and at 4n, best of three runs (a loaded machine only adds
time, so the best run is the fairest). Linear work takes about 4 times as long at 4n,
quadratic work about 16 times; the test fails at 10. A step already slow at n fails at
once, so a quadratic step cannot make this test run for minutes."""

from __future__ import annotations

import io
import runpy
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from docgen import intake
from docgen.documents.shared.honours import award_rows
from docgen.intake import xlsx
from docgen.intake.collect import Collector
from docgen.intake.source import CellValues
from docgen.model import AwardReceived, Workbook
from tests.conftest import ROOT, SAMPLE

Step = Callable[[], object]
# A sibling script of the benchmarks, not a package.
write_workbook: Any = runpy.run_path(str(ROOT / "benchmarks" / "large_workbook.py"))[
    "write_workbook"]
GROWTH_LIMIT = 10.0  # linear: ~4 (up to ~6 with larger tables); quadratic: ~16
SLOW = 2.0  # seconds: a step this slow at the smaller size already grows too fast


def timed(step: Step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def assert_linear(make: Callable[[int], Step], n: int) -> None:
    """`make(size)` prepares the inputs and returns the step to time on them."""
    step = make(n)
    first = timed(step)
    assert first < SLOW, f"{first:.2f} s at {n}: the step grows too fast"
    small = min(first, timed(step), timed(step))
    step = make(4 * n)
    large = min(timed(step) for _ in range(3))
    print(f"{small * 1000:.0f} ms at {n}, {large * 1000:.0f} ms at {4 * n}")
    assert large / small < GROWTH_LIMIT, (
        f"{small * 1000:.0f} ms at {n}, {large * 1000:.0f} ms at {4 * n}: "
        f"{large / small:.1f} times as long for 4 times the size")


@pytest.fixture(scope="module")
def sample_book() -> Workbook:
    return intake.read_workbook(SAMPLE)


def grown(book: Workbook, members: int) -> Workbook:
    """The sample with `members` members (copies of its first, renamed), each with this
    year's figures and two awards received (a title and a merit)."""
    first, figures, award = book.members[0], book.results[0], book.awards[0]
    names = [f"Thanh tra đơn vị số {i}" for i in range(members)]
    return book.model_copy(update={
        "members": [first.model_copy(update={"name": name}) for name in names],
        "results": [figures.model_copy(update={"unit": name}) for name in names],
        "awards": [award.model_copy(update={"unit": name, "is_title": title,
                                            "target": "collective", "recipient": None})
                   for name in names for title in (True, False)],
    })


def merged_reads(ranges: int) -> Step:
    """A sheet with `ranges` merged ranges of two cells (A1:A2, A3:A4, …), read from its
    XML; the step reads the lower cell of each, which reads as the range's top-left value."""
    book = openpyxl.Workbook()
    ws = book.active
    for i in range(ranges):
        ws.cell(row=2 * i + 1, column=1, value=f"đơn vị {i}")
    data = io.BytesIO()
    book.save(data)
    # Add the ranges to the saved XML (ws.merge_cells checks each new range against all the
    # others: building the sheet that way would itself grow as n²).
    refs = "".join(f'<mergeCell ref="A{2 * i + 1}:A{2 * i + 2}"/>' for i in range(ranges))
    sheet = _with_merges(data.getvalue(), f'<mergeCells count="{ranges}">{refs}</mergeCells>')

    def step() -> None:
        cells = CellValues(sheet, "Thành viên", Collector())
        values = [cells.value(2 * i + 2, 1, "Tên đơn vị") for i in range(ranges)]
        assert values[-1] == f"đơn vị {ranges - 1}" and values[0] == "đơn vị 0"
    return step


def _with_merges(package: bytes, merges: str) -> xlsx.Sheet:
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = parts[name].replace(b"</sheetData>", b"</sheetData>" + merges.encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for part, data in parts.items():
            target.writestr(part, data)
    return xlsx.read_book(out.getvalue()).worksheets[0]


def test_reading_merged_cells_grows_linearly() -> None:
    assert_linear(merged_reads, 2_500)


def test_reading_a_workbook_grows_linearly(tmp_path: Path) -> None:
    """Reading and checking the sample grown to n members (a merged range per two of
    them, as benchmarks/bench_scaling.py makes it): every sheet with a row per member."""
    def make(members: int) -> Step:
        path = write_workbook(tmp_path / f"cum-{members}.xlsx", members, merged=True)

        def step() -> None:
            assert len(intake.read_workbook(path).members) == members
        return step
    assert_linear(make, 150)


def test_finding_members_and_their_figures_grows_linearly(sample_book: Workbook) -> None:
    def make(members: int) -> Step:
        big = grown(sample_book, members)
        names = [m.name for m in big.members]

        def step() -> None:
            book = big.model_copy()  # a fresh copy: its lookups start from nothing
            for name in names:
                assert book.member(name).name == name
                assert book.results_of(name) is not None
        return step
    assert_linear(make, 10_000)


def test_award_rows_grow_linearly(sample_book: Workbook) -> None:
    def make(members: int) -> Step:
        big = grown(sample_book, members)
        names = [m.name for m in big.members]

        def step() -> None:
            book = big.model_copy()
            for name in names:
                titles = award_rows(book, name, titles=True)
                assert [row["award"] for row in titles] == [sample_book.awards[0].award]
        return step
    assert_linear(make, 4_000)


def test_a_copy_with_other_members_finds_its_own(sample_book: Workbook) -> None:
    """Lookups of a copy with other members (the build adds the period's history by
    copying) answer from the copy's members, not the original's."""
    assert sample_book.member(sample_book.members[0].name) is sample_book.members[0]
    other = grown(sample_book, 3)
    assert other.member("Thanh tra đơn vị số 2").name == "Thanh tra đơn vị số 2"
    with pytest.raises(KeyError):
        other.member(sample_book.members[0].name)
    assert other.awards_of(sample_book.members[0].name) == []
    assert isinstance(other.awards_of("Thanh tra đơn vị số 0")[0], AwardReceived)


def test_every_documents_data_grows_linearly(tmp_path: Path) -> None:
    """The data of every document of the year (what the templates are filled with) for the
    sample grown to n members: a member's delegates, standing and figures are looked up,
    not searched for in every row (the minutes and the conclusions once scanned the whole
    attendance for each member, the score sheets the whole ranking)."""
    from docgen import build
    from docgen.documents import KINDS

    def make(members: int) -> Step:
        path = write_workbook(tmp_path / f"du-lieu-{members}.xlsx", members)
        checked = build.check(path)
        kinds = [KINDS[code] for code in KINDS]

        def step() -> None:
            made = [kind.renditions(checked.book, checked.outcome) for kind in kinds]
            assert sum(len(r) for r in made) >= 10
        return step

    assert_linear(make, 300)
