"""Turn the end of a document into findings: the signature blocks (quyền hạn, chức vụ,
name) and the Nơi nhận list with its closing "Lưu" line."""

from __future__ import annotations

import re

from docgen.check import rules
from docgen.check.findings import Finding, finding
from docgen.check.looks import Look, look_findings
from docgen.check.resolve import Resolver
from docgen.check.structure import AUTHORITY, Layout, Para, Signer

END = "cuối văn bản"
AUTHORITY_LOOK = Look(size=rules.SIGNATURE_SIZE, bold=True, italic=False, upper=True)
NAME_LOOK = Look(size=rules.SIGNATURE_SIZE, bold=True, italic=False, upper=False)
HEAD_LOOK = Look(size=rules.RECIPIENTS_HEAD_SIZE, bold=True, italic=True)
LINE_LOOK = Look(size=rules.RECIPIENTS_SIZE, italic=False)
HEAD_TEXT = "Nơi nhận:"
ARCHIVE = re.compile(r"^- Lưu: \S.*\.$")
ARCHIVE_EXAMPLE = "«- Lưu: VT, <đơn vị soạn thảo>.»"
PREFIXES_EXPECTED = "«TM.», «KT.», «Q.», «TL.», «TUQ.» rồi một dấu cách"


def check_signatures(layout: Layout, resolver: Resolver) -> list[Finding]:
    """Findings of signature.authority and signature.name; none for a kind that is never
    signed (a ballot), whose upper-case lines over a name-like line are another ballot's
    header, not a signer."""
    if not layout.profile.signature:
        return []
    if not layout.signers:
        return [finding("signature.name", END,
                        "không tìm thấy khối chữ ký (chức vụ và họ tên người ký)")]
    out: list[Finding] = []
    for signer in layout.signers:
        out += _signer(signer, resolver)
    return out


def _signer(signer: Signer, resolver: Resolver) -> list[Finding]:
    out: list[Finding] = []
    for para in signer.titles:
        out += _prefix(para)
        out += look_findings("signature.authority", para, resolver, AUTHORITY_LOOK)
    name = signer.name
    first = name.text.split()[0]
    if first in rules.ACADEMIC_TITLES:
        out.append(finding("signature.name", name.where, f"có học hàm, học vị «{first}»",
                           "chỉ ghi họ và tên, không ghi học hàm, học vị"))
    return out + look_findings("signature.name", name, resolver, NAME_LOOK)


def _prefix(para: Para) -> list[Finding]:
    """A quyền hạn abbreviation must be written "TM. ", "KT. " … (upper case, dot, space)."""
    match = AUTHORITY.match(para.text)
    if match is None:
        return []
    if para.text.startswith(tuple(f"{p} " for p in rules.AUTHORITY_PREFIXES)):
        return []
    return [finding("signature.authority", para.where,
                    f"viết tắt quyền hạn «{match.group(0)}»", PREFIXES_EXPECTED)]


def check_recipients(layout: Layout, resolver: Resolver) -> list[Finding]:
    """Findings of recipients.head, recipients.list and recipients.archive."""
    head = layout.recipients_head
    if head is None:
        if not layout.profile.recipients:
            return []
        return [finding("recipients.head", END, "không có phần «Nơi nhận:»")]
    out = []
    if head.text != HEAD_TEXT:
        out.append(finding("recipients.head", head.where, f"«{head.text}»", f"«{HEAD_TEXT}»"))
    out += look_findings("recipients.head", head, resolver, HEAD_LOOK)
    lines = layout.recipients
    if not lines:
        return [*out, finding("recipients.list", head.where,
                              "không có nơi nhận nào dưới «Nơi nhận:»")]
    for para in lines[:-1]:
        out += _list_line(para)
    for para in lines:
        out += look_findings("recipients.list", para, resolver, LINE_LOOK)
    return out + _archive(lines[-1])


def _list_line(para: Para) -> list[Finding]:
    out = []
    if not para.text.startswith("- "):
        out.append(finding("recipients.list", para.where, "đầu dòng không có «- »",
                           "đầu dòng có gạch đầu dòng «- »"))
    if not para.text.endswith(";"):
        out.append(finding("recipients.list", para.where, "cuối dòng không có «;»",
                           "cuối dòng có dấu chấm phẩy «;»"))
    return out


def _archive(para: Para) -> list[Finding]:
    if ARCHIVE.match(para.text):
        return []
    return [finding("recipients.archive", para.where, f"dòng cuối «{para.text}»",
                    f"dòng cuối {ARCHIVE_EXAMPLE}")]
