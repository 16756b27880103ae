"""Turn a build's documents into a trusted year's set: staged, swapped in whole, with a manifest.

A set is written into a hidden staging folder beside its place, then swapped in with two
renames, under the lock of that cluster and year; everything a build does to the year
folder, the clean-up after a killed build included, touches only its own cluster's
folders, so builds of other clusters and years run side by side. A build killed before
the swap leaves the previous set untouched; an error between the two renames puts the
previous set back; a build killed there is repaired by the next build of that set.

A finalized set is never overwritten, nor is a set whose manifest is damaged (it might
have been finalized): a new build goes to the next revision, beside it. Files in the set
that docgen did not make (a signed scan) are carried into the new set, never deleted.

A document edited by hand since docgen made it (its bytes differ from the hash docgen
generated) is a fact, not an accident: a build that would replace it stops and names it,
unless told to keep it (the edited copy stays beside the new document, named with the time,
and is recorded as kept) or to replace it. A build of some kinds (`--only`) rebuilds those
inside the current set; every other file stays byte for byte, with its manifest entry.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docgen import __version__
from docgen.archive import layout as lay
from docgen.archive import manifest as mf
from docgen.archive.lock import locked
from docgen.archive.recovery import OLD, STAGING, recover
from docgen.archive.sets import SetInfo, lock_path, read_set, sha256, to_json
from docgen.errors import ArchiveError, os_reason
from docgen.files import file_sha256, fsync_dir, new_folder, write_atomic
from docgen.kinds import BY_CODE

# Converts the .docx files of a staging folder; returns (pdf path, page count) per file.
PdfConverter = Callable[[list[Path]], list[tuple[Path, int]]]
# What a build does with a document edited since docgen made it: stop and name it, keep
# the edited copy beside the new document, or replace it.
EditPolicy = Literal["stop", "keep", "replace"]
KEEP_OPTION = "--giu-ban-sua"
REPLACE_OPTION = "--thay-ban-sua"
EDITED_MARK = "-da-sua-"
EARLIER_MARK = "-cu-"  # a signed paper of an earlier version of its document


class EditedFiles(ArchiveError):
    """A build would replace documents edited since docgen made them; `files` names them."""

    def __init__(self, current: SetInfo, files: list[str]) -> None:
        self.files = files
        example = _edited_name(files[0], dt.datetime.now())
        super().__init__(
            f"Bộ văn bản {current.describe()} có {len(files)} tệp đã sửa sau khi docgen lập "
            "(nội dung khác bản docgen đã lập); lập lại sẽ thay chúng nên chưa lập:\n"
            + "".join(f"  - {name}\n" for name in files)
            + "Chọn một trong hai cách rồi chạy lại:\n"
            f"  {KEEP_OPTION}: giữ bản đã sửa bên cạnh văn bản mới, tên kèm thời điểm (ví "
            f"dụ {example});\n"
            f"  {REPLACE_OPTION}: thay bản đã sửa bằng văn bản mới (bản đã sửa sẽ mất).\n"
            "Nếu chỉ cần lập lại loại văn bản khác, dùng --only: các tệp đã sửa giữ nguyên.")


class SignedChanged(ArchiveError):
    """A build would change or drop documents whose signed paper is recorded; `files`
    names them."""

    def __init__(self, current: SetInfo, files: list[tuple[str, str]]) -> None:
        self.files = [document for document, _ in files]
        super().__init__(
            f"Bộ văn bản {current.describe()} có {len(files)} văn bản đã có bản đã ký mà lần "
            "lập này sẽ làm khác nội dung hoặc bỏ đi (bản đã ký sẽ không còn khớp văn bản); "
            "chưa lập:\n"
            + "".join(f"  - {document} (bản đã ký: {paper})\n" for document, paper in files)
            + f"Muốn lập lại, thêm {KEEP_OPTION} hoặc {REPLACE_OPTION}: bản đã ký vẫn được "
            f"giữ trong bộ văn bản, đổi tên có '{EARLIER_MARK}' kèm thời điểm, và văn bản mới "
            "cần ký lại (docgen archive sign). Nếu chỉ cần lập lại loại văn bản khác, dùng "
            "--only: văn bản đã ký giữ nguyên.")


@dataclass(frozen=True)
class Edit:
    """A document edited by hand that a build replaced: kept beside as `kept_as`, or
    replaced (`kept_as` None) when the build was told to."""

    file: str
    kept_as: str | None

@dataclass(frozen=True)
class Output:
    """A rendered document and where it came from; `part` is the text its file name was
    made from when the kind makes one file per unit (the unit's short name), else None."""

    name: str
    data: bytes
    kind: str
    template: str
    template_sha256: str
    part: str | None = None


@dataclass(frozen=True)
class Published:
    """What a build wrote, the files of the previous set it carried over (`kept`), the
    documents of other kinds it left as they were (`unchanged`, with `--only`) and the
    edited documents it kept beside or replaced (`edits`)."""

    folder: Path
    paths: list[Path]
    revision: int
    kept: list[str]
    unchanged: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)


