"""The signed paper joins the archive: `archive sign` stores a scan or a digitally signed PDF
beside its document with its hash, size, pages and date; list, verify, bundle, rebuild and
finalize know it; what is not a readable PDF is refused with the set untouched; manifests
are checked key by key, the optional keys of edits and signed papers included."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfWriter

from docgen import archive, build
from docgen.archive import signing, store
from docgen.archive.sets import EDITED, edited_files, read_set
from docgen.cli import main
from docgen.errors import ArchiveError
from docgen.intake import limits
from tests.conftest import SAMPLE, set_form

KINDS = ["to-trinh", "bao-cao-thanh-tich"]
PROPOSAL = "2021_cum-ix_to-trinh.docx"
SIGNED = "2021_cum-ix_to-trinh_da-ky.pdf"
UNIT = "2021_cum-ix_bao-cao-thanh-tich-soc-trang.docx"
UNIT_SIGNED = "2021_cum-ix_bao-cao-thanh-tich-soc-trang_da-ky.pdf"


def make_pdf(pages: int = 1, user_password: str | None = None,
             owner_password: str = "chu-so-huu") -> bytes:
    """A small PDF of blank A4 pages, encrypted when `user_password` is given ('' opens
    without a password, with the owner's restrictions)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password=owner_password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def outputs() -> list[archive.Output]:
    return build.render_all(build.check(SAMPLE), build.select_kinds(KINDS))


def _publish(root: Path, outputs: list[archive.Output], **options: Any) -> Path:
    return store.publish(root, 2021, 9, outputs, SAMPLE, **options).folder


def _manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _scan(tmp_path: Path, data: bytes | None = None, name: str = "Tờ trình đã ký.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(make_pdf(2) if data is None else data)
    return path


def _verify(root: Path) -> list[str]:
    return archive.verify_set(archive.find_set(root, 2021, "cum-ix"))


def _entry(folder: Path, name: str) -> dict[str, Any]:
    return next(e for e in _manifest(folder)["files"] if e["file"] == name)


# ---------------------------------------------------------------- storing a signed paper

def test_sign_stores_the_pdf_beside_its_document_with_its_record(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path / "reports", outputs)
    scan = _scan(tmp_path)
    done = archive.sign(tmp_path / "reports", 2021, "cum-ix", "to-trinh", scan)
    assert done == archive.Signed(PROPOSAL, SIGNED, 2, None)
    assert (folder / SIGNED).read_bytes() == scan.read_bytes()
    record = _entry(folder, PROPOSAL)["signed"]
    assert record["file"] == SIGNED
    assert record["sha256"] == archive.sha256(scan.read_bytes())
    assert record["size"] == len(scan.read_bytes())
    assert record["pages"] == 2
    assert record["original"] == "Tờ trình đã ký.pdf"
    assert record["document_sha256"] == _entry(folder, PROPOSAL)["sha256"]
    assert record["signed_at"][:4].isdigit() and "T" in record["signed_at"]
    assert _verify(tmp_path / "reports") == []
    info = archive.find_set(tmp_path / "reports", 2021, "cum-ix")
    assert info.signed == {PROPOSAL: SIGNED}
    assert len(info.unsigned) == 2
    assert sorted(p.name for p in folder.parent.iterdir()) == ["cum-ix"]  # nothing left


def test_a_kind_with_one_document_per_unit_takes_the_document_name(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs)
    scan = _scan(tmp_path)
    with pytest.raises(ArchiveError) as refused:
        archive.sign(tmp_path, 2021, "cum-ix", "bao-cao-thanh-tich", scan)
    assert "có 2 văn bản (mỗi đơn vị một văn bản)" in str(refused.value)
    assert f"  - {UNIT}" in str(refused.value)
    assert "ví dụ bao-cao-thanh-tich-" in str(refused.value)
    assert archive.sign(tmp_path, 2021, "cum-ix", "bao-cao-thanh-tich-soc-trang",
                        scan).file == UNIT_SIGNED
    other = "2021_cum-ix_bao-cao-thanh-tich-kien-giang.docx"
    assert archive.sign(tmp_path, 2021, "cum-ix", str(folder / other), scan).document == other
    with pytest.raises(ArchiveError, match="không có văn bản 'ke-hoach'"):
        archive.sign(tmp_path, 2021, "cum-ix", "ke-hoach", scan)
    assert _verify(tmp_path) == []


def test_an_owner_restricted_pdf_that_opens_without_a_password_is_accepted(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    _publish(tmp_path, outputs)
    scan = _scan(tmp_path, make_pdf(3, user_password=""))
    assert archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", scan).pages == 3


def _refusals() -> list[tuple[str, Callable[[Path], Path], str]]:
    def write(data: bytes) -> Callable[[Path], Path]:
        return lambda tmp: _scan(tmp, data, "ban-ky.pdf")

    return [
        ("not a pdf", write(b"PK\x03\x04 a docx, not a PDF"), "không phải PDF"),
        ("a picture", write(b"\xff\xd8\xff\xe0 JPEG"), "không phải PDF"),
        ("empty", write(b""), "rỗng (0 byte)"),
        ("damaged", write(b"%PDF-1.7\nthis is no PDF at all\n%%EOF\n"), "bị hỏng"),
        ("truncated", write(make_pdf(2)[:200]), "bị hỏng"),
        ("password", write(make_pdf(1, user_password="mat-khau")), "có mật khẩu mở"),
        ("missing", lambda tmp: tmp / "khong-co.pdf", "Không có tệp"),
        ("a folder", lambda tmp: tmp, "không phải một tệp"),
    ]


@pytest.mark.parametrize(("label", "make", "message"), _refusals(),
                         ids=[r[0] for r in _refusals()])
def test_what_is_not_a_readable_pdf_is_refused_with_the_set_untouched(
        tmp_path: Path, outputs: list[archive.Output], label: str,
        make: Callable[[Path], Path], message: str) -> None:
    folder = _publish(tmp_path / "reports", outputs)
    before = _files(folder)
    with pytest.raises(ArchiveError, match=re.escape(message)):
        archive.sign(tmp_path / "reports", 2021, "cum-ix", "to-trinh", make(tmp_path))
    assert _files(folder) == before, label


def test_an_enormous_file_is_refused_before_it_is_read(
        tmp_path: Path, outputs: list[archive.Output], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _publish(tmp_path / "reports", outputs)
    before = _files(folder)
    scan = _scan(tmp_path)
    monkeypatch.setattr(signing, "MAX_BYTES", len(scan.read_bytes()) - 1)
    with pytest.raises(ArchiveError, match=r"quá giới hạn .* MB\. Hãy quét lại"):
        archive.sign(tmp_path / "reports", 2021, "cum-ix", "to-trinh", scan)
    assert _files(folder) == before
    monkeypatch.undo()
    assert signing.MAX_BYTES == limits.MAX_FILE_BYTES  # as large as a workbook may be


def test_signing_again_replaces_only_when_asked(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs)
    first, second = make_pdf(1), make_pdf(4)
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path, first))
    before = _files(folder)
    with pytest.raises(ArchiveError, match=r"đã có bản đã ký .* thêm --thay"):
        archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path, second, "b.pdf"))
    assert _files(folder) == before
    done = archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path, second, "b.pdf"),
                        replace=True)
    assert done.replaced == SIGNED and done.pages == 4
    assert (folder / SIGNED).read_bytes() == second
    assert _entry(folder, PROPOSAL)["signed"]["sha256"] == archive.sha256(second)
    assert _verify(tmp_path) == []


