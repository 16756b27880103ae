"""Turn the award proposal's outline (Decree 30 Mẫu 1.4; domain.md 4.2) into its template."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from docgen.documents.shared.blocks import (
    body,
    closing,
    header_table,
    loop,
    para,
    signature_block,
    title_block,
)
from docgen.documents.shared.page import new_document, save

# When and how the cluster met and voted, and whether anyone is proposed.
MEETING = (
    "{{ meeting.date }}, {{ cluster_name }} tổ chức Hội nghị "
    "{% if meeting.form %}{{ meeting.form }} {% endif %}tổng kết công tác thi đua năm "
    "{{ year }}, bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng. Hội nghị đã bỏ "
    "phiếu kín: số phiếu phát ra {{ meeting.ballots_issued }}, số phiếu thu về "
    "{{ meeting.ballots_returned }}, số phiếu hợp lệ {{ meeting.ballots_valid }}; "
    "{% if proposals %}các tập thể, cá nhân dưới đây đạt tỷ lệ phiếu đồng ý theo quy định và "
    "được Hội nghị thống nhất đề nghị khen thưởng.{% else %}không có tập thể, cá nhân nào đạt "
    "đủ tiêu chuẩn để đề nghị khen thưởng.{% endif %}"
)


def nominee_case(doc: DocxDocument, *, keep: bool) -> None:
    """A nominee's line and, for a collective, its key results; `keep` keeps them with what
    follows."""
    body(doc, "{{ n.line }}").paragraph_format.keep_with_next = keep
    para(doc, "{%p if n.results %}", "Body")
    body(doc, "{{ n.results }}").paragraph_format.keep_with_next = keep
    para(doc, "{%p endif %}", "Body")


def build(path: Path) -> None:
    """Write the template of the cluster's proposal (tờ trình) for the year's awards."""
    doc = new_document("Tờ trình đề nghị khen thưởng")
    header_table(doc)
    title_block(doc, "TỜ TRÌNH", "Về việc đề nghị tặng {{ awards_phrase }} năm {{ year }}")
    loop(doc, "doc.addressee_lines", "{{ line }}", "Addressee")
    loop(doc, "basis", "Căn cứ {{ line }}", "Basis")
    body(doc, MEETING)
    para(doc, "{%p if proposals %}", "Body")
    body(doc, "{{ cluster_name }} kính đề nghị {{ deciders }} xem xét, tặng:")
    para(doc, "{%p for item in proposals %}", "Body")
    body(doc, "{{ loop.index }}. {{ item.award }} cho {{ item.counts }}:")
    para(doc, "{%p for n in item.nominees %}", "Body")
    # The last nominee goes with the attachments line, the closing and the signature, so
    # the last page never holds the closing lines alone.
    para(doc, "{%p if n.last %}", "Body")
    nominee_case(doc, keep=True)
    para(doc, "{%p else %}", "Body")
    nominee_case(doc, keep=False)
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p endfor %}", "Body")
    para(doc, "{%p endfor %}", "Body")
    para(doc, "{%p endif %}", "Body")
    # The attachments line goes with the closing and the signature.
    body(doc, "{{ attachments_line }}", "Basis").paragraph_format.keep_with_next = True
    closing(
        doc,
        "Kính trình {{ superior_head }} xem xét, quyết định./.",
    )
    signature_block(doc)
    save(doc, path)
