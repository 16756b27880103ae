"""Build next year's emulation pact (giao ước) from the sample and read it as a reader would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table, _Cell
from docx_helpers import (
    all_text,
    between,
    font_value,
    format_value,
    paragraph_texts,
    paragraph_with,
)

from docgen.build import TEMPLATES_DIR, check
from docgen.documents.pact import context as pact
from docgen.model import Score, Workbook
from docgen.render import Template
from tests.conftest import SAMPLE, build_one, set_cell
from tests.render_book import render_book

CLUSTER = "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu"
MEMBERS_SHEET = "Thành viên"
# Next year's signers in grid order: Cụm trưởng, Cụm phó, then the members sheet order.
SIGNERS = [
    ("THANH TRA TỈNH KIÊN GIANG", "CỤM TRƯỞNG", "Nguyễn Văn Đức"),
    ("THANH TRA TỈNH CÀ MAU", "CỤM PHÓ", "Trần Quốc Hùng"),
    ("THANH TRA TỈNH BẠC LIÊU", None, "Bùi Thanh Nguyên"),
    ("THANH TRA TỈNH SÓC TRĂNG", None, "Lâm Văn Phước"),
    ("THANH TRA TỈNH HẬU GIANG", None, "Phạm Thị Ngọc Hân"),
    ("THANH TRA THÀNH PHỐ CẦN THƠ", None, "Huỳnh Thanh Sơn"),
    ("THANH TRA TỈNH AN GIANG", None, "Nguyễn Hoàng Phúc"),
]
NEW_MEMBERS = [("Thanh tra tỉnh Bến Tre", "Bến Tre", "Lê Văn Tám"),
               ("Thanh tra tỉnh Trà Vinh", "Trà Vinh", "Võ Thị Hoa")]
SCORES = (25, 20, 15, 8, 8, 4)  # one per criterion TC1-TC6 of the sample's score sheet


def _pact(workbook: Path, out: Path) -> Document:
    return build_one(workbook, out, "giao-uoc")


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _pact(SAMPLE, tmp_path_factory.mktemp("out"))




def _grid(document: Document) -> Table:
    return document.tables[-1]


def _cell_lines(cell: _Cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def test_header_has_no_number_and_next_years_date_line(document: Document) -> None:
    header = document.tables[0]
    assert header.cell(1, 0).text == ""
    date = header.cell(1, 1).paragraphs[0]
    assert date.text == "Kiên Giang, ngày 10 tháng 01 năm 2022"
    assert (font_value(date, "italic"), font_value(date, "size")) == (True, Pt(13))
    assert not any(line.strip().startswith("Số:") for line in all_text(document).splitlines())


def test_title_and_cluster_line(document: Document) -> None:
    title = paragraph_with(document, "GIAO ƯỚC THI ĐUA NĂM 2022")
    cluster = paragraph_with(document, CLUSTER)
    texts = paragraph_texts(document)
    assert texts.index(CLUSTER) == texts.index(title.text) + 1
    for paragraph in (title, cluster):
        assert font_value(paragraph, "bold") is True
        assert format_value(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_basis_cites_the_award_laws_then_next_years_plan(document: Document) -> None:
    basis = [p for p in document.paragraphs if p.text.startswith("Căn cứ ")]
    assert [p.text for p in basis] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14/6/2005;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16/11/2013;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi "
        "hành một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Thông tư số 12/2019/TT-BNV ngày 04/11/2019 của Bộ Nội vụ quy định chi tiết thi "
        "hành một số điều của Nghị định số 91/2017/NĐ-CP;",
        "Căn cứ Thông tư số 01/2016/TT-TTCP ngày 06/10/2016 của Thanh tra Chính phủ quy định "
        "công tác thi đua, khen thưởng trong ngành Thanh tra;",
        f"Căn cứ Kế hoạch số 01/KH-CTĐ ngày 10/01/2022 của {CLUSTER} phát động phong trào thi "
        "đua năm 2022.",
    ]
    assert all(font_value(p, "italic") is True for p in basis)
    intro = (f"Các đơn vị thành viên {CLUSTER} thống nhất ký kết Giao ước thi đua năm 2022 với "
             "các nội dung sau:")
    lines = paragraph_texts(document)
    assert lines.index(intro) == lines.index(basis[-1].text) + 1


def test_general_targets_then_targets_numbered_under_their_criterion(document: Document) -> None:
    texts = paragraph_texts(document)
    assert between(texts, "I. MỤC TIÊU, CHỈ TIÊU", "II. NỘI DUNG GIAO ƯỚC") == [
        "1. 100% tập thể, công chức, người lao động đăng ký thi đua;",
        "2. Không có công chức bị xử lý kỷ luật từ hình thức khiển trách trở lên.",
    ]
    content = between(texts, "II. NỘI DUNG GIAO ƯỚC", "III. TỔ CHỨC THỰC HIỆN")
    assert [line for line in content if "(Tiêu chí" in line] == [
        "1. Công tác thanh tra (Tiêu chí TC1, tối đa 30 điểm)",
        "2. Tiếp công dân, giải quyết khiếu nại, tố cáo (Tiêu chí TC2, tối đa 25 điểm)",
        "3. Phòng, chống tham nhũng (Tiêu chí TC3, tối đa 20 điểm)",
        "4. Xây dựng ngành (Tiêu chí TC4, tối đa 10 điểm)",
        "5. Công tác thi đua, khen thưởng (Tiêu chí TC5, tối đa 10 điểm)",
        "6. Công tác Đảng, đoàn thể (Tiêu chí TC6, tối đa 5 điểm)",
    ]
    assert between(content, content[0], content[4]) == [
        "1.1. Hoàn thành 100% số cuộc thanh tra theo kế hoạch được phê duyệt.",
        "1.2. Ban hành 100% kết luận thanh tra đúng thời hạn.",
        "1.3. Theo dõi, đôn đốc, kiểm tra việc thực hiện từ 90% trở lên số kết luận thanh tra "
        "đến hạn.",
    ]
    assert content[4:7] == [
        "2. Tiếp công dân, giải quyết khiếu nại, tố cáo (Tiêu chí TC2, tối đa 25 điểm)",
        "2.1. Thủ trưởng đơn vị tiếp công dân định kỳ ít nhất 01 ngày mỗi tháng.",
        "2.2. Giải quyết từ 90% trở lên số vụ việc khiếu nại, tố cáo thuộc thẩm quyền.",
    ]
    area = paragraph_with(document, content[0])
    assert font_value(area, "bold") is True
    assert font_value(paragraph_with(document, content[1]), "bold") is not True
    assert font_value(paragraph_with(document, "I. MỤC TIÊU, CHỈ TIÊU"), "bold") is True


def test_organisation_names_officers_and_milestones_in_date_order(document: Document) -> None:
    texts = paragraph_texts(document)
    part = texts[texts.index("III. TỔ CHỨC THỰC HIỆN") + 1:]
    assert part[0].startswith("1. Các đơn vị thành viên")
    assert part[0].endswith("báo cáo kết quả thực hiện về Cụm trưởng (Thanh tra tỉnh Kiên Giang).")
    assert part[1].startswith("2. Thanh tra tỉnh Kiên Giang (Cụm trưởng) chủ trì, phối hợp với "
                              "Thanh tra tỉnh Cà Mau (Cụm phó) tổ chức kiểm tra chéo, chấm điểm")
    assert "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2022" in part[1]
    members = "Các đơn vị thành viên"
    assert part[2:12] == [
        "3. Thời gian thực hiện các nội dung chủ yếu:",
        f"- Đăng ký thi đua, ký kết Giao ước thi đua: trước 31/3/2022 ({members});",
        f"- Gửi báo cáo sơ kết 6 tháng về Cụm trưởng: trước 15/6/2022 ({members});",
        "- Sơ kết 6 tháng: tháng 7/2022 (Cụm trưởng);",
        f"- Gửi báo cáo tổng kết năm về Cụm trưởng: trước 15/11/2022 ({members});",
        f"- Tự chấm điểm, gửi bảng tự chấm điểm về Cụm trưởng: trước 20/11/2022 ({members});",
        "- Kiểm tra chéo, thẩm định điểm thi đua: trước 30/11/2022 (Cụm trưởng, Cụm phó);",
        "- Gửi hồ sơ đề nghị khen thưởng (báo cáo thành tích) về Cụm trưởng: trước 05/12/2022 "
        f"({members});",
        "- Hội nghị tổng kết, bình xét: trước 15/12/2022 (Cụm trưởng);",
        "- Gửi hồ sơ đề nghị khen thưởng về Thanh tra Chính phủ: trước 20/12/2022 (Cụm trưởng).",
    ]
    assert part[12].endswith("cam kết thực hiện nghiêm túc các nội dung đã ký kết./.")
    assert [t for t in texts if t.endswith("./.")] == [part[12]]


def test_a_signature_cell_for_every_member(document: Document) -> None:
    grid = _grid(document)
    cells = [cell for row in grid.rows for cell in row.cells]
    assert [len(row.cells) for row in grid.rows] == [2, 2, 2, 2]
    for cell, (unit, role, name) in zip(cells, SIGNERS, strict=False):
        expected = [unit, *([role] if role else []), "CHÁNH THANH TRA", name]
        assert _cell_lines(cell) == expected
    assert _cell_lines(cells[-1]) == []
    assert len(cells) == len(SIGNERS) + 1


def test_signature_cells_are_bold_and_never_split(document: Document) -> None:
    grid = _grid(document)
    for row in grid.rows:
        tr_pr = row._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
    first = grid.cell(0, 0)
    filled = [p for p in first.paragraphs if p.text]
    assert all(font_value(p, "bold") is True for p in filled)
    assert all(format_value(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER for p in filled)
    assert first.paragraphs[-2].text == "" and first.paragraphs[-1].text == "Nguyễn Văn Đức"
    # Rows part between pages, except the last two: kept together and with "Nơi nhận".
    kept = [all(format_value(p, "keep_with_next") is True for p in row.cells[0].paragraphs)
            for row in grid.rows]
    loose = [all(format_value(p, "keep_with_next") is not True for p in row.cells[0].paragraphs)
             for row in grid.rows]
    assert kept == [False, False, True, True] and loose == [True, True, False, False]
    closing = paragraph_with(document, paragraph_texts(document)[-5])
    assert closing.text.endswith("./.") and format_value(closing, "keep_with_next") is True


def test_recipients_follow_the_grid_flush_left(document: Document) -> None:
    body = document.element.body
    grid = _grid(document)._tbl
    following = grid.getnext()
    head = paragraph_with(document, "Nơi nhận:")
    assert following is head._p
    assert list(body).index(grid) < list(body).index(head._p)
    assert (font_value(head, "bold"), font_value(head, "italic")) == (True, True)
    assert font_value(head, "size") == Pt(12)
    assert format_value(head, "alignment") == WD_ALIGN_PARAGRAPH.LEFT
    texts = paragraph_texts(document)
    listed = texts[texts.index("Nơi nhận:") + 1:]
    assert listed == ["- Thanh tra Chính phủ (Vụ TCCB);", "- Các thành viên Cụm thi đua;",
                      "- Lưu: VT, CTĐ."]
    assert all(font_value(paragraph_with(document, t), "size") == Pt(11) for t in listed)


def test_no_leftover_tags_or_blanks(document: Document) -> None:
    text = all_text(document)
    for bad in ("{{", "{%", "}}", "None", "nan"):
        assert bad not in text


def _with_members(count: int) -> Workbook:
    """The sample with plain members added (lowest scores) up to `count` members."""
    book = check(SAMPLE).book
    extra = NEW_MEMBERS + [(f"Thanh tra tỉnh Thử {i}", f"Thử {i}", f"Người Ký {i}")
                           for i in range(count)]
    members = [book.members[0].model_copy(update={
        "name": name, "short_name": short, "place": short, "head_name": head,
        "role": "member", "role_next": "member"}) for name, short, head in extra]
    members = members[:count - len(book.members)]
    scores = [Score(unit=m.name, points=dict(zip((c.code for c in book.criteria), SCORES,
                                                 strict=True))) for m in members]
    return book.model_copy(update={"members": [*book.members, *members],
                                   "scores": [*book.scores, *scores]})


def test_nine_members_sign_three_to_a_row() -> None:
    document = render_book(_with_members(9), "giao-uoc")
    grid = _grid(document)
    assert [len(row.cells) for row in grid.rows] == [3, 3, 3]
    cells = [_cell_lines(cell) for row in grid.rows for cell in row.cells]
    assert [c[0] for c in cells] == [
        *(unit for unit, _, _ in SIGNERS), "THANH TRA TỈNH BẾN TRE", "THANH TRA TỈNH TRÀ VINH"]
    assert [c[-1] for c in cells[-2:]] == ["Lê Văn Tám", "Võ Thị Hoa"]
    assert cells[0][1] == "CỤM TRƯỞNG" and cells[1][1] == "CỤM PHÓ"


def test_a_lone_last_signature_of_a_row_of_three_sits_in_the_middle() -> None:
    document = render_book(_with_members(10), "giao-uoc")
    grid = _grid(document)
    assert [len(row.cells) for row in grid.rows] == [3, 3, 3, 3]
    last = [_cell_lines(cell) for cell in grid.rows[-1].cells]
    assert last[0] == [] and last[2] == [] and last[1][-1] == "Người Ký 0"


def test_blank_plan_number_is_cited_without_so(edited: Callable[..., Path],
                                               tmp_path: Path) -> None:
    path = edited(lambda b: set_cell(b, "Ký và nơi nhận", "Số", 4, None))
    texts = paragraph_texts(_pact(path, tmp_path / "out"))
    assert (f"Căn cứ Kế hoạch phát động phong trào thi đua năm 2022 của {CLUSTER}." in texts)
    assert not any("Kế hoạch số" in t and "2022" in t for t in texts)
    assert not any("None" in t for t in texts)


@pytest.mark.parametrize(("area", "target"), [
    ("Chỉ tiêu chung", True),
    ("Các CHỈ TIÊU chủ yếu", True),
    ("Công tác thanh tra", False),
])
def test_target_areas_are_found_by_name(area: str, target: bool) -> None:
    assert pact.is_target(area) is target


@pytest.mark.parametrize(("title", "unit", "shown"), [
    ("Chánh Thanh tra tỉnh", "Thanh tra tỉnh Kiên Giang", "CHÁNH THANH TRA"),
    ("Chánh Thanh tra thành phố", "Thanh tra thành phố Cần Thơ", "CHÁNH THANH TRA"),
    ("Phó Chánh Thanh tra tỉnh", "Thanh tra tỉnh Kiên Giang", "PHÓ CHÁNH THANH TRA"),
    ("Phó Chánh Thanh tra phụ trách", "Thanh tra tỉnh Kiên Giang",
     "PHÓ CHÁNH THANH TRA PHỤ TRÁCH"),
    ("Giám đốc Sở Tư pháp tỉnh", "Sở Tư pháp", "GIÁM ĐỐC"),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch",
     "GIÁM ĐỐC"),
    # One word left would not say who signs; a unit named otherwise stays in the title.
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh",
     "CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN"),
    ("Chủ tịch Ủy ban nhân dân phường", "Ủy ban nhân dân phường Cái Khế",
     "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG"),
    # The unit without its place ('Bình Thủy') is what the title ends with.
    ("Chủ tịch Ủy ban nhân dân phường", "Ủy ban nhân dân phường Bình Thủy", "CHỦ TỊCH"),
])
def test_signer_title_drops_what_the_unit_line_says(title: str, unit: str,
                                                    shown: str) -> None:
    member = check(SAMPLE).book.members[0].model_copy(
        update={"head_title": title, "name": unit, "place": "Bình Thủy"})
    assert pact.signer_title(member) == shown


def _drop_rows(sheet: str, keep: Callable[[Any], bool]) -> Callable[[Any], None]:
    """An edit deleting the data rows of `sheet` whose first cell `keep` rejects."""
    def edit(book: Any) -> None:
        ws = book[sheet]
        for row in range(ws.max_row, 1, -1):
            if not keep(ws.cell(row=row, column=1).value):
                ws.delete_rows(row)
    return edit


def test_without_general_targets_the_plans_targets_are_the_pacts(
        edited: Callable[..., Path], tmp_path: Path) -> None:
    path = edited(_drop_rows("Giao ước", lambda area: not pact.is_target(area or "")))
    texts = paragraph_texts(_pact(path, tmp_path / "out"))
    assert between(texts, "I. MỤC TIÊU, CHỈ TIÊU", "II. NỘI DUNG GIAO ƯỚC") == [
        "1. 100% tập thể, công chức, người lao động đăng ký thi đua và ký kết Giao ước thi đua "
        "trước ngày 31/3/2022;",
        "2. 100% đơn vị thành viên hoàn thành kế hoạch thanh tra năm 2022 được phê duyệt;",
        "3. Giải quyết từ 90% trở lên số vụ việc khiếu nại, tố cáo thuộc thẩm quyền;",
        "4. Không có công chức bị xử lý kỷ luật từ hình thức khiển trách trở lên.",
    ]


def test_without_any_targets_the_parts_are_renumbered(edited: Callable[..., Path],
                                                      tmp_path: Path) -> None:
    no_pact_targets = _drop_rows("Giao ước", lambda area: not pact.is_target(area or ""))
    no_plan_targets = _drop_rows("Kế hoạch năm sau", lambda part: part != "Chỉ tiêu")
    document = _pact(edited(no_pact_targets, no_plan_targets), tmp_path / "out")
    headings = [p.text for p in document.paragraphs if p.style is not None
                and p.style.name == "Heading I"]
    assert headings == ["I. NỘI DUNG GIAO ƯỚC", "II. TỔ CHỨC THỰC HIỆN"]
    assert "MỤC TIÊU, CHỈ TIÊU" not in all_text(document)


def test_without_timeline_or_award_laws(edited: Callable[..., Path], tmp_path: Path) -> None:
    """No milestones: no '3.' lead; no award laws: the plan alone is cited, ending '.'."""
    no_laws = _drop_rows("Văn bản căn cứ", lambda role: role != "Căn cứ khen thưởng")
    path = edited(_drop_rows("Lịch thực hiện", lambda _: False), no_laws)
    texts = paragraph_texts(_pact(path, tmp_path / "out"))
    assert [t for t in texts if t.startswith("Căn cứ ")] == [
        f"Căn cứ Kế hoạch số 01/KH-CTĐ ngày 10/01/2022 của {CLUSTER} phát động phong trào thi "
        "đua năm 2022."]
    part = texts[texts.index("III. TỔ CHỨC THỰC HIỆN") + 1:]
    assert part[0].startswith("1. ") and part[1].startswith("2. ")
    assert part[2].startswith("Giao ước thi đua năm 2022 có hiệu lực kể từ ngày ký.")
    assert "Thời gian thực hiện các nội dung chủ yếu" not in " ".join(texts)


def test_template_reads_exactly_the_context() -> None:
    checked = check(SAMPLE)
    context = pact.context(checked.book, checked.outcome)
    template = Template.load(TEMPLATES_DIR / "giao-uoc.docx")
    assert template.undeclared_variables() == set(context)
