"""Every OS call the archive makes, failing in turn: the k-th rename, copy, fsync, mkdir,
open or temporary file of a build (a whole one, one of some kinds keeping an edited
document beside), a finalize, an accept, a bundle and a sign (first or replacing) raises a
disk error. Each run must end in
success or a Vietnamese ArchiveError, the set that was there before must still verify with
the same bytes, and the next clean run must leave no leftovers."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from docgen import archive, build
from docgen.archive import store
from docgen.errors import ArchiveError
from tests.conftest import SAMPLE
from tests.test_archive_sign import make_pdf

ONLY = ["bao-cao-tong-ket", "to-trinh"]
# (module, attribute) pairs the archive reaches the disk through.
CALLS = [(os, "replace"), (os, "fsync"), (os, "mkdir"), (os, "open"), (shutil, "copyfile"),
         (shutil, "copy2"), (tempfile, "mkstemp"), (tempfile, "mkdtemp")]


class Injected(OSError):
    """The disk error the sweep raises."""


@contextmanager
def failing_at(k: int, errno_: int = errno.EIO) -> Iterator[list[str]]:
    """Make the k-th call (1-based) of any of CALLS raise; yield the calls made."""
    made: list[str] = []
    saved = [(module, name, getattr(module, name)) for module, name in CALLS]

    def wrap(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            made.append(name)
            if len(made) == k:
                raise Injected(errno_, os.strerror(errno_))
            return real(*args, **kwargs)
        return call

    for module, name, real in saved:
        setattr(module, name, wrap(name, real))
    try:
        yield made
    finally:
        for module, name, real in saved:
            setattr(module, name, real)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _count_calls(action: Callable[[], object]) -> int:
    with failing_at(10**9) as made:
        action()
    return len(made)


@pytest.fixture(scope="module")
def outputs() -> list[archive.Output]:
    checked = build.check(SAMPLE)
    return build.render_all(checked, build.select_kinds(ONLY))


def _publish(root: Path, outputs: list[archive.Output]) -> Callable[[], object]:
    return lambda: store.publish(root, 2021, 9, outputs, SAMPLE)


def test_every_disk_error_while_publishing_keeps_the_previous_set(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    scan = b"signed scan"
    calls = _count_calls(_publish(tmp_path / "probe", outputs))
    assert calls > 10
    for k in range(1, calls + 1):
        root = tmp_path / f"k{k}"
        folder = store.publish(root, 2021, 9, outputs, SAMPLE).folder
        (folder / "to-trinh-da-ky.pdf").write_bytes(scan)
        before = _snapshot(folder)
        published = True
        with failing_at(k):
            try:
                store.publish(root, 2021, 9, outputs, SAMPLE)
            except ArchiveError as exc:
                assert "Bộ văn bản đã lưu trước đó (nếu có) vẫn giữ nguyên." in str(exc)
                published = False
        after = _snapshot(folder)
        # Either the old set is intact, or the new one is complete; nothing in between.
        assert after.keys() == before.keys(), k
        assert after["to-trinh-da-ky.pdf"] == scan
        # The new set records the scan it kept; the old one never knew it.
        stranger = [f"{folder / 'to-trinh-da-ky.pdf'}: {archive.sets.STRANGER}"]
        assert archive.verify_set(archive.find_set(root, 2021, "cum-ix")) == (
            [] if published else stranger), k
        store.publish(root, 2021, 9, outputs, SAMPLE)  # a clean run repairs leftovers
        assert sorted(p.name for p in (root / "2021").iterdir()) == ["cum-ix"], k


def test_every_disk_error_while_finalizing_keeps_the_set_usable(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    probe = tmp_path / "probe"
    store.publish(probe, 2021, 9, outputs, SAMPLE)
    calls = _count_calls(lambda: archive.finalize(probe, 2021, "cum-ix"))
    assert calls >= 4
    for k in range(1, calls + 1):
        root = tmp_path / f"k{k}"
        folder = store.publish(root, 2021, 9, outputs, SAMPLE).folder
        documents = {n: b for n, b in _snapshot(folder).items() if n.endswith(".docx")}
        with failing_at(k):
            try:
                archive.finalize(root, 2021, "cum-ix")
            except ArchiveError as exc:
                assert str(exc).startswith("Không chốt được bộ văn bản năm 2021 của cum-ix: ")
        info = archive.find_set(root, 2021, "cum-ix")
        assert archive.verify_set(info) == [], k
        assert {n: b for n, b in _snapshot(folder).items() if n.endswith(".docx")} == documents
        assert archive.finalize(root, 2021, "cum-ix").status == "finalized"
        with pytest.raises(ArchiveError, match="không ghi đè"):
            store.publish(root, 2021, 9, outputs, SAMPLE)
        assert [p.name for p in (root / "2021").iterdir() if p.name.endswith(".tmp")] == []


def test_every_disk_error_while_bundling_is_a_message(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    store.publish(tmp_path, 2021, 9, outputs, SAMPLE)
    calls = _count_calls(lambda: archive.bundle(tmp_path, 2021, "cum-ix", draft=True))
    refused = 0
    for k in range(1, calls + 1):
        with failing_at(k, errno.ENOSPC):
            try:
                archive.bundle(tmp_path, 2021, "cum-ix", draft=True)
            except ArchiveError as exc:
                assert "ổ đĩa đã đầy (mã lỗi 28)" in str(exc)
                refused += 1
        assert archive.verify_set(archive.find_set(tmp_path, 2021, "cum-ix")) == []
    assert refused >= 2  # the faults did fire: writing the zip and renaming it both fail


def _edited_set(root: Path, outputs: list[archive.Output]) -> Path:
    """A set whose proposal was edited by hand after it was built."""
    folder = store.publish(root, 2021, 9, outputs, SAMPLE).folder
    proposal = folder / "2021_cum-ix_to-trinh.docx"
    proposal.write_bytes(proposal.read_bytes() + b" edited")
    return folder


def test_every_disk_error_while_keeping_an_edit_loses_nothing(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    one = [o for o in outputs if o.kind == "to-trinh"]

    def publish(root: Path) -> object:
        return store.publish(root, 2021, 9, one, SAMPLE, kinds=["to-trinh"], edited="keep")

    probe = tmp_path / "probe"
    _edited_set(probe, outputs)
    calls = _count_calls(lambda: publish(probe))
    assert calls > 10
    for k in range(1, calls + 1):
        root = tmp_path / f"k{k}"
        folder = _edited_set(root, outputs)
        before = _snapshot(folder)
        edited = before["2021_cum-ix_to-trinh.docx"]
        with failing_at(k):
            try:
                publish(root)
            except ArchiveError as exc:
                assert "Bộ văn bản đã lưu trước đó (nếu có) vẫn giữ nguyên." in str(exc)
        after = _snapshot(folder)
        if after != before:  # not the old set, whole, with the edit where it was, so the
            # new set, whole: the edit beside, the other kind byte for byte
            kept = [n for n in after if "-da-sua-" in n]
            assert [after[n] for n in kept] == [edited], k
            assert after["2021_cum-ix_bao-cao-tong-ket.docx"] == \
                before["2021_cum-ix_bao-cao-tong-ket.docx"], k
            assert archive.verify_set(archive.find_set(root, 2021, "cum-ix")) == [], k
        publish(root)  # a clean run repairs leftovers and keeps the edit if still there
        assert edited in _snapshot(folder).values(), k
        assert sorted(p.name for p in (root / "2021").iterdir()) == ["cum-ix"], k


def test_every_disk_error_while_accepting_leaves_the_manifest_whole(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    probe = tmp_path / "probe"
    _edited_set(probe, outputs)
    calls = _count_calls(lambda: archive.accept(probe, 2021, "cum-ix"))
    assert calls >= 4
    for k in range(1, calls + 1):
        root = tmp_path / f"k{k}"
        folder = _edited_set(root, outputs)
        documents = {n: b for n, b in _snapshot(folder).items() if n.endswith(".docx")}
        with failing_at(k, errno.ENOSPC):
            try:
                archive.accept(root, 2021, "cum-ix")
            except ArchiveError as exc:
                assert "ổ đĩa đã đầy (mã lỗi 28)" in str(exc)
                assert str(exc).endswith("Bộ văn bản vẫn giữ nguyên.")
        info = archive.find_set(root, 2021, "cum-ix")
        assert info.damage is None, k
        assert archive.verify_set(info) in (
            [], [f"{folder / '2021_cum-ix_to-trinh.docx'}: {archive.sets.EDITED}"]), k
        assert {n: b for n, b in _snapshot(folder).items() if n.endswith(".docx")} == documents
        if archive.verify_set(info):
            archive.accept(root, 2021, "cum-ix")
        assert archive.verify_set(archive.find_set(root, 2021, "cum-ix")) == [], k
        assert sorted(p.name for p in (root / "2021").iterdir()) == ["cum-ix"], k


@pytest.mark.parametrize("again", [False, True], ids=["first", "replacing"])
def test_every_disk_error_while_signing_leaves_the_set_verifying(
        tmp_path: Path, outputs: list[archive.Output], again: bool) -> None:
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    first.write_bytes(make_pdf(1))
    second.write_bytes(make_pdf(3))
    signed = "2021_cum-ix_to-trinh_da-ky.pdf"

    def prepare(root: Path) -> Path:
        folder = store.publish(root, 2021, 9, outputs, SAMPLE).folder
        if again:
            archive.sign(root, 2021, "cum-ix", "to-trinh", first)
        return folder

    def sign(root: Path) -> object:
        return archive.sign(root, 2021, "cum-ix", "to-trinh", second, replace=again)

    prepare(tmp_path / "probe")
    calls = _count_calls(lambda: sign(tmp_path / "probe"))
    assert calls >= 6
    refused = 0
    for k in range(1, calls + 1):
        root = tmp_path / f"k{k}"
        folder = prepare(root)
        before = _snapshot(folder)
        with failing_at(k, errno.ENOSPC):
            try:
                sign(root)
            except ArchiveError as exc:
                assert "ổ đĩa đã đầy (mã lỗi 28)" in str(exc), k
                assert str(exc).endswith("Bộ văn bản vẫn giữ nguyên."), k
                refused += 1
                assert _snapshot(folder) == before, k
        after = _snapshot(folder)
        if after != before:  # signed: the new paper and its record, nothing else changed
            assert after[signed] == second.read_bytes(), k
            assert {n: b for n, b in after.items() if n not in (signed, "manifest.json")} == \
                {n: b for n, b in before.items() if n not in (signed, "manifest.json")}, k
        assert archive.verify_set(archive.find_set(root, 2021, "cum-ix")) == [], k
        assert sorted(p.name for p in (root / "2021").iterdir()) == ["cum-ix"], k
        sign(root) if after == before else None  # a clean run signs it
        assert _snapshot(folder)[signed] == second.read_bytes(), k
    # Every call fails it but three: the lock's mkdir of the year folder (there already,
    # which pathlib accepts) and the flush of the set's folder once both renames are done.
    assert refused == calls - 3