def test_a_finalized_or_damaged_set_is_never_signed(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs)
    archive.finalize(tmp_path, 2021, "cum-ix", fill_ins_left=True)  # reports unfilled
    before = _files(folder)
    with pytest.raises(ArchiveError, match="đã được chốt ngày"):
        archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    assert _files(folder) == before
    other = _publish(tmp_path / "b", outputs)
    (other / "manifest.json").write_text("{", encoding="utf-8")
    with pytest.raises(ArchiveError, match="hỏng"):
        archive.sign(tmp_path / "b", 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    assert not (other / SIGNED).exists()


def test_a_name_taken_by_a_file_put_in_by_hand_is_refused(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs)
    (folder / SIGNED).write_bytes(b"a clerk's own copy")
    with pytest.raises(ArchiveError, match="đổi tên hoặc chuyển tệp đó"):
        archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    assert (folder / SIGNED).read_bytes() == b"a clerk's own copy"


def test_a_signed_paper_changed_by_hand_fails_verify_and_is_not_an_edit_to_accept(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs)
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    (folder / SIGNED).write_bytes(make_pdf(5))
    assert _verify(tmp_path) == [f"{folder / SIGNED}: {EDITED}"]
    assert edited_files(archive.find_set(tmp_path, 2021, "cum-ix")) == []
    (folder / SIGNED).unlink()
    assert _verify(tmp_path) == [f"{folder / SIGNED}: thiếu tệp."]


# ---------------------------------------------------------------- list, bundle, finalize

def test_list_shows_how_many_documents_are_signed(
        tmp_path: Path, outputs: list[archive.Output],
        capsys: pytest.CaptureFixture[str]) -> None:
    _publish(tmp_path, outputs)
    scan = _scan(tmp_path)
    assert main(["archive", "sign", "2021", "IX", "to-trinh", str(scan), "--out",
                 str(tmp_path)]) == 0
    said = capsys.readouterr().out
    assert f"Đã lưu bản đã ký của {PROPOSAL}: {SIGNED} (2 trang)." in " ".join(said.split())
    assert main(["archive", "list", "--out", str(tmp_path)]) == 0
    listed = capsys.readouterr().out
    assert "Đã ký" in listed and "1/3" in listed
    assert main(["archive", "sign", "2021", "IX", "to-trinh", str(scan), "--out",
                 str(tmp_path)]) == 1
    refused = capsys.readouterr().err
    assert refused.startswith("Lỗi: Văn bản 2021_cum-ix_to-trinh.docx đã có bản đã ký")
    assert "Traceback" not in refused
    assert main(["archive", "sign", "2021", "IX", "to-trinh", str(scan), "--thay", "--out",
                 str(tmp_path)]) == 0
    assert f"Đã thay bản đã ký của {PROPOSAL} bằng bản mới: {SIGNED} (2 trang)." in \
        " ".join(capsys.readouterr().out.split())


def test_bundles_send_the_signed_papers(tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs)
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    archive.finalize(tmp_path, 2021, "cum-ix", fill_ins_left=True)  # reports unfilled
    with zipfile.ZipFile(archive.bundle(tmp_path, 2021, "cum-ix")) as package:
        names = package.namelist()
        assert package.read(f"cum-ix/{SIGNED}") == (folder / SIGNED).read_bytes()
    assert f"cum-ix/{PROPOSAL}" in names
    assert not any("manifest" in n or "nguon/" in n for n in names)


def test_finalize_can_require_every_signed_paper(
        tmp_path: Path, outputs: list[archive.Output],
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = _publish(tmp_path, outputs)
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    assert main(["archive", "finalize", "2021", "cum-ix", "--can-du-ban-ky", "--out",
                 str(tmp_path)]) == 1
    refused = capsys.readouterr().err
    assert "đã yêu cầu --can-du-ban-ky mà còn 2/3 văn bản chưa có bản đã ký" in refused
    assert f"  - {UNIT}" in refused and PROPOSAL not in refused.split("ký:")[1]
    assert archive.find_set(tmp_path, 2021, "cum-ix").status == "draft"
    for unit in ("bao-cao-thanh-tich-soc-trang", "bao-cao-thanh-tich-kien-giang"):
        archive.sign(tmp_path, 2021, "cum-ix", unit, _scan(tmp_path))
    assert main(["archive", "finalize", "2021", "cum-ix", "--can-du-ban-ky", "--out",
                 str(tmp_path)]) == 0
    assert archive.find_set(tmp_path, 2021, "cum-ix").status == "finalized"
    assert _verify(tmp_path) == []
    assert folder.is_dir()


def test_a_set_built_to_require_signed_papers_is_not_finalized_without_them(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs, require_signed=True)
    assert _manifest(folder)["require_signed"] is True
    with pytest.raises(ArchiveError, match="yêu cầu chỉ chốt khi đủ bản đã ký mà còn 3/3"):
        archive.finalize(tmp_path, 2021, "cum-ix")
    _publish(tmp_path, outputs)  # a rebuild that does not say keeps what the set recorded
    assert _manifest(folder)["require_signed"] is True
    _publish(tmp_path, outputs, require_signed=False)
    assert "require_signed" not in _manifest(folder)
    assert archive.finalize(tmp_path, 2021, "cum-ix", fill_ins_left=True).status == "finalized"


# ---------------------------------------------------------------- rebuilds

def test_a_rebuild_with_the_same_document_carries_its_signed_paper(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs)
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    record = _entry(folder, PROPOSAL)["signed"]
    paper = (folder / SIGNED).read_bytes()
    _publish(tmp_path, outputs)
    assert _entry(folder, PROPOSAL)["signed"] == record
    assert (folder / SIGNED).read_bytes() == paper
    assert "kept" not in _manifest(folder) or _manifest(folder)["kept"] == []
    one = [o for o in outputs if o.kind == "bao-cao-thanh-tich"]
    _publish(tmp_path, one, kinds=["bao-cao-thanh-tich"])  # --only another kind
    assert _entry(folder, PROPOSAL)["signed"] == record
    assert (folder / SIGNED).read_bytes() == paper
    assert _verify(tmp_path) == []


def test_a_rebuild_that_changes_a_signed_document_stops_unless_told(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs)
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    paper = (folder / SIGNED).read_bytes()
    changed = [dataclasses.replace(o, data=o.data + b"\0") if o.kind == "to-trinh" else o
               for o in outputs]
    before = _files(folder)
    with pytest.raises(archive.SignedChanged) as stopped:
        _publish(tmp_path, changed)
    assert stopped.value.files == [PROPOSAL]
    assert f"  - {PROPOSAL} (bản đã ký: {SIGNED})" in str(stopped.value)
    assert _files(folder) == before
    dropped = [o for o in outputs if o.kind != "to-trinh"]
    with pytest.raises(archive.SignedChanged):
        _publish(tmp_path, dropped)  # a document dropped loses its paper's document too
    assert _files(folder) == before
    _publish(tmp_path, changed, edited="keep")
    manifest = _manifest(folder)
    assert "signed" not in _entry(folder, PROPOSAL)
    (kept,) = [e for e in manifest["kept"] if "signed_for" in e]
    assert kept["file"].startswith("2021_cum-ix_to-trinh_da-ky-cu-")
    assert kept["signed_for"] == PROPOSAL and kept["pages"] == 2
    assert (folder / kept["file"]).read_bytes() == paper
    assert not (folder / SIGNED).exists()
    assert _verify(tmp_path) == []
    info = archive.find_set(tmp_path, 2021, "cum-ix")
    assert PROPOSAL in info.unsigned
    assert kept["file"] not in archive.sets.recipient_files(info)  # an earlier version's
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))  # sign the new one
    assert _verify(tmp_path) == []


