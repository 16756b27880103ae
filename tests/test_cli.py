"""The command line, run in process: messages in Vietnamese, exit codes, nothing half-written."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.cli import _parser, main
from tests.conftest import ROOT, set_cell, set_form

Make = Callable[..., Path]


def test_check_prints_result(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(sample)]) == 0
    text = capsys.readouterr().out
    assert "Sổ tính hợp lệ: Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu" in text
    assert "Kết quả bình xét" in text
    assert "Cụm trưởng Thanh tra tỉnh Kiên Giang, Cụm phó Thanh tra tỉnh Cà Mau" in text


EXPECTED_FILES = [
    "2021_cum-ix_bao-cao-tong-ket.docx",
    "2021_cum-ix_bien-ban.docx",
    "2021_cum-ix_to-trinh.docx",
    "2021_cum-ix_danh-sach.docx",
    "2021_cum-ix_bao-cao-thanh-tich-soc-trang.docx",
    "2021_cum-ix_bao-cao-thanh-tich-kien-giang.docx",
    "2021_cum-ix_ke-hoach.docx",
    "2021_cum-ix_giao-uoc.docx",
]


def test_build_writes_the_year_package(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(sample), "--out", str(tmp_path)]) == 0
    folder = tmp_path / "2021" / "cum-ix"
    text = capsys.readouterr().out
    assert f"Đã lập {len(EXPECTED_FILES)} văn bản vào thư mục {folder}:" in text
    assert [line.removeprefix("  - ") for line in text.splitlines()[1:]] == EXPECTED_FILES
    archived = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert archived == sorted([*EXPECTED_FILES, "manifest.json", "nguon/cum-ix-2021.xlsx"])
    assert [p.name for p in folder.parent.iterdir() if p.name != ".cum-ix.lock"] == ["cum-ix"]


def test_build_only_some_kinds(sample: Path, tmp_path: Path) -> None:
    assert main(["build", str(sample), "--out", str(tmp_path), "--only",
                 "to-trinh, danh-sach"]) == 0
    names = sorted(p.name for p in (tmp_path / "2021" / "cum-ix").glob("*.docx"))
    assert names == ["2021_cum-ix_danh-sach.docx", "2021_cum-ix_to-trinh.docx"]


def test_invalid_workbook_exits_1_and_writes_nothing(
    edited: Make, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edited(
        lambda b: set_form(b, "Hội nghị", "Ngày họp", "31/02/2021"),
        lambda b: set_cell(b, "Bình xét", "Đơn vị", 2, "Thanh tra tỉnh Long An"),
    )
    out = tmp_path / "out"
    assert main(["build", str(path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Sổ tính có 2 lỗi cần sửa:" in err
    assert "Trang 'Hội nghị', ô B2 (Ngày họp)" in err
    assert "Trang 'Bình xét', ô B3 (Đơn vị): đơn vị “Thanh tra tỉnh Long An”" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "khong-co.xlsx"]) == 1
    assert capsys.readouterr().err.strip() == "Lỗi: Không tìm thấy tệp 'khong-co.xlsx'."


def test_unknown_kind(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(sample), "--out", str(tmp_path), "--only", "thu-moi"]) == 1
    assert "Không có loại văn bản 'thu-moi'" in capsys.readouterr().err


def _subcommands() -> dict[str, str]:
    parser = _parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {choice.dest: choice.help or "" for choice in action._choices_actions}


VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_command_has_vietnamese_help_and_is_in_readme(command: str) -> None:
    assert VIETNAMESE.search(_subcommands()[command])
    assert f"docgen {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["check", "--help"]])
def test_help_is_in_vietnamese(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert text.startswith("Cách dùng: docgen")
    for english in ("usage", "options", "positional arguments", "show this help"):
        assert english not in text.lower()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["build"], "Lỗi: thiếu tham số bắt buộc: SỔ_TÍNH."),
        (["lap"], "Lỗi: lệnh 'lap' không có; các lệnh: 'check', 'build', "),
        (["check", "a.xlsx", "--thua"], "Lỗi: tham số không hợp lệ: --thua."),
    ],
)
def test_usage_errors_are_in_vietnamese(argv: list[str], message: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.startswith("Cách dùng: docgen")


def test_readme_starts_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```")]
    assert block == [
        "pip install -e . && docgen build samples/cum-ix-2021.xlsx",
        "pip install -e '.[test]' && python -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && python -m pytest" in ci


def _readme_examples() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = text.split("## Using it", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].split() for line in usage.splitlines() if line.strip()]


def test_readme_examples_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    monkeypatch.chdir(tmp_path)
    examples = _readme_examples()
    assert len(examples) >= 10
    for argv in examples:
        assert argv[0] == "docgen"
        assert main(argv[1:]) == 0, (argv, capsys.readouterr().err)


def test_archive_verify_reports_an_edited_file(sample: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(sample), "--out", str(tmp_path), "--only", "to-trinh"]) == 0
    edited = tmp_path / "2021" / "cum-ix" / "2021_cum-ix_to-trinh.docx"
    edited.write_bytes(edited.read_bytes()[:-1])
    capsys.readouterr()
    assert main(["archive", "verify", "--root", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "Năm 2021, cum-ix, lần 1: 1 chỗ không khớp manifest.json:" in captured.out
    assert f"{edited}: nội dung đã bị thay đổi" in captured.out
    assert "Lỗi: 1 bộ văn bản không còn nguyên vẹn." in captured.err


def test_build_refuses_a_document_that_breaks_the_decree(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    from docgen import build as build_module
    from docgen.check import Finding

    bad = Finding("page.margins", "error", "trang khổ giấy", "lề trái 20 mm",
                  "lề trái 30–35 mm", "Lề trái: cách mép trái từ 30 mm đến 35 mm")
    monkeypatch.setattr(build_module, "lint", lambda data: [bad])
    assert main(["build", str(sample), "--out", str(tmp_path), "--only", "to-trinh"]) == 1
    err = capsys.readouterr().err
    assert "Văn bản chưa đạt thể thức Nghị định 30/2020/NĐ-CP nên không được lưu" in err
    assert "2021_cum-ix_to-trinh.docx:" in err
    assert "page.margins" in err and "lề trái 20 mm" in err
    assert not (tmp_path / "2021").exists()
    assert main(["build", str(sample), "--out", str(tmp_path), "--only", "to-trinh",
                 "--no-lint"]) == 0
