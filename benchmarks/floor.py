"""Turn a template or a build into the least work any renderer of it must do: the floor.

`FloorRenderer` is a real, minimal .docx renderer: it unzips the template once, keeps its
parts, applies docxtpl's clean-up (`patch_xml`, which turns ``{%tr %}`` rows into loops) to
word/document.xml once, compiles that with Jinja once (autoescaping, as docgen does), and
per render only renders the string and writes a new zip, every part deflated as docgen's
`rezip` does.

`job` (run as ``python benchmarks/floor.py WORKBOOK BUILT_DIR OUT_DIR`` in a fresh process)
is the floor of a cold `docgen build`: it reads the workbook with openpyxl in read-only
mode, every cell of every sheet, and writes one zip per .docx the build made, of the same
parts (so of the same size), deflated with fixed times and flushed to disk like docgen's
documents. It imports neither docgen nor docxtpl.

With ``--read-back`` as a fourth argument the job then does the least any check of those
documents must do: it opens each zip it wrote, parses every part that holds paragraphs (the
document, its headers, footers and notes) with lxml, and reads each paragraph's text once.
That is the floor of a build that checks what it wrote (docgen's build lints every
document), which no renderer, however fast, can go below.
"""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

_DOCUMENT = "word/document.xml"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write_zip(parts: Mapping[str, bytes], out: IO[bytes]) -> None:
    """Write `parts` as a zip package, in order, each deflated with a fixed time."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


def read_parts(data: bytes) -> dict[str, bytes]:
    """A zip package's parts by name, in the package's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return {entry.filename: source.read(entry) for entry in source.infolist()}


class FloorRenderer:
    """Unzip once, patch and compile the document part once; per render: Jinja + zip."""

    def __init__(self, data: bytes) -> None:
        from docxtpl import DocxTemplate  # type: ignore[import-untyped,unused-ignore]
        from jinja2 import Environment, StrictUndefined

        self._parts = read_parts(data)
        source = self._parts[_DOCUMENT].decode("utf-8")
        patched = DocxTemplate(io.BytesIO(data)).patch_xml(source)
        environment = Environment(autoescape=True, undefined=StrictUndefined)
        self._compiled = environment.from_string(patched)

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The filled document's bytes."""
        parts = dict(self._parts)
        parts[_DOCUMENT] = self._compiled.render(context).encode("utf-8")
        out = io.BytesIO()
        write_zip(parts, out)
        return out.getvalue()


def read_workbook(workbook: Path) -> int:
    """Read every cell of every sheet read-only; return the number of cells read."""
    from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]

    book = load_workbook(workbook, read_only=True, data_only=True)
    try:
        return sum(len(row) for sheet in book.worksheets
                   for row in sheet.iter_rows(values_only=True))
    finally:
        book.close()


_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
_HOLDS_PARAGRAPHS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def read_back(package: Path) -> int:
    """Parse every part of the .docx at `package` that holds paragraphs and read each
    paragraph's text once; return the number of paragraphs read."""
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    paragraphs = 0
    with zipfile.ZipFile(package) as source:
        for entry in source.infolist():
            if _HOLDS_PARAGRAPHS.fullmatch(entry.filename):
                root = etree.fromstring(source.read(entry))
                for paragraph in root.iter(_PARAGRAPH):
                    "".join(paragraph.itertext())
                    paragraphs += 1
    return paragraphs


def job(workbook: Path, built: Path, out: Path, reading_back: bool = False) -> int:
    """Read the workbook, then write a copy of each .docx under `built` into `out`, flushed
    to disk (and with `reading_back`, read each back as `read_back` does); return the number
    of documents written."""
    read_workbook(workbook)
    written = 0
    for source in sorted(built.rglob("*.docx")):
        parts = read_parts(source.read_bytes())
        target = out / f"{written:04d}-{source.name}"
        with target.open("wb") as handle:
            write_zip(parts, handle)
            handle.flush()
            os.fsync(handle.fileno())
        if reading_back:
            read_back(target)
        written += 1
    return written


if __name__ == "__main__":
    workbook_arg, built_arg, out_arg = sys.argv[1:4]
    extra = sys.argv[4:]
    if extra not in ([], ["--read-back"]):
        raise SystemExit(f"unknown arguments: {' '.join(extra)}")
    job(Path(workbook_arg), Path(built_arg), Path(out_arg), reading_back=bool(extra))
