"""Turn a unit's achievement report (NĐ 98/2023 Mẫu 02, NĐ 91/2017 Mẫu 01) into its template.

The report is the unit's own paper, pre-filled for it to complete and sign: the unit's
header (its superior body, its own name), no "Số:" line, the title naming the award, the
three sections of the form, the tables of earlier titles and awards, and the two signatures
(XÁC NHẬN CỦA CẤP TRÌNH KHEN | THỦ TRƯỞNG ĐƠN VỊ).
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm, Pt
from docx.table import Table

from docgen.documents.shared.blocks import (
    SUBJECT_RULE,
    TEXT_WIDTH,
    Column,
    body,
    body_loop,
    closing,
    first_para,
    header_table,
    heading,
    layout_table,
    para,
    rule,
    table,
)
from docgen.documents.shared.ooxml import row_flags
from docgen.documents.shared.page import CENTER, new_document, save

NONE_LINE = "Không có."


def award_columns(kind: str, decided: str) -> list[Column]:
    """Năm | the title or award | the decision and who issued it."""
    return [
        Column("Năm", Mm(18), "{{ r.year }}", CENTER),
        Column(kind, Mm(52), "{{ r.award }}"),
        Column(f"Số, ngày, tháng, năm của quyết định {decided}; cơ quan ban hành quyết định",
               Mm(95), "{{ r.decision }}"),
    ]


def award_table(doc: DocxDocument, rows: str, columns: list[Column]) -> None:
    """The table of `rows`, or the single line 'Không có.' when the list is empty."""
    para(doc, f"{{%p if {rows} %}}", "Body")
    table(doc, columns, rows)
    para(doc, "{%p else %}", "Body")
    body(doc, NONE_LINE)
    para(doc, "{%p endif %}", "Body")


def signatures(doc: DocxDocument) -> Table:
    """The superior's confirmation (left) and the head of the unit (right), borderless."""
    grid = layout_table(doc, [Mm(95), Mm(70)])
    first_para(grid.cell(0, 0), "XÁC NHẬN CỦA CẤP TRÌNH KHEN", "Signer")
    right = grid.cell(0, 1)
    first_para(right, "THỦ TRƯỞNG ĐƠN VỊ", "Signer")
    for _ in range(4):
        para(right, "", "Signer")
    para(right, "{{ head_name }}", "Signer")
    row_flags(grid.rows[0])
    return grid


def header(doc: DocxDocument) -> None:
    """The unit's header; the form has no "Số:" line, so its cell stays empty."""
    grid = header_table(doc)
    number = grid.cell(1, 0).paragraphs[0]
    for run in number.runs:
        run.text = ""


def build(path: Path) -> None:
    """Write the template of a proposed unit's achievement report."""
    doc = new_document("Báo cáo thành tích đề nghị khen thưởng")
    header(doc)
    para(doc, "BÁO CÁO THÀNH TÍCH", "Doc kind")
    para(doc, "ĐỀ NGHỊ TẶNG {{ award_upper }} NĂM {{ year }}", "Summary")
    para(doc, "Tên tập thể đề nghị: {{ unit_name }}", "Summary", space_before=Pt(6))
    line = rule(doc, SUBJECT_RULE, TEXT_WIDTH)
    line.paragraph_format.space_before = line.paragraph_format.space_after = Pt(4)

    heading(doc, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", 1)
    heading(doc, "1. Đặc điểm", 2)
    body_loop(doc, "facts")
    heading(doc, "2. Chức năng, nhiệm vụ", 2)
    body(doc, "{{ functions }}")

    heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", 1)
    body_loop(doc, "results")
    body_loop(doc, "emulation")

    heading(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", 1)
    heading(doc, "1. Danh hiệu thi đua", 2).paragraph_format.space_after = Pt(6)
    award_table(doc, "titles", award_columns("Danh hiệu thi đua", "công nhận danh hiệu"))
    heading(doc, "2. Hình thức khen thưởng", 2).paragraph_format.space_after = Pt(6)
    award_table(doc, "merits", award_columns("Hình thức khen thưởng", "khen thưởng"))
    closing(
        doc,
        "{{ closing }}",
    )
    signatures(doc)
    save(doc, path)
