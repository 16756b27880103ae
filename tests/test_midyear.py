"""The mid-year review (Báo cáo sơ kết 6 tháng): a workbook whose period is the first six
months builds this one paper, with the half year's figures compared with the same period of
the previous year, and no scoring, voting or election; built into the year's archived set,
it leaves the year-end papers as they were.

Read on the mid-year sample (samples/cum-ix-2021-6-thang.xlsx, tools/make_sample_midyear.py)
and on the Khánh Hòa Khối (tests/other_clusters.py) switched to the half-year period.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.table import Table

from docgen.build import build
from docgen.cli import main
from docgen.documents.shared.common import rate as rate_words
from docgen.intake import read_workbook
from docgen.model import Narrative, Signing, Workbook
from docgen.vi import format_number
from tests.docx_helpers import all_text, paragraph_texts
from tests.other_clusters import departments
from tests.render_book import render_bytes

ROOT = Path(__file__).resolve().parent.parent
MIDYEAR = ROOT / "samples" / "cum-ix-2021-6-thang.xlsx"
YEAR_SAMPLE = ROOT / "samples" / "cum-ix-2021.xlsx"
KIND = "bao-cao-so-ket"
FILE = f"2021_cum-ix_{KIND}.docx"
FIELDS = ("inspections", "violations_money", "recovery_money", "violations_land",
          "disciplined", "transferred", "receptions", "petitions")
MONEY = {"violations_money", "recovery_money"}
HEADINGS = [
    "I. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG 6 THÁNG ĐẦU NĂM 2021",
    "1. Công tác lãnh đạo, chỉ đạo, quán triệt",
    "2. Tổ chức các phong trào thi đua",
    "3. Kết quả thực hiện nhiệm vụ chính trị",
    "4. Công tác khen thưởng",
    "II. ĐÁNH GIÁ CHUNG",
    "1. Ưu điểm",
    "2. Hạn chế, nguyên nhân",
    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021",
    "IV. ĐỀ XUẤT, KIẾN NGHỊ",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return list(build(MIDYEAR, tmp_path_factory.mktemp("midyear")).paths)


@pytest.fixture(scope="module")
def review(built: list[Path]) -> Document:
    (path,) = built
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def book() -> Workbook:
    return read_workbook(MIDYEAR)


def _sums(rows: list[object]) -> dict[str, Decimal]:
    return {f: sum((Decimal(str(getattr(r, f))) for r in rows), Decimal(0)) for f in FIELDS}


def _printed(field: str, amount: Decimal) -> str:
    """A figure as the workbook's reader expects it: money in triệu đồng."""
    return format_number(amount / 1_000_000 if field in MONEY else amount)


def _table_with(document: Document, header: str) -> Table:
    for table in document.tables:
        if header in [c.text for c in table.rows[0].cells]:
            return table
    raise AssertionError(f"no table headed {header!r}")


def _cells(row: object) -> list[str]:
    return [c.text for c in row.cells]  # type: ignore[attr-defined]


def _headings(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs
            if p.style is not None and p.style.name.startswith("Heading")]


def test_the_midyear_sample_builds_only_the_review(built: list[Path]) -> None:
    assert [p.name for p in built] == [FILE]


def test_the_sample_is_a_half_year_without_scores_or_votes(book: Workbook) -> None:
    assert book.settings.period == "half"
    assert (book.scores, book.votes, book.self_scores) == ([], [], [])
    assert [s.document for s in book.signing] == [KIND]
    assert {r.year for r in book.results_previous} == {2020}


def test_header_title_and_addressee(review: Document) -> None:
    text = all_text(review)
    assert "Số: 12/BC-CTĐ" in text
    assert "Bạc Liêu, ngày 20 tháng 7 năm 2021" in text
    paragraphs = paragraph_texts(review)
    title = paragraphs.index("BÁO CÁO")
    assert paragraphs[title + 1] == (
        "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2021 và phương hướng, nhiệm vụ "
        "6 tháng cuối năm 2021 của Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu")
    assert "Kính gửi: Thanh tra Chính phủ (Vụ Tổ chức cán bộ)." in paragraphs


