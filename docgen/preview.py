"""Turn a document's first page into a small PNG picture, for the web page's previews.

LibreOffice (the `nogui` build docgen relies on) cannot draw pictures itself, so a preview
is drawn from the document's PDF: the PDF that `--pdf` archived, or one converted for the
preview alone. PDFium (the `pypdfium2` package: the PDF engine of Chromium, with wheels for
Windows, macOS and Linux) draws the page in grey; the PNG file is written here, with zlib,
so no imaging library is needed.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from docgen.errors import DocgenError

WIDTH = 420  # pixels: the width of a preview (an A4 page at about 51 dpi)


class PreviewError(DocgenError):
    """A PDF whose first page could not be drawn."""


def first_page_png(pdf: Path, width: int = WIDTH) -> bytes:
    """The first page of a PDF as a greyscale PNG `width` pixels wide."""
    import pypdfium2  # only the web page's previews need it

    try:
        document = pypdfium2.PdfDocument(str(pdf))
    except (pypdfium2.PdfiumError, OSError) as exc:
        raise PreviewError(f"Không đọc được tệp PDF '{pdf.name}' để xem trước.") from exc
    try:
        if len(document) == 0:
            raise PreviewError(f"Tệp PDF '{pdf.name}' không có trang nào.")
        page = document[0]
        scale = width / page.get_width()
        bitmap = page.render(scale=scale, grayscale=True)
        rows = bytes(bitmap.buffer)
        return png_grey(rows, bitmap.width, bitmap.height, bitmap.stride)
    finally:
        document.close()


def png_grey(pixels: bytes, width: int, height: int, stride: int) -> bytes:
    """A PNG file of 8-bit grey pixels given row by row, `stride` bytes a row."""
    raw = b"".join(b"\x00" + pixels[y * stride:y * stride + width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw, 6)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
