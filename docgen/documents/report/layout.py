"""Turn the summary report's outline (domain.md 4.1) into its docxtpl template."""

from __future__ import annotations

from pathlib import Path

from docx.shared import Mm

from docgen.documents.shared.blocks import (
    Column,
    body,
    body_loop,
    closing,
    header_table,
    heading,
    loop,
    para,
    score_table,
    signature_block,
    table,
    title_block,
)
from docgen.documents.shared.page import CENTER, LEFT, RIGHT, new_document, save


def results_columns() -> list[Column]:
    """Columns of the per-member results table (money columns widest)."""
    spec = [
        ("STT", 10, "stt", CENTER),
        ("Đơn vị", 21, "unit", LEFT),
        ("Số cuộc thanh tra", 13, "inspections", RIGHT),
        ("Sai phạm về tiền (triệu đồng)", 23, "violations_money", RIGHT),
        ("Kiến nghị thu hồi (triệu đồng)", 23, "recovery_money", RIGHT),
        ("Sai phạm về đất (m²)", 20, "violations_land", RIGHT),
        ("Kiến nghị xử lý (tập thể, cá nhân)", 12, "disciplined", RIGHT),
        ("Chuyển cơ quan điều tra (vụ)", 15, "transferred", RIGHT),
        ("Tiếp công dân (lượt)", 13, "receptions", RIGHT),
        ("Đơn khiếu nại, tố cáo đã giải quyết", 15, "petitions", RIGHT),
    ]
    columns = []
    for header, width, key, align in spec:
        total = f"{{{{ results_total.{key} }}}}"
        columns.append(Column(header, Mm(width), f"{{{{ r.{key} }}}}", align, total))
    return columns


def build(path: Path) -> None:
    """Write the template of the cluster's year-end summary report."""
    doc = new_document("Báo cáo tổng kết công tác thi đua, khen thưởng")
    header_table(doc)
    title_block(
        doc,
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm {{ year }} và phương hướng, nhiệm vụ năm "
        "{{ next_year }} của {{ cluster_name }}",
    )
    loop(doc, "doc.addressee_lines", "{{ line }}", "Addressee")
    loop(doc, "basis", "Căn cứ {{ line }}", "Basis")
    body(
        doc,
        "{{ cluster_name }} báo cáo tổng kết công tác thi đua, khen thưởng năm {{ year }} và "
        "phương hướng, nhiệm vụ năm {{ next_year }} như sau:",
    )

    heading(doc, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG", 1)
    heading(doc, "1. Công tác lãnh đạo, chỉ đạo, quán triệt", 2)
    body_loop(doc, "narr.i1")
    para(doc, "{%p if directives %}", "Body")
    body(doc, "Các văn bản chỉ đạo đã được quán triệt, triển khai thực hiện trong năm:")
    loop(doc, "directives", "{{ line }}", "Basis")
    para(doc, "{%p endif %}", "Body")
    heading(doc, "2. Tổ chức các phong trào thi đua", 2)
    body_loop(doc, "narr.i2")
    body(doc, "Các phong trào thi đua đã phát động trong năm:")
    loop(doc, "movements", "{{ line }}", "Body")
    body(
        doc,
        "Kết quả đăng ký thi đua năm {{ year }}: {{ registration.collectives }} tập thể (đạt "
        "{{ registration.collectives_share }}) và {{ registration.individuals }} cá nhân (đạt "
        "{{ registration.individuals_share }}) đã đăng ký hưởng ứng các phong trào thi đua.",
    )
    heading(doc, "3. Kết quả thực hiện nhiệm vụ chính trị", 2)
    body_loop(doc, "narr.i3")
    table(doc, results_columns(), "results_rows", total="results_total", size=11)
    heading(doc, "4. Công tác khen thưởng", 2)
    body_loop(doc, "narr.i4")
    award_columns = [
        Column("STT", Mm(12), "{{ r.stt }}", CENTER),
        Column("Hình thức khen thưởng", Mm(68), "{{ r.award }}"),
        Column("Cấp khen", Mm(45), "{{ r.decider }}"),
        Column("Tập thể", Mm(20), "{{ r.collectives }}", RIGHT),
        Column("Cá nhân", Mm(20), "{{ r.individuals }}", RIGHT),
    ]
    table(doc, award_columns, "award_rows")
    heading(doc, "5. Kiểm tra, chấm điểm, bình xét", 2)
    body_loop(doc, "narr.i5")
    body(doc, "{{ conference_sentence }}")
    body(doc, "Kết quả chấm điểm, xếp hạng như sau:")
    score_table(doc)
    body(doc, "Ghi chú: {{ criteria_note }}")
    body(doc, "{{ vote_sentence }}")
    vote_columns = [
        Column("STT", Mm(12), "{{ r.stt }}", CENTER),
        Column("Đơn vị, cá nhân được đề nghị", Mm(60), "{{ r.nominee }}"),
        Column("Hình thức đề nghị", Mm(45), "{{ r.award }}"),
        Column("Số phiếu đồng ý", Mm(24), "{{ r.votes }}", RIGHT),
        Column("Tỷ lệ (%)", Mm(24), "{{ r.percent }}", RIGHT),
    ]
    table(doc, vote_columns, "vote_rows")
    body(doc, "{{ conclusion_lead }}")
    loop(doc, "conclusion_lines", "{{ line }}", "Body")
    body_loop(doc, "refusals")

    heading(doc, "II. ĐÁNH GIÁ CHUNG", 1)
    heading(doc, "1. Ưu điểm", 2)
    body_loop(doc, "narr.ii1")
    heading(doc, "2. Hạn chế, nguyên nhân", 2)
    body_loop(doc, "narr.ii2")
    para(doc, "{%p if narr.ii3 %}", "Body")
    heading(doc, "3. Bài học kinh nghiệm", 2)
    body_loop(doc, "narr.ii3")
    para(doc, "{%p endif %}", "Body")

    heading(doc, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ next_year }}", 1)
    body_loop(doc, "narr.iii")
    body(doc, "{{ election_sentence }}")
    heading(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ", 1)
    body_loop(doc, "narr.iv")
    closing(
        doc,
        "Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm {{ year }} và "
        "phương hướng, nhiệm vụ năm {{ next_year }} của {{ cluster_name }}./.",
    )
    signature_block(doc)
    save(doc, path)
