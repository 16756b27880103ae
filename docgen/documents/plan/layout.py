"""Turn the launch plan's outline (Decree 30 Mẫu 1.4; domain.md 4.3) into its template.

Every numbered heading takes its number from `num`; a part whose number is "" is left out
with its heading (`{%p if num.x %}`), so a workbook without, say, a "Mục đích" point prints
no empty heading and the next parts move up.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm

from docgen.documents.shared.blocks import (
    SUBJECT_RULE,
    TEXT_WIDTH,
    Column,
    body,
    body_loop,
    closing,
    header_table,
    heading,
    loop,
    para,
    rule,
    signature_block,
    table,
)
from docgen.documents.shared.page import CENTER, StyleSpec, define_style, new_document, save

# The optional numbered sub-parts of a section: (key in `num`, heading text, the list its
# paragraphs print and their style).
SUBPARTS = {
    "aims": (("purpose", "Mục đích", "parts.purpose", "Body"),
             ("requirements", "Yêu cầu", "parts.requirements", "Body")),
    "scope": (("theme", "Chủ đề thi đua", "theme_lines", "Theme"),
              ("subjects", "Đối tượng", "parts.subjects", "Body"),
              ("content", "Nội dung thi đua", "parts.content", "Body"),
              ("targets", "Chỉ tiêu thi đua", "target_lines", "Body"),
              ("organisation", "Hình thức tổ chức", "parts.organisation", "Body")),
}
# The year's theme stands out: centred, bold italic, its own line.
THEME_STYLE = StyleSpec("Theme", base="Body", bold=True, italic=True, align=CENTER,
                        first_indent=Mm(0))


def guarded(doc: DocxDocument, key: str) -> None:
    """Open `{%p if num.key %}`; the caller closes it with `end(doc)`."""
    para(doc, f"{{%p if num.{key} %}}", "Body")


def end(doc: DocxDocument) -> None:
    """Close a `{%p if %}` block."""
    para(doc, "{%p endif %}", "Body")


def numbered(doc: DocxDocument, key: str, title: str, level: int) -> None:
    """Add a heading numbered from the context: '{{ num.key }}. TITLE'."""
    heading(doc, f"{{{{ num.{key} }}}}. {title}", level)


def subparts(doc: DocxDocument, section: str) -> None:
    """Add the optional '1. Mục đích' … sub-parts of a section, each with its points."""
    for key, title, items, style in SUBPARTS[section]:
        guarded(doc, key)
        numbered(doc, key, title, 2)
        body_loop(doc, items, style)
        end(doc)


def title(doc: DocxDocument) -> None:
    """Add 'KẾ HOẠCH', the two-line subject and the short rule under it."""
    para(doc, "KẾ HOẠCH", "Doc kind")
    para(doc, "Phát động phong trào thi đua năm {{ next_year }}", "Summary")
    para(doc, "của {{ cluster_name }}", "Summary")
    rule(doc, SUBJECT_RULE, TEXT_WIDTH)


def timetable(doc: DocxDocument) -> None:
    """Add the timetable (165 mm), with its lead-in, only when the timeline has rows."""
    para(doc, "{%p if timeline_rows %}", "Body")
    body(doc, "Lịch thực hiện các nội dung chính như sau:")
    columns = [
        Column("STT", Mm(12), "{{ r.stt }}", CENTER),
        Column("Nội dung công việc", Mm(75), "{{ r.task }}"),
        Column("Thời hạn", Mm(33), "{{ r.deadline }}", CENTER),
        Column("Đơn vị thực hiện", Mm(45), "{{ r.responsible }}"),
    ]
    table(doc, columns, "timeline_rows")
    end(doc)


# Per award with places, highest first: its standard, then the share of votes it needs
# (part III); how many the cluster may propose (part IV).
STANDARD = "a) Tiêu chuẩn: xét tặng cho {{ a.criteria }}"
VOTE_RULE = ("b) Tỷ lệ phiếu bầu: được Hội nghị tổng kết của {{ group }} bình xét, suy tôn, đạt "
             "{{ a.share }}.")
QUOTA = "{{ a.name }}: không quá {{ a.quota }}."
PROCEDURE = (
    "Hồ sơ đề nghị khen thưởng gồm: tờ trình đề nghị khen thưởng; biên bản họp bình xét, suy "
    "tôn; báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng; danh sách tập thể, "
    "cá nhân đề nghị khen thưởng.",
    "Hồ sơ đề nghị khen thưởng của {{ group }} gửi về {{ superior_body }} thông qua "
    "{{ leader_title }} "
    "({{ leader }}).",
    "{% if files_deadline %}Thời hạn gửi hồ sơ của {{ group }}: {{ files_deadline }}."
    "{% else %}Thời hạn gửi hồ sơ thực hiện theo hướng dẫn của {{ superior_body }}.{% endif %}",
)
# The members' own deadline for their files, before the cluster's (when the timeline has it).
MEMBERS_FILES = ("Thời hạn các thành viên gửi hồ sơ đề nghị khen thưởng về {{ leader_title }}: "
                 "{{ members_files_deadline }}.")
OFFICERS = (
    "Năm {{ next_year }}, {{ leader }} là {{ leader_title }}, chủ trì hướng dẫn, theo dõi, đôn "
    "đốc các thành viên thực hiện Kế hoạch, tổ chức sơ kết, tổng kết, bình xét thi đua và tổng "
    "hợp, báo cáo kết quả; {{ deputy }} là {{ deputy_title }}, phối hợp với {{ leader_title }} "
    "triển khai, kiểm tra việc thực hiện Kế hoạch và thực hiện nhiệm vụ của {{ leader_title }} "
    "khi được ủy quyền."
)


def basis(doc: DocxDocument) -> None:
    """Add the 'Căn cứ' lines: the award laws, then the year-end conference."""
    loop(doc, "citations", "Căn cứ {{ line }};", "Basis")
    para(doc, "Căn cứ kết quả Hội nghị tổng kết công tác thi đua năm {{ next_year - 1 }} của "
         "{{ cluster_name }} ngày {{ conference_date }}.", "Basis")


def per_award(doc: DocxDocument, text: str) -> None:
    """Add one paragraph per award the cluster may propose."""
    para(doc, "{%p for a in awards %}", "Body")
    body(doc, text)
    para(doc, "{%p endfor %}", "Body")


def standards(doc: DocxDocument) -> None:
    """Add '1. <award>' per award with its standard (and the standard's further lines) and
    then the share of votes it needs."""
    para(doc, "{%p for a in awards %}", "Body")
    heading(doc, "{{ a.num }}. {{ a.name }}", 2)
    body(doc, STANDARD)
    body_loop(doc, "a.criteria_lines")
    body(doc, VOTE_RULE)
    para(doc, "{%p endfor %}", "Body")


def outline(doc: DocxDocument) -> None:
    """Add parts I to VI."""
    guarded(doc, "aims")
    numbered(doc, "aims", "MỤC ĐÍCH, YÊU CẦU", 1)
    subparts(doc, "aims")
    end(doc)

    numbered(doc, "scope", "ĐỐI TƯỢNG, NỘI DUNG THI ĐUA", 1)
    subparts(doc, "scope")
    numbered(doc, "period", "Thời gian thi đua", 2)
    body(doc, "Từ ngày 01/01/{{ next_year }} đến ngày 31/12/{{ next_year }}.")

    guarded(doc, "standards")
    numbered(doc, "standards", "DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG VÀ TIÊU CHUẨN", 1)
    body_loop(doc, "parts.awards")
    standards(doc)
    end(doc)

    guarded(doc, "quotas")
    numbered(doc, "quotas", "SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG", 1)
    per_award(doc, QUOTA)
    end(doc)

    numbered(doc, "procedure", "THỦ TỤC, HỒ SƠ VÀ THỜI GIAN", 1)
    for text in PROCEDURE[:-1]:
        body(doc, text)
    para(doc, "{%p if members_files_deadline %}", "Body")
    body(doc, MEMBERS_FILES)
    end(doc)
    body(doc, PROCEDURE[-1])

    numbered(doc, "implementation", "TỔ CHỨC THỰC HIỆN", 1)
    body_loop(doc, "parts.implementation")
    body(doc, OFFICERS)
    timetable(doc)


def build(path: Path) -> None:
    """Write the template of next year's launch plan (kế hoạch phát động phong trào thi đua)."""
    doc = new_document("Kế hoạch phát động phong trào thi đua")
    define_style(doc, THEME_STYLE)
    header_table(doc)
    title(doc)
    loop(doc, "doc.addressee_lines", "{{ line }}", "Addressee")
    basis(doc)
    body(doc, "{{ cluster_name }} xây dựng Kế hoạch phát động phong trào thi đua năm "
         "{{ next_year }} như sau:")
    outline(doc)
    closing(
        doc,
        "Trên đây là Kế hoạch phát động phong trào thi đua năm {{ next_year }} của "
        "{{ cluster_name }}; đề nghị các thành viên {{ group }} triển khai thực hiện./.",
    )
    signature_block(doc)
    save(doc, path)
