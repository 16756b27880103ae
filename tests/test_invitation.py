"""The invitation to the year-end conference (Giấy mời, Decree 30 Phụ lục III Mẫu 1.4, GM).

On the sample (online, a guest of Thanh tra Chính phủ, every invitation field filled) and on
the two test clusters of tests/other_clusters.py: the Khánh Hòa Khối (in person, a guest,
the invitation's fields left blank) and the Cần Thơ wards (hybrid with bridges, no
attendance sheet, no agenda). What a reader sees: the number and date lines, the tên loại
and trích yếu, who is invited, the time, form and place in the minutes' own words, the
agenda, the papers to send, the contact, the signer and the recipients; markers where the
workbook is blank; the Decree 30 check.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Mm, Pt
from docx_helpers import assert_length, font_value, format_value, paragraph_texts, paragraph_with
from pypdf import PdfReader

from docgen import pdf
from docgen.build import build
from docgen.check import format_finding, lint
from docgen.documents.shared.fillin import PATTERN
from docgen.intake import read_workbook
from docgen.model import Workbook
from docgen.vi import weekday
from tests.conftest import SAMPLE, needs_libreoffice
from tests.other_clusters import CT_CLUSTER, KH_CLUSTER, KH_GUEST
from tests.render_book import render_book

KIND = "giay-moi"
SUMMARY = ("Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2021 của Cụm Thi đua Thanh "
           "tra các tỉnh miền Tây Nam sông Hậu")
INVITED = "Chánh Thanh tra và 01 lãnh đạo phòng nghiệp vụ"


@pytest.fixture(scope="module")
def sample() -> Workbook:
    return read_workbook(SAMPLE)


@pytest.fixture(scope="module")
def khanh_hoa(khanh_hoa_book: Workbook) -> Workbook:
    return khanh_hoa_book  # written and read once a session (conftest)


@pytest.fixture(scope="module")
def can_tho(can_tho_book: Workbook) -> Workbook:
    return can_tho_book  # written and read once a session (conftest)


@pytest.fixture(scope="module")
def invitation(sample: Workbook) -> Document:
    return render_book(sample, KIND)


def texts(document: Document) -> list[str]:
    return [t for t in paragraph_texts(document) if t.strip()]


def starting(lines: list[str], prefix: str) -> str:
    (line,) = [x for x in lines if x.startswith(prefix)]
    return line


def after(lines: list[str], lead: str) -> list[str]:
    """The dashed lines right after the line `lead`."""
    out = []
    for line in lines[lines.index(lead) + 1:]:
        if not line.startswith("- "):
            break
        out.append(line)
    return out


def markers(document: Document) -> list[str]:
    return [m for t in paragraph_texts(document) for m in PATTERN.findall(t)]


# --------------------------------------------------------------------------- the frame


def test_header_number_and_date(invitation: Document) -> None:
    header = invitation.tables[0]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 23/GM-CTĐ"
    assert header.cell(1, 1).paragraphs[0].text == "Bạc Liêu, ngày 08 tháng 12 năm 2021"
    issuer = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    assert issuer == ["THANH TRA CHÍNH PHỦ", "CỤM THI ĐUA", "THANH TRA CÁC TỈNH",
                      "MIỀN TÂY NAM SÔNG HẬU"]


def test_title_and_summary(invitation: Document) -> None:
    lines = texts(invitation)
    assert lines[:2] == ["GIẤY MỜI", SUMMARY]
    assert lines[2] == "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu trân trọng kính mời:"


def test_page_and_fonts(invitation: Document) -> None:
    section = invitation.sections[0]
    assert_length(section.page_width, Mm(210))
    assert_length(section.page_height, Mm(297))
    kind, summary = (paragraph_with(invitation, t) for t in ("GIẤY MỜI", SUMMARY))
    for title in (kind, summary):
        assert font_value(title, "bold") is True
        assert font_value(title, "size") == Pt(14)
    line = paragraph_with(invitation, "Hình thức: Trực tuyến.")
    assert font_value(line, "name") == "Times New Roman"
    assert font_value(line, "size") == Pt(14)
    assert format_value(line, "first_line_indent") is not None


def test_signer_and_recipients(invitation: Document) -> None:
    signature = invitation.tables[-1]
    recipients = [p.text for p in signature.cell(0, 0).paragraphs if p.text]
    signer = [p.text for p in signature.cell(0, 1).paragraphs if p.text]
    assert recipients == ["Nơi nhận:", "- Thanh tra Chính phủ (Vụ Tổ chức cán bộ);",
                          "- Các thành viên Cụm thi đua;", "- Lưu: VT, CTĐ."]
    assert signer == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "CHÁNH THANH TRA TỈNH BẠC LIÊU",
                      "Bùi Thanh Nguyên"]
    assert texts(invitation)[-1] == "Rất mong các đồng chí tham dự đầy đủ, đúng thời gian./."


def test_khoi_signer_number_and_date(khanh_hoa: Workbook) -> None:
    document = render_book(khanh_hoa, KIND)
    header, signature = document.tables[0], document.tables[-1]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 38/GM-KTĐ"
    assert header.cell(1, 1).paragraphs[0].text == "Khánh Hòa, ngày 02 tháng 12 năm 2025"
    assert [p.text for p in signature.cell(0, 1).paragraphs if p.text] == [
        "TM. KHỐI THI ĐUA", "TRƯỞNG KHỐI", "GIÁM ĐỐC SỞ TÀI CHÍNH TỈNH KHÁNH HÒA",
        "Nguyễn Văn Thắng"]
    assert [p.text for p in signature.cell(0, 0).paragraphs if p.text] == [
        "Nơi nhận:", "- Các thành viên Khối thi đua;", "- Sở Nội vụ;", "- Lưu: VT, KTĐ."]
    lines = texts(document)
    assert lines[1] == ("Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025 của "
                        f"{KH_CLUSTER}")


# --------------------------------------------------------------------------- who is invited


def test_sample_invites_the_guest_then_each_member_once(sample: Workbook,
                                                         invitation: Document) -> None:
    lines = after(texts(invitation), "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu "
                                     "trân trọng kính mời:")
    assert lines[0] == ("- Đồng chí Nguyễn Thị Thu Hà, Phó Vụ trưởng, Vụ Tổ chức cán bộ, "
                        "Thanh tra Chính phủ;")
    assert lines[1:] == [f"- Lãnh đạo {m.name} ({INVITED}){';' if i < 6 else '.'}"
                         for i, m in enumerate(sample.members)]


@pytest.mark.parametrize("which", ["khanh_hoa", "can_tho"])
def test_each_member_listed_once_in_the_members_order(which: str,
                                                      request: pytest.FixtureRequest) -> None:
    book: Workbook = request.getfixturevalue(which)
    lines = texts(render_book(book, KIND))
    invited = book.conference.invited
    tail = f" ({invited})" if invited else ""
    named = [x.removeprefix("- Lãnh đạo ").rstrip(";.").removesuffix(tail)
             for x in lines if x.startswith("- Lãnh đạo ")]
    assert named == [m.name for m in book.members]
    assert len(set(named)) == len(named)


def test_khoi_guest_and_blank_invited_ask_for_whom(khanh_hoa: Workbook) -> None:
    document = render_book(khanh_hoa, KIND)
    lines = texts(document)
    name, title, body = KH_GUEST
    assert f"- Đồng chí {name}, {title}, {body};" in lines
    assert "- Lãnh đạo Sở Tài chính;" in lines
    assert "- Lãnh đạo Văn phòng Ủy ban nhân dân tỉnh." in lines
    assert starting(lines, "Thành phần mời của mỗi đơn vị: ") == (
        "Thành phần mời của mỗi đơn vị: [Bổ sung: chức vụ và số lãnh đạo, cán bộ được mời "
        "của mỗi đơn vị].")


def test_no_guest_on_the_sheet_asks_for_the_superior_body(can_tho: Workbook) -> None:
    lines = texts(render_book(can_tho, KIND))
    first = after(lines, f"{CT_CLUSTER} trân trọng kính mời:")[0]
    assert first == ("- [Bổ sung: đại biểu của Ủy ban nhân dân thành phố Cần Thơ được mời (họ "
                     "và tên, chức vụ)];")
    assert not any("Đại diện lãnh đạo" in x for x in lines)
    assert "- Lãnh đạo Ủy ban nhân dân phường Ninh Kiều (Chủ tịch Ủy ban nhân dân phường);" in lines


# --------------------------------------------------------------------------- when and where


@pytest.mark.parametrize(("day", "words"), [
    (dt.date(2021, 12, 20), "thứ Hai"), (dt.date(2021, 12, 21), "thứ Ba"),
    (dt.date(2021, 12, 22), "thứ Tư"), (dt.date(2021, 12, 23), "thứ Năm"),
    (dt.date(2021, 12, 24), "thứ Sáu"), (dt.date(2021, 12, 25), "thứ Bảy"),
    (dt.date(2021, 12, 26), "Chủ nhật"),
])
def test_weekday(day: dt.date, words: str) -> None:
    assert weekday(day) == words


def test_sample_time_line(invitation: Document) -> None:
    assert starting(texts(invitation), "Thời gian: ") == (
        "Thời gian: 08 giờ 00 phút, ngày 20 tháng 12 năm 2021 (thứ Hai).")


@pytest.mark.parametrize("which", ["sample", "khanh_hoa", "can_tho"])
def test_time_form_and_place_read_as_the_minutes(which: str,
                                                 request: pytest.FixtureRequest) -> None:
    book: Workbook = request.getfixturevalue(which)
    invitation, minutes = texts(render_book(book, KIND)), texts(render_book(book, "bien-ban"))
    when = starting(invitation, "Thời gian: ").removeprefix("Thời gian: ")
    started = starting(minutes, "Thời gian bắt đầu: ").removeprefix("Thời gian bắt đầu: ")
    assert when == f"{started.removesuffix('.')} ({weekday(book.conference.date)})."
    for label in ("Hình thức: ", "Địa điểm: "):
        assert starting(invitation, label) == starting(minutes, label)


def test_bridges_named_for_a_hybrid_meeting(can_tho: Workbook) -> None:
    lines = texts(render_book(can_tho, KIND))
    assert starting(lines, "Hình thức: ") == "Hình thức: Trực tiếp kết hợp trực tuyến."
    assert starting(lines, "Địa điểm: ") == (
        "Địa điểm: Hội trường Ủy ban nhân dân phường Ninh Kiều, kết hợp trực tuyến với các "
        "điểm cầu: Ủy ban nhân dân phường Ô Môn, Ủy ban nhân dân phường Hưng Phú.")


# --------------------------------------------------------------------------- the rest of the body


def test_agenda_items_in_order(sample: Workbook, invitation: Document) -> None:
    items = after(texts(invitation), "Nội dung:")
    assert [x[2:].rstrip(";.") for x in items] == sample.conference.agenda
    assert items[-1].endswith(".") and all(x.endswith(";") for x in items[:-1])


@pytest.mark.parametrize("which", ["sample", "khanh_hoa"])
def test_agenda_reads_as_the_minutes(which: str, request: pytest.FixtureRequest) -> None:
    book: Workbook = request.getfixturevalue(which)
    invitation, minutes = texts(render_book(book, KIND)), texts(render_book(book, "bien-ban"))
    assert after(invitation, "Nội dung:") == after(
        minutes, "Hội nghị tiến hành theo chương trình sau:")


def test_numbered_agenda_keeps_its_numbers_as_in_the_minutes(sample: Workbook) -> None:
    book = blank(sample, agenda=["1. Khai mạc Hội nghị", "2. Thông qua dự thảo Báo cáo tổng kết."])
    expected = ["1. Khai mạc Hội nghị;", "2. Thông qua dự thảo Báo cáo tổng kết."]
    for kind, lead in ((KIND, "Nội dung:"),
                       ("bien-ban", "Hội nghị tiến hành theo chương trình sau:")):
        lines = texts(render_book(book, kind))
        start = lines.index(lead) + 1
        assert lines[start:start + 2] == expected, kind


def test_no_agenda_asks_for_it(can_tho: Workbook) -> None:
    lines = texts(render_book(can_tho, KIND))
    assert starting(lines, "Nội dung: ") == (
        "Nội dung: [Bổ sung: các nội dung của Hội nghị theo thứ tự]")


def test_papers_to_send_by_the_deadline(invitation: Document) -> None:
    lead = ("Đề nghị các đơn vị thành viên Cụm gửi về Thanh tra tỉnh Bạc Liêu trước ngày "
            "13/12/2021 các tài liệu sau:")
    assert after(texts(invitation), lead) == [
        "- Bảng tự chấm điểm thi đua năm 2021;",
        "- Báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 của đơn vị;",
        "- Hồ sơ đề nghị khen thưởng (nếu có)."]


def test_contact(invitation: Document, can_tho: Workbook) -> None:
    assert starting(texts(invitation), "Thông tin liên hệ: ") == (
        "Thông tin liên hệ: Ông Trần Văn Bình, Chánh Văn phòng Thanh tra tỉnh Bạc Liêu, điện "
        "thoại 0291 3822 456.")
    assert starting(texts(render_book(can_tho, KIND)), "Thông tin liên hệ: ") == (
        "Thông tin liên hệ: Bà Phạm Ngọc Hân, công chức Văn phòng - Thống kê phường Ninh "
        "Kiều, điện thoại 0292 3821 003.")


def test_the_sample_is_complete(invitation: Document) -> None:
    assert markers(invitation) == []
    assert not any("{{" in t or "{%" in t for t in paragraph_texts(invitation))


# --------------------------------------------------------------------------- blanks -> markers


def blank(book: Workbook, **fields: object) -> Workbook:
    conference = book.conference.model_copy(update=fields)
    return book.model_copy(update={"conference": conference})


def test_blank_fields_print_highlighted_markers(sample: Workbook) -> None:
    book = blank(sample, invited=None, prepare=[], prepare_deadline=None, contact=None,
                 contact_phone=None)
    document = render_book(book, KIND)
    lines = texts(document)
    assert "- Lãnh đạo Thanh tra tỉnh Bạc Liêu;" in lines
    assert not any(INVITED in x for x in lines)
    assert starting(lines, "Đề nghị các đơn vị") == (
        "Đề nghị các đơn vị thành viên Cụm gửi về Thanh tra tỉnh Bạc Liêu: [Bổ sung: tài liệu "
        "gửi trước Hội nghị, ví dụ: bảng tự chấm điểm, báo cáo tổng kết năm 2021; thời hạn "
        "gửi].")
    assert starting(lines, "Thông tin liên hệ: ") == (
        "Thông tin liên hệ: [Bổ sung: họ và tên, chức vụ và số điện thoại người liên hệ].")
    assert len(markers(document)) == 3
    highlighted = [r.text for p in document.paragraphs for r in p.runs
                   if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert sorted(highlighted) == sorted(markers(document))


@pytest.mark.parametrize(("fields", "sentence"), [
    ({"prepare_deadline": None},
     "Đề nghị các đơn vị thành viên Cụm gửi về Thanh tra tỉnh Bạc Liêu trước ngày [Bổ sung: "
     "ngày] các tài liệu sau:"),
    ({"prepare": []},
     "Đề nghị các đơn vị thành viên Cụm gửi về Thanh tra tỉnh Bạc Liêu trước ngày 13/12/2021: "
     "[Bổ sung: tài liệu gửi trước Hội nghị, ví dụ: bảng tự chấm điểm, báo cáo tổng kết năm "
     "2021]."),
    ({"contact_phone": " "},
     "Thông tin liên hệ: Ông Trần Văn Bình, Chánh Văn phòng Thanh tra tỉnh Bạc Liêu, điện "
     "thoại [Bổ sung: số điện thoại]."),
    ({"contact": None},
     "Thông tin liên hệ: [Bổ sung: họ và tên, chức vụ người liên hệ], điện thoại 0291 3822 "
     "456."),
])
def test_one_blank_field_one_marker(sample: Workbook, fields: dict[str, object],
                                    sentence: str) -> None:
    document = render_book(blank(sample, **fields), KIND)
    assert sentence in texts(document)
    assert len(markers(document)) == 1


def test_no_guest_asks_for_the_superior_bodys(sample: Workbook) -> None:
    book = sample.model_copy(update={
        "attendance": [p for p in sample.attendance if p.status != "guest"]})
    lines = texts(render_book(book, KIND))
    assert ("- [Bổ sung: đại biểu của Thanh tra Chính phủ được mời (họ và tên, chức vụ)];"
            in lines)


# --------------------------------------------------------------------------- Decree 30


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    (path,) = build(SAMPLE, tmp_path_factory.mktemp("gm"), only=[KIND]).paths
    assert path.name == "2021_cum-ix_giay-moi.docx"
    return path


def test_the_sample_passes_the_decree_30_check_as_a_final_paper(built: Path) -> None:
    assert [format_finding(f) for f in lint(built, final=True)] == []


@needs_libreoffice
def test_closing_and_signature_share_the_last_page(built: Path) -> None:
    ((path, pages),) = pdf.convert([built])
    last = PdfReader(path).pages[pages - 1].extract_text() or ""
    assert "Rất mong các đồng chí" in last and "Bùi Thanh Nguyên" in last
