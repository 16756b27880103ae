"""Turn the folders of an archive into sets that can be listed, verified, finalized, bundled,
and whose edited documents can be accepted as the set's own.

Every set folder is listed, a damaged one too (its manifest missing, unreadable or
malformed): a set must never become invisible because its manifest broke. Verification
compares the folder with the manifest both ways, by hash and size, and refuses symbolic
links, which could point anywhere; files Word and the system make on their own are not
reported. A bundle holds what its recipient should get: documents and PDFs, the workbook
only when asked, a draft only when asked.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.archive import layout as lay
from docgen.archive import manifest as mf
from docgen.archive.lock import locked
from docgen.archive.recovery import recover
from docgen.errors import ArchiveError, os_reason
from docgen.files import FIXED_TIME, file_sha256, write_atomic


@dataclass(frozen=True)
class SetInfo:
    """One archived set: year, cluster, revision, its folder and manifest.

    `damage` says, in Vietnamese, why the manifest cannot be trusted (None when sound);
    a damaged set's `manifest` is whatever could be read, possibly empty."""

    year: int
    cluster: str
    revision: int
    folder: Path
    manifest: dict[str, Any]
    damage: str | None = None
    entries: list[mf.Entry] = field(default_factory=list)
    marker: dict[str, Any] | None = None

    @property
    def status(self) -> str:
        """'damaged', 'finalized' (by the manifest or the marker) or 'draft'."""
        if self.damage is not None:
            return "damaged"
        if self.marker is not None or self.manifest.get("status") == "finalized":
            return "finalized"
        return "draft"

    @property
    def finalized_at(self) -> str:
        """The finalization date as recorded ('' when unknown)."""
        source = self.marker if self.marker is not None else self.manifest
        return str(source.get("finalized_at", ""))

    @property
    def documents(self) -> list[str]:
        """The .docx files docgen made that the manifest lists (not an edited copy kept
        beside one, nor any other file kept)."""
        made = {str(e["file"]) for e in self.manifest.get("files", [])}
        return [e.file for e in self.entries if e.file.endswith(".docx") and e.file in made]

    @property
    def signed(self) -> dict[str, str]:
        """Each document that has a signed paper recorded, with the signed copy's name."""
        return {e.signed_for: e.file for e in self.entries if e.signed_for is not None}

    @property
    def unsigned(self) -> list[str]:
        """The documents with no signed paper recorded."""
        signed = self.signed
        return [name for name in self.documents if name not in signed]

    @property
    def requires_signed(self) -> bool:
        """Whether the build recorded that finalize must wait for every signed paper (the
        manifest's `require_signed`)."""
        return self.manifest.get("require_signed") is True

    def describe(self) -> str:
        """'năm 2021, cum-ix, lần 2' for messages."""
        return f"năm {self.year}, {self.cluster}, lần {self.revision}"


def sha256(data: bytes) -> str:
    """Hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def refuse_unchangeable(info: SetInfo, failed: str, wanting: str) -> None:
    """Raise ArchiveError for a set whose manifest is damaged (`failed` says what could not be
    done) or that is finalized (`wanting` opens the advice to build a new revision)."""
    if info.damage is not None:
        raise ArchiveError(f"Bộ văn bản {info.describe()} có danh mục tệp (manifest.json) "
                           f"hỏng: {info.damage} {failed}")
    if info.status == "finalized":
        raise ArchiveError(
            f"Bộ văn bản {info.describe()} đã được chốt ngày {info.finalized_at}; không thay "
            f"đổi được. {wanting}, lập lần mới: docgen build SỔ_TÍNH --revision.")


def lock_path(root: Path, year: int, cluster: str) -> Path:
    """The lock file shared by every revision of a year's set of one cluster."""
    return root / str(year) / f".{cluster}.lock"


def read_set(folder: Path) -> SetInfo | None:
    """The set in `folder` (damaged or not), or None when the folder is not a set's.

    A folder counts as a set when its name is a set name ('cum-ix', 'cum-ix.r2') under a
    year folder and it holds anything at all."""
    named = lay.split_set_name(folder.name)
    try:
        if named is None or not folder.parent.name.isdigit() or not folder.is_dir() \
                or folder.is_symlink() or not any(folder.iterdir()):
            return None
    except OSError:  # moved aside by a build swapping it in right now
        return None
    where = mf.Where(int(folder.parent.name), named[0], named[1])
    manifest: dict[str, Any] = {}
    try:
        manifest = mf.read_json(folder / lay.MANIFEST)
        entries = mf.entries(manifest, where)
        marker = _read_marker(folder, where)
    except mf.DamagedManifest as exc:
        if not folder.is_dir():  # moved aside by a build swapping it in right now
            return None
        return SetInfo(where.year, where.cluster, where.revision, folder, manifest, str(exc))
    return SetInfo(where.year, where.cluster, where.revision, folder, manifest, None,
                   entries, marker)


