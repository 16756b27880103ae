"""The per-year archive: reproducible documents, manifest, finalize and revisions, verify,
locks and builds killed half-way."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from docgen import __version__, archive
from docgen.archive import lock
from docgen.archive.store import sha256
from docgen.build import TEMPLATES_DIR, build
from docgen.errors import ArchiveError
from tests.conftest import ROOT, SAMPLE, SAMPLE_DOCUMENTS

ONLY = ["bao-cao-tong-ket", "to-trinh"]


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p.read_bytes()) for p in sorted(folder.glob("*.docx"))}


def test_same_workbook_gives_identical_documents(tmp_path: Path) -> None:
    first = build(SAMPLE, tmp_path / "a").folder
    second = build(SAMPLE, tmp_path / "b").folder
    assert _hashes(first) == _hashes(second)
    assert len(_hashes(first)) == SAMPLE_DOCUMENTS
    rebuilt = build(SAMPLE, tmp_path / "a").folder  # rebuilding in place changes nothing
    assert _hashes(rebuilt) == _hashes(second)


def test_manifest_describes_every_file(tmp_path: Path) -> None:
    folder = build(SAMPLE, tmp_path, only=ONLY).folder
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["docgen_version"] == __version__
    assert (manifest["year"], manifest["cluster"], manifest["revision"]) == (2021, "cum-ix", 1)
    assert manifest["status"] == "draft"
    assert manifest["workbook"]["sha256"] == sha256(SAMPLE.read_bytes())
    assert (folder / manifest["workbook"]["file"]).read_bytes() == SAMPLE.read_bytes()
    entries = {e["file"]: e for e in manifest["files"]}
    assert set(entries) == {"2021_cum-ix_bao-cao-tong-ket.docx", "2021_cum-ix_to-trinh.docx"}
    for name, entry in entries.items():
        data = (folder / name).read_bytes()
        assert (entry["sha256"], entry["size"]) == (sha256(data), len(data))
        template = TEMPLATES_DIR / entry["template"]
        assert entry["template_sha256"] == sha256(template.read_bytes())
    assert entries["2021_cum-ix_to-trinh.docx"]["kind"] == "to-trinh"


def test_finalized_set_is_never_overwritten(tmp_path: Path) -> None:
    first = build(SAMPLE, tmp_path, only=ONLY).folder
    before = _hashes(first)
    info = archive.finalize(tmp_path, 2021, "cum-ix")
    assert info.status == "finalized"
    with pytest.raises(ArchiveError) as refused:
        build(SAMPLE, tmp_path, only=ONLY)
    assert "đã được chốt" in str(refused.value)
    assert "thêm --revision để tạo lần 2 bên cạnh" in str(refused.value)
    second = build(SAMPLE, tmp_path, only=ONLY, revision=True).folder
    assert second == tmp_path / "2021" / "cum-ix.r2"
    assert _hashes(first) == before
    sets = [(s.cluster, s.revision, s.status) for s in archive.list_sets(tmp_path)]
    assert sets == [("cum-ix", 1, "finalized"), ("cum-ix", 2, "draft")]


def test_verify_names_changed_missing_and_extra_files(tmp_path: Path) -> None:
    folder = build(SAMPLE, tmp_path, only=ONLY).folder
    info = archive.find_set(tmp_path, 2021, "cum-ix")
    assert archive.verify_set(info) == []
    report = folder / "2021_cum-ix_bao-cao-tong-ket.docx"
    report.write_bytes(report.read_bytes() + b"x")
    (folder / "2021_cum-ix_to-trinh.docx").unlink()
    (folder / "ghi-chu.txt").write_text("thêm", encoding="utf-8")
    assert archive.verify_set(info) == [
        f"{report}: tệp đã sửa: nội dung khác bản đã lưu (kiểm tra toàn vẹn không khớp).",
        f"{folder / '2021_cum-ix_to-trinh.docx'}: thiếu tệp.",
        f"{folder / 'ghi-chu.txt'}: tệp lạ, không có trong danh mục tệp của bộ văn bản.",
    ]
    with pytest.raises(ArchiveError, match="Không chốt được vì bộ văn bản đã bị thay đổi"):
        archive.finalize(tmp_path, 2021, "cum-ix")


def test_second_build_waits_then_fails_clearly(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.5)
    with lock.locked(tmp_path / "2021" / ".cum-ix.lock", "test"), \
            pytest.raises(ArchiveError) as busy:
        build(SAMPLE, tmp_path, only=ONLY)
    assert str(busy.value) == ("Một lệnh docgen khác đang dùng bộ văn bản năm 2021, cum-ix "
                               "(lập, chốt hoặc đóng gói); đã chờ 0.5 giây. Hãy chờ lệnh đó "
                               "xong rồi chạy lại.")
    assert not (tmp_path / "2021" / "cum-ix").exists()


KILLED_BUILD = """
import sys, time
from pathlib import Path
from docgen.build import build

def slow_pdf(paths):
    print("staged", flush=True)
    time.sleep(60)
    return []

build(Path(sys.argv[1]), Path(sys.argv[2]), pdf=slow_pdf)
"""


def test_build_killed_half_way_leaves_the_previous_set_verifiable(tmp_path: Path) -> None:
    folder = build(SAMPLE, tmp_path).folder
    before = _hashes(folder)
    child = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(SAMPLE), str(tmp_path)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "staged"  # documents written, not yet swapped
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    assert _hashes(folder) == before
    assert archive.verify_set(archive.find_set(tmp_path, 2021, "cum-ix")) == []
    leftovers = [p.name for p in (tmp_path / "2021").iterdir() if "staging" in p.name]
    assert len(leftovers) == 1
    build(SAMPLE, tmp_path)  # the next build clears what the killed one left
    assert [p.name for p in (tmp_path / "2021").iterdir() if "staging" in p.name] == []


def test_interrupted_swap_is_repaired(tmp_path: Path) -> None:
    folder = build(SAMPLE, tmp_path, only=ONLY).folder
    aside = folder.with_name(".cum-ix.old-12345")
    folder.rename(aside)  # as if killed between the two renames
    build(SAMPLE, tmp_path, only=ONLY)
    assert folder.is_dir() and not aside.exists()


def test_bundle_holds_the_documents_of_a_finalized_set(tmp_path: Path) -> None:
    build(SAMPLE, tmp_path, only=ONLY)
    archive.finalize(tmp_path, 2021, "cum-ix")
    path = archive.bundle(tmp_path, 2021, "cum-ix")
    assert path == tmp_path / "2021" / "2021_cum-ix.zip"
    with zipfile.ZipFile(path) as package:
        names = sorted(package.namelist())
    assert names == ["cum-ix/2021_cum-ix_bao-cao-tong-ket.docx",
                     "cum-ix/2021_cum-ix_to-trinh.docx"]


@pytest.mark.parametrize(("name", "ok"), [("2021_x.docx", True), ("../x.docx", False),
                                          ("a/b.docx", False), ("..", False)])
def test_file_names_cannot_leave_the_set(tmp_path: Path, name: str, ok: bool) -> None:
    if ok:
        assert archive.layout.inside(tmp_path, name) == tmp_path / name
    else:
        with pytest.raises(ArchiveError, match="không hợp lệ"):
            archive.layout.inside(tmp_path, name)

