"""The members' score sheets (Bảng chấm điểm thi đua, one section per member).

On the sample (every self-score row given; Hậu Giang loses 1 point on TC1, Sóc Trăng gains
0,5 on TC5, Cà Mau and An Giang share the 4th place) and on the Khánh Hòa Khối of
tests/other_clusters.py (twelve departments, no self-score sheet). What a reader sees: one
sheet per member with the header, the conference's date, the title and the member's name;
each criterion's maximum, self-score, plus, minus, the cluster's score, the difference and
the reason; the totals and the place exactly as the outcome, the summary report and the
proposal give them; a highlighted marker where the self-score is missing; the Cụm trưởng's
signature; no number, no Nơi nhận; A4 portrait; the Decree 30 check.
"""

from __future__ import annotations

import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Mm
from docx.table import Table

from docgen import rules
from docgen.build import build
from docgen.check import format_finding, lint
from docgen.documents.shared.fillin import PATTERN
from docgen.intake import read_workbook
from docgen.model import Workbook
from docgen.vi import format_number
from tests.conftest import SAMPLE
from tests.render_book import render_book, render_bytes

KIND = "bang-cham-diem"
TITLE = "BẢNG CHẤM ĐIỂM THI ĐUA NĂM"
HAU_GIANG, SOC_TRANG = "Thanh tra tỉnh Hậu Giang", "Thanh tra tỉnh Sóc Trăng"
CA_MAU, AN_GIANG = "Thanh tra tỉnh Cà Mau", "Thanh tra tỉnh An Giang"
HEADERS = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm cộng", "Điểm trừ",
           "Điểm Cụm chấm", "Chênh lệch", "Lý do cộng, trừ"]
SELF, PLUS, MINUS, SCORE, DIFFERENCE, REASON = 3, 4, 5, 6, 7, 8


@pytest.fixture(scope="module")
def sample() -> Workbook:
    return read_workbook(SAMPLE)


@pytest.fixture(scope="module")
def khanh_hoa(khanh_hoa_book: Workbook) -> Workbook:
    return khanh_hoa_book  # written and read once a session (conftest)


@pytest.fixture(scope="module")
def sheets(sample: Workbook) -> Document:
    return render_book(sample, KIND)


@pytest.fixture(scope="module")
def kh_sheets(khanh_hoa: Workbook) -> Document:
    return render_book(khanh_hoa, KIND)


def cells(table: Table) -> list[list[str]]:
    """Each row's cell texts, one per grid column (a merged cell repeats)."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def score_tables(document: Document) -> list[list[list[str]]]:
    """The sheets' bordered tables, in order."""
    return [cells(t) for t in document.tables if t.rows[0].cells[0].text == "STT"]


def names(document: Document) -> list[str]:
    """The line under each sheet's title: the member's name."""
    lines = [p.text for p in document.paragraphs]
    return [lines[i + 1] for i, line in enumerate(lines) if line.startswith(TITLE)]


def sheet_of(document: Document, unit: str) -> list[list[str]]:
    return score_tables(document)[names(document).index(unit)]


def row_of(table: list[list[str]], criterion: str) -> list[str]:
    (row,) = [r for r in table if r[1] == criterion]
    return row


def sentences(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs if " điểm, " in p.text]


def report_scores(book: Workbook) -> dict[str, tuple[str, str]]:
    """The summary report's score table: member (full name) -> (rank, total)."""
    report = render_book(book, "bao-cao-tong-ket")
    (table,) = [cells(t) for t in report.tables if t.rows[0].cells[0].text == "Xếp hạng"]
    short = {m.short_name: m.name for m in book.members}
    return {short[r[1]]: (r[0], r[-1]) for r in table[1:]}


# --------------------------------------------------------------------------- the sample


def test_one_sheet_per_member_in_the_members_order(sample: Workbook,
                                                   sheets: Document) -> None:
    assert names(sheets) == [m.name for m in sample.members]
    assert len(score_tables(sheets)) == len(sample.members)
    assert [p.text for p in sheets.paragraphs].count(f"{TITLE} 2021") == len(sample.members)


