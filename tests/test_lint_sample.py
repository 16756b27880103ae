"""The documents docgen builds from the sample workbook pass the Decree 30 checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.build import build
from docgen.check import format_finding, lint
from docgen.kinds import of_period
from tests.conftest import SAMPLE

# Every kind of the year-end set the sample makes: it proposes no individual (the mid-year
# report is linted in tests/test_midyear.py, the individual's in the Khánh Hòa tests).
KINDS = [kind.code for kind in of_period("year") if kind.code != "bao-cao-thanh-tich-ca-nhan"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build(SAMPLE, tmp_path_factory.mktemp("lint-sample"), only=KINDS).paths


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_was_built(built: list[Path], kind: str) -> None:
    assert any(path.stem.startswith(f"2021_cum-ix_{kind}") for path in built)


def test_built_documents_have_no_errors(built: list[Path]) -> None:
    errors = [f"{path.name}: {format_finding(f)}"
              for path in built for f in lint(path) if f.severity == "error"]
    assert errors == []
