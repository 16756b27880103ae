"""Turn a unit's achievement report (NĐ 98/2023 Mẫu 02, NĐ 91/2017 Mẫu 01) into its template.

The report is the unit's own paper, pre-filled for it to complete and sign: the unit's
header (its superior body, its own name), no "Số:" line, the title naming the award, the
form's parts in order (I. đặc điểm, tình hình; chức năng, nhiệm vụ; II. results against the
previous year, measures and movements, Party and mass organisations, and the award's
criteria with the unit's evidence; III. earlier titles and awards), a highlighted
"[Bổ sung: …]" marker for each part only the unit can write, and the two signatures
(XÁC NHẬN CỦA CẤP TRÌNH KHEN, pre-filled with the Cụm trưởng | THỦ TRƯỞNG ĐƠN VỊ).
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
    body_loop,
    closing,
    either,
    fill_in,
    first_para,
    heading,
    layout_table,
    loop,
    para,
    rule,
    table,
    unnumbered_header,
)
from docgen.documents.shared.ooxml import row_flags
from docgen.documents.shared.page import CENTER, RIGHT, new_document, save

NONE_LINE = "Không có."
HEADINGS = ("Heading I", "Heading 1.")
DECISION = ("Quyết định{% if r.number %} số {{ r.number }}{% endif %}"
            "{% if r.date %} ngày {{ r.date }}{% endif %} của {{ r.decider }}")
FUNCTIONS = (
    "{{ unit_name }} là cơ quan chuyên môn thuộc {{ committee }}, có chức năng tham mưu, giúp "
    "{{ committee }} quản lý nhà nước về công tác thanh tra, tiếp công dân, giải quyết khiếu "
    "nại, tố cáo và phòng, chống tham nhũng; tiến hành thanh tra, tiếp công dân, giải quyết "
    "khiếu nại, tố cáo và phòng, chống tham nhũng theo quy định của pháp luật. {{ unit_name }} "
    "chịu sự chỉ đạo, điều hành của {{ committee }}, đồng thời chịu sự chỉ đạo về công tác, "
    "hướng dẫn về tổ chức, nghiệp vụ của {{ superior_body }}."
)
# For a unit that is not a provincial inspectorate: nothing docgen cannot know.
OTHER_FUNCTIONS = ("{{ unit_name }} thực hiện chức năng, nhiệm vụ theo quy định của pháp luật; "
                   "là thành viên {{ cluster_name }}.")
CRITERIA = "Tiêu chuẩn: {{ award }} xét tặng cho {{ criteria.text }}."
EVIDENCE = "Đối chiếu với tiêu chuẩn, {{ unit_name }} có các kết quả sau:"
MOVEMENTS = ("Đơn vị đã hưởng ứng các phong trào thi đua do {{ cluster_name }} phát động trong "
             "năm {{ year }}:")
CLOSING = ("Trên đây là báo cáo thành tích năm {{ year }} của {{ unit_name }}, kính đề nghị "
           "{{ decider }} xem xét, tặng {{ award }}./.")


def award_columns(kind: str, decided: str) -> list[Column]:
    """Năm | the title or award | the decision and who issued it."""
    return [
        Column("Năm", Mm(18), "{{ r.year }}", CENTER),
        Column(kind, Mm(52), "{{ r.award }}"),
        Column(f"Số, ngày, tháng, năm của quyết định {decided}; cơ quan ban hành quyết định",
               Mm(95), DECISION),
    ]


def award_table(doc: DocxDocument, rows: str, columns: list[Column], *,
                keep: bool = False) -> None:
    """The table of `rows`, or the single line 'Không có.' when the list is empty; with
    `keep`, either stays on the page of what follows (the closing and the signatures)."""
    para(doc, f"{{%p if {rows} %}}", "Body")
    grid = table(doc, columns, rows)
    kept = [p for row in grid.rows for cell in row.cells for p in cell.paragraphs]
    kept.append(doc.paragraphs[-1])  # a spacer the table may have after it
    para(doc, "{%p else %}", "Body")
    kept.append(body(doc, NONE_LINE))
    para(doc, "{%p endif %}", "Body")
    for paragraph in kept if keep else []:
        paragraph.paragraph_format.keep_with_next = True


def optional(doc: DocxDocument, condition: str, *texts: str) -> None:
    """Body paragraphs `texts`, printed only when `condition` holds."""
    para(doc, f"{{%p if {condition} %}}", "Body")
    for text in texts:
        body(doc, text)
    para(doc, "{%p endif %}", "Body")


def features(doc: DocxDocument) -> None:
    """I.1: what the workbook knows of the unit (head office, phone, head, staff), and a
    marker for each part only the unit can write."""
    heading(doc, "1. Đặc điểm, tình hình", 2)
    either(doc, "address", "- Trụ sở: {{ address }}.", "địa chỉ trụ sở", "- Trụ sở: ")
    either(doc, "phone", "- Điện thoại: {{ phone }}.", "số điện thoại", "- Điện thoại: ")
    body(doc, "- Thủ trưởng đơn vị: {{ head_name }}, {{ head_title }} {{ place }}.")
    fill_in(doc, "năm thành lập, các mốc hình thành và phát triển của đơn vị",
            lead="- Quá trình hình thành và phát triển: ")
    fill_in(doc, "lãnh đạo đơn vị; các phòng, bộ phận trực thuộc",
            lead="- Cơ cấu tổ chức: ")
    either(doc, "staff", "- {{ staff }}",
           "số tập thể (phòng, bộ phận), số cán bộ, công chức, người lao động",
           "- Tổng số cán bộ, công chức: ")
    fill_in(doc, "tổ chức đảng, Công đoàn, Đoàn Thanh niên, các đoàn thể và kết quả xếp loại",
            lead="- Tổ chức đảng, đoàn thể: ")
    fill_in(doc, "trụ sở làm việc, trang thiết bị, ứng dụng công nghệ thông tin",
            lead="- Cơ sở vật chất, kỹ thuật: ")


def comparison_table(doc: DocxDocument) -> None:
    """Chỉ tiêu | Năm N-1 | Năm N | Tăng/giảm, when the workbook has both years; else a
    marker asking for the comparison."""
    para(doc, "{%p if comparison %}", "Body")
    body(doc, "Các chỉ tiêu chủ yếu so với năm {{ previous_year }}:").paragraph_format \
        .keep_with_next = True
    table(doc, [
        Column("Chỉ tiêu", Mm(70), "{{ r.label }}"),
        Column("Năm {{ previous_year }}", Mm(30), "{{ r.previous }}", RIGHT),
        Column("Năm {{ year }}", Mm(30), "{{ r.current }}", RIGHT),
        Column("Tăng/giảm", Mm(35), "{{ r.change }}", CENTER),
    ], "comparison")
    para(doc, "{%p else %}", "Body")
    fill_in(doc, "so sánh các chỉ tiêu chủ yếu với năm {{ previous_year }} ({{ cluster_word }} "
            "chưa có số liệu năm {{ previous_year }} của đơn vị)")
    para(doc, "{%p endif %}", "Body")


def results(doc: DocxDocument) -> None:
    """II.1: the year's figures against the previous year, registration, score and rank."""
    heading(doc, "1. Kết quả thực hiện nhiệm vụ được giao", 2)
    para(doc, "{%p if results %}", "Body")
    body(doc, "{{ results.inspections }}")
    body(doc, "{{ results.citizens }}")
    comparison_table(doc)
    para(doc, "{%p else %}", "Body")
    fill_in(doc, "kết quả thực hiện các chỉ tiêu, nhiệm vụ chủ yếu năm {{ year }}, so sánh với "
            "năm {{ previous_year }}")
    para(doc, "{%p endif %}", "Body")
    fill_in(doc, "kết quả thực hiện các nhiệm vụ khác được giao trong năm")
    optional(doc, "registration", "{{ registration }}")
    optional(doc, "ranking", "{{ ranking }}")


