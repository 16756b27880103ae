"""The workbook's data for the conference's own papers (issue 15): self-scores that explain
the cluster's scores, the invitation's dates, the reporting period and its required rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from docgen.build import build
from docgen.cli import main
from docgen.errors import DocgenError, Problem, ValidationFailed
from docgen.intake import read_workbook
from docgen.intake.writer import new_workbook
from tests.conftest import SAMPLE, set_cell, set_form

SELF = "Tự chấm điểm"
CONF = "Hội nghị"
SIGN = "Ký và nơi nhận"
SETTINGS = "Cài đặt"
# The sample lists self-scores unit by unit (members' order), six criteria each.
HAU_GIANG_TC1 = 4 * 6 + 1
BAC_LIEU_TC1 = 1
INVITATION = 6  # the signing sheet's sixth row, after the five papers of the package


def _problems(path: Path) -> list[Problem]:
    with pytest.raises(ValidationFailed) as caught:
        read_workbook(path)
    return caught.value.problems


def _one(problems: list[Problem], sheet: str, cell: str) -> Problem:
    found = [p for p in problems if p.sheet == sheet and p.cell == cell]
    assert len(found) == 1, problems
    return found[0]


def test_the_sample_reads_its_self_scores_and_settings(sample: Path) -> None:
    book = read_workbook(sample)
    assert len(book.self_scores) == len(book.members) * len(book.criteria)
    row = book.self_score("Thanh tra tỉnh Hậu Giang", "TC1")
    assert row is not None
    assert (row.self_points, row.plus, row.minus) == (28.5, 0, 1)
    assert row.reason is not None and "01 cuộc thanh tra" in row.reason
    assert book.settings.score_chart is True
    assert (book.settings.ballot_paper, book.settings.notice_days) == ("a4_half", 7)
    assert book.settings.period == "year"
    assert book.conference.prepare_deadline is not None
    assert book.conference.contact_phone == "0291 3822 456"


def test_a_self_score_the_cluster_changed_without_saying_why_is_refused(
        edited: Callable[..., Path]) -> None:
    cells: dict[str, str] = {}

    def silent_cut(book: Any) -> None:
        # Bạc Liêu scored itself 29 on TC1; the cluster's sheet says 28,5 with no minus.
        cells["self"] = set_cell(book, SELF, "Điểm tự chấm", BAC_LIEU_TC1, 29)

    problem = _one(_problems(edited(silent_cut)), SELF, "C2")
    assert cells["self"] == "C2"
    assert "tự chấm 29, cộng 0, trừ 0 là 29 điểm, khác 28,5 điểm Cụm chấm" in problem.message
    assert "trang 'Chấm điểm', ô B2" in problem.message


def test_points_taken_away_need_their_reason(edited: Callable[..., Path]) -> None:
    def no_reason(book: Any) -> None:
        set_cell(book, SELF, "Lý do cộng, trừ", HAU_GIANG_TC1, None)

    problem = _one(_problems(edited(no_reason)), SELF, f"F{HAU_GIANG_TC1 + 1}")
    assert problem.field == "Lý do cộng, trừ"
    assert "phải ghi lý do" in problem.message


def test_a_self_score_above_the_maximum_and_a_repeated_row_are_refused(
        edited: Callable[..., Path]) -> None:
    def over(book: Any) -> None:
        set_cell(book, SELF, "Điểm tự chấm", BAC_LIEU_TC1, 31)
        set_cell(book, SELF, "Mã tiêu chí", BAC_LIEU_TC1 + 1, "TC1")  # TC2 row says TC1

    problems = _problems(edited(over))
    assert "lớn hơn điểm tối đa 30 của tiêu chí TC1" in _one(problems, SELF, "C2").message
    assert "đã có ở dòng 2" in _one(problems, SELF, "B3").message


def test_an_unknown_criterion_code_names_the_known_ones(edited: Callable[..., Path]) -> None:
    def unknown(book: Any) -> None:
        set_cell(book, SELF, "Mã tiêu chí", 3, "TC9")

    problem = _one(_problems(edited(unknown)), SELF, "B4")
    assert "mã “TC9” không có ở trang 'Tiêu chí'" in problem.message


def test_an_invitation_dated_on_the_conference_day_is_refused(
        edited: Callable[..., Path]) -> None:
    import datetime as dt

    def late(book: Any) -> None:
        set_cell(book, SIGN, "Ngày ban hành", INVITATION, dt.datetime(2021, 12, 20))

    problem = _one(_problems(edited(late)), SIGN, "C7")
    assert "giấy mời ghi ngày 20/12/2021, không trước ngày họp 20/12/2021" in problem.message


def test_an_invitation_inside_the_notice_period_is_a_warning(
        edited: Callable[..., Path]) -> None:
    import datetime as dt

    def short_notice(book: Any) -> None:
        set_cell(book, SIGN, "Ngày ban hành", INVITATION, dt.datetime(2021, 12, 16))
        set_form(book, CONF, "Hạn gửi tài liệu", dt.datetime(2021, 12, 18))

    warnings: list[Problem] = []
    read_workbook(edited(short_notice), warnings)
    (warning,) = [w for w in warnings if w.sheet == SIGN]
    assert warning.cell == "C7"
    assert "chỉ 4 ngày trước ngày họp 20/12/2021" in warning.message
    assert "ít nhất 7 ngày" in warning.message


def test_papers_due_before_the_invitation_is_sent_are_refused(
        edited: Callable[..., Path]) -> None:
    import datetime as dt
    cells: dict[str, str] = {}

    def early(book: Any) -> None:
        cells["due"] = set_form(book, CONF, "Hạn gửi tài liệu", dt.datetime(2021, 12, 7))

    problem = _one(_problems(edited(early)), CONF, cells.get("due") or "")
    assert "hạn gửi tài liệu 07/12/2021 trước cả ngày giấy mời 08/12/2021" in problem.message


def test_papers_asked_for_after_the_meeting_are_refused(edited: Callable[..., Path]) -> None:
    import datetime as dt
    cells: dict[str, str] = {}

    def after(book: Any) -> None:
        cells["due"] = set_form(book, CONF, "Hạn gửi tài liệu", dt.datetime(2021, 12, 21))

    problem = _one(_problems(edited(after)), CONF, cells.get("due") or "")
    assert "hạn gửi tài liệu 21/12/2021 phải trước ngày họp 20/12/2021" in problem.message


def test_the_year_end_set_needs_a_row_for_the_invitation(edited: Callable[..., Path]) -> None:
    def drop(book: Any) -> None:
        book[SIGN].delete_rows(INVITATION + 1)

    problems = _problems(edited(drop))
    assert any(p.sheet == SIGN and "chưa có dòng cho văn bản “Giấy mời dự hội nghị”"
               in p.message for p in problems), problems


def test_the_year_end_set_needs_the_ballot_counts(edited: Callable[..., Path]) -> None:
    cells: dict[str, str] = {}

    def blank(book: Any) -> None:
        cells["issued"] = set_form(book, CONF, "Số phiếu phát ra", None)

    problem = _one(_problems(edited(blank)), CONF, cells.get("issued") or "")
    assert problem.message == "chưa điền (bắt buộc)."


def test_a_mid_year_workbook_needs_no_votes_scores_or_ballots(
        edited: Callable[..., Path]) -> None:
    def midyear(book: Any) -> None:
        set_form(book, SETTINGS, "Kỳ báo cáo", "6 tháng đầu năm (sơ kết)")
        for label in ("Số phiếu phát ra", "Số phiếu thu về", "Số phiếu hợp lệ",
                      "Số phiếu bầu Cụm trưởng năm sau", "Số phiếu bầu Cụm phó năm sau"):
            set_form(book, CONF, label, None)
        for title in ("Bình xét", "Chấm điểm", "Tự chấm điểm", "Dự họp"):
            book[title].delete_rows(2, book[title].max_row)
        sign = book[SIGN]
        sign.delete_rows(2, sign.max_row)
        sign.append(["Báo cáo sơ kết 6 tháng", 12, __import__("datetime").datetime(2021, 7, 20),
                     "Thanh tra Chính phủ", None, None, None, None, "Các thành viên Cụm",
                     "VT, CTĐ"])

    book = read_workbook(edited(midyear))
    assert book.settings.period == "half"
    assert book.votes == [] and book.scores == []
    assert [s.document for s in book.signing] == ["bao-cao-so-ket"]


def test_a_year_end_workbook_still_needs_votes(edited: Callable[..., Path]) -> None:
    def no_votes(book: Any) -> None:
        book["Bình xét"].delete_rows(2, book["Bình xét"].max_row)

    problems = _problems(edited(no_votes))
    assert any(p.sheet == "Bình xét" and p.message == "cần ít nhất 1 dòng dữ liệu."
               for p in problems), problems


def test_only_refuses_a_kind_of_the_other_period(sample: Path, tmp_path: Path) -> None:
    with pytest.raises(DocgenError) as caught:
        build(sample, tmp_path, only=["bao-cao-so-ket"])
    assert "không lập cho kỳ báo cáo “cả năm”" in str(caught.value)
    assert not any(tmp_path.iterdir())


def test_the_blank_workbook_has_the_new_sheet_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    new_workbook(2026, ["TC1"]).save(path)
    book = openpyxl.load_workbook(path)
    headers = [c.value for c in book[SELF][1]]
    assert headers[:6] == ["Đơn vị", "Mã tiêu chí", "Điểm tự chấm", "Điểm cộng", "Điểm trừ",
                           "Lý do cộng, trừ"]
    labels = {row[0].value for row in book[SETTINGS].iter_rows(min_row=2, max_col=1)}
    assert {"Kỳ báo cáo", "Số ngày gửi giấy mời trước hội nghị", "Khổ phiếu bầu",
            "Vẽ biểu đồ điểm"} <= labels
    labels = {row[0].value for row in book[CONF].iter_rows(min_row=2, max_col=1)}
    assert {"Thành phần mời của mỗi đơn vị", "Tài liệu gửi trước hội nghị", "Hạn gửi tài liệu",
            "Người liên hệ", "Điện thoại liên hệ", "Kết luận của chủ trì"} <= labels


MIDYEAR = SAMPLE.with_name("cum-ix-2021-6-thang.xlsx")


def test_check_of_a_mid_year_workbook_shows_no_scores_votes_or_election(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MIDYEAR)]) == 0
    shown = capsys.readouterr().out
    assert "Kỳ báo cáo: 6 tháng đầu năm 2021 (sơ kết)." in shown
    for absent in ("Kết quả chấm điểm", "Kết quả bình xét", "Cụm trưởng"):
        assert absent not in shown


def test_templates_are_tried_with_the_kinds_of_the_workbooks_period(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "check", "--workbook", str(MIDYEAR)]) == 0
    assert "Mọi mẫu đều dùng được" in capsys.readouterr().out