# ---------------------------------------------------------------- manifest keys

def _sound(tmp_path: Path, outputs: list[archive.Output]) -> Path:
    """A set with every optional key: an accepted edit, an edited copy kept beside, a
    signed paper."""
    folder = _publish(tmp_path, outputs)
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    unit = folder / UNIT
    unit.write_bytes(unit.read_bytes() + b" edited")
    _publish(tmp_path, outputs, edited="keep")
    unit.write_bytes(unit.read_bytes() + b" again")
    archive.accept(tmp_path, 2021, "cum-ix", note="sửa tên")
    manifest = _manifest(folder)
    assert _verify(tmp_path) == []
    assert any("edits" in e for e in manifest["files"])
    assert any("edited_from" in e for e in manifest["kept"])
    return folder


def _where(manifest: dict[str, Any], key: str) -> dict[str, Any]:
    """The first entry of the manifest holding `key`."""
    for entry in [*manifest["files"], *manifest.get("kept", [])]:
        if key in entry:
            return entry
    raise AssertionError(key)


HEX = "0" * 64
MUTATIONS: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    ("generated not hex", lambda m: _where(m, "generated_sha256").update(
        generated_sha256="abc"), "generated_sha256' không phải mã SHA-256"),
    ("generated not text", lambda m: _where(m, "generated_sha256").update(
        generated_sha256=5), "generated_sha256' phải là một chuỗi chữ"),
    ("edits not a list", lambda m: _where(m, "edits").update(edits={}),
     "edits' phải là một danh sách"),
    ("edit not an object", lambda m: _where(m, "edits").update(edits=["x"]),
     "edits[0]' phải là một đối tượng"),
    ("edit without old hash", lambda m: _where(m, "edits")["edits"][0].pop("old_sha256"),
     "thiếu khóa 'files[1].edits[0].old_sha256'"),
    ("edit hash not hex", lambda m: _where(m, "edits")["edits"][0].update(sha256="x"),
     "edits[0].sha256' không phải mã SHA-256"),
    ("edit note not text", lambda m: _where(m, "edits")["edits"][0].update(note=None),
     "edits[0].note' phải là một chuỗi chữ"),
    ("edit time not a time", lambda m: _where(m, "edits")["edits"][0].update(
        accepted_at="hôm qua"), "accepted_at' không phải thời điểm hợp lệ"),
    ("edited_from outside", lambda m: _where(m, "edited_from").update(
        edited_from="../x.docx"), "edited_from' có đường dẫn '../x.docx' ra ngoài"),
    ("edited_from not text", lambda m: _where(m, "edited_from").update(edited_from=1),
     "edited_from' phải là một chuỗi chữ"),
    ("kept_at not a time", lambda m: _where(m, "kept_at").update(kept_at=20261130),
     "kept_at' phải là một chuỗi chữ"),
    ("signed not an object", lambda m: _where(m, "signed").update(signed=[]),
     "signed' phải là một đối tượng"),
    ("signed without pages", lambda m: _where(m, "signed")["signed"].pop("pages"),
     "thiếu khóa 'files[0].signed.pages'"),
    ("signed no page", lambda m: _where(m, "signed")["signed"].update(pages=0),
     "signed.pages' phải từ 1 trở lên"),
    ("signed pages a bool", lambda m: _where(m, "signed")["signed"].update(pages=True),
     "signed.pages' phải là một số nguyên"),
    ("signed outside", lambda m: _where(m, "signed")["signed"].update(file="/etc/x.pdf"),
     "signed.file' có đường dẫn '/etc/x.pdf' ra ngoài"),
    ("signed not a pdf", lambda m: _where(m, "signed")["signed"].update(
        file="x.docx"), "signed.file' phải là một tệp .pdf"),
    ("signed hash not hex", lambda m: _where(m, "signed")["signed"].update(sha256="z" * 64),
     "signed.sha256' không phải mã SHA-256"),
    ("signed document hash", lambda m: _where(m, "signed")["signed"].update(
        document_sha256=HEX[:-1]), "signed.document_sha256' không phải mã SHA-256"),
    ("signed time", lambda m: _where(m, "signed")["signed"].update(signed_at=""),
     "signed.signed_at' không phải thời điểm hợp lệ"),
    ("signed twice", lambda m: m["files"][1].update(signed=dict(_where(m, "signed")["signed"])),
     "được liệt kê hai lần"),
    ("signed_for outside", lambda m: m.setdefault("kept", []).append(
        {"file": "a.pdf", "sha256": HEX, "size": 1, "signed_for": "C:/x.docx"}),
     "signed_for' có đường dẫn 'C:/x.docx' ra ngoài"),
    ("require_signed not a bool", lambda m: m.update(require_signed="Có"),
     "khóa 'require_signed' phải là true hoặc false"),
]