def publish(root: Path, year: int, number: int, outputs: Sequence[Output], workbook: Path, *,
            new_revision: bool = False, pdf: PdfConverter | None = None,
            kinds: Sequence[str] | None = None, edited: EditPolicy = "stop",
            require_signed: bool | None = None, period: str = "year") -> Published:
    """Write a year's set under `root`; refuse to replace a finalized or damaged set unless
    `new_revision` asks for the next revision.

    `kinds` names the kinds this build makes when it makes only some (`--only`): the
    current set's files of other kinds stay as they are. `edited` says what to do with a
    document edited since docgen made it that this build would replace; it also stands
    for a document with a signed paper this build would change or drop (the paper stays,
    as a kept file). `require_signed`, when given, is recorded in the manifest: finalize
    then waits for every signed paper; None keeps what the current set recorded. `period`
    "half" writes the mid-year set, a set of its own beside the year's (`lay.set_slug`)."""
    _refuse_duplicate_names(outputs)
    cluster = lay.set_slug(number, period)
    try:
        with locked(lock_path(root, year, cluster), f"năm {year}, {cluster}"):
            recover(root / str(year), cluster)
            revision, current = _target(root, year, cluster, new_revision)
            target = lay.set_folder(root, year, cluster, revision)
            plan = _Plan(outputs, workbook, pdf, kinds, edited, require_signed)
            return _publish_into(target, revision, current, plan)
    except OSError as exc:
        raise ArchiveError(f"Không ghi được bộ văn bản năm {year} của {cluster} vào "
                           f"'{root}': {os_reason(exc)}. Bộ văn bản đã lưu trước đó (nếu có) "
                           "vẫn giữ nguyên.") from exc


def _refuse_duplicate_names(outputs: Sequence[Output]) -> None:
    seen: dict[str, Output] = {}
    for output in outputs:
        key = output.name.casefold()  # one file on Windows and macOS
        if key in seen:
            first = seen[key]
            raise ArchiveError(f"Hai văn bản cùng tên tệp '{output.name}' "
                               f"({_label(first)} và {_label(output)}); không lưu.")
        seen[key] = output


def _label(output: Output) -> str:
    kind = BY_CODE[output.kind].label if output.kind in BY_CODE else output.kind
    return f"“{kind} – {output.part}”" if output.part else f"“{kind}”"


@dataclass(frozen=True)
class _Plan:
    """What one build asks for."""

    outputs: Sequence[Output]
    workbook: Path
    pdf: PdfConverter | None
    kinds: Sequence[str] | None
    edited: EditPolicy
    require_signed: bool | None = None


