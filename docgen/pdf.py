"""Turn archived .docx documents into PDF for signing, with LibreOffice headless.

The conversion runs once for all documents of a set, in a private LibreOffice profile, with
a time limit. Each PDF is then checked: it must exist, have pages, and embed only Times New
Roman or its metric twin Liberation Serif, so the printed layout is the one docgen made.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from docgen.errors import DocgenError

ALLOWED_FONTS = ("TimesNewRoman", "Times New Roman", "LiberationSerif", "Liberation Serif")
BASE_TIMEOUT = 120.0
PER_DOCUMENT = 30.0
INSTALL_HINT = (
    "Không tìm thấy LibreOffice (lệnh 'soffice') để xuất PDF. Cài đặt trên Debian/Ubuntu: "
    "sudo apt-get install libreoffice-writer-nogui fonts-liberation; trên Windows: tải "
    "LibreOffice tại https://www.libreoffice.org và thêm thư mục 'program' vào PATH."
)


class PdfError(DocgenError):
    """A document could not be converted to a faithful PDF."""


def find_soffice() -> str:
    """The LibreOffice command on PATH, or PdfError saying how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(INSTALL_HINT)


def convert(documents: Sequence[Path], timeout: float | None = None) -> list[tuple[Path, int]]:
    """Convert .docx files to PDF beside them; return each PDF with its page count."""
    if not documents:
        return []
    soffice = find_soffice()
    folder = documents[0].parent
    limit = timeout or BASE_TIMEOUT + PER_DOCUMENT * len(documents)
    with tempfile.TemporaryDirectory(prefix="docgen-lo-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir",
                   str(folder), *map(str, documents)]
        try:
            subprocess.run(command, capture_output=True, timeout=limit, check=False)
        except subprocess.TimeoutExpired as exc:
            names = ", ".join(d.name for d in documents)
            raise PdfError(f"LibreOffice không xuất xong PDF trong {limit:g} giây "
                           f"({names}); đã dừng.") from exc
    return [(pdf, check_pdf(pdf, doc)) for doc in documents
            for pdf in [doc.with_suffix(".pdf")]]


def check_pdf(pdf: Path, document: Path) -> int:
    """The PDF's page count, after checking it exists and embeds only the allowed fonts."""
    if not pdf.is_file():
        raise PdfError(f"Không xuất được PDF cho văn bản '{document.name}'.")
    try:
        reader = PdfReader(pdf)
        fonts = pdf_fonts(reader)
    except (PdfReadError, OSError, KeyError, ValueError) as exc:
        raise PdfError(f"Tệp PDF của '{document.name}' bị hỏng.") from exc
    bad = sorted(name for name, embedded in fonts if not embedded or not _allowed(name))
    if bad:
        raise PdfError(f"PDF của '{document.name}' dùng phông không nhúng hoặc phông thay thế "
                       f"({', '.join(bad)}); cần Times New Roman hoặc Liberation Serif "
                       "(gói fonts-liberation).")
    if not reader.pages:
        raise PdfError(f"PDF của '{document.name}' không có trang nào.")
    return len(reader.pages)


def _allowed(font: str) -> bool:
    name = font.split("+", 1)[-1]  # drop the subset prefix such as 'BAAAAA+'
    return any(name.startswith(allowed) for allowed in ALLOWED_FONTS)


def pdf_fonts(reader: PdfReader) -> set[tuple[str, bool]]:
    """(base font name, embedded?) for every font the pages use."""
    found: set[tuple[str, bool]] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object().values() if fonts else []):
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.add((str(font.get("/BaseFont", "")).lstrip("/"), embedded))
    return found
