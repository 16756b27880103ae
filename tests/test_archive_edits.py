"""The archive meets Word: documents edited by hand are facts (a rebuild stops, keeps them
beside or replaces them when told; `archive accept` records them), `--only` rebuilds inside
the set, Word's and the system's own files are ignored, files get ordinary permissions, no
lock file is left, and bundles hold what a recipient should get."""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

from docgen import archive, build
from docgen.archive.store import EditedFiles
from docgen.cli import main
from docgen.errors import ArchiveError
from tests.conftest import SAMPLE, SAMPLE_DOCUMENTS

ONLY = ["bao-cao-tong-ket", "to-trinh"]
REPORT = "2021_cum-ix_bao-cao-tong-ket.docx"
PROPOSAL = "2021_cum-ix_to-trinh.docx"
KEPT = re.compile(r"^2021_cum-ix_to-trinh-da-sua-\d{8}-\d{4}\.docx$")


def _manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _verify(root: Path) -> list[str]:
    return archive.verify_set(archive.find_set(root, 2021, "cum-ix"))


def _edit_in_word(path: Path, sentence: str = "Câu do văn thư sửa bằng Word.") -> bytes:
    """Change a document the way a clerk does: open it, add a sentence, save it."""
    document = docx.Document(str(path))
    document.add_paragraph(sentence)
    document.save(str(path))
    return path.read_bytes()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    return build.build(SAMPLE, tmp_path, only=ONLY).folder


# ---------------------------------------------------------------- edits stop a rebuild

def test_a_rebuild_stops_and_names_the_edited_document(
        tmp_path: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = _edit_in_word(built / PROPOSAL)
    before = _files(built)
    with pytest.raises(EditedFiles) as stopped:
        build.build(SAMPLE, tmp_path, only=ONLY)
    assert stopped.value.files == [PROPOSAL]
    assert _files(built) == before  # nothing written, nothing lost
    assert main(["build", str(SAMPLE), "--out", str(tmp_path), "--only", ",".join(ONLY)]) == 1
    message = capsys.readouterr().err
    assert message.startswith("Lỗi: Bộ văn bản năm 2021, cum-ix, lần 1 có 1 tệp đã sửa sau "
                              "khi docgen lập")
    assert f"  - {PROPOSAL}\n" in message
    assert "--giu-ban-sua: giữ bản đã sửa bên cạnh văn bản mới" in message
    assert "--thay-ban-sua: thay bản đã sửa bằng văn bản mới (bản đã sửa sẽ mất)" in message
    assert "Traceback" not in message
    assert (built / PROPOSAL).read_bytes() == edited
    assert [p.name for p in (tmp_path / "2021").iterdir()] == ["cum-ix"]  # no staging left


def test_with_keep_the_edit_survives_beside_the_new_document(
        tmp_path: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    generated = (built / PROPOSAL).read_bytes()
    edited = _edit_in_word(built / PROPOSAL)
    assert main(["build", str(SAMPLE), "--out", str(tmp_path), "--only", ",".join(ONLY),
                 "--giu-ban-sua"]) == 0
    printed = capsys.readouterr().out
    kept = [p.name for p in built.iterdir() if KEPT.match(p.name)]
    assert len(kept) == 1
    assert f"Giữ bản đã sửa của {PROPOSAL} với tên {kept[0]}." in printed
    assert (built / kept[0]).read_bytes() == edited
    assert (built / PROPOSAL).read_bytes() == generated  # the new document, as generated
    entry = next(e for e in _manifest(built)["kept"] if e["file"] == kept[0])
    assert entry["edited_from"] == PROPOSAL
    assert entry["generated_sha256"] == archive.sha256(generated)
    assert entry["sha256"] == archive.sha256(edited)
    assert _verify(tmp_path) == []
    # the next rebuild carries the kept copy, with what it records, and asks nothing
    build.build(SAMPLE, tmp_path, only=ONLY)
    assert (built / kept[0]).read_bytes() == edited
    again = next(e for e in _manifest(built)["kept"] if e["file"] == kept[0])
    assert again["edited_from"] == PROPOSAL
    assert _verify(tmp_path) == []


def test_two_keeps_in_one_minute_get_two_names(tmp_path: Path, built: Path) -> None:
    first = _edit_in_word(built / PROPOSAL, "Lần sửa thứ nhất.")
    build.build(SAMPLE, tmp_path, only=ONLY, edited="keep")
    second = _edit_in_word(built / PROPOSAL, "Lần sửa thứ hai.")
    build.build(SAMPLE, tmp_path, only=ONLY, edited="keep")
    kept = sorted((p.name, p.read_bytes()) for p in built.iterdir() if "-da-sua-" in p.name)
    assert {data for _, data in kept} == {first, second}
    assert _verify(tmp_path) == []


def test_with_replace_the_edit_is_replaced(
        tmp_path: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    generated = (built / PROPOSAL).read_bytes()
    _edit_in_word(built / PROPOSAL)
    assert main(["build", str(SAMPLE), "--out", str(tmp_path), "--only", ",".join(ONLY),
                 "--thay-ban-sua"]) == 0
    assert f"Đã thay tệp đã sửa {PROPOSAL} bằng văn bản mới." in capsys.readouterr().out
    assert (built / PROPOSAL).read_bytes() == generated
    assert not [p for p in built.iterdir() if "-da-sua-" in p.name]
    assert _verify(tmp_path) == []


def test_keep_and_replace_together_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SAMPLE), "--out", str(tmp_path), "--giu-ban-sua",
                 "--thay-ban-sua"]) == 2
    assert "--thay-ban-sua" in capsys.readouterr().err


