"""Page flow (issue 14, item 6): headings and lead-ins kept with what follows, the closing
lines with the signature, no page of signatures or recipients alone, a document that
overflows by a few lines tightened to end a page earlier, and header lines broken between
the phrases of an agency's name.

The LibreOffice tests build the sample and a cluster of twelve departments once each with
`docgen build --pdf` and read the PDFs' text page by page; they are skipped where
LibreOffice is not installed (CI has it).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt
from pypdf import PdfReader

from docgen import archive, pdf
from docgen import decree30 as d30
from docgen.build import build
from docgen.check import lint
from docgen.cli import main
from docgen.documents.shared.common import header_lines, line_width
from docgen.documents.shared.page import tighten
from docgen.render import SHIPPED
from tests.conftest import SAMPLE, needs_libreoffice
from tests.other_clusters import departments

# --------------------------------------------------------------------------- header lines


@pytest.mark.parametrize(("given", "expected"), [
    (["Cụm thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu"],
     ["CỤM THI ĐUA THANH TRA", "CÁC TỈNH", "MIỀN TÂY NAM SÔNG HẬU"]),
    (["CỤM THI ĐUA THANH TRA CÁC TỈNH MIỀN ĐÔNG NAM BỘ"],
     ["CỤM THI ĐUA THANH TRA", "CÁC TỈNH MIỀN ĐÔNG NAM BỘ"]),
    (["Cụm thi đua các tỉnh Đồng bằng sông Cửu Long"],
     ["CỤM THI ĐUA CÁC TỈNH", "ĐỒNG BẰNG SÔNG CỬU LONG"]),
    (["Khối thi đua các sở, ngành tổng hợp tỉnh Khánh Hòa"],
     ["KHỐI THI ĐUA", "CÁC SỞ, NGÀNH TỔNG HỢP", "TỈNH KHÁNH HÒA"]),
    (["Cụm thi đua các phường khu vực trung tâm thành phố Cần Thơ"],
     ["CỤM THI ĐUA CÁC PHƯỜNG", "KHU VỰC TRUNG TÂM", "THÀNH PHỐ CẦN THƠ"]),
    (["Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"], ["ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA - VŨNG TÀU"]),
    (["Thanh tra Chính phủ"], ["THANH TRA CHÍNH PHỦ"]),
    # Lines the clerk set that fit are kept as set, even where another break would read better.
    (["Cụm thi đua Thanh tra", "các tỉnh miền Tây", "Nam sông Hậu"],
     ["CỤM THI ĐUA THANH TRA", "CÁC TỈNH MIỀN TÂY", "NAM SÔNG HẬU"]),
])
def test_a_long_agency_line_breaks_between_phrases(given: list[str], expected: list[str]) -> None:
    assert header_lines(given) == expected


def test_every_broken_line_fits_the_header_column() -> None:
    lines = header_lines(["CỤM THI ĐUA THANH TRA CÁC TỈNH MIỀN TÂY NAM SÔNG HẬU"])
    size = d30.size("issuer")
    assert max(line_width(x, size) for x in lines) <= d30.AGENCY_COLUMN.pt
    assert line_width(" ".join(lines), size) > d30.AGENCY_COLUMN.pt  # so it had to break


def test_a_line_without_a_phrase_start_still_breaks_between_words() -> None:
    lines = header_lines(["TRUNG TÂM HỖ TRỢ PHÁT TRIỂN DOANH NGHIỆP NHỎ VÀ VỪA ĐỒNG NAI"])
    assert len(lines) > 1
    assert " ".join(lines) == "TRUNG TÂM HỖ TRỢ PHÁT TRIỂN DOANH NGHIỆP NHỎ VÀ VỪA ĐỒNG NAI"
    assert all(line_width(x, 12) <= d30.AGENCY_COLUMN.pt for x in lines)


# --------------------------------------------------------------------------- templates


def _keeps_with_next(paragraph: object) -> bool:
    fmt = paragraph.paragraph_format  # type: ignore[attr-defined]
    style = paragraph.style  # type: ignore[attr-defined]
    value = fmt.keep_with_next
    while value is None and style is not None:
        value, style = style.paragraph_format.keep_with_next, style.base_style
    return bool(value)


TEMPLATES = sorted(SHIPPED.glob("*.docx"))


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.stem for t in TEMPLATES])
def test_headings_and_lead_ins_of_each_template_keep_with_what_follows(template: Path) -> None:
    doc = Document(str(template))
    loose = [p.text for p in doc.paragraphs
             if (p.style.name.startswith(("Heading", "Doc kind", "Summary"))
                 or p.text.rstrip().endswith(":")) and not _keeps_with_next(p)]
    assert loose == []


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.stem for t in TEMPLATES])
def test_data_tables_repeat_their_header_and_no_row_splits(template: Path) -> None:
    doc = Document(str(template))
    for table in doc.tables:
        rows = [row._tr for row in table.rows]
        assert all(tr.trPr is not None and tr.trPr.find(_W + "cantSplit") is not None
                   for tr in rows), template.name
        bordered = table._tbl.tblPr.find(f"{_W}tblBorders/{_W}top").get(_W + "val") != "nil"
        if bordered:
            assert rows[0].trPr.find(_W + "tblHeader") is not None, template.name


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# --------------------------------------------------------------------------- tightening


def test_tightening_keeps_the_text_and_stays_within_decree_30(
        built_sample: dict[str, Path]) -> None:
    original = built_sample["to-trinh"].read_bytes()
    tight = tighten(original)
    before, after = Document(io.BytesIO(original)), Document(io.BytesIO(tight))
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    assert after.styles["Normal"].font.size == Pt(13) < before.styles["Normal"].font.size
    assert after.styles["Doc kind"].paragraph_format.space_before == Pt(12)
    assert [f for f in lint(tight) if f.severity == "error"] == []
    assert tighten(original) == tight  # deterministic


# --------------------------------------------------------------------------- PDF pages


# A heading as a reader sees one: "I. TIÊU ĐỀ", a short "1. Tiêu đề" line without final
# punctuation, or an upper-case title line; a lead-in ends in ":".
ROMAN = re.compile(r"^[IVXL]+\.\s")
NUMBERED = re.compile(r"^\d+(\.\d+)*\.\s\S.*[^.;,)]$")
NUMBERED_HEADING_MAX = 70  # characters: a heading is one short line
CLOSING = "./."
# The pact's signature grid may run on to a page of its own (one cell per member).
GRID_KINDS = ("giao-uoc",)


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    upper = len(line.split()) >= 2 and bool(letters) and all(c.isupper() for c in letters)
    numbered = NUMBERED.match(line) is not None and len(line) <= NUMBERED_HEADING_MAX
    return bool(ROMAN.match(line)) or numbered or upper or line.endswith(":")


def _build(workbook: Path, out: Path) -> Path:
    assert main(["build", str(workbook), "--pdf", "--out", str(out)]) == 0
    (manifest,) = out.rglob("manifest.json")
    return manifest.parent


@pytest.fixture(scope="module")
def sample_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(SAMPLE, tmp_path_factory.mktemp("flow-sample"))


@pytest.fixture(scope="module")
def departments_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("flow-departments")
    return _build(departments(folder / "khoi.xlsx"), folder / "out")


def _pages(folder: Path) -> dict[str, list[list[str]]]:
    """Document file stem -> its PDF's lines of text, page by page."""
    return {path.stem: pdf.page_lines(path) for path in sorted(folder.glob("*.pdf"))}


