"""The award table ("Hình thức khen thưởng"): awards are rows, checked with sheet and cell;
old workbooks that kept the pair in "Cài đặt" still read; init and rollover write it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from docgen import build
from docgen.errors import Problem, ValidationFailed
from docgen.intake import read_workbook
from docgen.intake.yearly import init_workbook, rollover
from docgen.rules import outcome
from tests.ballot_edits import add_nominee, individual
from tests.conftest import SAMPLE, set_award, set_cell
from tests.docx_helpers import paragraph_texts

Make = Callable[..., Path]
TABLE = "Hình thức khen thưởng"
VOTES = "Bình xét"


def problems(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as failed:
        read_workbook(path)
    return [str(p) for p in failed.value.problems]


# ------------------------------------------------------------------------------ checks


def test_an_award_the_table_does_not_have_names_the_cell_and_the_closest(edited: Make) -> None:
    path = edited(lambda b: set_cell(b, VOTES, "Hình thức đề nghị", 2, "Bằng khenn"))
    assert problems(path) == [
        "Trang 'Bình xét', ô G3 (Hình thức đề nghị): “Bằng khenn” không có ở cột 'Hình thức' "
        "của trang 'Hình thức khen thưởng'; có phải là “Bằng khen”?"]


def test_the_printed_name_also_names_an_award(edited: Make) -> None:
    path = edited(lambda b: set_cell(b, VOTES, "Hình thức đề nghị", 2,
                                     "bằng khen của Tổng Thanh tra Chính phủ"))
    assert [v.award for v in read_workbook(path).votes] == ["Cờ thi đua", "Bằng khen"]


def test_an_individual_for_an_award_only_for_collectives_is_refused(edited: Make) -> None:
    path = edited(lambda b: add_nominee(b, 3, {**individual(
        "Trần Thị Lan", "Chánh Văn phòng", "Thanh tra tỉnh Cà Mau", 7),
        "Hình thức đề nghị": "Cờ thi đua"}))
    assert problems(path) == [
        "Trang 'Bình xét', ô A4 (Đối tượng): Cờ thi đua chỉ xét tặng cho tập thể (trang 'Hình "
        "thức khen thưởng', dòng 2), không cho cá nhân."]


def test_duplicate_names_and_ranks_and_missing_places(edited: Make) -> None:
    def broken(book: Any) -> None:
        set_award(book, "Bằng khen", "Thứ tự", 1)
        set_award(book, "Bằng khen", "Số cá nhân tối đa", None)
        set_award(book, "Bằng khen", "Hình thức", "cờ  thi đua")

    assert problems(edited(broken)) == [
        "Trang 'Hình thức khen thưởng', ô A3 (Hình thức): “cờ thi đua” trùng với dòng 2.",
        "Trang 'Hình thức khen thưởng', ô J3 (Thứ tự): thứ tự 1 trùng với dòng 2; mỗi hình "
        "thức một thứ tự.",
        "Trang 'Hình thức khen thưởng', ô I3 (Số cá nhân tối đa): chưa điền: hình thức này xét "
        "tặng cho cá nhân nên cần số cá nhân tối đa (ghi 0 nếu năm nay không đề nghị).",
        # the votes' "Bằng khen" is gone with the renamed row
        "Trang 'Bình xét', ô G3 (Hình thức đề nghị): “Bằng khen” không có ở cột 'Hình thức' "
        "của trang 'Hình thức khen thưởng' (các hình thức: cờ thi đua).",
    ]


def test_a_threshold_over_100_is_refused_in_its_cell(edited: Make) -> None:
    path = edited(lambda b: set_award(b, "Cờ thi đua", "Tỷ lệ phiếu (%)", 180))
    (problem,) = problems(path)
    assert problem.startswith("Trang 'Hình thức khen thưởng', ô E2 (Tỷ lệ phiếu (%)):")


def test_a_missing_award_table_is_one_error(edited: Make) -> None:
    def drop(book: Any) -> None:
        del book[TABLE]

    assert problems(edited(drop)) == [
        "Trang 'Hình thức khen thưởng': thiếu trang này trong sổ tính."]


# --------------------------------------------------------------------- awards as data


def _papers(path: Path, out: Path) -> dict[str, list[str]]:
    built = build.build(path, out)
    return {p.stem.removeprefix("2021_cum-ix_"): paragraph_texts(docx.Document(str(p)))
            for p in built.paths}


def test_a_third_award_with_its_own_decider_is_a_row(edited: Make, tmp_path: Path) -> None:
    """Chiến sĩ thi đua for individuals at 90 %, decided by someone else: the minutes name
    each decider; the proposal asks both; the order follows the table's ranks."""
    def third(book: Any) -> None:
        book[TABLE].append(["Chiến sĩ thi đua", "Danh hiệu Chiến sĩ thi đua cấp tỉnh",
                            "Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu", "Cá nhân", 90, None,
                            None, None, 1, 3, "cá nhân có thành tích tiêu biểu xuất sắc"])
        add_nominee(book, 3, {**individual("Trần Thị Lan", "Chánh Văn phòng",
                                           "Thanh tra tỉnh Cà Mau", 7),
                              "Hình thức đề nghị": "Chiến sĩ thi đua"})
        add_nominee(book, 4, {**individual("Lê Văn Hùng", "Thanh tra viên",
                                           "Thanh tra tỉnh An Giang", 6),
                              "Hình thức đề nghị": "Chiến sĩ thi đua"})

    papers = _papers(edited(third), tmp_path)
    lines = [
        "Hội nghị thống nhất đề nghị:",
        "- Tổng Thanh tra Chính phủ tặng Cờ thi đua của Thanh tra Chính phủ cho Thanh tra tỉnh "
        "Sóc Trăng (7/7 phiếu đồng ý, đạt 100%);",
        "- Tổng Thanh tra Chính phủ tặng Bằng khen của Tổng Thanh tra Chính phủ cho Thanh tra "
        "tỉnh Kiên Giang (7/7 phiếu đồng ý, đạt 100%);",
        "- Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu tặng Danh hiệu Chiến sĩ thi đua cấp tỉnh cho "
        "Trần Thị Lan, Chánh Văn phòng, Thanh tra tỉnh Cà Mau (7/7 phiếu đồng ý, đạt 100%).",
    ]
    refused = ("Lê Văn Hùng, Thanh tra viên, Thanh tra tỉnh An Giang được 6/7 phiếu đồng ý, đạt "
               "85,7%, chưa đạt tỷ lệ từ 90% trở lên để đề nghị tặng Danh hiệu Chiến sĩ thi "
               "đua cấp tỉnh, nên Hội nghị không đề nghị.")
    for kind in ("bien-ban", "bao-cao-tong-ket"):
        texts = papers[kind]
        start = texts.index(lines[0])
        assert texts[start:start + 4] == lines, kind
        assert refused in texts, kind
    proposal = papers["to-trinh"]
    assert any(t.endswith("kính đề nghị Tổng Thanh tra Chính phủ và Chủ tịch Ủy ban nhân dân "
                          "tỉnh Bạc Liêu xem xét, tặng:") for t in proposal)
    assert "3. Danh hiệu Chiến sĩ thi đua cấp tỉnh cho 01 (một) cá nhân:" in proposal
    lan = next(t for t in proposal if t.startswith("- Trần Thị Lan"))
    assert "đạt tiêu chuẩn “cá nhân có thành tích tiêu biểu xuất sắc” với 7/7 phiếu đồng ý, " \
           "đạt 100% (yêu cầu từ 90% trở lên)" in lan
    assert not any("Lê Văn Hùng" in t for t in proposal)
    assert "III. DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH" in papers["danh-sach"]


