"""Turn any .docx into its Decree 30 parts: header, title, body, signature, recipients.

Parts are found by their text and shape, not by docgen's style names, so documents made in
Word by hand are read too: the Quốc hiệu and Tiêu ngữ by their words (in the first table or
the first paragraphs), "Số:" and the date line by pattern, the title as the first upper-case
paragraph after the header, signatures as upper-case lines over a name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from docgen import decree30 as d30
from docgen import vi
from docgen.check import ooxml, rules
from docgen.check.reading import (
    Reading,
    body_blocks,
    cell_blocks,
    is_paragraph,
    read_p,
    table_rows,
)
from docgen.check.resolve import Resolver
from docgen.check.words import clean, is_upper, quote
from docgen.fillin_marker import PATTERN as FILL_IN

NATIONAL_KEY = vi.name_key(d30.NATIONAL)
MOTTO = re.compile(r"^độc\s*lập\s*[-–—]\s*tự\s*do\s*[-–—]\s*hạnh\s*phúc$")
NUMBER_LINE = re.compile(r"^Số\b\s*[:.]?.*/")
DATE_LINE = re.compile(r"^(?P<place>[^,]*?)\s*,?\s*ngày\s*(?P<d>\S*)\s*tháng\s*(?P<m>\S*)"
                       r"\s*năm\s*(?P<y>\S*)$", re.IGNORECASE)
AUTHORITY = re.compile(r"^(T/?M|K/?T|T/?L|TUQ|Q)\b\.?", re.IGNORECASE)
ROMAN_HEADING = re.compile(r"^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})\.\s")
HEADER_SCAN = 15   # non-empty paragraphs looked at for a header made of paragraphs
TITLE_SCAN = 3     # non-empty paragraphs after the header looked at for the title
NAME_WORDS = (2, 7)


@dataclass(frozen=True)
class Para:
    """A paragraph with its place: `block` is the index of the top-level paragraph or
    table holding it; `table` the 1-based table number (None outside tables); `cell` the
    w:tc element it sits in (None outside tables)."""

    paragraph: Paragraph
    where: str
    block: int
    table: int | None = None
    cell: Any = None

    @cached_property
    def reading(self) -> Reading:
        """The paragraph's text, style id and runs showing text, read from its XML once
        (the rules read a paragraph many times)."""
        return read_p(ooxml.p_element(self.paragraph))

    @cached_property
    def raw(self) -> str:
        """The paragraph's text as python-docx reads it."""
        return self.reading.text

    @cached_property
    def text(self) -> str:
        """The visible text, whitespace runs made single spaces."""
        return clean(self.raw)


@dataclass
class Signer:
    """One signature block: quyền hạn/chức vụ lines over the signer's name."""

    titles: list[Para]
    name: Para


@dataclass
class Layout:
    """The parts of a document; a part not found is None or empty."""

    profile: rules.KindProfile
    national: Para | None = None
    motto: Para | None = None
    issuer: list[Para] = field(default_factory=list)
    number: Para | None = None
    date: Para | None = None
    title: Para | None = None
    summary: list[Para] = field(default_factory=list)
    headings: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    recipients_head: Para | None = None
    recipients: list[Para] = field(default_factory=list)


# --------------------------------------------------------------------------- reading order


def read_para(paragraph: Paragraph, place: str, block: int, table: int | None = None,
              cell: Any = None) -> Para:
    """A paragraph with its place, named "<place> («its first words…»)"; its XML is read
    here once and kept (`Para.reading`, `Para.raw`)."""
    return _para(ooxml.p_element(paragraph), paragraph, place, block, table, cell)


def _para(p: Any, paragraph: Paragraph, place: str, block: int, table: int | None = None,
          cell: Any = None) -> Para:
    """`read_para` of the w:p element `p` of `paragraph`."""
    read = read_p(p)
    return _made(paragraph, _where(place, quote(read.text)), block, table, cell, read)


