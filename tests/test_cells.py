"""Cell conversion: what a clerk may type and what it becomes."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.intake.cells import (
    CellError,
    clean_text,
    to_choice,
    to_date,
    to_int,
    to_list,
    to_number,
    to_time,
)
from docgen.intake.schema import MEMBERS


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Thanh   tra tỉnh  Bạc Liêu ", "Thanh tra tỉnh Bạc Liêu"),
        ("Thanh tra ti\u0309nh", "Thanh tra tỉnh"),  # decomposed -> NFC
        ("a\u00a0b", "a b"),
        (22.0, "22"),
        (dt.datetime(2021, 12, 20), "20/12/2021"),
        ("dòng 1\ndòng 2", "dòng 1 dòng 2"),
    ],
)
def test_clean_text(raw: object, expected: str) -> None:
    assert clean_text(raw) == expected


def test_multiline_keeps_line_breaks() -> None:
    assert clean_text(" a  b \r\n c ", multiline=True) == "a b\nc"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(7, 7), (7.0, 7), ("7", 7), (" 12 ", 12), ("1.234.567", 1234567), ("-3", -3)],
)
def test_to_int(raw: object, expected: int) -> None:
    assert to_int(raw) == expected


@pytest.mark.parametrize("raw", ["bảy", "7,5", 7.5, True, "1.23"])
def test_to_int_rejects(raw: object) -> None:
    with pytest.raises(CellError, match="không phải là số nguyên"):
        to_int(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(12.5, 12.5), ("12,5", 12.5), ("1.234,5", 1234.5), ("30", 30.0), ("1.000", 1000.0)],
)
def test_to_number(raw: object, expected: float) -> None:
    assert to_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (dt.datetime(2021, 12, 20, 0, 0), dt.date(2021, 12, 20)),
        (dt.date(2021, 1, 13), dt.date(2021, 1, 13)),
        ("20/12/2021", dt.date(2021, 12, 20)),
        ("7/4/2014", dt.date(2014, 4, 7)),
        (" 02/12/2020 ", dt.date(2020, 12, 2)),
        (44550, dt.date(2021, 12, 20)),
    ],
)
def test_to_date(raw: object, expected: dt.date) -> None:
    assert to_date(raw) == expected


@pytest.mark.parametrize("raw", ["31/02/2021", "2021-12-20", "hôm qua", "12/13/2021"])
def test_to_date_rejects_with_the_typed_text(raw: str) -> None:
    with pytest.raises(CellError) as info:
        to_date(raw)
    assert str(info.value) == f"“{raw}” không phải là ngày hợp lệ (viết theo dạng dd/mm/yyyy)"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("08:00", dt.time(8, 0)),
        ("8h30", dt.time(8, 30)),
        (dt.time(14, 5), dt.time(14, 5)),
        (0.5, dt.time(12, 0)),
        ("14 giờ 15", dt.time(14, 15)),
    ],
)
def test_to_time(raw: object, expected: dt.time) -> None:
    assert to_time(raw) == expected


def test_to_list_splits_lines_and_semicolons() -> None:
    assert to_list("Thanh tra Chính phủ;\n  Các thành viên Cụm \n\n") == [
        "Thanh tra Chính phủ",
        "Các thành viên Cụm",
    ]


@pytest.mark.parametrize("raw", ["Cụm trưởng", "cụm trưởng", " CỤM  TRƯỞNG "])
def test_choice_matches_label_loosely(raw: str) -> None:
    assert to_choice(raw, MEMBERS.column("role")) == "leader"


def test_choice_lists_allowed_values() -> None:
    with pytest.raises(CellError) as info:
        to_choice("Trưởng cụm", MEMBERS.column("role"))
    assert str(info.value) == (
        "“Trưởng cụm” không phải là một giá trị được chọn (“Cụm trưởng”; “Cụm phó”; “Thành viên”)"
    )
