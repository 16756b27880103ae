"""Tests for docgen.render and the summary-report template (docgen/documents/report)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table
from docx_helpers import (
    all_text,
    assert_length,
    font_value,
    format_value,
    paragraph_with,
)
from lxml import etree
from report_context import sample_context

from docgen.errors import RenderError
from docgen.render import Template

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "bao-cao-tong-ket.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONT = "Times New Roman"

CONTEXT_NAMES = {
    "doc",
    "implemented",
    "narr",
    "directives",
    "movement_groups",
    "registration",
    "results_rows",
    "results_total",
    "totals_rows",
    "totals_sentence",
    "member_lines",
    "award_groups",
    "award_total",
    "awards_sentence",
    "conference_sentence",
    "criteria",
    "score_rows",
    "criteria_note",
    "vote_sentence",
    "vote_rows",
    "conclusion_lead",
    "conclusion_lines",
    "refusals",
    "previous_year",
    "next_year",
    "tasks",
    "election_sentence",
    "year",
    "cluster_name",
    "period_part",
}


# ----------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def template() -> Template:
    return Template.load(TEMPLATE)


def render(template: Template, context: dict[str, Any] | None = None) -> bytes:
    return template.render(sample_context() if context is None else context)


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def rendered(template: Template) -> bytes:
    return render(template)


@pytest.fixture(scope="module")
def document(rendered: bytes) -> Document:
    return open_docx(rendered)


def part_xml(data: bytes, name: str) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


# ----------------------------------------------------------------------------- page


def test_page_is_a4_portrait_with_decree_margins(document: Document) -> None:
    section = document.sections[0]
    assert_length(section.page_width, Mm(210))
    assert_length(section.page_height, Mm(297))
    assert_length(section.top_margin, Mm(20))
    assert_length(section.bottom_margin, Mm(20))
    assert_length(section.left_margin, Mm(30))
    assert_length(section.right_margin, Mm(15))
    assert_length(section.header_distance, Mm(10))


def test_first_page_has_no_number_and_others_a_centred_page_field(
    document: Document, rendered: bytes
) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert all(not p.text for p in section.first_page_header.paragraphs)
    header = section.header.paragraphs[0]
    assert format_value(header, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert font_value(header, "size") == Pt(14)
    assert not font_value(header, "italic")
    relations = part_xml(rendered, "word/_rels/document.xml.rels")
    targets = [r.get("Target") for r in relations if r.get("Type", "").endswith("/header")]
    instructions = ["".join(part_xml(rendered, f"word/{t}").itertext()).strip() for t in targets]
    assert "1" in [text.replace("PAGE", "").strip() for text in instructions]
    assert any("PAGE" in text for text in instructions)


def test_normal_style_is_times_new_roman_14_in_every_slot(rendered: bytes) -> None:
    document = open_docx(rendered)
    normal = document.styles["Normal"]
    assert normal.font.name == FONT
    assert normal.font.size == Pt(14)
    styles = part_xml(rendered, "word/styles.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    style = styles.find(f"{W}style[@{W}styleId='Normal']/{W}rPr/{W}rFonts")
    for fonts in (defaults, style):
        assert {fonts.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "cs", "eastAsia")} == {FONT}


def test_every_run_is_times_new_roman_vietnamese_black(rendered: bytes) -> None:
    body = part_xml(rendered, "word/document.xml")
    runs = list(body.iter(f"{W}r"))
    assert len(runs) > 100
    for run in runs:
        rpr = run.find(f"{W}rPr")
        fonts = rpr.find(f"{W}rFonts")
        assert [fonts.get(f"{W}{s}") for s in ("ascii", "hAnsi", "cs", "eastAsia")] == [FONT] * 4
        lang = rpr.find(f"{W}lang")
        assert [lang.get(f"{W}{s}") for s in ("val", "eastAsia", "bidi")] == ["vi-VN"] * 3
        assert rpr.find(f"{W}color").get(f"{W}val") in {"000000", "auto"}


# ----------------------------------------------------------------------------- header, title


def header_table(document: Document) -> Table:
    return document.tables[0]


def test_national_name_motto_number_and_date(document: Document) -> None:
    table = header_table(document)
    nation = table.cell(0, 1)
    name = paragraph_with(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert font_value(name, "bold") is True
    assert font_value(name, "size") == Pt(12)
    motto = paragraph_with(nation, "Độc lập - Tự do - Hạnh phúc")
    assert font_value(motto, "bold") is True
    assert font_value(motto, "size") == Pt(13)
    date = table.cell(1, 1).paragraphs[0]
    assert date.text == "Kiên Giang, ngày 20 tháng 12 năm 2021"
    assert font_value(date, "italic") is True
    number = table.cell(1, 0).paragraphs[0]
    assert number.text == "Số: 15/BC-CTĐ"
    assert font_value(number, "size") == Pt(13)
    assert not font_value(number, "italic")


def test_agency_block_superior_upright_issuer_bold_then_rule(document: Document) -> None:
    agency = header_table(document).cell(0, 0)
    superior, issuer, rule = agency.paragraphs
    assert (superior.text, font_value(superior, "bold")) == ("THANH TRA CHÍNH PHỦ", None)
    assert (issuer.text, font_value(issuer, "bold")) == ("CỤM THI ĐUA SỐ IX", True)
    assert font_value(superior, "size") == font_value(issuer, "size") == Pt(12)
    assert (rule.style.name, rule.text) == ("Rule", "")


def test_empty_superior_lines_leave_no_empty_paragraph(template: Template) -> None:
    context = sample_context()
    context["doc"]["superior_lines"] = []
    agency = header_table(open_docx(render(template, context))).cell(0, 0)
    assert [(p.style.name, p.text) for p in agency.paragraphs] == [
        ("Header bold", "CỤM THI ĐUA SỐ IX"),
        ("Rule", ""),
    ]


def test_title_and_subject_are_centred_bold(document: Document) -> None:
    context = sample_context()
    texts = [p.text for p in document.paragraphs]
    kind, subject = document.paragraphs[texts.index("BÁO CÁO") :][:2]
    assert subject.text == ("Tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, "
                            "nhiệm vụ năm 2022 của Cụm thi đua số IX")
    for paragraph in (kind, subject):
        assert format_value(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
        assert font_value(paragraph, "bold") is True
        assert font_value(paragraph, "size") == Pt(14)
    addressee = paragraph_with(document, context["doc"]["addressee_lines"][0])
    assert format_value(addressee, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


# ----------------------------------------------------------------------------- body


INTRO = (f"Thực hiện {sample_context()['implemented']}, Cụm thi đua số IX báo cáo tổng kết "
         "công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ năm 2022 như sau:")


def test_body_paragraph_is_justified_indented_and_spaced(document: Document) -> None:
    intro = paragraph_with(document, INTRO)
    assert format_value(intro, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert_length(format_value(intro, "first_line_indent"), Cm(1.27))
    assert format_value(intro, "space_before") >= Pt(6)
    assert font_value(intro, "size") == Pt(14)


def test_a_report_without_cited_plans_opens_with_the_cluster(template: Template) -> None:
    context = sample_context()
    context["implemented"] = ""
    texts = [p.text for p in open_docx(render(template, context)).paragraphs]
    assert ("Cụm thi đua số IX báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 và "
            "phương hướng, nhiệm vụ năm 2022 như sau:") in texts
    assert not any(t.startswith(("Căn cứ", "Thực hiện")) for t in texts)


def test_sections_and_closing_are_present(document: Document) -> None:
    texts = [p.text for p in document.paragraphs]
    for heading in (
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG",
        "3. Bài học kinh nghiệm",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ):
        assert heading in texts
        assert font_value(paragraph_with(document, heading), "bold") is True
    assert texts[-1].endswith("năm 2022 của Cụm thi đua số IX./.")


def test_empty_lesson_list_drops_its_heading(template: Template) -> None:
    context = sample_context()
    context["narr"]["ii3"] = []
    texts = [p.text for p in open_docx(render(template, context)).paragraphs]
    assert "3. Bài học kinh nghiệm" not in texts
    assert "2. Hạn chế, nguyên nhân" in texts


# ----------------------------------------------------------------------------- tables


def test_results_table_rows_and_total(document: Document) -> None:
    table = document.tables[1]
    context = sample_context()
    assert table.rows[0].cells[3].text == "Sai phạm về tiền (triệu đồng)"
    assert len(table.rows) == 1 + len(context["results_rows"]) + 1
    assert [c.text for c in table.rows[1].cells][:4] == [
        "1",
        "Kiên Giang",
        "42",
        "12.345.678.900",
    ]
    total = table.rows[-1]
    assert total.cells[0].text == "Tổng cộng"
    assert total.cells[3].text == context["results_total"]["violations_money"]
    widths = [column.width for column in table.columns]
    assert_length(Length(sum(widths)), Mm(165))
    assert max(widths) == widths[3] == widths[4]


def test_table_rows_never_split_and_headers_repeat(rendered: bytes) -> None:
    body = part_xml(rendered, "word/document.xml").find(f"{W}body")
    tables = body.findall(f"{W}tbl")
    for table in tables:
        for row in table.findall(f"{W}tr"):
            assert row.find(f"{W}trPr/{W}cantSplit") is not None
    data_tables = tables[1:-1]
    assert len(data_tables) == 4
    for table in data_tables:
        assert table.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None


@pytest.mark.parametrize("count", [3, 6, 9])
def test_score_table_has_one_column_per_criterion(template: Template, count: int) -> None:
    context = sample_context()
    criteria = (context["criteria"] * 2)[:count]
    context["criteria"] = criteria
    for row in context["score_rows"]:
        row["points"] = (row["points"] * 2)[:count]
    table = open_docx(render(template, context)).tables[3]
    header = [cell.text for cell in table.rows[0].cells]
    expected = [f"{c['code']} ({c['max']})" for c in criteria]
    assert header == ["Xếp hạng", "Đơn vị", *expected, "Tổng điểm"]
    first = context["score_rows"][0]
    assert [c.text for c in table.rows[1].cells] == [
        first["rank"],
        first["unit"],
        *first["points"],
        first["total"],
    ]
    widths = [column.width for column in table.columns]
    assert len(widths) == count + 3
    assert_length(Length(sum(widths)), Mm(165))
    assert len(set(widths[2:-1])) == 1
    assert widths[1] > widths[2]


def test_signature_block(document: Document) -> None:
    context = sample_context()["doc"]
    recipients, signer = document.tables[-1].rows[0].cells
    head = recipients.paragraphs[0]
    assert head.text == "Nơi nhận:"
    assert (font_value(head, "bold"), font_value(head, "italic")) == (True, True)
    assert font_value(head, "size") == Pt(12)
    assert format_value(head, "alignment") == WD_ALIGN_PARAGRAPH.LEFT
    assert not format_value(head, "first_line_indent")
    lines = recipients.paragraphs[1:]
    assert [p.text for p in lines] == context["recipients_lines"]
    assert {font_value(p, "size") for p in lines} == {Pt(11)}
    assert {font_value(p, "italic") for p in lines} == {None}
    texts = [p.text for p in signer.paragraphs]
    signature = context["signature"]
    blanks = [""] * 4
    expected = [*signature["authority_lines"], signature["subtitle"], *blanks, signature["name"]]
    assert texts == expected
    assert {font_value(p, "bold") for p in signer.paragraphs} == {True}


# ----------------------------------------------------------------------------- data safety


SPECIAL = 'A & B < C > D "q" \'s {{ 7*7 }} {% if x %}y{% endif %} ]]>'


@pytest.mark.parametrize(
    ("where", "set_value"),
    [
        ("body", lambda c: c.__setitem__("conference_sentence", SPECIAL)),
        ("sentence", lambda c: c.__setitem__("cluster_name", SPECIAL)),
        ("header", lambda c: c["doc"].__setitem__("date_line", SPECIAL)),
        ("table", lambda c: c["results_rows"][0].__setitem__("unit", SPECIAL)),
        ("loop", lambda c: c["narr"].__setitem__("i1", [SPECIAL])),
    ],
)
def test_special_characters_print_literally(
    template: Template, where: str, set_value: Callable[[dict[str, Any]], None]
) -> None:
    context = sample_context()
    set_value(context)
    text = all_text(open_docx(render(template, context)))
    assert SPECIAL in text, where
    assert "49" not in text.replace("1.249", "")


@pytest.mark.parametrize(
    ("remove", "name"),
    [
        (lambda c: c["doc"].pop("date_line"), "doc.date_line"),
        (lambda c: c.pop("year"), "year"),
        (lambda c: c["doc"]["signature"].pop("name"), "doc.signature.name"),
        (lambda c: c["results_rows"][2].pop("unit"), "results_rows[2].unit"),
        (lambda c: c["narr"].pop("ii3"), "narr.ii3"),
        (lambda c: c["criteria"][1].pop("max"), "criteria[1].max"),
    ],
)
def test_missing_value_names_the_variable(
    template: Template, remove: Callable[[dict[str, Any]], object], name: str
) -> None:
    context = sample_context()
    remove(context)
    with pytest.raises(RenderError) as caught:
        template.render(context)
    assert str(caught.value) == (f"Mẫu 'bao-cao-tong-ket.docx': thiếu giá trị cho biến '{name}'.")


# ----------------------------------------------------------------------------- adapter


def tiny_template(tmp_path: Path, *texts: str) -> Template:
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    path = tmp_path / "thu.docx"
    document.save(str(path))
    return Template.load(path)


def test_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    template = tiny_template(tmp_path, "Mở đầu", "{{ doc.date_line ")
    with pytest.raises(RenderError, match=r"^Mẫu 'thu.docx': lỗi cú pháp Jinja tại dòng \d+"):
        template.render({"doc": {}})


def test_sandbox_refuses_dunder_access(tmp_path: Path) -> None:
    template = tiny_template(tmp_path, "{{ intro.__class__.__mro__ }}")
    with pytest.raises(RenderError) as caught:
        template.render({"intro": "x"})
    assert str(caught.value).startswith(
        "Mẫu 'thu.docx': thao tác không được phép trong mẫu: access to attribute '__class__'"
    )


def test_missing_template_file(tmp_path: Path) -> None:
    with pytest.raises(RenderError) as info:
        Template.load(tmp_path / "khong-co.docx")
    assert str(info.value) == f"Không tìm thấy tệp mẫu '{tmp_path / 'khong-co.docx'}'."


def test_render_twice_gives_the_same_text(template: Template, rendered: bytes) -> None:
    assert template.name == "bao-cao-tong-ket.docx"
    again = render(template)
    assert again[:2] == b"PK"
    assert all_text(open_docx(again)) == all_text(open_docx(rendered))


def test_undeclared_variables_are_the_context_contract(template: Template) -> None:
    assert template.undeclared_variables() == CONTEXT_NAMES
    assert set(sample_context()) == CONTEXT_NAMES


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_numbers_pages_from_two(rendered: bytes, tmp_path: Path) -> None:
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(rendered)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    pdf = str(tmp_path / "bao-cao.pdf")
    pages = subprocess.run(
        [pdftotext, "-layout", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout.split("\f")
    first_lines = [page.strip().splitlines()[0].strip() for page in pages if page.strip()]
    assert len(first_lines) >= 2
    assert first_lines[0].startswith("THANH TRA CHÍNH PHỦ")
    assert first_lines[1] == "2"


def test_prepared_template_renders_each_context_afresh(template: Template) -> None:
    first, second = sample_context(), sample_context()
    second["conference_sentence"] = "Đoạn mở đầu khác hẳn."
    one = all_text(open_docx(render(template, first)))
    two = all_text(open_docx(render(template, second)))
    assert first["conference_sentence"] in one and first["conference_sentence"] not in two
    assert "Đoạn mở đầu khác hẳn." in two
    assert all_text(open_docx(render(template, first))) == one
