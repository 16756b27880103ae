"""The archive under faults: concurrent builds, name clashes, damaged manifests, kept files,
kills during finalize, errors between renames, full disks. Nothing may be lost, and every
failure is a Vietnamese message, never a traceback."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from docgen import archive, build
from docgen.archive import layout, store
from docgen.archive.manifest import MARKER
from docgen.cli import main
from docgen.errors import ArchiveError
from tests.conftest import ROOT, SAMPLE, SAMPLE_DOCUMENTS, set_cell, set_form

ONLY = ["bao-cao-tong-ket", "to-trinh"]
INFO = "Thông tin chung"


def _numbered(folder: Path, number: int) -> Path:
    """The sample with another cluster number (so another set folder)."""
    path = folder / f"wb{number}.xlsx"
    shutil.copy(SAMPLE, path)
    book = openpyxl.load_workbook(path)
    set_form(book, INFO, "Số hiệu Cụm", number)
    book.save(path)
    return path


def _manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False),
                                          encoding="utf-8")


def _verify(root: Path, year: int, cluster: str) -> list[str]:
    return archive.verify_set(archive.find_set(root, year, cluster))


# ---------------------------------------------------------------- concurrent builds

def _publish_rounds(args: tuple[str, int, int, list[archive.Output]]) -> list[str]:
    """Worker: publish one cluster's set `rounds` times, verifying it after each."""
    root, number, rounds, outputs = args
    problems = []
    for _ in range(rounds):
        store.publish(Path(root), 2021, number, outputs, SAMPLE)
        problems += archive.verify_set(archive.find_set(Path(root), 2021,
                                                        layout.cluster_slug(number)))
    return problems


def test_four_clusters_publish_side_by_side_for_twenty_rounds(tmp_path: Path) -> None:
    checked = build.check(SAMPLE)
    outputs = build.render_all(checked, build.select_kinds(None))
    jobs = [(str(tmp_path), n, 20, outputs) for n in (9, 10, 11, 12)]
    with multiprocessing.get_context("fork").Pool(4) as pool:
        problems = pool.map(_publish_rounds, jobs)
    assert problems == [[], [], [], []]
    sets = archive.list_sets(tmp_path)
    assert [(s.cluster, s.revision, s.status) for s in sets] == [
        ("cum-ix", 1, "draft"), ("cum-x", 1, "draft"), ("cum-xi", 1, "draft"),
        ("cum-xii", 1, "draft")]
    assert all(len(s.documents) == SAMPLE_DOCUMENTS for s in sets)
    assert sorted(p.name for p in (tmp_path / "2021").iterdir()) == [
        "cum-ix", "cum-x", "cum-xi", "cum-xii"]  # no lock file left behind


def _publish_forever(root: str, outputs: list[archive.Output], rounds: int) -> None:
    for _ in range(rounds):
        store.publish(Path(root), 2021, 9, outputs, SAMPLE)


def test_verify_while_the_set_is_rebuilt_sees_it_whole(tmp_path: Path) -> None:
    checked = build.check(SAMPLE)
    outputs = build.render_all(checked, build.select_kinds(ONLY))
    store.publish(tmp_path, 2021, 9, outputs, SAMPLE)
    writer = multiprocessing.get_context("fork").Process(
        target=_publish_forever, args=(str(tmp_path), outputs, 30))
    writer.start()
    results = []
    while writer.is_alive():
        for info in archive.list_sets(tmp_path):
            results.append(archive.verify_locked(info))
    writer.join()
    assert writer.exitcode == 0
    assert results and all(r == [] for r in results)


def _problems(stderr: str) -> str:
    """What a build printed on stderr besides its one line per document still holding
    fill-in markers ("còn … chỗ cần bổ sung", expected of every draft)."""
    return "".join(line for line in stderr.splitlines(keepends=True)
                   if "chỗ cần bổ sung" not in line)


