"""The last year of an emulation period: the year-end report cites each year of the period
as the archive's workbook of that year says (issue 15, item 6).

Workbooks of earlier years are the sample moved to another year (its dates, the results'
year column and the timeline's deadlines), each year with its own inspections count
(237 + 7 × (year − 2016): every member +1 a year) and, in 2018, another member first.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from itertools import pairwise
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from docgen.build import build
from docgen.check import lint
from docgen.errors import Problem, ValidationFailed
from docgen.intake import read_workbook
from docgen.intake.yearly import rollover
from tests.conftest import SAMPLE

REPORT = "2021_cum-ix_bao-cao-tong-ket.docx"
HEADING = "6. Kết quả thực hiện phong trào thi đua giai đoạn 2017-2021"
COLUMNS = ["Năm", "Số cuộc thanh tra", "Sai phạm về tiền (triệu đồng)",
           "Kiến nghị thu hồi (triệu đồng)", "Kiến nghị xử lý (tập thể, cá nhân)",
           "Dẫn đầu Cụm", "Khen thưởng đề nghị"]
AWARDS = ("Cờ thi đua của Thanh tra Chính phủ: Thanh tra tỉnh Sóc Trăng; Bằng khen của "
          "Tổng Thanh tra Chính phủ: Thanh tra tỉnh Kiên Giang")


def _inspections(year: int) -> str:
    return str(237 + 7 * (year - 2016))


def _row(year: int, leader: str = "Sóc Trăng") -> list[str]:
    return [str(year), _inspections(year), "170.947", "99.547", "348",
            f"{leader} (98,5 điểm)", AWARDS]


def _swap_units(wb: openpyxl.Workbook, a: str, b: str) -> None:
    """Swap two members' rows of scores (and self-scores), so the other one ranks first."""
    for title in ("Chấm điểm", "Tự chấm điểm"):
        for row in wb[title].iter_rows(min_row=2):
            if row[0].value == a:
                row[0].value = b
            elif row[0].value == b:
                row[0].value = a


