"""Turn a row count into a decree-style .docx template and a context to fill it with.

The template is made with python-docx, in the Decree 30 layout docgen's own templates use:
a header table (issuing body and number on the left, national motto and place and date on
the right), a title, several "Căn cứ ..." and article paragraphs (about three pages with
20 rows), and a five-column table whose rows loop with docxtpl's ``{%tr for r in rows %}``
... ``{%tr endfor %}`` rows. Every value is Vietnamese text with full diacritics.

Used by bench_compare.py to time docgen's renderer, docxtpl and a floor on one template.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

COLUMNS = ("STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng")
FIELDS = ("stt", "ho_ten", "chuc_vu", "don_vi", "hinh_thuc")
_WIDTHS_MM = (12, 45, 35, 45, 38)

_GROUNDS = (
    "Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
    "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác "
    "văn thư;",
    "Căn cứ Quy chế tổ chức và hoạt động của {{ cum }} ban hành kèm theo Quyết định số "
    "{{ so_quy_che }} của Trưởng cụm;",
    "Xét đề nghị của Hội đồng Thi đua - Khen thưởng cụm tại Tờ trình số {{ so_to_trinh }} "
    "ngày {{ ngay_to_trinh }}.",
)
_ARTICLE = (
    "Trong năm {{ nam }}, các tập thể và cá nhân có tên dưới đây đã hoàn thành xuất sắc "
    "nhiệm vụ được giao, tích cực hưởng ứng các phong trào thi đua yêu nước do cụm phát "
    "động, đoàn kết, sáng tạo, góp phần quan trọng vào việc hoàn thành thắng lợi các chỉ "
    "tiêu kinh tế - xã hội của địa phương; chấp hành tốt chủ trương của Đảng, chính sách, "
    "pháp luật của Nhà nước và nội quy, quy chế của cơ quan, đơn vị."
)


def _font(paragraph: Any, size: float = 13, bold: bool = False, italic: bool = False) -> None:
    for run in paragraph.runs:
        run.font.name = "Times New Roman"
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic


def _write(cell_or_doc: Any, text: str, *, size: float = 13, bold: bool = False,
           italic: bool = False, center: bool = False, new: bool = True) -> Any:
    paragraph = cell_or_doc.add_paragraph(text) if new else cell_or_doc.paragraphs[0]
    if not new:
        paragraph.add_run(text)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(paragraph, size, bold, italic)
    return paragraph


def _header(document: Any) -> None:
    """The Decree 30 header: issuing body and number left, motto and date right."""
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    _write(left, "{{ co_quan_chu_quan }}", size=12, center=True, new=False)
    _write(left, "{{ co_quan }}", size=12, bold=True, center=True)
    _write(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, center=True,
           new=False)
    _write(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, center=True)
    number, date = table.rows[1].cells
    _write(number, "Số: {{ so }}/QĐ-CTĐ", size=13, center=True, new=False)
    _write(date, "{{ dia_danh }}, ngày {{ ngay }} tháng {{ thang }} năm {{ nam }}", size=13,
           italic=True, center=True, new=False)


def _rows_table(document: Any) -> None:
    """Header row, then docxtpl's row loop: an opening row, the data row, a closing row."""
    table = document.add_table(rows=4, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        _write(cell, title, bold=True, center=True, new=False)
    _write(table.rows[1].cells[0], "{%tr for r in rows %}", new=False)
    for cell, field in zip(table.rows[2].cells, FIELDS, strict=True):
        _write(cell, "{{ r." + field + " }}", new=False)
    _write(table.rows[3].cells[0], "{%tr endfor %}", new=False)
    for row in table.rows:
        for cell, width in zip(row.cells, _WIDTHS_MM, strict=True):
            cell.width = Mm(width)


def template_bytes() -> bytes:
    """The .docx template's bytes (A4, Decree 30 margins, Times New Roman)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _header(document)
    _write(document, "QUYẾT ĐỊNH", size=14, bold=True, center=True)
    _write(document, "Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất "
           "sắc trong phong trào thi đua năm {{ nam }}", size=14, bold=True, center=True)
    _write(document, "TRƯỞNG {{ cum | upper }}", size=14, bold=True, center=True)
    for ground in _GROUNDS:
        _write(document, ground, size=14, italic=True)
    _write(document, "QUYẾT ĐỊNH:", size=14, bold=True, center=True)
    for article in range(1, 6):
        _write(document, f"Điều {article}. " + _ARTICLE, size=14)
    _write(document, "Danh sách các cá nhân được khen thưởng:", size=14, bold=True)
    _rows_table(document)
    for closing in ("Chánh Văn phòng, Trưởng các phòng, ban và các cá nhân có tên tại Điều 1 "
                    "chịu trách nhiệm thi hành Quyết định này./.", "Nơi nhận:",
                    "- Như Điều 3;", "- Lưu: VT, TĐKT.", "TRƯỞNG CỤM", "{{ nguoi_ky }}"):
        _write(document, closing, size=14)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ")
_MIDDLE = ("Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thanh", "Quốc", "Thùy")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Hạnh", "Hương", "Khánh", "Lộc", "Nhung", "Phúc",
          "Quyên", "Sơn", "Thảo", "Trung", "Tuấn", "Vy", "Yến", "Đức")
_POSTS = ("Chánh Văn phòng", "Phó Giám đốc", "Trưởng phòng", "Chuyên viên chính",
          "Kế toán trưởng", "Phó Trưởng ban")
_UNITS = ("Sở Nội vụ tỉnh Sóc Trăng", "Ủy ban nhân dân huyện Châu Thành",
          "Sở Tài chính tỉnh Kiên Giang", "Ban Thi đua - Khen thưởng tỉnh Hậu Giang",
          "Văn phòng Ủy ban nhân dân thành phố Cần Thơ")
_AWARDS = ("Giấy khen của Trưởng cụm", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến")


def context(rows: int) -> dict[str, Any]:
    """The values the template asks for, with `rows` people in its table."""
    people = [{
        "stt": str(i + 1),
        "ho_ten": f"{_FAMILY[i % 10]} {_MIDDLE[i % 8]} {_GIVEN[i % 18]}",
        "chuc_vu": _POSTS[i % 6],
        "don_vi": _UNITS[i % 5],
        "hinh_thuc": _AWARDS[i % 3],
    } for i in range(rows)]
    return {
        "co_quan_chu_quan": "CỤM THI ĐUA CÁC TỈNH ĐỒNG BẰNG SÔNG CỬU LONG",
        "co_quan": "CỤM THI ĐUA SỐ IX", "cum": "Cụm thi đua số IX",
        "so": "15", "dia_danh": "Sóc Trăng", "ngay": "18", "thang": "12", "nam": "2021",
        "so_quy_che": "01/QĐ-CTĐ", "so_to_trinh": "12/TTr-HĐTĐKT",
        "ngay_to_trinh": "10 tháng 12 năm 2021", "nguoi_ky": "Trần Văn Lâu", "rows": people,
    }