def _cli_build(workbook: Path, root: Path, *flags: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "docgen.cli", "build", str(workbook),
                             "--out", str(root), *flags], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_docgen_build_of_four_clusters_at_once(tmp_path: Path) -> None:
    workbooks = [_numbered(tmp_path, n) for n in (9, 10, 11, 12)]
    root = tmp_path / "R"
    for _ in range(2):
        # whole sets, as a clerk builds them; the Decree 30 check (no part of how the
        # archive writes) is left to the other tests, so eight builds fit in CI's time
        children = [_cli_build(wb, root, "--no-lint") for wb in workbooks]
        results = [(*c.communicate(timeout=120), c.returncode) for c in children]
        for stdout, stderr, code in results:
            assert (code, _problems(stderr)) == (0, ""), stderr
            assert f"Đã lập {SAMPLE_DOCUMENTS} văn bản" in stdout
    for s in archive.list_sets(root):
        assert archive.verify_set(s) == []
        assert len(s.documents) == SAMPLE_DOCUMENTS


@pytest.mark.slow
def test_two_builds_of_one_set_at_once_both_succeed_in_turn(tmp_path: Path) -> None:
    children = [_cli_build(SAMPLE, tmp_path) for _ in range(2)]
    for child in children:
        _, stderr = child.communicate(timeout=120)
        assert (child.returncode, _problems(stderr)) == (0, "")
    assert _verify(tmp_path, 2021, "cum-ix") == []
    assert [p.name for p in (tmp_path / "2021").iterdir() if "staging" in p.name
            or ".old-" in p.name] == []


def test_recovery_touches_only_its_own_cluster(tmp_path: Path) -> None:
    year = tmp_path / "2021"
    other_staging = year / ".cum-x.staging-abc"
    other_aside = year / ".cum-x.old-999"
    own_staging = year / ".cum-ix.staging-def"
    own_temp = year / ".cum-ix.manifest.json.xyz.tmp"
    for folder in (other_staging, other_aside, own_staging):
        folder.mkdir(parents=True)
        (folder / "a.docx").write_bytes(b"x")
    own_temp.write_bytes(b"{")
    build.build(SAMPLE, tmp_path, only=ONLY)
    assert other_staging.is_dir() and other_aside.is_dir()
    assert not own_staging.exists() and not own_temp.exists()
    assert not (year / "cum-x").exists()  # another cluster's set moved aside stays aside


# ---------------------------------------------------------------- one name, one file

def _clashing_short_names(book: Any) -> None:
    set_cell(book, "Thành viên", "Tên ngắn", 4, "TP. Cần Thơ 2")  # Sóc Trăng: the flag
    set_cell(book, "Thành viên", "Tên ngắn", 2, "TP Cần Thơ 2")  # Kiên Giang: Bằng khen


def test_short_names_that_give_one_file_name_give_two_files(
        tmp_path: Path, edited: Callable[..., Path]) -> None:
    workbook = edited(_clashing_short_names)
    built = build.build(workbook, tmp_path, only=["bao-cao-thanh-tich"])
    names = [p.name for p in built.paths]
    assert names == ["2021_cum-ix_bao-cao-thanh-tich-tp-can-tho-2.docx",
                     "2021_cum-ix_bao-cao-thanh-tich-tp-can-tho-2-2.docx"]
    entries = {e["file"]: e.get("part") for e in _manifest(built.folder)["files"]}
    assert entries == {names[0]: "TP. Cần Thơ 2", names[1]: "TP Cần Thơ 2"}
    assert all(p.is_file() for p in built.paths)
    assert _verify(tmp_path, 2021, "cum-ix") == []


def test_two_outputs_with_one_name_are_refused(tmp_path: Path) -> None:
    output = archive.Output("2021_cum-ix_to-trinh.docx", b"x", "to-trinh", "t.docx", "0" * 64)
    twin = archive.Output("2021_cum-ix_TO-TRINH.docx", b"y", "to-trinh", "t.docx", "0" * 64)
    with pytest.raises(ArchiveError) as refused:
        store.publish(tmp_path, 2021, 9, [output, twin], SAMPLE)
    assert str(refused.value) == ("Hai văn bản cùng tên tệp '2021_cum-ix_TO-TRINH.docx' "
                                  "(“Tờ trình đề nghị khen thưởng” và “Tờ trình đề nghị khen "
                                  "thưởng”); không lưu.")
    assert not (tmp_path / "2021" / "cum-ix").exists()


