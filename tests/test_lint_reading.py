"""The linter reads paragraphs and table rows from the XML in one walk
(`docgen.check.reading`) instead of through python-docx: what it reads must be what the
general readers and python-docx give, or a finding would name another paragraph, cell or
format."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table, _Row

from docgen import build
from docgen.check import ooxml, reading
from tests.conftest import SAMPLE

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAGRAPHS = [
    # Plain runs, properties, bookmarks: the one-walk reading.
    "<w:p {W}><w:pPr><w:pStyle w:val='Body'/><w:jc w:val='both'/></w:pPr>"
    "<w:bookmarkStart w:id='1' w:name='a'/><w:r><w:rPr><w:b/></w:rPr><w:t>Số: 25</w:t>"
    "<w:tab/><w:t xml:space='preserve'> /TTr </w:t></w:r><w:proofErr w:type='spellStart'/>"
    "<w:r><w:t xml:space='preserve'>\u00a0 </w:t></w:r><w:r><w:br w:type='page'/><w:br/>"
    "<w:cr/><w:noBreakHyphen/><w:rPr><w:i/></w:rPr><w:t>x</w:t></w:r></w:p>",
    # Two w:pPr, two w:rPr: the first of each counts, as in python-docx.
    "<w:p {W}><w:pPr><w:jc w:val='center'/><w:pStyle w:val='A'/></w:pPr>"
    "<w:pPr><w:pStyle w:val='B'/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:rPr><w:b/></w:rPr>"
    "<w:t>chữ</w:t></w:r></w:p>",
    # A hyperlink, an insertion, deleted text, a field: read the general way.
    "<w:p {W} xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>"
    "<w:r><w:t>Xem </w:t></w:r><w:hyperlink r:id='rId9'><w:r><w:t>tại đây</w:t></w:r>"
    "</w:hyperlink><w:ins><w:r><w:t>(chèn)</w:t></w:r></w:ins><w:del><w:r>"
    "<w:delText>xóa</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType='begin'/></w:r>"
    "</w:p>",
    "<w:p {W}/>",
]


def _general(p: object) -> reading.Reading:
    return reading.Reading(ooxml.paragraph_text(p), ooxml.style_ref(
        p, qn("w:pPr"), qn("w:pStyle")), ooxml.shown_runs(p))


@pytest.mark.parametrize("xml", PARAGRAPHS)
def test_a_paragraph_reads_as_the_general_readers_read_it(xml: str) -> None:
    p = parse_xml(xml.format(W=W))
    assert reading.read_p(p) == _general(p)


def test_every_paragraph_of_the_sample_documents_reads_the_same() -> None:
    outputs = build.render_all(build.check(SAMPLE), build.select_kinds(None))
    seen = 0
    for output in outputs:
        document = docx.Document(io.BytesIO(output.data))
        for p in document.element.body.iter(qn("w:p")):
            assert reading.read_p(p) == _general(p)
            seen += 1
    assert seen > 1000


ROWS = ("<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc>"
        "</w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr><w:p/></w:tc><w:tc><w:p/>"
        "</w:tc><w:tc><w:p/></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr>"
        "<w:gridSpan w:val='2'/></w:tcPr><w:p/></w:tc></w:tr>"
        "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>")


@pytest.mark.parametrize("xml", [ROWS, ROWS.replace("<w:vMerge/>", "").replace(
    "<w:vMerge w:val='restart'/>", ""), ROWS.replace("w:gridSpan w:val='2'", "w:jc")])
def test_table_rows_give_the_cells_python_docx_gives(xml: str) -> None:
    tbl = parse_xml(xml.format(W=W))
    document = docx.Document()
    table = Table(tbl, document)
    expected = [[ooxml.cell_element(cell) for cell in ooxml.row_cells(_Row(tr, table))]
                for tr in tbl.iterchildren(qn("w:tr"))]
    got = reading.table_rows(tbl, document)
    assert [[id(tc) for tc in row] for row in got] == [[id(tc) for tc in row]
                                                      for row in expected]