def measures(doc: DocxDocument) -> None:
    """II.2: the cluster's movements, and a marker for the unit's own measures."""
    heading(doc, "2. Các biện pháp, giải pháp công tác, phong trào thi đua, sáng kiến", 2)
    para(doc, "{%p if movements %}", "Body")
    body(doc, MOVEMENTS)
    body_loop(doc, "movements")
    para(doc, "{%p endif %}", "Body")
    fill_in(doc, "các biện pháp, giải pháp đơn vị đã thực hiện; sáng kiến, mô hình mới, đề tài "
            "và hiệu quả áp dụng")


def policy(doc: DocxDocument) -> None:
    """II.3: a marker only; docgen knows nothing of it."""
    heading(doc, "3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; "
            "công tác xây dựng Đảng và đoàn thể", 2)
    fill_in(doc, "việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; kết "
            "quả xây dựng tổ chức đảng, Công đoàn, Đoàn Thanh niên và các đoàn thể")


def criteria(doc: DocxDocument) -> None:
    """II.4 when the award has criteria: the criteria and the unit's evidence."""
    para(doc, "{%p if criteria %}", "Body")
    heading(doc, "4. Đối chiếu với tiêu chuẩn {{ award }}", 2)
    body(doc, CRITERIA)
    body(doc, EVIDENCE)
    body_loop(doc, "criteria.evidence")
    para(doc, "{%p if criteria.unproven %}", "Body")
    fill_in(doc, "căn cứ xác định đơn vị dẫn đầu {{ cluster_word }} (kết quả chấm điểm "
            "chưa cho thấy đơn vị đứng đầu một mình)")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p endif %}", "Body")


