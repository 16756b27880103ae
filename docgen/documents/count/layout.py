"""Turn the count minutes' outline (biên bản kiểm phiếu: Decree 30 Mẫu 1.9 shape; domain.md
4.5) into its docxtpl template.

Header without number or date line, "BIÊN BẢN KIỂM PHIẾU" and its subject; when, how and
where; I. the counting board; II. the ballots, each award's nominees with their votes and
shares and who reached its threshold, the election counts when the workbook gives them;
the closing sentence and the board's signatures (the head right, the members left). No
Nơi nhận: the count minutes go with the minutes. Where the workbook names no board, the
template prints fill-in markers for it and for the signers' names.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm
from docx.table import Table, _Cell

from docgen.documents.shared.blocks import (
    SIGNATURE_GAP,
    Column,
    body,
    closing,
    either,
    fill_in,
    first_para,
    header_table,
    heading,
    highlight,
    layout_table,
    meeting_place,
    para,
    table,
    title_block,
)
from docgen.documents.shared.ooxml import row_flags, run_defaults
from docgen.documents.shared.page import CENTER, RIGHT, new_document, save

STYLE = "Signer"
HALF = Mm(82.5)


def lead(doc: DocxDocument, text: str) -> None:
    """A body paragraph kept on the page of what follows it (a list or a table)."""
    body(doc, text).paragraph_format.keep_with_next = True


def kept_loop(doc: DocxDocument, items: str, text: str = "{{ line }}") -> None:
    """One body paragraph per item of `items`, each kept with what follows."""
    para(doc, f"{{%p for line in {items} %}}", "Body")
    lead(doc, text)
    para(doc, "{%p endfor %}", "Body")


def unnumbered(doc: DocxDocument) -> Table:
    """The header (agency | Quốc hiệu) with neither a number nor a place-date line."""
    grid = header_table(doc, with_date=False)
    for run in grid.cell(1, 0).paragraphs[0].runs:
        run.text = ""
    return grid


def board(doc: DocxDocument) -> None:
    """Part I: the counting board from the attendance sheet, or a marker asking for it."""
    heading(doc, "I. BAN KIỂM PHIẾU", 1)

    def named() -> None:
        lead(doc, "Ban kiểm phiếu do Hội nghị bầu gồm:")
        kept_loop(doc, "board_lines")

    either(doc, "board_lines", named, "họ và tên, chức vụ, đơn vị của Trưởng ban và các "
           "thành viên Ban kiểm phiếu", "Ban kiểm phiếu: ")


def ballots(doc: DocxDocument) -> None:
    """Part II.1: the ballots issued, returned, valid and invalid (with the reasons, or a
    marker when some were invalid and the workbook gives no reason)."""
    heading(doc, "1. Số phiếu", 2)
    body(doc, "- Số phiếu phát ra: {{ ballots.issued }};")
    body(doc, "- Số phiếu thu về: {{ ballots.returned }};")
    body(doc, "- Số phiếu hợp lệ: {{ ballots.valid }};")
    para(doc, "{%p if ballots.reasons_missing %}", "Body")
    marked = fill_in(doc, "lý do các phiếu không hợp lệ",
                     lead="- Số phiếu không hợp lệ: {{ ballots.invalid }} (lý do: ")
    run_defaults(marked.add_run(")."))
    para(doc, "{%p else %}", "Body")
    body(doc, "- Số phiếu không hợp lệ: {{ ballots.invalid }}{% if ballots.reasons %} "
              "(lý do: {{ ballots.reasons }}){% endif %}.")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p if written %}", "Body")
    body(doc, "{{ written }}")
    para(doc, "{%p endif %}", "Body")


def nominee_table(doc: DocxDocument) -> Table:
    """An award's nominees: number, name, votes for, share (165 mm wide)."""
    columns = [
        Column("STT", Mm(12), "{{ r.stt }}", CENTER),
        Column("Tập thể/cá nhân", Mm(88), "{{ r.nominee }}"),
        Column("Số phiếu đồng ý", Mm(37), "{{ r.votes_for }}", RIGHT),
        Column("Tỷ lệ (%)", Mm(28), "{{ r.percent }}", RIGHT),
    ]
    return table(doc, columns, "a.rows")


