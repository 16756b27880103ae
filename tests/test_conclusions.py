"""The chair's conclusions (thông báo kết luận, TB) as a reader sees them: the number and date,
the subject naming who concludes, the ranking, the awards proposed, next year's officers, the
chair's words (or a marker), next year's tasks, the signer and recipients; the same figures as
the minutes, the proposal and the plan print. On the sample and on the Khánh Hòa Khối (an
absent member with a written opinion, individuals, a non-unanimous election, no conclusions
typed) and the Cần Thơ wards (no attendance sheet)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.document import Document

from docgen import rules
from docgen.build import build
from docgen.check import format_finding, lint
from docgen.documents.shared.awards import nominee, tally
from docgen.documents.shared.common import cluster_word, officers
from docgen.documents.shared.fillin import PATTERN
from docgen.intake import read_workbook
from docgen.model import Workbook
from tests.conftest import SAMPLE
from tests.other_clusters import (
    CULTURE,
    FINANCE,
    HOME_AFFAIRS,
    INDUSTRY,
    JUSTICE,
    KH_CLUSTER,
    SCIENCE,
    departments,
)
from tests.render_book import context_of, render_book

KIND = "thong-bao-ket-luan"
SAMPLE_CLUSTER = "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu"


@pytest.fixture(scope="module")
def sample_book() -> Workbook:
    return read_workbook(SAMPLE)


@pytest.fixture(scope="module")
def kh_book(khanh_hoa_book: Workbook) -> Workbook:
    return khanh_hoa_book  # written and read once a session (conftest)


@pytest.fixture(scope="module")
def ct_book(can_tho_book: Workbook) -> Workbook:
    return can_tho_book  # written and read once a session (conftest)


@pytest.fixture(scope="module", params=["sample", "kh"])
def book(request: pytest.FixtureRequest) -> Workbook:
    found: Workbook = request.getfixturevalue(f"{request.param}_book")
    return found


def texts(document: Document) -> list[str]:
    """The body's paragraphs, in order (tables left out)."""
    return [p.text for p in document.paragraphs if p.text.strip()]


def header_cells(document: Document) -> list[str]:
    return [cell.text for row in document.tables[0].rows for cell in row.cells]


def after(lines: list[str], lead: str) -> list[str]:
    """The dashed lines right after the paragraph `lead`."""
    start = lines.index(lead) + 1
    out = []
    for line in lines[start:]:
        if not line.startswith("- "):
            break
        out.append(line)
    return out


def election_lines(lines: list[str], book: Workbook) -> list[str]:
    _, leader, deputy = officers(book)
    return [x for x in lines if x.startswith("- ") and (f" làm {leader}, " in x
                                                       or f" làm {deputy}, " in x)]


# --------------------------------------------------------------------------- the frame


def test_number_and_date_line(sample_book: Workbook) -> None:
    cells = header_cells(render_book(sample_book, KIND))
    assert "Số: 27/TB-CTĐ" in cells
    assert "Bạc Liêu, ngày 22 tháng 12 năm 2021" in cells


def test_number_and_date_line_of_a_khoi(kh_book: Workbook) -> None:
    cells = header_cells(render_book(kh_book, KIND))
    assert "Số: 42/TB-KTĐ" in cells
    assert "Khánh Hòa, ngày 15 tháng 12 năm 2025" in cells


def test_subject_names_the_cluster_leader_who_chaired(sample_book: Workbook) -> None:
    lines = texts(render_book(sample_book, KIND))
    assert lines[:2] == [
        "THÔNG BÁO",
        "Kết luận của Cụm trưởng tại Hội nghị tổng kết công tác thi đua, khen thưởng năm 2021 "
        f"của {SAMPLE_CLUSTER}",
    ]


def test_subject_of_a_khoi_names_its_leader(kh_book: Workbook) -> None:
    lines = texts(render_book(kh_book, KIND))
    assert lines[1] == ("Kết luận của Trưởng Khối tại Hội nghị tổng kết công tác thi đua, khen "
                        f"thưởng năm 2025 của {KH_CLUSTER}")