def _stranded_headings(pages: list[list[str]]) -> list[str]:
    return [page[-1] for page in pages[:-1] if page and _is_heading(page[-1])]


def _lonely_signature_pages(name: str, pages: list[list[str]]) -> list[int]:
    """Pages after the closing line's page (the signature block must start beside the
    closing; only a grid of signatures may run on), and pages opening with 'Nơi nhận:'."""
    closing = [i for i, page in enumerate(pages) for line in page if line.endswith(CLOSING)]
    if not closing:
        return []
    last = closing[-1]
    lonely = [i + 1 for i, page in enumerate(pages) if page and page[0] == "Nơi nhận:"]
    if pages[last][-1].endswith(CLOSING):
        lonely.append(last + 1)  # the closing ends its page: the signature went on alone
    if not any(kind in name for kind in GRID_KINDS):
        lonely += [i + 1 for i in range(last + 1, len(pages))]
    return sorted(set(lonely))


@needs_libreoffice
@pytest.mark.parametrize("which", ["sample_set", "departments_set"])
def test_no_heading_ends_a_page(which: str, request: pytest.FixtureRequest) -> None:
    pages = _pages(request.getfixturevalue(which))
    assert {name: _stranded_headings(p) for name, p in pages.items()
            if _stranded_headings(p)} == {}


@needs_libreoffice
@pytest.mark.parametrize("which", ["sample_set", "departments_set"])
def test_no_page_holds_only_signatures_or_recipients(
        which: str, request: pytest.FixtureRequest) -> None:
    pages = _pages(request.getfixturevalue(which))
    assert {name: _lonely_signature_pages(name, p) for name, p in pages.items()
            if _lonely_signature_pages(name, p)} == {}
    signed = [name for name, p in pages.items()
              if any(line.endswith(CLOSING) for page in p for line in page)]
    assert len(signed) >= 6  # every signed paper was looked at


