"""The proposal as LibreOffice lays it out: its closing lines and signature stay together.

A page that holds only the closing line and the signature block is sent back by the văn
thư; the attachments line, the closing and the signature are kept on one page, whatever the
number of nominees. Run where LibreOffice is installed (CI installs it).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from docgen import pdf, rules
from docgen.build import TEMPLATES_DIR, check
from docgen.documents.proposal import context as proposal_context
from docgen.model import Citation, Vote, Workbook
from docgen.render import Template
from tests.conftest import SAMPLE, needs_libreoffice


def _people(book: Workbook, count: int) -> Workbook:
    """The sample with `count` individuals proposed for the Bằng khen too."""
    units = [m.name for m in book.members]
    extra = [Vote(target="individual", unit=units[i % len(units)], person=f"Nguyễn Văn {name}",
                  person_title="Thanh tra viên chính", award="Bằng khen", votes_for=6, voters=7)
             for i, name in enumerate(["An", "Bình", "Cường", "Dũng", "Hải", "Khoa"][:count])]
    forms = [f.model_copy(update={"quota_individual": count}) if f.name == "Bằng khen" else f
             for f in book.award_forms]
    return book.model_copy(update={"votes": [*book.votes, *extra], "award_forms": forms})


def _citations(book: Workbook, count: int) -> Workbook:
    """The sample with `count` more lines in the legal basis (to move the page break)."""
    extra = [Citation(role="award_basis", kind="Quyết định", number=f"{i + 1}/QĐ-TTCP",
                      subject="về việc ban hành quy chế thi đua, khen thưởng ngành Thanh tra")
             for i in range(count)]
    return book.model_copy(update={"citations": [*book.citations, *extra]})


def _pages(book: Workbook, folder: Path) -> list[str]:
    """The text of each page of the proposal of `book`, as LibreOffice lays it out."""
    template = Template.load(TEMPLATES_DIR / "to-trinh.docx")
    data = template.render(proposal_context.context(book, rules.outcome(book)))
    docx.Document(io.BytesIO(data))  # a readable document before converting
    path = folder / "to-trinh.docx"
    path.write_bytes(data)
    ((converted, _),) = pdf.convert([path])
    return [page.extract_text() or "" for page in PdfReader(converted).pages]


@needs_libreoffice
@pytest.mark.parametrize(("people", "citations"),
                         [(0, 0), (1, 4), (2, 2), (2, 5), (3, 0), (3, 1), (3, 3)])
def test_the_last_page_holds_a_nominee_with_the_closing_and_signature(
    tmp_path: Path, people: int, citations: int
) -> None:
    book = _citations(_people(check(SAMPLE).book, people), citations)
    pages = _pages(book, tmp_path)
    lines = [line.strip() for line in pages[-1].splitlines() if line.strip()]
    if len(pages) > 1 and lines[0].isdigit():
        lines = lines[1:]  # the page number
    last = " ".join(" ".join(lines).split())
    assert "Kính trình Tổng Thanh tra Chính phủ xem xét, quyết định./." in last
    assert last.index("(Kèm theo:") < last.index("Kính trình") < last.index("Nơi nhận")
    last_nominee = proposal_context.proposals(book, rules.outcome(book))[-1]["nominees"][-1]
    who = last_nominee["line"].partition(":")[0]
    assert who in last[:last.index("(Kèm theo:")], last[:120]
