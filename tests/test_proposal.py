"""Build the award proposal (tờ trình) from the sample and read it as a reader would."""

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
from docgen.documents.proposal import context as proposal_context
from docgen.documents.shared.references import proposal_number_line
from docgen.render import Template
from tests.ballot_edits import add_nominee, collective, individual
from tests.conftest import SAMPLE, build_one, set_award, set_cell, set_form

CLUSTER = "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu"


def _proposal(workbook: Path, out: Path) -> Document:
    return build_one(workbook, out, "to-trinh")


@pytest.fixture(scope="module")
def proposal(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _proposal(SAMPLE, tmp_path_factory.mktemp("out"))



def _after(texts: list[str], line: str, count: int) -> list[str]:
    start = texts.index(line)
    return texts[start + 1: start + 1 + count]


def test_header_number_and_date_line(proposal: Document) -> None:
    header = proposal.tables[0]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 25/TTr-CTĐ"
    date = header.cell(1, 1).paragraphs[0]
    assert date.text == "Bạc Liêu, ngày 20 tháng 12 năm 2021"
    assert (font_value(date, "italic"), font_value(date, "size")) == (True, Pt(13))
    nation = [p for p in header.cell(0, 1).paragraphs if p.text]
    assert [font_value(p, "size") for p in nation] == [Pt(12), Pt(13)]
    assert all(font_value(p, "bold") for p in nation)


def test_title_subject_and_addressee(proposal: Document) -> None:
    title = paragraph_with(proposal, "TỜ TRÌNH")
    assert font_value(title, "bold") is True
    subject = paragraph_with(
        proposal, "Về việc đề nghị tặng Cờ thi đua của Thanh tra Chính phủ và Bằng khen của Tổng "
        "Thanh tra Chính phủ năm 2021")
    assert format_value(subject, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert ("Kính gửi: Tổng Thanh tra Chính phủ (qua Thường trực Hội đồng Thi đua - Khen thưởng "
            "ngành Thanh tra).") in paragraph_texts(proposal)


def test_basis_lines_end_with_the_minutes(proposal: Document) -> None:
    basis = [p for p in proposal.paragraphs if p.text.startswith("Căn cứ ")]
    assert [p.text for p in basis] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14/6/2005;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16/11/2013;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi "
        "hành một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Kế hoạch số 108/KH-TTCP ngày 13/01/2021 của Thanh tra Chính phủ về công tác thi "
        "đua, khen thưởng năm 2021;",
        "Căn cứ Kế hoạch số 22/KH-CTĐ ngày 22/10/2021 của Cụm Thi đua phát động phong trào thi "
        "đua năm 2021;",
        "Căn cứ Giao ước thi đua năm 2021;",
        f"Căn cứ Biên bản họp bình xét ngày 20/12/2021 của {CLUSTER}.",
    ]
    assert all(font_value(p, "italic") is True for p in basis)


def test_result_paragraph_and_body_format(proposal: Document) -> None:
    result = next(p for p in proposal.paragraphs if p.text.startswith("Ngày 20 tháng 12"))
    assert result.text == (
        f"Ngày 20 tháng 12 năm 2021, {CLUSTER} tổ chức Hội nghị trực tuyến tổng kết công tác thi "
        "đua năm 2021, bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng. Hội nghị đã "
        "bỏ phiếu kín: số phiếu phát ra 7, số phiếu thu về 7, số phiếu hợp lệ 7; các tập thể, cá "
        "nhân dưới đây đạt tỷ lệ phiếu đồng ý theo quy định và được Hội nghị thống nhất đề nghị "
        "khen thưởng.")
    assert format_value(result, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert_length(format_value(result, "first_line_indent"), Cm(1.27))
    assert font_value(result, "size") == Pt(14)


FLAG_STANDARD = "(Tiêu chuẩn: tập thể dẫn đầu Cụm thi đua; tỷ lệ phiếu đồng ý từ 80% trở lên.)"
MERIT_STANDARD = ("(Tiêu chuẩn: tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua; "
                  "tỷ lệ phiếu đồng ý từ 50% trở lên.)")


def test_proposals_numbered_by_award(proposal: Document) -> None:
    request = f"{CLUSTER} kính đề nghị Tổng Thanh tra Chính phủ xem xét, tặng:"
    assert _after(paragraph_texts(proposal), request, 6) == [
        "1. Cờ thi đua của Thanh tra Chính phủ cho 01 (một) tập thể:",
        "- Thanh tra tỉnh Sóc Trăng.",
        FLAG_STANDARD,
        "2. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) tập thể:",
        "- Thanh tra tỉnh Kiên Giang.",
        MERIT_STANDARD,
    ]


def test_attachments_and_closing(proposal: Document) -> None:
    attached = paragraph_with(
        proposal, "(Kèm theo: Biên bản họp bình xét; Danh sách đề nghị khen thưởng; Báo cáo "
        "thành tích của các tập thể được đề nghị).")
    assert font_value(attached, "italic") is True
    texts = paragraph_texts(proposal)
    closing = "Kính trình Tổng Thanh tra Chính phủ xem xét, quyết định./."
    assert texts.index(closing) == texts.index(attached.text) + 1


def test_signature_and_recipients(proposal: Document) -> None:
    block = proposal.tables[-1]
    left = [p for p in block.cell(0, 0).paragraphs if p.text]
    assert left[0].text == "Nơi nhận:"
    assert (font_value(left[0], "bold"), font_value(left[0], "italic")) == (True, True)
    assert font_value(left[0], "size") == Pt(12)
    assert [p.text for p in left[1:]] == ["- Như trên;", "- Các thành viên Cụm thi đua;",
                                          "- Lưu: VT, CTĐ."]
    assert all(font_value(p, "size") == Pt(11) for p in left[1:])
    right = [p.text for p in block.cell(0, 1).paragraphs if p.text]
    assert right == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "CHÁNH THANH TRA TỈNH BẠC LIÊU",
                     "Bùi Thanh Nguyên"]


def test_no_leftover_tags_or_blanks(proposal: Document) -> None:
    text = all_text(proposal)
    for bad in ("{{", "{%", "}}", "None", "nan"):
        assert bad not in text


def test_proposal_number_line_keeps_the_clerks_space(edited: Callable[..., Path]) -> None:
    assert proposal_number_line(check(SAMPLE).book) == "Số: 25/TTr-CTĐ"
    book = check(edited(lambda b: set_cell(b, "Ký và nơi nhận", "Số", 3, None))).book
    assert proposal_number_line(book) == f"Số: {chr(0xA0) * 6}/TTr-CTĐ"


def test_only_proposed_nominees_are_listed_with_counts(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    def nominees(book: Any) -> None:
        add_nominee(book, 3, collective("Thanh tra tỉnh Cà Mau", "Cờ thi đua", 4))
        add_nominee(book, 4, individual("Nguyễn Thị Lan", "Phó Chánh Thanh tra tỉnh",
                                        "Thanh tra tỉnh Kiên Giang", 6))
        add_nominee(book, 5, individual("Trần Văn Bình", "Trưởng phòng Nghiệp vụ 1",
                                        "Thanh tra tỉnh Sóc Trăng", 7))
        add_nominee(book, 6, collective("Thanh tra tỉnh An Giang", "Bằng khen", 3))
        set_award(book, "Bằng khen", "Số tập thể tối đa", 3)
        set_cell(book, "Ký và nơi nhận", "Số", 2, 5)

    proposal = _proposal(edited(nominees), tmp_path / "out")
    texts = paragraph_texts(proposal)
    request = f"{CLUSTER} kính đề nghị Tổng Thanh tra Chính phủ xem xét, tặng:"
    assert _after(texts, request, 7) == [
        "1. Cờ thi đua của Thanh tra Chính phủ cho 01 (một) tập thể:",
        "- Thanh tra tỉnh Sóc Trăng.",
        FLAG_STANDARD,
        "2. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) tập thể và 02 (hai) cá nhân:",
        "- Thanh tra tỉnh Kiên Giang;",
        "- Nguyễn Thị Lan, Phó Chánh Thanh tra tỉnh, Thanh tra tỉnh Kiên Giang;",
        "- Trần Văn Bình, Trưởng phòng Nghiệp vụ 1, Thanh tra tỉnh Sóc Trăng.",
    ]
    text = all_text(proposal)
    assert "Cà Mau" not in text and "An Giang" not in text
    assert (f"Căn cứ Biên bản họp bình xét số 05/BB-CTĐ ngày 20/12/2021 của {CLUSTER}."
            in texts)
    assert ("(Kèm theo: Biên bản họp bình xét; Danh sách đề nghị khen thưởng; Báo cáo thành "
            "tích của các tập thể, cá nhân được đề nghị).") in texts


def test_only_the_awards_proposed_are_in_the_subject(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    path = edited(lambda b: set_cell(b, "Bình xét", "Số phiếu đồng ý", 1, 4))
    proposal = _proposal(path, tmp_path / "out")
    texts = paragraph_texts(proposal)
    assert ("Về việc đề nghị tặng Bằng khen của Tổng Thanh tra Chính phủ năm 2021") in texts
    assert not any("Cờ thi đua" in t for t in texts)
    request = f"{CLUSTER} kính đề nghị Tổng Thanh tra Chính phủ xem xét, tặng:"
    assert _after(texts, request, 3) == [
        "1. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) tập thể:",
        "- Thanh tra tỉnh Kiên Giang.",
        MERIT_STANDARD,
    ]


def test_nobody_proposed_leaves_no_empty_request(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    def low_votes(book: Any) -> None:
        for row in (1, 2):
            set_cell(book, "Bình xét", "Số phiếu đồng ý", row, 3)

    proposal = _proposal(edited(low_votes), tmp_path / "out")
    text = all_text(proposal)
    assert "xem xét, tặng:" not in text
    assert "không có tập thể, cá nhân nào đạt đủ tiêu chuẩn để đề nghị khen thưởng." in text
    for bad in ("{{", "{%", "None"):
        assert bad not in text


@pytest.mark.parametrize(("form", "held"), [
    ("Trực tuyến", "tổ chức Hội nghị trực tuyến tổng kết công tác thi đua năm 2021, bình xét"),
    ("Trực tiếp", "tổ chức Hội nghị tổng kết công tác thi đua năm 2021, bình xét"),
    ("Trực tiếp kết hợp trực tuyến",
     "tổ chức Hội nghị trực tiếp kết hợp trực tuyến tổng kết công tác thi đua năm 2021, bình xét"),
])
def test_result_paragraph_names_the_meeting_form(
    edited: Callable[..., Path], tmp_path: Path, form: str, held: str
) -> None:
    path = edited(lambda b: set_form(b, "Hội nghị", "Hình thức", form))
    texts = paragraph_texts(_proposal(path, tmp_path / "out"))
    (result,) = [t for t in texts if t.startswith("Ngày 20 tháng 12 năm 2021, ")]
    assert result == f"Ngày 20 tháng 12 năm 2021, {CLUSTER} {held}" + (
        ", suy tôn danh hiệu thi đua, hình thức khen thưởng. Hội nghị đã bỏ phiếu kín: số phiếu "
        "phát ra 7, số phiếu thu về 7, số phiếu hợp lệ 7; các tập thể, cá nhân dưới đây đạt tỷ "
        "lệ phiếu đồng ý theo quy định và được Hội nghị thống nhất đề nghị khen thưởng.")


def test_only_individuals_proposed_for_an_award(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    def person_only(book: Any) -> None:
        set_cell(book, "Bình xét", "Số phiếu đồng ý", 2, 2)
        add_nominee(book, 3, individual("Trần Thị Lan", "Chánh Văn phòng",
                                        "Thanh tra tỉnh Cà Mau", 7))

    texts = paragraph_texts(_proposal(edited(person_only), tmp_path / "out"))
    request = f"{CLUSTER} kính đề nghị Tổng Thanh tra Chính phủ xem xét, tặng:"
    assert _after(texts, request, 6) == [
        "1. Cờ thi đua của Thanh tra Chính phủ cho 01 (một) tập thể:",
        "- Thanh tra tỉnh Sóc Trăng.",
        FLAG_STANDARD,
        "2. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) cá nhân:",
        "- Trần Thị Lan, Chánh Văn phòng, Thanh tra tỉnh Cà Mau.",
        MERIT_STANDARD,
    ]
    assert ("(Kèm theo: Biên bản họp bình xét; Danh sách đề nghị khen thưởng; Báo cáo thành "
            "tích của các tập thể, cá nhân được đề nghị).") in texts


def test_an_award_without_criteria_states_its_share_and_decider(
    edited: Callable[..., Path], tmp_path: Path
) -> None:
    def ubnd(book: Any) -> None:
        set_award(book, "Bằng khen", "Tiêu chuẩn", None)
        set_award(book, "Bằng khen", "Cách tính tỷ lệ", "Trên … %")
        set_award(book, "Bằng khen", "Cấp quyết định", "Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu")
        set_cell(book, "Bình xét", "Số phiếu đồng ý", 1, 4)  # the flag is not proposed

    texts = paragraph_texts(_proposal(edited(ubnd), tmp_path / "out"))
    request = (f"{CLUSTER} kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu xem xét, "
               "tặng:")
    assert _after(texts, request, 3) == [
        "1. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) tập thể:",
        "- Thanh tra tỉnh Kiên Giang.",
        "(Tiêu chuẩn: tỷ lệ phiếu đồng ý trên 50%.)",
    ]


def test_template_reads_exactly_the_context() -> None:
    checked = check(SAMPLE)
    context = proposal_context.context(checked.book, checked.outcome)
    template = Template.load(TEMPLATES_DIR / "to-trinh.docx")
    assert template.undeclared_variables() == set(context)