def _publish_into(target: Path, revision: int, current: SetInfo | None,
                  plan: _Plan) -> Published:
    year_dir = target.parent
    replaced, others = _split(current, plan)
    before = _hashes(current, replaced)
    edited = _edited(current, replaced, before, plan)  # before anything is written
    follow, earlier = _signed_papers(current, replaced, plan)
    staging = new_folder(year_dir, f".{target.name}{STAGING}")
    try:
        paths, pages = _stage(staging, plan.outputs, plan.workbook, plan.pdf)
        unchanged = _keep_others(current, staging, others) if current is not None else []
        edits, kept_edits = _keep_edited(current, staging, edited, plan)
        kept = _carry_over(current, staging) if current is not None else []
        manifest = _manifest(target, revision, plan.outputs, plan.workbook, staging, pages)
        papers = _carry_signed(current, staging, manifest["files"], follow, earlier)
        manifest["files"] += others
        manifest["kept"] = kept_edits + papers + [_kept_entry(current, staging, name)
                                                  for name in kept]
        required = plan.require_signed if plan.require_signed is not None else (
            current is not None and current.requires_signed)
        if required:
            manifest["require_signed"] = True
        write_atomic(staging / lay.MANIFEST, to_json(manifest))
        fsync_dir(staging)
        _refuse_edited_meanwhile(current, replaced, before)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Published(target, [target / p.name for p in paths], revision, kept,
                     unchanged, edits)


def _split(current: SetInfo | None,
           plan: _Plan) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The current set's generated files (manifest entries) this build replaces or drops,
    and those it leaves as they are: files of kinds a `--only` build does not make."""
    if current is None:
        return [], []
    entries = [dict(e) for e in current.manifest.get("files", [])]
    if plan.kinds is None:
        return entries, []
    names = {o.name.casefold() for o in plan.outputs}
    ours = [e for e in entries
            if e.get("kind") in plan.kinds or str(e["file"]).casefold() in names]
    return ours, [e for e in entries if e not in ours]


def generated_sha256(entry: dict[str, Any]) -> str:
    """The hash of the bytes docgen made for a manifest entry (before any accepted edit)."""
    return str(entry.get("generated_sha256", entry["sha256"]))


def _hashes(current: SetInfo | None, entries: list[dict[str, Any]]) -> dict[str, str]:
    """The hash of each of these files of the current set that is there (a plain file)."""
    found = {}
    if current is not None:
        for entry in entries:
            path = current.folder / str(entry["file"])
            if path.is_file() and not path.is_symlink():
                found[str(entry["file"])] = file_sha256(path)
    return found


def _edited(current: SetInfo | None, replaced: list[dict[str, Any]], hashes: dict[str, str],
            plan: _Plan) -> list[dict[str, Any]]:
    """The entries of `replaced` whose file no longer holds the bytes docgen made (and not
    the bytes this build makes either); stop the build when told to stop."""
    if current is None:
        return []
    new = {o.name: sha256(o.data) for o in plan.outputs}
    found = []
    for entry in replaced:
        path = current.folder / str(entry["file"])
        digest = hashes.get(str(entry["file"]))
        if digest is None:
            continue
        if digest not in (generated_sha256(entry), new.get(str(entry["file"]))):
            found.append({**entry, "generated_sha256": generated_sha256(entry),
                          "sha256": digest, "size": path.stat().st_size})
    if found and plan.edited == "stop":
        raise EditedFiles(current, [str(e["file"]) for e in found])
    return found


def _signed_papers(current: SetInfo | None, replaced: list[dict[str, Any]],
                   plan: _Plan) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """The signed records of `replaced` documents that follow the new document of the same
    name (its bytes are those that were signed), and those that no longer sign anything
    this build makes (their document changes or is dropped); stop the build on the latter
    unless it was told what to do with edited documents."""
    if current is None:
        return {}, []
    new = {o.name: sha256(o.data) for o in plan.outputs}
    follow, earlier = {}, []
    for entry in replaced:
        record = entry.get("signed")
        if not isinstance(record, dict):
            continue
        name = str(entry["file"])
        # A document the PDF step tightened was signed as tightened: the same rendering,
        # built with --pdf again, is tightened the same way (docgen.pdf.fit_pages).
        refitted = (plan.pdf is not None and entry.get("rendered_sha256") == new.get(name)
                    and entry["sha256"] == record["document_sha256"])
        if refitted or new.get(name) == record["document_sha256"]:
            follow[name] = record
        else:
            earlier.append({**record, "signed_for": name})
    if earlier and plan.edited == "stop":
        raise SignedChanged(current, [(str(r["signed_for"]), str(r["file"])) for r in earlier])
    return follow, earlier


def _carry_signed(current: SetInfo | None, staging: Path, files: list[dict[str, Any]],
                  follow: dict[str, dict[str, Any]],
                  earlier: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copy the signed papers of the current set's replaced documents into `staging`: one
    whose document is made again with the same bytes stays its signed paper; another is
    kept under a name marking it as the paper of an earlier version (returned as kept
    entries, recording which document it signed and when)."""
    if current is None:
        return []
    for entry in files:
        record = follow.get(str(entry["file"]))
        if record is not None:  # a paper already missing stays recorded: verify names it
            _copy_paper(current, staging, str(record["file"]))
            entry["signed"] = record
    taken = {p.relative_to(staging).as_posix().casefold() for p in staging.rglob("*")}
    taken |= {p.relative_to(current.folder).as_posix().casefold()
              for p in current.folder.rglob("*")}
    now = dt.datetime.now()
    kept = []
    for record in earlier:
        path = Path(str(record["file"]))
        base = f"{path.stem}{EARLIER_MARK}{now:%Y%m%d-%H%M}"
        name, n = f"{base}.pdf", 2
        while name.casefold() in taken:
            name, n = f"{base}-{n}.pdf", n + 1
        taken.add(name.casefold())
        _copy_paper(current, staging, str(record["file"]), name)
        kept.append({**record, "file": name})
    return kept