def test_it_opens_with_the_conference_and_what_it_reports_on(review: Document) -> None:
    paragraphs = paragraph_texts(review)
    start = paragraphs.index("Kính gửi: Thanh tra Chính phủ (Vụ Tổ chức cán bộ).")
    assert paragraphs[start + 1] == (
        "Ngày 15/7/2021, Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu tổ chức Hội nghị "
        "trực tuyến sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2021. Hội nghị do đồng "
        "chí Bùi Thanh Nguyên, Chánh Thanh tra tỉnh Bạc Liêu, Cụm trưởng và đồng chí Nguyễn Văn "
        "Đức, Chánh Thanh tra tỉnh Kiên Giang, Cụm phó chủ trì.")
    assert paragraphs[start + 2].startswith(
        "Thực hiện Kế hoạch số 108/KH-TTCP ngày 13/01/2021 của Thanh tra Chính phủ")
    assert paragraphs[start + 2].endswith(
        "báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2021 và phương hướng, "
        "nhiệm vụ 6 tháng cuối năm 2021 như sau:")


def test_headings_follow_the_year_end_outline_on_the_half_year(review: Document) -> None:
    assert _headings(review) == HEADINGS


def test_the_members_table_totals_are_the_workbooks_half_year_sums(
        review: Document, book: Workbook) -> None:
    table = _table_with(review, "Đơn vị")
    sums = _sums(list(book.results))
    total = _cells(table.rows[-1])
    assert total[0] == "Tổng cộng"
    assert total[-len(FIELDS):] == [_printed(f, sums[f]) for f in FIELDS]
    assert sums["inspections"] == 109  # the sample's seven rows: 13 + 19 + 15 + 17 + 11 + 16 + 18
    assert len(table.rows) == 1 + len(book.results) + 1


def test_the_totals_table_compares_with_the_same_half_of_the_previous_year(
        review: Document, book: Workbook) -> None:
    table = _table_with(review, "Chỉ tiêu")
    assert _cells(table.rows[0]) == ["STT", "Chỉ tiêu", "6 tháng đầu năm 2020",
                                     "6 tháng đầu năm 2021",
                                     "Tăng, giảm so với cùng kỳ năm 2020"]
    now, before = _sums(list(book.results)), _sums(list(book.results_previous))
    for row, field in zip(table.rows[1:], FIELDS, strict=True):
        cells = _cells(row)
        rate = (now[field] - before[field]) * 100 / before[field]
        change = "không đổi" if rate == 0 else (
            f"{'tăng' if rate > 0 else 'giảm'} {rate_words(abs(rate))}")
        assert cells[2:] == [_printed(field, before[field]), _printed(field, now[field]),
                             change], field
    # 109 inspections against 100 in the first half of 2020.
    assert _cells(table.rows[1])[2:] == ["100", "109", "tăng 9%"]


def test_sentences_compare_with_the_same_period_never_the_whole_year(
        review: Document) -> None:
    paragraphs = paragraph_texts(review)
    assert any(p.startswith("Trong 6 tháng đầu năm 2021, toàn Cụm đã tiến hành 109 cuộc thanh "
                            "tra, tăng 9% so với cùng kỳ năm 2020; phát hiện sai phạm về tiền "
                            "78.112 triệu đồng, tăng 10,8%;") for p in paragraphs)
    assert ("- Thanh tra tỉnh Bạc Liêu: tiến hành 13 cuộc thanh tra, tăng 8,3% so với cùng kỳ "
            "năm 2020;") in " ".join(paragraphs)
    text = all_text(review)
    assert text.count("so với cùng kỳ năm 2020") >= 8
    assert "so với năm 2020" not in text


