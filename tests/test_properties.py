"""Property: whatever a clerk types into the workbook, a build ends in documents that open, or
in a ValidationFailed whose problems name their sheet (and cell) - never another exception.

Examples mutate a copy of the sample: random cells of the data sheets get troublesome
values (combining and zero-width marks, bidi controls, astral characters, control
characters, huge and empty strings, numbers, dates, booleans, formulas, legacy TCVN3/VNI
text). CI runs a few examples; set DOCGEN_PROPERTY_EXAMPLES=150 for a longer search.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import inspect
import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from docgen.build import build
from docgen.errors import ValidationFailed
from docgen.intake.schema import SHEETS
from tests.conftest import SAMPLE

EXAMPLES = int(os.environ.get("DOCGEN_PROPERTY_EXAMPLES", "15"))
KINDS = ["bao-cao-tong-ket", "bien-ban"]
SAMPLE_BYTES = SAMPLE.read_bytes()
TITLES = [sheet.title for sheet in SHEETS]
# Messages about a typed value; these must name the cell.
CELL_MESSAGE = re.compile(r"^(“|chưa điền|ô có|có vẻ là chữ|điểm |đã bỏ)")
A1 = re.compile(r"^[A-Z]{1,3}[1-9][0-9]*$")
# Lint the documents here (when docgen.check exists), so that findings a typed value sets
# off on purpose can be told apart; build() then skips its own lint if it has one.
HAS_LINT = importlib.util.find_spec("docgen.check") is not None
NO_BUILD_LINT: dict[str, Any] = (
    {"check_format": False} if "check_format" in inspect.signature(build).parameters else {})

TROUBLE = [
    "\u0301", "\u0323", "\u0309",  # combining tone marks
    "\u200f", "\u202e", "\u200e",  # bidi marks and overrides
    "\u200b", "\u200d", "\ufeff",  # zero-width characters
    "\U0001f600", "\U00020000", "\U0010fffd",  # astral characters
    "\u00a0", "\t", "\n", "\r", "\x00", "\x07", "\x1b",  # spaces and controls
    "{{", "}}", "{%", "<w:t>", "&", "_x0001_",
]
LEGACY = ["Thanh tra tØnh B¹c Liªu", "NguyÔn V¨n §øc", "Xin chaøo caùc baïn",
          "Thanh tra tØnh xyzØ¹ B¹c", "Caø Mau"]

text = st.lists(
    st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(TROUBLE)),
    max_size=30,
).map("".join)
huge = st.tuples(st.sampled_from(["x", "Đ", "ệ ", "\U0001f600"]),
                 st.sampled_from([5_000, 9_999, 10_001, 30_000])).map(lambda t: t[0] * t[1])
values = st.one_of(
    text,
    huge,
    st.sampled_from(["", "   ", "=1+1", "=A1", "#DIV/0!", *LEGACY]),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 12, 31)),
    st.times(),
    st.none(),
)


def _extents() -> dict[str, tuple[int, int]]:
    """Sheet title -> (last row, last column) holding a value in the sample."""
    book = openpyxl.load_workbook(io.BytesIO(SAMPLE_BYTES))
    extents = {}
    for title in TITLES:
        cells = [c for row in book[title].iter_rows() for c in row if c.value is not None]
        extents[title] = (max(c.row for c in cells), max(c.column for c in cells))
    return extents


EXTENTS = _extents()
# Mostly cells that hold data (a row below it, a column right of it, now and then).
mutation = st.sampled_from(TITLES).flatmap(
    lambda title: st.tuples(st.just(title), st.integers(1, EXTENTS[title][0] + 1),
                            st.integers(1, EXTENTS[title][1] + 1), values))


def _storable(value: object) -> object:
    """openpyxl refuses control characters; store them as Excel does, as _xHHHH_."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    return value


def _mutated(folder: Path, mutations: list[tuple[str, int, int, Any]]) -> Path:
    book = openpyxl.load_workbook(io.BytesIO(SAMPLE_BYTES))
    for title, row, column, value in mutations:
        book[title].cell(row=row, column=column).value = _storable(value)
    path = folder / "dot-bien.xlsx"
    book.save(path)
    return path


def _check_problems(error: ValidationFailed) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.sheet in TITLES, problem
        assert problem.message, problem
        if problem.cell is not None:
            assert A1.match(problem.cell), problem
        if CELL_MESSAGE.match(problem.message):
            assert problem.cell is not None, problem


def _typed_markup(mutations: list[tuple[str, int, int, Any]]) -> bool:
    """True when a typed value holds what the lint takes for a leftover template tag or a
    program's empty value ("{{", "None", "nan"): printed literally, as it should be, it
    still sets off text.leftover-tag or text.none."""
    return any(isinstance(v, str) and MARKUP.search(v) for *_, v in mutations)


MARKUP = re.compile(r"\{\{|\}\}|\{%|%\}|(?<![\w.])(None|NaN|nan)(?!\w)")
DATA_RULES = ("text.leftover-tag", "text.none")


def _check_documents(paths: list[Path], mutations: list[tuple[str, int, int, Any]]) -> None:
    assert len(paths) == len(KINDS)
    for path in paths:
        document = docx.Document(str(path))
        assert document.paragraphs
        if HAS_LINT:
            from docgen.check import lint

            errors = [f for f in lint(path) if f.severity == "error"
                      and not (f.rule_id in DATA_RULES and _typed_markup(mutations))]
            assert errors == [], (mutations, errors)


# Hypothesis imports a deprecated module while reporting a failure; without this filter
# pytest's warnings-as-errors turns the report into an INTERNALERROR.
@pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(mutation, min_size=1, max_size=3))
# Failures found earlier, each fixed in intake: kept as regressions.
@example([("Thông tin chung", 6, 2, 0)])  # an issuer with no letters
@example([("Thành viên", 2, 3, -693594)])  # a place name that is a number
@example([("Ký và nơi nhận", 2, 3, -693594)])  # a date serial openpyxl cannot read
@example([("Ký và nơi nhận", 2, 8, "nguyễn văn a")])  # a signer that is no name
@example([("Thông tin chung", 7, 2, dt.time(16, 52, 20))])  # a symbol that is a time
@example([("Hình thức khen thưởng", 2, 8, -3689)])  # a negative quota
@example([("Chấm điểm", 2, 2, float("nan"))])  # a score that is not a number
def test_any_typed_value_ends_in_documents_or_placed_problems(
    mutations: list[tuple[str, int, int, Any]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = _mutated(folder, mutations)
        try:
            built = build(path, folder / "out", only=KINDS, **NO_BUILD_LINT)
        except ValidationFailed as error:
            _check_problems(error)
            return
        _check_documents(built.paths, mutations)