def test_each_sheet_is_a_section_of_its_own_on_a4_portrait(sample: Workbook,
                                                           sheets: Document) -> None:
    sections = list(sheets.sections)
    assert len(sections) == len(sample.members)
    for section in sections:
        assert section.orientation == WD_ORIENT.PORTRAIT
        assert section.page_width is not None and section.page_height is not None
        assert abs(section.page_width - Mm(210)) < Mm(0.5)
        assert abs(section.page_height - Mm(297)) < Mm(0.5)
        assert section.different_first_page_header_footer
    # each member's pages are numbered from 1
    starts = sheets.element.xpath("//w:sectPr/w:pgNumType/@w:start")
    assert starts == ["1"] * len(sample.members)


def test_columns_and_the_cluster_score_column_is_the_outcome(sample: Workbook,
                                                             sheets: Document) -> None:
    ranked = {r.unit: r for r in rules.outcome(sample).ranking}
    for unit, table in zip(names(sheets), score_tables(sheets), strict=True):
        assert table[0] == HEADERS
        body = table[1:-1]
        assert [r[1] for r in body] == [x.name for x in sample.criteria]
        assert [r[2] for r in body] == [format_number(x.max_points) for x in sample.criteria]
        assert [r[SCORE] for r in body] == [format_number(ranked[unit].points[x.code])
                                            for x in sample.criteria]
        assert table[-1][:3] == ["Tổng cộng", "Tổng cộng", "100"]
        assert table[-1][SCORE] == format_number(ranked[unit].total)


def test_a_minus_with_its_reason(sheets: Document) -> None:
    row = row_of(sheet_of(sheets, HAU_GIANG), "Công tác thanh tra")
    assert row[SELF:] == ["28,5", "0", "1", "27,5", "-1",
                          "Chưa hoàn thành 01 cuộc thanh tra theo kế hoạch năm 2021."]


def test_a_plus_with_its_reason(sheets: Document) -> None:
    row = row_of(sheet_of(sheets, SOC_TRANG), "Công tác thi đua, khen thưởng")
    assert row[SELF:REASON] == ["9,5", "0,5", "0", "10", "+0,5"]
    assert row[REASON].startswith("Có sáng kiến “Số hóa hồ sơ thi đua, khen thưởng”")


def test_no_adjustment_reads_zero_and_no_reason(sheets: Document) -> None:
    row = row_of(sheet_of(sheets, SOC_TRANG), "Công tác thanh tra")
    assert row[SELF:] == ["29,5", "0", "0", "29,5", "0", ""]


def test_the_total_row_sums_self_plus_and_minus(sheets: Document) -> None:
    total = sheet_of(sheets, HAU_GIANG)[-1]
    assert total[SELF:REASON] == ["93,5", "0", "1", "92,5", "-1"]


def test_totals_and_places_equal_the_outcome_and_the_report(sample: Workbook,
                                                            sheets: Document) -> None:
    ranking = rules.outcome(sample).ranking
    report = report_scores(sample)
    by_unit = dict(zip(names(sheets), score_tables(sheets), strict=True))
    for r in ranking:
        assert by_unit[r.unit][-1][SCORE] == report[r.unit][1] == format_number(r.total)
        assert report[r.unit][0] == str(r.rank)
    assert sentences(sheets) == [
        "Thanh tra tỉnh Bạc Liêu đạt 95,5/100 điểm, xếp thứ 3/7.",
        "Thanh tra tỉnh Kiên Giang đạt 97/100 điểm, xếp thứ 2/7.",
        f"{CA_MAU} đạt 95/100 điểm, đồng xếp thứ 4/7 (cùng {AN_GIANG}).",
        f"{SOC_TRANG} đạt 98,5/100 điểm, xếp thứ 1/7, dẫn đầu Cụm thi đua.",
        f"{HAU_GIANG} đạt 92,5/100 điểm, xếp thứ 7/7.",
        "Thanh tra thành phố Cần Thơ đạt 94/100 điểm, xếp thứ 6/7.",
        f"{AN_GIANG} đạt 95/100 điểm, đồng xếp thứ 4/7 (cùng {CA_MAU}).",
    ]


def test_places_equal_the_proposals_arguments(sample: Workbook, sheets: Document) -> None:
    proposal = [p.text for p in render_book(sample, "to-trinh").paragraphs]
    for unit in (SOC_TRANG, "Thanh tra tỉnh Kiên Giang"):
        (line,) = [x for x in proposal if x.startswith(f"- {unit}:")]
        (mine,) = [x for x in sentences(sheets) if x.startswith(unit)]
        total = mine.split(" đạt ")[1].split("/")[0]
        place = mine.split("xếp thứ ")[1].split(",")[0].rstrip(".")
        assert f"{total} điểm, xếp thứ {place}" in line


