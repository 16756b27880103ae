"""Turn a .docx (path, bytes or open Document) into its Decree 30 findings, in rule order."""

from __future__ import annotations

import gc
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from docgen.check import fillin
from docgen.check.body import check_body
from docgen.check.closing import check_recipients, check_signatures
from docgen.check.findings import Finding, format_finding, merge
from docgen.check.header import check_header, check_title
from docgen.check.page import PageParts, check_page, check_page_numbers
from docgen.check.reading import body_table_sources
from docgen.check.resolve import Resolver
from docgen.check.rules import RULES
from docgen.check.structure import read_layout, read_paragraphs
from docgen.check.text import check_text, page_parts
from docgen.errors import DocgenError, FormatCheckFailed
from docgen.zipguard import DOCX, PackageRefused, read_package


class DocumentUnreadable(DocgenError):
    """The file to check is missing, unreadable, or not a Word .docx document."""


def open_document(source: Path | bytes) -> Document:
    """Open a .docx from a path or bytes; raise DocumentUnreadable with a Vietnamese message.

    A path is a user's file and passes docgen.zipguard first (a regular file, a sound zip
    within the size limits, XML without a DTD and not too deep); bytes are a document docgen
    rendered, read as they are: a shipped template's output is as large as the workbook's
    data makes it (a 1 000-member cluster's score sheet holds 44 MB of XML, past the limits
    for a user's file), and a user template's output passed docgen.zipguard when rendered.
    """
    return _opened(*_package(source))


def _package(source: Path | bytes) -> tuple[str, bytes]:
    """The name `open_document` gives `source` in its messages, and its bytes (a path's
    read through docgen.zipguard)."""
    name = f"{source}" if isinstance(source, Path) else "(dữ liệu trong bộ nhớ)"
    try:
        data = read_package(source, name, "tệp", DOCX) if isinstance(source, Path) else source
    except PackageRefused as exc:
        raise DocumentUnreadable(str(exc)) from exc
    return name, data


def _opened(name: str, data: bytes) -> Document:
    """The python-docx Document of the .docx `data` named `name` (see `open_document`)."""
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise DocumentUnreadable(
            f"Tệp '{name}' không phải là văn bản Word .docx hoặc đã hỏng.") from exc


def lint(source: Path | bytes, *, final: bool = False) -> list[Finding]:
    """Check a .docx (path or bytes) against Decree 30; return its findings, errors and
    warnings, in rule order. Raise DocumentUnreadable when it cannot be opened.

    A fill-in marker left ("[Bổ sung: …]") is an error in a `final` document (one to sign
    and send: `docgen lint`) and a warning in a draft (every build until finalized)."""
    return _read_and_checked(source, final)[0]


def lint_document(document: Document, *, final: bool = False) -> list[Finding]:
    """Check an open python-docx Document against Decree 30; return its findings (`final`
    as for `lint`)."""
    return _checked(document, final)[0]


def lint_counting(source: Path | bytes | Document) -> tuple[list[Finding], int]:
    """A draft's findings (as `lint`) and how many fill-in markers it holds (as
    `count_fill_ins`), from one reading of the document: what a build needs of each. A
    Document is read as it is, not opened again."""
    if isinstance(source, Document):
        return _checked(source, False)
    return _read_and_checked(source, False)


def _read_and_checked(source: Path | bytes, final: bool) -> tuple[list[Finding], int]:
    """`_checked` of the document at `source`, opened with the collector paused too (what
    opening makes lives until the check ends)."""
    with _collector_paused():
        name, data = _package(source)
        return _checked(_opened(name, data), final, data)


def _checked(document: Document, final: bool,
             data: bytes | None = None) -> tuple[list[Finding], int]:
    """The findings and fill-in count of `document`; `data` is its package's bytes when
    known (repeated tables are then keyed by their stored XML, `_table_sources`)."""
    with _collector_paused():
        return _checked_now(document, final,
                            None if data is None else partial(_table_sources, data, document))


def _table_sources(data: bytes, document: Document) -> list[bytes] | None:
    """`reading.body_table_sources` of the document part stored in the package `data` of
    `document`; None when it cannot be read again."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = package.read(document.part.partname.lstrip("/"))
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError, EOFError):
        return None
    return body_table_sources(xml, document)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is checked.

    Why: the check makes tens of thousands of small objects (a record per paragraph and
    cell) that all live until it returns; the collector would walk them again and again
    (a third of the time on a 300-member score sheet). It runs again afterwards, as it
    was; reference counting frees what it can meanwhile."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _checked_now(document: Document, final: bool,
                 sources: Callable[[], list[bytes] | None] | None
                 ) -> tuple[list[Finding], int]:
    resolver = Resolver(document)
    paras = read_paragraphs(document, sources)
    layout = read_layout(paras, resolver)
    pages = PageParts(list(document.sections))
    everywhere = paras + page_parts(document, pages)
    markers = fillin.check_fill_ins(everywhere)  # one finding per marker: the count
    found = check_page(document, layout.profile) + check_text(everywhere, resolver)
    found += markers
    found += check_header(layout, paras, resolver) + check_title(layout, resolver)
    found += check_body(layout, resolver)
    found += check_signatures(layout, resolver) + check_recipients(layout, resolver)
    found += check_page_numbers(document, resolver, layout.profile, pages)
    order = {rule.id: index for index, rule in enumerate(RULES)}
    found = found if final else fillin.as_drafted(found)
    return sorted(merge(found), key=lambda f: order[f.rule_id]), len(markers)


def count_fill_ins(source: Path | bytes) -> int:
    """How many fill-in markers ("[Bổ sung: …]") a .docx still holds, page headers and
    footers included. Raise DocumentUnreadable when it cannot be opened."""
    name, data = _package(source)
    document = _opened(name, data)  # an unreadable document is refused, marker or not
    if not may_hold_fill_ins(data):
        return 0
    return fillin.count(read_paragraphs(document) + page_parts(document))


def may_hold_fill_ins(data: bytes) -> bool:
    """Whether the .docx `data` might hold a fill-in marker: False only when no member of
    the package holds the byte "[" (which every marker opens with, in any encoding an XML
    part may have) or a character reference (which could write one), so that no text of
    it can. A package that is no zip might: `count_fill_ins` will say why it is unreadable.

    Why: most documents hold none, and this is a byte search where reading every
    paragraph of a 300-member score sheet takes 1.8 s; a build without the check
    (--no-lint) asks before opening the documents it has just rendered, which open as
    their templates did (opening that score sheet takes 0.3 s more)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return any(b"[" in part or b"&#" in part
                       for part in map(package.read, package.infolist()))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        return True


def ensure_conforms(source: Path | bytes, *, final: bool = False) -> list[Finding]:
    """Lint and raise FormatCheckFailed listing the errors; return the warnings otherwise."""
    findings = lint(source, final=final)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        lines = [f"Văn bản sai thể thức Nghị định 30/2020/NĐ-CP ({len(errors)} lỗi):"]
        lines += [f"  - {format_finding(f)}" for f in errors]
        raise FormatCheckFailed("\n".join(lines))
    return findings