def test_ranks_not_rows_order_the_documents(edited: Make, tmp_path: Path) -> None:
    def swapped(book: Any) -> None:
        set_award(book, "Cờ thi đua", "Thứ tự", 2)
        set_award(book, "Bằng khen", "Thứ tự", 1)

    proposal = _papers(edited(swapped), tmp_path)["to-trinh"]
    first = next(t for t in proposal if t.startswith("1. "))
    assert first == "1. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) tập thể:"


def test_shares_on_valid_ballots_print_the_valid_ballots(edited: Make, tmp_path: Path) -> None:
    """6 valid of 7 returned: Kiên Giang's 6 votes are 6/6 = 100 % of the valid ballots."""
    def valid(book: Any) -> None:
        for label, value in (("Số phiếu hợp lệ", 6), ("Số phiếu bầu Cụm trưởng năm sau", 6),
                             ("Số phiếu bầu Cụm phó năm sau", 6),
                             ("Lý do phiếu không hợp lệ", "01 phiếu để trống")):
            ws = book["Hội nghị"]
            for (cell,) in ws.iter_rows(max_col=1):
                if cell.value == label:
                    ws.cell(row=cell.row, column=2).value = value
        set_award(book, "Bằng khen", "Tính trên", "Số phiếu hợp lệ")
        set_cell(book, VOTES, "Số phiếu đồng ý", 1, 6)
        set_cell(book, VOTES, "Số phiếu đồng ý", 2, 6)

    papers = _papers(edited(valid), tmp_path)
    minutes = papers["bien-ban"]
    assert ("- Tặng Bằng khen của Tổng Thanh tra Chính phủ cho Thanh tra tỉnh Kiên Giang (6/6 "
            "phiếu đồng ý, đạt 100%).") in minutes
    document = docx.Document(str(next((tmp_path / "2021" / "cum-ix").glob("*bien-ban.docx"))))
    ballot = next(t for t in document.tables if t.rows[0].cells[-1].text == "Kết quả")
    assert [c.text for c in ballot.rows[0].cells][4] == "Số phiếu tính tỷ lệ"
    assert [c.text for c in ballot.rows[2].cells][3:6] == ["6", "6", "100%"]
    assert any("trên tổng số phiếu hợp lệ" in t for t in papers["ke-hoach"])


