"""Windows-ready output and paths: docgen run as a .bat would run it, with output redirected
to a file under a legacy code page, and on workbooks and folders with Windows-style names.

The child processes start together (one module fixture) so the file stays fast."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from docgen import cli_i18n
from tests.conftest import ROOT, SAMPLE
from tests.test_cli import EXPECTED_FILES

ENCODINGS = ("cp1252", "cp1258")  # Western and Vietnamese Windows code pages

CHECKED = [
    "Sổ tính hợp lệ: Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu, năm 2021, "
    "7 đơn vị thành viên.",
    "Năm 2022: Cụm trưởng Thanh tra tỉnh Kiên Giang, Cụm phó Thanh tra tỉnh Cà Mau.",
]


def _env(encoding: str) -> dict[str, str]:
    """The environment of a child whose redirected stdout and stderr use `encoding`, as
    Windows gives a .bat's redirected output its ANSI code page."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUTF8"}
    return {**env, "PYTHONIOENCODING": encoding, "COLUMNS": "100", "NO_COLOR": "1"}


def _windows_names(base: Path) -> tuple[Path, Path]:
    """A copy of the sample and an output folder named as on a clerk's shared drive: spaces,
    Vietnamese letters, brackets, and more than 200 characters each."""
    folder = (base / "Phòng Tổng hợp - Thanh tra tỉnh Kiên Giang"
              / "Hồ sơ thi đua khen thưởng năm 2021 (bản chính) [đã duyệt]"
              / "Cụm thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu")
    folder.mkdir(parents=True)
    workbook = folder / "Sổ tính tổng kết thi đua Cụm IX năm 2021 - bản cuối cùng.xlsx"
    shutil.copyfile(SAMPLE, workbook)
    out = folder / "Văn bản lưu trữ của Cụm (bản in ký, đóng dấu)"
    assert len(str(workbook)) > 200 and len(str(out)) > 200
    return workbook, out


@dataclass
class Run:
    code: int
    out: str  # stdout and stderr read back as UTF-8: a byte that is not fails the test
    err: str


@dataclass
class Runs:
    workbook: Path
    out: Path
    results: dict[tuple[str, str], Run]


def _commands(workbook: Path, out: Path, missing: Path) -> dict[tuple[str, str], list[str]]:
    commands = {}
    for encoding in ENCODINGS:
        commands[encoding, "check"] = ["check", str(workbook)]
        commands[encoding, "help"] = ["--help"]
        commands[encoding, "usage error"] = ["init", "--year", "abc", "so-moi.xlsx"]
    commands["cp1258", "error"] = ["check", str(missing)]
    commands["cp1258", "build"] = ["build", str(workbook), "--out", str(out)]
    return commands


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    base = tmp_path_factory.mktemp("windows")
    workbook, out = _windows_names(base)
    missing = workbook.with_name("Sổ tính không có.xlsx")
    logs = base / "nhật ký"
    logs.mkdir()
    started = {}
    for (encoding, name), argv in _commands(workbook, out, missing).items():
        stdout = (logs / f"{encoding} {name}.out").open("wb")
        stderr = (logs / f"{encoding} {name}.err").open("wb")
        child = subprocess.Popen([sys.executable, "-m", "docgen.cli", *argv], cwd=ROOT,
                                 env=_env(encoding), stdout=stdout, stderr=stderr)
        started[encoding, name] = child, stdout, stderr
    results = {}
    for key, (child, stdout, stderr) in started.items():
        code = child.wait(timeout=120)
        stdout.close()
        stderr.close()
        results[key] = Run(code, Path(stdout.name).read_bytes().decode("utf-8"),
                           Path(stderr.name).read_bytes().decode("utf-8"))
    return Runs(workbook, out, results)


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_check_redirected_under_a_legacy_code_page(runs: Runs, encoding: str) -> None:
    run = runs.results[encoding, "check"]
    assert (run.code, run.err) == (0, "")
    lines = run.out.splitlines()
    for line in CHECKED:
        assert line in lines
    assert "Kết quả chấm điểm" in run.out and "Thanh tra tỉnh Sóc Trăng" in run.out


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_help_redirected_under_a_legacy_code_page(runs: Runs, encoding: str) -> None:
    run = runs.results[encoding, "help"]
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith("Cách dùng: docgen [-h] [--version] LỆNH ...\n")
    assert re.search(r"^  -h, --help +In hướng dẫn này rồi thoát\.$", run.out, re.MULTILINE)


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_usage_error_redirected_under_a_legacy_code_page(runs: Runs, encoding: str) -> None:
    usage = runs.results[encoding, "usage error"]
    assert (usage.code, usage.out) == (2, "")
    assert usage.err == ("Cách dùng: docgen init [-h] [--year NĂM] [--force] TỆP.xlsx\n"
                         "Lỗi: tham số --year: giá trị số nguyên không hợp lệ: 'abc'.\n"
                         "Xem thêm: docgen init --help\n")