def test_a_full_rebuild_of_an_untouched_set_asks_nothing(tmp_path: Path, built: Path) -> None:
    build.build(SAMPLE, tmp_path)
    assert _verify(tmp_path) == []


def test_an_edited_pdf_signed_in_place_stops_the_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(paths: list[Path]) -> list[tuple[Path, int]]:
        made = [p.with_suffix(".pdf") for p in paths]
        for path in made:
            path.write_bytes(b"%PDF-1.7 " + path.name.encode())
        return [(path, 1) for path in made]

    folder = build.build(SAMPLE, tmp_path, only=ONLY, pdf=fake).folder
    signed = folder / PROPOSAL.replace(".docx", ".pdf")
    signed.write_bytes(signed.read_bytes() + b" signed digitally")
    with pytest.raises(EditedFiles) as stopped:
        build.build(SAMPLE, tmp_path, only=ONLY, pdf=fake)
    assert stopped.value.files == [signed.name]
    build.build(SAMPLE, tmp_path, only=ONLY, pdf=fake, edited="keep")
    kept = [p for p in folder.iterdir() if "-da-sua-" in p.name]
    assert [p.read_bytes() for p in kept] == [b"%PDF-1.7 " + signed.name.encode()
                                              + b" signed digitally"]


def test_a_save_in_word_while_the_build_runs_stops_it_and_keeps_the_save(
        tmp_path: Path, built: Path) -> None:
    saved: list[bytes] = []

    def word_saves_meanwhile(paths: list[Path]) -> list[tuple[Path, int]]:
        saved.append(_edit_in_word(built / PROPOSAL, "Lưu trong lúc đang lập."))
        return []

    with pytest.raises(ArchiveError) as stopped:
        build.build(SAMPLE, tmp_path, only=ONLY, pdf=word_saves_meanwhile, edited="keep")
    assert str(stopped.value) == (
        "Trong lúc lập, 1 tệp của bộ văn bản năm 2021, cum-ix, lần 1 vừa được sửa hoặc lưu "
        f"lại ({PROPOSAL}), có thể đang mở trong Word; chưa lập để không mất bản sửa. Hãy "
        "lưu, đóng tệp rồi chạy lại.")
    assert (built / PROPOSAL).read_bytes() == saved[0]
    assert [p.name for p in (tmp_path / "2021").iterdir()] == ["cum-ix"]
    build.build(SAMPLE, tmp_path, only=ONLY, edited="keep")  # run again: kept beside
    assert [p.read_bytes() for p in built.iterdir() if "-da-sua-" in p.name] == saved


# ---------------------------------------------------------------- --only inside the set