def test_header_date_and_signer_on_every_sheet(sample: Workbook, sheets: Document) -> None:
    n = len(sample.members)
    agency = [t.cell(0, 0).text for t in sheets.tables if "CỘNG HÒA" in t.cell(0, 1).text]
    assert len(agency) == n and all(a.startswith("THANH TRA CHÍNH PHỦ\nCỤM THI ĐUA")
                                    for a in agency)
    dates = [t.cell(1, 1).text for t in sheets.tables if "CỘNG HÒA" in t.cell(0, 1).text]
    assert dates == ["Bạc Liêu, ngày 20 tháng 12 năm 2021"] * n
    signers = [t.cell(0, 1).text for t in sheets.tables if "TM." in t.cell(0, 1).text]
    assert [s.split("\n") for s in signers] == [
        ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "CHÁNH THANH TRA TỈNH BẠC LIÊU", "", "", "", "",
         "Bùi Thanh Nguyên"]] * n


def test_no_number_and_no_recipients(sheets: Document) -> None:
    everything = [p.text for p in sheets.paragraphs]
    everything += [c.text for t in sheets.tables for row in t.rows for c in row.cells]
    assert not any(x.startswith("Số:") or "Nơi nhận" in x for x in everything)
    assert not any(PATTERN.search(x) for x in everything)


def test_the_sample_passes_the_decree_30_check_as_a_final_paper(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    (path,) = build(SAMPLE, tmp_path_factory.mktemp("bcd"), only=[KIND]).paths
    assert path.name == f"2021_cum-ix_{KIND}.docx"
    assert [format_finding(f) for f in lint(path, final=True)] == []


# --------------------------------------------------------------------------- Khánh Hòa


def test_khanh_hoa_twelve_sheets_by_the_khoi(khanh_hoa: Workbook, kh_sheets: Document) -> None:
    assert not khanh_hoa.self_scores  # the case: no self-score sheet at all
    assert names(kh_sheets) == [m.name for m in khanh_hoa.members]
    assert len(names(kh_sheets)) == 12
    assert score_tables(kh_sheets)[0][0][SCORE] == "Điểm Khối chấm"
    signer = [t.cell(0, 1).text for t in kh_sheets.tables if "TM." in t.cell(0, 1).text]
    assert len(signer) == 12 and signer[0].startswith("TM. KHỐI THI ĐUA\nTRƯỞNG KHỐI\n")


def test_khanh_hoa_missing_self_scores_are_highlighted_markers(khanh_hoa: Workbook,
                                                               kh_sheets: Document) -> None:
    for table in kh_sheets.tables:
        if table.rows[0].cells[0].text != "STT":
            continue
        for row in list(table.rows)[1:]:
            cell = row.cells[SELF]
            assert cell.text == "[Bổ sung: tự chấm]"
            (marked,) = [r for r in cell.paragraphs[0].runs if r.text]
            assert marked.font.highlight_color == WD_COLOR_INDEX.YELLOW
            # never a guessed figure beside it
            assert [row.cells[i].text for i in (PLUS, MINUS, DIFFERENCE, REASON)] == [""] * 4


def test_khanh_hoa_totals_and_places_equal_the_outcome_and_the_report(
        khanh_hoa: Workbook, kh_sheets: Document) -> None:
    ranking = rules.outcome(khanh_hoa).ranking
    report = report_scores(khanh_hoa)
    by_unit = dict(zip(names(kh_sheets), score_tables(kh_sheets), strict=True))
    said = {s.split(" đạt ")[0]: s for s in sentences(kh_sheets)}
    for r in ranking:
        assert by_unit[r.unit][-1][SCORE] == report[r.unit][1] == format_number(r.total)
        assert report[r.unit][0] == str(r.rank)
        tied = [x.unit for x in ranking if x.rank == r.rank and x.unit != r.unit]
        place = f"xếp thứ {r.rank}/12"
        assert (f"đồng {place} (cùng {', '.join(tied)})" if tied else place) in said[r.unit]
    assert any(len([x for x in ranking if x.rank == r.rank]) > 1 for r in ranking)


def test_khanh_hoa_passes_the_decree_30_check_as_a_draft(khanh_hoa: Workbook) -> None:
    findings = lint(render_bytes(khanh_hoa, KIND))
    assert [f.rule_id for f in findings if f.severity == "error"] == []
    assert {f.rule_id for f in findings} == {"text.fill-in"}