def _without_long_paragraphs(source: Path, count: int, target: Path) -> Path:
    """A copy of a rendered document without its first `count` long body paragraphs."""
    doc = Document(str(source))
    long_ones = [p for p in doc.paragraphs if p.style.name == "Body" and len(p.text) > 150]
    for paragraph in long_ones[:count]:
        paragraph._p.getparent().remove(paragraph._p)
    doc.save(str(target))
    return target


@needs_libreoffice
def test_a_document_overflowing_by_a_few_lines_is_tightened_to_end_a_page_earlier(
        tmp_path: Path, built_sample: dict[str, Path]) -> None:
    # The plan made shorter and shorter (one LibreOffice run); those whose last page is short
    # are fitted (one more run each way): some end a page earlier with the tighter text,
    # the others are left byte for byte as they were.
    trials = [_without_long_paragraphs(built_sample["ke-hoach"], n, tmp_path / f"kh-{n:02d}.docx")
              for n in range(16)]
    pages = {p.with_suffix(".docx"): n for p, n in pdf.convert(trials, fit=False)
             if pdf.short_ending(p)}
    assert pages
    before = {document: document.read_bytes() for document in pages}
    fitted = {p.with_suffix(".docx"): n for p, n in pdf.convert(list(pages))}
    moved = [document for document in pages if fitted[document] < pages[document]]
    assert moved
    for document in pages:
        after = Document(str(document))
        if document in moved:
            assert fitted[document] == pages[document] - 1
            assert len(PdfReader(document.with_suffix(".pdf")).pages) == fitted[document]
            assert after.styles["Normal"].font.size == Pt(13)
            assert [p.text for p in after.paragraphs] == [
                p.text for p in Document(io.BytesIO(before[document])).paragraphs]
            assert [f for f in lint(document) if f.severity == "error"] == []
        else:
            assert document.read_bytes() == before[document]


def test_the_manifest_records_the_document_the_pdf_step_left(tmp_path: Path) -> None:
    def tightening(paths: list[Path]) -> list[tuple[Path, int]]:
        made = []
        for path in paths:
            path.write_bytes(tighten(path.read_bytes()))
            made.append(path.with_suffix(".pdf"))
            made[-1].write_bytes(b"%PDF-1.7 " + path.name.encode())
        return [(p, 1) for p in made]

    folder = build(SAMPLE, tmp_path, only=["to-trinh"], pdf=tightening).folder
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = [e for e in manifest["files"] if e["file"].endswith(".docx")]
    assert Document(str(folder / entry["file"])).styles["Normal"].font.size == Pt(13)
    assert archive.verify_set(archive.find_set(tmp_path, 2021, "cum-ix")) == []


@needs_libreoffice
def test_a_document_ending_well_is_left_as_rendered(sample_set: Path,
                                                    built_sample: dict[str, Path]) -> None:
    untouched = [path for path in sorted(sample_set.glob("*.docx"))
                 if Document(str(path)).styles["Normal"].font.size == Pt(14)]
    assert len(untouched) >= 3
    for path in untouched:
        rendered = built_sample[path.stem.removeprefix("2021_cum-ix_")]
        assert path.read_bytes() == rendered.read_bytes(), path.name


@needs_libreoffice
def test_a_signed_refitted_document_survives_a_rebuild_with_pdf(tmp_path: Path) -> None:
    """The archive keeps a tightened document; signed as such, rebuilding with --pdf makes
    the same tightened bytes, so its signed paper follows it (no false 'changed' stop)."""
    from tests.test_archive_sign import make_pdf

    folder = _build(SAMPLE, tmp_path / "reports")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    refitted = [e for e in manifest["files"] if "rendered_sha256" in e]
    assert refitted, "the sample has no document the PDF step tightens"
    entry = refitted[0]
    assert entry["rendered_sha256"] != entry["sha256"]
    scan = tmp_path / "da-ky.pdf"
    scan.write_bytes(make_pdf(1))
    archive.sign(tmp_path / "reports", 2021, "cum-ix", entry["file"], scan)
    # the signed document's kind is enough to rebuild: the rest of the set is not at stake
    assert main(["build", str(SAMPLE), "--pdf", "--only", entry["kind"],
                 "--out", str(tmp_path / "reports")]) == 0
    after = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    again = next(e for e in after["files"] if e["file"] == entry["file"])
    assert again["sha256"] == entry["sha256"]
    assert again["signed"]["document_sha256"] == entry["sha256"]
    assert archive.verify_set(archive.find_set(tmp_path / "reports", 2021, "cum-ix")) == []
