"""The minutes prove the meeting on workbooks unlike the sample (issue 14).

Each workbook is the sample's, changed in memory: nine members with one absent with a
written opinion and one absent without, two guests, an invalid ballot with its reason, a tie
for the flag, a non-unanimous election; an old workbook without the attendance sheet, the
agenda, the counts or the discussion, which must print fill-in markers, never a blank.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.text.paragraph import Paragraph
from docx_helpers import all_text, format_value, paragraph_texts
from pypdf import PdfReader

from docgen import pdf
from docgen.build import TEMPLATES_DIR
from docgen.documents.minutes import context as minutes_context
from docgen.documents.shared import meeting
from docgen.documents.shared.fillin import PATTERN
from docgen.intake import read_workbook
from docgen.model import Attendee, Member, Score, Vote, Workbook
from docgen.render import Template
from docgen.rules import outcome
from tests.conftest import SAMPLE, needs_libreoffice

BL, KG, CM, ST, HG, CT, AG = (
    "Thanh tra tỉnh Bạc Liêu", "Thanh tra tỉnh Kiên Giang", "Thanh tra tỉnh Cà Mau",
    "Thanh tra tỉnh Sóc Trăng", "Thanh tra tỉnh Hậu Giang", "Thanh tra thành phố Cần Thơ",
    "Thanh tra tỉnh An Giang",
)
TV, VL = "Thanh tra tỉnh Trà Vinh", "Thanh tra tỉnh Vĩnh Long"
FLAG, MERIT = "Cờ thi đua", "Bằng khen"


@pytest.fixture(scope="module")
def sample() -> Workbook:
    return read_workbook(SAMPLE)


@pytest.fixture(scope="module")
def template() -> Template:
    return Template.load(TEMPLATES_DIR / "bien-ban.docx")


def render(book: Workbook, template: Template) -> Document:
    """The minutes of `book`, rendered in memory and opened as a reader would."""
    data = template.render(minutes_context.context(book, outcome(book)))
    return docx.Document(io.BytesIO(data))


def present(unit: str, name: str, title: str, counting: Any = None) -> Attendee:
    return Attendee(status="present", unit=unit, name=name, title=title, counting=counting)


def member(sample: Workbook, name: str, place: str, head: str) -> Member:
    return sample.members[-1].model_copy(update={
        "name": name, "short_name": place, "place": place, "head_name": head,
        "role": "member", "role_next": "member"})


def nine_members(sample: Workbook) -> Workbook:
    """Nine members: seven present (two delegates from Bạc Liêu), Vĩnh Long absent with a
    written opinion, Hậu Giang absent without; two guests; 7 ballots issued and returned, 6
    valid; Sóc Trăng and Kiên Giang tie for the one flag (Kiên Giang ranks lower); an
    individual under the threshold; the deputy elected by 4 of 6 valid ballots."""
    members = [*sample.members, member(sample, TV, "Trà Vinh", "Thạch Sa Rết"),
               member(sample, VL, "Vĩnh Long", "Lê Văn Tâm")]
    scores = [*sample.scores,
              Score(unit=TV, points=dict.fromkeys(sample.scores[0].points, 3.0)),
              Score(unit=VL, points=dict.fromkeys(sample.scores[0].points, 2.0))]
    attendance = [
        Attendee(status="guest", unit="Vụ Tổ chức cán bộ, Thanh tra Chính phủ",
                 name="Nguyễn Thị Thu Hà", title="Phó Vụ trưởng"),
        Attendee(status="guest", unit="Ban Thi đua - Khen thưởng, Sở Nội vụ tỉnh Bạc Liêu",
                 name="Phan Văn Hải", title="Trưởng ban"),
        present(BL, "Bùi Thanh Nguyên", "Chánh Thanh tra tỉnh"),
        present(BL, "Trần Thị Mỹ Linh", "Chuyên viên Văn phòng"),
        present(KG, "Nguyễn Văn Đức", "Chánh Thanh tra tỉnh"),
        present(CM, "Châu Minh Khải", "Phó Chánh Thanh tra tỉnh", "head"),
        present(ST, "Lâm Văn Phước", "Chánh Thanh tra tỉnh"),
        present(CT, "Đỗ Minh Trí", "Trưởng phòng Nghiệp vụ 1", "member"),
        present(AG, "Nguyễn Hoàng Phúc", "Chánh Thanh tra tỉnh"),
        present(TV, "Thạch Sa Rết", "Chánh Thanh tra tỉnh", "member"),
        Attendee(status="written", unit=VL, name="Lê Văn Tâm", title="Chánh Thanh tra tỉnh"),
        Attendee(status="absent", unit=HG, name="Phạm Thị Ngọc Hân",
                 title="Chánh Thanh tra tỉnh"),
    ]
    votes = [
        Vote(target="collective", unit=ST, award=FLAG, votes_for=8, voters=8),
        Vote(target="collective", unit=KG, award=FLAG, votes_for=8, voters=8),
        Vote(target="collective", unit=CM, award=MERIT, votes_for=5, voters=8),
        Vote(target="individual", unit=AG, award=MERIT, votes_for=3, voters=8,
             person="Lê Thị Bích Thủy", person_title="Phó Chánh Văn phòng"),
    ]
    conference = sample.conference.model_copy(update={
        "ballots_issued": 7, "ballots_returned": 7, "ballots_valid": 6,
        "invalid_reasons": "01 phiếu đánh dấu cả hai ô “Đồng ý” và “Không đồng ý”.",
        "leader_votes": 6, "deputy_votes": 4, "minutes_copies": 3,
        "venue": "Hội trường Thanh tra tỉnh Bạc Liêu (điểm cầu Bạc Liêu)",
        "bridges": ["Thanh tra tỉnh Bạc Liêu", "Thanh tra tỉnh Cà Mau", "Thanh tra tỉnh Cà Mau",
                    "Thanh tra Chính phủ (điểm cầu chính)"],
    })
    return sample.model_copy(update={"members": members, "scores": scores, "votes": votes,
                                     "attendance": attendance, "conference": conference})


@pytest.fixture(scope="module")
def nine(sample: Workbook, template: Template) -> list[str]:
    return paragraph_texts(render(nine_members(sample), template))


@pytest.fixture(scope="module")
def nine_doc(sample: Workbook, template: Template) -> Document:
    return render(nine_members(sample), template)


def after(texts: list[str], line: str, count: int) -> list[str]:
    start = texts.index(line)
    return texts[start + 1:start + 1 + count]


def test_each_bridge_once_and_not_the_venue_again(nine: list[str]) -> None:
    assert ("Địa điểm: Hội trường Thanh tra tỉnh Bạc Liêu (điểm cầu Bạc Liêu), kết nối trực "
            "tuyến với các điểm cầu: Thanh tra tỉnh Cà Mau, Thanh tra Chính phủ (điểm cầu "
            "chính).") in nine


def test_guests_then_members_by_unit(nine: list[str], nine_doc: Document) -> None:
    assert after(nine, "Đại biểu khách mời:", 3) == [
        "- Đồng chí Nguyễn Thị Thu Hà, Phó Vụ trưởng, Vụ Tổ chức cán bộ, Thanh tra Chính phủ;",
        "- Đồng chí Phan Văn Hải, Trưởng ban, Ban Thi đua - Khen thưởng, Sở Nội vụ tỉnh Bạc "
        "Liêu.",
        "Đại biểu các đơn vị thành viên Cụm có mặt:",
    ]
    table = next(t for t in nine_doc.tables if t.rows[0].cells[1].text == "Đơn vị thành viên")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert rows == [
        ["1", BL, "Bùi Thanh Nguyên, Chánh Thanh tra tỉnh\nTrần Thị Mỹ Linh, Chuyên viên Văn "
         "phòng"],
        ["2", KG, "Nguyễn Văn Đức, Chánh Thanh tra tỉnh"],
        ["3", CM, "Châu Minh Khải, Phó Chánh Thanh tra tỉnh"],
        ["4", ST, "Lâm Văn Phước, Chánh Thanh tra tỉnh"],
        ["5", CT, "Đỗ Minh Trí, Trưởng phòng Nghiệp vụ 1"],
        ["6", AG, "Nguyễn Hoàng Phúc, Chánh Thanh tra tỉnh"],
        ["7", TV, "Thạch Sa Rết, Chánh Thanh tra tỉnh"],
    ]


def test_absences_and_quorum(nine: list[str]) -> None:
    assert ("Vắng mặt, có ý kiến bằng văn bản: Thanh tra tỉnh Vĩnh Long (đồng chí Lê Văn Tâm, "
            "Chánh Thanh tra tỉnh).") in nine
    assert ("Vắng mặt, không có ý kiến bằng văn bản: Thanh tra tỉnh Hậu Giang (đồng chí Phạm "
            "Thị Ngọc Hân, Chánh Thanh tra tỉnh).") in nine
    assert ("Có mặt 7/9 đơn vị thành viên, vắng mặt 2 đơn vị (1 đơn vị có ý kiến bằng văn "
            "bản); đủ điều kiện tiến hành bình xét, suy tôn theo quy định (từ 2/3 số thành viên "
            "trở lên).") in nine


@pytest.mark.parametrize(
    ("quorum", "present_units", "expected"),
    [
        ("half", 5, "Có mặt 5/9 đơn vị thành viên, vắng mặt 4 đơn vị (không có ý kiến bằng văn "
                    "bản); đủ điều kiện tiến hành bình xét, suy tôn theo quy định (quá nửa số "
                    "thành viên)."),
        ("all", 9, "Có mặt 9/9 đơn vị thành viên; đủ điều kiện tiến hành bình xét, suy tôn theo "
                   "quy định (tất cả các thành viên)."),
        ("two_thirds", 5, "Có mặt 5/9 đơn vị thành viên, vắng mặt 4 đơn vị (không có ý kiến "
                          "bằng văn bản); không đủ điều kiện tiến hành bình xét, suy tôn theo "
                          "quy định (từ 2/3 số thành viên trở lên)."),
    ],
    ids=["half", "all", "short-of-two-thirds"],
)
def test_quorum_sentence_states_the_rule(sample: Workbook, quorum: str, present_units: int,
                                         expected: str) -> None:
    book = nine_members(sample)
    units = [m.name for m in book.members]
    people = [present(u, f"Đại biểu {i}", "Chánh Thanh tra tỉnh") if i < present_units
              else Attendee(status="absent", unit=u, name=f"Đại biểu {i}",
                            title="Chánh Thanh tra tỉnh")
              for i, u in enumerate(units)]
    book = book.model_copy(update={
        "attendance": people,
        "conference": book.conference.model_copy(update={"quorum": quorum})})
    assert minutes_context.context(book, outcome(book))["quorum_sentence"] == expected


def test_counting_board_and_ballots_with_invalid_reason(nine: list[str]) -> None:
    assert after(nine, "Hội nghị bầu Ban kiểm phiếu gồm:", 4) == [
        "- Trưởng ban: đồng chí Châu Minh Khải, Phó Chánh Thanh tra tỉnh, Thanh tra tỉnh Cà "
        "Mau;",
        "- Thành viên: đồng chí Đỗ Minh Trí, Trưởng phòng Nghiệp vụ 1, Thanh tra thành phố Cần "
        "Thơ;",
        "- Thành viên: đồng chí Thạch Sa Rết, Chánh Thanh tra tỉnh, Thanh tra tỉnh Trà Vinh.",
        "Hội nghị tiến hành bình xét, suy tôn bằng phiếu kín: số phiếu phát ra 7, số phiếu thu "
        "về 7, số phiếu hợp lệ 6, số phiếu không hợp lệ 1 (lý do: 01 phiếu đánh dấu cả hai ô "
        "“Đồng ý” và “Không đồng ý”).",
    ]


def test_written_opinions_count_toward_the_base(nine: list[str]) -> None:
    assert after(nine, "Tiêu chuẩn bình xét:", 4) == [
        "- Cờ thi đua của Thanh tra Chính phủ: từ 80% số phiếu đồng ý trở lên, tối đa 01 (một) "
        "tập thể;",
        "- Bằng khen của Tổng Thanh tra Chính phủ: từ 50% số phiếu đồng ý trở lên, tối đa 02 "
        "(hai) tập thể và 02 (hai) cá nhân.",
        "Tỷ lệ phiếu đồng ý được tính trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản "
        "của thành viên vắng mặt). Ý kiến bằng văn bản của Thanh tra tỉnh Vĩnh Long (vắng mặt) "
        "được tính vào tổng số người bỏ phiếu.",
        "Kết quả bỏ phiếu như sau:",
    ]


def test_shares_on_valid_ballots_leave_written_opinions_out(
        sample: Workbook, template: Template) -> None:
    book = nine_members(sample)
    forms = [f.model_copy(update={"base": "valid", "rule": "above"}) for f in book.award_forms]
    texts = paragraph_texts(render(book.model_copy(update={"award_forms": forms}), template))
    assert after(texts, "Tiêu chuẩn bình xét:", 3)[::2] == [
        "- Cờ thi đua của Thanh tra Chính phủ: trên 80% số phiếu đồng ý, tối đa 01 (một) tập "
        "thể;",
        "Tỷ lệ phiếu đồng ý được tính trên tổng số phiếu hợp lệ.",
    ]
    assert "Vĩnh Long (vắng mặt)" not in "\n".join(texts)


def test_awards_counted_on_different_bases_name_each_base(
        sample: Workbook, template: Template) -> None:
    book = nine_members(sample)
    forms = [f.model_copy(update={"base": "valid"}) if f.name == MERIT else f
             for f in book.award_forms]
    texts = paragraph_texts(render(book.model_copy(update={"award_forms": forms}), template))
    assert after(texts, "Tiêu chuẩn bình xét:", 4) == [
        "- Cờ thi đua của Thanh tra Chính phủ: từ 80% số phiếu đồng ý trở lên trên tổng số "
        "người bỏ phiếu (kể cả ý kiến bằng văn bản của thành viên vắng mặt), tối đa 01 (một) "
        "tập thể;",
        "- Bằng khen của Tổng Thanh tra Chính phủ: từ 50% số phiếu đồng ý trở lên trên tổng số "
        "phiếu hợp lệ, tối đa 02 (hai) tập thể và 02 (hai) cá nhân.",
        "Ý kiến bằng văn bản của Thanh tra tỉnh Vĩnh Long (vắng mặt) được tính vào tổng số "
        "người bỏ phiếu.",
        "Kết quả bỏ phiếu như sau:",
    ]


def test_each_nominee_with_the_rule_applied(nine: list[str], nine_doc: Document) -> None:
    table = next(t for t in nine_doc.tables if t.rows[0].cells[-1].text == "Kết quả")
    assert [[c.text for c in r.cells] for r in table.rows[1:]] == [
        ["1", ST, "Cờ thi đua của Thanh tra Chính phủ", "8", "8", "100%", "Đề nghị"],
        ["2", KG, "Cờ thi đua của Thanh tra Chính phủ", "8", "8", "100%", "Không đề nghị"],
        ["3", CM, "Bằng khen của Tổng Thanh tra Chính phủ", "5", "8", "62,5%", "Đề nghị"],
        ["4", f"Lê Thị Bích Thủy, Phó Chánh Văn phòng, {AG}",
         "Bằng khen của Tổng Thanh tra Chính phủ", "3", "8", "37,5%", "Không đề nghị"],
    ]
    assert after(nine, "Hội nghị thống nhất đề nghị Tổng Thanh tra Chính phủ:", 4) == [
        "- Tặng Cờ thi đua của Thanh tra Chính phủ cho Thanh tra tỉnh Sóc Trăng (8/8 phiếu "
        "đồng ý, đạt 100%);",
        "- Tặng Bằng khen của Tổng Thanh tra Chính phủ cho Thanh tra tỉnh Cà Mau (5/8 phiếu "
        "đồng ý, đạt 62,5%).",
        "Thanh tra tỉnh Kiên Giang được 8/8 phiếu đồng ý, đạt 100%, đủ tỷ lệ nhưng vượt số "
        "lượng được đề nghị tặng Cờ thi đua của Thanh tra Chính phủ (tối đa 01 (một) tập thể); "
        "bằng tỷ lệ phiếu với Thanh tra tỉnh Sóc Trăng nhưng xếp hạng chấm điểm thấp hơn, nên "
        "Hội nghị không đề nghị.",
        "Lê Thị Bích Thủy, Phó Chánh Văn phòng, Thanh tra tỉnh An Giang được 3/8 phiếu đồng ý, "
        "đạt 37,5%, chưa đạt tỷ lệ từ 50% trở lên để đề nghị tặng Bằng khen của Tổng Thanh tra "
        "Chính phủ, nên Hội nghị không đề nghị.",
    ]


def test_non_unanimous_election_with_counts_and_copies(nine: list[str]) -> None:
    assert after(nine, "4. Bầu Cụm trưởng, Cụm phó năm 2022", 3)[1:] == [
        "- Thanh tra tỉnh Kiên Giang làm Cụm trưởng, được 6/6 phiếu (100%);",
        "- Thanh tra tỉnh Cà Mau làm Cụm phó, được 4/6 phiếu (66,7%).",
    ]
    assert "Biên bản được lập thành 03 (ba) bản có giá trị như nhau." in nine


# --------------------------------------------------------------------------- old workbooks


def old_workbook(sample: Workbook, **conference: Any) -> Workbook:
    """The sample as a workbook made before the attendance sheet and the new meeting rows."""
    blank = {"agenda": [], "discussion": None, "leader_votes": None, "deputy_votes": None,
             "minutes_copies": None, **conference}
    return sample.model_copy(update={
        "attendance": [], "conference": sample.conference.model_copy(update=blank)})


@pytest.fixture(scope="module")
def old(sample: Workbook, template: Template) -> Document:
    return render(old_workbook(sample), template)


def markers(document: Document) -> list[tuple[str, str]]:
    """Each paragraph holding a marker: (text before the marker, the marker), in order;
    every marker must be highlighted yellow."""
    found = []
    for p in document.paragraphs:
        for marker in PATTERN.findall(p.text):
            runs = [r for r in p.runs if marker in r.text]
            assert runs and all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in runs)
            found.append((p.text[:p.text.index(marker)], marker))
    return found


def test_old_workbook_prints_a_marker_in_each_unknown_place(old: Document) -> None:
    assert markers(old) == [
        ("", "[Bổ sung: đại biểu khách mời; đại biểu của từng đơn vị thành viên có mặt (họ và "
             "tên, chức vụ); đơn vị vắng mặt có ý kiến bằng văn bản và đơn vị vắng mặt]"),
        ("Số thành viên có mặt: ", "[Bổ sung: số đơn vị thành viên có mặt trên tổng số thành "
         "viên và điều kiện tiến hành bình xét theo quy định]"),
        ("Chương trình hội nghị: ", "[Bổ sung: các nội dung của hội nghị theo thứ tự]"),
        ("Ban kiểm phiếu: ", "[Bổ sung: họ và tên, chức vụ, đơn vị của Trưởng ban và các thành "
         "viên]"),
        ("- Thanh tra tỉnh Kiên Giang làm Cụm trưởng, được ", "[Bổ sung: số phiếu bầu trên số "
         "phiếu hợp lệ]"),
        ("- Thanh tra tỉnh Cà Mau làm Cụm phó, được ", "[Bổ sung: số phiếu bầu trên số phiếu "
         "hợp lệ]"),
        ("", "[Bổ sung: ý kiến thảo luận của các thành viên; việc thông qua Báo cáo tổng kết năm "
             "2021, dự thảo Kế hoạch phát động phong trào thi đua và Giao ước thi đua năm "
             "2022]"),
        ("Biên bản được lập thành ", "[Bổ sung: số bản, ví dụ: 02 (hai)]"),
    ]


def test_old_workbook_keeps_its_summary_and_invents_nobody(old: Document) -> None:
    texts = paragraph_texts(old)
    assert [t for t in texts if t.startswith("Thành phần tham dự: ")] == [
        "Thành phần tham dự: Chánh Thanh tra tỉnh, Phó Chánh Thanh tra tỉnh, Chánh Văn phòng, "
        "Phó Chánh Văn phòng, Trưởng phòng, Phó Trưởng phòng thuộc Thanh tra các tỉnh, thành "
        "phố trong Cụm."]
    text = all_text(old)
    for invented in ("Có mặt", "Đại biểu khách mời", "Trưởng ban:", "phiếu (100%)",
                     "Hội nghị tiến hành theo chương trình", "lập thành 0"):
        assert invented not in text
    assert not any(t.rows[0].cells[1].text == "Đơn vị thành viên" for t in old.tables)


def test_one_election_count_known_the_other_asked_for(sample: Workbook,
                                                      template: Template) -> None:
    book = old_workbook(sample, leader_votes=7)
    texts = paragraph_texts(render(book, template))
    assert after(texts, "4. Bầu Cụm trưởng, Cụm phó năm 2022", 3)[1:] == [
        "- Thanh tra tỉnh Kiên Giang làm Cụm trưởng, được 7/7 phiếu (100%);",
        "- Thanh tra tỉnh Cà Mau làm Cụm phó, được [Bổ sung: số phiếu bầu trên số phiếu hợp "
        "lệ]",
    ]


# --------------------------------------------------------------------------- page flow

HEADINGS = ("I. THÀNH PHẦN", "II. NỘI DUNG", "1. Kết quả chấm điểm thi đua",
            "2. Bình xét, suy tôn", "3. Kết luận", "4. Bầu Cụm trưởng, Cụm phó năm 2022",
            "5. Ý kiến thảo luận và các nội dung Hội nghị thông qua")


def test_every_line_leading_into_a_table_stays_with_it(nine_doc: Document) -> None:
    body = nine_doc.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}tbl"):
            before = child.getprevious()
            if before is not None and before.tag.endswith("}p"):
                paragraph = Paragraph(before, nine_doc)
                if paragraph.text:
                    assert format_value(paragraph, "keep_with_next") is True, paragraph.text


def page_lines(path: Path) -> list[list[str]]:
    """Each page's lines of text, blank lines and the page number left out."""
    pages = []
    for page in PdfReader(path).pages:
        lines = [line.strip() for line in (page.extract_text() or "").splitlines()]
        pages.append([line for line in lines if line and not line.isdigit()])
    return pages