def test_the_half_years_awards_are_counted(review: Document) -> None:
    assert ("Trong 6 tháng đầu năm 2021, các thành viên Cụm có 1 lượt tập thể và 9 lượt cá "
            "nhân được khen thưởng, cụ thể như sau:") in paragraph_texts(review)
    table = _table_with(review, "Cấp quyết định")
    assert _cells(table.rows[-1])[-2:] == ["1", "9"]


def test_no_scoring_voting_or_election(review: Document) -> None:
    text = all_text(review)
    for absent in ("Kiểm tra, chấm điểm, bình xét", "Xếp hạng", "Tổng điểm", "phiếu",
                   "Tỷ lệ", "đề nghị khen thưởng", "năm 2022", "Cụm trưởng năm"):
        assert absent not in text, absent
    headers = [_cells(t.rows[0]) for t in review.tables]
    assert not any("Điểm" in " ".join(h) for h in headers)


def test_without_awards_or_prose_the_awards_part_asks_for_them(book: Workbook) -> None:
    # No award of the half year and no I.4 paragraph: a marker for a person to fill, never a
    # bare heading; an I.5 paragraph typed in a mid-year workbook is printed, alone.
    narratives = [n for n in book.narratives if n.section != "I.4"]
    checked = Narrative(section="I.5", text="Cụm trưởng đã đôn đốc các thành viên gửi báo "
                        "cáo sơ kết đúng hạn.")
    changed = book.model_copy(update={
        "awards": [a for a in book.awards if a.year != book.cluster.year],
        "narratives": [*narratives, checked]})
    review = docx.Document(io.BytesIO(render_bytes(changed, KIND)))
    paragraphs = paragraph_texts(review)
    part = paragraphs[paragraphs.index("4. Công tác khen thưởng") + 1:
                      paragraphs.index("II. ĐÁNH GIÁ CHUNG")]
    assert [p for p in part if p] == [
        "[Bổ sung: kết quả công tác khen thưởng 6 tháng đầu năm 2021 của các thành viên (danh "
        "hiệu thi đua, hình thức khen thưởng, số tập thể, cá nhân)]",
        "5. Kiểm tra, đôn đốc",
        "Cụm trưởng đã đôn đốc các thành viên gửi báo cáo sơ kết đúng hạn.",
    ]
    assert not any("Cấp quyết định" in _cells(t.rows[0]) for t in review.tables)


def test_the_second_halfs_tasks_are_numbered(review: Document) -> None:
    paragraphs = paragraph_texts(review)
    start = paragraphs.index("III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021")
    end = paragraphs.index("IV. ĐỀ XUẤT, KIẾN NGHỊ")
    part = [p for p in paragraphs[start + 1:end] if p]
    assert part[0] == "Sáu tháng cuối năm 2021, Cụm tập trung thực hiện các nhiệm vụ trọng tâm sau:"
    assert [p[:3] for p in part[1:]] == ["1. ", "2. ", "3. "]
    assert part[1].startswith("1. Tiếp tục thực hiện các chỉ tiêu của Giao ước thi đua năm 2021")


def test_signed_by_the_cluster_leader_with_the_rows_recipients(review: Document) -> None:
    text = all_text(review)
    for line in ("TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "CHÁNH THANH TRA TỈNH BẠC LIÊU",
                 "Bùi Thanh Nguyên", "- Như trên;", "- Các thành viên Cụm thi đua;",
                 "- Lãnh đạo Thanh tra tỉnh Bạc Liêu;", "- Lưu: VT, CTĐ."):
        assert line in text, line
    assert ("Trên đây là báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2021 và "
            "phương hướng, nhiệm vụ 6 tháng cuối năm 2021 của Cụm Thi đua Thanh tra các tỉnh "
            "miền Tây Nam sông Hậu./.") in paragraph_texts(review)


