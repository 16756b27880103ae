"""The linter reads paragraphs and table rows from the XML in one walk
(`docgen.check.reading`) instead of through python-docx: what it reads must be what the
general readers and python-docx give, or a finding would name another paragraph, cell or
format."""

from __future__ import annotations

import io
import itertools
import sys
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table, _Row
from lxml import etree

from docgen import build, vi
from docgen.check import count_fill_ins, format_finding, lint, ooxml, reading, structure
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


CELLS = ("<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
         "<w:tr><w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr><w:p><w:r><w:rPr>"
         "<w:rFonts w:ascii='Arial' w:hAnsi='Arial'/></w:rPr><w:t>Điểm thưởng</w:t></w:r></w:p>"
         "</w:tc><w:tc><w:p><w:r><w:t>None</w:t></w:r></w:p><w:p><w:r><w:t>[Bổ sung: số]</w:t>"
         "</w:r></w:p></w:tc></w:tr>"
         "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p>"
         "<w:r><w:rPr><w:color w:val='FF0000'/></w:rPr><w:t>{TEXT}</w:t></w:r></w:p></w:tc>"
         "</w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>")


def _repeated_tables() -> bytes:
    """A document of four tables, the first three the same XML, the last one other text;
    each has findings in a merged cell, in a cell of two paragraphs and in a nested table."""
    document = docx.Document()
    body = document.element.body
    for text in ("Đỏ", "Đỏ", "Đỏ", "Khác"):
        body.insert(len(body) - 1, parse_xml(CELLS.format(W=W, TEXT=text)))
        body.insert(len(body) - 1, parse_xml(f"<w:p {W}/>"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_repeated_table_gives_the_findings_of_a_table_read_anew(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`read_paragraphs` reads a table that is the same XML as an earlier one by position;
    every finding names its own table, row and cell, as when each is read anew."""
    data = _repeated_tables()
    shared = [format_finding(f) for f in lint(data, final=True)]
    assert count_fill_ins(data) == 4
    keys = itertools.count()
    monkeypatch.setattr(structure, "shape_key", lambda tbl, source: next(keys))
    anew = [format_finding(f) for f in lint(data, final=True)]
    assert shared == anew
    assert count_fill_ins(data) == 4
    assert any("bảng 1, hàng 2, ô 2 («Đỏ») và 3 chỗ khác: màu #FF0000" in line
               for line in shared)  # a finding of each table: merged into one line
    document = docx.Document(io.BytesIO(data))
    anew_paras = structure.read_paragraphs(document)  # alive: the elements keep their ids
    monkeypatch.undo()
    paras = structure.read_paragraphs(document)
    assert _places(paras) == _places(anew_paras)
    assert [p.where for p in paras if p.raw == "Điểm thưởng"] == [
        f"bảng {n}, hàng 1, ô 1 («Điểm thưởng»)" for n in (1, 2, 3, 4)]
    assert [p.where for p in paras if p.table == 3] == [
        "bảng 3, hàng 1, ô 1 («Điểm thưởng»)", "bảng 3, hàng 1, ô 2 («None»)",
        "bảng 3, hàng 1, ô 2 («[Bổ sung: số]»)", "bảng 3, hàng 2, ô 2 («Đỏ»)",
        "bảng 3, hàng 2, ô 2 ((trống))"]
    cells = [p.cell for p in paras if p.table == 3]
    assert cells[1] is cells[2] and cells[3] is cells[4] and cells[0] is not cells[1]
    assert all(p.cell in list(p.paragraph._p.iterancestors()) for p in paras if p.table)


def _places(paras: list[structure.Para]) -> list[tuple[object, ...]]:
    """What the rules read of each paragraph's place: the elements by identity."""
    return [(p.where, p.block, p.table, id(p.cell), id(p.paragraph._p), p.raw)
            for p in paras]


def test_the_sample_s_per_member_papers_read_the_same_either_way(
        monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = build.render_all(build.check(SAMPLE), build.select_kinds(
        ["bang-cham-diem", "phieu-bau", "bien-ban-kiem-phieu"]))
    shared = [[format_finding(f) for f in lint(output.data)] for output in outputs]
    keys = itertools.count()
    monkeypatch.setattr(structure, "shape_key", lambda tbl, source: next(keys))
    assert shared == [[format_finding(f) for f in lint(output.data)] for output in outputs]
    document = docx.Document(io.BytesIO(outputs[0].data))  # the score sheets
    paras = structure.read_paragraphs(document)
    monkeypatch.undo()
    again = structure.read_paragraphs(document)
    assert _places(paras) == _places(again)
    assert len({p.table for p in paras if p.table}) > 5


def test_the_recipients_head_test_skips_no_text_that_opens_the_block() -> None:
    # is_recipients_head looks at the name key only of a text starting with N or n: for
    # every character, a text it starts (or a text after it) opens the block when, and
    # only when, its name key says so.
    head = structure.is_recipients_head.__wrapped__
    key = vi.name_key.__wrapped__
    wrong = []
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        for text in (char + "ơi nhận:", char + "Nơi nhận:"):
            if head(text) != key(text).startswith("nơi nhận"):
                wrong.append(text)
    assert wrong == []
    assert head("  Nơi nhận:") and head("NƠI NHẬN") and not head("Nơi gửi")


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml")


def _canonical(element: object) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True)


def _cut_tables(data: bytes) -> tuple[list[bytes] | None, list[object], bytes]:
    """The sources cut out of a package's document part, its body tables, and the part."""
    document = docx.Document(io.BytesIO(data))
    xml = _document_xml(data)
    tables = [e for e in document.element.body if e.tag == qn("w:tbl")]
    return reading.body_table_sources(xml, document), tables, xml


def _assert_cut_right(sources: list[bytes], tables: list[object], xml: bytes) -> None:
    # each source, parsed under the root's namespaces, is its table's XML
    root = etree.fromstring(xml)
    wrapper = etree.tostring(etree.Element(root.tag, nsmap=root.nsmap)).decode()
    head = wrapper.removesuffix("/>") + ">"
    closing = f"</{root.prefix}:{etree.QName(root).localname}>"
    assert len(sources) == len(tables)
    for source, table in zip(sources, tables, strict=True):
        parsed = etree.fromstring((head + source.decode() + closing).encode())
        assert _canonical(parsed[0]) == _canonical(table)


def test_body_tables_are_cut_out_of_the_stored_xml_as_they_read() -> None:
    sources, tables, xml = _cut_tables(_repeated_tables())  # nested tables, merged cells
    assert sources is not None and len(sources) == 4
    _assert_cut_right(sources, tables, xml)
    assert sources[0] == sources[1] == sources[2] != sources[3]
    outputs = build.render_all(build.check(SAMPLE), build.select_kinds(None))
    cut = 0
    for output in outputs:
        if output.name.endswith(".docx"):
            sources, tables, xml = _cut_tables(output.data)
            assert sources is not None, output.name  # docgen writes tables plainly
            _assert_cut_right(sources, tables, xml)
            cut += len(sources)
    assert cut > 50


def _with_xml(data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """The package `data` with its document part's bytes changed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            part = source.read(entry)
            target.writestr(entry, change(part) if entry.filename == "word/document.xml"
                            else part)
    return buffer.getvalue()


_TEXT_BOX_TABLE = (
    b"<w:p><w:r><mc:AlternateContent xmlns:mc='http://schemas.openxmlformats.org/"
    b"markup-compatibility/2006'><mc:Fallback><w:pict><w:txbxContent><w:tbl><w:tr><w:tc>"
    b"<w:p/></w:tc></w:tr></w:tbl></w:txbxContent></w:pict></mc:Fallback>"
    b"</mc:AlternateContent></w:r></w:p>")


@pytest.mark.parametrize("change", [
    pytest.param(lambda x: x.replace(b"<w:body>", b"<w:body><!-- <w:tbl> -->"),
                 id="comment"),
    pytest.param(lambda x: x.replace(b"<w:body>", b"<w:body><?pi <w:tbl>?>"), id="pi"),
    pytest.param(lambda x: x.replace(b"<w:tbl>", b"<w:tbl >", 1), id="spaced-tag"),
    pytest.param(lambda x: x.replace(b"</w:tbl>", b"</w:tbl >", 1), id="spaced-end"),
    pytest.param(lambda x: x.replace(b"<w:body>", b"<w:body>" + _TEXT_BOX_TABLE),
                 id="text-box-table"),
    pytest.param(lambda x: x.replace(b"<w:body>", b"<w:body><w:sdt><w:sdtContent><w:tbl>"
                                     b"<w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
                                     b"</w:sdtContent></w:sdt>"), id="content-control"),
    pytest.param(lambda x: x.replace(b"<w:body>", b"<w:body><x:p xmlns:x='http://schemas."
                                     b"openxmlformats.org/wordprocessingml/2006/main'/>"),
                 id="second-prefix"),
])
def test_tables_not_cut_surely_are_read_by_their_serialized_xml(
        change: Callable[[bytes], bytes]) -> None:
    data = _with_xml(_repeated_tables(), change)
    sources, _, _ = _cut_tables(data)
    assert sources is None
    # and the findings are those of the tables read anew
    shared = [format_finding(f) for f in lint(data, final=True)]
    assert any("bảng 1, hàng 2, ô 2 («Đỏ») và 3 chỗ khác: màu #FF0000" in line
               for line in shared)


def test_a_root_with_another_prefix_is_not_cut() -> None:
    data = _with_xml(_repeated_tables(), lambda x: x.replace(b"w:", b"ww:").replace(
        b"xmlns:w=", b"xmlns:ww="))
    sources, tables, _ = _cut_tables(data)
    assert sources is None and len(tables) == 4