def _copy_paper(current: SetInfo, staging: Path, name: str, as_name: str | None = None) -> None:
    """Copy a signed paper of the current set into `staging` (under `as_name`) when it is
    there (one missing is named by verify)."""
    source = current.folder / name
    if source.is_file() and not source.is_symlink():
        _copy_as_is(source, staging / (as_name or name))


def _refuse_edited_meanwhile(current: SetInfo | None, replaced: list[dict[str, Any]],
                             before: dict[str, str]) -> None:
    """Stop, the set untouched, when a file this build replaces was saved while it ran
    (a document open in Word, saved meanwhile): its new bytes were neither checked nor
    kept. Checked right before the swap, so only a save in that instant could slip by."""
    now = _hashes(current, replaced)
    changed = sorted(name for name in before.keys() | now.keys()
                     if now.get(name) != before.get(name))
    if current is not None and changed:
        raise ArchiveError(
            f"Trong lúc lập, {len(changed)} tệp của bộ văn bản {current.describe()} vừa được "
            f"sửa hoặc lưu lại ({', '.join(changed)}), có thể đang mở trong Word; chưa lập để "
            "không mất bản sửa. Hãy lưu, đóng tệp rồi chạy lại.")


def _keep_others(current: SetInfo, staging: Path, others: list[dict[str, Any]]) -> list[str]:
    """Copy the files of kinds this build does not make into `staging`, byte for byte and
    with their times; their manifest entries go into the new manifest unchanged."""
    kept = []
    for entry in others:
        name = str(entry["file"])
        source = current.folder / name
        if source.is_file() and not source.is_symlink():
            destination = staging / name  # a checked relative name (mf.check_relative)
            destination.parent.mkdir(parents=True, exist_ok=True)
            _copy_as_is(source, destination)
        signed = entry.get("signed")
        if isinstance(signed, dict):
            _copy_paper(current, staging, str(signed["file"]))
        kept.append(name)  # a file already missing stays listed: verify names it
    return kept