def _made(paragraph: Paragraph, where: str, block: int, table: int | None, cell: Any,
          read: Reading, text: str | None = None) -> Para:
    """A Para with its Reading (and, when given, its `text`) already stored, as its cached
    properties would store them on first reading; made by filling its __dict__ at once,
    the frozen dataclass's __init__ setting one field at a time (a build makes one per
    paragraph, 60 000 for a 300-member cluster)."""
    para = _NEW_PARA(Para)
    fields = para.__dict__
    fields.update(paragraph=paragraph, where=where, block=block, table=table, cell=cell,
                  reading=read, raw=read.text)
    if text is not None:
        fields["text"] = text
    return para


_NEW_PARA = object.__new__


def _where(place: str, quoted: str) -> str:
    """A paragraph's name in findings: its place and its quoted first words."""
    return f"{place} ({quoted})"


def _cell_place(table: int, row: int, column: int) -> str:
    """The place of a table cell: "bảng 2, hàng 3, ô 1"."""
    return f"bảng {table}, hàng {row}, ô {column}"


def read_paragraphs(document: Document,
                    sources: Callable[[], list[bytes] | None] | None = None) -> list[Para]:
    """Every paragraph of the main text in reading order, tables row by row. `sources`,
    when given, gives the XML source of each body table (`reading.body_table_sources`, or
    None); it is asked only when two tables may be the same."""
    paras: list[Para] = []
    paragraphs = tables = 0
    blocks = body_blocks(document)
    # Only a table that may be the same as another is keyed by its XML (`shape_key`).
    sizes = Counter(_size(e) for e in blocks if not is_paragraph(e))
    shapes: dict[Any, list[_Slot] | None] = {}
    cut: list[bytes] | None = None
    pending = sources
    for block, element in enumerate(blocks):
        if is_paragraph(element):
            paragraphs += 1
            paras.append(_para(element, Paragraph(element, document), f"đoạn {paragraphs}",
                               block))
        else:
            tables += 1
            key = None
            if sizes[_size(element)] > 1:
                if pending is not None:
                    cut, pending = pending(), None
                key = shape_key(element, None if cut is None else cut[tables - 1])
            paras += _table_paragraphs(element, document, tables, block, shapes, key)
    return paras


def _size(tbl: Any) -> tuple[int, int]:
    """How many children a w:tbl and its last child have: tables of the same XML have
    the same size."""
    return len(tbl), len(tbl[-1]) if len(tbl) else 0


class _Slot(NamedTuple):
    """Where a paragraph sits in a table, for reading a table the same as one read
    before: its row and column (`bảng N, hàng r, ô c`), the positions of its w:tc and w:p
    among the table's (`tbl.iter`), its Reading, its quoted first words and its text
    (`Para.text`)."""

    row: int
    column: int
    tc: int
    p: int
    reading: Reading
    quoted: str
    text: str


def _table_paragraphs(tbl: Any, story: Document, number: int, block: int,
                      shapes: dict[Any, list[_Slot] | None], key: Any) -> list[Para]:
    """The paragraphs of the w:tbl `tbl`, row by row; a merged cell is read once, where it
    starts, and numbered by its first grid column.

    A table whose XML is the same as an earlier table's of the document (`shapes`, by its
    `shape_key`, `key`) is read as that one was: its paragraphs are the same XML at the
    same places, so their readings are the same, and they are found by position. Why: a
    paper made once per member (score sheets, ballots) repeats a few tables hundreds of
    times; keying a table is done in C, reading it paragraph by paragraph in Python.
    `key` is None for a table no other can be the same as."""
    slots = None if key is None else shapes.get(key)
    if slots is not None:
        tcs, ps = list(tbl.iter(_TC)), list(tbl.iter(_P))
        return [_slot_para(ps[slot.p], story, number, block, tcs[slot.tc], slot)
                for slot in slots]
    paras: list[Para] = []
    places: list[tuple[int, int, Any, Any]] = []  # row, column, w:tc, w:p of each para
    seen: dict[int, Any] = {}  # id -> w:tc, kept alive so that ids stay unique
    for r, tcs in enumerate(table_rows(tbl, story), start=1):
        for c, tc in enumerate(tcs, start=1):
            if id(tc) in seen:
                continue
            seen[id(tc)] = tc
            where = _cell_place(number, r, c)
            for p in _cell_paragraphs(tc, story):
                paras.append(_para(p, Paragraph(p, story), where, block, number, tc))
                places.append((r, c, tc, p))
    if key is not None and key not in shapes:
        shapes[key] = _slots(tbl, paras, places)
    return paras