# ------------------------------------------------------------------- old workbooks


def _old_layout(book: Any) -> None:
    """The workbook as docgen wrote it before the award table: the pair in "Cài đặt"."""
    del book[TABLE]
    settings = book["Cài đặt"]
    rows = [("Tên Cờ thi đua", "Cờ thi đua của Thanh tra Chính phủ"),
            ("Tên Bằng khen", "Bằng khen của Tổng Thanh tra Chính phủ"),
            ("Tỷ lệ phiếu tối thiểu cho Cờ thi đua (%)", 80),
            ("Tỷ lệ phiếu tối thiểu cho Bằng khen (%)", 50),
            ("Số Cờ thi đua tối đa", 1), ("Số Bằng khen tối đa", 2),
            ("Số Bằng khen tối đa cho cá nhân", None),
            ("Cách tính tỷ lệ Cờ thi đua", None), ("Cách tính tỷ lệ Bằng khen", "Trên … %")]
    settings.insert_rows(2, len(rows))
    for i, (label, value) in enumerate(rows, start=2):
        settings.cell(row=i, column=1).value = label
        settings.cell(row=i, column=2).value = value


def test_an_old_workbook_reads_with_a_warning_and_the_same_outcome(edited: Make) -> None:
    warnings: list[Problem] = []
    book = read_workbook(edited(_old_layout), warnings)
    assert [str(w) for w in warnings] == [
        "Trang 'Cài đặt': sổ theo mẫu cũ: tên, tỷ lệ phiếu và số lượng của Cờ thi đua và Bằng "
        "khen ở trang 'Cài đặt' được dùng làm trang 'Hình thức khen thưởng'. Lập sổ năm sau "
        "bằng docgen rollover để có trang mới."]
    flag, merit = book.award_forms
    assert (flag.name, flag.full_name, flag.decider, flag.threshold, flag.rule,
            flag.quota("collective"), flag.quota("individual")) == (
        "Cờ thi đua", "Cờ thi đua của Thanh tra Chính phủ", "Tổng Thanh tra Chính phủ", 80,
        "at_least", 1, 0)
    # a blank individual quota meant "as many as collectives"
    assert (merit.rule, merit.quota("collective"), merit.quota("individual")) == ("above", 2, 2)
    sample = read_workbook(SAMPLE)
    assert [v.reason for v in outcome(book).votes] == [v.reason for v in outcome(sample).votes]


def test_an_old_workbooks_bad_value_names_its_settings_cell(edited: Make) -> None:
    def bad(book: Any) -> None:
        _old_layout(book)
        book["Cài đặt"]["B6"] = -1  # "Số Cờ thi đua tối đa"

    (problem,) = problems(edited(bad))
    assert problem.startswith("Trang 'Cài đặt', ô B6 (Số Cờ thi đua tối đa):")


def test_rollover_of_an_old_workbook_writes_the_table(edited: Make, tmp_path: Path) -> None:
    target = tmp_path / "2022.xlsx"
    rollover(edited(_old_layout), target)
    sheet = openpyxl.load_workbook(target)[TABLE]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2) if row[0].value]
    assert [r[:7] for r in rows] == [
        ["Cờ thi đua", "Cờ thi đua của Thanh tra Chính phủ", "Tổng Thanh tra Chính phủ",
         "Tập thể", 80, "Từ … % trở lên", "Tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản)"],
        ["Bằng khen", "Bằng khen của Tổng Thanh tra Chính phủ", "Tổng Thanh tra Chính phủ",
         "Tập thể và cá nhân", 50, "Trên … %",
         "Tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản)"],
    ]
    labels = [c.value for (c,) in openpyxl.load_workbook(target)["Cài đặt"].iter_rows(
        max_col=1)]
    assert "Tên Cờ thi đua" not in labels


# ------------------------------------------------------------------- init, rollover


