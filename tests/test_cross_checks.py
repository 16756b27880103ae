"""Figures that cannot be true together are refused, each naming its cell; the cluster's
numbering and the award-file deadline are warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docgen import build
from docgen.errors import Problem, ValidationFailed
from tests.conftest import set_cell, set_form

CONFERENCE, VOTES, SIGNING = "Hội nghị", "Bình xét", "Ký và nơi nhận"
REGISTRATION, SCORES, SETTINGS = "Đăng ký thi đua", "Chấm điểm", "Cài đặt"
# The sample's signing rows: 1 report, 2 minutes, 3 proposal, 4 plan, 5 pact.
REPORT, MINUTES, PROPOSAL, PLAN = 1, 2, 3, 4


def _problems(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as failed:
        build.check(path)
    return [str(p) for p in failed.value.problems]


def _warnings(path: Path) -> list[str]:
    found: list[Problem] = []
    build.check(path, found)
    return [str(w) for w in found]


def _sign(row: int, field: str, value: object) -> Callable[[Any], None]:
    return lambda book: set_cell(book, SIGNING, field, row, value)


def _well_numbered(book: Any) -> None:
    """The sample numbered after its own plan of 22/10 and dated by the deadline."""
    set_cell(book, SIGNING, "Số", REPORT, 25)
    set_cell(book, SIGNING, "Số", PROPOSAL, 26)
    set_cell(book, SIGNING, "Ngày ban hành", REPORT, dt.datetime(2021, 12, 20))
    set_cell(book, SIGNING, "Ngày ban hành", PROPOSAL, dt.datetime(2021, 12, 20))


CASES = [
    ("more votes than valid ballots",
     [lambda b: set_form(b, CONFERENCE, "Số phiếu hợp lệ", 4),
      lambda b: set_form(b, CONFERENCE, "Lý do phiếu không hợp lệ", "03 phiếu để trống"),
      lambda b: set_form(b, CONFERENCE, "Số phiếu bầu Cụm trưởng năm sau", 4),
      lambda b: set_form(b, CONFERENCE, "Số phiếu bầu Cụm phó năm sau", 4)],
     ["Trang 'Bình xét', ô H2 (Số phiếu đồng ý): 7 phiếu đồng ý nhiều hơn 4 phiếu hợp lệ "
      "(trang 'Hội nghị', ô B17).",
      "Trang 'Bình xét', ô H3 (Số phiếu đồng ý): 7 phiếu đồng ý nhiều hơn 4 phiếu hợp lệ "
      "(trang 'Hội nghị', ô B17)."]),
    ("more ballots than council members",
     [lambda b: set_form(b, CONFERENCE, "Số phiếu phát ra", 9)],
     ["Trang 'Hội nghị', ô B15 (Số phiếu phát ra): 9 phiếu phát ra nhưng trang 'Dự họp' có "
      "7 đơn vị thành viên có mặt (mỗi đơn vị một phiếu).",
      "Trang 'Bình xét', ô I2 (Tổng số người bỏ phiếu): 7 thành viên Hội đồng ít hơn 9 "
      "phiếu phát ra (trang 'Hội nghị', ô B15).",
      "Trang 'Bình xét', ô I3 (Tổng số người bỏ phiếu): 7 thành viên Hội đồng ít hơn 9 "
      "phiếu phát ra (trang 'Hội nghị', ô B15)."]),
    ("more registered than there are",
     [lambda b: set_cell(b, REGISTRATION, "Số tập thể", 1, 5),
      lambda b: set_cell(b, REGISTRATION, "Số tập thể đăng ký", 1, 9)],
     ["Trang 'Đăng ký thi đua', ô C2 (Số tập thể đăng ký): 9 tập thể đăng ký nhiều hơn 5 "
      "tập thể của đơn vị “Thanh tra tỉnh Bạc Liêu”."]),
    ("minutes dated off the meeting",
     [_sign(MINUTES, "Ngày ban hành", dt.datetime(2021, 12, 21))],
     ["Trang 'Ký và nơi nhận', ô C3 (Ngày ban hành): biên bản họp bình xét ghi ngày "
      "21/12/2021, khác ngày họp 20/12/2021 (trang 'Hội nghị', ô B2)."]),
    ("proposal dated before the meeting it cites",
     [_sign(PROPOSAL, "Ngày ban hành", dt.datetime(2021, 12, 19))],
     ["Trang 'Ký và nơi nhận', ô C4 (Ngày ban hành): Tờ trình đề nghị khen thưởng ghi ngày "
      "19/12/2021, trước ngày họp 20/12/2021 mà văn bản này nói đến."]),
    ("next year's plan before the meeting",
     [_sign(PLAN, "Ngày ban hành", dt.datetime(2021, 11, 30))],
     ["Trang 'Ký và nơi nhận', ô C5 (Ngày ban hành): Kế hoạch phát động năm sau ghi ngày "
      "30/11/2021, trước ngày họp 20/12/2021 mà văn bản này nói đến."]),
    ("one member not scored",
     [lambda b: b[SCORES].delete_rows(8)],
     ["Trang 'Chấm điểm' (Đơn vị): chưa có dòng điểm của “Thanh tra tỉnh An Giang”; mọi "
      "thành viên đều được chấm điểm."]),
    ("nothing scored",
     [lambda b: b[SCORES].delete_rows(2, 7)],
     ["Trang 'Chấm điểm': chưa có điểm chấm của đơn vị nào; bảng xếp hạng trong báo cáo và "
      "biên bản cần điểm của mọi thành viên."]),
]


@pytest.mark.parametrize(("edits", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_impossible_figures_are_errors_naming_their_cells(
        edited: Callable[..., Path], edits: list[Callable[[Any], None]],
        expected: list[str]) -> None:
    assert _problems(edited(_well_numbered, *edits)) == expected


def test_all_impossible_figures_are_reported_at_once(edited: Callable[..., Path]) -> None:
    edits = [e for case in CASES[:6] for e in case[1]]
    expected = [line for case in CASES[:6] for line in case[2]]
    assert sorted(_problems(edited(_well_numbered, *edits))) == sorted(expected)


def test_a_well_ordered_year_draws_no_warning(edited: Callable[..., Path]) -> None:
    assert _warnings(edited(_well_numbered)) == []


def test_numbers_lower_than_an_earlier_paper_of_the_year_are_a_warning(
        edited: Callable[..., Path]) -> None:
    path = edited(_well_numbered, _sign(PROPOSAL, "Số", 12))
    assert _warnings(path) == [
        "Trang 'Ký và nơi nhận', ô B4 (Số): Tờ trình đề nghị khen thưởng ngày 20/12/2021 mang "
        "số 12, không lớn hơn số 23 của Giấy mời dự hội nghị ngày 08/12/2021: số văn bản của "
        "Cụm tăng dần theo ngày trong năm."]


def test_a_proposal_after_the_deadline_is_a_warning(edited: Callable[..., Path]) -> None:
    path = edited(_well_numbered,
                  lambda b: set_form(b, SETTINGS, "Hạn gửi hồ sơ đề nghị khen thưởng",
                                     dt.datetime(2021, 12, 15)))
    assert _warnings(path) == [
        "Trang 'Ký và nơi nhận', ô C4 (Ngày ban hành): tờ trình đề nghị khen thưởng ghi ngày "
        "20/12/2021, sau hạn gửi hồ sơ 15/12/2021 (trang 'Cài đặt', “Hạn gửi hồ sơ đề nghị "
        "khen thưởng”)."]


def test_titles_without_their_locality_are_a_warning_with_the_full_title(
        edited: Callable[..., Path]) -> None:
    path = edited(_well_numbered, _sign(PROPOSAL, "Chức danh dưới", "CHÁNH THANH TRA"),
                  lambda b: set_form(b, CONFERENCE, "Chức vụ của chủ trì",
                                     "Chánh Thanh tra, Cụm trưởng"))
    assert _warnings(path) == [
        "Trang 'Ký và nơi nhận', ô G4 (Chức danh dưới): “CHÁNH THANH TRA” chưa ghi tên địa "
        "phương của Thanh tra tỉnh Bạc Liêu; có phải là “CHÁNH THANH TRA TỈNH BẠC LIÊU”?",
        "Trang 'Hội nghị', ô B9 (Chức vụ của chủ trì): “Chánh Thanh tra, Cụm trưởng” chưa ghi "
        "tên địa phương của Thanh tra tỉnh Bạc Liêu; có phải là “Chánh Thanh tra tỉnh Bạc "
        "Liêu, Cụm trưởng”?"]