def _read_marker(folder: Path, where: mf.Where) -> dict[str, Any] | None:
    path = folder / mf.MARKER
    if not path.exists() and not path.is_symlink():
        return None
    try:
        return mf.marker(mf.read_json(path), where)
    except mf.DamagedManifest as exc:
        raise mf.DamagedManifest(f"dấu chốt {mf.MARKER} hỏng: {exc}") from exc


def list_sets(root: Path) -> list[SetInfo]:
    """Every archived set under `root`, damaged ones included, by year, cluster, revision."""
    found = []
    if root.is_dir():
        for year_dir in sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit()):
            try:
                folders = sorted(year_dir.iterdir())
            except OSError:
                continue
            for folder in folders:
                info = read_set(folder)
                if info is not None:
                    found.append(info)
    return sorted(found, key=lambda s: (s.year, s.cluster, s.revision))


def find_set(root: Path, year: int, cluster: str, revision: int | None = None) -> SetInfo:
    """A set by year, cluster and revision (the latest when None), or ArchiveError."""
    present = lay.revisions(root, year, cluster)
    wanted = revision or (present[-1] if present else 1)
    info = read_set(lay.set_folder(root, year, cluster, wanted))
    if info is None:
        raise ArchiveError(f"Không có bộ văn bản năm {year} của {cluster}"
                           f"{f' (lần {revision})' if revision else ''} trong '{root}'.")
    return info


EDITED = "tệp đã sửa: nội dung khác bản đã lưu (kiểm tra toàn vẹn không khớp)."
STRANGER = "tệp lạ, không có trong danh mục tệp của bộ văn bản."


def verify_set(info: SetInfo) -> list[str]:
    """Vietnamese lines naming each changed, missing, extra or linked file of a set, or
    its damaged manifest; empty when every file matches the manifest. Files that Word or
    the system makes on their own (`layout.ignored`) are not reported."""
    if info.damage is not None:
        return [f"{info.folder / lay.MANIFEST}: hỏng, không đối chiếu được: {info.damage}"]
    problems = [_check_entry(info.folder, e) for e in info.entries]
    problems += _marker_problems(info)
    listed = {e.file for e in info.entries} | {lay.MANIFEST, mf.MARKER}
    for path, name in _walk(info.folder):
        if path.is_symlink():
            problems.append(f"{path}: là liên kết (symlink), không phải tệp thật.")
        elif name not in listed and not lay.ignored(name):
            problems.append(f"{path}: {STRANGER}")
    return [p for p in problems if p]


def verify_locked(info: SetInfo) -> list[str]:
    """`verify_set` under the set's lock, on the set as it is once no build is writing it
    (a build swaps a set in with two renames; a verify between them would see it missing).
    A read-only copy of the archive, where no lock file can be made, is verified as is."""
    root = info.folder.parent.parent
    guard = locked(lock_path(root, info.year, info.cluster), f"năm {info.year}, {info.cluster}")
    try:
        guard.__enter__()
    except OSError:  # read-only media or share: nothing can be writing it
        return _verify_now(info)
    try:
        return _verify_now(info)
    finally:
        guard.__exit__(None, None, None)


def _verify_now(info: SetInfo) -> list[str]:
    try:
        now = read_set(info.folder)
        if now is None:
            return [f"{info.folder}: bộ văn bản không còn ở đây."]
        return verify_set(now)
    except OSError as exc:
        raise ArchiveError(f"Không kiểm tra được bộ văn bản {info.describe()}: "
                           f"{os_reason(exc)}.") from exc


def _check_entry(folder: Path, entry: mf.Entry) -> str:
    path = folder / entry.file
    if path.is_symlink():
        return ""  # reported once by the walk
    if not path.is_file():
        return f"{path}: thiếu tệp."
    if not matches(path, entry.sha256, entry.size):
        return f"{path}: {EDITED}"
    return ""


def matches(path: Path, digest: str, size: int) -> bool:
    """Whether the file at `path` holds exactly the bytes of that hash and size."""
    return path.stat().st_size == size and file_sha256(path) == digest


