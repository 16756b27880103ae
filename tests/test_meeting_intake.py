"""The workbook's record of the meeting (attendance, counting board, election counts), the
previous year's figures and the pact's criteria: read, resolved and checked at their cells."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docgen.errors import ValidationFailed
from docgen.intake import read_workbook
from docgen.intake.assemble import quorum_met
from tests.conftest import SAMPLE, header_column, set_cell, set_form

Make = Callable[..., Path]
ATTENDANCE = "Dự họp"
CONFERENCE = "Hội nghị"
RESULTS = "Kết quả công tác"
CM = "Thanh tra tỉnh Cà Mau"
HG = "Thanh tra tỉnh Hậu Giang"


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as info:
        read_workbook(path)
    return [str(p) for p in info.value.problems]


def _status(unit: str, status: str) -> Callable[[Any], None]:
    """Set every attendance row of `unit` to `status` (a label of the sheet's drop-down)."""
    def edit(book: Any) -> None:
        ws = book[ATTENDANCE]
        units, statuses = header_column(ws, "Đơn vị, cơ quan"), header_column(ws, "Tham dự")
        for row in range(2, ws.max_row + 1):
            if ws.cell(row=row, column=units).value == unit:
                ws.cell(row=row, column=statuses).value = status
    return edit


def test_the_sample_records_who_was_there() -> None:
    book = read_workbook(SAMPLE)
    present = {p.unit for p in book.attendance if p.status == "present"}
    assert present == {m.name for m in book.members}
    (guest,) = [p for p in book.attendance if p.status == "guest"]
    assert (guest.name, guest.title, guest.unit) == (
        "Nguyễn Thị Thu Hà", "Phó Vụ trưởng", "Vụ Tổ chức cán bộ, Thanh tra Chính phủ")
    board = {p.name: p.counting for p in book.attendance if p.counting}
    assert board == {"Châu Minh Khải": "head", "Võ Văn Hậu": "member", "Đỗ Minh Trí": "member"}
    conf = book.conference
    assert (conf.leader_votes, conf.deputy_votes, conf.minutes_copies, conf.quorum) == (
        7, 7, 2, "two_thirds")
    assert conf.agenda[3] == "Bầu Cụm trưởng, Cụm phó năm 2022"


def test_short_unit_names_resolve_and_a_guest_body_is_kept_as_typed(edited: Make) -> None:
    def short(book: Any) -> None:
        ws = book[ATTENDANCE]
        ws.cell(row=4, column=header_column(ws, "Đơn vị, cơ quan")).value = "bạc liêu"
    book = read_workbook(edited(short))
    assert book.attendance[2].unit == "Thanh tra tỉnh Bạc Liêu"
    assert book.attendance[0].unit == "Vụ Tổ chức cán bộ, Thanh tra Chính phủ"


def test_previous_year_results_are_kept_apart() -> None:
    book = read_workbook(SAMPLE)
    assert len(book.results) == len(book.results_previous) == 7
    this, last = book.results_of(CM), book.results_of(CM, previous=True)
    assert this is not None and last is not None
    assert (this.inspections, last.inspections, last.year) == (33, 31, 2020)


def test_a_results_row_of_another_year_is_an_error_at_its_cell(edited: Make) -> None:
    path = edited(lambda b: set_cell(b, RESULTS, "Năm", 9, 2019))
    assert problems_of(path) == [
        "Trang 'Kết quả công tác', ô J10 (Năm): năm 2019: chỉ nhận năm thi đua 2021 (hoặc để "
        "trống) và năm trước 2020 để so sánh."]


def test_a_unit_twice_in_one_year_is_an_error(edited: Make) -> None:
    path = edited(lambda b: set_cell(b, RESULTS, "Năm", 8, None))
    assert problems_of(path) == [
        "Trang 'Kết quả công tác', ô A9 (Đơn vị): đơn vị “Thanh tra tỉnh Bạc Liêu” đã có số "
        "liệu năm 2021 ở dòng 2."]


def test_a_workbook_without_attendance_still_reads(edited: Make) -> None:
    book = read_workbook(edited(lambda b: b.remove(b[ATTENDANCE])))
    assert book.attendance == []


def test_a_member_missing_from_attendance_is_named(edited: Make) -> None:
    def drop(book: Any) -> None:
        ws = book[ATTENDANCE]
        units = header_column(ws, "Đơn vị, cơ quan")
        for row in range(ws.max_row, 1, -1):
            if ws.cell(row=row, column=units).value == HG:
                ws.delete_rows(row)
    problems = problems_of(edited(drop, lambda b: set_form(b, CONFERENCE, "Số phiếu phát ra", 6),
                                  lambda b: set_form(b, CONFERENCE, "Số phiếu thu về", 6),
                                  lambda b: set_form(b, CONFERENCE, "Số phiếu hợp lệ", 6)))
    assert ("Trang 'Dự họp' (Đơn vị, cơ quan): chưa có dòng nào cho Thanh tra tỉnh Hậu Giang: "
            "ghi đại biểu có mặt, hoặc vắng mặt (có hay không có ý kiến bằng văn bản).") in problems


def test_ballots_issued_must_equal_the_members_present(edited: Make) -> None:
    path = edited(_status(HG, "Vắng mặt, có ý kiến bằng văn bản"))
    problems = problems_of(path)
    assert ("Trang 'Hội nghị', ô B15 (Số phiếu phát ra): 7 phiếu phát ra nhưng trang 'Dự họp' "
            "có 6 đơn vị thành viên có mặt (mỗi đơn vị một phiếu).") in problems
    # Hậu Giang's delegate sat on the counting board and is now absent.
    assert ("Trang 'Dự họp', ô E12 (Ban kiểm phiếu): Võ Văn Hậu không có mặt nên không thể ở "
            "Ban kiểm phiếu.") in problems


def test_a_meeting_without_quorum_cannot_vote(edited: Make) -> None:
    absent = [_status(unit, "Vắng mặt") for unit in (CM, HG, "Thanh tra tỉnh An Giang")]
    problems = problems_of(edited(*absent))
    assert ("Trang 'Dự họp' (Tham dự): chỉ có 4/7 đơn vị thành viên có mặt, chưa đủ từ 2/3 trở "
            "lên số thành viên để hội nghị bình xét (trang 'Hội nghị', mục 'Số thành viên có "
            "mặt tối thiểu').") in problems


@pytest.mark.parametrize(("present", "members", "quorum", "met"), [
    (4, 7, "half", True), (3, 6, "half", False), (5, 7, "two_thirds", True),
    (4, 6, "two_thirds", True), (4, 7, "two_thirds", False), (7, 7, "all", True),
    (6, 7, "all", False)])
def test_quorum_rules(present: int, members: int, quorum: Any, met: bool) -> None:
    assert quorum_met(present, members, quorum) is met


def test_counting_board_needs_one_head(edited: Make) -> None:
    def two_heads(book: Any) -> None:
        ws = book[ATTENDANCE]
        ws.cell(row=12, column=header_column(ws, "Ban kiểm phiếu")).value = "Trưởng ban"
    assert problems_of(edited(two_heads)) == [
        "Trang 'Dự họp' (Ban kiểm phiếu): Ban kiểm phiếu cần đúng một Trưởng ban, đang có 2."]


def test_invalid_ballots_need_their_reasons(edited: Make) -> None:
    path = edited(lambda b: set_form(b, CONFERENCE, "Số phiếu hợp lệ", 6),
                  lambda b: set_form(b, CONFERENCE, "Số phiếu bầu Cụm trưởng năm sau", 6),
                  lambda b: set_form(b, CONFERENCE, "Số phiếu bầu Cụm phó năm sau", 6))
    problems = problems_of(path)
    assert ("Trang 'Hội nghị', ô B18 (Lý do phiếu không hợp lệ): có 1 phiếu không hợp lệ nên "
            "phải ghi lý do (biên bản ghi lại lý do này).") in problems


def test_pact_criterion_must_exist(edited: Make) -> None:
    path = edited(lambda b: set_cell(b, "Giao ước", "Mã tiêu chí", 3, "TC9"))
    assert problems_of(path) == [
        "Trang 'Giao ước', ô C4 (Mã tiêu chí): mã “TC9” không có ở trang 'Tiêu chí' (có: TC1, "
        "TC2, TC3, TC4, TC5, TC6)."]


def test_pact_criterion_codes_resolve_ignoring_case(edited: Make) -> None:
    book = read_workbook(edited(lambda b: set_cell(b, "Giao ước", "Mã tiêu chí", 3, "tc1")))
    assert book.pact[2].criterion == "TC1"


def test_a_member_deadline_after_the_clusters_is_an_error(edited: Make) -> None:
    path = edited(lambda b: set_cell(b, "Lịch thực hiện", "Thời hạn", 7, "Trước 22/12/2022"))
    assert problems_of(path) == [
        "Trang 'Lịch thực hiện', ô B8 (Thời hạn): hạn của các đơn vị thành viên 22/12/2022 phải "
        "trước hạn gửi hồ sơ khen thưởng của Cụm 20/12/2022 (dòng gửi hồ sơ ở trang này, hoặc "
        "trang 'Cài đặt', “Hạn gửi hồ sơ đề nghị khen thưởng”, tính sang năm 2022)."]


def test_the_clusters_own_rows_may_reach_its_deadline(edited: Make) -> None:
    # "Cụm trưởng" sends the files on the deadline itself; only members must be earlier.
    path = edited(lambda b: set_cell(b, "Lịch thực hiện", "Thời hạn", 9, "Ngày 20/12/2022"))
    assert read_workbook(path).timeline[8].deadline == "Ngày 20/12/2022"


def test_a_timeline_date_that_does_not_exist_is_an_error(edited: Make) -> None:
    path = edited(lambda b: set_cell(b, "Lịch thực hiện", "Thời hạn", 2, "Trước 31/6/2022"))
    assert problems_of(path) == [
        "Trang 'Lịch thực hiện', ô B3 (Thời hạn): “31/6/2022” không phải là ngày có thật."]
