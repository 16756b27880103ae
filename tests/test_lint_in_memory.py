"""A build checks a document docxtpl rendered from the Document the renderer saved it from
(`Template.render_document`), not by opening its bytes again: the findings must be those
of `docgen lint` on the file, on every sample document and on documents that fail.
Documents the prepared renderer writes (every shipped template's) have no Document: they
are checked from their bytes."""

from __future__ import annotations

import io

import pytest
from docx.shared import Mm, Pt

from docgen import build
from docgen.check import lint_counting
from docgen.check.findings import format_finding
from docgen.render import Template
from docgen.templates import load
from tests.conftest import SAMPLE


@pytest.fixture
def docxtpl_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every shipped template rendered through docxtpl (no prepared renderer)."""
    monkeypatch.setattr(Template, "_fast", lambda self: None)


def _pairs() -> list[tuple[str, bytes, object]]:
    """(name, bytes, Document or None) of each document of the sample's year."""
    checked = build.check(SAMPLE)
    made: list[tuple[str, bytes, object]] = []
    for kind in build.select_kinds(None):
        for rendition in kind.renditions(checked.book, checked.outcome):
            template = load(kind, None, set(rendition.context))
            data, document = template.render_document(rendition.context, rendition.page_mm)
            made.append((f"{kind.code}:{rendition.part}", data, document))
    return made


def _words(found: tuple[list[object], int]) -> tuple[list[str], int]:
    return [format_finding(f) for f in found[0]], found[1]  # type: ignore[arg-type]


def test_no_shipped_template_is_handed_over_as_a_document() -> None:
    pairs = _pairs()
    assert len(pairs) == 14
    assert [name for name, _, document in pairs if document is not None] == []


@pytest.mark.usefixtures("docxtpl_only")
def test_every_sample_document_draws_the_same_findings_in_memory() -> None:
    pairs = _pairs()
    assert len(pairs) == 14
    for name, data, document in pairs:
        assert document is not None, name
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


@pytest.mark.usefixtures("docxtpl_only")
@pytest.mark.parametrize("change", sorted(BREAKS))
def test_a_failing_document_draws_the_same_findings_in_memory(change: str) -> None:
    name, _, document = next(p for p in _pairs() if p[0].startswith("to-trinh"))
    BREAKS[change](document)
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    in_memory, from_file = _words(lint_counting(document)), _words(lint_counting(buffer.getvalue()))
    assert in_memory == from_file, (name, change)
    assert any(line.startswith("[lỗi]") for line in from_file[0]), change  # it does fail


def test_a_user_template_renders_in_a_child_and_is_checked_from_its_bytes(
        tmp_path: object) -> None:
    from pathlib import Path

    from docgen.documents import KINDS
    from docgen.render import SHIPPED

    kind = KINDS["to-trinh"]
    folder = Path(str(tmp_path))
    (folder / kind.template).write_bytes((SHIPPED / kind.template).read_bytes())
    template = Template.load(folder / kind.template)
    checked = build.check(SAMPLE)
    rendition = kind.renditions(checked.book, checked.outcome)[0]
    data, document = template.render_document(rendition.context, rendition.page_mm)
    assert document is None and data.startswith(b"PK")


def test_a_rendered_document_past_the_limits_for_a_users_file_is_still_checked(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large cluster's score sheet holds more XML than docgen reads of a user's file: the
    build checks the bytes it rendered as they are; the same file given as a path (a
    user's file) is refused by the guard with its size."""
    from dataclasses import replace
    from pathlib import Path

    from docgen.check import DocumentUnreadable, engine, lint

    _, data, _ = next(p for p in _pairs() if p[0].startswith("to-trinh"))
    small = replace(engine.DOCX, max_xml_bytes=1000)
    monkeypatch.setattr(engine, "DOCX", small)
    found, _ = lint_counting(data)
    assert not [f for f in found if f.severity == "error"]
    path = Path(str(tmp_path)) / "to-trinh.docx"
    path.write_bytes(data)
    with pytest.raises(DocumentUnreadable, match="quá lớn: phần dữ liệu chiếm"):
        lint(path)