def test_a_kind_named_twice_is_built_once(tmp_path: Path) -> None:
    built = build.build(SAMPLE, tmp_path, only=["to-trinh", "to-trinh"])
    assert [p.name for p in built.paths] == ["2021_cum-ix_to-trinh.docx"]
    assert len(_manifest(built.folder)["files"]) == 1


# ---------------------------------------------------------------- damaged manifests

def _finalized(tmp_path: Path) -> Path:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    archive.finalize(tmp_path, 2021, "cum-ix")
    return folder


def test_finalize_writes_a_marker_beside_the_manifest(tmp_path: Path) -> None:
    folder = _finalized(tmp_path)
    marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    assert marker["manifest_sha256"] == archive.sha256((folder / "manifest.json").read_bytes())
    assert (marker["year"], marker["cluster"], marker["revision"]) == (2021, "cum-ix", 1)
    assert _verify(tmp_path, 2021, "cum-ix") == []
    assert [p.name for p in (tmp_path / "2021").iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("damage", ["truncate", "delete", "draft-again", "marker-only"])
def test_a_finalized_set_is_never_overwritten_whatever_happens_to_its_manifest(
        tmp_path: Path, damage: str) -> None:
    folder = _finalized(tmp_path)
    manifest = folder / "manifest.json"
    if damage == "truncate":
        manifest.write_bytes(manifest.read_bytes()[:-5])
    elif damage == "delete":
        manifest.unlink()
    elif damage == "draft-again":  # the status edited back by hand
        data = _manifest(folder)
        data["status"] = "draft"
        _write_manifest(folder, data)
    else:  # the marker deleted, the manifest still says finalized
        (folder / MARKER).unlink()
    before = {p.name: p.read_bytes() for p in folder.glob("*.docx")}
    with pytest.raises(ArchiveError) as refused:
        build.build(SAMPLE, tmp_path, only=ONLY)
    assert "không ghi đè" in str(refused.value)
    assert "thêm --revision để tạo lần 2 bên cạnh" in str(refused.value)
    assert {p.name: p.read_bytes() for p in folder.glob("*.docx")} == before
    assert build.build(SAMPLE, tmp_path, only=ONLY, revision=True).folder.name == "cum-ix.r2"


def test_a_truncated_manifest_is_reported_as_damaged(tmp_path: Path) -> None:
    folder = _finalized(tmp_path)
    manifest = folder / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:-5])
    info = archive.find_set(tmp_path, 2021, "cum-ix")
    assert info.status == "damaged"
    problems = archive.verify_set(info)
    assert len(problems) == 1
    assert problems[0].startswith(f"{manifest}: hỏng, không đối chiếu được: "
                                  "manifest.json không phải JSON hợp lệ (dòng ")


def test_a_deleted_manifest_leaves_the_set_visible_and_failing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    (folder / "manifest.json").unlink()
    assert [s.status for s in archive.list_sets(tmp_path)] == ["damaged"]
    assert main(["archive", "verify", "--root", str(tmp_path)]) == 1
    printed = capsys.readouterr()
    assert f"{folder / 'manifest.json'}: hỏng, không đối chiếu được: không có " \
           "tệp manifest.json." in printed.out
    assert "Lỗi: 1 bộ văn bản không còn nguyên vẹn." in printed.err
    assert main(["archive", "list", "--root", str(tmp_path)]) == 0
    assert "Hỏng danh mục tệp" in capsys.readouterr().out


def test_a_manifest_changed_after_finalize_is_found(tmp_path: Path) -> None:
    folder = _finalized(tmp_path)
    data = _manifest(folder)
    data["built_at"] = "2000-01-01T00:00:00+00:00"
    _write_manifest(folder, data)
    assert _verify(tmp_path, 2021, "cum-ix") == [
        f"{folder / 'manifest.json'}: đã bị sửa sau khi bộ văn bản được chốt ngày "
        f"{data['finalized_at']} (kiểm tra toàn vẹn với finalized.json không khớp)."]


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda m: m.pop(key)


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(manifest: dict[str, Any]) -> None:
        keys = path.split(".")
        target: Any = manifest
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        target[int(last) if last.isdigit() else last] = value
    return edit


def _duplicate(manifest: dict[str, Any]) -> None:
    manifest["files"].append(dict(manifest["files"][0], sha256="1" * 64))