def test_subject_when_someone_else_chaired(sample_book: Workbook) -> None:
    conf = sample_book.conference.model_copy(update={
        "chair": "Nguyễn Văn Đức", "chair_title": "Chánh Thanh tra tỉnh Kiên Giang, Cụm phó",
        "co_chair": None, "co_chair_title": None})
    lines = texts(render_book(sample_book.model_copy(update={"conference": conf}), KIND))
    assert lines[1].startswith("Kết luận của Chủ trì hội nghị tại Hội nghị tổng kết")
    assert ("Hội nghị do đồng chí Nguyễn Văn Đức, Chánh Thanh tra tỉnh Kiên Giang, Cụm phó "
            "chủ trì.") in lines[2]


def test_signer_and_recipients(sample_book: Workbook) -> None:
    document = render_book(sample_book, KIND)
    signature = document.tables[-1]
    recipients = [p.text for p in signature.cell(0, 0).paragraphs if p.text]
    signer = [p.text for p in signature.cell(0, 1).paragraphs if p.text]
    assert recipients == ["Nơi nhận:", "- Thanh tra Chính phủ (Vụ Tổ chức cán bộ);",
                          "- Các thành viên Cụm thi đua;", "- Lãnh đạo Thanh tra tỉnh Bạc Liêu;",
                          "- Lưu: VT, CTĐ."]
    assert signer == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "CHÁNH THANH TRA TỈNH BẠC LIÊU",
                      "Bùi Thanh Nguyên"]


def test_this_years_leader_signs_a_khoi(kh_book: Workbook) -> None:
    signature = render_book(kh_book, KIND).tables[-1]
    signer = [p.text for p in signature.cell(0, 1).paragraphs if p.text]
    recipients = [p.text for p in signature.cell(0, 0).paragraphs if p.text]
    assert signer == ["TM. KHỐI THI ĐUA", "TRƯỞNG KHỐI", "GIÁM ĐỐC SỞ TÀI CHÍNH TỈNH KHÁNH HÒA",
                      "Nguyễn Văn Thắng"]
    assert recipients[1:] == ["- Sở Nội vụ;", "- Các thành viên Khối thi đua;", "- Lưu: VT, KTĐ."]


def test_closing_line(book: Workbook) -> None:
    group = cluster_word(book)
    assert (f"{book.cluster.name} thông báo để các thành viên {group} biết, thực hiện./."
            in texts(render_book(book, KIND)))


# --------------------------------------------------------------------------- the opening


def test_opening_reads_as_the_minutes(sample_book: Workbook) -> None:
    lines = texts(render_book(sample_book, KIND))
    minutes = texts(render_book(sample_book, "bien-ban"))
    assert lines[2].startswith(f"Ngày 20/12/2021, {SAMPLE_CLUSTER} tổ chức Hội nghị trực tuyến")
    place = next(x for x in minutes if x.startswith("Địa điểm: "))
    assert f"Hội nghị được tổ chức tại {place.removeprefix('Địa điểm: ')}" in lines
    for shared in ("- Đồng chí Nguyễn Thị Thu Hà, Phó Vụ trưởng, Vụ Tổ chức cán bộ, Thanh tra "
                   "Chính phủ.",
                   "Có mặt 7/7 đơn vị thành viên; đủ điều kiện tiến hành bình xét, suy tôn theo "
                   "quy định (từ 2/3 số thành viên trở lên)."):
        assert shared in lines and shared in minutes
    assert lines[lines.index(shared) + 1].startswith("Sau khi nghe dự thảo Báo cáo tổng kết")
    assert lines[lines.index(shared) + 1].endswith(
        "Hội nghị đã thảo luận; Chủ trì hội nghị kết luận như sau:")


