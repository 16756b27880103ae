"""Turn the header and title of a document into findings: Quốc hiệu, Tiêu ngữ and its rule,
issuer, "Số:" line, place-date line, kind of document and trích yếu."""

from __future__ import annotations

import re
from datetime import date

from docgen import decree30 as d30
from docgen import vi
from docgen.check import ooxml, rules
from docgen.check.findings import Finding, finding
from docgen.check.looks import Look, look_findings
from docgen.check.resolve import Resolver, style_chain
from docgen.check.structure import DATE_LINE, Layout, Para
from docgen.check.words import clean

NATIONAL = d30.NATIONAL
NATIONAL_OLD = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # the decree's own Mục V spelling
MOTTO = d30.MOTTO
TOP = "đầu văn bản"
# "Số: 05/BC-CTĐ", "Số: 15/2020/NĐ-CP", or a number left blank for the văn thư.
NUMBER = re.compile(r"^Số:[ \u00a0](?:(?:0[1-9]|[1-9]\d+)(?:/\d{4})?|[ \u00a0]*)"
                    r"/[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*$")
SINGLE_DIGIT = re.compile(r"^Số:\s*(?P<n>[1-9])(?=/)")
MOTTO_RULE_SCAN = 2  # paragraphs under the Tiêu ngữ that may carry its rule

NATIONAL_LOOK = Look(size=rules.NATIONAL_SIZE, bold=True, italic=False, upper=True)
MOTTO_LOOK = Look(size=rules.MOTTO_SIZE, bold=True, italic=False, align="center")
ISSUER_LOOK = Look(size=rules.ISSUER_SIZE, bold=True, italic=False, upper=True)
NUMBER_LOOK = Look(size=rules.NUMBER_SIZE, italic=False)
DATE_LOOK = Look(size=rules.DATE_SIZE, italic=True)
KIND_LOOK = Look(size=rules.TITLE_SIZE, bold=True, italic=False, upper=True, align="center")
SUMMARY_LOOK = Look(size=rules.TITLE_SIZE, bold=True, italic=False, align="center")


def check_header(layout: Layout, paras: list[Para], resolver: Resolver) -> list[Finding]:
    """Findings of the header.* rules (none for an appendix, which has no header)."""
    if not layout.profile.header:
        return []
    out = _national(layout, resolver) + _motto(layout, paras, resolver)
    out += _issuer(layout, resolver)
    # A component the kind of document may lack is still checked when it is there.
    if layout.profile.number or layout.number is not None:
        out += _number(layout, resolver)
    if layout.profile.date or layout.date is not None:
        out += _date(layout, resolver)
    return out


def _national(layout: Layout, resolver: Resolver) -> list[Finding]:
    para = layout.national
    if para is None:
        return [finding("header.national-title", TOP, f"không có Quốc hiệu «{NATIONAL}»")]
    out = []
    if para.text not in (NATIONAL, NATIONAL_OLD):
        out.append(finding("header.national-title", para.where, f"«{para.text}»",
                           f"«{NATIONAL}»"))
    return out + look_findings("header.national-title", para, resolver, NATIONAL_LOOK)


def _motto(layout: Layout, paras: list[Para], resolver: Resolver) -> list[Finding]:
    para = layout.motto
    if para is None:
        return [finding("header.motto", TOP, f"không có Tiêu ngữ «{MOTTO}»")]
    out = []
    if para.text != MOTTO:
        out.append(finding("header.motto", para.where, f"«{para.text}»", f"«{MOTTO}»"))
    out += look_findings("header.motto", para, resolver, MOTTO_LOOK)
    anchored = layout.national is not None and ooxml.has_drawn_line(layout.national.paragraph)
    if not (anchored or _has_rule_under(para, paras)):
        out.append(finding("header.motto-rule", para.where,
                           "không có đường kẻ dưới Tiêu ngữ"))
    return out


