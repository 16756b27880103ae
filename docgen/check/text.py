"""Turn every paragraph of a document (page headers and footers included) into findings of
the document-wide rules: Times New Roman, black, no template tags, no "None"/"nan", NFC."""

from __future__ import annotations

import re
import unicodedata

from docx.document import Document

from docgen.check import rules
from docgen.check.findings import Finding, finding
from docgen.check.page import PageParts, section_suffix
from docgen.check.reading import Reading
from docgen.check.resolve import Resolver, RunFormat
from docgen.check.structure import Para, read_para

# Theme colours that are black in every stock Office theme.
BLACK_THEMES = ("theme:text1", "theme:dark1")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\}\}|\{%|%\}")
NONE_WORD = re.compile(r"(?<![\w.])(None|NaN|nan)(?![\w])(?P<next>\s+\w+)?")
_PARTS = (("header", "đầu trang"), ("first_page_header", "đầu trang thứ nhất"),
          ("footer", "chân trang"), ("first_page_footer", "chân trang thứ nhất"))


def page_parts(document: Document, pages: PageParts | None = None) -> list[Para]:
    """The paragraphs of every page header and footer a section defines, with their place
    (`pages`: the document's PageParts when the caller has it already)."""
    pages = PageParts(list(document.sections)) if pages is None else pages
    total = len(pages.sections)
    paras: list[Para] = []
    for index in range(total):
        for attr, words in _PARTS:
            if pages.linked(index, attr):  # shows another section's part, read there
                continue
            where = words + section_suffix(index, total)
            read = [read_para(p, where, -1) for p in pages.paragraphs(index, attr)]
            paras += [para for para in read if para.raw.strip()]
    return paras


def check_text(paras: list[Para], resolver: Resolver) -> list[Finding]:
    """Findings of font.family, font.color and the text.* rules."""
    out: list[Finding] = []
    # What is wrong with a paragraph's fonts and colours depends on its runs' formats
    # alone, and the formats of a document's runs are a few shared objects: worked out
    # once per combination (by the formats' ids; the resolver keeps them alive).
    # The text rules likewise depend on the text alone (many cells read the same).
    # Paragraphs read as one (`structure.read_paragraphs` reads a repeated table once)
    # share their Reading, so its formats and text: their problems are found once.
    looks: dict[tuple[int, ...], list[tuple[str, str, str | None]]] = {}
    texts: dict[str, list[tuple[str, str, str | None]]] = {}
    by_reading: dict[int, tuple[Reading, list[tuple[str, str, str | None]]]] = {}
    for para in paras:
        read = para.reading
        known = by_reading.get(id(read))
        if known is None:
            runs = resolver.formats(para.paragraph, read)
            key = tuple(map(id, runs))
            problems = looks.get(key)
            if problems is None:
                problems = looks[key] = [*_fonts(runs), *_colors(runs)]
            wrong = texts.get(para.raw)
            if wrong is None:
                wrong = texts[para.raw] = _text(para.raw)
            known = by_reading[id(read)] = (read, [*problems, *wrong])
        if known[1]:
            out += [finding(rule, para.where, found, expected)
                    for rule, found, expected in known[1]]
    return out


def _fonts(runs: list[RunFormat]) -> list[tuple[str, str, str | None]]:
    names = {name for run in runs for name in run.fonts if name != rules.FONT_NAME}
    return [("font.family", "không khai báo phông chữ" if name is None else f"phông {name}",
             f"phông {rules.FONT_NAME}")
            for name in sorted(names, key=lambda n: n or "")]


def _colors(runs: list[RunFormat]) -> list[tuple[str, str, str | None]]:
    bad = {run.color for run in runs
           if run.color.lower() not in rules.BLACK and run.color not in BLACK_THEMES}
    return [("font.color", _color_words(color), "màu đen") for color in sorted(bad)]


def _color_words(color: str) -> str:
    if color.startswith("theme:"):
        return f"màu chủ đề {color.removeprefix('theme:')}"
    return f"màu #{color}"


def _text(text: str) -> list[tuple[str, str, str | None]]:
    """(rule, found, expected) of the text.* rules a paragraph's text breaks."""
    out: list[tuple[str, str, str | None]] = []
    tag = TAG.search(text)
    if tag:
        out.append(("text.leftover-tag", f"còn thẻ mẫu «{tag.group(0)}»", None))
    for match in NONE_WORD.finditer(text):
        follower = (match["next"] or "").strip().lower()
        if match.group(1) == "nan" and follower in rules.NAN_WORDS:
            continue
        out.append(("text.none", f"có chữ «{match.group(1)}»", None))
        break
    if not unicodedata.is_normalized("NFC", text):
        out.append(("text.nfc", f"chữ chưa chuẩn hóa NFC: «{_first_unnormalized(text)}»", None))
    return out


def _first_unnormalized(text: str) -> str:
    for word in text.split():
        if not unicodedata.is_normalized("NFC", word):
            return word
    return text
