"""Turn a build's documents into a trusted year's set: staged, swapped in whole, with a manifest.

A set is written into a hidden staging folder beside its place, then swapped in with two
renames, under a lock. A build killed before the swap leaves the previous set untouched; a
build killed between the two renames is repaired by the next build. A finalized set is never
overwritten: a new build goes to the next revision, beside it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen import __version__
from docgen.archive import layout as lay
from docgen.archive.lock import locked
from docgen.errors import ArchiveError
from docgen.files import FIXED_TIME, write_atomic

# Converts the .docx files of a staging folder; returns (pdf path, page count) per file.
PdfConverter = Callable[[list[Path]], list[tuple[Path, int]]]


@dataclass(frozen=True)
class Output:
    """A rendered document and where it came from."""

    name: str
    data: bytes
    kind: str
    template: str
    template_sha256: str


@dataclass(frozen=True)
class SetInfo:
    """One archived set: year, cluster, revision, its folder and manifest."""

    year: int
    cluster: str
    revision: int
    folder: Path
    manifest: dict[str, Any]

    @property
    def status(self) -> str:
        """'draft' or 'finalized'."""
        return str(self.manifest.get("status", "draft"))


@dataclass(frozen=True)
class Published:
    """What a build wrote."""

    folder: Path
    paths: list[Path]
    revision: int


def sha256(data: bytes) -> str:
    """Hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def publish(root: Path, year: int, number: int, outputs: Sequence[Output], workbook: Path, *,
            new_revision: bool = False, pdf: PdfConverter | None = None) -> Published:
    """Write a year's set under `root`; refuse to replace a finalized set unless
    `new_revision` asks for the next revision."""
    cluster = lay.cluster_slug(number)
    year_dir = root / str(year)
    with locked(year_dir / f".{cluster}.lock", f"năm {year}, {cluster}"):
        _recover(year_dir)
        revision = _target_revision(root, year, cluster, new_revision)
        target = lay.set_folder(root, year, cluster, revision)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=year_dir))
        try:
            paths, pages = _stage(staging, outputs, workbook, pdf)
            manifest = _manifest(year, cluster, revision, outputs, workbook, staging, pages)
            write_atomic(staging / lay.MANIFEST, _json(manifest))
            _swap(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return Published(target, [target / p.name for p in paths], revision)


def _target_revision(root: Path, year: int, cluster: str, new_revision: bool) -> int:
    present = lay.revisions(root, year, cluster)
    if not present:
        return 1
    latest = present[-1]
    if new_revision:
        return latest + 1
    info = read_set(lay.set_folder(root, year, cluster, latest))
    if info is not None and info.status == "finalized":
        raise ArchiveError(
            f"Bộ văn bản năm {year} của {cluster} (lần {latest}) đã được chốt ngày "
            f"{info.manifest.get('finalized_at', '')}; không ghi đè. Muốn lập lại, thêm "
            f"--revision để tạo lần {latest + 1} bên cạnh."
        )
    return latest


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


def _source_name(workbook: Path) -> str:
    return f"{lay.slug(workbook.stem) or 'so-tinh'}.xlsx"


def _manifest(year: int, cluster: str, revision: int, outputs: Sequence[Output],
              workbook: Path, staging: Path, pages: dict[str, int]) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    for o in outputs:
        files.append({"file": o.name, "kind": o.kind, "sha256": sha256(o.data),
                      "size": len(o.data), "template": o.template,
                      "template_sha256": o.template_sha256})
    kinds = {Path(o.name).stem: o.kind for o in outputs}
    for path in sorted(staging.glob("*.pdf")):
        data = path.read_bytes()
        files.append({"file": path.name, "kind": kinds.get(path.stem, ""),
                      "sha256": sha256(data), "size": len(data), "source": f"{path.stem}.docx",
                      "pages": pages.get(path.name, 0)})
    source = staging / lay.SOURCE_DIR / _source_name(workbook)
    data = source.read_bytes()
    return {
        "docgen_version": __version__,
        "built_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "year": year,
        "cluster": cluster,
        "revision": revision,
        "status": "draft",
        "workbook": {"file": f"{lay.SOURCE_DIR}/{source.name}", "original": workbook.name,
                     "sha256": sha256(data), "size": len(data)},
        "files": files,
    }


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def _recover(year_dir: Path) -> None:
    """Undo what a killed build left: restore a set moved aside, drop staging folders."""
    if not year_dir.is_dir():
        return
    for child in sorted(year_dir.iterdir()):
        name = child.name
        if name.startswith(".") and ".old-" in name:
            original = year_dir / name[1:].split(".old-")[0]
            if original.exists():
                shutil.rmtree(child, ignore_errors=True)
            else:
                os.replace(child, original)
        elif name.startswith(".") and ".staging-" in name:
            shutil.rmtree(child, ignore_errors=True)


def _json(value: dict[str, Any]) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_set(folder: Path) -> SetInfo | None:
    """The set in `folder`, or None when it has no readable manifest."""
    named = lay.split_set_name(folder.name)
    try:
        manifest = json.loads((folder / lay.MANIFEST).read_text(encoding="utf-8"))
        year = int(folder.parent.name)
    except (OSError, ValueError):
        return None
    if named is None or not isinstance(manifest, dict):
        return None
    return SetInfo(year, named[0], named[1], folder, manifest)


def list_sets(root: Path) -> list[SetInfo]:
    """Every archived set under `root`, by year, cluster and revision."""
    found = []
    if root.is_dir():
        for year_dir in sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit()):
            for folder in sorted(year_dir.iterdir()):
                info = read_set(folder) if folder.is_dir() else None
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