def awards(doc: DocxDocument) -> None:
    """Part II.2: per award, highest first, its rule, base, nominees and who reached it."""
    heading(doc, "2. Kết quả bỏ phiếu bình xét, suy tôn", 2)
    para(doc, "{%p for a in awards %}", "Body")
    heading(doc, "{{ a.num }}. {{ a.award }}", 2)
    lead(doc, "Tiêu chuẩn: {{ a.rule }}{% if a.places %}; tối đa {{ a.places }}{% endif %}.")
    lead(doc, "Số phiếu tính tỷ lệ: {{ a.base }}. Kết quả:")
    nominee_table(doc)
    para(doc, "{%p if a.reached %}", "Body")
    lead(doc, "{{ a.reached_lead }}")
    para(doc, "{%p for r in a.reached %}", "Body")
    body(doc, "- {{ r.nominee }}: {{ r.votes_for }} phiếu đồng ý, đạt {{ r.percent }}"
              "{% if loop.last %}.{% else %};{% endif %}")
    para(doc, "{%p endfor %}", "Body")
    para(doc, "{%p else %}", "Body")
    body(doc, "{{ a.none_reached }}")
    para(doc, "{%p endif %}", "Body")
    para(doc, "{%p endfor %}", "Body")
    para(doc, "{%p if not awards %}", "Body")
    body(doc, "Không có tập thể, cá nhân nào được đưa ra bỏ phiếu bình xét, suy tôn.")
    para(doc, "{%p endif %}", "Body")


def election(doc: DocxDocument) -> None:
    """Part II.3: next year's leader and deputy with their counts, when the workbook gives
    them (otherwise the part is left out: the minutes ask for the counts)."""
    para(doc, "{%p if election %}", "Body")
    heading(doc, "3. Kết quả bầu {{ leader_title }}, {{ deputy_title }} năm {{ next_year }}", 2)
    para(doc, "{%p for e in election %}", "Body")
    body(doc, "- {{ e.unit }} làm {{ e.office }}, được {{ e.votes }}"
              "{% if loop.last %}.{% else %};{% endif %}")
    para(doc, "{%p endfor %}", "Body")
    para(doc, "{%p endif %}", "Body")


def signer_cell(cell: _Cell, title: str, name: str) -> None:
    """A signature cell: its title when it has one, room to sign, the name."""
    first_para(cell, f"{{%p if {title} %}}", STYLE)
    para(cell, f"{{{{ {title} }}}}", STYLE)
    para(cell, "{%p endif %}", STYLE)
    for _ in range(SIGNATURE_GAP):
        para(cell, "", STYLE)
    para(cell, f"{{{{ {name} }}}}", STYLE)


def board_signatures(doc: DocxDocument) -> Table:
    """CÁC THÀNH VIÊN (left, one row per member) and TRƯỞNG BAN KIỂM PHIẾU (right), one
    signature per cell so each reads as a signature; rows never split."""
    grid = layout_table(doc, [HALF, HALF], rows=3)
    first_para(grid.cell(0, 0), "{%tr for s in signers %}", STYLE)
    signer_cell(grid.cell(1, 0), "s.left_title", "s.left")
    signer_cell(grid.cell(1, 1), "s.right_title", "s.right")
    first_para(grid.cell(2, 0), "{%tr endfor %}", STYLE)
    for row in grid.rows:
        row_flags(row)
    return grid


def unknown_signatures(doc: DocxDocument) -> Table:
    """The signature titles with markers for the names (no board in the workbook)."""
    grid = layout_table(doc, [HALF, HALF])
    for cell, title, who in ((grid.cell(0, 0), "CÁC THÀNH VIÊN", "các thành viên Ban kiểm phiếu"),
                             (grid.cell(0, 1), "TRƯỞNG BAN KIỂM PHIẾU", "Trưởng Ban kiểm phiếu")):
        first_para(cell, title, STYLE)
        for _ in range(SIGNATURE_GAP):
            para(cell, "", STYLE)
        highlight(para(cell, "", STYLE), f"họ và tên {who}")
    row_flags(grid.rows[0])
    return grid


def signatures(doc: DocxDocument) -> None:
    """The board's signatures, named from the attendance sheet or asked for."""
    para(doc, "{%p if signers %}", "Body")
    board_signatures(doc)
    para(doc, "{%p else %}", "Body")
    unknown_signatures(doc)
    para(doc, "{%p endif %}", "Body")


def build(path: Path) -> None:
    """Write the template of the counting board's minutes."""
    doc = new_document("Biên bản kiểm phiếu bình xét, suy tôn thi đua, khen thưởng")
    unnumbered(doc)
    title_block(
        doc,
        "BIÊN BẢN KIỂM PHIẾU",
        "Bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng năm {{ year }} "
        "của {{ cluster_name }}",
    )
    body(doc, "Thời gian: {{ meeting_date }}, tại Hội nghị tổng kết công tác thi đua, khen "
              "thưởng năm {{ year }} của {{ cluster_name }}.")
    meeting_place(doc)
    board(doc)
    heading(doc, "II. KẾT QUẢ KIỂM PHIẾU", 1)
    ballots(doc)
    awards(doc)
    election(doc)
    closing(doc, "Ban kiểm phiếu đã công bố kết quả kiểm phiếu trước Hội nghị. Biên bản kiểm "
                 "phiếu được lập xong cùng ngày, đã đọc lại trước Hội nghị và được các thành "
                 "viên Ban kiểm phiếu nhất trí ký tên./.")
    signatures(doc)
    save(doc, path)
