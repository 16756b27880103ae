"""Build the achievement reports (bao-cao-thanh-tich) and read them as a reader would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import Table
from docx_helpers import all_text, font_value, format_value, paragraph_with

from docgen.build import TEMPLATES_DIR, build, check
from docgen.check import lint
from docgen.documents.achievements import context as achievements
from docgen.model import Workbook
from docgen.render import Template
from tests.achievement_docs import (
    cell_lines,
    marked_runs_are_highlighted,
    markers,
    money,
    name_line,
    opened,
    rate,
    render,
    texts,
)
from tests.conftest import SAMPLE, set_cell

PREFIX = "2021_cum-ix_bao-cao-thanh-tich-"
FLAG = "Cờ thi đua của Thanh tra Chính phủ"
MERIT = "Bằng khen của Tổng Thanh tra Chính phủ"
HEADINGS = ["I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", "1. Đặc điểm, tình hình",
            "2. Chức năng, nhiệm vụ", "II. THÀNH TÍCH ĐẠT ĐƯỢC",
            "1. Kết quả thực hiện nhiệm vụ được giao",
            "2. Các biện pháp, giải pháp công tác, phong trào thi đua, sáng kiến",
            "3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; công "
            "tác xây dựng Đảng và đoàn thể",
            "4. Đối chiếu với tiêu chuẩn {award}",
            "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "1. Danh hiệu thi đua",
            "2. Hình thức khen thưởng"]
TLDXS = "Tập thể lao động xuất sắc"
# The markers of a unit with no address or phone in the members sheet, in order.
MARKERS = [
    "[Bổ sung: địa chỉ trụ sở]",
    "[Bổ sung: số điện thoại]",
    "[Bổ sung: năm thành lập, các mốc hình thành và phát triển của đơn vị]",
    "[Bổ sung: lãnh đạo đơn vị; các phòng, bộ phận trực thuộc]",
    "[Bổ sung: tổ chức đảng, Công đoàn, Đoàn Thanh niên, các đoàn thể và kết quả xếp loại]",
    "[Bổ sung: trụ sở làm việc, trang thiết bị, ứng dụng công nghệ thông tin]",
    "[Bổ sung: kết quả thực hiện các nhiệm vụ khác được giao trong năm]",
    "[Bổ sung: các biện pháp, giải pháp đơn vị đã thực hiện; sáng kiến, mô hình mới, đề tài "
    "và hiệu quả áp dụng]",
    "[Bổ sung: việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; kết "
    "quả xây dựng tổ chức đảng, Công đoàn, Đoàn Thanh niên và các đoàn thể]",
]

# What each unit's report must say (sample workbook, sheets "Thành viên", "Chấm điểm",
# "Hình thức khen thưởng", "Khen thưởng"); its figures are read from the workbook itself.
UNITS: dict[str, dict[str, Any]] = {
    "soc-trang": {
        "header": ["UBND TỈNH SÓC TRĂNG", "THANH TRA TỈNH SÓC TRĂNG"],
        "date": "Sóc Trăng, ngày 20 tháng 12 năm 2021",
        "award": "ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA THANH TRA CHÍNH PHỦ NĂM 2021",
        "full_award": FLAG,
        "name": "Thanh tra tỉnh Sóc Trăng",
        "head": "Lâm Văn Phước",
        "standing": "đạt 98,5/100 điểm, xếp thứ 1/7, dẫn đầu Cụm",
        "criteria": f"Tiêu chuẩn: {FLAG} xét tặng cho tập thể dẫn đầu Cụm thi đua.",
        "facts": ["là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Sóc Trăng"],
        "titles": [
            ["2019", TLDXS, "Quyết định số 412/QĐ-UBND ngày 24/02/2020 của Chủ tịch UBND tỉnh "
             "Sóc Trăng"],
            ["2020", TLDXS, "Quyết định số 389/QĐ-UBND ngày 22/02/2021 của Chủ tịch UBND tỉnh "
             "Sóc Trăng"],
        ],
        "merits": [
            ["2020", "Bằng khen", "Quyết định số 45/QĐ-TTCP ngày 25/01/2021 của Tổng Thanh tra "
             "Chính phủ"],
        ],
    },
    "kien-giang": {
        "header": ["UBND TỈNH KIÊN GIANG", "THANH TRA TỈNH KIÊN GIANG"],
        "date": "Kiên Giang, ngày 20 tháng 12 năm 2021",
        "award": "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA TỔNG THANH TRA CHÍNH PHỦ NĂM 2021",
        "full_award": MERIT,
        "name": "Thanh tra tỉnh Kiên Giang",
        "head": "Nguyễn Văn Đức",
        "standing": "đạt 97/100 điểm, xếp thứ 2/7",
        "criteria": f"Tiêu chuẩn: {MERIT} xét tặng cho tập thể, cá nhân có thành tích xuất sắc "
                    "trong phong trào thi đua.",
        "facts": ["là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Kiên Giang"],
        "titles": [
            ["2019", TLDXS, "Quyết định số 520/QĐ-UBND ngày 05/3/2020 của Chủ tịch UBND tỉnh "
             "Kiên Giang"],
            ["2020", TLDXS, "Quyết định số 498/QĐ-UBND ngày 01/3/2021 của Chủ tịch UBND tỉnh "
             "Kiên Giang"],
        ],
        "merits": [
            ["2020", "Bằng khen", "Quyết định số 3012/QĐ-UBND ngày 28/12/2020 của Chủ tịch "
             "UBND tỉnh Kiên Giang"],
        ],
    },
}


def _reports(workbook: Path, root: Path) -> dict[str, Document]:
    """The built reports by the unit part of their file names."""
    built = build(workbook, root, only=["bao-cao-thanh-tich"])
    assert all(p.name.startswith(PREFIX) for p in built.paths)
    return {p.stem.removeprefix(PREFIX): docx.Document(str(p)) for p in built.paths}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    return _reports(SAMPLE, tmp_path_factory.mktemp("out"))


@pytest.fixture(params=sorted(UNITS))
def unit(request: pytest.FixtureRequest, reports: dict[str, Document]) -> tuple[Document,
                                                                               dict[str, Any]]:
    return reports[request.param], UNITS[request.param]


def award_table(document: Document, header: str) -> Table:
    return next(t for t in document.tables if t.rows[0].cells[1].text == header)


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def test_one_report_per_proposed_collective(reports: dict[str, Document]) -> None:
    assert sorted(reports) == ["kien-giang", "soc-trang"]


def test_unit_header(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    header = document.tables[0]
    agency = [p for p in header.cell(0, 0).paragraphs if p.text]
    assert [p.text for p in agency] == want["header"]
    assert font_value(agency[0], "bold") in (None, False)
    assert font_value(agency[1], "bold") is True
    assert header.cell(1, 0).text == ""
    date = header.cell(1, 1).paragraphs[0]
    assert date.text == want["date"]
    assert font_value(date, "italic") is True
    assert "Số:" not in all_text(document)


def test_title(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    lines = [paragraph_with(document, text) for text in
             ("BÁO CÁO THÀNH TÍCH", want["award"], f"Tên tập thể đề nghị: {want['name']}")]
    for line in lines:
        assert font_value(line, "bold") is True
        assert font_value(line, "size") == Pt(14)
        assert format_value(line, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_parts_in_order_and_bold(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    headings = [h.format(award=want["full_award"]) for h in HEADINGS]
    found = texts(document)
    positions = [found.index(h) for h in headings]
    assert positions == sorted(positions)
    assert all(font_value(paragraph_with(document, h), "bold") for h in headings)


@pytest.fixture(scope="module")
def book() -> Workbook:
    return check(SAMPLE).book


def test_figures_equal_the_workbook_with_the_previous_year(
        unit: tuple[Document, dict[str, Any]], book: Workbook) -> None:
    document, want = unit
    now, before = book.results_of(want["name"]), book.results_of(want["name"], previous=True)
    assert now is not None and before is not None
    text = texts(document)
    inspections = next(t for t in text if t.startswith(f"Năm 2021, {want['name']} đã tiến hành"))
    assert f"{now.inspections} cuộc thanh tra ({rate(now.inspections, before.inspections)} so " \
           "với năm 2020)" in inspections
    assert f"kiến nghị thu hồi {money(now.recovery_money)} triệu đồng " \
           f"({rate(now.recovery_money, before.recovery_money)} so với năm 2020)" in inspections
    assert f"sai phạm về kinh tế {money(now.violations_money)} triệu đồng" in inspections
    assert "000.000" not in all_text(document)  # money in triệu đồng, never in đồng
    citizens = next(t for t in text if t.startswith("Về tiếp công dân"))
    assert f"đã tiếp {now.receptions} lượt công dân ({rate(now.receptions, before.receptions)} " \
           "so với năm 2020)" in citizens
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Chỉ tiêu")
    assert [c.text for c in table.rows[0].cells] == ["Chỉ tiêu", "Năm 2020", "Năm 2021",
                                                    "Tăng/giảm"]
    assert rows(table)[0] == ["Số cuộc thanh tra (cuộc)", str(before.inspections),
                              str(now.inspections), rate(now.inspections, before.inspections)]
    assert rows(table)[3] == ["Kiến nghị thu hồi (triệu đồng)", money(before.recovery_money),
                              money(now.recovery_money),
                              rate(now.recovery_money, before.recovery_money)]
    assert len(rows(table)) == 8


def test_registration_rank_and_criteria(unit: tuple[Document, dict[str, Any]],
                                        book: Workbook) -> None:
    document, want = unit
    reg = next(r for r in book.registration if r.unit == want["name"])
    text = texts(document)
    assert (f"Đơn vị đã tổ chức cho {reg.collectives_registered}/{reg.collectives} tập thể và "
            f"{reg.individuals_registered}/{reg.individuals} cá nhân đăng ký thi đua.") in text
    assert (f"- Đơn vị có {reg.collectives} tập thể (phòng, bộ phận) với {reg.individuals} cán "
            "bộ, công chức, người lao động.") in text
    assert (f"Kết quả chấm điểm thi đua năm 2021 của {book.cluster.name}: đơn vị "
            f"{want['standing']}.") in text
    assert want["criteria"] in text
    assert f"- Chấm điểm thi đua năm 2021: {want['standing']};" in text
    assert (want["standing"].endswith("dẫn đầu Cụm")) == ("dẫn đầu" in all_text(document))
    missing = [fact for fact in want["facts"] if fact not in all_text(document)]
    assert missing == []


def test_the_flag_report_differs_from_the_merit_report(
        reports: dict[str, Document]) -> None:
    flag, merit = texts(reports["soc-trang"]), texts(reports["kien-giang"])
    assert f"4. Đối chiếu với tiêu chuẩn {FLAG}" in flag
    assert f"4. Đối chiếu với tiêu chuẩn {MERIT}" in merit
    assert "tập thể dẫn đầu Cụm thi đua" in " ".join(flag)
    assert "tập thể dẫn đầu Cụm thi đua" not in " ".join(merit)


def test_no_vote_share_in_the_units_own_report(unit: tuple[Document, dict[str, Any]]) -> None:
    document, _ = unit
    text = all_text(document)
    for said in ("phiếu", "suy tôn", "đạt 100%"):
        assert said not in text


def test_movements_of_the_cluster(unit: tuple[Document, dict[str, Any]], book: Workbook) -> None:
    document, _ = unit
    text = texts(document)
    lines = [f"- {m.name}" for m in book.movements]
    found = [t.rstrip(";.") for t in text if t.startswith("- ") and t.rstrip(";.") in lines]
    assert found == lines


def test_markers_where_the_unit_must_write(unit: tuple[Document, dict[str, Any]]) -> None:
    document, _ = unit
    assert markers(document) == MARKERS
    assert marked_runs_are_highlighted(document)
    text = texts(document)
    assert "- Quá trình hình thành và phát triển: " + MARKERS[2] in text
    policy = text.index(HEADINGS[6])
    assert text[policy + 1] == MARKERS[8]


def test_contacts_from_the_members_sheet_or_a_marker(
    unit: tuple[Document, dict[str, Any]]
) -> None:
    document, want = unit
    text = texts(document)
    assert "- Trụ sở: [Bổ sung: địa chỉ trụ sở]" in text
    assert "- Điện thoại: [Bổ sung: số điện thoại]" in text
    place = want["name"].removeprefix("Thanh tra tỉnh ")
    assert f"- Thủ trưởng đơn vị: {want['head']}, Chánh Thanh tra tỉnh {place}." in text


def test_award_tables(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    titles = award_table(document, "Danh hiệu thi đua")
    merits = award_table(document, "Hình thức khen thưởng")
    assert rows(titles) == want["titles"]
    assert rows(merits) == want["merits"]
    assert titles.rows[0].cells[2].text == ("Số, ngày, tháng, năm của quyết định công nhận danh "
                                            "hiệu; cơ quan ban hành quyết định")
    for cell in titles.rows[0].cells:
        assert font_value(cell.paragraphs[0], "bold") is True
        assert font_value(cell.paragraphs[0], "size") == Pt(12)
    # awards of the unit's departments or people are not the unit's own
    assert "Phòng Nghiệp vụ" not in all_text(document)


def test_signatures(unit: tuple[Document, dict[str, Any]]) -> None:
    document, want = unit
    block = document.tables[-1]
    assert cell_lines(block, 0) == ["XÁC NHẬN CỦA CẤP TRÌNH KHEN", "TM. CỤM THI ĐUA",
                                    "CỤM TRƯỞNG", "CHÁNH THANH TRA TỈNH BẠC LIÊU",
                                    "Bùi Thanh Nguyên"]
    assert cell_lines(block, 1) == ["THỦ TRƯỞNG ĐƠN VỊ", want["head"]]
    assert name_line(block, 0) == name_line(block, 1)  # the two names share a line
    lines = [p for c in (0, 1) for p in block.cell(0, c).paragraphs if p.text]
    assert all(font_value(p, "bold") for p in lines)


def test_no_leftover_tags_or_blanks(unit: tuple[Document, dict[str, Any]]) -> None:
    document, _ = unit
    text = all_text(document)
    for bad in ("{{", "{%", "}}", "None", "nan"):
        assert bad not in text


def test_lint_finds_only_the_markers(tmp_path: Path) -> None:
    built = build(SAMPLE, tmp_path, only=["bao-cao-thanh-tich"])
    for path in built.paths:
        final = lint(path, final=True)
        assert {f.rule_id for f in final} == {"text.fill-in"}  # the highlight is no finding
        assert all(f.severity == "error" for f in final)
        assert [f for f in lint(path) if f.severity == "error"] == []
        assert built.fill_ins[path.name] == len(MARKERS)


def _soc_trang_row(book: Any) -> int:
    """The data row of Sóc Trăng on the members sheet."""
    ws = book["Thành viên"]
    return next(r for r in range(2, ws.max_row + 1)
                if ws.cell(r, 1).value == "Thanh tra tỉnh Sóc Trăng") - 1


def test_address_and_phone_when_given(edited: Callable[..., Path], tmp_path: Path) -> None:
    def contact(book: Any) -> None:
        row = _soc_trang_row(book)
        set_cell(book, "Thành viên", "Địa chỉ trụ sở", row, "Số 8, đường Hùng Vương, Phường 6")
        set_cell(book, "Thành viên", "Điện thoại", row, "02993.822.456")

    document = _reports(edited(contact), tmp_path / "out")["soc-trang"]
    text = texts(document)
    assert "- Trụ sở: Số 8, đường Hùng Vương, Phường 6." in text
    assert "- Điện thoại: 02993.822.456." in text
    assert markers(document) == MARKERS[2:]


def test_empty_award_table_prints_none_line(edited: Callable[..., Path], tmp_path: Path) -> None:
    def merit_as_title(book: Any) -> None:
        ws = book["Khen thưởng"]
        (row,) = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 8).value == "45/QĐ-TTCP"]
        set_cell(book, "Khen thưởng", "Là danh hiệu thi đua", row - 1, "Có")

    document = _reports(edited(merit_as_title), tmp_path / "out")["soc-trang"]
    assert [rows(award_table(document, "Danh hiệu thi đua"))[i][0] for i in range(3)] == [
        "2019", "2020", "2020"]
    assert not any(t.rows[0].cells[1].text == "Hình thức khen thưởng" for t in document.tables)
    text = texts(document)
    after = text[text.index("2. Hình thức khen thưởng") + 1]
    assert after == "Không có."


def test_unit_proposed_for_both_awards_gets_two_reports(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    def flag_unit_also_for_merit(book: Any) -> None:
        for header, value in {"Đối tượng": "Tập thể", "Đơn vị": "Thanh tra tỉnh Sóc Trăng",
                              "Hình thức đề nghị": "Bằng khen", "Số phiếu đồng ý": 6,
                              "Tổng số người bỏ phiếu": 7}.items():
            set_cell(book, "Bình xét", header, 3, value)

    reports = _reports(edited(flag_unit_also_for_merit), tmp_path / "out")
    assert sorted(reports) == [
        "kien-giang", "soc-trang-bang-khen-cua-tong-thanh-tra-chinh-phu",
        "soc-trang-co-thi-dua-cua-thanh-tra-chinh-phu"]


def test_template_reads_exactly_the_context() -> None:
    checked = check(SAMPLE)
    (first, *_) = achievements.renditions(checked.book, checked.outcome)
    template = Template.load(TEMPLATES_DIR / "bao-cao-thanh-tich.docx")
    assert template.undeclared_variables() == set(first.context)


# ---------------------------------------------------------------- the workbook varied

SOC_TRANG = "Thanh tra tỉnh Sóc Trăng"


def _soc_trang(book: Workbook, **changes: Any) -> Document:
    """Sóc Trăng's report rendered from a changed copy of the sample's model."""
    done = render(book.model_copy(update=changes))
    (data,) = [d for name, d in done.items() if name.endswith("soc-trang.docx")]
    return opened(data)


def test_without_the_previous_year_nothing_is_compared(book: Workbook) -> None:
    document = _soc_trang(book, results_previous=[])
    text = texts(document)
    assert not any("so với năm" in t for t in text)
    assert not any(t.rows[0].cells[0].text == "Chỉ tiêu" for t in document.tables)
    comparison = ("[Bổ sung: so sánh các chỉ tiêu chủ yếu với năm 2020 (Cụm chưa có số liệu năm "
                  "2020 của đơn vị)]")
    assert comparison in text
    assert markers(document) == [*MARKERS[:6], comparison, *MARKERS[6:]]
    now = book.results_of(SOC_TRANG)
    assert now is not None
    assert any(t.startswith(f"Năm 2021, {SOC_TRANG} đã tiến hành {now.inspections} cuộc thanh "
                            "tra;") for t in text)


def test_a_unit_missing_from_the_results_asks_for_them(book: Workbook) -> None:
    document = _soc_trang(book, results=[r for r in book.results if r.unit != SOC_TRANG])
    text = texts(document)
    assert ("[Bổ sung: kết quả thực hiện các chỉ tiêu, nhiệm vụ chủ yếu năm 2021, so sánh với "
            "năm 2020]") in text
    assert not any("cuộc thanh tra" in t and "Năm 2021" in t for t in text)


def test_a_previous_figure_of_zero_gives_no_rate(book: Workbook) -> None:
    before = [r.model_copy(update={"transferred": 0}) if r.unit == SOC_TRANG else r
              for r in book.results_previous]
    document = _soc_trang(book, results_previous=before)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Chỉ tiêu")
    (row,) = [r for r in rows(table) if r[0].startswith("Chuyển cơ quan điều tra")]
    assert row[1] == "0" and row[3] == "—"


RESULTS = "Kết quả công tác"
INSPECTION_LINES = {
    # zero figures, then the sentence Sóc Trăng's report prints (comparisons left out here)
    (): "đã tiến hành 37 cuộc thanh tra; qua thanh tra đã phát hiện sai phạm về kinh tế "
        "26.934 triệu đồng và sai phạm về đất đai 45.210 m²; kiến nghị thu hồi 17.308 triệu "
        "đồng, kiến nghị xử lý 58 tập thể, cá nhân, chuyển cơ quan điều tra 2 vụ việc.",
    ("violations_money", "recovery_money"):
        "đã tiến hành 37 cuộc thanh tra; qua thanh tra đã phát hiện sai phạm về đất đai 45.210 "
        "m²; kiến nghị xử lý 58 tập thể, cá nhân, chuyển cơ quan điều tra 2 vụ việc.",
    ("violations_land", "transferred"):
        "đã tiến hành 37 cuộc thanh tra; qua thanh tra đã phát hiện sai phạm về kinh tế 26.934 "
        "triệu đồng; kiến nghị thu hồi 17.308 triệu đồng, kiến nghị xử lý 58 tập thể, cá nhân.",
    ("violations_money", "violations_land", "recovery_money", "disciplined", "transferred"):
        "đã tiến hành 37 cuộc thanh tra.",
}


@pytest.mark.parametrize("zeros", sorted(INSPECTION_LINES, key=len))
def test_zero_figures_are_left_out_with_their_separators(
    zeros: tuple[str, ...], book: Workbook
) -> None:
    current = [r.model_copy(update=dict.fromkeys(zeros, 0)) if r.unit == SOC_TRANG else r
               for r in book.results]
    document = _soc_trang(book, results=current, results_previous=[])
    assert f"Năm 2021, {SOC_TRANG} {INSPECTION_LINES[zeros]}" in texts(document)


def test_decision_without_number_or_date(edited: Callable[..., Path], tmp_path: Path) -> None:
    def blank(book: Any) -> None:
        ws = book["Khen thưởng"]
        (row,) = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 8).value == "45/QĐ-TTCP"]
        set_cell(book, "Khen thưởng", "Số quyết định", row - 1, None)
        set_cell(book, "Khen thưởng", "Ngày quyết định", row - 1, None)

    document = _reports(edited(blank), tmp_path / "out")["soc-trang"]
    assert rows(award_table(document, "Hình thức khen thưởng")) == [
        ["2020", "Bằng khen", "Quyết định của Tổng Thanh tra Chính phủ"]]