def year_workbook(path: Path, year: int, period: str | None = "2017-2021",
                  first: str | None = None) -> Path:
    """The sample moved to `year`, with the period setting typed (row 'Giai đoạn thi đua')
    and, with `first`, that member's scores swapped with Sóc Trăng's."""
    wb = openpyxl.load_workbook(SAMPLE)
    shift = year - 2021
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.datetime):
                    cell.value = cell.value.replace(year=cell.value.year + shift)
    wb["Thông tin chung"]["B4"] = year
    for row in wb["Kết quả công tác"].iter_rows(min_row=2):
        if isinstance(row[9].value, int):
            row[9].value += shift
        elif isinstance(row[1].value, int):  # this year's row: one more inspection a year
            row[1].value += year - 2016
    for row in wb["Lịch thực hiện"].iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = re.sub(r"(?<=/)(20\d\d)\b", lambda m: str(int(m[1]) + shift),
                                    cell.value)
    if first is not None:
        _swap_units(wb, "Thanh tra tỉnh Sóc Trăng", first)
    if period is not None:
        settings = wb["Cài đặt"]
        line = settings.max_row + 1
        settings.cell(row=line, column=1, value="Giai đoạn thi đua")
        settings.cell(row=line, column=2, value=period)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _archive(root: Path, years: list[int]) -> None:
    for year in years:
        first = "Thanh tra tỉnh Cà Mau" if year == 2018 else None
        book = year_workbook(root.parent / "so" / f"cum-ix-{year}.xlsx", year, first=first)
        build(book, root, only=["bao-cao-tong-ket"])


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive with 2017, 2018 and 2020 of the period 2017-2021 (no 2019)."""
    root = tmp_path_factory.mktemp("period") / "reports"
    _archive(root, [2017, 2018, 2020])
    return root


def _copy(archive: Path, tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    shutil.copytree(archive, root)
    return root


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _table_after(path: Path, lead: str) -> list[list[str]]:
    """The cells of the table right after the paragraph reading `lead`, each merged cell
    once."""
    blocks = list(docx.Document(str(path)).iter_inner_content())
    for block, after in pairwise(blocks):
        if isinstance(block, Paragraph) and block.text == lead:
            assert isinstance(after, Table)
            return [[cell.text for cell in _unique(row.cells)] for row in after.rows]
    raise AssertionError(f"no paragraph {lead!r}")


def _unique(cells: list[_Cell]) -> list[_Cell]:
    out: list[_Cell] = []
    for cell in cells:
        if not out or cell._tc is not out[-1]._tc:
            out.append(cell)
    return out


def _has_history(text: list[str]) -> bool:
    return any(line.startswith(("6. Kết quả thực hiện phong trào thi đua giai đoạn",
                                "Kết quả chủ yếu từng năm")) for line in text)


def _build_last(root: Path, tmp_path: Path, period: str = "2017-2021"
                ) -> tuple[Path, list[Problem]]:
    warnings: list[Problem] = []
    book = year_workbook(tmp_path / "cum-ix-2021.xlsx", 2021, period)
    built = build(book, root, only=["bao-cao-tong-ket"], warnings=warnings)
    return built.folder / REPORT, warnings


def test_the_last_year_prints_every_year_as_its_archived_workbook_says(
        archive: Path, tmp_path: Path) -> None:
    root = _copy(archive, tmp_path)
    _archive(root, [2019])
    report, warnings = _build_last(root, tmp_path)
    assert warnings == []
    text = _paragraphs(report)
    assert HEADING in text and _has_history(text)
    # after the scores and votes of I.5, before II
    assert text.index(HEADING) < text.index("II. ĐÁNH GIÁ CHUNG")
    assert text.index("5. Kiểm tra, chấm điểm, bình xét") < text.index(HEADING)
    rows = _table_after(report, "Kết quả chủ yếu từng năm của giai đoạn 2017-2021:")
    assert rows == [COLUMNS, _row(2017), _row(2018, "Cà Mau"), _row(2019), _row(2020),
                    _row(2021)]
    # 244 + 251 + 258 + 265 + 272 inspections; every other figure five times 2021's
    assert text[text.index(HEADING) + 1] == (
        "Trong giai đoạn 2017-2021, toàn Cụm đã tiến hành 1.290 cuộc thanh tra; phát hiện "
        "sai phạm về tiền 854.735 triệu đồng; kiến nghị thu hồi 497.735 triệu đồng; phát "
        "hiện sai phạm về đất 1.286.514,5 m²; kiến nghị xử lý 1.740 tập thể, cá nhân; "
        "chuyển cơ quan điều tra 40 vụ; tiếp 15.655 lượt công dân; giải quyết 4.460 đơn "
        "khiếu nại, tố cáo.")
    assert not any("[Bổ sung" in line for line in text)
    assert [f for f in lint(report) if f.severity == "error"] == []


def test_a_year_missing_from_the_archive_is_a_fill_in_and_a_warning(
        archive: Path, tmp_path: Path) -> None:
    report, warnings = _build_last(_copy(archive, tmp_path), tmp_path)
    rows = _table_after(report, "Kết quả chủ yếu từng năm của giai đoạn 2017-2021:")
    assert rows[3] == ["2019", "[Bổ sung: số liệu năm 2019 (không có trong kho lưu)]"]
    assert rows[1] == _row(2017) and rows[2] == _row(2018, "Cà Mau")
    assert rows[4:] == [_row(2020), _row(2021)]
    text = _paragraphs(report)
    assert text[text.index(HEADING) + 1] == (
        "[Bổ sung: tổng hợp kết quả giai đoạn 2017-2021 sau khi bổ sung số liệu năm 2019]")
    [warning] = warnings
    assert str(warning) == (
        f"Trang 'Cài đặt', ô B9 (Giai đoạn thi đua): giai đoạn 2017-2021: không có bộ văn "
        f"bản năm 2019 trong kho lưu '{tmp_path / 'reports'}'; báo cáo tổng kết để chỗ cần "
        "bổ sung số liệu năm 2019.")
    assert [f for f in lint(report) if f.severity == "error"] == []


def test_an_archived_workbook_changed_since_is_missing_never_guessed(
        archive: Path, tmp_path: Path) -> None:
    root = _copy(archive, tmp_path)
    [source] = (root / "2018" / "cum-ix" / "nguon").iterdir()
    source.write_bytes(source.read_bytes()[:1000])
    report, warnings = _build_last(root, tmp_path)
    rows = _table_after(report, "Kết quả chủ yếu từng năm của giai đoạn 2017-2021:")
    assert rows[2] == ["2018",
                       "[Bổ sung: số liệu năm 2018 (sổ tính lưu trong kho không đọc được)]"]
    assert [str(w).split(": giai đoạn 2017-2021: ")[1] for w in warnings] == [
        f"sổ tính nguồn {source} đã bị thay đổi sau khi lưu (không khớp danh mục tệp); "
        "báo cáo tổng kết để chỗ cần bổ sung số liệu năm 2018.",
        f"không có bộ văn bản năm 2019 trong kho lưu '{root}'; báo cáo tổng kết để chỗ cần "
        "bổ sung số liệu năm 2019."]


def test_a_year_not_last_of_its_period_prints_no_history(archive: Path,
                                                         tmp_path: Path) -> None:
    """2020 of 2017-2021 with the earlier years archived: the report is the one without a
    period setting."""
    root = _copy(archive, tmp_path)
    with_period = year_workbook(tmp_path / "a" / "cum-ix-2020.xlsx", 2020)
    without = year_workbook(tmp_path / "b" / "cum-ix-2020.xlsx", 2020, period=None)
    name = REPORT.replace("2021", "2020")
    first = build(with_period, root, only=["bao-cao-tong-ket"]).folder / name
    text = _paragraphs(first)
    other = build(without, tmp_path / "other", only=["bao-cao-tong-ket"]).folder / name
    assert text == _paragraphs(other)
    assert not _has_history(text)


def test_the_sample_without_the_setting_has_no_history(tmp_path: Path) -> None:
    book = read_workbook(SAMPLE)
    assert book.settings.emulation_period is None and book.period_history == []
    report = build(SAMPLE, tmp_path, only=["bao-cao-tong-ket"]).folder / REPORT
    text = _paragraphs(report)
    assert not _has_history(text)


@pytest.mark.parametrize(("typed", "message"), [
    ("2022-2026", "năm thi đua 2021 (trang 'Thông tin chung', ô B4) không thuộc giai đoạn "
                  "2022-2026."),
    ("2025-2021", "“2025-2021”: năm đầu 2025 phải trước năm cuối 2021."),
    ("2021", "“2021” không phải là một giai đoạn: ghi năm đầu và năm cuối, ví dụ "
             "2021-2025."),
    ("năm 2021 đến 2025", "“năm 2021 đến 2025” không phải là một giai đoạn: ghi năm đầu và "
                          "năm cuối, ví dụ 2021-2025."),
])
def test_a_period_that_is_not_the_years_is_refused_naming_the_cell(
        tmp_path: Path, typed: str, message: str) -> None:
    book = year_workbook(tmp_path / "cum-ix-2021.xlsx", 2021, typed)
    with pytest.raises(ValidationFailed) as caught:
        read_workbook(book)
    assert [str(p) for p in caught.value.problems] == [
        f"Trang 'Cài đặt', ô B9 (Giai đoạn thi đua): {message}"]


@pytest.mark.parametrize("typed", ["2017-2021", "2017 – 2021", " 2017—2021 "])
def test_a_period_is_read_as_its_first_and_last_year(tmp_path: Path, typed: str) -> None:
    book = read_workbook(year_workbook(tmp_path / "cum-ix-2021.xlsx", 2021, typed))
    assert book.settings.period_years == (2017, 2021)


def test_a_build_of_other_kinds_reads_no_history(archive: Path, tmp_path: Path) -> None:
    """Only the report cites the period: building the invitation alone warns of nothing."""
    warnings: list[Problem] = []
    book = year_workbook(tmp_path / "cum-ix-2021.xlsx", 2021)
    build(book, _copy(archive, tmp_path), only=["giay-moi"], warnings=warnings)
    assert warnings == []


@pytest.mark.parametrize(("period", "kept"), [("2021-2025", "2021-2025"), ("2017-2021", None)])
def test_next_years_workbook_keeps_the_period_while_it_lasts(
        tmp_path: Path, period: str, kept: str | None) -> None:
    source = year_workbook(tmp_path / "cum-ix-2021.xlsx", 2021, period)
    rollover(source, tmp_path / "cum-ix-2022.xlsx")
    settings = openpyxl.load_workbook(tmp_path / "cum-ix-2022.xlsx")["Cài đặt"]
    values = {row[0].value: row[1].value for row in settings.iter_rows(min_row=2)}
    assert values["Giai đoạn thi đua"] == kept
