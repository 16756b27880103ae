"""The summary report's appendix of scores (Phụ lục, Decree 30 Mẫu 2.1).

On the sample and on the Khánh Hòa Khối of tests/other_clusters.py (twelve departments,
shared places). What a reader sees: the "Phụ lục" line without a numeral (the report has one
appendix), the title, the italic "(Kèm theo Báo cáo số … ngày … của …)" line built from the
report's own number, date and issuer; one column per criterion with its maximum; totals and
ranks exactly as the outcome and the report's score table give them; no header, number,
date, signature or recipients; A4 portrait, page numbers of its own; the bar chart of the
totals after the table when the workbook asks for it (and nothing of it otherwise); the
Decree 30 check.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Pt
from docx.table import Table

from docgen import rules
from docgen.build import build
from docgen.check import format_finding, lint
from docgen.intake import read_workbook
from docgen.model import Workbook
from docgen.vi import format_number
from tests.conftest import SAMPLE
from tests.docx_helpers import font_value
from tests.other_clusters import KH_CLUSTER
from tests.render_book import render_book, render_bytes

KIND = "phu-luc-diem"
REFERENCE = ("(Kèm theo Báo cáo số 26/BC-CTĐ ngày 22 tháng 12 năm 2021 của Cụm Thi đua Thanh "
             "tra các tỉnh miền Tây Nam sông Hậu)")


@pytest.fixture(scope="module")
def sample() -> Workbook:
    return read_workbook(SAMPLE)


@pytest.fixture(scope="module")
def khanh_hoa(khanh_hoa_book: Workbook) -> Workbook:
    return khanh_hoa_book  # written and read once a session (conftest)


@pytest.fixture(scope="module")
def appendix(sample: Workbook) -> Document:
    return render_book(sample, KIND)


def cells(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def lines(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def score_table(document: Document) -> list[list[str]]:
    (table,) = document.tables
    return cells(table)


def report_table(book: Workbook) -> list[list[str]]:
    """The summary report's score table (Xếp hạng | Đơn vị | criteria | Tổng điểm)."""
    report = render_book(book, "bao-cao-tong-ket")
    (table,) = [cells(t) for t in report.tables if t.rows[0].cells[0].text == "Xếp hạng"]
    return table


def test_opening_lines(appendix: Document) -> None:
    assert lines(appendix)[:4] == [
        "Phụ lục",
        "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM",
        "THI ĐUA NĂM 2021",
        REFERENCE,
    ]
    phu_luc = appendix.paragraphs[0]
    assert font_value(phu_luc, "bold") is True and font_value(phu_luc, "size") == Pt(14)
    reference = next(p for p in appendix.paragraphs if p.text == REFERENCE)
    assert font_value(reference, "italic") is True


def test_the_reference_follows_the_reports_signing_row(sample: Workbook) -> None:
    report = next(s for s in sample.signing if s.document == "bao-cao-tong-ket")
    moved = report.model_copy(update={"number": 3, "date": dt.date(2021, 12, 24)})
    book = sample.model_copy(update={"signing": [moved if s is report else s
                                                 for s in sample.signing]})
    assert lines(render_book(book, KIND))[3] == REFERENCE.replace(
        "26/BC-CTĐ ngày 22", "03/BC-CTĐ ngày 24")
    blank = report.model_copy(update={"number": None})
    book = sample.model_copy(update={"signing": [blank if s is report else s
                                                 for s in sample.signing]})
    assert lines(render_book(book, KIND))[3].startswith(
        "(Kèm theo Báo cáo số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-CTĐ ngày 22")


def test_columns_one_per_criterion_with_its_maximum(sample: Workbook,
                                                    appendix: Document) -> None:
    header = score_table(appendix)[0]
    assert header == ["STT", "Đơn vị", "TC1 (30)", "TC2 (25)", "TC3 (20)", "TC4 (10)",
                      "TC5 (10)", "TC6 (5)", "Tổng điểm", "Xếp hạng"]


def test_rows_totals_and_ranks_are_the_outcome_and_the_reports(sample: Workbook,
                                                                appendix: Document) -> None:
    ranking = rules.outcome(sample).ranking
    rows = score_table(appendix)[1:]
    assert [r[1] for r in rows] == [r.unit for r in ranking]
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(ranking) + 1)]
    assert [(r[-2], r[-1]) for r in rows] == [(format_number(x.total), str(x.rank))
                                             for x in ranking]
    report = report_table(sample)[1:]
    # the report prints the short names; the figures are the same, row for row
    assert [[r[0], *r[2:]] for r in report] == [[r[-1], *r[2:-1]] for r in rows]
    assert rows[3][-2:] == rows[4][-2:] == ["95", "4"]  # Cà Mau and An Giang share 4th


def test_no_header_number_date_signature_or_recipients(appendix: Document) -> None:
    text = lines(appendix)
    assert not any(x.startswith(("Số:", "Nơi nhận", "TM.", "CỘNG HÒA")) for x in text)
    assert len(appendix.tables) == 1


