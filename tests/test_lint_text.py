"""The linter reads a paragraph's and a run's text without python-docx's XPath queries
(`docgen.check.ooxml.paragraph_text`, `run_text`): the text must be python-docx's, to the
character, or a finding would quote other words."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from docgen import build
from docgen.check import ooxml
from tests.conftest import SAMPLE

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TRICKY = [
    "<w:p {W}><w:r><w:t>Số: 25</w:t><w:tab/><w:t xml:space='preserve'> /TTr </w:t></w:r></w:p>",
    "<w:p {W}><w:r><w:t>dòng 1</w:t><w:br/><w:t>dòng 2</w:t><w:br w:type='page'/>"
    "<w:br w:type='column'/><w:br w:type='textWrapping'/><w:cr/></w:r></w:p>",
    "<w:p {W}><w:r><w:t>Ngày</w:t><w:noBreakHyphen/><w:ptab w:relativeTo='margin' "
    "w:alignment='right' w:leader='none'/><w:t/></w:r></w:p>",
    "<w:p {W} xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>"
    "<w:r><w:t>Xem </w:t></w:r><w:hyperlink r:id='rId9'><w:r><w:t>tại đây</w:t></w:r>"
    "<w:r><w:tab/></w:r></w:hyperlink><w:ins><w:r><w:t>(chèn)</w:t></w:r></w:ins>"
    "<w:r><w:delText>xóa</w:delText><w:softHyphen/><w:sym w:char='F0FC'/></w:r></w:p>",
    "<w:p {W}/>",
]


@pytest.mark.parametrize("xml", TRICKY)
def test_tricky_paragraphs_read_as_python_docx_reads_them(xml: str) -> None:
    element = parse_xml(xml.format(W=W))
    paragraph = Paragraph(element, None)
    assert ooxml.paragraph_text(element) == paragraph.text
    for r in element.iter(ooxml.qn("w:r")):
        assert ooxml.run_text(r) == Run(r, paragraph).text


def test_every_paragraph_of_the_sample_documents_reads_the_same() -> None:
    checked = build.check(SAMPLE)
    outputs = build.render_all(checked, build.select_kinds(None))
    seen = 0
    for output in outputs:
        document = docx.Document(io.BytesIO(output.data))
        parts = [document.element.body]
        for section in document.sections:
            parts += [section.header._element, section.footer._element]
        for part in parts:
            for p in part.iter(ooxml.qn("w:p")):
                assert ooxml.paragraph_text(p) == Paragraph(p, None).text
                seen += 1
    assert seen > 1000
