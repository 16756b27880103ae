"""The renderer's shortcuts give the documents docxtpl's full passes give, byte for byte:
docxtpl's tab/line-break rewrite (`resolve_listing`) is skipped when no text holds such a
character, and the package is written once with fixed stamps instead of saved and rezipped."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from docxtpl import DocxTemplate  # type: ignore[import-untyped,unused-ignore]

from docgen import build, render
from docgen.files import rezip
from docgen.rules import outcome


@pytest.fixture(params=["sample", "khanh_hoa", "can_tho"])
def checked(request: pytest.FixtureRequest) -> build.Checked:
    if request.param == "sample":
        return build.check(build.SAMPLE)
    book = request.getfixturevalue(f"{request.param}_book")
    return build.Checked(book, outcome(book))


def _full_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The renderer as it was: docxtpl's own resolve_listing on every part, python-docx's
    save, then rezip."""
    monkeypatch.setattr(render._PreparedDocx, "resolve_listing",
                        lambda self, xml: DocxTemplate.resolve_listing(self, xml))

    def save_then_rezip(document: Any) -> bytes:
        out = io.BytesIO()
        document.save(out)
        return rezip(out.getvalue())

    monkeypatch.setattr(render, "_package_bytes", save_then_rezip)


def test_shortcuts_give_the_same_bytes(checked: build.Checked,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    kinds = build.select_kinds(None, checked.book.settings.period)
    fast = {o.name: o.data for o in build.render_all(checked, kinds)}
    _full_passes(monkeypatch)
    full = {o.name: o.data for o in build.render_all(checked, kinds)}
    assert fast.keys() == full.keys() and len(fast) >= 10
    for name in fast:
        assert fast[name] == full[name], name


def test_text_with_breaks_still_becomes_word_markup() -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph("{{ lines }}").runs[0].font.size = Pt(14)
    buffer = io.BytesIO()
    document.save(buffer)
    template = render.Template("thu.docx", buffer.getvalue(), trusted=True)
    data = template.render({"lines": "dòng 1\ndòng 2\tcột"})
    text = docx.Document(io.BytesIO(data)).paragraphs[0].text
    assert text == "dòng 1\ndòng 2\tcột"
    with io.BytesIO(data) as raw, zipfile.ZipFile(raw) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "<w:br/>" in body and "<w:tab/>" in body
