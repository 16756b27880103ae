"""`docgen lint`, run in process: output per file, exit codes, JSON, unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx.shared import Mm

from docgen.cli import main
from tests.conftest import SAMPLE
from tests.test_lint_builder import Sample, conforming

PASSED = "đạt thể thức Nghị định 30/2020/NĐ-CP."


def _save(sample: Sample, path: Path) -> Path:
    sample.doc.save(path)
    return path


def _good(tmp_path: Path) -> Path:
    return _save(conforming(), tmp_path / "dat.docx")


def _bad(tmp_path: Path) -> Path:
    sample = conforming()
    sample.doc.sections[0].left_margin = Mm(20)
    return _save(sample, tmp_path / "sai-le.docx")


def _landscape(tmp_path: Path) -> Path:
    sample = conforming()
    section = sample.doc.sections[0]
    section.page_width, section.page_height = Mm(297), Mm(210)
    return _save(sample, tmp_path / "ngang.docx")


def test_clean_file_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _good(tmp_path)
    assert main(["lint", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"Tệp {path}: {PASSED}\n"
    assert captured.err == ""


def test_errors_exit_1_with_one_line_each(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = _good(tmp_path), _bad(tmp_path)
    assert main(["lint", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"Tệp {good}: {PASSED}",
        f"Tệp {bad}: 1 lỗi, 0 cảnh báo",
        "  [lỗi] page.margins — Lề trang: trang khổ giấy: lề trái 20 mm; yêu cầu lề trái "
        "30–35 mm. (NĐ 30: \"Cách mép trên và mép dưới 20 - 25 mm, cách mép trái 30 - 35 mm, "
        "cách mép phải 15 - 20 mm.\")",
    ]
    assert captured.err == "Lỗi: 1 tệp chưa đạt thể thức Nghị định 30/2020/NĐ-CP.\n"


def test_warnings_alone_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _landscape(tmp_path)
    assert main(["lint", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Tệp {path}: 0 lỗi, 1 cảnh báo"
    assert lines[1].startswith("  [cảnh báo] page.orientation — Hướng trình bày: trang khổ giấy:")


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = _good(tmp_path), _bad(tmp_path)
    missing = tmp_path / "khong-co.docx"
    assert main(["lint", str(good), str(bad), str(missing), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out) == [
        {"file": str(good), "errors": 0, "warnings": 0, "findings": []},
        {"file": str(bad), "errors": 1, "warnings": 0, "findings": [{
            "rule": "page.margins", "title": "Lề trang", "severity": "error",
            "where": "trang khổ giấy",
            "found": "lề trái 20 mm", "expected": "lề trái 30–35 mm",
            "decree": "Cách mép trên và mép dưới 20 - 25 mm, cách mép trái 30 - 35 mm, "
                      "cách mép phải 15 - 20 mm.",
        }]},
        {"file": str(missing), "error": f"Không tìm thấy tệp '{missing}'."},
    ]
    assert "lề trái" in captured.out  # Vietnamese kept, not \u escapes
    assert captured.err == (f"Lỗi: Không tìm thấy tệp '{missing}'.\n"
                            "1 tệp chưa đạt thể thức Nghị định 30/2020/NĐ-CP.\n")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("khong-co.docx", "Lỗi: Không tìm thấy tệp '{path}'."),
        ("sample.xlsx", "Lỗi: Tệp '{path}' không phải là văn bản Word .docx hoặc đã hỏng."),
        ("rong.docx", "Lỗi: Tệp '{path}' không phải là văn bản Word .docx hoặc đã hỏng."),
        ("thu-muc", "Lỗi: '{path}' là thư mục, không phải tệp .docx."),
    ],
)
def test_unreadable_files_exit_1_without_traceback(
        name: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    if name == "sample.xlsx":
        path.write_bytes(SAMPLE.read_bytes())
    elif name == "rong.docx":
        path.write_bytes(b"")
    elif name == "thu-muc":
        path.mkdir()
    assert main(["lint", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err == message.format(path=path) + "\n"
    assert captured.out == ""
    assert "Traceback" not in captured.err


def test_unknown_format_is_a_vietnamese_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(_good(tmp_path)), "--format", "xml"]) == 2
    assert ("Lỗi: tham số --format: không có lựa chọn 'xml'; chọn một trong: 'text', 'json'."
            in capsys.readouterr().err)


def test_missing_argument_is_a_vietnamese_usage_error(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint"]) == 2
    assert "Lỗi: thiếu tham số bắt buộc: TỆP.docx." in capsys.readouterr().err


def test_help_is_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Cách dùng: docgen lint")
    assert "Nghị định 30/2020/NĐ-CP" in text
    for english in ("usage", "options", "positional arguments", "show this help"):
        assert english not in text.lower()
