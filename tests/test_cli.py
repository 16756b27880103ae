"""The command line, run in process: messages in Vietnamese, exit codes, nothing half-written."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen import resources
from docgen.cli import _parser, main
from tests.conftest import ROOT, set_cell, set_form
from tests.test_legacy import EXPECTED_WARNINGS, LEGACY_EDITS

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
    "2021_cum-ix_giay-moi.docx",
    "2021_cum-ix_bang-cham-diem.docx",
    "2021_cum-ix_phu-luc-diem.docx",
    "2021_cum-ix_phieu-bau.docx",
    "2021_cum-ix_bien-ban-kiem-phieu.docx",
    "2021_cum-ix_thong-bao-ket-luan.docx",
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
    assert [p.name for p in folder.parent.iterdir()] == ["cum-ix"]


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
        (["lap"], "Lỗi: tham số LỆNH: không có lựa chọn 'lap'; chọn một trong: 'check', "
                  "'build', "),
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
        "pip install -e '.[test]' && python -m pytest -n auto",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1] in ci


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
    from docgen import web

    served: list[tuple[object, ...]] = []  # `docgen serve` would serve until stopped
    monkeypatch.setattr(web, "serve", lambda *args, **kwargs: served.append(args))
    for argv in examples:
        assert argv[0] == "docgen"
        assert main(argv[1:]) == 0, (argv, capsys.readouterr().err)
    assert served == [(Path("reports"), "127.0.0.1", 0, None, True),
                      (Path("D:\\kho-van-ban"), "127.0.0.1", 8080, None, True)]


def test_archive_verify_reports_an_edited_file(sample: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(sample), "--out", str(tmp_path), "--only", "to-trinh"]) == 0
    edited = tmp_path / "2021" / "cum-ix" / "2021_cum-ix_to-trinh.docx"
    edited.write_bytes(edited.read_bytes()[:-1])
    capsys.readouterr()
    assert main(["archive", "verify", "--root", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "Năm 2021, cum-ix, lần 1: kiểm tra toàn vẹn thấy 1 chỗ không khớp:" in captured.out
    assert f"{edited}: tệp đã sửa" in captured.out
    assert "Lỗi: 1 bộ văn bản không còn nguyên vẹn." in captured.err


def test_build_refuses_a_document_that_breaks_the_decree(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    from docgen import check as check_module
    from docgen.check import Finding

    bad = Finding("page.margins", "error", "trang khổ giấy", "lề trái 20 mm",
                  "lề trái 30–35 mm", "Lề trái: cách mép trái từ 30 mm đến 35 mm")
    monkeypatch.setattr(check_module, "lint_counting", lambda data: ([bad], 0))
    assert main(["build", str(sample), "--out", str(tmp_path), "--only", "to-trinh"]) == 1
    err = capsys.readouterr().err
    assert "Văn bản chưa đạt thể thức Nghị định 30/2020/NĐ-CP nên không được lưu" in err
    assert "2021_cum-ix_to-trinh.docx:" in err
    assert "page.margins" in err and "lề trái 20 mm" in err
    assert not (tmp_path / "2021").exists()
    assert main(["build", str(sample), "--out", str(tmp_path), "--only", "to-trinh",
                 "--no-lint"]) == 0


def test_sample_writes_the_shipped_workbook_and_keeps_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "so mau.xlsx"
    assert main(["sample", str(target)]) == 0
    assert capsys.readouterr().out == (
        f"Đã ghi sổ tính mẫu (Cụm IX, năm 2021) vào {target}. Xem kết quả: docgen check "
        f'"{target}"; lập văn bản: docgen build "{target}"\n')
    assert target.read_bytes() == resources.sample_workbook().read_bytes()
    target.write_bytes(b"ban cua toi")
    assert main(["sample", str(target)]) == 1
    assert capsys.readouterr().err == f"Lỗi: Tệp '{target}' đã có; thêm --force nếu muốn ghi đè.\n"
    assert target.read_bytes() == b"ban cua toi"
    assert main(["sample", str(target), "--force"]) == 0
    assert target.read_bytes() == resources.sample_workbook().read_bytes()


@pytest.mark.parametrize(("name", "message"), [
    ("so-mau.xls", "Lỗi: Tên tệp 'so-mau.xls' phải có đuôi .xlsx.\n"),
    ("khong-co/so-mau.xlsx", "Lỗi: Không có thư mục '{tmp}/khong-co'.\n"),
])
def test_sample_refuses_a_wrong_target(name: str, message: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sample", str(tmp_path / name)]) == 1
    assert capsys.readouterr().err == message.format(tmp=tmp_path)
    assert list(tmp_path.iterdir()) == []


SHIPPED_TEMPLATES = sorted(p.name for p in (ROOT / "templates").glob("*.docx"))


def test_templates_export_copies_the_shipped_templates_and_says_what_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mẫu riêng"
    assert main(["templates", "export", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Đã chép {len(SHIPPED_TEMPLATES)} mẫu gốc vào thư mục {folder}:",
        *(f"  - {name}" for name in SHIPPED_TEMPLATES),
        "Bước tiếp theo:",
        "  1. Mở mẫu bằng Word hoặc LibreOffice và sửa câu chữ; giữ nguyên từng thẻ {{ … }} và "
        "{% … %} (không xóa, không tách đôi, không đổi tên biến).",
        f'  2. Kiểm tra các mẫu đã sửa: docgen templates check "{folder}"',
        f'  3. Lập văn bản bằng các mẫu đã sửa: docgen build SỔ_TÍNH --templates "{folder}"',
        "Mẫu nào không có trong thư mục thì docgen dùng mẫu gốc.",
    ]
    for name in SHIPPED_TEMPLATES:
        assert (folder / name).read_bytes() == (resources.templates_dir() / name).read_bytes()


def test_templates_export_keeps_a_clerk_s_edits_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp_path.joinpath("to-trinh.docx").write_bytes(b"da sua")
    assert main(["templates", "export", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"Lỗi: Thư mục '{tmp_path}' đã có 1 mẫu cùng tên (to-trinh.docx); thêm --force nếu "
        "muốn ghi đè.\n")
    assert [p.name for p in tmp_path.iterdir()] == ["to-trinh.docx"]  # nothing copied
    assert main(["templates", "export", str(tmp_path), "--force"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == SHIPPED_TEMPLATES
    assert tmp_path.joinpath("to-trinh.docx").read_bytes() != b"da sua"


def test_templates_export_refuses_a_file_as_folder(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mau.docx"
    target.write_bytes(b"")
    assert main(["templates", "export", str(target)]) == 1
    assert capsys.readouterr().err == f"Lỗi: '{target}' đã có và không phải là thư mục.\n"


def test_templates_check_fills_in_the_shipped_sample_by_default(
    capsys: pytest.CaptureFixture[str]
) -> None:
    assert _parser().parse_args(["templates", "check"]).workbook == resources.sample_workbook()


def test_a_repair_warning_is_printed_once(edited: Make) -> None:
    # In a child process (run in the checkout, so it imports this docgen): pytest's own log
    # handlers would hide Python's last-resort handler.
    path = edited(LEGACY_EDITS[1])
    done = subprocess.run([sys.executable, "-m", "docgen.cli", "check", str(path)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0
    assert done.stderr == f"Cảnh báo: {EXPECTED_WARNINGS[1]}\n"
