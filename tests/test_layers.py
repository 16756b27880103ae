"""Dependencies point downstream only: each stage imports only the libraries it owns."""

from __future__ import annotations

import ast
from fnmatch import fnmatch
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "docgen"

# library -> the modules (glob patterns relative to docgen/) allowed to import it. python-docx
# also builds the templates (each kind's layout.py and the shared layout blocks) and gives the
# Decree 30 table its units; a kind's context.py never imports it.
OWNERS = {
    "openpyxl": ("intake/*",),
    "docxtpl": ("render/*",),
    "jinja2": ("render/*",),
    "docx": ("render/*", "check/*", "decree30.py", "documents/*/layout.py",
             "documents/shared/ooxml.py", "documents/shared/page.py",
             "documents/shared/blocks.py", "documents/shared/summary_blocks.py",
             "documents/shared/chartpart.py"),
    "pypdf": ("pdf.py", "archive/signing.py"),
    "rich": ("cli.py",),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_library_is_imported_only_by_its_stage(library: str) -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if library in _imports(path) and not any(fnmatch(rel, p) for p in OWNERS[library]):
            offenders.append(rel)
    assert offenders == []


def test_model_and_rules_import_no_document_or_sheet_library() -> None:
    for name in ("model.py", "rules.py", "vi.py"):
        assert _imports(PACKAGE / name) & set(OWNERS) == set(), name


def test_the_shared_file_guard_imports_no_document_library() -> None:
    # docgen.zipguard is used by intake, render and check alike: stdlib and lxml only.
    assert _imports(PACKAGE / "zipguard.py") & set(OWNERS) == set()