MALFORMED = [
    (_drop("files"), "thiếu khóa 'files'."),
    (_drop("workbook"), "thiếu khóa 'workbook'."),
    (_set("files", {"a": 1}), "khóa 'files' phải là một danh sách […]."),
    (_set("year", "2021"), "khóa 'year' phải là một số nguyên."),
    (_set("year", 2020), "khóa 'year' ghi 2020 nhưng thư mục là của năm 2021."),
    (_set("status", "sent"), "khóa 'status' phải là 'draft' hoặc 'finalized', không phải "
                             "'sent'."),
    (_set("files.0", "x.docx"), "khóa 'files[0]' phải là một đối tượng {…}."),
    (_set("files.0.sha256", None), "khóa 'files[0].sha256' phải là một chuỗi chữ."),
    (_set("files.0.sha256", "abc"), "khóa 'files[0].sha256' không phải mã SHA-256 (64 chữ "
                                    "số hex)."),
    (_set("files.0.size", True), "khóa 'files[0].size' phải là một số nguyên."),
    (_set("files.0.file", "../../x.docx"), "khóa 'files[0].file' có đường dẫn '../../x.docx' "
                                           "ra ngoài thư mục bộ văn bản hoặc không hợp lệ."),
    (_set("files.0.file", "/etc/passwd"), "khóa 'files[0].file' có đường dẫn '/etc/passwd' ra "
                                          "ngoài thư mục bộ văn bản hoặc không hợp lệ."),
    (_set("files.0.file", "C:\\x.docx"), "khóa 'files[0].file' có đường dẫn 'C:\\x.docx' ra "
                                         "ngoài thư mục bộ văn bản hoặc không hợp lệ."),
    (_set("workbook.file", "nguon/../../x"), "khóa 'workbook.file' có đường dẫn "
                                             "'nguon/../../x' ra ngoài thư mục bộ văn bản "
                                             "hoặc không hợp lệ."),
    (_duplicate, "tệp '2021_cum-ix_bao-cao-tong-ket.docx' được liệt kê hai lần."),
]


@pytest.mark.parametrize(("edit", "message"), MALFORMED)
def test_a_malformed_manifest_is_an_error_naming_the_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        edit: Callable[[dict[str, Any]], None], message: str) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    data = _manifest(folder)
    edit(data)
    _write_manifest(folder, data)
    info = archive.find_set(tmp_path, 2021, "cum-ix")
    assert (info.status, info.damage) == ("damaged", message)
    for command in (["archive", "verify"], ["archive", "finalize", "2021", "9"],
                    ["archive", "bundle", "2021", "IX"], ["archive", "list"]):
        code = main([*command, "--root", str(tmp_path)])
        printed = capsys.readouterr()
        assert code == (0 if command[1] == "list" else 1), printed
        assert message in printed.out + printed.err
        assert "Traceback" not in printed.err
    assert not list((tmp_path / "2021").glob("*.zip"))


def test_duplicate_keys_in_the_manifest_are_refused(tmp_path: Path) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    text = (folder / "manifest.json").read_text(encoding="utf-8")
    (folder / "manifest.json").write_text(text.replace('"status": "draft",',
                                                       '"status": "draft", "status": "draft",'),
                                          encoding="utf-8")
    assert archive.find_set(tmp_path, 2021, "cum-ix").damage == (
        "manifest.json không phải JSON hợp lệ (khóa 'status' xuất hiện hai lần).")


def test_a_document_replaced_by_a_link_to_an_identical_file_is_found(tmp_path: Path) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    document = folder / "2021_cum-ix_to-trinh.docx"
    outside = tmp_path / "copy.docx"
    shutil.copy(document, outside)
    document.unlink()
    document.symlink_to(outside)
    assert _verify(tmp_path, 2021, "cum-ix") == [
        f"{document}: là liên kết (symlink), không phải tệp thật."]
    with pytest.raises(ArchiveError, match="Không đóng gói được"):
        archive.bundle(tmp_path, 2021, "cum-ix", draft=True)