@pytest.mark.parametrize(("label", "mutate", "message"), MUTATIONS,
                         ids=[m[0] for m in MUTATIONS])
def test_every_optional_key_is_checked(tmp_path: Path, outputs: list[archive.Output],
                                       label: str, mutate: Callable[[dict[str, Any]], object],
                                       message: str) -> None:
    folder = _sound(tmp_path, outputs)
    manifest = _manifest(folder)
    mutate(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False),
                                          encoding="utf-8")
    info = read_set(folder)
    assert info is not None and info.damage is not None, label
    assert message in info.damage, (label, info.damage)
    with pytest.raises(ArchiveError, match="hỏng"):
        archive.sign(tmp_path, 2021, "cum-ix", "bao-cao-thanh-tich-kien-giang",
                     _scan(tmp_path))


def test_a_paper_signed_over_an_edited_document_records_the_edited_bytes(
        tmp_path: Path, outputs: list[archive.Output]) -> None:
    folder = _publish(tmp_path, outputs)
    proposal = folder / PROPOSAL
    proposal.write_bytes(proposal.read_bytes() + b" edited in Word, then printed")
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    record = _entry(folder, PROPOSAL)["signed"]
    assert record["document_sha256"] == archive.sha256(proposal.read_bytes())
    with pytest.raises(archive.EditedFiles):  # the edit stops a rebuild first, as before
        _publish(tmp_path, outputs)
    _publish(tmp_path, outputs, edited="keep")  # the paper signs the edit, not the new one
    kept = [e for e in _manifest(folder)["kept"] if "signed_for" in e]
    assert [e["document_sha256"] for e in kept] == [record["document_sha256"]]
    assert _verify(tmp_path) == []