def test_absent_member_with_a_written_opinion(kh_book: Workbook) -> None:
    lines = texts(render_book(kh_book, KIND))
    minutes = texts(render_book(kh_book, "bien-ban"))
    written = next(x for x in lines if x.startswith("Vắng mặt, có ý kiến bằng văn bản: "))
    assert written.startswith(f"Vắng mặt, có ý kiến bằng văn bản: {CULTURE} (đồng chí ")
    assert written in minutes
    assert ("Có mặt 11/12 đơn vị thành viên, vắng mặt 1 đơn vị (có ý kiến bằng văn bản); đủ "
            "điều kiện tiến hành bình xét, suy tôn theo quy định (từ 2/3 số thành viên trở "
            "lên).") in lines
    assert "Hội nghị được tổ chức tại Hội trường Sở Tài chính tỉnh Khánh Hòa." in lines


def test_without_the_attendance_sheet_the_summary(ct_book: Workbook) -> None:
    lines = texts(render_book(ct_book, KIND))
    assert ("Thành phần tham dự: Chủ tịch, Phó Chủ tịch Ủy ban nhân dân mười phường trong "
            "Cụm.") in lines
    assert not any(x.startswith("Có mặt ") for x in lines)


# --------------------------------------------------------------------------- 1. the ranking


def test_first_place_and_shared_places(sample_book: Workbook) -> None:
    lines = texts(render_book(sample_book, KIND))
    lead = ("Hội nghị đã thông qua kết quả chấm điểm, xếp hạng thi đua năm 2021 của các thành "
            "viên Cụm; Thanh tra tỉnh Sóc Trăng dẫn đầu Cụm thi đua với 98,5 điểm. Kết quả xếp "
            "hạng như sau:")
    ranked = after(lines, lead)
    assert ranked[0] == "- Xếp thứ 1: Thanh tra tỉnh Sóc Trăng (98,5 điểm);"
    assert ("- Đồng xếp thứ 4: Thanh tra tỉnh Cà Mau và Thanh tra tỉnh An Giang (cùng 95 điểm);"
            in ranked)
    assert ranked[-1] == "- Xếp thứ 7: Thanh tra tỉnh Hậu Giang (92,5 điểm)."
    outcome = rules.outcome(sample_book)
    assert len(ranked) == len({r.rank for r in outcome.ranking})


def test_first_place_of_a_khoi(kh_book: Workbook) -> None:
    lines = texts(render_book(kh_book, KIND))
    assert any(f"; {JUSTICE} dẫn đầu Khối thi đua với 112,5 điểm. Kết quả xếp hạng như sau:"
               in x for x in lines)
    assert (f"- Đồng xếp thứ 4: {INDUSTRY} và {SCIENCE} (cùng 105,5 điểm);" in lines)


def test_a_shared_first_place_is_said(sample_book: Workbook) -> None:
    scores = [s.model_copy(update={"points": {**s.points, "TC1": s.points["TC1"] + 1.5}})
              if s.unit == "Thanh tra tỉnh Kiên Giang" else s for s in sample_book.scores]
    lines = texts(render_book(sample_book.model_copy(update={"scores": scores}), KIND))
    assert any("; Thanh tra tỉnh Kiên Giang và Thanh tra tỉnh Sóc Trăng đồng dẫn đầu Cụm thi "
               "đua với 98,5 điểm." in x for x in lines)
    assert ("- Đồng xếp thứ 1: Thanh tra tỉnh Kiên Giang và Thanh tra tỉnh Sóc Trăng (cùng "
            "98,5 điểm);") in lines


def test_discussion_as_typed(sample_book: Workbook) -> None:
    lines = texts(render_book(sample_book, KIND))
    assert sample_book.conference.discussion in lines


def test_discussion_blank_is_asked_for(sample_book: Workbook) -> None:
    conf = sample_book.conference.model_copy(update={"discussion": None})
    lines = texts(render_book(sample_book.model_copy(update={"conference": conf}), KIND))
    heading = lines.index("2. Kết quả bình xét, suy tôn và đề nghị khen thưởng")
    assert PATTERN.fullmatch(lines[heading - 1])
    assert "ý kiến thảo luận và các nội dung Hội nghị thông qua" in lines[heading - 1]


