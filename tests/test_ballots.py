"""The ballots (phiếu bầu, issue 15 item 3): one ballot per award put to the vote, listing
exactly the nominees the votes sheet (and so the minutes) counts for it, collectives and
individuals in tables of their own, the rule printed, as many copies as voters, on A5 pages
or two to an A4 page, never a ballot split by a page; and the linter's ballot profile (no
number, date, signature, recipients or page number; A5 only for a kind that allows it).

Read on the sample (two awards, one collective each, A4 halves) and on the Khánh Hòa
departments (three awards, individuals, twelve voters); the LibreOffice tests convert the
rendered ballots and count their pages.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

from docgen import pdf, rules
from docgen.build import build, check
from docgen.check import format_finding, lint
from docgen.check.ooxml import has_page_field
from docgen.cli import main
from docgen.model import Workbook
from tests.conftest import SAMPLE, needs_libreoffice
from tests.other_clusters import KH_CERTIFICATE, KH_FLAG, KH_MERIT
from tests.render_book import context_of, render_book, render_bytes

CODE = "phieu-bau"
SAMPLE_FLAG = "Cờ thi đua của Thanh tra Chính phủ"
SAMPLE_MERIT = "Bằng khen của Tổng Thanh tra Chính phủ"
VOTERS_RULE = ("số phiếu đồng ý trở lên trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn "
               "bản của thành viên vắng mặt)")


@pytest.fixture(scope="module")
def sample_book() -> Workbook:
    return check(SAMPLE).book


@pytest.fixture(scope="module")
def khanh_hoa(khanh_hoa_book: Workbook) -> Workbook:
    return khanh_hoa_book  # written and read once a session (conftest)


def on_paper(book: Workbook, paper: str) -> Workbook:
    """The workbook with its ballots on `paper` ("a5" or "a4_half")."""
    settings = book.settings.model_copy(update={"ballot_paper": paper})
    return book.model_copy(update={"settings": settings})


# --------------------------------------------------------------------------- reading


def blocks(document: Document) -> Iterator[Paragraph | Table]:
    yield from document.iter_inner_content()


def cells(table: Table) -> list[list[str]]:
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


def ballots_read(document: Document) -> list[dict[str, Any]]:
    """Each printed ballot in order: its subtitle, rule and instruction lines, and its
    tables as (name column's heading, names)."""
    found: list[dict[str, Any]] = []
    for block in blocks(document):
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text == "PHIẾU BẦU":
                found.append({"subtitle": None, "texts": [], "tables": []})
            elif found and found[-1]["subtitle"] is None and text:
                found[-1]["subtitle"] = text
            elif found and text:
                found[-1]["texts"].append(text)
        elif found and cells(block)[0][0] == "STT":  # not the next ballot's header
            rows = cells(block)
            assert rows[0][2:] == ["Đồng ý", "Không đồng ý"]
            found[-1]["tables"].append((rows[0][1], [row[1] for row in rows[1:]]))
            assert [row[0] for row in rows[1:]] == [str(i) for i in range(1, len(rows))]
            assert all(row[2:] == ["", ""] for row in rows[1:])  # boxes left for the X
    return found


def first_of_each(ballots: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Subtitle -> the award's ballot; every copy of it reads the same."""
    by_award: dict[str, dict[str, Any]] = {}
    for ballot in ballots:
        assert by_award.setdefault(ballot["subtitle"], ballot) == ballot
    return by_award


def minutes_nominees(book: Workbook) -> dict[str, list[str]]:
    """Award -> nominees, in order, as the minutes' vote table lists them."""
    minutes = render_book(book, "bien-ban")
    (table,) = [t for t in minutes.tables
                if t.rows[0].cells[1].text == "Đơn vị, cá nhân được đề nghị"]
    listed: dict[str, list[str]] = {}
    for row in cells(table)[1:]:
        listed.setdefault(row[2], []).append(row[1])
    return listed


def expected_tables(book: Workbook, award: str) -> list[tuple[str, list[str]]]:
    """The votes sheet's rows for the award, collectives then individuals, in sheet order,
    named as the papers name them."""
    votes = [v for v in book.votes if v.award == award]
    collectives = [v.unit for v in votes if v.target == "collective"]
    individuals = [", ".join(x for x in (v.person, v.person_title, v.unit) if x)
                   for v in votes if v.target == "individual"]
    tables = [("Tên tập thể", collectives)] if collectives else []
    return tables + ([("Họ và tên, chức vụ, đơn vị", individuals)] if individuals else [])


# --------------------------------------------------------------------------- nominees


@pytest.mark.parametrize("cluster", ["sample_book", "khanh_hoa"])
def test_each_ballot_lists_exactly_the_nominees_the_minutes_count(
        cluster: str, request: pytest.FixtureRequest) -> None:
    book: Workbook = request.getfixturevalue(cluster)
    result = rules.outcome(book)
    by_award = first_of_each(ballots_read(render_book(book, CODE)))
    voted = result.voted()
    year = book.cluster.year
    assert list(by_award) == [f"Suy tôn {form.full_name} năm {year}" for form in voted]
    minutes = minutes_nominees(book)
    assert list(minutes) == [form.full_name for form in voted]
    for form in voted:
        tables = by_award[f"Suy tôn {form.full_name} năm {year}"]["tables"]
        assert tables == expected_tables(book, form.name)
        printed = [name for _, names in tables for name in names]
        assert sorted(printed) == sorted(minutes[form.full_name])


def test_khanh_hoa_collectives_and_individuals_stand_apart(khanh_hoa: Workbook) -> None:
    by_award = first_of_each(ballots_read(render_book(khanh_hoa, CODE)))
    merit = by_award[f"Suy tôn {KH_MERIT} năm 2025"]
    assert [heading for heading, _ in merit["tables"]] == ["Tên tập thể",
                                                           "Họ và tên, chức vụ, đơn vị"]
    assert merit["texts"][1:3] == ["1. Tập thể", "2. Cá nhân"]
    assert merit["tables"][0][1] == ["Sở Khoa học và Công nghệ", "Sở Công Thương",
                                     "Sở Xây dựng", "Sở Nông nghiệp và Môi trường",
                                     "Sở Giáo dục và Đào tạo"]
    assert merit["tables"][1][1][0] == ("Nguyễn Thị Thu Hà, Trưởng phòng Quản lý ngân sách, "
                                        "Sở Tài chính")
    # An award for individuals only: one table, numbered 1.
    certificate = by_award[f"Suy tôn {KH_CERTIFICATE} năm 2025"]
    assert [heading for heading, _ in certificate["tables"]] == ["Họ và tên, chức vụ, đơn vị"]
    assert certificate["texts"][1] == "1. Cá nhân"
    assert certificate["texts"][-1] == ("Đánh dấu X vào ô “Đồng ý” hoặc ô “Không đồng ý” ở "
                                        "dòng của mỗi cá nhân; mỗi dòng chỉ đánh dấu một ô.")


def test_a_nominee_added_to_the_votes_sheet_is_on_the_ballot(sample_book: Workbook) -> None:
    extra = sample_book.votes[1].model_copy(update={"unit": "Thanh tra tỉnh Bạc Liêu"})
    book = sample_book.model_copy(update={"votes": [*sample_book.votes, extra]})
    by_award = first_of_each(ballots_read(render_book(book, CODE)))
    assert by_award[f"Suy tôn {SAMPLE_MERIT} năm 2021"]["tables"] == [
        ("Tên tập thể", ["Thanh tra tỉnh Kiên Giang", "Thanh tra tỉnh Bạc Liêu"])]


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(("cluster", "award", "rule"), [
    ("sample_book", SAMPLE_FLAG,
     f"Nguyên tắc: tập thể được đề nghị khi đạt từ 80% {VOTERS_RULE}; tối đa 01 (một) tập "
     "thể, lấy theo tỷ lệ phiếu đồng ý từ cao xuống thấp."),
    ("sample_book", SAMPLE_MERIT,
     f"Nguyên tắc: tập thể được đề nghị khi đạt từ 50% {VOTERS_RULE}; tối đa 02 (hai) tập "
     "thể và 02 (hai) cá nhân, lấy theo tỷ lệ phiếu đồng ý từ cao xuống thấp."),
    ("khanh_hoa", KH_MERIT,
     f"Nguyên tắc: tập thể, cá nhân được đề nghị khi đạt từ 70% {VOTERS_RULE}; tối đa 02 "
     "(hai) tập thể và 03 (ba) cá nhân, lấy theo tỷ lệ phiếu đồng ý từ cao xuống thấp."),
    ("khanh_hoa", KH_FLAG,
     f"Nguyên tắc: tập thể được đề nghị khi đạt từ 80% {VOTERS_RULE}; tối đa 01 (một) tập "
     "thể, lấy theo tỷ lệ phiếu đồng ý từ cao xuống thấp."),
])
def test_the_rule_is_printed_under_the_title(cluster: str, award: str, rule: str,
                                             request: pytest.FixtureRequest) -> None:
    book: Workbook = request.getfixturevalue(cluster)
    by_award = first_of_each(ballots_read(render_book(book, CODE)))
    assert by_award[f"Suy tôn {award} năm {book.cluster.year}"]["texts"][0] == rule


def test_a_share_counted_on_the_valid_ballots_says_so(sample_book: Workbook) -> None:
    forms = [f.model_copy(update={"base": "valid", "rule": "above", "threshold": 50})
             if f.name == "Bằng khen" else f for f in sample_book.award_forms]
    book = sample_book.model_copy(update={"award_forms": forms})
    by_award = first_of_each(ballots_read(render_book(book, CODE)))
    assert by_award[f"Suy tôn {SAMPLE_MERIT} năm 2021"]["texts"][0].startswith(
        "Nguyên tắc: tập thể được đề nghị khi đạt trên 50% số phiếu đồng ý trên tổng số "
        "phiếu hợp lệ; tối đa")


# --------------------------------------------------------------------------- a secret ballot


def test_the_ballot_names_no_voter_and_carries_no_number_date_or_signature(
        sample_book: Workbook) -> None:
    document = render_book(sample_book, CODE)
    texts = [p.text for p in document.paragraphs] + [
        p.text for t in document.tables for row in t.rows for c in row.cells
        for p in c.paragraphs]
    assert not [t for t in texts if t.startswith(("Số:", "Nơi nhận", "TM.", "Họ tên người"))]
    assert not [t for t in texts if "ngày" in t and "tháng" in t]
    assert not [t for t in texts if "CỘNG HÒA" in t or "Độc lập" in t]
    # The header is the cluster's name, no page number anywhere.
    assert cells(document.tables[0])[0][0].split("\n")[:4] == [
        "THANH TRA CHÍNH PHỦ", "CỤM THI ĐUA", "THANH TRA CÁC TỈNH", "MIỀN TÂY NAM SÔNG HẬU"]
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer):
            assert not any(has_page_field(p) for p in part.paragraphs)


@pytest.mark.parametrize("cluster", ["sample_book", "khanh_hoa"])
def test_one_ballot_per_voter_of_each_award(cluster: str,
                                            request: pytest.FixtureRequest) -> None:
    book: Workbook = request.getfixturevalue(cluster)
    printed = [b["subtitle"] for b in ballots_read(render_book(book, CODE))]
    for form in rules.outcome(book).voted():
        voters = {v.voters for v in book.votes if v.award == form.name}
        assert printed.count(f"Suy tôn {form.full_name} năm {book.cluster.year}") == max(voters)
    # The sample's seven members each vote; Khánh Hòa's twelve (an absence included).
    assert len(printed) == {"sample_book": 14, "khanh_hoa": 36}[cluster]


def test_no_ballot_when_nothing_was_voted_on(sample_book: Workbook) -> None:
    from docgen.documents.ballots.context import renditions

    book = sample_book.model_copy(update={"votes": []})
    assert renditions(book, rules.outcome(book)) == []


# --------------------------------------------------------------------------- paper


@pytest.mark.parametrize(("paper", "size"), [("a5", (148, 210)), ("a4_half", (210, 297))])
def test_the_page_is_the_workbooks_ballot_paper(sample_book: Workbook, paper: str,
                                                size: tuple[int, int]) -> None:
    document = render_book(on_paper(sample_book, paper), CODE)
    for section in document.sections:
        assert section.page_width is not None and section.page_height is not None
        assert (round(section.page_width.mm), round(section.page_height.mm)) == size
        margins = (section.top_margin, section.bottom_margin, section.left_margin,
                   section.right_margin)
        assert [round(m.mm) for m in margins if m is not None] == [20, 20, 30, 15]


def test_a4_halves_pair_the_ballots_with_a_cut_line(sample_book: Workbook) -> None:
    ballots = context_of(on_paper(sample_book, "a4_half"), CODE)["ballots"]
    assert [(b["page_break"], b["cut"]) for b in ballots[:8]] == [
        (False, False), (False, True), (True, False), (False, True), (True, False),
        (False, True), (True, False), (True, False)]  # a new award starts a page
    a5 = context_of(on_paper(sample_book, "a5"), CODE)["ballots"]
    assert [b["page_break"] for b in a5] == [False] + [True] * 13
    assert not any(b["cut"] for b in a5)


def test_a_ballot_too_long_for_an_a5_page_goes_on_two_and_the_clerk_is_told(
        khanh_hoa: Workbook, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="docgen"):
        ballots = context_of(on_paper(khanh_hoa, "a5"), CODE)["ballots"]
    merit = [b for b in ballots if b["award"]["subtitle"] == f"Suy tôn {KH_MERIT} năm 2025"]
    assert all(b["split"] for b in merit)
    assert not any(b["split"] for b in ballots if b not in merit)
    assert [r.getMessage() for r in caplog.records] == [
        f"Phiếu bầu “Suy tôn {KH_MERIT} năm 2025” dài hơn một trang A5: mỗi phiếu in trên "
        "hai trang (cá nhân ở trang sau); có thể chọn khổ A4 (trang 'Cài đặt', “Khổ phiếu "
        "bầu”)."]


def pages_of(data: bytes, folder: Path) -> list[list[str]]:
    """The text lines of each page LibreOffice prints of a .docx."""
    path = folder / "phieu-bau.docx"
    path.write_bytes(data)
    ((converted, _),) = pdf.convert([path], fit=False)
    return pdf.page_lines(converted)


@needs_libreoffice
@pytest.mark.parametrize(("cluster", "paper", "pages"), [
    ("sample_book", "a4_half", 8),  # 7 + 7 ballots, two a page, each award from a new page
    ("sample_book", "a5", 14),
    ("khanh_hoa", "a4_half", 24),  # 12 flags two a page, 12 certificates of merit one a
    # page (too long for half), 12 Giấy khen two a page
    ("khanh_hoa", "a5", 48),  # the certificate of merit on two pages
])
def test_libreoffice_pages(cluster: str, paper: str, pages: int, tmp_path: Path,
                           request: pytest.FixtureRequest) -> None:
    book = on_paper(request.getfixturevalue(cluster), paper)
    context = context_of(book, CODE)
    printed = pages_of(render_bytes(book, CODE), tmp_path)
    assert len(printed) == pages
    # What each page should hold, from the context: (ballots begun, ballots ended). A page
    # begins its ballots and ends them (never a ballot split by a page), but a ballot too
    # long for its paper, whose individuals go on the next page.
    expected: list[tuple[int, int]] = []
    for ballot in context["ballots"]:
        if ballot["cut"]:
            expected[-1] = (expected[-1][0] + 1, expected[-1][1] + 1)
        else:
            expected += [(1, 0), (0, 1)] if ballot["split"] else [(1, 1)]
    assert len(expected) == pages
    assert [(page.count("PHIẾU BẦU"), sum(line.startswith("Đánh dấu X") for line in page))
            for page in printed] == expected


# --------------------------------------------------------------------------- the linter


def test_docgen_lint_passes_the_samples_ballots(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = build(SAMPLE, tmp_path, only=[CODE]).paths
    assert main(["lint", str(path)]) == 0
    assert "đạt thể thức" in capsys.readouterr().out


@pytest.mark.parametrize("cluster", ["sample_book", "khanh_hoa"])
@pytest.mark.parametrize("paper", ["a5", "a4_half"])
def test_the_ballots_pass_lint_on_either_paper(cluster: str, paper: str,
                                               request: pytest.FixtureRequest) -> None:
    book = on_paper(request.getfixturevalue(cluster), paper)
    assert [format_finding(f) for f in lint(render_bytes(book, CODE), final=True)] == []


def a5(data: bytes) -> bytes:
    """The document with every page A5 portrait."""
    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        section.page_width, section.page_height = Mm(148), Mm(210)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_a5_report_is_still_refused(sample_book: Workbook) -> None:
    report = render_bytes(sample_book, "bao-cao-tong-ket")
    assert [f.rule_id for f in lint(report) if f.severity == "error"] == []
    found = [f for f in lint(a5(report)) if f.rule_id == "page.size"]
    assert [(f.severity, f.found, f.expected) for f in found] == [
        ("error", "khổ 148 × 210 mm", "khổ A4, 210 × 297 mm")]


def test_a_ballot_on_other_paper_is_refused_naming_both_papers(sample_book: Workbook) -> None:
    document = docx.Document(io.BytesIO(render_bytes(sample_book, CODE)))
    for section in document.sections:
        section.page_width, section.page_height = Mm(216), Mm(279)  # US Letter
    out = io.BytesIO()
    document.save(out)
    found = [f for f in lint(out.getvalue()) if f.rule_id == "page.size"]
    assert [(f.found, f.expected) for f in found] == [
        ("khổ 216 × 279 mm", "khổ A4 (210 × 297 mm) hoặc khổ A5 (148 × 210 mm)")]


def test_a_ballot_still_checks_a_page_number_it_carries(sample_book: Workbook) -> None:
    from docgen.documents.shared.ooxml import add_page_field

    document = docx.Document(io.BytesIO(render_bytes(sample_book, CODE)))
    section = document.sections[0]
    section.different_first_page_header_footer = False
    add_page_field(section.header.paragraphs[0])
    out = io.BytesIO()
    document.save(out)
    assert "page-number.first-page" in {f.rule_id for f in lint(out.getvalue())}


def test_the_template_is_an_ordinary_a4_file_and_a_resaved_copy_still_prints_a5(
        sample_book: Workbook, tmp_path: Path) -> None:
    """The A5 choice is made when rendering, not by markup hidden in the template, so a
    template opened and saved again (as Word saves it) keeps working."""
    import zipfile

    from docgen.build import TEMPLATES_DIR
    from docgen.render import Template
    from tests.render_book import rendition_of

    shipped = TEMPLATES_DIR / "phieu-bau.docx"
    body = zipfile.ZipFile(shipped).read("word/document.xml").decode("utf-8")
    assert "<!--" not in body
    (section,) = docx.Document(str(shipped)).sections
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    resaved = tmp_path / "phieu-bau.docx"
    docx.Document(str(shipped)).save(str(resaved))
    rendition = rendition_of(on_paper(sample_book, "a5"), CODE)
    data = Template.load(resaved).render(rendition.context, rendition.page_mm)
    for printed in docx.Document(io.BytesIO(data)).sections:
        assert (round(printed.page_width.mm), round(printed.page_height.mm)) == (148, 210)