def test_only_rebuilds_inside_the_set_and_keeps_the_rest_byte_identical(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = build.build(SAMPLE, tmp_path).folder
    before = _files(folder)
    times = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.docx")}
    entries = {e["file"]: e for e in _manifest(folder)["files"]}
    assert len(entries) == SAMPLE_DOCUMENTS
    (folder / PROPOSAL).unlink()  # the one kind rebuilt comes back
    assert main(["build", str(SAMPLE), "--out", str(tmp_path), "--only", "to-trinh"]) == 0
    printed = capsys.readouterr().out
    assert "Đã lập 1 văn bản" in printed
    assert (f"Giữ nguyên {SAMPLE_DOCUMENTS - 1} tệp khác của bộ văn bản (không lập lại lần "
            "này).") in printed
    after = _files(folder)
    assert after.keys() == before.keys()
    for name, data in before.items():
        if name != "manifest.json":
            assert after[name] == data, name
    for name, mtime in times.items():
        if name != PROPOSAL:
            assert (folder / name).stat().st_mtime_ns == mtime, name
    now = {e["file"]: e for e in _manifest(folder)["files"]}
    assert now == entries  # every entry kept, the rebuilt one with the same bytes
    assert _verify(tmp_path) == []


def test_only_leaves_an_edited_document_of_another_kind_alone(
        tmp_path: Path, built: Path) -> None:
    edited = _edit_in_word(built / REPORT)
    build.build(SAMPLE, tmp_path, only=["to-trinh"])  # does not touch the report: no stop
    assert (built / REPORT).read_bytes() == edited
    assert _verify(tmp_path) == [f"{built / REPORT}: {archive.sets.EDITED}"]
    with pytest.raises(EditedFiles):
        build.build(SAMPLE, tmp_path, only=["bao-cao-tong-ket"])


def test_only_on_a_new_folder_makes_those_kinds(tmp_path: Path) -> None:
    built = build.build(SAMPLE, tmp_path, only=["to-trinh"])
    assert [e["file"] for e in _manifest(built.folder)["files"]] == [PROPOSAL]
    assert built.unchanged == []


def test_only_never_changes_a_finalized_set(tmp_path: Path, built: Path) -> None:
    archive.finalize(tmp_path, 2021, "cum-ix")
    before = _files(built)
    with pytest.raises(ArchiveError, match="đã được chốt"):
        build.build(SAMPLE, tmp_path, only=["to-trinh"], edited="replace")
    assert _files(built) == before


# ---------------------------------------------------------------- archive accept

def test_accept_records_the_edit_and_verify_passes(
        tmp_path: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    generated = archive.sha256((built / PROPOSAL).read_bytes())
    edited = _edit_in_word(built / PROPOSAL)
    assert main(["archive", "verify", "--root", str(tmp_path)]) == 1
    printed = capsys.readouterr().out
    assert f"{built / PROPOSAL}: tệp đã sửa" in printed
    assert "Nếu bản đã sửa là bản đúng, ghi nhận bằng: docgen archive accept 2021 cum-ix" \
        in printed
    assert main(["archive", "accept", "2021", "IX", "--root", str(tmp_path),
                 "--ghi-chu", "Sửa theo ý kiến lãnh đạo"]) == 0
    assert f"Đã ghi nhận 1 tệp đã sửa là văn bản của bộ:\n  - {PROPOSAL}" \
        in capsys.readouterr().out
    assert main(["archive", "verify", "--root", str(tmp_path)]) == 0
    assert "Năm 2021, cum-ix, lần 1: toàn vẹn" in capsys.readouterr().out
    entry = next(e for e in _manifest(built)["files"] if e["file"] == PROPOSAL)
    assert entry["sha256"] == archive.sha256(edited) and entry["size"] == len(edited)
    assert entry["generated_sha256"] == generated
    [record] = entry["edits"]
    assert (record["old_sha256"], record["sha256"], record["note"]) == (
        generated, archive.sha256(edited), "Sửa theo ý kiến lãnh đạo")
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", record["accepted_at"])
    # an accepted edit is still the clerk's: a rebuild asks before replacing it
    with pytest.raises(EditedFiles):
        build.build(SAMPLE, tmp_path, only=ONLY)
    build.build(SAMPLE, tmp_path, only=ONLY, edited="keep")
    assert [p.read_bytes() for p in built.iterdir() if "-da-sua-" in p.name] == [edited]
    assert _verify(tmp_path) == []
    assert archive.finalize(tmp_path, 2021, "cum-ix").status == "finalized"


def test_accept_takes_named_files_and_keeps_a_history(tmp_path: Path, built: Path) -> None:
    _edit_in_word(built / PROPOSAL)
    report = _edit_in_word(built / REPORT)
    done = archive.accept(tmp_path, 2021, "cum-ix", [str(built / REPORT)], "lần 1")
    assert [a.file for a in done] == [REPORT]
    assert _verify(tmp_path) == [f"{built / PROPOSAL}: {archive.sets.EDITED}"]
    again = _edit_in_word(built / REPORT, "Sửa lần nữa.")
    archive.accept(tmp_path, 2021, "cum-ix", note="lần 2")
    entry = next(e for e in _manifest(built)["files"] if e["file"] == REPORT)
    assert [r["note"] for r in entry["edits"]] == ["lần 1", "lần 2"]
    assert entry["edits"][1]["old_sha256"] == archive.sha256(report)
    assert entry["sha256"] == archive.sha256(again)
    assert _verify(tmp_path) == []


@pytest.mark.parametrize(("names", "message"), [
    ([], "Bộ văn bản năm 2021, cum-ix, lần 1 không có tệp đã sửa nào: kiểm tra toàn vẹn đã "
         "khớp."),
    (["khong-co.docx"], "Tệp 'khong-co.docx' không thuộc bộ văn bản năm 2021, cum-ix, lần 1."),
    ([REPORT], f"Tệp '{REPORT}' chưa bị sửa (kiểm tra toàn vẹn khớp), không cần ghi nhận."),
    (["nguon/cum-ix-2021.xlsx"], "Tệp 'nguon/cum-ix-2021.xlsx' là bản sao sổ tính lưu cùng "
                                 "bộ văn bản; bản này không được sửa nên không ghi nhận."),
])
def test_accept_refuses_what_is_not_an_edit(tmp_path: Path, built: Path, names: list[str],
                                           message: str) -> None:
    if names:
        _edit_in_word(built / PROPOSAL)
    before = _files(built)
    with pytest.raises(ArchiveError) as refused:
        archive.accept(tmp_path, 2021, "cum-ix", names)
    assert str(refused.value).startswith(message)
    assert _files(built) == before


def test_accept_never_changes_a_finalized_set(tmp_path: Path, built: Path) -> None:
    archive.finalize(tmp_path, 2021, "cum-ix")
    _edit_in_word(built / PROPOSAL)
    manifest = (built / "manifest.json").read_bytes()
    with pytest.raises(ArchiveError, match=r"đã được chốt ngày .*không thay đổi được"):
        archive.accept(tmp_path, 2021, "cum-ix")
    assert (built / "manifest.json").read_bytes() == manifest


# ---------------------------------------------------------------- Word-friendly archive

WORD_AND_SYSTEM_FILES = ["~$21_cum-ix_to-trinh.docx", "Thumbs.db", "desktop.ini",
                         ".DS_Store", "._2021_cum-ix_to-trinh.docx",
                         ".~lock.2021_cum-ix_to-trinh.docx#", "nguon/Thumbs.db"]


def test_word_owner_and_system_files_are_ignored(
        tmp_path: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in WORD_AND_SYSTEM_FILES:
        (built / name).write_bytes(b"made by Word or the system")
    assert _verify(tmp_path) == []
    assert main(["archive", "verify", "--root", str(tmp_path)]) == 0
    capsys.readouterr()
    # the owner file is there while Word has the document open: a rebuild still works
    built_again = build.build(SAMPLE, tmp_path, only=ONLY)
    assert built_again.kept == []
    assert _manifest(built).get("kept") == []
    assert _verify(tmp_path) == []
    archive.finalize(tmp_path, 2021, "cum-ix")
    with zipfile.ZipFile(archive.bundle(tmp_path, 2021, "cum-ix")) as package:
        assert sorted(package.namelist()) == [f"cum-ix/{REPORT}", f"cum-ix/{PROPOSAL}"]


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _modes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): stat.S_IMODE(p.lstat().st_mode)
            for p in sorted(root.rglob("*"))}


def test_files_and_folders_get_the_ordinary_permissions_of_the_umask(
        tmp_path: Path, umask_022: None) -> None:
    folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    _edit_in_word(folder / PROPOSAL)
    archive.accept(tmp_path, 2021, "cum-ix")
    build.build(SAMPLE, tmp_path, only=ONLY, edited="keep")
    archive.finalize(tmp_path, 2021, "cum-ix")
    archive.bundle(tmp_path, 2021, "cum-ix")
    modes = _modes(tmp_path)
    assert len(modes) >= 9
    for name, mode in modes.items():
        wanted = 0o755 if (tmp_path / name).is_dir() else 0o644
        assert mode == wanted, (name, oct(mode))


def test_a_stricter_umask_is_honoured(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        folder = build.build(SAMPLE, tmp_path, only=ONLY).folder
    finally:
        os.umask(previous)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / PROPOSAL).stat().st_mode) == 0o600


