"""The check every PDF passes before it is archived: PDF/A-2b named in the XMP metadata, every
font embedded, no encryption; a PDF that fails is an error naming the document, and the build
archives nothing. The PDFs here are made with pypdf, so these tests need no LibreOffice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

from docgen import pdf
from docgen.build import build
from tests.conftest import SAMPLE

DOCUMENT = Path("2021_cum-ix_to-trinh.docx")


def pdfa_xmp(part: str = "2", conformance: str = "B", *, as_attributes: bool = False) -> bytes:
    """An XMP packet naming a PDF/A level, as LibreOffice writes it (properties as elements)
    or in the equally valid attribute form other tools write."""
    if as_attributes:
        description = (f'<rdf:Description rdf:about="" pdfaid:part="{part}" '
                       f'pdfaid:conformance="{conformance}"/>')
    else:
        description = (f'<rdf:Description rdf:about=""><pdfaid:part>{part}</pdfaid:part>'
                       f'<pdfaid:conformance>{conformance}</pdfaid:conformance>'
                       '</rdf:Description>')
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
            f'{description}<rdf:Description rdf:about="" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>application/pdf</dc:format>'
            '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>').encode()


def _font(name: str, *, embedded: bool) -> DictionaryObject:
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/TrueType"),
                             NameObject("/BaseFont"): NameObject(f"/{name}")})
    if embedded:  # the checker looks for the font program's key, not into the program
        font[NameObject("/FontDescriptor")] = DictionaryObject(
            {NameObject("/Type"): NameObject("/FontDescriptor"),
             NameObject("/FontName"): NameObject(f"/{name}"),
             NameObject("/FontFile2"): DecodedStreamObject()})
    return font


def write_pdf(path: Path, *, xmp: bytes | None = None, plain: bool = False,
              font: DictionaryObject | None = None, in_form: bool = False,
              encrypted: bool = False) -> Path:
    """A one-page PDF: PDF/A-2b by its metadata unless `plain` or another `xmp` is given;
    using `font` on the page itself, or in a form among the page's resources (`in_form`)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    if font is not None:
        fonts = DictionaryObject({NameObject("/F1"): font})
        resources = DictionaryObject({NameObject("/Font"): fonts})
        if in_form:
            form = DecodedStreamObject()
            form.set_data(b"BT /F1 12 Tf (x) Tj ET")
            form.update({NameObject("/Type"): NameObject("/XObject"),
                         NameObject("/Subtype"): NameObject("/Form"),
                         NameObject("/BBox"): ArrayObject(NumberObject(n) for n in
                                                          (0, 0, 595, 842)),
                         NameObject("/Resources"): resources})
            # A stream is always an indirect object; pypdf has no public call for one.
            xobjects = DictionaryObject({NameObject("/Fm1"): writer._add_object(form)})
            resources = DictionaryObject({NameObject("/XObject"): xobjects})
        page[NameObject("/Resources")] = resources
    if not plain:
        writer.xmp_metadata = xmp if xmp is not None else pdfa_xmp()
    if encrypted:
        writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="RC4-128")
    with path.open("wb") as stream:
        writer.write(stream)
    return path


@pytest.mark.parametrize("as_attributes", [False, True], ids=["elements", "attributes"])
def test_a_pdfa_2b_with_embedded_times_passes(tmp_path: Path, as_attributes: bool) -> None:
    path = write_pdf(tmp_path / "a.pdf", xmp=pdfa_xmp(as_attributes=as_attributes),
                     font=_font("BAAAAA+LiberationSerif", embedded=True))
    assert pdf.check_pdf(path, DOCUMENT) == 1


