"""Turn the sample workbook into one of any number of members, for timing docgen at size.

`write_workbook(path, members)` copies samples/cum-ix-2021.xlsx and adds members after its
seven: each new member is a copy of one of the seven (its row in 'Thành viên' and its rows in
every sheet listed by unit: attendance, registration, results of both years, scores,
self-scores, awards received) under a new name, 'Thanh tra đơn vị số 8', short name
'Đơn vị 8', holding no role and on no vote-counting committee. The vote sheet ('Bình xét')
keeps the sample's nominees, so the proposal stays within its award quotas; every ballot
figure (handed out, returned, valid, cast for the officers, each vote's total and the votes
in favour, in proportion) is scaled to the members present. `merged=True` also merges, in
'Thành viên', the cells of each pair of consecutive new members whose head's title is the
same (what a clerk does to a column of repeated words): one merged range per two members.

Run: python benchmarks/large_workbook.py OUT.xlsx MEMBERS [--merged]
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "cum-ix-2021.xlsx"
SAMPLE_MEMBERS = 7

MEMBERS_SHEET = "Thành viên"
# Sheets with a row (or rows) per member, and the header of the column naming the member.
BY_UNIT = {
    "Dự họp": "Đơn vị, cơ quan",
    "Đăng ký thi đua": "Đơn vị",
    "Kết quả công tác": "Đơn vị",
    "Chấm điểm": "Đơn vị",
    "Tự chấm điểm": "Đơn vị",
    "Khen thưởng": "Đơn vị",
}
HEAD_TITLE = "Chức vụ thủ trưởng"
COMMITTEE = "Ban kiểm phiếu"
# Items of the meeting sheet counting one ballot per member present.
BALLOTS = ("Số phiếu phát ra", "Số phiếu thu về", "Số phiếu hợp lệ", "Số phiếu bầu Cụm trưởng",
           "Số phiếu bầu Cụm phó")
VOTES_SHEET, AGREE, VOTERS = "Bình xét", "Số phiếu đồng ý", "Tổng số người bỏ phiếu"


def member_name(number: int) -> str:
    """The full name of the added member numbered `number` (8, 9, …)."""
    return f"Thanh tra đơn vị số {number}"


def write_workbook(path: Path, members: int, *, merged: bool = False) -> Path:
    """Write at `path` the sample workbook grown to `members` members (at least the sample's
    seven); return `path`."""
    if members < SAMPLE_MEMBERS:
        raise ValueError(f"the sample has {SAMPLE_MEMBERS} members; ask for at least that")
    shutil.copy(SAMPLE, path)
    book = openpyxl.load_workbook(path)
    originals = _grow_members(book[MEMBERS_SHEET], members, merged=merged)
    for title, header in BY_UNIT.items():
        _grow_rows(book[title], header, originals, members)
    _scale_ballots(book, members)
    book.save(path)
    return path


def _grow_members(ws: Any, members: int, *, merged: bool) -> list[str]:
    columns = _columns(ws)
    rows = [list(r) for r in ws.iter_rows(min_row=2, max_row=1 + SAMPLE_MEMBERS, values_only=True)]
    originals = [str(r[columns["Tên đơn vị"]]) for r in rows]
    row_at = 2 + SAMPLE_MEMBERS
    for number in range(SAMPLE_MEMBERS + 1, members + 1):
        values = list(rows[number % SAMPLE_MEMBERS])
        values[columns["Tên đơn vị"]] = member_name(number)
        values[columns["Tên ngắn"]] = f"Đơn vị {number}"
        values[columns["Địa danh"]] = f"Địa bàn {number}"
        values[columns["Vai trò năm nay"]] = "Thành viên"
        values[columns["Vai trò năm sau"]] = "Thành viên"
        _write_row(ws, row_at, values)
        row_at += 1
    if merged:
        column = columns[HEAD_TITLE] + 1
        for row in range(2 + SAMPLE_MEMBERS, row_at - 1, 2):
            if ws.cell(row, column).value == ws.cell(row + 1, column).value:
                ws.merge_cells(start_row=row, start_column=column,
                               end_row=row + 1, end_column=column)
    return originals


def _grow_rows(ws: Any, header: str, originals: list[str], members: int) -> None:
    columns = _columns(ws)
    column = columns[header]
    rows = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)
            if any(v is not None for v in r)]
    of_member = {name: [r for r in rows if r[column] == name] for name in originals}
    row_at = 2 + len(rows)
    for number in range(SAMPLE_MEMBERS + 1, members + 1):
        for values in of_member[originals[number % SAMPLE_MEMBERS]]:
            values = list(values)
            values[column] = member_name(number)
            if COMMITTEE in columns:
                values[columns[COMMITTEE]] = None
            _write_row(ws, row_at, values)
            row_at += 1


def _scale_ballots(book: Any, members: int) -> None:
    meeting = book["Hội nghị"]
    for row in meeting.iter_rows(min_row=2):
        if str(row[0].value or "").startswith(BALLOTS):
            row[1].value = members
    ws = book[VOTES_SHEET]
    columns = _columns(ws)
    for row in ws.iter_rows(min_row=2):
        agree, voters = row[columns[AGREE]], row[columns[VOTERS]]
        if isinstance(voters.value, int) and isinstance(agree.value, int) and voters.value:
            agree.value = round(agree.value * members / voters.value)
            voters.value = members


def _columns(ws: Any) -> dict[str, int]:
    return {str(c.value).strip(): i for i, c in enumerate(ws[1]) if c.value is not None}


def _write_row(ws: Any, row: int, values: list[Any]) -> None:
    for i, value in enumerate(values):
        ws.cell(row=row, column=i + 1, value=value)


if __name__ == "__main__":
    write_workbook(Path(sys.argv[1]), int(sys.argv[2]), merged="--merged" in sys.argv)