def _keep_edited(current: SetInfo | None, staging: Path, edited: list[dict[str, Any]],
                 plan: _Plan) -> tuple[list[Edit], list[dict[str, Any]]]:
    """Copy each edited document this build replaces beside its new version, named with
    the time, when told to keep them; return what was done and their manifest entries."""
    if plan.edited != "keep" or current is None:
        return [Edit(str(e["file"]), None) for e in edited], []
    taken = {p.relative_to(current.folder).as_posix().casefold()
             for p in current.folder.rglob("*")}
    taken |= {o.name.casefold() for o in plan.outputs}
    now = dt.datetime.now()
    edits, entries = [], []
    for entry in edited:
        name = str(entry["file"])
        kept_as = _edited_name(name, now, taken)
        taken.add(kept_as.casefold())
        copy = staging / kept_as
        _copy_as_is(current.folder / name, copy)
        edits.append(Edit(name, kept_as))  # the copy's own hash: the bytes really kept
        entries.append({"file": kept_as, "sha256": file_sha256(copy), "size": copy.stat().st_size,
                        "edited_from": name, "generated_sha256": generated_sha256(entry),
                        "kept_at": now.astimezone().replace(microsecond=0).isoformat()})
    return edits, entries


def _copy_as_is(source: Path, destination: Path) -> None:
    """Copy a document docgen made, byte for byte and with its times; the copy gets the
    ordinary permissions of the umask (not those of a file an older docgen made 0600)."""
    shutil.copyfile(source, destination, follow_symlinks=False)
    times = source.stat()
    os.utime(destination, ns=(times.st_atime_ns, times.st_mtime_ns))


def _edited_name(name: str, now: dt.datetime, taken: set[str] | None = None) -> str:
    """'2021_cum-ix_to-trinh-da-sua-20261130-1405.docx', with '-2', '-3' … when taken."""
    path = Path(name)
    base = f"{path.stem}{EDITED_MARK}{now:%Y%m%d-%H%M}"
    candidate, n = f"{base}{path.suffix}", 2
    while taken is not None and candidate.casefold() in taken:
        candidate, n = f"{base}-{n}{path.suffix}", n + 1
    return candidate


def _target(root: Path, year: int, cluster: str,
            new_revision: bool) -> tuple[int, SetInfo | None]:
    """The revision to write and the set it replaces (None for a new folder)."""
    present = lay.revisions(root, year, cluster)
    latest = present[-1] if present else 1
    current = read_set(lay.set_folder(root, year, cluster, latest))
    if current is None:
        return latest, None
    if new_revision:
        return latest + 1, None
    if current.damage is not None:
        raise ArchiveError(
            f"Bộ văn bản năm {year} của {cluster} (lần {latest}) có danh mục tệp "
            f"(manifest.json) hỏng "
            f"({current.damage}); không ghi đè vì không biết bộ này đã chốt hay chưa. Muốn "
            f"lập lại, thêm --revision để tạo lần {latest + 1} bên cạnh.")
    if current.status == "finalized":
        raise ArchiveError(
            f"Bộ văn bản năm {year} của {cluster} (lần {latest}) đã được chốt ngày "
            f"{current.finalized_at}; không ghi đè. Muốn lập lại, thêm "
            f"--revision để tạo lần {latest + 1} bên cạnh.")
    return latest, current


def _stage(staging: Path, outputs: Sequence[Output], workbook: Path,
           pdf: PdfConverter | None) -> tuple[list[Path], dict[str, int]]:
    """Write the documents, the workbook copy and the PDFs; return the document paths and
    each PDF's page count by file name."""
    paths = [write_atomic(lay.inside(staging, o.name), o.data) for o in outputs]
    source = staging / lay.SOURCE_DIR
    source.mkdir()
    shutil.copyfile(workbook, source / _source_name(workbook))
    pages: dict[str, int] = {}
    if pdf is not None:
        converted = pdf(paths)
        paths += [p for p, _ in converted]
        pages = {p.name: n for p, n in converted}
    return paths, pages