def shape_key(tbl: Any, source: bytes | None) -> Any:
    """What decides how `read_paragraphs` reads a w:tbl: its XML, as its package stores it
    (`source`, when known) or serialized."""
    return etree.tostring(tbl) if source is None else source


def _slots(tbl: Any, paras: list[Para],
           places: list[tuple[int, int, Any, Any]]) -> list[_Slot] | None:
    """The _Slot of each paragraph of the table `tbl`, read as `paras` at `places`; None
    when one sits outside the table's own elements (never read by position then)."""
    tcs, ps = list(tbl.iter(_TC)), list(tbl.iter(_P))  # alive: their ids stay theirs
    tc_at = {id(tc): n for n, tc in enumerate(tcs)}
    p_at = {id(p): n for n, p in enumerate(ps)}
    slots = []
    for para, (row, column, tc, p) in zip(paras, places, strict=True):
        tc_n, p_n = tc_at.get(id(tc)), p_at.get(id(p))
        if tc_n is None or p_n is None:
            return None
        slots.append(_Slot(row, column, tc_n, p_n, para.reading, quote(para.reading.text),
                           para.text))
    return slots


_P, _TC = qn("w:p"), qn("w:tc")


def _slot_para(p: Any, story: Document, number: int, block: int, tc: Any,
               slot: _Slot) -> Para:
    """The Para of the w:p `p` in table `number`, read as the paragraph at its `slot`."""
    return _made(Paragraph(p, story),
                 _where(_cell_place(number, slot.row, slot.column), slot.quoted),
                 block, number, tc, slot.reading, slot.text)


def _cell_paragraphs(tc: Any, story: Document) -> list[Any]:
    """A w:tc's w:p elements, those of tables nested in it included, in order."""
    found = []
    for element in cell_blocks(tc):
        if is_paragraph(element):
            found.append(element)
        else:
            for tcs in table_rows(element, story):
                for inner in tcs:
                    found += _cell_paragraphs(inner, story)
    return found


# --------------------------------------------------------------------------- header


@lru_cache(maxsize=4096)  # pure; a long document repeats its cells' texts
def is_national(text: str) -> bool:
    """Whether the text is the Quốc hiệu, whatever its case or tone-mark placement."""
    return vi.name_key(text) == NATIONAL_KEY


@lru_cache(maxsize=4096)  # pure; a long document repeats its cells' texts
def is_motto(text: str) -> bool:
    """Whether the text is the Tiêu ngữ, whatever its case or dashes."""
    return bool(MOTTO.match(vi.name_key(text)))


def _component(layout: Layout, para: Para) -> bool:
    """Record `para` in the layout if it is a header component; say whether it was."""
    text = para.text
    if layout.national is None and is_national(text):
        layout.national = para
    elif layout.motto is None and is_motto(text):
        layout.motto = para
    elif layout.number is None and NUMBER_LINE.match(text):
        layout.number = para
    elif layout.date is None and DATE_LINE.match(text):
        layout.date = para
    else:
        return False
    return True


def _header_from_table(layout: Layout, paras: list[Para]) -> int | None:
    """Read the header from table 1 when it opens the document; return its block."""
    first = [p for p in paras if p.table == 1]
    if not first or any(p.text for p in paras if p.block < first[0].block):
        return None
    others = []
    for para in first:
        if para.text and not _component(layout, para):
            others.append(para)
    if layout.national is None and layout.motto is None and layout.number is None:
        return None
    apart = {id(p.cell) for p in (layout.national, layout.motto) if p is not None}
    layout.issuer = [p for p in others if id(p.cell) not in apart]
    return first[0].block


def _header_from_paragraphs(layout: Layout, paras: list[Para]) -> int | None:
    """Read a header typed as paragraphs; return the block of its last component."""
    before: list[Para] = []
    last = None
    for para in [p for p in paras if p.table is None and p.text][:HEADER_SCAN]:
        if _component(layout, para):
            last = para.block
        elif last is not None:
            break
        else:
            before.append(para)
    if last is not None:
        layout.issuer = [p for p in before if is_upper(p.text)]
    return last


