"""Turn each kind's layout code into its .docx template in templates/ (or OUTDIR).

Run ``python -m docgen.documents.build_templates [OUTDIR]``. Each kind's layout is code in
`docgen/documents/<kind>/layout.py` built from the shared Decree 30 blocks, so the templates
can be reviewed and rebuilt; they stay ordinary .docx files that open and can be edited in
Word and LibreOffice. Each is slimmed (`shared.slim`): only the styles its paragraphs use,
none of python-docx's stock parts, so a render parses tens of kilobytes, not 800. A test
rebuilds them all and compares them with the committed files.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from docgen.documents.shared.slim import slim
from docgen.files import rezip
from docgen.kinds import KINDS, Kind

PROJECT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def build(kind: Kind, outdir: Path) -> Path:
    """Write one kind's template into `outdir`; return its path."""
    layout = importlib.import_module(f"docgen.documents.{kind.package}.layout")
    path = outdir / kind.template
    layout.build(path)
    path.write_bytes(rezip(slim(path.read_bytes())))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Build every template into OUTDIR (default: the project's templates/ folder)."""
    args = list(sys.argv[1:] if argv is None else argv)
    outdir = Path(args[0]) if args else PROJECT_TEMPLATES
    for kind in KINDS:
        print(f"Đã tạo {build(kind, outdir)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
