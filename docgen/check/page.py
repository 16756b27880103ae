"""Turn the sections of a document into findings: paper size, orientation, margins and the
page number (PAGE field centred in the page header, none on the first page)."""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph

from docgen.check import ooxml, rules
from docgen.check.findings import Finding, finding
from docgen.check.looks import Look, look_findings
from docgen.check.resolve import Resolver
from docgen.check.structure import Para
from docgen.check.words import mm, span_mm

MARGIN_WORDS = {"top": "lề trên", "bottom": "lề dưới", "left": "lề trái", "right": "lề phải"}
PAGE_NUMBER_LOOK = Look(size=rules.PAGE_NUMBER_SIZE, italic=False, align="center")
_P, _TBL = qn("w:p"), qn("w:tbl")


def section_suffix(index: int, total: int) -> str:
    """" (phần 2)" for the second of several sections; "" when there is one section."""
    return f" (phần {index + 1})" if total > 1 else ""


def check_page(document: Document, profile: rules.KindProfile = rules.DEFAULT_KIND
               ) -> list[Finding]:
    """Findings of page.size, page.orientation and page.margins for every section; the
    paper may be any of the kind's `profile.papers` (A4 unless its registry entry says)."""
    sections = list(document.sections)
    out: list[Finding] = []
    for index, section in enumerate(sections):
        where = "trang khổ giấy" + section_suffix(index, len(sections))
        out += _size(section, where, profile.papers) + _margins(section, where)
    return out


def _size(section: Section, where: str, papers: tuple[str, ...]) -> list[Finding]:
    width, height = section.page_width, section.page_height
    if width is None or height is None:
        return [finding("page.size", where, "không khai báo khổ giấy")]
    landscape = section.orientation == WD_ORIENT.LANDSCAPE or width > height
    out = []
    if not any(_is_paper(width, height, rules.PAPERS[name]) for name in papers):
        out.append(finding("page.size", where, f"khổ {_mm_number(width)} × {mm(height)}",
                           _papers_expected(papers)))
    if landscape:
        out.append(finding("page.orientation", where, "trang ngang (theo chiều rộng)"))
    return out


def _is_paper(width: Length, height: Length, paper: tuple[Length, Length]) -> bool:
    """Whether a page `width` × `height` (either way round) is the paper (short, long)."""
    short, long_ = sorted((width, height))
    tolerance = rules.PAGE_TOLERANCE
    return abs(short - paper[0]) <= tolerance and abs(long_ - paper[1]) <= tolerance


def _papers_expected(papers: tuple[str, ...]) -> str | None:
    """The page.size rule's own wording for A4 alone; else each allowed paper named."""
    if papers == ("A4",):
        return None
    return " hoặc ".join(f"khổ {name} ({_mm_number(rules.PAPERS[name][0])} × "
                         f"{mm(rules.PAPERS[name][1])})" for name in papers)


def _mm_number(length: Length) -> str:
    return mm(length).removesuffix(" mm")


def _margins(section: Section, where: str) -> list[Finding]:
    out = []
    for side, span in rules.MARGINS.items():
        value = getattr(section, f"{side}_margin")
        if value is None or not span.holds(value, rules.MARGIN_TOLERANCE):
            found = "không khai báo" if value is None else mm(value)
            out.append(finding("page.margins", where, f"{MARGIN_WORDS[side]} {found}",
                               f"{MARGIN_WORDS[side]} {span_mm(span)}"))
    return out


# --------------------------------------------------------------------------- page numbers


def page_paragraphs(part: Any) -> list[Any]:
    """The paragraphs of a header or footer (those of its tables included); [] for None."""
    if part is None:
        return []
    # The part's XML is found once (python-docx looks its definition up again for each
    # reading of `paragraphs` or `tables`, a query per section of a long document).
    root = part.part.element
    paragraphs = [Paragraph(p, part) for p in root.iterchildren(_P)]
    for tbl in root.iterchildren(_TBL):
        for row in Table(tbl, part).rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    return paragraphs