def test_bundle_entries_stay_inside_the_set_folder(tmp_path: Path) -> None:
    build.build(SAMPLE, tmp_path, only=ONLY)
    with zipfile.ZipFile(archive.bundle(tmp_path, 2021, "cum-ix", workbook=True,
                                        draft=True)) as package:
        names = package.namelist()
    assert len(names) == len(set(names)) == 3
    assert all(n.startswith("cum-ix/") and ".." not in n for n in names)


# ---------------------------------------------------------------- files docgen did not make

def test_a_rebuild_keeps_files_docgen_did_not_make(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    scan = folder / "to-trinh-da-ky.pdf"
    scan.write_bytes(b"%PDF-1.7 signed scan")
    (folder / "scan").mkdir()
    (folder / "scan" / "trang-2.png").write_bytes(b"png")
    (folder / "~$21_cum-ix_to-trinh.docx").write_bytes(b"Word's owner file")
    for _ in range(2):  # kept, recorded, and kept again by the next rebuild
        assert main(["build", str(SAMPLE), "--out", str(tmp_path), "--only", ",".join(ONLY)]) \
            == 0
        printed = capsys.readouterr().out
        assert "Giữ nguyên 2 tệp không do docgen lập (đã có trong thư mục từ trước):" in printed
        assert "  - scan/trang-2.png" in printed and "  - to-trinh-da-ky.pdf" in printed
        assert scan.read_bytes() == b"%PDF-1.7 signed scan"
        assert (folder / "scan" / "trang-2.png").read_bytes() == b"png"
        assert not (folder / "~$21_cum-ix_to-trinh.docx").exists()
        assert _verify(tmp_path, 2021, "cum-ix") == []
    kept = {e["file"] for e in _manifest(folder)["kept"]}
    assert kept == {"scan/trang-2.png", "to-trinh-da-ky.pdf"}
    assert archive.finalize(tmp_path, 2021, "cum-ix").status == "finalized"
    with zipfile.ZipFile(archive.bundle(tmp_path, 2021, "cum-ix")) as package:
        assert "cum-ix/to-trinh-da-ky.pdf" in package.namelist()
    scan.write_bytes(b"changed")
    assert _verify(tmp_path, 2021, "cum-ix") == [
        f"{scan}: tệp đã sửa: nội dung khác bản đã lưu (kiểm tra toàn vẹn không khớp)."]


def test_a_build_of_fewer_kinds_does_not_remove_the_others(tmp_path: Path) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    before = {p.name: p.read_bytes() for p in folder.glob("*.docx")}
    built = build.build(SAMPLE, tmp_path, only=["to-trinh"])
    assert [p.name for p in built.paths] == ["2021_cum-ix_to-trinh.docx"]
    assert built.unchanged == ["2021_cum-ix_bao-cao-tong-ket.docx"]
    assert {p.name: p.read_bytes() for p in folder.glob("*.docx")} == before
    assert {e["file"] for e in _manifest(folder)["files"]} == set(before)
    assert _verify(tmp_path, 2021, "cum-ix") == []


def test_a_kept_file_with_a_new_documents_name_stops_the_build(tmp_path: Path) -> None:
    folder = build.build(SAMPLE, tmp_path, only=["bao-cao-tong-ket"]).folder
    mine = folder / "2021_cum-ix_to-trinh.docx"
    mine.write_bytes(b"the clerk's own file")
    with pytest.raises(ArchiveError) as refused:
        build.build(SAMPLE, tmp_path, only=ONLY)
    assert str(refused.value) == (f"Tệp '{mine}' không do docgen lập nhưng trùng tên với tệp "
                                  "sắp lập; hãy đổi tên hoặc chuyển tệp đó ra chỗ khác rồi "
                                  "lập lại.")
    assert mine.read_bytes() == b"the clerk's own file"


# ---------------------------------------------------------------- kills and OS faults

def _stalled_at_replace(action: str) -> str:
    """A child script running `docgen.archive.<action>(root, 2021, "cum-ix")` whose first
    atomic write prints "writing <name>" and then hangs, to be killed there."""
    return f"""
import sys, time
from pathlib import Path
from docgen import files
from docgen.archive import {action}

def slow_replace(src, dst):
    print("writing", Path(dst).name, flush=True)
    time.sleep(60)
files.os.replace = slow_replace
{action}(Path(sys.argv[1]), 2021, "cum-ix")
"""


KILLED_FINALIZE = _stalled_at_replace("finalize")


def test_finalize_killed_half_way_leaves_the_set_usable(tmp_path: Path) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    child = subprocess.Popen([sys.executable, "-c", KILLED_FINALIZE, str(tmp_path)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing manifest.json"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    assert sorted(p.name for p in folder.iterdir()) == [
        "2021_cum-ix_bao-cao-tong-ket.docx", "2021_cum-ix_to-trinh.docx", "manifest.json",
        "nguon"]
    assert _verify(tmp_path, 2021, "cum-ix") == []
    assert len(list((tmp_path / "2021").glob(".cum-ix.manifest.json.*.tmp"))) == 1
    info = archive.finalize(tmp_path, 2021, "cum-ix")
    assert info.status == "finalized" and (folder / MARKER).is_file()
    assert list((tmp_path / "2021").glob("*.tmp")) == []


def test_an_error_between_the_two_renames_puts_the_old_set_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    before = {p.name: p.read_bytes() for p in folder.glob("*.docx")}
    real = os.replace

    def failing(src: Any, dst: Any) -> None:
        if ".staging-" in str(src) and Path(dst) == folder:
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(store.os, "replace", failing)
    with pytest.raises(ArchiveError) as failed:
        build.build(SAMPLE, tmp_path, only=ONLY)
    assert str(failed.value) == (f"Không ghi được bộ văn bản năm 2021 của cum-ix vào "
                                 f"'{tmp_path}': lỗi đọc/ghi ổ đĩa (mã lỗi 5). Bộ văn bản đã "
                                 "lưu trước đó (nếu có) vẫn giữ nguyên.")
    assert {p.name: p.read_bytes() for p in folder.glob("*.docx")} == before
    assert sorted(p.name for p in (tmp_path / "2021").iterdir()) == ["cum-ix"]


def test_a_full_disk_is_a_message_and_loses_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    before = {p.name: p.read_bytes() for p in folder.glob("*.docx")}

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.shutil, "copyfile", full)
    assert main(["build", str(SAMPLE), "--out", str(tmp_path), "--only", ",".join(ONLY)]) == 1
    assert "ổ đĩa đã đầy (mã lỗi 28)" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in folder.glob("*.docx")} == before
    assert [p.name for p in (tmp_path / "2021").iterdir() if "staging" in p.name] == []