def _carry_over(current: SetInfo, staging: Path) -> list[str]:
    """Copy into `staging` every file of the current set that docgen did not make; return
    their names. Copies, not moves: if this build fails, the current set is untouched."""
    listed = [*current.manifest.get("files", []), current.manifest.get("workbook", {})]
    made = {str(e.get("file", "")).casefold() for e in listed} | {lay.MANIFEST, mf.MARKER}
    made |= {name.casefold() for name in current.signed.values()}  # see _carry_signed
    kept = []
    for parent, _, files in os.walk(current.folder, followlinks=False):
        for name in sorted(files):
            path = Path(parent) / name
            relative = path.relative_to(current.folder).as_posix()
            if relative.casefold() in made or _is_leftover(name):
                continue
            destination = staging / relative
            if destination.exists() or destination.is_symlink():
                raise ArchiveError(
                    f"Tệp '{path}' không do docgen lập nhưng trùng tên với tệp sắp lập; hãy "
                    "đổi tên hoặc chuyển tệp đó ra chỗ khác rồi lập lại.")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination, follow_symlinks=False)
            kept.append(relative)
    return kept


def _is_leftover(name: str) -> bool:
    """A file nobody needs kept: a temporary file of an interrupted write by an older
    docgen ('.x.docx.abc.tmp'), or one Word, LibreOffice or the system makes on its own
    (`layout.ignored`: Word's owner file '~$…docx', Thumbs.db, desktop.ini, .DS_Store)."""
    return (name.startswith(".") and name.endswith(".tmp")) or lay.ignored(name)


def _kept_entry(current: SetInfo | None, staging: Path, name: str) -> dict[str, Any]:
    """The manifest entry of a file carried over: verified like docgen's own from now on;
    what the previous entry recorded about it (an edited copy's origin) stays."""
    data = (staging / name).read_bytes()
    before = {} if current is None else next(
        (dict(e) for e in current.manifest.get("kept", []) if e.get("file") == name), {})
    return {**before, "file": name, "sha256": sha256(data), "size": len(data)}


def _source_name(workbook: Path) -> str:
    return f"{lay.slug(workbook.stem) or 'so-tinh'}.xlsx"


def _manifest(target: Path, revision: int, outputs: Sequence[Output], workbook: Path,
              staging: Path, pages: dict[str, int]) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    for o in outputs:
        # The staged file, not o.data: the PDF step may have replaced a document by its
        # tighter version (docgen.pdf.fit_pages), which is then the one archived.
        data = lay.inside(staging, o.name).read_bytes()
        entry = {"file": o.name, "kind": o.kind, "sha256": sha256(data),
                 "size": len(data), "template": o.template,
                 "template_sha256": o.template_sha256}
        if data != o.data:  # so a later build can tell the same rendering from a change
            entry["rendered_sha256"] = sha256(o.data)
        files.append(entry if o.part is None else {**entry, "part": o.part})
    kinds = {Path(o.name).stem: o.kind for o in outputs}
    for name in sorted(pages):  # the PDFs this build converted, not a PDF carried over
        data = (staging / name).read_bytes()
        stem = Path(name).stem
        files.append({"file": name, "kind": kinds.get(stem, ""), "sha256": sha256(data),
                      "size": len(data), "source": f"{stem}.docx", "pages": pages[name]})
    source = staging / lay.SOURCE_DIR / _source_name(workbook)
    data = source.read_bytes()
    named = lay.split_set_name(target.name)
    assert named is not None  # target comes from lay.set_folder
    return {
        "docgen_version": __version__,
        "built_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "year": int(target.parent.name),
        "cluster": named[0],
        "revision": revision,
        "status": "draft",
        "workbook": {"file": f"{lay.SOURCE_DIR}/{source.name}", "original": workbook.name,
                     "sha256": sha256(data), "size": len(data)},
        "files": files,
    }


def _swap(staging: Path, target: Path) -> None:
    """Put `staging` in `target`'s place; on an error between the two renames, put the
    previous set back, so a set is never left hidden."""
    old = target.with_name(f".{target.name}{OLD}{os.getpid()}")
    moved = target.exists()
    if moved:
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except BaseException:
        if moved:
            os.replace(old, target)
        raise
    fsync_dir(target.parent)
    if moved:
        shutil.rmtree(old, ignore_errors=True)