def _marker_problems(info: SetInfo) -> list[str]:
    if info.marker is None:
        return []
    data = (info.folder / lay.MANIFEST).read_bytes()
    if sha256(data) != info.marker["manifest_sha256"]:
        return [f"{info.folder / lay.MANIFEST}: đã bị sửa sau khi bộ văn bản được chốt ngày "
                f"{info.finalized_at} (kiểm tra toàn vẹn với {mf.MARKER} không khớp)."]
    return []


def _walk(folder: Path) -> list[tuple[Path, str]]:
    """Every file and link under `folder` (links to folders are not entered), with its
    name relative to the folder in POSIX form, sorted by that name."""
    found = []
    for parent, dirs, files in os.walk(folder, followlinks=False):
        base = Path(parent)
        links = [d for d in dirs if (base / d).is_symlink()]
        for name in sorted(files + links):
            path = base / name
            found.append((path, path.relative_to(folder).as_posix()))
    return sorted(found, key=lambda item: item[1])


SIGNED_OPTION = "--can-du-ban-ky"
FILL_INS_OPTION = "--bo-qua-bo-sung"


def finalize(root: Path, year: int, cluster: str, require_signed: bool = False,
             fill_ins_left: bool = False) -> SetInfo:
    """Mark the latest set as sent; refuse when it is damaged or its files changed, or,
    when `require_signed` or the set's manifest asks for it, when a document has no signed
    paper recorded (`archive sign`), or, unless `fill_ins_left` says the clerk knows, when
    a document still holds a fill-in marker ("[Bổ sung: …]", see `unfilled`).

    The manifest is rewritten first, then the marker: a finalize killed between the two
    still leaves the set protected, and finalizing again completes it. Temporary files go
    in the year folder, never inside the set."""
    find_set(root, year, cluster)  # refuse before taking the lock: no folder for a typo
    try:
        with locked(lock_path(root, year, cluster), f"năm {year}, {cluster}"):
            recover(root / str(year), cluster)
            info = find_set(root, year, cluster)
            problems = verify_set(info)
            if problems:
                raise ArchiveError("Không chốt được vì bộ văn bản đã bị thay đổi hoặc hỏng:\n"
                                   + "\n".join(f"  - {p}" for p in problems))
            if info.status != "finalized" and (require_signed or info.requires_signed):
                _refuse_unsigned(info, require_signed)
            if info.status != "finalized" and not fill_ins_left:
                _refuse_unfilled(info)
            if info.status != "finalized" or info.marker is None:
                _write_finalized(info)
            done = read_set(info.folder)
    except OSError as exc:
        raise ArchiveError(f"Không chốt được bộ văn bản năm {year} của {cluster}: "
                           f"{os_reason(exc)}.") from exc
    assert done is not None  # the folder was a set a moment ago, under the lock
    return done


def _refuse_unsigned(info: SetInfo, asked: bool) -> None:
    missing = info.unsigned
    if missing:
        why = (f"đã yêu cầu {SIGNED_OPTION}" if asked else "bộ văn bản được lập với yêu cầu "
               "chỉ chốt khi đủ bản đã ký")
        raise ArchiveError(
            f"Không chốt được bộ văn bản {info.describe()} vì {why} mà còn "
            f"{len(missing)}/{len(info.documents)} văn bản chưa có bản đã ký:\n"
            + "".join(f"  - {name}\n" for name in missing)
            + f"Lưu bản đã ký bằng: docgen archive sign {info.year} {info.cluster} LOẠI "
            "TỆP.pdf, rồi chốt lại.")


def unfilled(info: SetInfo) -> dict[str, int]:
    """Each current document of a sound set that still holds fill-in markers ("[Bổ sung:
    …]"), with how many: the file as it is now, so an edited and accepted copy counts as
    edited. A document whose signed paper is recorded is complete as signed and is not
    read; an edited copy a rebuild kept beside is not sent and not read either."""
    from docgen.check import DocumentUnreadable, count_fill_ins  # the linter: only when needed

    signed = info.signed
    found: dict[str, int] = {}
    for name in info.documents:
        if name in signed:
            continue
        try:
            n = count_fill_ins(info.folder / name)
        except DocumentUnreadable as exc:
            reason = str(exc)
            raise ArchiveError(f"Không chốt được bộ văn bản năm {info.year} của {info.cluster}: "
                               f"{reason[:1].lower()}{reason[1:]}") from exc
        if n:
            found[name] = n
    return found


