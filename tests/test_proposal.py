"""Build the award proposal (tờ trình) from the sample and read it as a reader would."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
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

from docgen import rules
from docgen.build import TEMPLATES_DIR, check
from docgen.documents.proposal import context as proposal_context
from docgen.documents.shared.references import proposal_number_line
from docgen.model import Citation, Vote, Workbook
from docgen.render import Template
from tests.conftest import SAMPLE, build_one, set_cell, set_form
from tests.other_clusters import HA_LINE, INDUSTRY, JUSTICE, SCIENCE, departments

CLUSTER = check(SAMPLE).book.cluster.name


def _proposal(workbook: Path, out: Path) -> Document:
    return build_one(workbook, out, "to-trinh")


@pytest.fixture(scope="module")
def proposal(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _proposal(SAMPLE, tmp_path_factory.mktemp("out"))



@pytest.fixture(scope="module")
def sample_book() -> Workbook:
    return check(SAMPLE).book


def render_texts(book: Workbook) -> list[str]:
    """The paragraphs of the proposal of `book`, rendered in memory."""
    template = Template.load(TEMPLATES_DIR / "to-trinh.docx")
    data = template.render(proposal_context.context(book, rules.outcome(book)))
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


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


def test_basis_lines_are_the_workbooks_citations_then_the_minutes(proposal: Document) -> None:
    book = check(SAMPLE).book
    basis = [p for p in proposal.paragraphs if p.text.startswith("Căn cứ ")]
    cited = [x for role in ("award_basis", "basis") for x in book.citations if x.role == role]
    assert len(basis) == len(cited) + 1
    for paragraph, citation in zip(basis, cited, strict=False):
        assert paragraph.text.startswith(f"Căn cứ {citation.kind}")
        for part in (citation.number, citation.issuer, citation.subject):
            assert part is None or part in paragraph.text
    laws = [p.text for p in basis if p.text.startswith("Căn cứ Luật")]
    assert [("2003" in t, "14/6/2005" in t, "16/11/2013" in t) for t in laws[:3]] == [
        (True, False, False), (False, True, False), (False, False, True)]
    assert basis[-1].text.startswith("Căn cứ Biên bản họp bình xét ")
    assert basis[-1].text.endswith(f"ngày 20/12/2021 của {CLUSTER}.")
    assert all(p.text.endswith(";") for p in basis[:-1])
    assert all(font_value(p, "italic") is True for p in basis)


def test_a_citation_prints_what_it_has_and_invents_nothing(tmp_path: Path) -> None:
    book = check(SAMPLE).book
    bare = Citation(role="award_basis", kind="Thông tư", number="12/2019/TT-BNV",
                    subject="quy định chi tiết thi hành Nghị định số 91/2017/NĐ-CP")
    dated = Citation(role="award_basis", kind="Quyết định", number="575/QĐ-TTCP",
                     date=dt.date(2019, 7, 2))
    book = book.model_copy(update={"citations": [bare, dated, *book.citations]})
    basis = [t for t in render_texts(book) if t.startswith("Căn cứ ")]
    assert basis[:2] == [
        "Căn cứ Thông tư số 12/2019/TT-BNV quy định chi tiết thi hành Nghị định số "
        "91/2017/NĐ-CP;",
        "Căn cứ Quyết định số 575/QĐ-TTCP ngày 02/7/2019;",
    ]


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


FLAG_CRITERIA = ("được Hội nghị bình xét đạt tiêu chuẩn “tập thể dẫn đầu Cụm thi đua” với "
                 "7/7 phiếu đồng ý, đạt 100% (yêu cầu từ 80% trở lên)")
MERIT = "tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua"
SOC_TRANG = ("- Thanh tra tỉnh Sóc Trăng: dẫn đầu Cụm thi đua với 98,5 điểm, xếp thứ 1/7; "
             f"{FLAG_CRITERIA}.")
KIEN_GIANG = (f"- Thanh tra tỉnh Kiên Giang: đạt 97 điểm, xếp thứ 2/7; được Hội nghị bình xét "
              f"đạt tiêu chuẩn “{MERIT}” với 7/7 phiếu đồng ý, đạt 100% (yêu cầu từ 50% trở lên).")
REQUEST = f"{CLUSTER} kính đề nghị Tổng Thanh tra Chính phủ xem xét, tặng:"
REPORT_POINTER = "thành tích cụ thể nêu tại Báo cáo thành tích của đơn vị kèm theo."


def _without_results(texts: list[str]) -> list[str]:
    """The proposal's lines, a collective's key-results paragraph shortened to 'Năm …'."""
    return ["Năm …" if t.startswith("Năm 2021, đơn vị đã ") else t for t in texts]


def test_proposals_argue_each_nominee(proposal: Document) -> None:
    texts = paragraph_texts(proposal)
    assert _without_results(_after(texts, REQUEST, 6)) == [
        "1. Cờ thi đua của Thanh tra Chính phủ cho 01 (một) tập thể:",
        SOC_TRANG,
        "Năm …",
        "2. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) tập thể:",
        KIEN_GIANG,
        "Năm …",
    ]


def test_key_results_are_the_reports_figures_for_the_unit(
    proposal: Document, built_sample: dict[str, Path]
) -> None:
    report = paragraph_texts(docx.Document(str(built_sample["bao-cao-tong-ket"])))
    texts = paragraph_texts(proposal)
    for unit in ("Thanh tra tỉnh Sóc Trăng", "Thanh tra tỉnh Kiên Giang"):
        line = next(t for t in report if t.startswith(f"- {unit}: "))
        figures = line.removeprefix(f"- {unit}: ").rstrip(";.")
        results = texts[texts.index(next(t for t in texts if t.startswith(f"- {unit}:"))) + 1]
        assert results == f"Năm 2021, đơn vị đã {figures}; {REPORT_POINTER}"
        assert "so với năm 2020" in results


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


def _vote(unit: str, award: str, votes_for: int, person: str | None = None,
          title: str | None = None) -> Vote:
    return Vote(target="individual" if person else "collective", unit=unit, person=person,
                person_title=title, award=award, votes_for=votes_for, voters=7)


def _votes(book: Workbook, *extra: Vote, flag: int = 7, merit: int = 7) -> Workbook:
    """The sample with its two ballot rows given `flag` and `merit` votes, then `extra`."""
    first, second = book.votes[:2]
    votes = [first.model_copy(update={"votes_for": flag}),
             second.model_copy(update={"votes_for": merit}), *extra]
    return book.model_copy(update={"votes": votes})


def _forms(book: Workbook, **update: Any) -> Workbook:
    """The sample with its Bằng khen row changed."""
    forms = [f.model_copy(update=update) if f.name == "Bằng khen" else f
             for f in book.award_forms]
    return book.model_copy(update={"award_forms": forms})


LAN = "- Nguyễn Thị Lan, Phó Chánh Thanh tra tỉnh, Thanh tra tỉnh Kiên Giang: "
INDIVIDUAL_POINTER = "thành tích cụ thể nêu tại Báo cáo thành tích của cá nhân kèm theo."


def test_individuals_and_non_unanimous_votes_are_argued(sample_book: Workbook) -> None:
    book = _forms(_votes(
        sample_book,
        _vote("Thanh tra tỉnh Cà Mau", "Cờ thi đua", 4),
        _vote("Thanh tra tỉnh Kiên Giang", "Bằng khen", 6, "Nguyễn Thị Lan",
              "Phó Chánh Thanh tra tỉnh"),
        _vote("Thanh tra tỉnh Sóc Trăng", "Bằng khen", 7, "Trần Văn Bình",
              "Trưởng phòng Nghiệp vụ 1"),
        _vote("Thanh tra tỉnh An Giang", "Bằng khen", 3),
        merit=5), quota_collective=3)
    texts = _without_results(render_texts(book))
    merit = f"được Hội nghị bình xét đạt tiêu chuẩn “{MERIT}” với"
    assert _after(texts, REQUEST, 8) == [
        "1. Cờ thi đua của Thanh tra Chính phủ cho 01 (một) tập thể:",
        SOC_TRANG,
        "Năm …",
        "2. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) tập thể và 02 (hai) cá nhân:",
        f"- Thanh tra tỉnh Kiên Giang: đạt 97 điểm, xếp thứ 2/7; {merit} 5/7 phiếu đồng ý, "
        "đạt 71,4% (yêu cầu từ 50% trở lên).",
        "Năm …",
        f"{LAN}{merit} 6/7 phiếu đồng ý, đạt 85,7% (yêu cầu từ 50% trở lên); "
        f"{INDIVIDUAL_POINTER}",
        "- Trần Văn Bình, Trưởng phòng Nghiệp vụ 1, Thanh tra tỉnh Sóc Trăng: "
        f"{merit} 7/7 phiếu đồng ý, đạt 100% (yêu cầu từ 50% trở lên); {INDIVIDUAL_POINTER}",
    ]
    text = "\n".join(texts)
    assert "Cà Mau" not in text and "An Giang" not in text
    assert ("(Kèm theo: Biên bản họp bình xét; Danh sách đề nghị khen thưởng; Báo cáo thành "
            "tích của các tập thể, cá nhân được đề nghị).") in texts


def test_a_tie_for_first_is_stated_as_shared(sample_book: Workbook) -> None:
    leader = next(s for s in sample_book.scores if s.unit == "Thanh tra tỉnh Sóc Trăng")
    scores = [s.model_copy(update={"points": dict(leader.points)})
              if s.unit == "Thanh tra tỉnh Kiên Giang" else s for s in sample_book.scores]
    texts = render_texts(sample_book.model_copy(update={"scores": scores}))
    assert ("- Thanh tra tỉnh Sóc Trăng: đồng dẫn đầu Cụm thi đua với 98,5 điểm, xếp thứ 1/7 "
            f"cùng Thanh tra tỉnh Kiên Giang; {FLAG_CRITERIA}.") in texts
    assert any(t.startswith("- Thanh tra tỉnh Kiên Giang: đồng dẫn đầu Cụm thi đua với 98,5 "
                            "điểm, xếp thứ 1/7 cùng Thanh tra tỉnh Sóc Trăng; ") for t in texts)
    assert not any(t.startswith("- Thanh tra tỉnh Sóc Trăng: dẫn đầu") for t in texts)


def test_a_shared_lower_place_names_the_other_unit(sample_book: Workbook) -> None:
    book = _votes(sample_book, _vote("Thanh tra tỉnh Cà Mau", "Bằng khen", 6))
    texts = render_texts(_forms(book, quota_collective=3))
    assert any(t.startswith("- Thanh tra tỉnh Cà Mau: đạt 95 điểm, đồng xếp thứ 4/7 với "
                            "Thanh tra tỉnh An Giang; ") for t in texts)


def test_without_the_previous_year_key_results_compare_nothing(sample_book: Workbook) -> None:
    texts = render_texts(sample_book.model_copy(update={"results_previous": []}))
    results = [t for t in texts if t.startswith("Năm 2021, đơn vị đã ")]
    assert len(results) == 2
    for text in results:
        assert text.startswith("Năm 2021, đơn vị đã tiến hành ")
        assert "so với" not in text and "tăng" not in text and "giảm" not in text
        assert text.endswith(REPORT_POINTER)


def test_only_the_awards_proposed_are_in_the_subject(sample_book: Workbook) -> None:
    texts = render_texts(_votes(sample_book, flag=4))
    assert ("Về việc đề nghị tặng Bằng khen của Tổng Thanh tra Chính phủ năm 2021") in texts
    assert not any("Cờ thi đua" in t for t in texts)
    assert _without_results(_after(texts, REQUEST, 3)) == [
        "1. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) tập thể:",
        KIEN_GIANG,
        "Năm …",
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


def test_only_individuals_proposed_for_an_award(sample_book: Workbook) -> None:
    book = _votes(sample_book, _vote("Thanh tra tỉnh Cà Mau", "Bằng khen", 7, "Trần Thị Lan",
                                     "Chánh Văn phòng"), merit=2)
    texts = _without_results(render_texts(book))
    assert _after(texts, REQUEST, 5) == [
        "1. Cờ thi đua của Thanh tra Chính phủ cho 01 (một) tập thể:",
        SOC_TRANG,
        "Năm …",
        "2. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) cá nhân:",
        f"- Trần Thị Lan, Chánh Văn phòng, Thanh tra tỉnh Cà Mau: được Hội nghị bình xét đạt "
        f"tiêu chuẩn “{MERIT}” với 7/7 phiếu đồng ý, đạt 100% (yêu cầu từ 50% trở lên); "
        f"{INDIVIDUAL_POINTER}",
    ]
    assert ("(Kèm theo: Biên bản họp bình xét; Danh sách đề nghị khen thưởng; Báo cáo thành "
            "tích của các tập thể, cá nhân được đề nghị).") in texts


def test_an_award_without_criteria_states_its_share_and_decider(sample_book: Workbook) -> None:
    book = _forms(_votes(sample_book, flag=4), criteria=None, rule="above",
                  decider="Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu")
    texts = _without_results(render_texts(book))
    request = (f"{CLUSTER} kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu xem xét, "
               "tặng:")
    assert _after(texts, request, 2) == [
        "1. Bằng khen của Tổng Thanh tra Chính phủ cho 01 (một) tập thể:",
        "- Thanh tra tỉnh Kiên Giang: đạt 97 điểm, xếp thứ 2/7; được Hội nghị bình xét với "
        "7/7 phiếu đồng ý, đạt 100% (yêu cầu trên 50%).",
    ]


def test_another_cluster_argues_its_nominees(tmp_path: Path) -> None:
    book = check(departments(tmp_path / "kh.xlsx")).book
    texts = render_texts(book)
    justice = next(t for t in texts if t.startswith(f"- {JUSTICE}: "))
    assert justice.startswith(f"- {JUSTICE}: dẫn đầu Khối thi đua với 112,5 điểm, xếp thứ "
                              "1/12; được Hội nghị bình xét đạt tiêu chuẩn “tập thể dẫn đầu "
                              "Khối thi đua” với 11/12 phiếu đồng ý, đạt 91,7% (yêu cầu từ "
                              "80% trở lên).")
    industry = next(t for t in texts if t.startswith(f"- {INDUSTRY}: "))
    assert industry.startswith(f"- {INDUSTRY}: đạt 105,5 điểm, đồng xếp thứ 4/12 với "
                               f"{SCIENCE}; ")
    assert f"- {HA_LINE}: " in "\n".join(texts)
    results = texts[texts.index(justice) + 1]
    assert results.startswith("Năm 2025, đơn vị đã tiến hành ")
    assert ("so với năm 2024" in results) == bool(book.results_previous)


def test_closing_lines_stay_with_the_signature(proposal: Document) -> None:
    attached = next(p for p in proposal.paragraphs if p.text.startswith("(Kèm theo: "))
    closing = paragraph_with(proposal, "Kính trình Tổng Thanh tra Chính phủ xem xét, "
                             "quyết định./.")
    assert format_value(attached, "keep_with_next") is True
    assert format_value(closing, "keep_with_next") is True


def test_template_reads_exactly_the_context() -> None:
    checked = check(SAMPLE)
    context = proposal_context.context(checked.book, checked.outcome)
    template = Template.load(TEMPLATES_DIR / "to-trinh.docx")
    assert template.undeclared_variables() == set(context)
