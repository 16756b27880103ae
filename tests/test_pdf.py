"""PDF for signing: LibreOffice headless, fonts embedded, page counts in the manifest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from docgen import pdf
from docgen.build import build
from tests.conftest import SAMPLE

needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                       reason="LibreOffice is not installed")

SEED_FACTS = {
    "bao-cao-tong-ket": ["108/KH-TTCP", "22/KH-CTĐ", "2100/CT-TTCP", "Sóc Trăng", "Kiên Giang",
                         "Bạc Liêu, ngày 22 tháng 12 năm 2021", "Bùi Thanh Nguyên"],
    "to-trinh": ["Cờ thi đua của Thanh tra Chính phủ", "Thanh tra tỉnh Sóc Trăng",
                 "Bằng khen của Tổng Thanh tra Chính phủ", "Thanh tra tỉnh Kiên Giang"],
    "ke-hoach": ["Kiên Giang, ngày 10 tháng 01 năm 2022", "Nguyễn Văn Đức", "Cà Mau"],
}


@pytest.fixture(scope="module")
def pdf_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pdf")
    return build(SAMPLE, root, pdf=pdf.convert).folder


def _text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


@needs_libreoffice
def test_every_document_has_a_pdf_with_its_pages_in_the_manifest(pdf_set: Path) -> None:
    manifest = json.loads((pdf_set / "manifest.json").read_text(encoding="utf-8"))
    pdfs = {e["file"]: e for e in manifest["files"] if e["file"].endswith(".pdf")}
    docs = [e["file"] for e in manifest["files"] if e["file"].endswith(".docx")]
    assert sorted(pdfs) == sorted(d.replace(".docx", ".pdf") for d in docs)
    for name, entry in pdfs.items():
        assert entry["pages"] == len(PdfReader(pdf_set / name).pages) >= 1
        assert entry["source"] == name.replace(".pdf", ".docx")
    assert pdfs["2021_cum-ix_bao-cao-tong-ket.pdf"]["pages"] >= 4
    assert pdfs["2021_cum-ix_danh-sach.pdf"]["pages"] == 1


@needs_libreoffice
@pytest.mark.parametrize("kind", sorted(SEED_FACTS))
def test_pdf_text_holds_the_facts(pdf_set: Path, kind: str) -> None:
    text = " ".join(_text(pdf_set / f"2021_cum-ix_{kind}.pdf").split())
    for fact in SEED_FACTS[kind]:
        assert fact in text


@needs_libreoffice
def test_fonts_are_embedded_times_or_its_metric_twin(pdf_set: Path) -> None:
    for path in pdf_set.glob("*.pdf"):
        fonts = pdf.pdf_fonts(PdfReader(path))
        assert fonts
        for name, embedded in fonts:
            assert embedded, (path.name, name)
            assert "LiberationSerif" in name or "TimesNewRoman" in name, (path.name, name)


def test_missing_libreoffice_says_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pdf.PdfError) as info:
        pdf.convert([tmp_path / "a.docx"])
    assert str(info.value) == pdf.INSTALL_HINT
    assert "libreoffice-writer-nogui" in str(info.value)


def _fake_soffice(monkeypatch: pytest.MonkeyPatch, folder: Path, script: str,
                  document: str) -> Path:
    """Put a stand-in LibreOffice running `script` on the path; return an empty document."""
    fake = folder / "soffice"
    fake.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    doc = folder / document
    doc.write_bytes(b"")
    return doc


def test_conversion_that_hangs_is_stopped(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    doc = _fake_soffice(monkeypatch, tmp_path, "sleep 30", "2021_cum-ix_to-trinh.docx")
    with pytest.raises(pdf.PdfError) as info:
        pdf.convert([doc], timeout=0.5)
    assert str(info.value) == ("LibreOffice không xuất xong PDF trong 0.5 giây "
                               "(2021_cum-ix_to-trinh.docx); đã dừng.")


def test_failed_conversion_names_the_document(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    doc = _fake_soffice(monkeypatch, tmp_path, "exit 0", "2021_cum-ix_bien-ban.docx")
    with pytest.raises(pdf.PdfError) as info:
        pdf.convert([doc])
    assert str(info.value) == "Không xuất được PDF cho văn bản '2021_cum-ix_bien-ban.docx'."
