"""Ordinary OS errors a clerk meets are Vietnamese messages, exit status 1, no traceback,
and the set archived before is untouched: an --out that is a file, init onto a folder, a
rollover into a missing folder, Windows' "file in use" (WinError 32) while a document is open
in Word, and a full disk half-way through writing."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docgen.cli import main
from tests.conftest import SAMPLE

ONLY = "bao-cao-tong-ket,to-trinh"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "Traceback" not in text and "Error:" not in text
    return code, text


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_out_naming_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"not a folder")
    code, text = _run(capsys, "build", str(SAMPLE), "--out", str(target), "--only", ONLY)
    assert code == 1
    assert f"vào '{target}': một phần của đường dẫn là tệp chứ không phải thư mục" in text
    assert target.read_bytes() == b"not a folder"


def test_init_onto_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "so-2026.xlsx"
    folder.mkdir()
    code, text = _run(capsys, "init", str(folder))
    assert code == 1
    assert f"'{folder}' là một thư mục, không phải tệp sổ tính" in text
    assert folder.is_dir() and not any(folder.iterdir())


def test_rollover_into_a_missing_folder(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "khong-co" / "2022.xlsx"
    code, text = _run(capsys, "rollover", str(SAMPLE), "--out", str(target))
    assert code == 1
    assert f"Không có thư mục '{target.parent}'" in text
    assert not target.parent.exists()


def _raising(error: OSError, name: str = "replace") -> Callable[..., Any]:
    real = getattr(os, name)

    def call(*args: Any, **kwargs: Any) -> Any:
        if call.armed:  # type: ignore[attr-defined]
            raise error
        return real(*args, **kwargs)

    call.armed = True  # type: ignore[attr-defined]
    return call


def _in_use() -> OSError:
    error = PermissionError(errno.EACCES, "The process cannot access the file because it is "
                            "being used by another process")
    error.winerror = 32  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(("name", "error", "words"), [
    ("replace", _in_use(), "tệp đang được mở ở chương trình khác (ví dụ Word); hãy đóng tệp "
     "rồi chạy lại"),
    ("fsync", OSError(errno.ENOSPC, "No space left on device"), "ổ đĩa đã đầy"),
], ids=["word-has-it-open", "disk-full"])
def test_a_rebuild_that_cannot_write_keeps_the_set_before(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        name: str, error: OSError, words: str) -> None:
    out = tmp_path / "luu tru Cụm IX"  # a folder name with a space and Vietnamese letters
    assert _run(capsys, "build", str(SAMPLE), "--out", str(out), "--only", ONLY)[0] == 0
    before = _snapshot(out)
    monkeypatch.setattr(os, name, _raising(error, name))
    code, text = _run(capsys, "build", str(SAMPLE), "--out", str(out), "--only", ONLY)
    monkeypatch.undo()
    assert code == 1
    assert words in text
    assert "vẫn giữ nguyên" in text
    after = _snapshot(out)
    assert {k: v for k, v in after.items() if not k.rsplit("/", 1)[-1].startswith(".")} == {
        k: v for k, v in before.items() if not k.rsplit("/", 1)[-1].startswith(".")}
    assert _run(capsys, "archive", "verify", "2021", "cum-ix", "--out", str(out))[0] == 0
