"""The web page's cache of checked workbooks (build.CheckCache): the same bytes are read
once, other bytes are read again, an invalid workbook is never kept, the repairs are
told to every caller, and a build from the cache writes the same documents."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from docgen import build, intake
from docgen.errors import Problem, ValidationFailed
from tests.conftest import SAMPLE


def test_the_same_bytes_are_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Path] = []
    real = intake.read_workbook

    def counting(path: Path, warnings: Any = None) -> Any:
        reads.append(path)
        return real(path, warnings)

    monkeypatch.setattr(intake, "read_workbook", counting)
    cache = build.CheckCache()
    copy = tmp_path / "ban-sao.xlsx"
    shutil.copyfile(SAMPLE, copy)
    first = cache.check(SAMPLE)
    assert cache.check(copy) is first  # same bytes, another file: not read again
    assert len(reads) == 1
    changed = tmp_path / "khac.xlsx"
    changed.write_bytes(SAMPLE.read_bytes() + b"\0")  # other bytes (a zip still): read again
    assert cache.check(changed) is not first
    assert len(reads) == 2


def test_an_invalid_workbook_is_never_kept(tmp_path: Path) -> None:
    from tests.test_web_app import with_meeting_date

    bad = tmp_path / "sai.xlsx"
    with_meeting_date(bad, "31/02/2021")
    cache = build.CheckCache()
    for _ in range(2):
        with pytest.raises(ValidationFailed):
            cache.check(bad)


def test_repairs_are_told_to_every_caller(edited: Any) -> None:
    from tests.test_legacy import EXPECTED_WARNINGS, LEGACY_EDITS

    legacy = edited(*LEGACY_EDITS, name="ma-cu.xlsx")
    cache = build.CheckCache()
    for _ in range(2):
        told: list[Problem] = []
        cache.check(legacy, told)
        assert [str(w) for w in told] == EXPECTED_WARNINGS


def test_a_build_from_the_cache_writes_the_same_documents(tmp_path: Path) -> None:
    cache = build.CheckCache()
    cache.check(SAMPLE)
    cached = build.build(SAMPLE, tmp_path / "a", cache=cache)
    fresh = build.build(SAMPLE, tmp_path / "b")
    names = sorted(p.name for p in cached.paths)
    assert names == sorted(p.name for p in fresh.paths) and len(names) == 14
    for name in names:
        assert (cached.folder / name).read_bytes() == (fresh.folder / name).read_bytes()


def test_only_a_few_workbooks_are_kept(tmp_path: Path) -> None:
    cache = build.CheckCache(keep=2)
    copies = []
    for n in range(3):  # three different files: the sample with a byte of its own
        path = tmp_path / f"so-{n}.xlsx"
        with zipfile.ZipFile(SAMPLE) as source, zipfile.ZipFile(path, "w") as target:
            for entry in source.infolist():
                target.writestr(entry, source.read(entry.filename))
            target.comment = bytes([n])
        copies.append(path)
        cache.check(path)
    assert len(cache._items) == 2