def achievements(doc: DocxDocument) -> None:
    """II: the form's three parts, and the award's criteria when it has some."""
    heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", 1)
    results(doc)
    measures(doc)
    policy(doc)
    criteria(doc)


def signatures(doc: DocxDocument) -> Table:
    """The cluster leader's confirmation (left, pre-filled as the proposal is signed) and
    the head of the unit (right, padded so both names share a line), borderless."""
    grid = layout_table(doc, [Mm(90), Mm(75)])
    left = grid.cell(0, 0)
    first_para(left, "XÁC NHẬN CỦA CẤP TRÌNH KHEN", "Signer")
    loop(left, "confirm.authority_lines", "{{ line }}", "Signer")
    para(left, "{%p if confirm.subtitle %}", "Signer")
    para(left, "{{ confirm.subtitle }}", "Signer")
    para(left, "{%p endif %}", "Signer")
    for _ in range(SIGNATURE_GAP):
        para(left, "", "Signer")
    para(left, "{{ confirm.name }}", "Signer")
    right = grid.cell(0, 1)
    first_para(right, "THỦ TRƯỞNG ĐƠN VỊ", "Signer")
    loop(right, "head_pad", "{{ line }}", "Signer")
    for _ in range(SIGNATURE_GAP):
        para(right, "", "Signer")
    para(right, "{{ head_name }}", "Signer")
    row_flags(grid.rows[0])
    return grid


def build(path: Path) -> None:
    """Write the template of a proposed unit's achievement report."""
    doc = new_document("Báo cáo thành tích đề nghị khen thưởng")
    unnumbered_header(doc)
    para(doc, "BÁO CÁO THÀNH TÍCH", "Doc kind")
    para(doc, "ĐỀ NGHỊ TẶNG {{ award_upper }} NĂM {{ year }}", "Summary")
    para(doc, "Tên tập thể đề nghị: {{ unit_name }}", "Summary", space_before=Pt(6))
    line = rule(doc, SUBJECT_RULE, TEXT_WIDTH)
    line.paragraph_format.space_before = line.paragraph_format.space_after = Pt(4)

    heading(doc, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", 1)
    features(doc)
    heading(doc, "2. Chức năng, nhiệm vụ", 2)
    optional(doc, "committee", FUNCTIONS)
    optional(doc, "not committee", OTHER_FUNCTIONS)
    achievements(doc)

    heading(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", 1)
    heading(doc, "1. Danh hiệu thi đua", 2).paragraph_format.space_after = Pt(6)
    award_table(doc, "titles", award_columns("Danh hiệu thi đua", "công nhận danh hiệu"))
    heading(doc, "2. Hình thức khen thưởng", 2).paragraph_format.space_after = Pt(6)
    award_table(doc, "merits", award_columns("Hình thức khen thưởng", "khen thưởng"), keep=True)
    closing(doc, CLOSING)
    signatures(doc)
    for paragraph in doc.paragraphs:  # a heading never ends a page
        if paragraph.style is not None and paragraph.style.name in HEADINGS:
            paragraph.paragraph_format.keep_with_next = True
    save(doc, path)
