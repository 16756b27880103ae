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
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen import __version__
from docgen.archive import layout as lay
from docgen.archive import manifest as mf
from docgen.archive.lock import locked
from docgen.archive.recovery import OLD, STAGING, recover
from docgen.archive.sets import SetInfo, lock_path, read_set, sha256, to_json
from docgen.errors import ArchiveError, os_reason
from docgen.files import fsync_dir, write_atomic
from docgen.kinds import BY_CODE

# Converts the .docx files of a staging folder; returns (pdf path, page count) per file.
PdfConverter = Callable[[list[Path]], list[tuple[Path, int]]]

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
    """What a build wrote, and the files of the previous set it carried over (`kept`)."""

    folder: Path
    paths: list[Path]
    revision: int
    kept: list[str]


def publish(root: Path, year: int, number: int, outputs: Sequence[Output], workbook: Path, *,
            new_revision: bool = False, pdf: PdfConverter | None = None) -> Published:
    """Write a year's set under `root`; refuse to replace a finalized or damaged set unless
    `new_revision` asks for the next revision."""
    _refuse_duplicate_names(outputs)
    cluster = lay.cluster_slug(number)
    try:
        with locked(lock_path(root, year, cluster), f"năm {year}, {cluster}"):
            recover(root / str(year), cluster)
            revision, current = _target(root, year, cluster, new_revision)
            target = lay.set_folder(root, year, cluster, revision)
            return _publish_into(target, revision, current, outputs, workbook, pdf)
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


def _publish_into(target: Path, revision: int, current: SetInfo | None,
                  outputs: Sequence[Output], workbook: Path,
                  pdf: PdfConverter | None) -> Published:
    year_dir = target.parent
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING}", dir=year_dir))
    try:
        if current is not None:
            _refuse_dropping(current, outputs)
        paths, pages = _stage(staging, outputs, workbook, pdf)
        kept = _carry_over(current, staging) if current is not None else []
        manifest = _manifest(target, revision, outputs, workbook, staging, pages)
        manifest["kept"] = [_kept_entry(staging, name) for name in kept]
        write_atomic(staging / lay.MANIFEST, to_json(manifest))
        fsync_dir(staging)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Published(target, [target / p.name for p in paths], revision, kept)


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
            f"Bộ văn bản năm {year} của {cluster} (lần {latest}) có manifest.json hỏng "
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
    docgen ('.x.docx.abc.tmp'), or the owner file Word or LibreOffice keeps beside a
    document while it is open ('~$…docx', '.~lock.…#')."""
    return (name.startswith(".") and name.endswith(".tmp")) or name.startswith("~$") \
        or (name.startswith(".~lock.") and name.endswith("#"))


def _kept_entry(staging: Path, name: str) -> dict[str, Any]:
    """The manifest entry of a file carried over: verified like docgen's own from now on."""
    data = (staging / name).read_bytes()
    return {"file": name, "sha256": sha256(data), "size": len(data)}


def _refuse_dropping(current: SetInfo, outputs: Sequence[Output]) -> None:
    """Refuse a build that would remove documents of kinds it does not make (`--only`)."""
    made = {o.kind for o in outputs}
    dropped = [str(e["file"]) for e in current.manifest.get("files", [])
               if e.get("kind") and e.get("kind") not in made]
    if dropped:
        raise ArchiveError(
            f"Bộ văn bản {current.describe()} đang có {len(dropped)} tệp thuộc loại văn bản "
            f"không được lập lại lần này ({', '.join(dropped)}); lập lại như vậy sẽ xóa "
            "chúng. Hãy lập lại cả bộ (bỏ --only), hoặc lập vào thư mục khác bằng --out.")


def _source_name(workbook: Path) -> str:
    return f"{lay.slug(workbook.stem) or 'so-tinh'}.xlsx"


def _manifest(target: Path, revision: int, outputs: Sequence[Output], workbook: Path,
              staging: Path, pages: dict[str, int]) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    for o in outputs:
        entry = {"file": o.name, "kind": o.kind, "sha256": sha256(o.data),
                 "size": len(o.data), "template": o.template,
                 "template_sha256": o.template_sha256}
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