# --------------------------------------------------------------------------- 2. the awards


def proposal_pairs(book: Workbook) -> set[tuple[str, str]]:
    """(award, nominee) of every nominee line of the proposal's context."""
    pairs = set()
    for item in context_of(book, "to-trinh")["proposals"]:
        for case in item["nominees"]:
            pairs.add((item["award"], case["line"].removeprefix("- ").split(": ")[0]))
    return pairs


def test_each_proposed_award_and_nominee(book: Workbook) -> None:
    lines = texts(render_book(book, KIND))
    outcome = rules.outcome(book)
    awarded: set[tuple[str, str]] = set()
    for v in outcome.proposed:
        line = next(x for x in lines if x.startswith("- ") and
                    f"{v.form.full_name} cho {nominee(v, book)} ({tally(v)})" in x)
        assert line.endswith((";", "."))
        awarded.add((v.form.full_name, nominee(v, book)))
    assert awarded == proposal_pairs(book)
    # Nobody else is said to be proposed.
    assert len([x for x in lines if x.startswith("- ") and " cho " in x and "phiếu đồng ý, "
                "đạt" in x]) == len(outcome.proposed)


def test_awards_read_as_the_minutes(book: Workbook) -> None:
    lines = texts(render_book(book, KIND))
    minutes = texts(render_book(book, "bien-ban"))
    lead = context_of(book, KIND)["conclusion_lead"]
    assert after(lines, lead) == after(minutes, lead)
    for refusal in context_of(book, "bien-ban")["refusals"]:
        assert refusal in lines


def test_the_rule_of_each_award(kh_book: Workbook) -> None:
    lines = texts(render_book(kh_book, KIND))
    rule = after(lines, "Hội nghị bình xét, suy tôn bằng phiếu kín theo tiêu chuẩn:")
    assert [x.split(":")[0] for x in rule] == [
        "- Cờ thi đua của Ủy ban nhân dân tỉnh Khánh Hòa",
        "- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa",
        "- Giấy khen của Giám đốc Sở Nội vụ tỉnh Khánh Hòa"]
    assert rule[1] == ("- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa: từ 70% số phiếu "
                       "đồng ý trở lên trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản "
                       "của thành viên vắng mặt), tối đa 02 (hai) tập thể và 03 (ba) cá nhân;")


# --------------------------------------------------------------------------- 3. the election


def test_officers_and_counts_equal_the_minutes(book: Workbook) -> None:
    ours = election_lines(texts(render_book(book, KIND)), book)
    theirs = election_lines(texts(render_book(book, "bien-ban")), book)
    assert len(ours) == 2
    assert ours == theirs


def test_a_non_unanimous_election(kh_book: Workbook) -> None:
    lines = texts(render_book(kh_book, KIND))
    assert "Hội nghị đã bầu Trưởng Khối, Phó Trưởng Khối năm 2026:" in lines
    assert after(lines, "Hội nghị đã bầu Trưởng Khối, Phó Trưởng Khối năm 2026:") == [
        f"- {HOME_AFFAIRS} làm Trưởng Khối, được 10/11 phiếu (90,9%);",
        f"- {JUSTICE} làm Phó Trưởng Khối, được 9/11 phiếu (81,8%).",
    ]


def test_election_without_counts_is_asked_for(sample_book: Workbook) -> None:
    conf = sample_book.conference.model_copy(update={"leader_votes": None})
    lines = texts(render_book(sample_book.model_copy(update={"conference": conf}), KIND))
    line = next(x for x in lines if x.startswith("- Thanh tra tỉnh Kiên Giang làm Cụm trưởng"))
    assert PATTERN.search(line)
    assert "- Thanh tra tỉnh Cà Mau làm Cụm phó, được 7/7 phiếu (100%)." in lines


# --------------------------------------------------------------------------- 4. conclusions


