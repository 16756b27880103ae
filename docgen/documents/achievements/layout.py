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
    SIGNATURE_GAP,
    SUBJECT_RULE,
    TEXT_WIDTH,
    Column,
    body,
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
# A zero figure is left out, with the separator before it.
FOUND = (
    "{% if results.violations_money or results.violations_land %}; qua thanh tra đã phát "
    "hiện {% if results.violations_money %}sai phạm về kinh tế "
    "{{ results.violations_money }} đồng{% if results.violations_land %} và {% endif %}"
    "{% endif %}{% if results.violations_land %}sai phạm về đất đai "
    "{{ results.violations_land }} m²{% endif %}{% endif %}"
)
MEASURES = (
    "{% if results.recovery_money or results.disciplined or results.transferred %}; "
    "{% endif %}{% if results.recovery_money %}kiến nghị thu hồi {{ results.recovery_money }} "
    "đồng{% if results.disciplined or results.transferred %}, {% endif %}{% endif %}"
    "{% if results.disciplined %}kiến nghị xử lý {{ results.disciplined }} tập thể, cá nhân"
    "{% if results.transferred %}, {% endif %}{% endif %}{% if results.transferred %}chuyển "
    "cơ quan điều tra {{ results.transferred }} vụ việc{% endif %}"
)
INSPECTIONS = ("Năm {{ year }}, {{ unit_name }} đã tiến hành {{ results.inspections }} cuộc "
               f"thanh tra{FOUND}{MEASURES}.")
CITIZENS = (
    "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được thực hiện nghiêm túc, đúng quy "
    "định: đã tiếp {{ results.receptions }} lượt công dân; giải quyết {{ results.petitions }} "
    "đơn khiếu nại, tố cáo thuộc thẩm quyền."
)
REGISTRATION = (
    "Đơn vị đã tổ chức cho {{ registration.collectives_registered }}/"
    "{{ registration.collectives }} tập thể và {{ registration.individuals_registered }}/"
    "{{ registration.individuals }} cá nhân đăng ký thi đua, tích cực hưởng ứng các phong "
    "trào thi đua do {{ superior_body }}{% if committee %}, {{ committee }}{% endif %} và Cụm "
    "thi đua phát động."
)
RANKING = (
    "Kết quả chấm điểm thi đua năm {{ year }} của {{ cluster_name }}: {{ unit_name }} đạt "
    "{{ ranking.total }}/{{ ranking.top }} điểm, xếp thứ {{ ranking.rank }}/{{ ranking.units }} "
    "đơn vị trong Cụm."
)
BALLOT = (
    "{{ unit_name }} được Hội nghị tổng kết công tác thi đua năm {{ year }} của "
    "{{ cluster_name }} ngày {{ ballot.date }} suy tôn, đề nghị tặng {{ award }} với "
    "{{ ballot.votes_for }}/{{ ballot.voters }} phiếu đồng ý, đạt {{ ballot.percent }}."
)
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


def award_table(doc: DocxDocument, rows: str, columns: list[Column]) -> None:
    """The table of `rows`, or the single line 'Không có.' when the list is empty."""
    para(doc, f"{{%p if {rows} %}}", "Body")
    table(doc, columns, rows)
    para(doc, "{%p else %}", "Body")
    body(doc, NONE_LINE)
    para(doc, "{%p endif %}", "Body")


def optional(doc: DocxDocument, condition: str, *texts: str) -> None:
    """Body paragraphs `texts`, printed only when `condition` holds."""
    para(doc, f"{{%p if {condition} %}}", "Body")
    for text in texts:
        body(doc, text)
    para(doc, "{%p endif %}", "Body")


def achievements(doc: DocxDocument) -> None:
    """The year's figures (when the results sheet has the unit), registration, rank, ballot."""
    heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", 1)
    optional(doc, "results", INSPECTIONS, CITIZENS)
    optional(doc, "registration", REGISTRATION)
    optional(doc, "ranking", RANKING)
    body(doc, BALLOT)


def signatures(doc: DocxDocument) -> Table:
    """The superior's confirmation (left) and the head of the unit (right), borderless."""
    grid = layout_table(doc, [Mm(95), Mm(70)])
    first_para(grid.cell(0, 0), "XÁC NHẬN CỦA CẤP TRÌNH KHEN", "Signer")
    right = grid.cell(0, 1)
    first_para(right, "THỦ TRƯỞNG ĐƠN VỊ", "Signer")
    for _ in range(SIGNATURE_GAP):
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
    optional(doc, "address", "Trụ sở: {{ address }}.")
    optional(doc, "phone", "Điện thoại: {{ phone }}.")
    body(doc, "Thủ trưởng: {{ head_name }}, {{ head_title }} {{ place }}.")
    heading(doc, "2. Chức năng, nhiệm vụ", 2)
    optional(doc, "committee", FUNCTIONS)
    optional(doc, "not committee", OTHER_FUNCTIONS)
    achievements(doc)

    heading(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", 1)
    heading(doc, "1. Danh hiệu thi đua", 2).paragraph_format.space_after = Pt(6)
    award_table(doc, "titles", award_columns("Danh hiệu thi đua", "công nhận danh hiệu"))
    heading(doc, "2. Hình thức khen thưởng", 2).paragraph_format.space_after = Pt(6)
    award_table(doc, "merits", award_columns("Hình thức khen thưởng", "khen thưởng"))
    closing(doc, CLOSING)
    signatures(doc)
    save(doc, path)
