"""Turn a checked workbook's outcome into the rows that the CLI and the web page both show.

`docgen check` prints them as tables and the page "Kiểm tra sổ" draws them as HTML: one
wording, computed once, so both give the same verdict for the same workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.documents.shared.awards import counted, nominee, threshold_words
from docgen.documents.shared.common import percent
from docgen.model import Workbook

if TYPE_CHECKING:
    from docgen.build import Built
from docgen.rules import Outcome

RANKING_HEADERS = ("Xếp hạng", "Đơn vị", "Tổng điểm")
VOTE_HEADERS = ("Tập thể, cá nhân", "Hình thức", "Phiếu", "Tỷ lệ", "Kết luận")


@dataclass(frozen=True)
class VoteRow:
    """One nominee's line: who, for what, the votes, the share and the verdict, and
    whether it is proposed."""

    nominee: str
    award: str
    votes: str
    share: str
    verdict: str
    proposed: bool

    @property
    def cells(self) -> tuple[str, str, str, str, str]:
        return (self.nominee, self.award, self.votes, self.share, self.verdict)


def score_words(total: float) -> str:
    """A total score as printed: '98,5', '100'."""
    return f"{total:g}".replace(".", ",")


def ranking_rows(outcome: Outcome) -> list[tuple[str, str, str]]:
    """(rank, unit, total score) per member, in rank order."""
    return [(str(r.rank), r.unit, score_words(r.total)) for r in outcome.ranking]


def vote_rows(book: Workbook, outcome: Outcome) -> list[VoteRow]:
    """Each nominee with its votes, share and verdict: proposed, or why not."""
    rows = []
    for v in outcome.votes:
        verdict = {"proposed": "Đề nghị",
                   "below_threshold": f"Chưa đạt tỷ lệ {threshold_words(v.form)}",
                   "over_quota": "Vượt số lượng"}[v.reason]
        rows.append(VoteRow(nominee(v, book), v.form.full_name, counted(v),
                            percent(v.percent), verdict, v.reason == "proposed"))
    return rows


def officers_line(book: Workbook, outcome: Outcome) -> str:
    """'Năm 2022: Cụm trưởng …, Cụm phó ….'"""
    return (f"Năm {book.cluster.year + 1}: Cụm trưởng {outcome.leader_next.name}, "
            f"Cụm phó {outcome.deputy_next.name}.")


def valid_line(book: Workbook) -> str:
    """'Sổ tính hợp lệ: <cụm>, năm 2021, 7 đơn vị thành viên.'"""
    return (f"Sổ tính hợp lệ: {book.cluster.name}, năm {book.cluster.year}, "
            f"{len(book.members)} đơn vị thành viên.")


def half_year_line(book: Workbook) -> str:
    """What a mid-year workbook's check says instead of the results."""
    return f"Kỳ báo cáo: 6 tháng đầu năm {book.cluster.year} (sơ kết)."


def built_headline(built: Built) -> str:
    """'Đã lập 14 văn bản và 14 bản PDF vào thư mục …:' (the files follow)."""
    pdfs = sum(1 for p in built.paths if p.suffix == ".pdf")
    made = f"{len(built.paths) - pdfs} văn bản" + (f" và {pdfs} bản PDF" if pdfs else "")
    return f"Đã lập {made} vào thư mục {built.folder}:"


def built_notes(built: Built, linted: bool) -> list[str]:
    """What a build did besides its own files: files kept, documents of other kinds left
    as they were (--only), edited documents kept or replaced, an unchecked draft."""
    lines = []
    if built.kept:
        lines.append(f"Giữ nguyên {len(built.kept)} tệp không do docgen lập (đã có trong thư "
                     "mục từ trước):")
        lines += [f"  - {name}" for name in built.kept]
    if built.unchanged:
        lines.append(f"Giữ nguyên {len(built.unchanged)} tệp khác của bộ văn bản (không lập "
                     "lại lần này).")
    for edit in built.edits:
        lines.append(f"Đã thay tệp đã sửa {edit.file} bằng văn bản mới." if edit.kept_as is None
                     else f"Giữ bản đã sửa của {edit.file} với tên {edit.kept_as}.")
    if not linted:
        lines.append("Chưa kiểm tra thể thức (--no-lint): chỉ dùng làm bản nháp.")
    return lines