@pytest.mark.parametrize(("xmp", "found"), [
    (None, "không có nhận dạng PDF/A"),
    (pdfa_xmp("1", "B"), "ghi PDF/A phần 1, mức B"),
    (pdfa_xmp("3", "B", as_attributes=True), "ghi PDF/A phần 3, mức B"),
    (pdfa_xmp("2", "U"), "ghi PDF/A phần 2, mức U"),
    (pdfa_xmp("2", ""), "ghi PDF/A phần 2, mức ?"),
    (b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF", "không có nhận dạng PDF/A"),
], ids=["no-metadata", "pdfa-1b", "pdfa-3b", "pdfa-2u", "no-conformance", "broken-xml"])
def test_a_pdf_not_named_pdfa_2b_is_refused(tmp_path: Path, xmp: bytes | None,
                                             found: str) -> None:
    path = write_pdf(tmp_path / "a.pdf", xmp=xmp, plain=xmp is None)
    with pytest.raises(pdf.PdfError) as info:
        pdf.check_pdf(path, DOCUMENT)
    assert str(info.value) == (
        f"PDF của '2021_cum-ix_to-trinh.docx' không phải PDF/A-2b: siêu dữ liệu XMP {found}, "
        "cần pdfaid:part=2 và pdfaid:conformance=B. Cần LibreOffice 7.4 trở lên để xuất "
        "PDF/A.")


@pytest.mark.parametrize("in_form", [False, True], ids=["on-the-page", "in-a-form"])
def test_a_font_not_embedded_is_refused(tmp_path: Path, in_form: bool) -> None:
    path = write_pdf(tmp_path / "a.pdf", font=_font("Helvetica", embedded=False),
                     in_form=in_form)
    with pytest.raises(pdf.PdfError) as info:
        pdf.check_pdf(path, DOCUMENT)
    assert str(info.value) == ("PDF của '2021_cum-ix_to-trinh.docx' không nhúng phông "
                               "Helvetica; bản PDF/A lưu trữ phải nhúng mọi phông.")


def test_an_embedded_substitute_font_is_refused(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "a.pdf", font=_font("CAAAAA+DejaVuSans", embedded=True))
    with pytest.raises(pdf.PdfError) as info:
        pdf.check_pdf(path, DOCUMENT)
    assert str(info.value) == ("PDF của '2021_cum-ix_to-trinh.docx' dùng phông thay thế "
                               "(CAAAAA+DejaVuSans); cần Times New Roman hoặc Liberation Serif "
                               "(gói fonts-liberation).")


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "a.pdf", encrypted=True)
    with pytest.raises(pdf.PdfError) as info:
        pdf.check_pdf(path, DOCUMENT)
    assert str(info.value) == ("PDF của '2021_cum-ix_to-trinh.docx' bị mã hóa (có mật khẩu); "
                               "bản PDF lưu trữ không được mã hóa.")


def test_a_damaged_pdf_is_refused(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "a.pdf")
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(pdf.PdfError) as info:
        pdf.check_pdf(path, DOCUMENT)
    assert str(info.value) == "Tệp PDF của '2021_cum-ix_to-trinh.docx' bị hỏng."


def test_a_build_whose_pdf_is_not_pdfa_archives_nothing(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A LibreOffice that ignores the PDF/A option (older than 7.4) writes plain PDFs: the
    build stops naming the document, and no set, PDF or staging folder is left."""
    plain = write_pdf(tmp_path / "plain.pdf", plain=True)
    fake = tmp_path / "LibreOffice" / "program" / "soffice"
    fake.parent.mkdir(parents=True)
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/arguments"\n'
                    'for arg; do case "$arg" in *.docx) cp "' f'{plain}" "${{arg%.docx}}.pdf";; '
                    'esac; done\n', encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(fake))
    root = tmp_path / "reports"
    with pytest.raises(pdf.PdfError) as info:
        build(SAMPLE, root, pdf=pdf.convert)
    assert re.fullmatch(r"PDF của '2021_cum-ix_[a-z-]+\.docx' không phải PDF/A-2b: siêu dữ liệu "
                        r"XMP không có nhận dạng PDF/A, cần pdfaid:part=2 và "
                        r"pdfaid:conformance=B\. Cần LibreOffice 7\.4 trở lên để xuất PDF/A\.",
                        str(info.value))
    arguments = (tmp_path / "arguments").read_text(encoding="utf-8").splitlines()
    asked = arguments[arguments.index("--convert-to") + 1]
    assert asked == 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
    assert not (root / "2021" / "cum-ix").exists()
    left = [p.relative_to(root).as_posix() for p in root.rglob("*")]
    assert not [name for name in left if name.endswith((".pdf", ".docx")) or "staging" in name]