def test_no_lock_file_is_left_in_the_year_folder(tmp_path: Path, built: Path) -> None:
    archive.verify_locked(archive.find_set(tmp_path, 2021, "cum-ix"))
    _edit_in_word(built / PROPOSAL)
    archive.accept(tmp_path, 2021, "cum-ix")
    archive.bundle(tmp_path, 2021, "cum-ix", draft=True)
    archive.finalize(tmp_path, 2021, "cum-ix")
    assert sorted(p.name for p in (tmp_path / "2021").iterdir()) == [
        "2021_cum-ix_ban-nhap.zip", "cum-ix"]


def test_a_lock_file_left_by_a_killed_command_is_removed_by_the_next(
        tmp_path: Path, built: Path) -> None:
    (tmp_path / "2021" / ".cum-ix.lock").write_bytes(b"")
    build.build(SAMPLE, tmp_path, only=ONLY)
    assert [p.name for p in (tmp_path / "2021").iterdir()] == ["cum-ix"]


def test_the_words_a_clerk_reads_say_integrity_and_edited_file() -> None:
    root = Path(archive.__file__).parent
    sources = [*root.glob("*.py"), root.parent / "cli.py"]
    for source in sources:
        for literal in re.findall(r'"[^"\n]*"', source.read_text(encoding="utf-8")):
            if re.search("[\u00c0-\u1ef9]", literal):  # a Vietnamese message
                words = re.sub(r"\{[^}]*\}|'[^']*'", "", literal)  # not names in it
                assert "mã băm" not in words, (source.name, literal)
                assert not re.search(r"manifest(?!\.json)", words), (source.name, literal)