def test_renames_are_flushed_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flushed: list[Path] = []
    monkeypatch.setattr(store, "fsync_dir", flushed.append)
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    assert folder.parent in flushed
    assert any(".staging-" in p.name for p in flushed)


@pytest.mark.parametrize(("cluster", "message"), [
    ("0", "Số cụm '0' không hợp lệ: cần một số từ 1 đến 3999 (ví dụ 9), số La Mã (IX) hoặc "
          "tên thư mục (cum-ix)."),
    ("...", "Tên cụm '...' không hợp lệ: ví dụ 9, IX hoặc cum-ix."),
])
def test_an_impossible_cluster_is_a_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], cluster: str, message: str) -> None:
    assert main(["archive", "bundle", "2021", cluster, "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == f"Lỗi: {message}"


def test_the_build_counts_documents_and_pdfs_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from docgen import pdf

    def fake(paths: list[Path], **options: object) -> list[tuple[Path, int]]:
        made = [p.with_suffix(".pdf") for p in paths]  # (options: progress, as the CLI asks)
        for path in made:
            path.write_bytes(b"%PDF-1.7")
        return [(path, 1) for path in made]

    monkeypatch.setattr(pdf, "convert", fake)
    assert main(["build", str(SAMPLE), "--out", str(tmp_path), "--only", ",".join(ONLY),
                 "--pdf"]) == 0
    assert "Đã lập 2 văn bản và 2 bản PDF vào thư mục" in capsys.readouterr().out


def test_archive_commands_take_the_builds_out_option(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build.build(SAMPLE, tmp_path, only=ONLY)
    assert main(["archive", "verify", "--out", str(tmp_path)]) == 0
    assert "Năm 2021, cum-ix, lần 1: toàn vẹn" in capsys.readouterr().out


# ---------------------------------------------------------------- edits under kills and races

KILLED_KEEPING_BUILD = """
import sys, time
from pathlib import Path
from docgen.build import build

def slow_pdf(paths):
    print("staged", flush=True)
    time.sleep(60)
    return []

build(Path(sys.argv[1]), Path(sys.argv[2]), only=["to-trinh"], pdf=slow_pdf, edited="keep")
"""


def test_a_keeping_build_killed_half_way_loses_no_edit(tmp_path: Path) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    proposal = folder / "2021_cum-ix_to-trinh.docx"
    proposal.write_bytes(proposal.read_bytes() + b" edited")
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    child = subprocess.Popen([sys.executable, "-c", KILLED_KEEPING_BUILD, str(SAMPLE),
                              str(tmp_path)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "staged"  # the edit copied beside, not swapped
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    with pytest.raises(ArchiveError, match="có 1 tệp đã sửa"):
        build.build(SAMPLE, tmp_path, only=["to-trinh"])  # still an edit: still asks
    built = build.build(SAMPLE, tmp_path, only=["to-trinh"], edited="keep")
    assert [e.file for e in built.edits] == ["2021_cum-ix_to-trinh.docx"]
    assert before["2021_cum-ix_to-trinh.docx"] in [p.read_bytes() for p in folder.iterdir()
                                                   if "-da-sua-" in p.name]
    assert sorted(p.name for p in (tmp_path / "2021").iterdir()) == ["cum-ix"]


KILLED_ACCEPT = _stalled_at_replace("accept")


def test_accept_killed_half_way_leaves_the_set_as_it_was(tmp_path: Path) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    proposal = folder / "2021_cum-ix_to-trinh.docx"
    proposal.write_bytes(proposal.read_bytes() + b" edited")
    manifest = (folder / "manifest.json").read_bytes()
    child = subprocess.Popen([sys.executable, "-c", KILLED_ACCEPT, str(tmp_path)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing manifest.json"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    assert (folder / "manifest.json").read_bytes() == manifest
    assert _verify(tmp_path, 2021, "cum-ix") == [f"{proposal}: {archive.sets.EDITED}"]
    assert len(list((tmp_path / "2021").glob(".cum-ix.manifest.json.*.tmp"))) == 1
    assert [a.file for a in archive.accept(tmp_path, 2021, "cum-ix")] == [proposal.name]
    assert _verify(tmp_path, 2021, "cum-ix") == []
    assert sorted(p.name for p in (tmp_path / "2021").iterdir()) == ["cum-ix"]


def _cli_build_only(kind: str, root: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "docgen.cli", "build", str(SAMPLE),
                             "--out", str(root), "--only", kind], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_builds_of_different_kinds_of_one_set_at_once_add_up(tmp_path: Path) -> None:
    kinds = ["bao-cao-tong-ket", "to-trinh", "danh-sach", "bien-ban"]
    children = [_cli_build_only(kind, tmp_path) for kind in kinds]
    for child in children:
        _, stderr = child.communicate(timeout=120)
        assert (child.returncode, _problems(stderr)) == (0, "")
    info = archive.find_set(tmp_path, 2021, "cum-ix")
    assert sorted({e["kind"] for e in info.manifest["files"]}) == sorted(kinds)
    assert archive.verify_set(info) == []
    assert sorted(p.name for p in (tmp_path / "2021").iterdir()) == ["cum-ix"]


COUNTING = """
import sys
from pathlib import Path
from docgen.archive.lock import locked

lock, counter = Path(sys.argv[1]), Path(sys.argv[2])
for _ in range(int(sys.argv[3])):
    with locked(lock, "test"):
        value = int(counter.read_text())
        counter.write_text(str(value + 1))
"""


@pytest.mark.slow
def test_the_lock_removed_after_each_holder_still_excludes(tmp_path: Path) -> None:
    counter = tmp_path / "counter"
    counter.write_text("0")
    lock_file = tmp_path / "2021" / ".cum-ix.lock"
    children = [subprocess.Popen([sys.executable, "-c", COUNTING, str(lock_file),
                                  str(counter), "150"], cwd=ROOT) for _ in range(6)]
    for child in children:
        assert child.wait(timeout=120) == 0
    assert counter.read_text() == "900"  # no two holders at once: no increment lost
    assert not lock_file.exists()