def test_a4_portrait_with_page_numbers_of_its_own(appendix: Document) -> None:
    (section,) = appendix.sections
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert section.different_first_page_header_footer
    codes = section.header.part.element.xpath(".//w:instrText/text()")
    assert [c.strip() for c in codes] == ["PAGE"]


def test_the_sample_passes_the_decree_30_check_as_a_final_paper(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    (path,) = build(SAMPLE, tmp_path_factory.mktemp("pl"), only=[KIND]).paths
    assert path.name == f"2021_cum-ix_{KIND}.docx"
    assert [format_finding(f) for f in lint(path, final=True)] == []


def test_khanh_hoa_twelve_rows_as_the_outcome_and_the_report(khanh_hoa: Workbook) -> None:
    document = render_book(khanh_hoa, KIND)
    text = lines(document)
    assert text[2] == "THI ĐUA NĂM 2025"
    assert text[3].startswith("(Kèm theo Báo cáo số ") and text[3].endswith(f"{KH_CLUSTER})")
    ranking = rules.outcome(khanh_hoa).ranking
    rows = score_table(document)[1:]
    assert len(rows) == 12
    assert [(r[1], r[-2], r[-1]) for r in rows] == [
        (x.unit, format_number(x.total), str(x.rank)) for x in ranking]
    report = report_table(khanh_hoa)[1:]
    assert [[r[0], *r[2:]] for r in report] == [[r[-1], *r[2:-1]] for r in rows]
    assert len({r[-1] for r in rows}) < 12  # shared places


def test_khanh_hoa_passes_the_decree_30_check(khanh_hoa: Workbook) -> None:
    assert [format_finding(f) for f in lint(render_bytes(khanh_hoa, KIND), final=True)] == []


def test_written_to_its_own_file(tmp_path: Path) -> None:
    paths = build(SAMPLE, tmp_path, only=[KIND, "bang-cham-diem"]).paths
    assert sorted(p.name for p in paths) == ["2021_cum-ix_bang-cham-diem.docx",
                                             "2021_cum-ix_phu-luc-diem.docx"]


# --------------------------------------------------------------------------- the chart


def chart_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                if name.startswith("word/charts/")}


def test_the_chart_follows_the_table_when_the_workbook_asks(sample: Workbook) -> None:
    assert sample.settings.score_chart
    data = render_bytes(sample, KIND)
    text = lines(docx.Document(io.BytesIO(data)))
    assert text[-1] == "Biểu đồ tổng điểm thi đua năm 2021"
    (xml,) = chart_parts(data).values()
    ranking = rules.outcome(sample).ranking
    values = re.findall(r"<c:numCache>.*</c:numCache>", xml)[0]
    assert re.findall(r"<c:v>([^<]*)</c:v>", values) == [f"{r.total:g}" for r in ranking]
    shown = [format_number(r.total) for r in ranking]
    assert [x for x in re.findall(r"<a:t>([^<]*)</a:t>", xml) if x in shown] == shown
    names = {m.name: m.short_name for m in sample.members}
    categories = re.findall(r"<c:cat>.*</c:cat>", xml)[0]
    assert re.findall(r"<c:v>([^<]*)</c:v>", categories) == [names[r.unit] for r in ranking]
    # titled once, by the paragraph above it: the chart itself has no title of its own
    assert '<c:chart><c:autoTitleDeleted val="1"/>' in xml
    assert "Tổng điểm thi đua năm" not in xml


def test_no_chart_when_the_workbook_does_not_ask(sample: Workbook,
                                                 khanh_hoa: Workbook) -> None:
    settings = sample.settings.model_copy(update={"score_chart": False})
    for book in (sample.model_copy(update={"settings": settings}), khanh_hoa):
        assert not book.settings.score_chart
        data = render_bytes(book, KIND)
        assert chart_parts(data) == {}
        assert not any(x.startswith("Biểu đồ") for x in lines(docx.Document(io.BytesIO(data))))


def test_the_report_points_at_the_appendix(sample: Workbook, khanh_hoa: Workbook) -> None:
    for book in (sample, khanh_hoa):
        report = lines(render_book(book, "bao-cao-tong-ket"))
        assert ("Kết quả chấm điểm, xếp hạng như sau (chi tiết tại Phụ lục kèm theo):"
                in report)


def test_a_cluster_issuing_under_its_leader_is_cited_as_the_report_is_numbered(
        sample: Workbook) -> None:
    leader = rules.outcome(sample).leader
    members = [m.model_copy(update={"abbr": "TTr"}) if m.name == leader.name else m
               for m in sample.members]
    book = sample.model_copy(update={
        "cluster": sample.cluster.model_copy(update={"issued_as": "leader"}),
        "members": members})
    report = render_book(book, "bao-cao-tong-ket")
    number = report.tables[0].cell(1, 0).text
    assert number == "Số: 26/BC-TTr"
    assert lines(render_book(book, KIND))[3] == (
        f"(Kèm theo Báo cáo số 26/BC-TTr ngày 22 tháng 12 năm 2021 của {leader.name})")
