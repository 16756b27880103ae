"""A command loads only the libraries it uses: pypdf when a PDF is made or read, Flask for
the page (`docgen serve`), PDFium for previews, rich's progress bar only while drawing one,
openpyxl (and numpy, which it loads) only to write or repair a workbook, docgen's stages only
for the commands that run them. Each probe runs in a fresh interpreter, since this test
process has imported everything."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLE

HEAVY = ("pypdf", "flask", "pypdfium2", "rich.progress", "openpyxl", "numpy")
# What reading and checking a workbook, rendering and linting documents load.
STAGES = ("docgen.intake", "docgen.model", "docgen.build", "docgen.render", "docgen.check",
          "docx", "docxtpl", "jinja2")


def loaded_after(code: str, cwd: Path, modules: tuple[str, ...] = HEAVY) -> dict[str, bool]:
    """Which of `modules` are in sys.modules after running `code` in a new interpreter."""
    probe = (f"import sys\n{code}\n"
             f"import json; print(json.dumps({{m: m in sys.modules for m in {modules!r}}}))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=cwd, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    loaded: dict[str, bool] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


def test_importing_the_cli_loads_none_of_them(tmp_path: Path) -> None:
    assert loaded_after("import docgen.cli", tmp_path, HEAVY + STAGES) == dict.fromkeys(
        HEAVY + STAGES, False)


def test_help_loads_no_stage(tmp_path: Path) -> None:
    code = ("import contextlib, io, docgen.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()) as shown:\n"
            "    assert docgen.cli.main(['--help']) == 0\n"
            "assert 'Các lệnh' in shown.getvalue()")
    assert loaded_after(code, tmp_path, HEAVY + STAGES) == dict.fromkeys(HEAVY + STAGES, False)


def test_the_fill_in_marker_loads_no_document_code(tmp_path: Path) -> None:
    """The linter finds markers by `docgen.fillin_marker.PATTERN` (also given by
    docgen.documents.shared.fillin) without loading the documents' code and the model."""
    code = ("from docgen.documents.shared.fillin import PATTERN, marker\n"
            "assert PATTERN.fullmatch(marker('quá trình thành lập'))")
    modules = ("docgen.model", "docgen.rules", "docgen.intake", "docgen.documents.shared.blocks")
    assert loaded_after(code, tmp_path, modules) == dict.fromkeys(modules, False)


def test_check_loads_none_of_them(tmp_path: Path) -> None:
    code = f"import docgen.cli\ndocgen.cli.main(['check', {str(SAMPLE)!r}])"
    assert loaded_after(code, tmp_path) == dict.fromkeys(HEAVY, False)


def test_build_without_pdf_loads_no_pdf_library(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = (f"import docgen.cli\n"
            f"docgen.cli.main(['build', {str(SAMPLE)!r}, '--out', {str(out)!r}])")
    loaded = loaded_after(code, tmp_path)
    assert list(out.rglob("*.docx")), "the build made no document"
    assert not loaded["pypdf"] and not loaded["pypdfium2"] and not loaded["flask"]
    assert not loaded["openpyxl"] and not loaded["numpy"]


def test_archive_list_loads_none_of_them(tmp_path: Path) -> None:
    code = f"import docgen.cli\ndocgen.cli.main(['archive', 'list', '--root', {str(tmp_path)!r}])"
    assert loaded_after(code, tmp_path, HEAVY + STAGES) == dict.fromkeys(HEAVY + STAGES, False)


def test_writing_a_workbook_loads_openpyxl(tmp_path: Path) -> None:
    """The probe sees openpyxl once a command writes a workbook (`docgen init`)."""
    book = tmp_path / "so-moi.xlsx"
    code = f"import docgen.cli\nassert docgen.cli.main(['init', {str(book)!r}]) == 0"
    assert loaded_after(code, tmp_path)["openpyxl"]
    assert book.exists()


def test_reading_a_pdf_loads_pypdf(tmp_path: Path) -> None:
    """The probe sees a late import: reading a PDF's text is what brings pypdf in."""
    bad = tmp_path / "not-a.pdf"
    bad.write_bytes(b"not a pdf")
    code = (f"import docgen.pdf, pathlib\n"
            f"assert docgen.pdf.short_ending(pathlib.Path({str(bad)!r})) is False")
    assert loaded_after(code, tmp_path)["pypdf"]


def test_the_page_brings_flask(tmp_path: Path) -> None:
    """The probe sees Flask once the page's application (what `docgen serve` runs) loads."""
    assert loaded_after("import docgen.web.app", tmp_path)["flask"]