@pytest.mark.slow
def test_error_naming_a_vietnamese_path_redirected_under_cp1258(runs: Runs) -> None:
    failed = runs.results["cp1258", "error"]
    assert (failed.code, failed.out) == (1, "")
    missing = runs.workbook.with_name("Sổ tính không có.xlsx")
    assert failed.err == f"Lỗi: Không tìm thấy tệp '{missing}'.\n"


@pytest.mark.slow
def test_build_with_windows_style_names_redirected_under_cp1258(runs: Runs) -> None:
    run = runs.results["cp1258", "build"]
    problems = [line for line in run.err.splitlines() if "chỗ cần bổ sung" not in line]
    assert (run.code, problems) == (0, [])  # the drafts' fill-in markers: one line each
    folder = runs.out / "2021" / "cum-ix"
    lines = run.out.splitlines()
    assert lines[0] == f"Đã lập {len(EXPECTED_FILES)} văn bản vào thư mục {folder}:"
    assert lines[1:1 + len(EXPECTED_FILES)] == [f"  - {name}" for name in EXPECTED_FILES]
    assert sorted(p.name for p in folder.glob("*.docx")) == sorted(EXPECTED_FILES)
    assert all((folder / name).stat().st_size > 0 for name in EXPECTED_FILES)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal (pty)")
def test_a_terminal_keeps_its_code_page_and_shows_a_missing_letter_as_a_question_mark(
) -> None:
    import pty

    terminal, child_end = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "docgen.cli", "--help"], cwd=ROOT,
                             env=_env("cp1252"), stdout=child_end, stderr=subprocess.PIPE)
    os.close(child_end)
    shown = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    assert child.communicate(timeout=60) == (None, b"")
    assert child.returncode == 0
    text = shown.decode("cp1252").replace("\r\n", "\n")
    assert text.startswith("Cách dùng: docgen [-h] [--version] L?NH ...\n")
    # "ư", "ẫ", "ồ" are not in cp1252.
    assert re.search(r"^  -h, --help +In h\?\?ng d\?n này r\?i thoát\.$", text, re.MULTILINE)


class _Terminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


MESSAGE = "Lỗi: sổ tính “Cụm IX”"


@pytest.mark.parametrize(("raw", "encoding", "written"), [
    (io.BytesIO, "utf-8", MESSAGE.encode()),
    # cp1258 has "í" and the quotes, not "ỗ", "ổ", "ụ": a terminal shows "?" for those.
    (_Terminal, "cp1258", b"L?i: s? t\xednh \x93C?m IX\x94"),
])
def test_safe_streams_write_utf8_to_a_file_and_replace_on_a_terminal(
        monkeypatch: pytest.MonkeyPatch, raw: type[io.BytesIO], encoding: str,
        written: bytes) -> None:
    streams = {name: io.TextIOWrapper(raw(), encoding="cp1258", errors="strict")
               for name in ("stdout", "stderr")}
    for name, stream in streams.items():
        monkeypatch.setattr(sys, name, stream)
    cli_i18n.safe_streams()
    for stream in streams.values():
        assert stream.encoding == encoding
        stream.write(MESSAGE)
        stream.flush()
        assert isinstance(stream.buffer, io.BytesIO)
        assert stream.buffer.getvalue() == written


def test_safe_streams_leave_a_stream_they_cannot_change(monkeypatch: pytest.MonkeyPatch) -> None:
    replaced = io.StringIO()
    monkeypatch.setattr(sys, "stdout", replaced)
    closed = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    closed.close()
    monkeypatch.setattr(sys, "stderr", closed)
    cli_i18n.safe_streams()  # neither raises
    assert sys.stdout is replaced and sys.stderr is closed