def test_init_writes_the_government_inspectorates_pair_with_a_drop_down(tmp_path: Path) -> None:
    path = init_workbook(tmp_path / "blank.xlsx", 2026)
    book = openpyxl.load_workbook(path)
    rows = [[c.value for c in row] for row in book[TABLE].iter_rows(min_row=2)
            if row[0].value]
    assert rows == [
        ["Cờ thi đua", "Cờ thi đua của Thanh tra Chính phủ", "Tổng Thanh tra Chính phủ",
         "Tập thể", 80, "Từ … % trở lên", "Tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản)",
         1, None, 1, "tập thể dẫn đầu Cụm thi đua"],
        ["Bằng khen", "Bằng khen của Tổng Thanh tra Chính phủ", "Tổng Thanh tra Chính phủ",
         "Tập thể và cá nhân", 50, "Từ … % trở lên",
         "Tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản)", 2, 2, 2,
         "tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua"],
    ]
    votes = book[VOTES]
    award_column = next(c.column_letter for c in votes[1] if c.value == "Hình thức đề nghị")
    lists = [v for v in votes.data_validations.dataValidation
             if f"{award_column}2" in str(v.sqref)]
    assert [v.formula1 for v in lists] == ["'Hình thức khen thưởng'!$A$2:$A$500"]


def test_rollover_keeps_a_clusters_own_table_without_default_rows(edited: Make,
                                                                 tmp_path: Path) -> None:
    def one_award(book: Any) -> None:
        sheet = book[TABLE]
        sheet.delete_rows(3)  # Bằng khen gone: one award only
        set_award(book, "Cờ thi đua", "Tên in trên văn bản", "Cờ thi đua của Ủy ban nhân dân "
                  "tỉnh Cà Mau")
        sheet = book[VOTES]
        sheet.delete_rows(3)

    target = tmp_path / "2022.xlsx"
    rollover(edited(one_award), target)
    sheet = openpyxl.load_workbook(target)[TABLE]
    names = [row[1].value for row in sheet.iter_rows(min_row=2) if row[0].value]
    assert names == ["Cờ thi đua của Ủy ban nhân dân tỉnh Cà Mau"]


def test_sample_votes_resolve_to_the_table() -> None:
    book = read_workbook(SAMPLE)
    assert [(f.name, f.precedence) for f in book.award_forms] == [("Cờ thi đua", 1),
                                                                   ("Bằng khen", 2)]
    assert [book.award_form(v.award).full_name for v in book.votes] == [
        "Cờ thi đua của Thanh tra Chính phủ", "Bằng khen của Tổng Thanh tra Chính phủ"]



def test_no_places_and_a_tie_within_one_unit_are_stated_as_they_are(edited: Make,
                                                                     tmp_path: Path) -> None:
    """Two people of Cà Mau at 7/7 for one Bằng khen place: the ballot's order parts them.
    With no place for individuals, the minutes say so instead of "tối đa 00 (không)"."""
    def cases(book: Any) -> None:
        set_award(book, "Bằng khen", "Số cá nhân tối đa", 1)
        add_nominee(book, 3, individual("Trần Thị Lan", "Chánh Văn phòng",
                                        "Thanh tra tỉnh Cà Mau", 7))
        add_nominee(book, 4, individual("Lê Văn Hùng", "Thanh tra viên",
                                        "Thanh tra tỉnh Cà Mau", 7))

    minutes = _papers(edited(cases), tmp_path / "one")["bien-ban"]
    assert ("Lê Văn Hùng, Thanh tra viên, Thanh tra tỉnh Cà Mau được 7/7 phiếu đồng ý, đạt "
            "100%, đủ tỷ lệ nhưng vượt số lượng được đề nghị tặng Bằng khen của Tổng Thanh "
            "tra Chính phủ (tối đa 01 (một) cá nhân); bằng tỷ lệ phiếu với Trần Thị Lan cùng "
            "đơn vị, xếp sau theo thứ tự trên phiếu bầu, nên Hội nghị không đề nghị.") in minutes

    def none(book: Any) -> None:
        cases(book)
        set_award(book, "Bằng khen", "Số cá nhân tối đa", 0)

    minutes = _papers(edited(none, name="none.xlsx"), tmp_path / "none")["bien-ban"]
    assert ("Trần Thị Lan, Chánh Văn phòng, Thanh tra tỉnh Cà Mau được 7/7 phiếu đồng ý, đạt "
            "100%, đủ tỷ lệ nhưng năm nay Cụm không có chỉ tiêu đề nghị tặng Bằng khen của "
            "Tổng Thanh tra Chính phủ cho cá nhân, nên Hội nghị không đề nghị.") in minutes
    assert not any("00 (không)" in line for line in minutes)