def finalize(root: Path, year: int, cluster: str) -> SetInfo:
    """Mark the latest set as sent; refuse when its files no longer match the manifest."""
    info = find_set(root, year, cluster)
    with locked(root / str(year) / f".{cluster}.lock", f"năm {year}, {cluster}"):
        problems = verify_set(info)
        if problems:
            raise ArchiveError("Không chốt được vì bộ văn bản đã bị thay đổi:\n"
                               + "\n".join(f"  - {p}" for p in problems))
        if info.status != "finalized":
            info.manifest["status"] = "finalized"
            info.manifest["finalized_at"] = dt.date.today().strftime("%d/%m/%Y")
            write_atomic(info.folder / lay.MANIFEST, _json(info.manifest))
    return info


def verify_set(info: SetInfo) -> list[str]:
    """Vietnamese lines naming each changed, missing or extra file of a set."""
    problems = []
    listed = {entry["file"]: entry for entry in info.manifest.get("files", [])}
    listed[info.manifest["workbook"]["file"]] = info.manifest["workbook"]
    for name, entry in listed.items():
        path = info.folder / name
        if not path.is_file():
            problems.append(f"{info.folder / name}: thiếu tệp.")
        elif sha256(path.read_bytes()) != entry["sha256"]:
            problems.append(f"{info.folder / name}: nội dung đã bị thay đổi (khác mã băm "
                            "trong manifest.json).")
    for path in sorted(info.folder.rglob("*")):
        name = path.relative_to(info.folder).as_posix()
        if path.is_file() and name != lay.MANIFEST and name not in listed:
            problems.append(f"{path}: tệp lạ, không có trong manifest.json.")
    return problems


def bundle(root: Path, year: int, cluster: str, revision: int | None = None) -> Path:
    """One .zip of a set (documents, PDFs, workbook copy, manifest) beside its folder."""
    info = find_set(root, year, cluster, revision)
    problems = verify_set(info)
    if problems:
        raise ArchiveError("Không đóng gói được vì bộ văn bản đã bị thay đổi:\n"
                           + "\n".join(f"  - {p}" for p in problems))
    names = [e["file"] for e in info.manifest.get("files", [])]
    names += [info.manifest["workbook"]["file"], lay.MANIFEST]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in names:
            entry = zipfile.ZipInfo(f"{info.folder.name}/{name}", date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(entry, (info.folder / name).read_bytes())
    return write_atomic(info.folder.with_name(f"{year}_{info.folder.name}.zip"),
                        buffer.getvalue())
