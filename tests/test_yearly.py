"""docgen init and docgen rollover: a new leading inspectorate starts from a workbook it can
fill without help, or from last year's."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx_helpers import all_text

from docgen.build import check
from docgen.cli import main
from docgen.intake import read_workbook
from docgen.intake import schema as s
from docgen.intake.writer import fill_form, fill_scores, fill_table
from tests.conftest import ROOT, SAMPLE, set_form


def _make_sample_module(monkeypatch: pytest.MonkeyPatch) -> Any:
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "tools" / "make_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_sample", module)
    spec.loader.exec_module(module)
    return module


def test_init_filled_by_script_builds_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cum-moi.xlsx"
    assert main(["init", "--year", "2021", str(path)]) == 0
    assert f"Đã tạo sổ tính trống {path}" in capsys.readouterr().out
    data = _make_sample_module(monkeypatch)
    wb = openpyxl.load_workbook(path)
    for sheet in s.SHEETS:
        if sheet.key in data.TABLES:
            fill_table(wb[sheet.title], sheet, data.TABLES[sheet.key])
        elif sheet.key in data.FORMS:
            fill_form(wb[sheet.title], sheet, data.FORMS[sheet.key])
    fill_scores(wb[s.SCORES.title], data.SCORES)
    wb.save(path)
    out = tmp_path / "out"
    assert main(["build", str(path), "--out", str(out)]) == 0
    report = next((out / "2021" / "cum-ix").glob("*bao-cao-tong-ket.docx"))
    assert "Bạc Liêu, ngày 22 tháng 12 năm 2021" in all_text(docx.Document(str(report)))


def test_untouched_init_lists_what_to_fill(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "trong.xlsx"
    assert main(["init", str(path)]) == 0
    capsys.readouterr()
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    for line in [
        "Trang 'Thông tin chung', ô B2 (Tên Cụm thi đua): chưa điền (bắt buộc).",
        "Trang 'Thông tin chung', ô B4 (Năm thi đua): chưa điền (bắt buộc).",
        "Trang 'Thành viên': cần ít nhất 2 dòng dữ liệu.",
        "Trang 'Hội nghị', ô B2 (Ngày họp): chưa điền (bắt buộc).",
        "Trang 'Ký và nơi nhận': cần ít nhất 1 dòng dữ liệu.",
        "Trang 'Nội dung báo cáo' (Mục): chưa có đoạn văn nào cho mục “IV. Đề xuất, kiến nghị”.",
    ]:
        assert line in err
    assert "Traceback" not in err
    assert "đang có 0" not in err  # no second-hand errors about an empty members sheet


def test_init_workbook_helps_the_clerk(tmp_path: Path) -> None:
    path = tmp_path / "trong.xlsx"
    assert main(["init", "--year", "2025", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Hướng dẫn"
    members = wb["Thành viên"]
    assert members.freeze_panes == "A2"
    role = next(c for c in members[1] if c.value == "Vai trò năm nay")
    assert role.comment is not None and "Cụm trưởng" in role.comment.text
    validations = [v for v in members.data_validations.dataValidation if v.type == "list"]
    assert any(f"{role.column_letter}2" in str(v.sqref) for v in validations)
    conference = wb["Hội nghị"]
    date_row = next(r for r in conference.iter_rows(min_row=2) if r[0].value == "Ngày họp")
    assert date_row[1].number_format == "dd/mm/yyyy"
    cluster = wb["Thông tin chung"]
    year_row = next(r for r in cluster.iter_rows(min_row=2) if r[0].value == "Năm thi đua")
    assert year_row[1].value == 2025


@pytest.mark.parametrize("command", [["init"], ["rollover", str(SAMPLE), "--out"]])
def test_refuses_to_overwrite(command: list[str], tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "co-san.xlsx"
    path.write_bytes(b"du lieu cu")
    assert main([*command, str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"Lỗi: Tệp '{path}' đã có; thêm --force nếu muốn ghi đè.")
    assert path.read_bytes() == b"du lieu cu"
    assert main([*command, str(path), "--force"]) == 0


def _dump(record: Any) -> dict[str, object]:
    return {k: v for k, v in record.model_dump().items() if k != "source"}


def test_rollover_carries_identity_and_clears_the_year(tmp_path: Path) -> None:
    new = tmp_path / "cum-ix-2022.xlsx"
    assert main(["rollover", str(SAMPLE), "--out", str(new)]) == 0
    old = read_workbook(SAMPLE)
    wb = openpyxl.load_workbook(new)
    cluster = {r[0].value: r[1].value for r in wb["Thông tin chung"].iter_rows(min_row=2)}
    assert cluster["Năm thi đua"] == 2022
    assert cluster["Tên Cụm thi đua"] == old.cluster.name
    members = list(wb["Thành viên"].iter_rows(min_row=2, max_row=8, values_only=True))
    assert [m[0] for m in members] == [m.name for m in old.members]
    roles = {m[0]: m[9] for m in members}
    assert roles["Thanh tra tỉnh Kiên Giang"] == "Cụm trưởng"
    assert roles["Thanh tra tỉnh Cà Mau"] == "Cụm phó"
    assert roles["Thanh tra tỉnh Bạc Liêu"] == "Thành viên"
    assert all(m[10] is None for m in members)  # next year's roles are elected later
    assert wb["Bình xét"].max_row == 1 or wb["Bình xét"]["B2"].value is None
    assert wb["Nội dung báo cáo"]["B2"].value is None
    assert wb["Chấm điểm"]["A2"].value is None
    assert [c.value for c in wb["Chấm điểm"][1]][1:] == [c.code for c in old.criteria]
    plan = [r[1] for r in wb["Kế hoạch năm sau"].iter_rows(min_row=2, values_only=True) if r[1]]
    assert any("năm 2023" in text for text in plan)
    assert not any("năm 2022" in text for text in plan)


def test_rolled_workbook_checks_once_the_year_is_filled(tmp_path: Path) -> None:
    new = tmp_path / "cum-ix-2022.xlsx"
    assert main(["rollover", str(SAMPLE), "--out", str(new)]) == 0
    old = read_workbook(SAMPLE)
    wb = openpyxl.load_workbook(new)
    fill_form(wb["Hội nghị"], s.CONFERENCE,
              {**_dump(old.conference), "date": dt.date(2022, 12, 20),
               "prepare_deadline": dt.date(2022, 12, 13)})
    for key in ("movements", "registration", "results", "votes", "narratives"):
        sheet = next(x for x in s.SHEETS if x.key == key)
        fill_table(wb[sheet.title], sheet, [_dump(r) for r in getattr(old, key)])
    fill_scores(wb[s.SCORES.title], [(x.unit, x.points) for x in old.scores])
    elected = {"Thanh tra tỉnh Cà Mau": "leader", "Thanh tra tỉnh An Giang": "deputy"}
    members = [{**_dump(m), "role": m.role_next, "role_next": elected.get(m.name, "member")}
               for m in old.members]
    fill_table(wb["Thành viên"], s.MEMBERS, members)
    # the invitation goes out before the meeting; the other papers are of its day
    signing = [{**_dump(x), "number": None,
                "date": dt.date(2022, 12, 8 if x.document == "giay-moi" else 20),
                "signer_subtitle": None, "signer_name": None} for x in old.signing]
    fill_table(wb["Ký và nơi nhận"], s.SIGNING, signing)
    wb.save(new)
    checked = check(new)
    assert checked.book.cluster.year == 2022
    assert checked.outcome.leader.name == "Thanh tra tỉnh Kiên Giang"
    assert checked.outcome.leader_next.name == "Thanh tra tỉnh Cà Mau"
    assert [_dump(c) for c in checked.book.criteria] == [_dump(c) for c in old.criteria]
    assert [_dump(a) for a in checked.book.awards] == [_dump(a) for a in old.awards]
    assert _dump(checked.book.settings) == _dump(old.settings)
    kept = [_dump(c) for c in old.citations if c.role != "basis"]
    assert [_dump(c) for c in checked.book.citations] == kept


@pytest.mark.parametrize("year", [-5, 0, 1999, 2101, 99999])
def test_init_refuses_an_impossible_year(year: int, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "trong.xlsx"
    assert main(["init", "--year", str(year), str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"Lỗi: Năm thi đua {year} không hợp lệ: phải từ 2000 đến 2100.")
    assert not path.exists()


@pytest.mark.parametrize("year", [2000, 2100])
def test_init_accepts_the_years_the_workbook_accepts(year: int, tmp_path: Path) -> None:
    path = tmp_path / "trong.xlsx"
    assert main(["init", "--year", str(year), str(path)]) == 0
    cluster = openpyxl.load_workbook(path)["Thông tin chung"]
    assert next(r[1].value for r in cluster.iter_rows(min_row=2) if r[0].value == "Năm thi đua") \
        == year


def test_rollover_refuses_a_year_past_the_last_one(edited: Any, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    def to_2100(book: Any) -> None:
        set_form(book, "Thông tin chung", "Năm thi đua", 2100)
        results = book["Kết quả công tác"]
        year = [c.value for c in results[1]].index("Năm") + 1
        for row in range(2, results.max_row + 1):  # the previous year's rows move with it
            if results.cell(row=row, column=year).value == 2020:
                results.cell(row=row, column=year).value = 2099

    source = edited(to_2100)
    target = tmp_path / "nam-sau.xlsx"
    assert main(["rollover", str(source), "--out", str(target)]) == 1
    assert capsys.readouterr().err.strip() == (
        "Lỗi: Không chuyển được sổ năm 2100 sang năm 2101: năm thi đua phải từ 2000 đến 2100.")
    assert not target.exists()


def test_a_leap_day_deadline_rolls_to_the_28th(tmp_path: Path) -> None:
    path = tmp_path / "leap.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    for (cell,) in book["Cài đặt"].iter_rows(max_col=1):
        if cell.value == "Hạn gửi hồ sơ đề nghị khen thưởng":
            book["Cài đặt"].cell(row=cell.row, column=2).value = dt.datetime(2020, 2, 29)
    timeline = book["Lịch thực hiện"]  # its members' dates would fall after a February one
    timeline.delete_rows(2, timeline.max_row)
    book.save(path)
    new = tmp_path / "next.xlsx"
    assert main(["rollover", str(path), "--out", str(new)]) == 0
    assert _deadline(new) == dt.date(2021, 2, 28)


def _deadline(path: Path) -> dt.date:
    book = openpyxl.load_workbook(path)
    for (cell,) in book["Cài đặt"].iter_rows(max_col=1):
        if cell.value == "Hạn gửi hồ sơ đề nghị khen thưởng":
            value = book["Cài đặt"].cell(row=cell.row, column=2).value
            return value.date() if isinstance(value, dt.datetime) else value
    raise KeyError("deadline")
