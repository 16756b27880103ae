"""Build every docxtpl template of docgen into templates/ (or OUTDIR).

Run ``python tools/make_templates.py [OUTDIR]``. Each document's layout is code in a
tpl_*.py module built from the shared Decree 30 blocks in layout.py, so the templates can be
reviewed and rebuilt; they stay ordinary .docx files that open and can be edited in Word and
LibreOffice.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import tpl_achievements
import tpl_minutes
import tpl_nominees
import tpl_pact
import tpl_plan
import tpl_proposal
import tpl_report

BUILDERS: dict[str, Callable[[Path], None]] = {
    "bao-cao-tong-ket.docx": tpl_report.build_report,
    "bien-ban.docx": tpl_minutes.build_minutes,
    "to-trinh.docx": tpl_proposal.build_proposal,
    "danh-sach.docx": tpl_nominees.build_nominees,
    "bao-cao-thanh-tich.docx": tpl_achievements.build_achievements,
    "ke-hoach.docx": tpl_plan.build_plan,
    "giao-uoc.docx": tpl_pact.build_pact,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Build every template into OUTDIR (default: the project's templates/ folder)."""
    args = list(sys.argv[1:] if argv is None else argv)
    outdir = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "templates"
    for name, builder in BUILDERS.items():
        builder(outdir / name)
        print(f"Đã tạo {outdir / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