def _refuse_unfilled(info: SetInfo) -> None:
    found = unfilled(info)
    if found:
        total = sum(found.values())
        raise ArchiveError(
            f"Không chốt được bộ văn bản {info.describe()} vì còn {total} chỗ cần bổ sung "
            f"(đánh dấu «[Bổ sung: …]») trong {len(found)} văn bản:\n"
            + "".join(f"  - {name}: {n} chỗ\n" for name, n in found.items())
            + "Mở từng văn bản, điền nội dung rồi xóa đánh dấu, ghi nhận bản đã sửa bằng: "
            f"docgen archive accept {info.year} {info.cluster}, rồi chốt lại. Văn bản đã có "
            "bản đã ký (docgen archive sign) không cần sửa. Nếu các chỗ này đã được bổ sung "
            f"trên bản giấy gửi đi, chốt với {FILL_INS_OPTION}.")


def _write_finalized(info: SetInfo) -> None:
    manifest = dict(info.manifest)
    if manifest.get("status") != "finalized":
        manifest["status"] = "finalized"
        manifest["finalized_at"] = dt.date.today().strftime("%d/%m/%Y")
    data = to_json(manifest)
    if (info.folder / lay.MANIFEST).read_bytes() != data:
        _write_in_set(info, lay.MANIFEST, data)
    marker = {"year": info.year, "cluster": info.cluster, "revision": info.revision,
              "finalized_at": manifest["finalized_at"], "manifest_sha256": sha256(data)}
    _write_in_set(info, mf.MARKER, to_json(marker))


@dataclass(frozen=True)
class Accepted:
    """A file whose edited bytes `accept` recorded as the set's: its name, the hash it had
    in the manifest before, and the hash of the edited bytes."""

    file: str
    old_sha256: str
    new_sha256: str


def edited_files(info: SetInfo) -> list[str]:
    """The files of a sound set (documents, PDFs, kept files) present but no longer holding
    the bytes the manifest records: edited in Word, signed in place, replaced by hand."""
    found = []
    for entry in info.entries:
        path = info.folder / entry.file
        if entry.signed_for is not None:  # a signed paper is replaced by `sign --thay`
            continue
        if entry.file != info.manifest["workbook"]["file"] and path.is_file() \
                and not path.is_symlink() and not matches(path, entry.sha256, entry.size):
            found.append(entry.file)
    return found


def accept(root: Path, year: int, cluster: str, names: Sequence[str] = (),
           note: str = "") -> list[Accepted]:
    """Record edited files of the latest set (those named, or every one when `names` is
    empty) as the set's own: the manifest takes their new hash and size and keeps, per
    file, the history of what was accepted (old and new hash, time, `note`) and the hash
    docgen generated. Verify passes on them afterwards; a rebuild still asks before it
    replaces them. A finalized or damaged set is never changed."""
    find_set(root, year, cluster)  # refuse before taking the lock: no folder for a typo
    try:
        with locked(lock_path(root, year, cluster), f"năm {year}, {cluster}"):
            recover(root / str(year), cluster)
            info = find_set(root, year, cluster)
            refuse_unchangeable(info, "Không ghi nhận được.", "Muốn sửa")
            chosen = _chosen(info, edited_files(info), names)
            manifest = copy.deepcopy(info.manifest)
            done = [_accept_one(info.folder, manifest, name, note) for name in chosen]
            _write_in_set(info, lay.MANIFEST, to_json(manifest))
    except OSError as exc:
        raise ArchiveError(f"Không ghi nhận được tệp đã sửa của bộ văn bản năm {year} của "
                           f"{cluster}: {os_reason(exc)}. Bộ văn bản vẫn giữ nguyên.") from exc
    return done


def _chosen(info: SetInfo, edited: list[str], names: Sequence[str]) -> list[str]:
    """The edited files `names` asks for (a name, or a path ending in it), all when empty."""
    if not edited:
        raise ArchiveError(f"Bộ văn bản {info.describe()} không có tệp đã sửa nào: kiểm tra "
                           "toàn vẹn đã khớp.")
    if not names:
        return edited
    listed = {e.file.casefold(): e.file for e in info.entries}
    chosen: list[str] = []
    for raw in names:
        text = raw.replace("\\", "/")
        key = text.casefold()
        if key not in listed:  # a path typed to the file, e.g. reports/2021/cum-ix/x.docx
            key = text.rsplit("/", 1)[-1].casefold()
        name = listed.get(key)
        if name is not None and name == info.manifest["workbook"]["file"]:
            raise ArchiveError(f"Tệp '{name}' là bản sao sổ tính lưu cùng bộ văn bản; bản này "
                               "không được sửa nên không ghi nhận. Hãy lập lại bộ văn bản từ "
                               "sổ tính đã sửa.")
        if name is None:
            raise ArchiveError(f"Tệp '{raw}' không thuộc bộ văn bản {info.describe()}. "
                               f"Các tệp đã sửa: {', '.join(edited)}.")
        if name not in edited:
            raise ArchiveError(f"Tệp '{name}' chưa bị sửa (kiểm tra toàn vẹn khớp), không "
                               f"cần ghi nhận. Các tệp đã sửa: {', '.join(edited)}.")
        if name not in chosen:
            chosen.append(name)
    return chosen


