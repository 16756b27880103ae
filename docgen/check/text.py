"""Turn every paragraph of a document (page headers and footers included) into findings of
the document-wide rules: Times New Roman, black, no template tags, no "None"/"nan", NFC."""

from __future__ import annotations

import re
import unicodedata

from docx.document import Document

from docgen.check import rules
from docgen.check.findings import Finding, finding
from docgen.check.page import page_paragraphs, section_suffix
from docgen.check.resolve import Resolver, RunFormat
from docgen.check.structure import Para, read_para

# Theme colours that are black in every stock Office theme.
BLACK_THEMES = ("theme:text1", "theme:dark1")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\}\}|\{%|%\}")
NONE_WORD = re.compile(r"(?<![\w.])(None|NaN|nan)(?![\w])(?P<next>\s+\w+)?")
_PARTS = (("header", "đầu trang"), ("first_page_header", "đầu trang thứ nhất"),
          ("footer", "chân trang"), ("first_page_footer", "chân trang thứ nhất"))


def page_parts(document: Document) -> list[Para]:
    """The paragraphs of every page header and footer a section defines, with their place."""
    sections = list(document.sections)
    paras: list[Para] = []
    for index, section in enumerate(sections):
        for attr, words in _PARTS:
            part = getattr(section, attr)
            if part.is_linked_to_previous:  # shows another section's part, read there
                continue
            where = words + section_suffix(index, len(sections))
            read = [read_para(p, where, -1) for p in page_paragraphs(part)]
            paras += [para for para in read if para.raw.strip()]
    return paras


def check_text(paras: list[Para], resolver: Resolver) -> list[Finding]:
    """Findings of font.family, font.color and the text.* rules."""
    out: list[Finding] = []
    for para in paras:
        runs = resolver.formats(para.paragraph, para.reading)
        out += _fonts(para, runs) + _colors(para, runs) + _text(para)
    return out


def _fonts(para: Para, runs: list[RunFormat]) -> list[Finding]:
    names = {name for run in runs for name in run.fonts if name != rules.FONT_NAME}
    return [finding("font.family", para.where,
                    "không khai báo phông chữ" if name is None else f"phông {name}",
                    f"phông {rules.FONT_NAME}")
            for name in sorted(names, key=lambda n: n or "")]


def _colors(para: Para, runs: list[RunFormat]) -> list[Finding]:
    bad = {run.color for run in runs
           if run.color.lower() not in rules.BLACK and run.color not in BLACK_THEMES}
    return [finding("font.color", para.where, _color_words(color), "màu đen")
            for color in sorted(bad)]


def _color_words(color: str) -> str:
    if color.startswith("theme:"):
        return f"màu chủ đề {color.removeprefix('theme:')}"
    return f"màu #{color}"


def _text(para: Para) -> list[Finding]:
    text = para.raw
    out = []
    tag = TAG.search(text)
    if tag:
        out.append(finding("text.leftover-tag", para.where, f"còn thẻ mẫu «{tag.group(0)}»"))
    for match in NONE_WORD.finditer(text):
        follower = (match["next"] or "").strip().lower()
        if match.group(1) == "nan" and follower in rules.NAN_WORDS:
            continue
        out.append(finding("text.none", para.where, f"có chữ «{match.group(1)}»"))
        break
    if not unicodedata.is_normalized("NFC", text):
        out.append(finding("text.nfc", para.where, f"chữ chưa chuẩn hóa NFC: "
                           f"«{_first_unnormalized(text)}»"))
    return out


def _first_unnormalized(text: str) -> str:
    for word in text.split():
        if not unicodedata.is_normalized("NFC", word):
            return word
    return text
