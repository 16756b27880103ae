"""Build the minutes (biên bản họp bình xét) from the sample and read them as a reader would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx_helpers import (
    all_text,
    assert_length,
    font_value,
    format_value,
    paragraph_texts,
    paragraph_with,
)

from docgen.build import TEMPLATES_DIR, check
from docgen.documents.minutes import context as minutes_context
from docgen.render import Template
from tests.ballot_edits import VOTES, add_nominee, collective, individual
from tests.conftest import SAMPLE, build_one, set_cell, set_form


def _minutes(workbook: Path, out: Path) -> Document:
    return build_one(workbook, out, "bien-ban")


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _minutes(SAMPLE, tmp_path_factory.mktemp("out"))



def test_header_has_number_but_no_place_and_date(minutes: Document) -> None:
    header = minutes.tables[0]
    agency = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    assert agency == ["THANH TRA CHÍNH PHỦ", "CỤM THI ĐUA", "THANH TRA CÁC TỈNH",
                      "MIỀN TÂY NAM SÔNG HẬU"]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 24/BB-CTĐ"
    assert header.cell(1, 1).text == ""
    assert "ngày 20 tháng 12 năm 2021" not in header.cell(1, 1).text
    nation = [p for p in header.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in nation] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                        "Độc lập - Tự do - Hạnh phúc"]
    assert [font_value(p, "size") for p in nation] == [Pt(12), Pt(13)]
    assert all(font_value(p, "bold") for p in nation)


def test_title_and_subject(minutes: Document) -> None:
    title = paragraph_with(minutes, "BIÊN BẢN")
    assert font_value(title, "bold") is True
    assert format_value(title, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    subject = paragraph_with(
        minutes, "Họp bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng năm 2021 của "
        "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu")
    assert font_value(subject, "bold") is True


MEETING_LINES = [
    "Thời gian bắt đầu: 08 giờ 00 phút, ngày 20 tháng 12 năm 2021.",
    "Hình thức: Trực tuyến.",
    "Địa điểm: Hội trường Thanh tra tỉnh Bạc Liêu, kết nối trực tuyến với các điểm cầu: Thanh "
    "tra Chính phủ (điểm cầu chính), Thanh tra tỉnh Kiên Giang, Thanh tra tỉnh Cà Mau, Thanh "
    "tra tỉnh Sóc Trăng, Thanh tra tỉnh Hậu Giang, Thanh tra thành phố Cần Thơ, Thanh tra tỉnh "
    "An Giang.",
    "I. THÀNH PHẦN",
    "Chủ trì: đồng chí Bùi Thanh Nguyên, Chánh Thanh tra tỉnh Bạc Liêu, Cụm trưởng; đồng chủ "
    "trì: đồng chí Nguyễn Văn Đức, Chánh Thanh tra tỉnh Kiên Giang, Cụm phó.",
    "Thư ký: đồng chí Trần Thị Mỹ Linh, Chuyên viên Văn phòng Thanh tra tỉnh Bạc Liêu.",
    "Đại biểu khách mời:",
    "- Đồng chí Nguyễn Thị Thu Hà, Phó Vụ trưởng, Vụ Tổ chức cán bộ, Thanh tra Chính phủ.",
    "Đại biểu các đơn vị thành viên Cụm có mặt:",
]


def test_meeting_lines_in_order_and_body_format(minutes: Document) -> None:
    texts = paragraph_texts(minutes)
    positions = [texts.index(line) for line in MEETING_LINES]
    assert positions == list(range(positions[0], positions[0] + len(MEETING_LINES)))
    start = paragraph_with(minutes, MEETING_LINES[0])
    assert format_value(start, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert_length(format_value(start, "first_line_indent"), Cm(1.27))
    assert format_value(start, "space_before") >= Pt(6)
    assert font_value(start, "size") == Pt(14)


def test_members_present_by_unit_and_quorum(minutes: Document) -> None:
    table = next(t for t in minutes.tables if t.rows[0].cells[1].text == "Đơn vị thành viên")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == 7
    assert rows[0] == ["1", "Thanh tra tỉnh Bạc Liêu",
                       "Bùi Thanh Nguyên, Chánh Thanh tra tỉnh\nTrần Thị Mỹ Linh, Chuyên viên "
                       "Văn phòng"]
    assert rows[5][1:] == ["Thanh tra thành phố Cần Thơ", "Huỳnh Thanh Sơn, Chánh Thanh tra "
                           "thành phố\nĐỗ Minh Trí, Trưởng phòng Nghiệp vụ 1"]
    texts = paragraph_texts(minutes)
    assert ("Có mặt 7/7 đơn vị thành viên; đủ điều kiện tiến hành bình xét, suy tôn theo quy "
            "định (từ 2/3 số thành viên trở lên).") in texts
    assert not [t for t in texts if t.startswith("Vắng mặt")]
    assert not [t for t in texts if t.startswith("Thành phần tham dự")]


def test_parts_in_order(minutes: Document) -> None:
    texts = paragraph_texts(minutes)
    parts = ["I. THÀNH PHẦN", "II. NỘI DUNG", "Hội nghị tiến hành theo chương trình sau:",
             "1. Kết quả chấm điểm thi đua", "2. Bình xét, suy tôn", "3. Kết luận",
             "4. Bầu Cụm trưởng, Cụm phó năm 2022",
             "5. Ý kiến thảo luận và các nội dung Hội nghị thông qua"]
    positions = [texts.index(p) for p in parts]
    assert positions == sorted(positions)
    agenda = texts.index("Hội nghị tiến hành theo chương trình sau:")
    assert texts[agenda + 1:agenda + 6] == [
        "- Thông qua dự thảo Báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 của Cụm;",
        "- Công bố kết quả chấm điểm, xếp hạng thi đua năm 2021;",
        "- Bình xét, suy tôn tập thể đề nghị Thanh tra Chính phủ khen thưởng;",
        "- Bầu Cụm trưởng, Cụm phó năm 2022;",
        "- Thảo luận dự thảo Kế hoạch phát động phong trào thi đua và Giao ước thi đua năm "
        "2022.",
    ]


def test_score_table(minutes: Document) -> None:
    score = next(t for t in minutes.tables if t.rows[0].cells[0].text == "Xếp hạng")
    head = [c.text for c in score.rows[0].cells]
    assert head == ["Xếp hạng", "Đơn vị", "TC1 (30)", "TC2 (25)", "TC3 (20)", "TC4 (10)",
                    "TC5 (10)", "TC6 (5)", "Tổng điểm"]
    ranks = [(r.cells[0].text, r.cells[1].text, r.cells[-1].text) for r in score.rows[1:]]
    assert ranks[:2] == [("1", "Sóc Trăng", "98,5"), ("2", "Kiên Giang", "97")]


def _ballot(document: Document) -> list[list[str]]:
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Kết quả")
    assert [c.text for c in table.rows[0].cells] == [
        "STT", "Đơn vị, cá nhân được đề nghị", "Hình thức đề nghị", "Số phiếu đồng ý",
        "Tổng số người bỏ phiếu", "Tỷ lệ (%)", "Kết quả"]
    return [[c.text for c in r.cells] for r in table.rows[1:]]


def test_ballot_counts_and_table(minutes: Document) -> None:
    texts = paragraph_texts(minutes)
    board = texts.index("Hội nghị bầu Ban kiểm phiếu gồm:")
    assert texts[board + 1:board + 10] == [
        "- Trưởng ban: đồng chí Châu Minh Khải, Phó Chánh Thanh tra tỉnh, Thanh tra tỉnh Cà "
        "Mau;",
        "- Thành viên: đồng chí Võ Văn Hậu, Phó Chánh Thanh tra tỉnh, Thanh tra tỉnh Hậu Giang;",
        "- Thành viên: đồng chí Đỗ Minh Trí, Trưởng phòng Nghiệp vụ 1, Thanh tra thành phố Cần "
        "Thơ.",
        "Hội nghị tiến hành bình xét, suy tôn bằng phiếu kín: số phiếu phát ra 7, số phiếu thu "
        "về 7, số phiếu hợp lệ 7, số phiếu không hợp lệ 0.",
        "Tiêu chuẩn bình xét:",
        "- Cờ thi đua của Thanh tra Chính phủ: từ 80% số phiếu đồng ý trở lên, tối đa 01 (một) "
        "tập thể;",
        "- Bằng khen của Tổng Thanh tra Chính phủ: từ 50% số phiếu đồng ý trở lên, tối đa 02 "
        "(hai) tập thể và 02 (hai) cá nhân.",
        "Tỷ lệ phiếu đồng ý được tính trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản "
        "của thành viên vắng mặt).",
        "Kết quả bỏ phiếu như sau:",
    ]
    assert _ballot(minutes) == [
        ["1", "Thanh tra tỉnh Sóc Trăng", "Cờ thi đua của Thanh tra Chính phủ", "7", "7",
         "100%", "Đề nghị"],
        ["2", "Thanh tra tỉnh Kiên Giang", "Bằng khen của Tổng Thanh tra Chính phủ", "7", "7",
         "100%", "Đề nghị"],
    ]


def test_conclusion_names_the_proposed_units_with_votes(minutes: Document) -> None:
    texts = paragraph_texts(minutes)
    start = texts.index("3. Kết luận")
    assert texts[start + 1: start + 4] == [
        "Hội nghị thống nhất đề nghị Tổng Thanh tra Chính phủ:",
        "- Tặng Cờ thi đua của Thanh tra Chính phủ cho Thanh tra tỉnh Sóc Trăng (7/7 phiếu "
        "đồng ý, đạt 100%);",
        "- Tặng Bằng khen của Tổng Thanh tra Chính phủ cho Thanh tra tỉnh Kiên Giang (7/7 phiếu "
        "đồng ý, đạt 100%).",
    ]
    assert "không đề nghị" not in "\n".join(texts)


def test_election_discussion_and_closing(minutes: Document) -> None:
    texts = paragraph_texts(minutes)
    start = texts.index("4. Bầu Cụm trưởng, Cụm phó năm 2022")
    assert texts[start + 1:start + 5] == [
        "Hội nghị đã bầu Cụm trưởng, Cụm phó năm 2022:",
        "- Thanh tra tỉnh Kiên Giang làm Cụm trưởng, được 7/7 phiếu (100%);",
        "- Thanh tra tỉnh Cà Mau làm Cụm phó, được 7/7 phiếu (100%).",
        "5. Ý kiến thảo luận và các nội dung Hội nghị thông qua",
    ]
    assert texts[start + 5].startswith("Các thành viên thống nhất với dự thảo Báo cáo tổng kết")
    assert texts[start + 6:start + 9] == [
        "Cuộc họp kết thúc vào 11 giờ 30 phút cùng ngày.",
        "Biên bản được lập thành 02 (hai) bản có giá trị như nhau.",
        "Biên bản đã được thông qua tại cuộc họp, các thành viên dự họp nhất trí./.",
    ]
    for line in texts[start + 6:start + 9]:
        assert format_value(paragraph_with(minutes, line), "keep_with_next") is True
    assert "[Bổ sung" not in all_text(minutes)


def test_secretary_left_chair_right(minutes: Document) -> None:
    block = minutes.tables[-1]
    assert len(block.columns) == 2
    left = [p for p in block.cell(0, 0).paragraphs if p.text]
    right = [p for p in block.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in left] == ["THƯ KÝ", "Trần Thị Mỹ Linh"]
    assert [p.text for p in right] == ["CHỦ TỌA", "Bùi Thanh Nguyên"]
    assert all(font_value(p, "bold") for p in left + right)
    gap = [p for p in block.cell(0, 1).paragraphs if not p.text]
    assert len(gap) >= 3  # room for the signature


def test_recipients_follow_the_signatures(minutes: Document) -> None:
    texts = paragraph_texts(minutes)
    start = texts.index("Nơi nhận:")
    assert texts[start + 1:] == ["- Các thành viên Cụm thi đua;", "- Lưu: VT, Hồ sơ."]
    head = minutes.paragraphs[start]
    assert (font_value(head, "bold"), font_value(head, "italic")) == (True, True)
    assert font_value(head, "size") == Pt(12)
    assert format_value(head, "alignment") == WD_ALIGN_PARAGRAPH.LEFT
    assert all(font_value(p, "size") == Pt(11) for p in minutes.paragraphs[start + 1:])


def test_no_leftover_tags_or_blanks(minutes: Document) -> None:
    text = all_text(minutes)
    for bad in ("{{", "{%", "}}", "None", "nan"):
        assert bad not in text


def test_nominees_not_proposed_are_explained_with_numbers(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    path = edited(
        lambda b: add_nominee(b, 3, collective("Thanh tra tỉnh Cà Mau", "Cờ thi đua", 4)),
        lambda b: add_nominee(b, 4, collective("Thanh tra tỉnh An Giang", "Cờ thi đua", 6)),
        lambda b: add_nominee(b, 5, individual("Nguyễn Thị Lan", "Phó Chánh Thanh tra tỉnh",
                                               "Thanh tra tỉnh Kiên Giang", 6)),
    )
    minutes = _minutes(path, tmp_path / "out")
    assert _ballot(minutes)[2:] == [
        ["3", "Thanh tra tỉnh Cà Mau", "Cờ thi đua của Thanh tra Chính phủ", "4", "7", "57,1%",
         "Không đề nghị"],
        ["4", "Thanh tra tỉnh An Giang", "Cờ thi đua của Thanh tra Chính phủ", "6", "7", "85,7%",
         "Không đề nghị"],
        ["5", "Nguyễn Thị Lan, Phó Chánh Thanh tra tỉnh, Thanh tra tỉnh Kiên Giang",
         "Bằng khen của Tổng Thanh tra Chính phủ", "6", "7", "85,7%", "Đề nghị"],
    ]
    texts = paragraph_texts(minutes)
    assert ("- Tặng Bằng khen của Tổng Thanh tra Chính phủ cho Nguyễn Thị Lan, Phó Chánh Thanh "
            "tra tỉnh, Thanh tra tỉnh Kiên Giang (6/7 phiếu đồng ý, đạt 85,7%).") in texts
    assert ("Thanh tra tỉnh Cà Mau được 4/7 phiếu đồng ý, đạt 57,1%, chưa đạt tỷ lệ từ 80% "
            "trở lên để đề nghị tặng Cờ thi đua của Thanh tra Chính phủ, nên Hội nghị không đề "
            "nghị.") in texts
    assert ("Thanh tra tỉnh An Giang được 6/7 phiếu đồng ý, đạt 85,7%, đủ tỷ lệ nhưng vượt số "
            "lượng được đề nghị tặng Cờ thi đua của Thanh tra Chính phủ (tối đa 01 (một) tập "
            "thể), nên Hội nghị không đề nghị.") in texts
    flag_lines = [t for t in texts if t.startswith("- Tặng Cờ thi đua")]
    assert flag_lines == ["- Tặng Cờ thi đua của Thanh tra Chính phủ cho Thanh tra tỉnh Sóc "
                          "Trăng (7/7 phiếu đồng ý, đạt 100%);"]


def test_nobody_qualifies(edited: Callable[..., Path], tmp_path: Path) -> None:
    def low_votes(book: Any) -> None:
        for row in (1, 2):
            set_cell(book, VOTES, "Số phiếu đồng ý", row, 3)
        set_form(book, "Hội nghị", "Hình thức", "Trực tiếp")

    minutes = _minutes(edited(low_votes), tmp_path / "out")
    texts = paragraph_texts(minutes)
    start = texts.index("3. Kết luận")
    assert texts[start + 1] == ("Hội nghị không có đơn vị, cá nhân nào đủ điều kiện để đề nghị "
                                "khen thưởng.")
    assert "Hình thức: Trực tiếp." in texts
    assert "Địa điểm: Hội trường Thanh tra tỉnh Bạc Liêu." in texts
    assert [row[-1] for row in _ballot(minutes)] == ["Không đề nghị", "Không đề nghị"]
    assert "None" not in all_text(minutes)


def test_minutes_number_when_given(edited: Callable[..., Path], tmp_path: Path) -> None:
    path = edited(lambda b: set_cell(b, "Ký và nơi nhận", "Số", 2, 5))
    minutes = _minutes(path, tmp_path / "out")
    assert minutes.tables[0].cell(1, 0).paragraphs[0].text == "Số: 05/BB-CTĐ"


def test_template_reads_exactly_the_context() -> None:
    checked = check(SAMPLE)
    context = minutes_context.context(checked.book, checked.outcome)
    template = Template.load(TEMPLATES_DIR / "bien-ban.docx")
    assert template.undeclared_variables() == set(context)


def test_hybrid_meeting_without_co_chair(edited: Callable[..., Path], tmp_path: Path) -> None:
    def hybrid(book: Any) -> None:
        set_form(book, "Hội nghị", "Hình thức", "Trực tiếp kết hợp trực tuyến")
        set_form(book, "Hội nghị", "Các điểm cầu", "Thanh tra tỉnh Bạc Liêu; Thanh tra tỉnh Cà "
                 "Mau.")
        set_form(book, "Hội nghị", "Đồng chủ trì (họ và tên)", None)
        set_form(book, "Hội nghị", "Chức vụ của đồng chủ trì", None)
        set_form(book, "Hội nghị", "Giờ bắt đầu", "07:05")

    texts = paragraph_texts(_minutes(edited(hybrid), tmp_path / "out"))
    assert texts[texts.index("Thời gian bắt đầu: 07 giờ 05 phút, ngày 20 tháng 12 năm 2021."):][
        1:5] == [
        "Hình thức: Trực tiếp kết hợp trực tuyến.",
        "Địa điểm: Hội trường Thanh tra tỉnh Bạc Liêu, kết hợp trực tuyến với điểm cầu Thanh "
        "tra tỉnh Cà Mau.",
        "I. THÀNH PHẦN",
        "Chủ trì: đồng chí Bùi Thanh Nguyên, Chánh Thanh tra tỉnh Bạc Liêu, Cụm trưởng.",
    ]


def test_online_meeting_without_bridges_names_only_the_venue(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    path = edited(lambda b: set_form(b, "Hội nghị", "Các điểm cầu", None))
    texts = paragraph_texts(_minutes(path, tmp_path / "out"))
    assert "Hình thức: Trực tuyến." in texts
    assert "Địa điểm: Hội trường Thanh tra tỉnh Bạc Liêu." in texts