class PageParts:
    """The page headers and footers of a document's sections, each looked up once: whether
    a section links one to the previous section (a query of the section's XML each time
    python-docx is asked), which section defines the one it shows, its paragraphs."""

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self._parts: dict[tuple[int, str], Any] = {}
        self._linked: dict[tuple[int, str], bool] = {}
        self._paragraphs: dict[tuple[int, str], list[Any]] = {}

    def part(self, index: int, attr: str) -> Any:
        """Section `index`'s own header/footer `attr` (python-docx's, linked or not)."""
        if (index, attr) not in self._parts:
            self._parts[(index, attr)] = getattr(self.sections[index], attr)
        return self._parts[(index, attr)]

    def linked(self, index: int, attr: str) -> bool:
        """Whether section `index` shows the previous section's header/footer `attr`."""
        if (index, attr) not in self._linked:
            self._linked[(index, attr)] = bool(self.part(index, attr).is_linked_to_previous)
        return self._linked[(index, attr)]

    def paragraphs(self, index: int, attr: str) -> list[Any]:
        """`page_paragraphs` of the header/footer `attr` ("header", "footer",
        "first_page_header") shown by section `index`: its own, or the one it links to;
        [] when no section defines one. Reading a linked header through python-docx would
        add a definition, so the link is followed here instead."""
        for j in range(index, -1, -1):
            if not self.linked(j, attr):
                if (j, attr) not in self._paragraphs:
                    self._paragraphs[(j, attr)] = page_paragraphs(self.part(j, attr))
                return self._paragraphs[(j, attr)]
        return []


def check_page_numbers(document: Document, resolver: Resolver,
                       profile: rules.KindProfile = rules.DEFAULT_KIND,
                       pages: PageParts | None = None) -> list[Finding]:
    """Findings of page-number.position (each section) and page-number.first-page; a kind
    printed without page numbers (a ballot) is checked only where it has one. `pages` is
    the document's PageParts when the caller has it already."""
    pages = PageParts(list(document.sections)) if pages is None else pages
    out: list[Finding] = []
    total = len(pages.sections)
    for index in range(total):
        if not profile.page_numbers and not _numbered(pages, index):
            continue
        where = "đầu trang" + section_suffix(index, total)
        out += _position(pages, index, where, resolver)
    return out + _first_page(pages)


def _numbered(pages: PageParts, index: int) -> bool:
    """Whether section `index` shows a PAGE field in its page header or footer."""
    return any(ooxml.has_page_field(p)
               for attr in ("header", "footer", "first_page_header")
               for p in pages.paragraphs(index, attr))


def _position(pages: PageParts, index: int, where: str,
              resolver: Resolver) -> list[Finding]:
    fields = [p for p in pages.paragraphs(index, "header") if ooxml.has_page_field(p)]
    if not fields:
        in_footer = any(ooxml.has_page_field(p) for p in pages.paragraphs(index, "footer"))
        found = "số trang đặt ở chân trang" if in_footer else "không có số trang"
        return [finding("page-number.position", where, found)]
    return look_findings("page-number.position", Para(fields[0], where, -1), resolver,
                         PAGE_NUMBER_LOOK)


def _first_page(pages: PageParts) -> list[Finding]:
    first = pages.sections[0]
    numbered = any(ooxml.has_page_field(p) for p in pages.paragraphs(0, "header"))
    if not numbered:
        return []
    if not first.different_first_page_header_footer:
        return [finding("page-number.first-page", "đầu trang",
                        "trang thứ nhất có số trang (chưa bật «Trang đầu khác»)")]
    own = pages.paragraphs(0, "first_page_header")
    if any(ooxml.has_page_field(p) for p in own):
        return [finding("page-number.first-page", "đầu trang thứ nhất",
                        "đầu trang thứ nhất có số trang")]
    return []