@needs_libreoffice
def test_no_heading_or_lead_ends_a_page_and_no_page_holds_only_signatures(
        sample: Workbook, template: Template, tmp_path: Path) -> None:
    books = {"sample": sample, "nine": nine_members(sample), "old": old_workbook(sample)}
    paths = []
    for name, book in books.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(template.render(minutes_context.context(book, outcome(book))))
        paths.append(path)
    for path, _ in pdf.convert(paths):
        pages = page_lines(path)
        for lines in pages[:-1]:
            assert lines[-1] not in HEADINGS, (path.name, lines[-1])
            assert not lines[-1].endswith(":"), (path.name, lines[-1])
        assert any(line.startswith("Biên bản đã được thông qua") for line in pages[-1]), (
            path.name, pages[-1])


def test_a_khoi_names_its_officers_so(sample: Workbook, template: Template) -> None:
    book = nine_members(sample)
    book = book.model_copy(update={"cluster": book.cluster.model_copy(
        update={"name": "Khối thi đua các cơ quan thanh tra tỉnh"})})
    texts = paragraph_texts(render(book, template))
    assert after(texts, "4. Bầu Trưởng Khối, Phó Trưởng Khối năm 2022", 3) == [
        "Hội nghị đã bầu Trưởng Khối, Phó Trưởng Khối năm 2022:",
        "- Thanh tra tỉnh Kiên Giang làm Trưởng Khối, được 6/6 phiếu (100%);",
        "- Thanh tra tỉnh Cà Mau làm Phó Trưởng Khối, được 4/6 phiếu (66,7%).",
    ]
    assert "Đại biểu các đơn vị thành viên Khối có mặt:" in texts
    assert ("Hội nghị đã thông qua kết quả chấm điểm, xếp hạng thi đua năm 2021 của các thành "
            "viên Khối như sau:") in texts


def test_a_title_that_names_its_unit_is_not_followed_by_the_unit_again() -> None:
    board = [present("Sở Công Thương", "Phạm Minh Trí", "Giám đốc Sở Công Thương", "head"),
             present("Sở Y tế", "Lê Hoàng Nam", "Chánh Văn phòng", "member")]
    assert meeting.board_lines(board) == [
        "- Trưởng ban: đồng chí Phạm Minh Trí, Giám đốc Sở Công Thương;",
        "- Thành viên: đồng chí Lê Hoàng Nam, Chánh Văn phòng, Sở Y tế.",
    ]
