"""Turn the emulation pact's outline (domain.md 4.4) into its docxtpl template.

The pact is not a Decree 30 type, so the header has no "Số:" line. It ends with a grid of
signature cells, one per member, and "Nơi nhận" flush left under it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.shared import Length, Mm, Pt
from docx.table import Table, _Cell

from docgen.documents.shared.blocks import (
    SIGNATURE_GAP,
    TEXT_WIDTH,
    body,
    closing,
    first_para,
    heading,
    layout_table,
    loop,
    para,
    recipients,
    title_block,
    unnumbered_header,
)
from docgen.documents.shared.ooxml import row_flags
from docgen.documents.shared.page import StyleSpec, define_style, new_document, save

# The two tag columns of the grid vanish on render; the render adapter then widens the
# repeated cell column to share the table width (2 or 3 cells per row).
TAG_COLUMN = Mm(1)
# Signature text at 13 pt (Decree 30 allows 13-14) so that unit names fit a half-width cell
# on one line ("THANH TRA THÀNH PHỐ CẦN THƠ") and wrap less in a third-width one.
# Rows part between pages unless a cell says otherwise (the Signer style keeps with next).
GRID_STYLE = StyleSpec("Grid signer", base="Signer", size=13, keep_next=False)

STYLE = GRID_STYLE.name
PLAN_CITATION = (
    "Căn cứ Kế hoạch {% if plan_symbol %}số {{ plan_symbol }} ngày {{ plan_date }} của "
    "{{ cluster_name }} phát động phong trào thi đua năm {{ next_year }}{% else %}phát động "
    "phong trào thi đua năm {{ next_year }} của {{ cluster_name }}{% endif %}."
)
# Part III: who carries the pact out; "3." (the milestones) follows when the timeline has rows.
DUTIES = (
    "1. Các đơn vị thành viên tổ chức quán triệt, triển khai thực hiện các nội dung Giao ước "
    "đến toàn thể công chức, người lao động; định kỳ 6 tháng, năm báo cáo kết quả thực hiện "
    "về {{ leader_title }} ({{ leader }}).",
    "2. {{ leader }} ({{ leader_title }}) chủ trì, phối hợp với {{ deputy }} ({{ deputy_title }}) "
    "tổ chức kiểm tra chéo, chấm điểm thi đua theo thang bảng điểm của {{ group }}; tổ chức sơ "
    "kết 6 tháng và Hội "
    "nghị tổng kết công tác thi đua, khen thưởng năm {{ next_year }}. Kết quả thực hiện Giao "
    "ước là căn cứ để bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng của "
    "{{ group }}.",
)


def signature_cell(cell: _Cell) -> None:
    """Fill the grid's repeated cell: unit, role, title, room to sign, name; blank if padded.

    The row never splits (cantSplit). A cell of a row kept with the next one (`cell.keep`:
    the last two rows, so the last never stands alone on a page and "Nơi nhận" follows it)
    has every paragraph keep with the next; the other rows may part between pages.
    """
    first_para(cell, "{%p if cell.keep %}", STYLE)
    cell_body(cell, keep=True)
    para(cell, "{%p else %}", STYLE)
    cell_body(cell, keep=False)
    para(cell, "{%p endif %}", STYLE)


def cell_body(cell: _Cell, *, keep: bool) -> None:
    """One version of the cell's paragraphs, each keeping with the next or not."""
    def line(text: str, **fmt: Any) -> None:
        para(cell, text, STYLE, keep_with_next=keep, **fmt)

    line("{%p if cell.unit %}")
    line("{{ cell.unit }}")
    line("{%p if cell.leader or cell.deputy %}")
    line("{% if cell.leader %}{{ leader_title_upper }}{% else %}{{ deputy_title_upper }}"
         "{% endif %}")
    line("{%p endif %}")
    line("{{ cell.title }}")
    for _ in range(SIGNATURE_GAP):
        line("")
    line("{{ cell.name }}", space_after=Pt(18))
    line("{%p else %}")
    line("")
    line("{%p endif %}")


def signature_grid(doc: DocxDocument) -> Table:
    """Add the borderless grid: one row per item of `grid`, one cell per item of the row."""
    grid = layout_table(doc, [TAG_COLUMN, Length(TEXT_WIDTH - 2 * TAG_COLUMN), TAG_COLUMN], rows=3)
    first_para(grid.cell(0, 0), "{%tr for row in grid %}", STYLE)
    first_para(grid.cell(1, 0), "{%tc for cell in row %}", STYLE)
    signature_cell(grid.cell(1, 1))
    first_para(grid.cell(1, 2), "{%tc endfor %}", STYLE)
    first_para(grid.cell(2, 0), "{%tr endfor %}", STYLE)
    for row in grid.rows:
        row_flags(row)
    return grid


def basis(doc: DocxDocument) -> None:
    """Add the 'Căn cứ' lines: the award laws, then next year's launch plan (with its number
    and date once it has a number)."""
    loop(doc, "citations", "Căn cứ {{ line }};", "Basis")
    para(doc, PLAN_CITATION, "Basis")


def content(doc: DocxDocument) -> None:
    """Add the three parts: targets, commitments by work area, carrying the pact out."""
    para(doc, "{%p if targets %}", "Body")
    heading(doc, "{{ num.targets }}. MỤC TIÊU, CHỈ TIÊU", 1)
    loop(doc, "targets", "{{ line }}", "Body")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if areas %}", "Body")
    heading(doc, "{{ num.areas }}. NỘI DUNG GIAO ƯỚC", 1)
    para(doc, "{%p for area in areas %}", "Body")
    heading(doc, "{{ area.num }}. {{ area.name }}", 2)
    loop(doc, "area.lines", "{{ line }}", "Body")
    para(doc, "{%p endfor %}", "Body")
    para(doc, "{%p endif %}", "Body")
    heading(doc, "{{ num.duties }}. TỔ CHỨC THỰC HIỆN", 1)
    for text in DUTIES:
        body(doc, text)
    para(doc, "{%p if milestones %}", "Body")
    body(doc, "3. Thời gian thực hiện các nội dung chủ yếu:").paragraph_format.keep_with_next = True
    loop(doc, "milestones", "{{ line }}", "Body")
    para(doc, "{%p endif %}", "Body")


def build(path: Path) -> None:
    """Write the template of next year's emulation pact (giao ước thi đua)."""
    doc = new_document("Giao ước thi đua")
    define_style(doc, GRID_STYLE)
    unnumbered_header(doc)
    title_block(doc, "GIAO ƯỚC THI ĐUA NĂM {{ next_year }}", "{{ cluster_name }}")
    basis(doc)
    body(doc, "Các đơn vị thành viên {{ cluster_name }} thống nhất ký kết Giao ước thi đua năm "
         "{{ next_year }} với các nội dung sau:")
    content(doc)
    closing(
        doc,
        "Giao ước thi đua năm {{ next_year }} có hiệu lực kể từ ngày ký. Các đơn vị thành viên "
        "{{ cluster_name }} cam kết thực hiện nghiêm túc các nội dung đã ký kết./.",
    )
    signature_grid(doc)
    recipients(doc)
    save(doc, path)
