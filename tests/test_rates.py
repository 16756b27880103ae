"""How a rate of change reads in the reports: as officials write it, never a false zero."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docgen.documents.shared.common import percent, rate
from docgen.documents.shared.figures import change


@pytest.mark.parametrize(("value", "words"), [
    (Decimal("12.5"), "12,5%"), (Decimal("9.03"), "9%"), (Decimal("9.96"), "10%"),
    (Decimal("16.16"), "16,2%"), (Decimal("100"), "100%"), (Decimal("0.04"), "0,04%"),
    (Decimal("0.001"), "dưới 0,01%"),
])
def test_a_rate_has_one_decimal_or_none(value: Decimal, words: str) -> None:
    assert rate(value) == words


def test_a_vote_share_keeps_the_decimals_a_threshold_needs() -> None:
    assert percent(Decimal("79.96")) == "79,96%"  # never '80%' beside an 80% rule
    assert rate(Decimal("79.96")) == "80%"


@pytest.mark.parametrize(("now", "before", "words"), [
    (109, 100, "tăng 9%"), (96, 100, "giảm 4%"), (100, 100, "không đổi"),
    (100_004, 100_000, "tăng dưới 0,01%"), (10_004, 10_000, "tăng 0,04%"),
    (5, 0, None),
])
def test_a_change_names_its_direction(now: int, before: int, words: str | None) -> None:
    assert change(Decimal(now), Decimal(before)) == words