def _accept_one(folder: Path, manifest: dict[str, Any], name: str, note: str) -> Accepted:
    data_hash = file_sha256(folder / name)
    size = (folder / name).stat().st_size
    for key in ("files", "kept"):
        for entry in manifest.get(key, []):
            if entry["file"] == name:
                old = str(entry["sha256"])
                if key == "files":
                    entry.setdefault("generated_sha256", old)
                entry.setdefault("edits", []).append({
                    "old_sha256": old, "sha256": data_hash,
                    "accepted_at": dt.datetime.now().astimezone().replace(
                        microsecond=0).isoformat(),
                    "note": note})
                entry["sha256"], entry["size"] = data_hash, size
                return Accepted(name, old, data_hash)
    raise AssertionError(name)  # pragma: no cover - `name` comes from the manifest's entries


def _write_in_set(info: SetInfo, name: str, data: bytes) -> None:
    write_atomic(info.folder / name, data, scratch=info.folder.parent,
                 prefix=f".{info.folder.name}.{name}.")


def to_json(value: dict[str, Any]) -> bytes:
    """The bytes of a manifest or marker: UTF-8 JSON, readable by a person."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def bundle(root: Path, year: int, cluster: str, revision: int | None = None, *,
           workbook: bool = False, draft: bool = False) -> Path:
    """One .zip of a set for its recipient, beside its folder: the documents and PDFs
    (signed scans in PDF included), nothing else unless asked: the workbook copy (every
    vote, phone numbers, notes) only with `workbook`. A set not yet finalized is bundled
    only with `draft`, as '<year>_<set>_ban-nhap.zip' so it is never taken for the sent one."""
    find_set(root, year, cluster, revision)  # refuse before taking the lock, as above
    try:
        with locked(lock_path(root, year, cluster), f"năm {year}, {cluster}"):
            recover(root / str(year), cluster)
            info = find_set(root, year, cluster, revision)
            problems = verify_set(info)
            if problems:
                raise ArchiveError("Không đóng gói được vì bộ văn bản đã bị thay đổi hoặc "
                                   "hỏng:\n" + "\n".join(f"  - {p}" for p in problems))
            finalized = info.status == "finalized"
            if not finalized and not draft:
                raise ArchiveError(
                    f"Bộ văn bản {info.describe()} chưa chốt (còn là bản nháp) nên chưa đóng "
                    f"gói để gửi. Chốt trước: docgen archive finalize {year} {cluster}; muốn "
                    "gửi bản nháp để góp ý, thêm --ban-nhap.")
            name = f"{year}_{info.folder.name}{'' if finalized else '_ban-nhap'}.zip"
            return write_atomic(info.folder.with_name(name),
                                _zip(info.folder, recipient_files(info, workbook)),
                                prefix=f".{info.folder.name}.bundle.")  # swept if killed
    except OSError as exc:
        raise ArchiveError(f"Không đóng gói được bộ văn bản năm {year} của {cluster}: "
                           f"{os_reason(exc)}.") from exc


_SENT = (".docx", ".pdf")


def recipient_files(info: SetInfo, workbook: bool = False) -> list[str]:
    """What a recipient gets: the set's documents and PDFs, each document's signed paper
    (`archive sign`), the PDFs kept beside them (a signed scan put in the folder by hand),
    and the workbook copy when `workbook`; never the manifest, an edited copy kept by a
    rebuild, a signed paper of an earlier version of a document, or anything else a clerk
    put in the folder."""
    names = []
    for e in info.manifest.get("files", []):
        if str(e["file"]).lower().endswith(_SENT):
            names.append(str(e["file"]))
        if isinstance(e.get("signed"), dict):
            names.append(str(e["signed"]["file"]))
    names += [str(e["file"]) for e in info.manifest.get("kept", [])
              if str(e["file"]).lower().endswith(".pdf") and "edited_from" not in e
              and "signed_for" not in e]
    if workbook:
        names.append(str(info.manifest["workbook"]["file"]))
    return names


def _zip(folder: Path, names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in names:  # checked relative names: no entry can leave the folder
            entry = zipfile.ZipInfo(f"{folder.name}/{name}", date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(entry, (folder / name).read_bytes())
    return buffer.getvalue()
