"""Edits of the sample's votes sheet ("Bình xét") shared by the award-document tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import set_cell

VOTES = "Bình xét"


def add_nominee(book: Any, row: int, values: dict[str, object]) -> None:
    """Fill data row `row` of the votes sheet (rows 3 on are empty in the sample)."""
    for header, value in values.items():
        set_cell(book, VOTES, header, row, value)


def collective(unit: str, award: str, votes: int, voters: int = 7) -> dict[str, object]:
    """A collective nominee's row: unit, award ('Cờ thi đua' or 'Bằng khen') and votes."""
    return {"Đối tượng": "Tập thể", "Đơn vị": unit, "Hình thức đề nghị": award,
            "Số phiếu đồng ý": votes, "Tổng số người bỏ phiếu": voters}


def individual(name: str, title: str, unit: str, votes: int) -> dict[str, object]:
    """An individual nominee's row for a Bằng khen, out of 7 voters."""
    return {"Đối tượng": "Cá nhân", "Đơn vị": unit, "Họ và tên cá nhân": name,
            "Chức vụ cá nhân": title, "Năm sinh": 1978, "Giới tính": "Nữ",
            "Hình thức đề nghị": "Bằng khen", "Số phiếu đồng ý": votes,
            "Tổng số người bỏ phiếu": 7}