def _issuer_lines(layout: Layout, resolver: Resolver) -> None:
    """Drop the superior agency (leading lines not bold) from the issuer lines."""
    lines = layout.issuer
    while len(lines) > 1 and not all(
            r.bold for r in resolver.formats(lines[0].paragraph, lines[0].reading)):
        lines = lines[1:]
    layout.issuer = lines


# --------------------------------------------------------------------------- title


def _is_appendix(paras: list[Para]) -> bool:
    first = next((p for p in paras if p.text), None)
    return (first is not None and first.table is None
            and vi.upper_vi(first.text).startswith(rules.APPENDIX_OPENINGS))


def _find_title(paras: list[Para], after: int) -> Para | None:
    candidates = [p for p in paras if p.table is None and p.block > after and p.text]
    for para in candidates[:TITLE_SCAN]:
        if ROMAN_HEADING.match(para.text):
            return None
        if is_upper(para.text):
            return para
    return None


def profile_of(title: Para | None, appendix: bool) -> rules.KindProfile:
    """The components the document must carry, decided from its title."""
    if appendix:
        return rules.APPENDIX
    text = vi.upper_vi(title.text) if title else ""
    for prefix, profile in rules.KINDS:
        if text.startswith(prefix):
            return profile
    return rules.DEFAULT_KIND


def _summary(paras: list[Para], title: Para, resolver: Resolver) -> list[Para]:
    """The trích yếu: non-empty paragraphs right under the title, centred after the first."""
    lines: list[Para] = []
    for para in (p for p in paras if p.table is None and p.block > title.block):
        text = para.text
        if not lines and para.block > title.block + 2:
            break
        if not text:
            if lines:
                break
            continue
        if text.startswith(("(", "Kính gửi", "Căn cứ")) or ROMAN_HEADING.match(text):
            break
        if lines and resolver.paragraph(para.paragraph).alignment != "center":
            break
        lines.append(para)
    return lines


# --------------------------------------------------------------------------- closing


@lru_cache(maxsize=4096)  # pure; a long document repeats its cells' texts
def is_recipients_head(text: str) -> bool:
    """Whether the text opens the Nơi nhận block."""
    # Only a text starting with N or n can (no other character's name key starts with
    # "n"; tests/test_lint_reading.py tries every one): most texts need no name key.
    return text.lstrip()[:1] in _N and vi.name_key(text).startswith("nơi nhận")


_N = ("n", "N")


def authority_prefix(text: str) -> bool:
    """Whether the line starts like a quyền hạn abbreviation (TM, KT, Q, TL, TUQ, T/M …)."""
    return bool(AUTHORITY.match(text))


def _name_like(text: str) -> bool:
    if FILL_IN.fullmatch(text.strip()):
        # A fill-in marker holds the place of a name only a person can write (the count
        # minutes of a workbook naming no board); the rule text.fill-in reports it.
        return True
    words = text.split()
    if words and words[0] in rules.ACADEMIC_TITLES:
        words = words[1:]
    lo, hi = NAME_WORDS
    return (lo <= len(words) <= hi and not any(ch.isdigit() or ch in ":;,()/" for ch in text)
            and all(word[0].isupper() for word in words))


def _signer(lines: list[Para]) -> Signer | None:
    """A signer from a cell's (or the tail's) non-empty lines, if they look like one."""
    if len(lines) < 2 or not _name_like(lines[-1].text):
        return None
    titles = [p for p in lines[:-1] if not p.text.startswith("(")]
    if not any(is_upper(p.text) or authority_prefix(p.text) for p in titles):
        return None
    return Signer(titles, lines[-1])