def test_the_review_passes_the_decree_30_lint(built: list[Path],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(built[0])]) == 0
    assert "đạt thể thức Nghị định 30/2020/NĐ-CP" in capsys.readouterr().out


def test_a_year_end_paper_is_refused_for_a_half_year(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(MIDYEAR), "--out", str(tmp_path), "--only", "giay-moi"]) == 1
    assert capsys.readouterr().err.strip() == (
        "Lỗi: Loại văn bản 'giay-moi' không lập cho kỳ báo cáo “6 tháng đầu năm” của sổ tính "
        "(trang 'Cài đặt', “Kỳ báo cáo”).")
    assert not any(tmp_path.rglob("*.docx"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_mid_year_review_is_a_set_of_its_own_beside_the_years(tmp_path: Path) -> None:
    """Its own workbook and its own finalizing: the year's set and its source stay as they
    were, and each set's manifest names its own workbook."""
    built = build(YEAR_SAMPLE, tmp_path, only=["bao-cao-tong-ket", "to-trinh"])
    before = {p.name: _digest(p) for p in built.folder.iterdir() if p.is_file()}
    review = build(MIDYEAR, tmp_path)
    (path,) = review.paths
    assert path.name == FILE
    assert review.folder == tmp_path / "2021" / "cum-ix-so-ket"
    assert built.folder == tmp_path / "2021" / "cum-ix"
    assert {p.name: _digest(p) for p in built.folder.iterdir() if p.is_file()} == before
    mid = json.loads((review.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [f["kind"] for f in mid["files"]] == [KIND]
    assert mid["workbook"]["original"] == MIDYEAR.name
    year = json.loads((built.folder / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(f["kind"] for f in year["files"]) == ["bao-cao-tong-ket", "to-trinh"]
    assert year["workbook"]["original"] == YEAR_SAMPLE.name
    assert (built.folder / year["workbook"]["file"]).is_file()


def _khoi_half_year(tmp_path: Path) -> Workbook:
    """The Khánh Hòa Khối's workbook switched to the half year: its meeting is the sơ kết
    of 15 July, and the review has its row (09, 18 July)."""
    book = read_workbook(departments(tmp_path / "khanh-hoa.xlsx"))
    year = book.cluster.year
    report = next(s for s in book.signing if s.document == "bao-cao-tong-ket")
    row = Signing(**{**report.model_dump(), "document": KIND, "number": 9,
                     "date": dt.date(year, 7, 18)})
    return book.model_copy(update={
        "settings": book.settings.model_copy(update={"period": "half"}),
        "conference": book.conference.model_copy(update={"date": dt.date(year, 7, 15)}),
        "signing": [*book.signing, row]})


def test_a_khoi_names_itself_and_compares_with_its_same_period(tmp_path: Path) -> None:
    book = _khoi_half_year(tmp_path)
    review = docx.Document(io.BytesIO(render_bytes(book, KIND)))
    text = all_text(review)
    year = book.cluster.year
    assert f"Ngày 15/7/{year}, Khối thi đua các sở, ngành tổng hợp tỉnh Khánh Hòa tổ chức Hội " \
        f"nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {year}." in text
    assert "Trưởng Khối và đồng chí" in text
    assert f"Trong 6 tháng đầu năm {year}, toàn Khối đã tiến hành" in text
    assert f"so với cùng kỳ năm {year - 1}" in text
    assert f"so với năm {year - 1}" not in text
    assert "Số: 09/BC-" in text
    assert _headings(review)[0] == (
        f"I. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG 6 THÁNG ĐẦU NĂM {year}")
    sums = _sums(list(book.results))
    total = _cells(_table_with(review, "Đơn vị").rows[-1])
    assert total[-len(FIELDS):] == [_printed(f, sums[f]) for f in FIELDS]
    for absent in ("Xếp hạng", "Tổng điểm", "phiếu", f"năm {year + 1}"):
        assert absent not in text, absent
