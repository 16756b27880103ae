"""One registry of kinds (docgen.kinds): every other list of kinds derives from it or equals
it, each kind lives in one folder, no kind imports another, and the committed templates are
exactly what their layout code builds."""

from __future__ import annotations

import ast
import re
import typing
import zipfile
from pathlib import Path

import pytest

from docgen import decree30 as d30
from docgen import kinds, model
from docgen.check import rules
from docgen.cli import main
from docgen.documents import KINDS as DOCUMENTS
from docgen.documents import build_templates
from docgen.documents.shared.common import TYPE_ABBR
from docgen.intake import schema
from tests.conftest import ROOT

PACKAGE = ROOT / "docgen" / "documents"
CODES = [k.code for k in kinds.KINDS]


def test_the_document_registry_is_the_kinds_registry() -> None:
    assert list(DOCUMENTS) == CODES
    assert [d.kind for d in DOCUMENTS.values()] == list(kinds.KINDS)


def test_signed_kinds_are_the_models_and_the_workbooks() -> None:
    signed = [k.code for k in kinds.KINDS if k.signing_row]
    assert list(typing.get_args(model.DocumentCode)) == signed
    assert {k.code: k.label for k in kinds.KINDS if k.signing_row} == schema.DOCUMENTS


def test_type_abbreviations_and_lint_profiles_come_from_the_registry() -> None:
    assert TYPE_ABBR == {"bao-cao-tong-ket": "BC", "bien-ban": "BB", "to-trinh": "TTr",
                         "ke-hoach": "KH", "giay-moi": "GM", "thong-bao-ket-luan": "TB",
                         "bao-cao-so-ket": "BC"}
    profile = rules.KindProfile
    assert dict(rules.KINDS) == {
        "BIÊN BẢN KIỂM PHIẾU": profile(number=False, date=False, recipients=False),
        "BÁO CÁO THÀNH TÍCH": profile(number=False, recipients=False),
        "BẢNG CHẤM ĐIỂM": profile(number=False, recipients=False),
        "PHIẾU BẦU": profile(number=False, date=False, header=False, signature=False,
                             recipients=False, page_numbers=False, papers=("A4", "A5")),
        "BIÊN BẢN": profile(date=False),
        "GIAO ƯỚC": profile(number=False, recipients=False),
    }
    titles = [t for t, _ in rules.KINDS]
    assert titles.index("BÁO CÁO THÀNH TÍCH") == 1  # before "BÁO CÁO"
    assert titles.index("BIÊN BẢN KIỂM PHIẾU") < titles.index("BIÊN BẢN")
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM" in rules.APPENDIX_OPENINGS
    assert "DANH SÁCH" in rules.APPENDIX_OPENINGS


def test_every_kind_has_one_template_and_the_folder_has_no_other() -> None:
    shipped = sorted(p.name for p in (ROOT / "templates").glob("*.docx"))
    assert shipped == sorted(k.template for k in kinds.KINDS)


def test_build_help_and_readme_list_every_kind_with_its_label(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for kind in kinds.KINDS:
        assert f"{kind.code} ({kind.label})" in help_text.replace("- ", "-")
        assert re.search(rf"^\| `{kind.code}` \| {kind.label} \|", readme, re.M), kind.code


@pytest.mark.parametrize("kind", kinds.KINDS, ids=CODES)
def test_each_kind_is_one_folder_that_imports_no_other_kind(kind: kinds.Kind) -> None:
    folder = PACKAGE / kind.package
    assert sorted(p.name for p in folder.glob("*.py")) == ["__init__.py", "context.py",
                                                           "layout.py"]
    others = {k.package for k in kinds.KINDS} - {kind.package}
    for path in folder.glob("*.py"):
        for name in _imports(path):
            parts = name.split(".")
            assert not (parts[:2] == ["docgen", "documents"] and len(parts) > 2
                        and parts[2] in others), f"{path.name} imports {name}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_every_decree_choice_lies_in_the_decree_range() -> None:
    measures = [*d30.SIZES.values(), *d30.MARGINS.values(), d30.FIRST_LINE_INDENT,
                d30.PARAGRAPH_SPACING]
    for measure in measures:
        assert measure.allowed.holds(measure.chosen), measure
    assert d30.LINE_SPACING_MIN <= d30.LINE_SPACING_CHOSEN <= d30.LINE_SPACING_MAX
    assert d30.PAGE_WIDTH - d30.MARGINS["left"].chosen \
        - d30.MARGINS["right"].chosen == d30.TEXT_WIDTH


def _parts(path: Path) -> dict[str, bytes]:
    """The word/*.xml parts of a .docx: its content, styles and settings, no time stamps."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()
                if name.startswith("word/") and name.endswith(".xml")}


def test_the_committed_templates_are_what_their_layout_code_builds(tmp_path: Path) -> None:
    for kind in kinds.KINDS:
        built = build_templates.build(kind, tmp_path)
        committed = ROOT / "templates" / kind.template
        assert _parts(built) == _parts(committed), (
            f"{kind.template} differs from its layout code: run "
            "python -m docgen.documents.build_templates")
