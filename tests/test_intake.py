"""Reading the workbook: the sample reads cleanly; each kind of bad input gets its message."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docgen.errors import IntakeError, ValidationFailed
from docgen.intake import read_workbook
from tests.conftest import set_cell, set_form

Make = Callable[..., Path]


def test_sample_reads_with_seed_facts(sample: Path) -> None:
    book = read_workbook(sample)
    assert book.cluster.name == "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu"
    assert (book.cluster.number, book.cluster.year, book.cluster.issuer_abbr) == (9, 2021, "CTĐ")
    assert book.conference.date == dt.date(2021, 12, 20)
    assert book.conference.form == "online"
    assert book.with_role("leader").head_name == "Bùi Thanh Nguyên"
    assert book.with_role("deputy").head_name == "Nguyễn Văn Đức"
    assert book.with_role("leader", next_year=True).name == "Thanh tra tỉnh Kiên Giang"
    assert book.with_role("deputy", next_year=True).name == "Thanh tra tỉnh Cà Mau"
    numbers = {c.number for c in book.citations}
    assert {"108/KH-TTCP", "22/KH-CTĐ", "34-CT/TW", "05-CT/TW", "2100/CT-TTCP"} <= numbers
    votes = {(v.unit, v.award) for v in book.votes}
    assert votes == {("Thanh tra tỉnh Sóc Trăng", "Cờ thi đua"),
                     ("Thanh tra tỉnh Kiên Giang", "Bằng khen")}


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as info:
        read_workbook(path)
    return [str(p) for p in info.value.problems]


def _delete_sheet(title: str) -> Callable[[Any], None]:
    return lambda book: book.remove(book[title])


def _cell(sheet: str, header: str, row: int, value: object) -> Callable[[Any], None]:
    return lambda book: set_cell(book, sheet, header, row, value)


def _form(sheet: str, label: str, value: object) -> Callable[[Any], None]:
    return lambda book: set_form(book, sheet, label, value)


def _rename_header(sheet: str, header: str, new: str) -> Callable[[Any], None]:
    def edit(book: Any) -> None:
        for cell in book[sheet][1]:
            if cell.value == header:
                cell.value = new

    return edit


CASES = [
    (
        "missing sheet",
        _delete_sheet("Hội nghị"),
        "Trang 'Hội nghị': thiếu trang này trong sổ tính.",
    ),
    (
        "missing column",
        _rename_header("Thành viên", "Họ và tên thủ trưởng", "Thủ trưởng"),
        "Trang 'Thành viên' (Họ và tên thủ trưởng): thiếu cột này ở dòng tiêu đề (dòng 1); "
        "thấy cột “Thủ trưởng” (ô H1) — nếu đó là cột này, hãy sửa tên thành “Họ và tên thủ "
        "trưởng”.",
    ),
    (
        "impossible date",
        _form("Hội nghị", "Ngày họp", "31/02/2021"),
        "Trang 'Hội nghị', ô B2 (Ngày họp): “31/02/2021” không phải là ngày hợp lệ "
        "(viết theo dạng dd/mm/yyyy).",
    ),
    (
        "text in a number",
        _cell("Kết quả công tác", "Số cuộc thanh tra", 1, "nhiều"),
        "Trang 'Kết quả công tác', ô B2 (Số cuộc thanh tra): “nhiều” không phải là số nguyên.",
    ),
    (
        "unknown unit in votes",
        _cell("Bình xét", "Đơn vị", 1, "Thanh tra tỉnh Sóc Trăn"),
        "Trang 'Bình xét', ô B2 (Đơn vị): đơn vị “Thanh tra tỉnh Sóc Trăn” không có trong "
        "trang 'Thành viên'.",
    ),
    (
        "required blank",
        _cell("Thành viên", "Họ và tên thủ trưởng", 1, "   "),
        "Trang 'Thành viên', ô H2 (Họ và tên thủ trưởng): chưa điền (bắt buộc).",
    ),
    (
        "bad choice",
        _cell("Thành viên", "Vai trò năm nay", 3, "Trưởng cụm"),
        "Trang 'Thành viên', ô J4 (Vai trò năm nay): “Trưởng cụm” không phải là một giá trị "
        "được chọn (“Cụm trưởng”; “Cụm phó”; “Thành viên”).",
    ),
    (
        "two leaders",
        _cell("Thành viên", "Vai trò năm nay", 3, "Cụm trưởng"),
        "Trang 'Thành viên' (Vai trò năm nay): cần đúng một Cụm trưởng, đang có 2 (dòng: 2, 4).",
    ),
    (
        "more votes than voters",
        _cell("Bình xét", "Số phiếu đồng ý", 1, 9),
        "Trang 'Bình xét', ô H2 (Số phiếu đồng ý): 9 phiếu đồng ý không thể vượt 7 người bỏ phiếu.",
    ),
    (
        "score above maximum",
        _cell("Chấm điểm", "TC1", 1, 31),
        "Trang 'Chấm điểm', ô B2 (TC1): điểm 31 phải từ 0 đến 30 (điểm tối đa).",
    ),
    (
        "unknown score column",
        _rename_header("Chấm điểm", "TC6", "TC9"),
        "Trang 'Chấm điểm', ô G1: tiêu đề cột không phải là mã tiêu chí nào ở trang 'Tiêu chí'.",
    ),
    (
        "ballots",
        _form("Hội nghị", "Số phiếu hợp lệ", 8),
        "Trang 'Hội nghị', ô B17 (Số phiếu hợp lệ): 8 phiếu hợp lệ nhiều hơn 7 phiếu thu về.",
    ),
]


@pytest.mark.parametrize(("name", "edit", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_message(edited: Make, name: str, edit: Any, message: str) -> None:
    assert message in problems_of(edited(edit))


def test_every_mistake_is_listed_in_one_run(edited: Make) -> None:
    path = edited(*(case[1] for case in CASES[2:8]))
    found = problems_of(path)
    for _, _, message in CASES[2:6]:
        assert message in found


def test_tolerated_oddities(edited: Make) -> None:
    nfd = unicodedata.normalize("NFD", "  thanh tra tỉnh  sóc trăng ")
    path = edited(
        _cell("Bình xét", "Đơn vị", 1, nfd),
        _form("Hội nghị", "Ngày họp", "20/12/2021"),
        _cell("Bình xét", "Số phiếu đồng ý", 1, " 7 "),
    )
    book = read_workbook(path)
    assert book.votes[0].unit == "Thanh tra tỉnh Sóc Trăng"
    assert book.votes[0].votes_for == 7
    assert book.conference.date == dt.date(2021, 12, 20)


def test_not_an_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.xlsx"
    path.write_text("không phải sổ tính", encoding="utf-8")
    with pytest.raises(IntakeError) as info:
        read_workbook(path)
    assert str(info.value) == (
        "Không đọc được tệp 'so-lieu.xlsx': tệp hỏng hoặc không phải sổ tính .xlsx."
    )


def test_wrong_extension(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.xls"
    path.write_bytes(b"")
    with pytest.raises(IntakeError, match=r"không phải là sổ tính Excel \.xlsx"):
        read_workbook(path)


def test_papers_under_the_leaders_unit_need_its_symbol(edited: Make) -> None:
    path = edited(_form("Thông tin chung", "Ban hành văn bản dưới tên", "Đơn vị Cụm trưởng"))
    found = problems_of(path)
    expected = ("đơn vị làm Cụm trưởng cần có ký hiệu vì văn bản ban hành dưới tên đơn vị Cụm "
                "trưởng (trang 'Thông tin chung').")
    assert found == [
        f"Trang 'Thành viên', ô E2 (Ký hiệu đơn vị): {expected}",
        f"Trang 'Thành viên', ô E3 (Ký hiệu đơn vị): {expected}",
    ]


def test_papers_under_the_leaders_unit(edited: Make) -> None:
    path = edited(
        _form("Thông tin chung", "Ban hành văn bản dưới tên", "Đơn vị Cụm trưởng"),
        _cell("Thành viên", "Ký hiệu đơn vị", 1, "TTr"),
        _cell("Thành viên", "Ký hiệu đơn vị", 2, "TTr"),
    )
    from docgen.documents.shared.common import header
    from docgen.rules import outcome

    book = read_workbook(path)
    result = outcome(book)
    signing = book.signing_for("bao-cao-tong-ket")
    assert signing is not None
    doc = header(book, signing, "bao-cao-tong-ket", result.leader)
    assert doc["superior_lines"] == ["UBND TỈNH BẠC LIÊU"]
    assert doc["issuer_lines"] == ["THANH TRA TỈNH BẠC LIÊU"]
    assert doc["number_line"] == "Số: 26/BC-TTr"
    assert doc["date_line"] == "Bạc Liêu, ngày 22 tháng 12 năm 2021"


def test_every_column_of_the_workbook_reaches_the_model() -> None:
    """A column declared in the schema but absent from its model would be dropped silently."""
    import typing

    from docgen import model
    from docgen.intake import schema

    for sheet in schema.SHEETS:
        annotation = model.Workbook.model_fields[sheet.key].annotation
        cls = typing.get_args(annotation)[0] if typing.get_args(annotation) else annotation
        fields = set(cls.model_fields)
        missing = [c.field for c in sheet.columns if c.field not in fields]
        assert missing == [], f"{sheet.title}: {missing} not in {cls.__name__}"
