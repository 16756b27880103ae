"""Turn the mid-year review's outline (domain.md 4.1 on six months, 4.5) into its template.

Mẫu 1.4 of Decree 30 (Phụ lục III): a paper with a tên loại (BÁO CÁO), its trích yếu,
Kính gửi, the body, signature and Nơi nhận.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from docgen.documents.shared.blocks import (
    body,
    body_loop,
    closing,
    fill_in,
    header_table,
    heading,
    loop,
    para,
    signature_block,
    table,
    title_block,
)
from docgen.documents.shared.page import new_document, save
from docgen.documents.shared.summary_blocks import (
    assessment,
    awards_table,
    lead_in,
    leadership,
    results_columns,
    tasks,
    totals_columns,
)

HALF = "6 tháng đầu năm"
SUBJECT = (
    "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {{ year }} và phương hướng, "
    "nhiệm vụ 6 tháng cuối năm {{ year }} của {{ cluster_name }}"
)
OPENING = (
    "{% if implemented %}Thực hiện {{ implemented }}, {% endif %}{{ cluster_name }} báo cáo "
    "sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {{ year }} và phương hướng, nhiệm "
    "vụ 6 tháng cuối năm {{ year }} như sau:"
)
TOTALS_COLUMNS = totals_columns(HALF, "cùng kỳ năm {{ previous_year }}")


def political_tasks(doc: DocxDocument) -> None:
    """I.3: the narrative, the totals sentence and the table beside the same period of the
    previous year, a line per member, the members' table."""
    heading(doc, "3. Kết quả thực hiện nhiệm vụ chính trị", 2)
    body_loop(doc, "narr.i3")
    para(doc, "{%p if totals_sentence %}", "Body")
    body(doc, "{{ totals_sentence }}")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if totals_rows %}", "Body")
    lead_in(doc, "Kết quả chủ yếu 6 tháng đầu năm {{ year }} so với cùng kỳ năm "
            "{{ previous_year }}:")
    table(doc, TOTALS_COLUMNS, "totals_rows")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if member_lines %}", "Body")
    lead_in(doc, "Kết quả của từng thành viên:")
    loop(doc, "member_lines", "{{ line }}", "Body")
    para(doc, "{%p endif %}", "Body")
    lead_in(doc, "Số liệu cụ thể của từng thành viên 6 tháng đầu năm {{ year }}:")
    table(doc, results_columns(), "results_rows", total="results_total", size=11)


def rewards(doc: DocxDocument) -> None:
    """I.4: the awards of the half year, by kind; I.5's prose only when typed (a mid-year
    review scores and votes nothing)."""
    heading(doc, "4. Công tác khen thưởng", 2)
    body_loop(doc, "narr.i4")
    para(doc, "{%p if not narr.i4 and not award_groups %}", "Body")
    fill_in(doc, "kết quả công tác khen thưởng 6 tháng đầu năm {{ year }} của các thành viên "
            "(danh hiệu thi đua, hình thức khen thưởng, số tập thể, cá nhân)")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if award_groups %}", "Body")
    lead_in(doc, "{{ awards_sentence }}")
    awards_table(doc)
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if narr.i5 %}", "Body")
    heading(doc, "5. Kiểm tra, đôn đốc", 2)
    body_loop(doc, "narr.i5")
    para(doc, "{%p endif %}", "Body")


def build(path: Path) -> None:
    """Write the template of the cluster's mid-year review."""
    doc = new_document("Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm")
    header_table(doc)
    title_block(doc, "BÁO CÁO", SUBJECT)
    loop(doc, "doc.addressee_lines", "{{ line }}", "Addressee")
    body(doc, "{{ conference_sentence }}")
    body(doc, OPENING)

    heading(doc, "I. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG 6 THÁNG ĐẦU NĂM {{ year }}", 1)
    leadership(doc, f"trong {HALF}")
    political_tasks(doc)
    rewards(doc)

    assessment(doc)

    heading(doc, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM {{ year }}", 1)
    tasks(doc, "tasks_lead")
    heading(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ", 1)
    body_loop(doc, "narr.iv")
    closing(
        doc,
        "Trên đây là báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {{ year }} "
        "và phương hướng, nhiệm vụ 6 tháng cuối năm {{ year }} của {{ cluster_name }}./.",
    )
    signature_block(doc)
    save(doc, path)
