"""The linter reads an open python-docx Document as it reads the file's bytes (`lint_counting`
takes either): the same findings and fill-in markers on every sample document and on
documents that fail; and the build checks the bytes it rendered as they are, however large.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Mm, Pt

from docgen import build
from docgen.check import lint_counting
from docgen.check.findings import format_finding
from docgen.templates import load
from tests.conftest import SAMPLE


def _pairs() -> list[tuple[str, bytes]]:
    """(name, bytes) of each document of the sample's year."""
    checked = build.check(SAMPLE)
    made: list[tuple[str, bytes]] = []
    for kind in build.select_kinds(None):
        for rendition in kind.renditions(checked.book, checked.outcome):
            template = load(kind, None, set(rendition.context))
            made.append((f"{kind.code}:{rendition.part}",
                         template.render(rendition.context, rendition.page_mm)))
    return made


def _words(found: tuple[list[object], int]) -> tuple[list[str], int]:
    return [format_finding(f) for f in found[0]], found[1]  # type: ignore[arg-type]


def test_every_sample_document_draws_the_same_findings_from_a_document() -> None:
    pairs = _pairs()
    assert len(pairs) == 14
    for name, data in pairs:
        document = docx.Document(io.BytesIO(data))
        assert _words(lint_counting(document)) == _words(lint_counting(data)), name


BREAKS = {
    "lề": lambda d: setattr(d.sections[0], "left_margin", Mm(20)),
    "khổ giấy": lambda d: setattr(d.sections[0], "page_width", Mm(216)),
    "phông": lambda d: [setattr(r.font, "name", "Arial") for p in d.paragraphs[:8]
                        for r in p.runs],
    "cỡ chữ": lambda d: [setattr(r.font, "size", Pt(11)) for p in d.paragraphs
                         for r in p.runs],
    "tiêu đề": lambda d: d.paragraphs[2]._element.getparent().remove(d.paragraphs[2]._element),
}


@pytest.mark.parametrize("change", sorted(BREAKS))
def test_a_failing_document_draws_the_same_findings_from_a_document(change: str) -> None:
    name, data = next(p for p in _pairs() if p[0].startswith("to-trinh"))
    document = docx.Document(io.BytesIO(data))
    BREAKS[change](document)
    buffer = io.BytesIO()
    document.save(buffer)
    in_memory, from_file = _words(lint_counting(document)), _words(lint_counting(buffer.getvalue()))
    assert in_memory == from_file, (name, change)
    assert any(line.startswith("[lỗi]") for line in from_file[0]), change  # it does fail


def test_a_rendered_document_past_the_limits_for_a_users_file_is_still_checked(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large cluster's score sheet holds more XML than docgen reads of a user's file: the
    build checks the bytes it rendered as they are; the same file given as a path (a
    user's file) is refused by the guard with its size."""
    from dataclasses import replace
    from pathlib import Path

    from docgen.check import DocumentUnreadable, engine, lint

    _, data = next(p for p in _pairs() if p[0].startswith("to-trinh"))
    small = replace(engine.DOCX, max_xml_bytes=1000)
    monkeypatch.setattr(engine, "DOCX", small)
    found, _ = lint_counting(data)
    assert not [f for f in found if f.severity == "error"]
    path = Path(str(tmp_path)) / "to-trinh.docx"
    path.write_bytes(data)
    with pytest.raises(DocumentUnreadable, match="quá lớn: phần dữ liệu chiếm"):
        lint(path)
