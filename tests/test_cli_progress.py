"""`docgen build` shows per-document progress on a terminal and nothing when redirected."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from docgen import build
from docgen.progress import Step

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def _run_on_terminal(args: list[str]) -> tuple[int, str, str]:
    """Run docgen with stderr on a pseudo-terminal; return status, stdout, terminal text."""
    import pty

    main, side = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "docgen", *args], stdout=subprocess.PIPE,
                               stderr=side, stdin=subprocess.DEVNULL,
                               env={**os.environ, "COLUMNS": "120"})
    os.close(side)
    screen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    assert process.stdout is not None
    with process.stdout:
        stdout = process.stdout.read()
    process.wait()
    os.close(main)
    return process.returncode, stdout.decode("utf-8"), screen.decode("utf-8", "replace")


def test_terminal_shows_each_document(tmp_path: Path) -> None:
    status, stdout, screen = _run_on_terminal(
        ["build", str(build.SAMPLE), "--out", str(tmp_path)])
    assert status == 0, screen
    total = len(list((tmp_path / "2021" / "cum-ix").glob("*.docx")))
    seen = {int(n) for n in re.findall(rf"Lập văn bản (\d+)/{total}", screen)}
    # every step is drawn as it starts, however fast (the bar is not left to its ticks)
    assert seen == set(range(1, total + 1))
    assert re.search(rf"Kiểm tra thể thức \d+/{total}", screen)
    assert "Lưu vào kho" in screen
    assert "Đã lập 14 văn bản" in stdout  # the result itself still goes to stdout


def test_redirected_output_has_no_progress(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "docgen", "build", str(build.SAMPLE),
                           "--out", str(tmp_path)], capture_output=True, check=False)
    assert done.returncode == 0
    text = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
    assert "Lập văn bản 1/" not in text and "\x1b[" not in text


def test_build_reports_every_document_in_order(tmp_path: Path) -> None:
    steps: list[Step] = []
    built = build.build(build.SAMPLE, tmp_path, progress=steps.append)
    names = [p.name for p in built.paths]
    rendered = [s for s in steps if s.stage == "render"]
    assert [s.name for s in rendered] == names
    assert [s.done for s in rendered] == list(range(len(names)))
    assert {s.total for s in rendered} == {len(names)}
    assert [s.name for s in steps if s.stage == "lint"] == names
    stages = [s.stage for s in steps]
    assert stages[0] == "read" and stages[-1] == "archive"
    assert rendered[2].words() == f"Lập văn bản 3/{len(names)}: {names[2]}"
