"""The plan and the pact on workbooks unlike the sample (issue 14, item 5): a year's theme or
none, lettered targets, each award's standard then its vote rule, the members' deadlines
before the cluster's, pact targets numbered under their scoring criterion or their area, and a
signature grid that fills pages without leaving one cell alone.

Each workbook is the sample's (or another cluster's) model with one thing changed
(`model_copy`), rendered with the shipped template and read as a reader would.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx.document import Document
from docx_helpers import between, paragraph_texts

from docgen import pdf, rules
from docgen import timeline as tl
from docgen.build import check
from docgen.documents.pact import context as pact
from docgen.model import AwardForm, Commitment, Member, Milestone, PlanItem, Score, Workbook
from tests.conftest import SAMPLE, needs_libreoffice
from tests.other_clusters import KH_CERTIFICATE, KH_FLAG, KH_MERIT, departments, wards
from tests.render_book import render_book, render_bytes

MEMBERS = "Các đơn vị thành viên"


@pytest.fixture(scope="module")
def sample() -> Workbook:
    return check(SAMPLE).book


@pytest.fixture(scope="module")
def khanh_hoa(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    """Twelve departments, three awards, pact targets under five criteria of their own
    (tests/other_clusters.py)."""
    return check(departments(tmp_path_factory.mktemp("kh") / "kh.xlsx")).book


@pytest.fixture(scope="module")
def can_tho(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    """Ten wards; a plan without theme or targets, a pact of one general target without a
    criterion (tests/other_clusters.py)."""
    return check(wards(tmp_path_factory.mktemp("ct") / "ct.xlsx")).book


def _texts(book: Workbook, kind: str) -> list[str]:
    return paragraph_texts(render_book(book, kind))


def _headings(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


# --------------------------------------------------------------------------- plan: theme



def _late(book: Workbook) -> list[tl.LateTask]:
    """The members' tasks of next year's timeline due too late, as intake checks them."""
    return tl.late_member_tasks(book.timeline, book.cluster.year + 1,
                                book.settings.files_deadline)

def test_a_plan_without_theme_or_targets_prints_neither(sample: Workbook) -> None:
    plan = [x for x in sample.plan if x.part not in ("theme", "targets")]
    document = render_book(sample.model_copy(update={"plan": plan}), "ke-hoach")
    texts = paragraph_texts(document)
    assert _headings(document, "Heading 1.")[2:6] == [
        "1. Đối tượng", "2. Nội dung thi đua", "3. Hình thức tổ chức", "4. Thời gian thi đua"]
    assert not any("Chủ đề" in t or "Chỉ tiêu thi đua" in t or "“" in t for t in texts)
    assert not any("[Bổ sung" in t for t in texts)


def test_a_theme_typed_without_quotes_gets_them(sample: Workbook) -> None:
    plan = [PlanItem(part="theme", text="Kỷ cương, trách nhiệm, hành động, hiệu quả."),
            *(x for x in sample.plan if x.part != "theme")]
    texts = _texts(sample.model_copy(update={"plan": plan}), "ke-hoach")
    assert between(texts, "1. Chủ đề thi đua", "2. Đối tượng") == [
        "“Kỷ cương, trách nhiệm, hành động, hiệu quả”"]


def test_a_plan_of_wards_without_theme_or_targets(can_tho: Workbook) -> None:
    document = render_book(can_tho, "ke-hoach")
    texts = paragraph_texts(document)
    assert not any("Chủ đề" in t or "Chỉ tiêu thi đua" in t or "[Bổ sung" in t for t in texts)
    assert between(texts, "II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA", "3. Thời gian thi đua")[::2] == [
        "1. Đối tượng", "2. Nội dung thi đua"]


def test_twelve_departments_plan_theme_targets_and_three_awards(khanh_hoa: Workbook) -> None:
    document = render_book(khanh_hoa, "ke-hoach")
    texts = paragraph_texts(document)
    assert between(texts, "1. Chủ đề thi đua", "2. Đối tượng") == [
        "“Kỷ cương, sáng tạo, chuyển đổi số, phục vụ người dân”"]
    assert between(texts, "4. Chỉ tiêu thi đua", "5. Thời gian thi đua") == [
        "a) 100% đơn vị thành viên hoàn thành nhiệm vụ được giao năm 2026;",
        "b) Từ 90% hồ sơ thủ tục hành chính trở lên được tiếp nhận trực tuyến.",
    ]
    assert [t for t in _headings(document, "Heading 1.") if t[3:].startswith(
        ("Cờ", "Bằng", "Giấy"))] == [f"1. {KH_FLAG}", f"2. {KH_MERIT}", f"3. {KH_CERTIFICATE}"]
    flag = texts.index(f"1. {KH_FLAG}")
    assert texts[flag + 1] == "a) Tiêu chuẩn: xét tặng cho tập thể dẫn đầu Khối thi đua;"
    assert texts[flag + 2].startswith("b) Tỷ lệ phiếu bầu: được Hội nghị tổng kết của Khối bình "
                                      "xét, suy tôn, đạt từ 80% số phiếu đồng ý trở lên")
    certificate = texts.index(f"3. {KH_CERTIFICATE}")
    assert texts[certificate + 1] == ("a) Tiêu chuẩn: xét tặng cho cá nhân có thành tích tiêu "
                                      "biểu trong công tác thi đua, khen thưởng;")
    assert "đạt từ 60% số phiếu đồng ý trở lên" in texts[certificate + 2]


# --------------------------------------------------------------------------- plan: awards


def test_criteria_of_several_lines_are_listed_under_the_standard(sample: Workbook) -> None:
    flag = sample.award_forms[0].model_copy(update={"criteria": (
        "tập thể dẫn đầu Cụm thi đua, đạt các tiêu chuẩn sau:\n"
        "Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao.\n"
        "Có nhân tố mới, mô hình mới để các tập thể khác học tập\n"
        "Nội bộ đoàn kết, thực hành tiết kiệm, chống lãng phí, chống tham nhũng")})
    certificate = AwardForm(
        name="Giấy khen", full_name="Giấy khen của Chánh Thanh tra tỉnh Kiên Giang",
        decider="Chánh Thanh tra tỉnh Kiên Giang", targets="individual", threshold=60,
        rule="above", base="valid", quota_individual=3, precedence=3)
    forms = [flag, *sample.award_forms[1:], certificate]
    texts = _texts(sample.model_copy(update={"award_forms": forms}), "ke-hoach")
    part = between(texts, "III. DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG VÀ TIÊU CHUẨN",
                   "IV. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG")
    assert part[:6] == [
        "1. Cờ thi đua của Thanh tra Chính phủ",
        "a) Tiêu chuẩn: xét tặng cho tập thể dẫn đầu Cụm thi đua, đạt các tiêu chuẩn sau:",
        "- Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao;",
        "- Có nhân tố mới, mô hình mới để các tập thể khác học tập;",
        "- Nội bộ đoàn kết, thực hành tiết kiệm, chống lãng phí, chống tham nhũng;",
        "b) Tỷ lệ phiếu bầu: được Hội nghị tổng kết của Cụm bình xét, suy tôn, đạt từ 80% số "
        "phiếu đồng ý trở lên trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản của thành "
        "viên vắng mặt).",
    ]
    assert part[-3:] == [
        "3. Giấy khen của Chánh Thanh tra tỉnh Kiên Giang",
        "a) Tiêu chuẩn: xét tặng cho cá nhân;",
        "b) Tỷ lệ phiếu bầu: được Hội nghị tổng kết của Cụm bình xét, suy tôn, đạt trên 60% số "
        "phiếu đồng ý trên tổng số phiếu hợp lệ.",
    ]


# --------------------------------------------------------------------------- deadlines


@pytest.mark.parametrize(("text", "date"), [
    ("Trước 05/12/2022", dt.date(2022, 12, 5)),
    ("Từ 01/3/2022 đến 31/3/2022", dt.date(2022, 3, 1)),
    ("Trước 31/02/2022, chậm nhất 02/3/2022", dt.date(2022, 3, 2)),
    ("Tháng 7/2022", None),
    ("Quý I/2022", None),
    ("15/12/20221", None),
])
def test_a_deadline_is_read_where_it_holds_a_full_date(text: str, date: dt.date | None) -> None:
    assert tl.deadline_date(text) == date


def _row(task: str, deadline: str, responsible: str = "Cụm trưởng") -> Milestone:
    return Milestone(task=task, deadline=deadline, responsible=responsible)


def test_timetable_rows_with_dates_in_date_order_others_in_place(sample: Workbook) -> None:
    timeline = [
        _row("Gửi hồ sơ đề nghị khen thưởng về Thanh tra Chính phủ", "Trước 20/12/2022"),
        _row("Sơ kết 6 tháng", "Tháng 7/2022"),
        _row("Gửi hồ sơ đề nghị khen thưởng về Cụm trưởng", "Trước 05/12/2022", MEMBERS),
        _row("Tự chấm điểm, gửi bảng tự chấm điểm về Cụm trưởng", "Trước 20/11/2022", MEMBERS),
    ]
    document = render_book(sample.model_copy(update={"timeline": timeline}), "ke-hoach")
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows][1:]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("1", "Tự chấm điểm, gửi bảng tự chấm điểm về Cụm trưởng", "Trước 20/11/2022"),
        ("2", "Sơ kết 6 tháng", "Tháng 7/2022"),
        ("3", "Gửi hồ sơ đề nghị khen thưởng về Cụm trưởng", "Trước 05/12/2022"),
        ("4", "Gửi hồ sơ đề nghị khen thưởng về Thanh tra Chính phủ", "Trước 20/12/2022"),
    ]
    texts = paragraph_texts(document)
    assert ("Thời hạn các thành viên gửi hồ sơ đề nghị khen thưởng về Cụm trưởng: Trước "
            "05/12/2022.") in texts
    assert "Thời hạn gửi hồ sơ của Cụm: Trước 20/12/2022." in texts
    lines = _texts(sample.model_copy(update={"timeline": timeline}), "giao-uoc")
    milestones = [t for t in lines if (t.startswith("- ") and "(Cụm trưởng)" in t)
                  or f"({MEMBERS})" in t]
    assert [m.split(":")[0] for m in milestones] == [f"- {r[1]}" for r in rows]


def test_the_sample_has_no_member_deadline_after_the_clusters(sample: Workbook) -> None:
    assert tl.cluster_deadline(sample.timeline, 2022, sample.settings.files_deadline) == (
        dt.date(2022, 12, 20))
    assert _late(sample) == []


def test_a_member_deadline_not_before_the_clusters_is_found(sample: Workbook) -> None:
    late = _row("Gửi hồ sơ đề nghị khen thưởng về Cụm trưởng", "Trước 22/12/2022", MEMBERS)
    same_day = _row("Gửi báo cáo tổng kết về Cụm trưởng", "Trước 20/12/2022", MEMBERS)
    book = sample.model_copy(update={"timeline": [*sample.timeline, late, same_day]})
    assert [(x.milestone.task, x.date, x.deadline) for x in _late(book)] == [
        (late.task, dt.date(2022, 12, 22), dt.date(2022, 12, 20)),
        (same_day.task, dt.date(2022, 12, 20), dt.date(2022, 12, 20)),
    ]


def test_the_settings_deadline_moved_to_next_year_can_be_the_earlier(sample: Workbook) -> None:
    settings = sample.settings.model_copy(update={"files_deadline": dt.date(2021, 12, 10)})
    book = sample.model_copy(update={"settings": settings})
    assert tl.cluster_deadline(book.timeline, 2022, settings.files_deadline) == (
        dt.date(2022, 12, 10))
    assert [x.milestone.deadline for x in _late(book)] == []
    book = book.model_copy(update={"timeline": [
        *book.timeline, _row("Gửi hồ sơ về Cụm trưởng", "Trước 12/12/2022", MEMBERS)]})
    assert [x.milestone.deadline for x in _late(book)] == ["Trước 12/12/2022"]


def test_without_a_timeline_the_default_deadline_is_20_december() -> None:
    assert tl.cluster_deadline([], 2026, None) == dt.date(2026, 12, 20)
    assert tl.cluster_deadline([], 2025, dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)


# --------------------------------------------------------------------------- pact


def test_pact_rows_without_criteria_are_numbered_under_their_area(sample: Workbook) -> None:
    rows = [
        Commitment(area="Chỉ tiêu chung", text="100% đơn vị hoàn thành nhiệm vụ được giao."),
        Commitment(area="Cải cách hành chính", text="Công khai 100% thủ tục hành chính\n"
                   "Không có hồ sơ giải quyết trễ hạn;"),
        Commitment(area="Công tác thanh tra", text="Hoàn thành 100% cuộc thanh tra."),
        Commitment(area="Khác", text="Kết luận đúng hạn.", criterion="TC1"),
        Commitment(area="cải cách  hành chính", text="Ứng dụng chữ ký số."),
    ]
    texts = _texts(sample.model_copy(update={"pact": rows}), "giao-uoc")
    assert between(texts, "I. MỤC TIÊU, CHỈ TIÊU", "II. NỘI DUNG GIAO ƯỚC") == [
        "1. 100% đơn vị hoàn thành nhiệm vụ được giao."]
    assert between(texts, "II. NỘI DUNG GIAO ƯỚC", "III. TỔ CHỨC THỰC HIỆN") == [
        "1. Cải cách hành chính",
        "1.1. Công khai 100% thủ tục hành chính.",
        "1.2. Không có hồ sơ giải quyết trễ hạn.",
        "1.3. Ứng dụng chữ ký số.",
        "2. Công tác thanh tra (Tiêu chí TC1, tối đa 30 điểm)",
        "2.1. Hoàn thành 100% cuộc thanh tra.",
        "2.2. Kết luận đúng hạn.",
    ]


def test_a_pact_of_one_general_target_has_no_empty_part(can_tho: Workbook) -> None:
    document = render_book(can_tho, "giao-uoc")
    assert _headings(document, "Heading I") == ["I. MỤC TIÊU, CHỈ TIÊU",
                                                 "II. TỔ CHỨC THỰC HIỆN"]
    texts = paragraph_texts(document)
    assert between(texts, "I. MỤC TIÊU, CHỈ TIÊU", "II. TỔ CHỨC THỰC HIỆN") == [
        "1. Hoàn thành 100% chỉ tiêu thu ngân sách được giao."]


def test_departments_pact_targets_under_their_own_criteria(khanh_hoa: Workbook) -> None:
    texts = _texts(khanh_hoa, "giao-uoc")
    assert between(texts, "II. NỘI DUNG GIAO ƯỚC", "III. TỔ CHỨC THỰC HIỆN") == [
        "1. Thực hiện nhiệm vụ chính trị, chuyên môn (Tiêu chí NV, tối đa 60 điểm)",
        "1.1. Hoàn thành 100% nhiệm vụ được Ủy ban nhân dân tỉnh giao đúng thời hạn.",
        "2. Cải cách hành chính, chuyển đổi số (Tiêu chí CCHC, tối đa 20 điểm)",
        "2.1. Giải quyết 100% hồ sơ thủ tục hành chính đúng hạn; từ 90% hồ sơ trở lên nộp trực "
        "tuyến.",
        "3. Tổ chức phong trào thi đua, khen thưởng (Tiêu chí PTTĐ, tối đa 20 điểm)",
        "3.1. Gửi báo cáo tổng kết và bảng tự chấm điểm về Trưởng Khối trước 15/11/2026.",
    ]
    grid = render_book(khanh_hoa, "giao-uoc").tables[-1]
    assert [len(row.cells) for row in grid.rows] == [3, 3, 3, 3]


@pytest.mark.parametrize(("members", "rows", "last"), [
    (7, [2, 2, 2, 2], ["x", ""]),
    (8, [2, 2, 2, 2], ["x", "x"]),
    (10, [3, 3, 3, 3], ["", "x", ""]),
    (12, [3, 3, 3, 3], ["x", "x", "x"]),
])
def test_grid_rows_and_the_last_two_kept_together(sample: Workbook, members: int,
                                                  rows: list[int], last: list[str]) -> None:
    book = _with_members(sample, members)
    grid = pact.grid(book, rules.outcome(book))
    assert [len(row) for row in grid] == rows
    assert ["x" if cell["unit"] else "" for cell in grid[-1]] == last
    assert [{cell["keep"] for cell in row} for row in grid] == [
        {False}] * (len(rows) - 2) + [{True}, {True}]


def test_the_wards_sign_three_to_a_row_with_next_years_officers_first(
        can_tho: Workbook) -> None:
    grid = render_book(can_tho, "giao-uoc").tables[-1]
    units = [[p.text for p in cell.paragraphs if p.text][:2] for row in grid.rows
             for cell in row.cells]
    assert units[0] == ["ỦY BAN NHÂN DÂN PHƯỜNG BÌNH THỦY", "CỤM TRƯỞNG"]
    assert units[1] == ["ỦY BAN NHÂN DÂN PHƯỜNG CÁI RĂNG", "CỤM PHÓ"]
    assert [len(row.cells) for row in grid.rows] == [3, 3, 3, 3]
    assert units[-3] == [] and units[-1] == []


def _with_members(book: Workbook, count: int) -> Workbook:
    """The sample with plain members (lowest scores) added up to `count` members."""
    base = book.members[-1]
    added: list[Member] = [
        base.model_copy(update={"name": f"Thanh tra tỉnh Thử {i}", "short_name": f"Thử {i}",
                                "place": f"Thử {i}", "head_name": f"Người Ký {i}",
                                "role": "member", "role_next": "member"})
        for i in range(count - len(book.members))]
    points = {c.code: 1.0 for c in book.criteria}
    scores = [Score(unit=m.name, points=points) for m in added]
    return book.model_copy(update={"members": [*book.members, *added],
                                   "scores": [*book.scores, *scores]})


# --------------------------------------------------------------------------- page flow



def _variants(book: Workbook) -> dict[str, Workbook]:
    """Pacts whose grid starts at different heights of a page: 7, 10 and 12 members, with
    0 to 6 more targets (each a few lines) before it."""
    extra = ("Tổ chức ít nhất 01 hội nghị chuyên đề về nâng cao chất lượng kết luận thanh tra, "
             "có sự tham gia của các thành viên Cụm và mời đại diện Thanh tra Chính phủ dự.")
    out: dict[str, Workbook] = {}
    for members in (7, 10, 12):
        for more in range(0, 7, 2):
            rows = [*book.pact, *(Commitment(area="Công tác thanh tra", text=extra,
                                             criterion="TC1") for _ in range(more))]
            out[f"m{members}-t{more}"] = _with_members(book, members).model_copy(
                update={"pact": rows})
    return out


@needs_libreoffice
def test_no_page_holds_a_lone_signature_cell(sample: Workbook, tmp_path: Path) -> None:
    """In LibreOffice's pages: the closing sentence shares its page with the first row of
    signatures, every page with signatures holds at least two, and 'Nơi nhận' ends on the
    page of the last ones."""
    books = _variants(sample)
    paths = []
    for name, book in books.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(render_bytes(book, "giao-uoc"))
        paths.append(path)
    for (path, _), (name, book) in zip(pdf.convert(paths, fit=False), books.items(),
                                       strict=True):
        names = [m.head_name for m in pact.signers(book, rules.outcome(book))]
        pages = pdf.page_lines(path)
        signed = [[n for n in names if any(n in line for line in page)] for page in pages]
        assert all(len(s) == 0 or len(s) >= 2 for s in signed), (name, signed)
        closing = next(i for i, page in enumerate(pages) if any("./." in x for x in page))
        assert names[0] in signed[closing], (name, signed)
        assert any("Nơi nhận" in x for x in pages[-1]) and names[-1] in signed[-1], name