def test_conclusions_as_typed(sample_book: Workbook) -> None:
    lines = texts(render_book(sample_book, KIND))
    heading = lines.index("4. Ý kiến kết luận của Chủ trì hội nghị")
    assert lines[heading + 1] == sample_book.conference.conclusions
    assert not any(PATTERN.search(x) for x in lines)


def test_blank_conclusions_get_a_marker(kh_book: Workbook) -> None:
    assert not kh_book.conference.conclusions
    lines = texts(render_book(kh_book, KIND))
    heading = lines.index("4. Ý kiến kết luận của Chủ trì hội nghị")
    assert PATTERN.fullmatch(lines[heading + 1])
    assert "ý kiến kết luận của Chủ trì hội nghị" in lines[heading + 1]


# --------------------------------------------------------------------------- 5. the tasks


def task_table(document: Document) -> list[list[str]]:
    grid = next(t for t in document.tables if t.rows[0].cells[1].text == "Nội dung công việc")
    return [[cell.text for cell in row.cells] for row in grid.rows]


def test_tasks_with_owners_and_deadlines_in_the_plans_order(book: Workbook) -> None:
    ours = task_table(render_book(book, KIND))
    plan = task_table(render_book(book, "ke-hoach"))
    assert ours[0] == ["STT", "Nội dung công việc", "Đơn vị thực hiện", "Thời hạn"]
    assert plan[0] == ["STT", "Nội dung công việc", "Thời hạn", "Đơn vị thực hiện"]
    assert [[stt, task, owner, due] for stt, task, due, owner in plan[1:]] == ours[1:]
    assert len(ours) == len(book.timeline) + 1


def test_sample_tasks(sample_book: Workbook) -> None:
    document = render_book(sample_book, KIND)
    lines = texts(document)
    heading = lines.index("5. Nhiệm vụ năm 2022")
    assert lines[heading + 1] == ("Các nhiệm vụ năm 2022 của Cụm, đơn vị thực hiện và thời hạn "
                                  "như sau:")
    rows = task_table(document)
    assert rows[1] == ["1", "Đăng ký thi đua, ký kết Giao ước thi đua", "Các đơn vị thành viên",
                       "Trước 31/3/2022"]
    assert rows[-1] == ["9", "Gửi hồ sơ đề nghị khen thưởng về Thanh tra Chính phủ",
                        "Cụm trưởng", "Trước 20/12/2022"]


def test_tasks_in_date_order(sample_book: Workbook) -> None:
    reversed_book = sample_book.model_copy(update={"timeline": sample_book.timeline[::-1]})
    rows = task_table(render_book(reversed_book, KIND))
    assert rows[1][1:] == ["Đăng ký thi đua, ký kết Giao ước thi đua", "Các đơn vị thành viên",
                           "Trước 31/3/2022"]


def test_no_timeline_is_asked_for(sample_book: Workbook) -> None:
    lines = texts(render_book(sample_book.model_copy(update={"timeline": []}), KIND))
    heading = lines.index("5. Nhiệm vụ năm 2022")
    assert PATTERN.fullmatch(lines[heading + 1])


# --------------------------------------------------------------------------- lint


def lint_errors(path: Path) -> list[str]:
    return [format_finding(f) for f in lint(path) if f.severity == "error"]


def test_sample_paper_passes_the_linter(tmp_path: Path) -> None:
    (path,) = build(SAMPLE, tmp_path, only=[KIND]).paths
    assert path.name == f"2021_cum-ix_{KIND}.docx"
    assert lint_errors(path) == []
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert FINANCE not in text


def test_khoi_paper_passes_the_linter(tmp_path: Path) -> None:
    workbook = departments(tmp_path / "kh.xlsx")
    (path,) = build(workbook, tmp_path / "out", only=[KIND]).paths
    assert lint_errors(path) == []
    # A draft: the blank conclusions are left as a marker.
    document = docx.Document(io.BytesIO(path.read_bytes()))
    assert any(PATTERN.search(p.text) for p in document.paragraphs)