def test_a_pdf_pypdf_repairs_is_kept_as_it_came_without_english_notes(
        tmp_path: Path, outputs: list[archive.Output],
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = _publish(tmp_path, outputs)
    data = make_pdf(1)
    data = data[:data.rfind(b"startxref")] + b"startxref\n7\n%%EOF\n"  # a wrong xref offset
    scan = _scan(tmp_path, data)
    assert main(["archive", "sign", "2021", "9", "to-trinh", str(scan), "--out",
                 str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
    assert (folder / SIGNED).read_bytes() == data


@pytest.mark.parametrize("new_paper_in", [False, True], ids=["moved-aside", "new-one-in"])
def test_a_sign_killed_while_replacing_is_repaired_by_the_next_command(
        tmp_path: Path, outputs: list[archive.Output], new_paper_in: bool) -> None:
    folder = _publish(tmp_path, outputs)
    archive.sign(tmp_path, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    before = _files(folder)
    aside = folder.parent / f".cum-ix.signed-aside-{SIGNED}"
    (folder / SIGNED).rename(aside)  # killed after moving the earlier paper aside …
    if new_paper_in:  # … or after renaming the new one in, before the manifest
        (folder / SIGNED).write_bytes(make_pdf(6))
    archive.bundle(tmp_path, 2021, "cum-ix", draft=True)  # recovers, then verifies
    assert _files(folder) == before
    assert sorted(p.name for p in folder.parent.iterdir()) == ["2021_cum-ix_ban-nhap.zip",
                                                              "cum-ix"]


def test_the_workbook_setting_makes_finalize_wait_for_signed_papers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "so.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    set_form(book, "Cài đặt", "Chỉ khóa sổ khi đủ bản đã ký", "Có")
    book.save(workbook)
    out = tmp_path / "reports"
    assert main(["build", str(workbook), "--out", str(out), "--only", "to-trinh"]) == 0
    assert _manifest(out / "2021" / "cum-ix")["require_signed"] is True
    capsys.readouterr()
    assert main(["archive", "finalize", "2021", "cum-ix", "--out", str(out)]) == 1
    assert "còn 1/1 văn bản chưa có bản đã ký" in capsys.readouterr().err
    archive.sign(out, 2021, "cum-ix", "to-trinh", _scan(tmp_path))
    assert main(["archive", "finalize", "2021", "cum-ix", "--out", str(out)]) == 0