# ---------------------------------------------------------------- bundles for the recipient

def test_a_draft_is_bundled_only_when_asked_with_a_warning(
        tmp_path: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["archive", "bundle", "2021", "9", "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith(
        "Lỗi: Bộ văn bản năm 2021, cum-ix, lần 1 chưa chốt (còn là bản nháp) nên chưa đóng "
        "gói để gửi. Chốt trước: docgen archive finalize 2021 cum-ix; muốn gửi bản nháp để "
        "góp ý, thêm --ban-nhap.")
    assert not list((tmp_path / "2021").glob("*.zip"))
    assert main(["archive", "bundle", "2021", "9", "--root", str(tmp_path), "--ban-nhap"]) == 0
    printed = capsys.readouterr()
    path = tmp_path / "2021" / "2021_cum-ix_ban-nhap.zip"
    assert f"Đã đóng gói: {path}" in printed.out
    assert "Cảnh báo: bộ văn bản chưa chốt; gói này là bản nháp" in printed.err
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == [f"cum-ix/{REPORT}", f"cum-ix/{PROPOSAL}"]


def test_a_bundle_holds_documents_and_signed_pdfs_and_the_workbook_only_when_asked(
        tmp_path: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (built / "to-trinh-da-ky.pdf").write_bytes(b"%PDF-1.7 signed scan")
    (built / "ghi-chu.txt").write_text("ghi chú riêng", encoding="utf-8")
    _edit_in_word(built / PROPOSAL)
    build.build(SAMPLE, tmp_path, only=ONLY, edited="keep")  # an edited copy kept beside
    archive.finalize(tmp_path, 2021, "cum-ix")
    assert main(["archive", "bundle", "2021", "cum-ix", "--root", str(tmp_path)]) == 0
    path = tmp_path / "2021" / "2021_cum-ix.zip"
    with zipfile.ZipFile(path) as package:
        names = sorted(package.namelist())
    assert names == [f"cum-ix/{REPORT}", f"cum-ix/{PROPOSAL}", "cum-ix/to-trinh-da-ky.pdf"]
    capsys.readouterr()
    assert main(["archive", "bundle", "2021", "cum-ix", "--root", str(tmp_path),
                 "--kem-so-lieu"]) == 0
    assert "Cảnh báo: gói có kèm sổ tính" in capsys.readouterr().err
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == sorted([*names, "cum-ix/nguon/cum-ix-2021.xlsx"])
        assert package.read("cum-ix/nguon/cum-ix-2021.xlsx") == SAMPLE.read_bytes()
