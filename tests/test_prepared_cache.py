"""A shipped template prepared by one process is loaded by the next (docgen.render.cache),
giving the same documents byte for byte; a damaged, foreign or unwritable cache is never an
error and never changes a document; a changed template is prepared anew."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from docgen import build
from docgen.render import SHIPPED, Template, _environment, cache, prepared
from tests.conftest import SAMPLE

KINDS_SCRIPT = """
import hashlib, sys
from docgen import build
checked = build.check(build.SAMPLE)
kinds = build.select_kinds(None, checked.book.settings.period)
for o in build.render_all(checked, kinds):
    print(o.name, hashlib.sha256(o.data).hexdigest())
"""


def _build_in_a_new_process(folder: str) -> str:
    env = {**os.environ, "DOCGEN_CACHE": folder}
    return subprocess.run([sys.executable, "-c", KINDS_SCRIPT], env=env, check=True,
                          capture_output=True, text=True).stdout


def test_a_new_process_loads_what_the_first_saved_and_writes_the_same_bytes(
        tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = _build_in_a_new_process(str(folder))
    saved = sorted(folder.glob("*.prepared"))
    # every template the sample's 14 documents use: not the half year's review, nor the
    # individual achievement report (no individual proposed); one for both unit reports
    assert len(saved) == 13
    stamps = {path: path.stat().st_mtime_ns for path in saved}
    second = _build_in_a_new_process(str(folder))
    assert second == first and len(first.splitlines()) == 14
    assert {path: path.stat().st_mtime_ns for path in saved} == stamps  # read, not rewritten
    without = _build_in_a_new_process("")
    assert without == first


def test_damaged_or_foreign_files_are_prepared_again(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE", str(tmp_path))
    data = (SHIPPED / "to-trinh.docx").read_bytes()
    checked = build.check(SAMPLE)
    kind = build.select_kinds(["to-trinh"])[0]
    context = kind.renditions(checked.book, checked.outcome)[0].context
    expected = Template("to-trinh.docx", data, trusted=True).render(context)
    saved = tmp_path / f"{cache.key(data)}.prepared"
    for damage in (b"", b"\x00garbage", saved.read_bytes()[:100],
                   __import__("marshal").dumps(("another-format", 1))):
        saved.write_bytes(damage)
        assert Template("to-trinh.docx", data, trusted=True).render(context) == expected
        # written anew, whole
        assert prepared.Prepared.loaded(saved.read_bytes(), None, _environment()) is not None


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("DOCGEN_CACHE", str(blocked / "cache"))
    data = (SHIPPED / "giay-moi.docx").read_bytes()
    assert Template("giay-moi.docx", data, trusted=True)._fast() is not None
    assert cache.read(cache.key(data)) is None


def test_a_changed_template_has_another_key_and_user_templates_are_not_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE", str(tmp_path))
    data = (SHIPPED / "giay-moi.docx").read_bytes()
    assert cache.key(data) != cache.key(data + b"\x00")
    Template("giay-moi.docx", data, trusted=False)._fast()
    assert not list(tmp_path.glob("*.prepared"))


def test_the_oldest_files_go_beyond_the_limit(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE", str(tmp_path))
    monkeypatch.setattr(cache, "_KEEP", 3)
    for index in range(5):
        cache.write(f"k{index}", b"x")
        os.utime(tmp_path / f"k{index}.prepared", (index, index))
    assert sorted(p.name for p in tmp_path.glob("*.prepared")) == [
        "k2.prepared", "k3.prepared", "k4.prepared"]


KILLED_SCRIPT = """
import sys
from docgen import build
checked = build.check(build.SAMPLE)
print("ready", flush=True)
build.render_all(checked, build.select_kinds(None, checked.book.settings.period))
"""


def _saved_files_are_whole(folder: Path) -> int:
    count = 0
    for path in folder.glob("*.prepared"):
        data = path.read_bytes()
        if data != prepared._BY_DOCXTPL:
            prepared.Prepared.loaded(data, None, _environment())  # raises if cut short
        count += 1
    return count


def test_builds_killed_while_saving_leave_whole_files_or_none(tmp_path: Path) -> None:
    import signal
    import time

    folder = tmp_path / "cache"
    env = {**os.environ, "DOCGEN_CACHE": str(folder)}
    for delay in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5):
        process = subprocess.Popen([sys.executable, "-c", KILLED_SCRIPT], env=env,
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        _saved_files_are_whole(folder)
    assert _build_in_a_new_process(str(folder)) == _build_in_a_new_process("")
    assert _saved_files_are_whole(folder) == 13


def test_concurrent_builds_share_one_folder(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {**os.environ, "DOCGEN_CACHE": str(folder)}
    processes = [subprocess.Popen([sys.executable, "-c", KINDS_SCRIPT], env=env,
                                  stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [process.communicate()[0] for process in processes]
    assert all(process.returncode == 0 for process in processes)
    assert len(set(outputs)) == 1 and outputs[0] == _build_in_a_new_process("")
    assert _saved_files_are_whole(folder) == 13
    assert not list(folder.glob(".*.tmp"))


def test_a_full_disk_while_saving_is_no_error_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    monkeypatch.setenv("DOCGEN_CACHE", str(tmp_path))
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle: int, mode: str) -> None:
            self._file = real_fdopen(handle, mode)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self._file.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache.os, "fdopen", Full)
    data = (SHIPPED / "giay-moi.docx").read_bytes()
    checked = build.check(SAMPLE)
    kind = build.select_kinds(["giay-moi"])[0]
    context = kind.renditions(checked.book, checked.outcome)[0].context
    rendered = Template("giay-moi.docx", data, trusted=True).render(context)
    monkeypatch.undo()
    monkeypatch.setenv("DOCGEN_CACHE", "")
    assert rendered == Template("giay-moi.docx", data, trusted=True).render(context)
    assert list(tmp_path.iterdir()) == []


def test_old_leftovers_of_killed_writes_are_removed(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE", str(tmp_path))
    old, fresh = tmp_path / ".old.tmp", tmp_path / ".fresh.tmp"
    old.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    os.utime(old, (0, 0))
    cache.write("k", b"x")
    assert not old.exists() and fresh.exists() and cache.read("k") == b"x"


def test_the_cache_folder_is_the_users_own_or_the_one_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE", str(tmp_path / "riêng"))
    assert cache.folder() == tmp_path / "riêng"
    monkeypatch.setenv("DOCGEN_CACHE", "")
    assert cache.folder() is None and cache.read("k") is None
    cache.write("k", b"x")  # off: nothing written, no error
    monkeypatch.delenv("DOCGEN_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "docgen"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "nhà"))
    assert cache.folder() == tmp_path / "nhà" / ".cache" / "docgen"
    monkeypatch.setattr(cache, "_WINDOWS", True)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Nguyễn Văn A" / "AppData" / "Local"))
    assert cache.folder() == tmp_path / "Nguyễn Văn A" / "AppData" / "Local" / "docgen" / "cache"
    monkeypatch.delenv("LOCALAPPDATA")
    assert cache.folder() is None  # no profile folder: no cache rather than a guess