def _signers(paras: list[Para], layout: Layout, start: int) -> list[Signer]:
    # A paper of several sections (the score sheets, one per member) repeats its header
    # table on each: a table holding the Quốc hiệu is a header, never a signature.
    headers = {p.table for p in paras if p.table is not None and is_national(p.text)}
    cells: dict[int, list[Para]] = {}
    for para in paras:
        if (para.table is not None and para.table not in headers and para.block > start
                and para.text):
            cells.setdefault(id(para.cell), []).append(para)
    found = []
    for lines in cells.values():
        # _signer needs two lines: most cells hold one and are passed over at once
        if len(lines) > 1 and not any(is_recipients_head(p.text) for p in lines):
            signer = _signer(lines)
            if signer is not None:
                found.append(signer)
    if found:
        return found
    tail = _tail_signer(paras, layout, start)
    return [tail] if tail is not None else []


def _tail_signer(paras: list[Para], layout: Layout, start: int) -> Signer | None:
    """A signer typed as the last paragraphs of the document (no table)."""
    skip = {id(p) for p in [layout.recipients_head, *layout.recipients] if p is not None}
    lines = [p for p in paras if p.table is None and p.block > start and p.text
             and id(p) not in skip]
    if not lines or not _name_like(lines[-1].text):
        return None
    titles: list[Para] = []
    for para in reversed(lines[:-1]):
        if not (is_upper(para.text) or authority_prefix(para.text)):
            break
        titles.insert(0, para)
    return _signer([*titles, lines[-1]])


def _recipients(layout: Layout, paras: list[Para], start: int) -> None:
    for index, para in enumerate(paras):
        if para.block > start and is_recipients_head(para.text):
            layout.recipients_head = para
            layout.recipients = _recipient_lines(paras[index + 1:], para)
            return


def _recipient_lines(rest: list[Para], head: Para) -> list[Para]:
    lines: list[Para] = []
    for para in rest:
        if head.cell is not None:
            if para.cell is not head.cell:
                break
            if para.text:
                lines.append(para)
            continue
        if para.table is not None or (not para.text and lines):
            break
        if para.text:
            lines.append(para)
    return lines


# --------------------------------------------------------------------------- body


def _title_like(para: Para, resolver: Resolver) -> bool:
    """Kính gửi lines and centred titles or notes, which body rules do not cover."""
    text = para.text
    if text.startswith("Kính gửi"):
        return True
    if resolver.paragraph(para.paragraph).alignment != "center":
        return False
    runs = resolver.formats(para.paragraph, para.reading)
    return is_upper(text) or text.startswith("(") or all(r.bold for r in runs)


def _body(layout: Layout, paras: list[Para], resolver: Resolver, start: int, end: int) -> None:
    for para in paras:
        if para.table is not None or not start < para.block < end or not para.text:
            continue
        if ROMAN_HEADING.match(para.text):
            layout.headings.append(para)
        elif len(para.text) >= rules.BODY_MIN_CHARS and not _title_like(para, resolver):
            layout.body.append(para)


def _body_end(layout: Layout, start: int) -> int:
    blocks = [s.titles[0].block if s.titles else s.name.block for s in layout.signers]
    if layout.recipients_head is not None:
        blocks.append(layout.recipients_head.block)
    return min([b for b in blocks if b > start], default=1 << 30)


# --------------------------------------------------------------------------- layout


def _header(paras: list[Para]) -> tuple[Layout, int | None]:
    layout = Layout(rules.DEFAULT_KIND)
    end = _header_from_table(layout, paras)
    if end is None:
        layout = Layout(rules.DEFAULT_KIND)
        end = _header_from_paragraphs(layout, paras)
    layout.issuer = [p for p in layout.issuer if not p.text.startswith("V/v")]
    return layout, end


def read_layout(paras: list[Para], resolver: Resolver) -> Layout:
    """Find the Decree 30 parts among the paragraphs of `read_paragraphs`."""
    layout, header_end = _header(paras)
    appendix = header_end is None and _is_appendix(paras)
    layout.title = _find_title(paras, -1 if header_end is None else header_end)
    layout.profile = profile_of(layout.title, appendix)
    _issuer_lines(layout, resolver)
    start = -1 if header_end is None else header_end
    if layout.title is not None:
        layout.summary = _summary(paras, layout.title, resolver)
        start = (layout.summary or [layout.title])[-1].block
    _recipients(layout, paras, start)
    layout.signers = _signers(paras, layout, start)
    _body(layout, paras, resolver, start, _body_end(layout, start))
    return layout
