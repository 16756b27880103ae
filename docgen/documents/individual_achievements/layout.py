"""Turn an individual's achievement report (NĐ 91/2017 Mẫu 02) into its template.

The person's own paper, under their unit's header, no "Số:" line: the title naming the
award; I. SƠ LƯỢC LÝ LỊCH (what the workbook knows, a "[Bổ sung: …]" marker for the rest);
II. THÀNH TÍCH ĐẠT ĐƯỢC (duties, achievements: markers, with the unit's result in the
cluster); III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG (the person's earlier titles and awards,
or a marker asking for them); signatures THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ (the unit's
head) | NGƯỜI BÁO CÁO THÀNH TÍCH (the person).
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm, Pt
from docx.table import Table

from docgen.documents.shared.blocks import (
    SIGNATURE_GAP,
    SUBJECT_RULE,
    TEXT_WIDTH,
    Column,
    body,
    closing,
    either,
    fill_in,
    first_para,
    heading,
    highlight,
    layout_table,
    para,
    rule,
    table,
    unnumbered_header,
)
from docgen.documents.shared.ooxml import row_flags, run_defaults
from docgen.documents.shared.page import CENTER, new_document, save

HEADINGS = ("Heading I", "Heading 1.")
DECISION = ("Quyết định{% if r.number %} số {{ r.number }}{% endif %}"
            "{% if r.date %} ngày {{ r.date }}{% endif %} của {{ r.decider }}")
CLOSING = ("Trên đây là báo cáo thành tích năm {{ year }} của {{ person }}, kính đề nghị "
           "{{ decider }} xem xét, tặng {{ award }}./.")


def award_table(doc: DocxDocument, rows: str, kind: str, decided: str, missing: str, *,
                keep: bool = False) -> None:
    """Năm | the title or award | the decision; a marker asking for them when the workbook
    records none (it may not know the person's awards, so 'none' would be a guess). With
    `keep`, either stays on the page of what follows (the closing and the signatures)."""
    para(doc, f"{{%p if {rows} %}}", "Body")
    grid = table(doc, [
        Column("Năm", Mm(18), "{{ r.year }}", CENTER),
        Column(kind, Mm(52), "{{ r.award }}"),
        Column(f"Số, ngày, tháng, năm của quyết định {decided}; cơ quan ban hành quyết định",
               Mm(95), DECISION),
    ], rows)
    kept = [p for row in grid.rows for cell in row.cells for p in cell.paragraphs]
    kept.append(doc.paragraphs[-1])  # a spacer the table may have after it
    para(doc, "{%p else %}", "Body")
    kept.append(fill_in(doc, missing))
    para(doc, "{%p endif %}", "Body")
    for paragraph in kept if keep else []:
        paragraph.paragraph_format.keep_with_next = True


def curriculum(doc: DocxDocument) -> None:
    """I. SƠ LƯỢC LÝ LỊCH: name, birth, gender, origin, residence, unit, title, training."""
    heading(doc, "I. SƠ LƯỢC LÝ LỊCH", 1)
    body(doc, "- Họ và tên: {{ person }}")
    para(doc, "{%p if birth_year %}", "Body")
    birth = highlight(body(doc, "- Sinh ngày: "), "ngày, tháng")  # the year is known
    run_defaults(birth.add_run(" năm {{ birth_year }}"))
    para(doc, "{%p else %}", "Body")
    fill_in(doc, "ngày, tháng, năm sinh", lead="- Sinh ngày: ")
    para(doc, "{%p endif %}", "Body")
    either(doc, "gender", "- Giới tính: {{ gender }}", "giới tính", "- Giới tính: ")
    fill_in(doc, "xã (phường), tỉnh (thành phố)", lead="- Quê quán: ")
    fill_in(doc, "nơi thường trú", lead="- Trú quán: ")
    body(doc, "- Đơn vị công tác: {{ unit_name }}")
    either(doc, "person_title", "- Chức vụ (Đảng, chính quyền, đoàn thể): {{ person_title }}",
           "chức vụ", "- Chức vụ (Đảng, chính quyền, đoàn thể): ")
    fill_in(doc, "trình độ chuyên môn, nghiệp vụ, lý luận chính trị",
            lead="- Trình độ chuyên môn, nghiệp vụ: ")
    fill_in(doc, "học hàm, học vị (nếu có)", lead="- Học hàm, học vị: ")


def achievements(doc: DocxDocument) -> None:
    """II. THÀNH TÍCH ĐẠT ĐƯỢC: duties and achievements, which only the person can write,
    with the unit's result in the cluster where the workbook has it."""
    heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", 1)
    heading(doc, "1. Quyền hạn, nhiệm vụ được giao", 2)
    fill_in(doc, "quyền hạn, nhiệm vụ được giao; đặc điểm của đơn vị, bộ phận công tác")
    heading(doc, "2. Thành tích đạt được", 2)
    para(doc, "{%p if unit_standing %}", "Body")
    body(doc, "{{ unit_standing }}")
    para(doc, "{%p endif %}", "Body")
    fill_in(doc, "thành tích của cá nhân trong năm {{ year }}: kết quả thực hiện nhiệm vụ được "
            "giao (số liệu, so sánh với năm trước); giải pháp, sáng kiến, đề tài và hiệu quả; "
            "việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; tham gia "
            "các phong trào thi đua, hoạt động xã hội")


def signatures(doc: DocxDocument) -> Table:
    """The unit's head confirms and proposes (left, on two lines so it never wraps into the
    right cell); the person reports (right, padded so both names share a line)."""
    grid = layout_table(doc, [Mm(85), Mm(80)])
    for cell, titles, name in ((grid.cell(0, 0), ("THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ"),
                                "{{ head_name }}"),
                               (grid.cell(0, 1), ("NGƯỜI BÁO CÁO THÀNH TÍCH", ""),
                                "{{ person }}")):
        first_para(cell, titles[0], "Signer")
        para(cell, titles[1], "Signer")
        for _ in range(SIGNATURE_GAP):
            para(cell, "", "Signer")
        para(cell, name, "Signer")
    row_flags(grid.rows[0])
    return grid


def build(path: Path) -> None:
    """Write the template of a proposed individual's achievement report."""
    doc = new_document("Báo cáo thành tích cá nhân đề nghị khen thưởng")
    unnumbered_header(doc)
    para(doc, "BÁO CÁO THÀNH TÍCH", "Doc kind")
    para(doc, "ĐỀ NGHỊ TẶNG {{ award_upper }} NĂM {{ year }}", "Summary")
    line = rule(doc, SUBJECT_RULE, TEXT_WIDTH)
    line.paragraph_format.space_before = line.paragraph_format.space_after = Pt(4)
    curriculum(doc)
    achievements(doc)
    heading(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", 1)
    heading(doc, "1. Danh hiệu thi đua", 2).paragraph_format.space_after = Pt(6)
    award_table(doc, "titles", "Danh hiệu thi đua", "công nhận danh hiệu",
                "danh hiệu thi đua đã được công nhận: năm, danh hiệu, số, ngày quyết định, cơ "
                "quan ban hành (ghi «Không có» nếu chưa có)")
    heading(doc, "2. Hình thức khen thưởng", 2).paragraph_format.space_after = Pt(6)
    award_table(doc, "merits", "Hình thức khen thưởng", "khen thưởng",
                "hình thức khen thưởng đã nhận: năm, hình thức, số, ngày quyết định, cơ quan "
                "ban hành (ghi «Không có» nếu chưa có)", keep=True)
    closing(doc, CLOSING)
    signatures(doc)
    for paragraph in doc.paragraphs:  # a heading never ends a page
        if paragraph.style is not None and paragraph.style.name in HEADINGS:
            paragraph.paragraph_format.keep_with_next = True
    save(doc, path)