def _has_rule_under(motto: Para, paras: list[Para]) -> bool:
    """A bottom border or a drawn line on the Tiêu ngữ or the next paragraphs of its place."""
    index = next(i for i, p in enumerate(paras) if p is motto)
    same_place = [p for p in paras[index + 1:]
                  if p.cell is motto.cell and (p.table is not None or p.block <= motto.block + 3)]
    for para in [motto, *same_place[:MOTTO_RULE_SCAN]]:
        if _bottom_border(para) or ooxml.has_drawn_line(para.paragraph):
            return True
    return False


def _bottom_border(para: Para) -> bool:
    """A paragraph bottom border, set directly or by the paragraph's style chain."""
    levels = [para.paragraph.paragraph_format.element]
    levels += [style.element for style in style_chain(para.paragraph.style)]
    for element in levels:
        value = ooxml.bottom_border(ooxml.child(element, "w:pPr"))
        if value is not None:
            return value
    return False


def _issuer(layout: Layout, resolver: Resolver) -> list[Finding]:
    if not layout.issuer:
        return [finding("header.issuer", TOP, "không có tên cơ quan ban hành")]
    out: list[Finding] = []
    for para in layout.issuer:
        out += look_findings("header.issuer", para, resolver, ISSUER_LOOK)
    return out


def _number(layout: Layout, resolver: Resolver) -> list[Finding]:
    para = layout.number
    if para is None:
        return [finding("header.number", TOP, "không có dòng «Số: …»")]
    text = para.raw.strip()
    out = []
    if not NUMBER.match(text):
        out.append(_number_pattern(para, text))
    return out + look_findings("header.number", para, resolver, NUMBER_LOOK)


def _number_pattern(para: Para, text: str) -> Finding:
    single = SINGLE_DIGIT.match(text)
    if single:
        fixed = f"Số: 0{single['n']}" + text[single.end():]
        return finding("header.number", para.where,
                       f"«{clean(text)}»: số nhỏ hơn 10 chưa có số 0 phía trước", f"«{fixed}»")
    return finding("header.number", para.where, f"«{clean(text)}»")


def _date(layout: Layout, resolver: Resolver) -> list[Finding]:
    para = layout.date
    if para is None:
        return [finding("header.date-line", TOP, "không có dòng địa danh, ngày tháng năm")]
    out = []
    problem = _date_problem(para.text)
    if problem is not None:
        out.append(finding("header.date-line", para.where, *problem))
    return out + look_findings("header.date-line", para, resolver, DATE_LOOK)


def _date_problem(text: str) -> tuple[str, str] | None:
    """(found, expected) when the line is not "<Place>, ngày DD tháng M năm YYYY"."""
    match = DATE_LINE.match(text)
    if match is None:
        return f"«{text}»", rules.BY_ID["header.date-line"].expected
    place, day, month, year = (match[k] for k in ("place", "d", "m", "y"))
    when = _real_date(day, month, year)
    if when is None:
        return f"«{text}»: không phải ngày hợp lệ", rules.BY_ID["header.date-line"].expected
    if not place or not place[0].isupper():
        return f"«{text}»: địa danh chưa viết hoa chữ cái đầu", "địa danh viết hoa chữ cái đầu"
    ideal = vi.date_line(place, when)
    return None if text == ideal else (f"«{text}»", f"«{ideal}»")


def _real_date(day: str, month: str, year: str) -> date | None:
    if not (day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4):
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def check_title(layout: Layout, resolver: Resolver) -> list[Finding]:
    """Findings of title.kind and title.summary."""
    if layout.title is None:
        return [finding("title.kind", TOP, "không tìm thấy tên loại văn bản (chữ in hoa, "
                        "canh giữa, dưới phần đầu văn bản)")]
    out = look_findings("title.kind", layout.title, resolver, KIND_LOOK)
    if not layout.summary:
        out.append(finding("title.summary", layout.title.where,
                           "không có trích yếu ngay dưới tên loại"))
    for para in layout.summary:
        out += look_findings("title.summary", para, resolver, SUMMARY_LOOK)
    return out
