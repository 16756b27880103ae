"""Turn the signed paper of a document (a scan, or a PDF signed with a digital certificate)
into a file of the set, recorded in the manifest beside the document it signs.

`sign` stores the PDF as '<document stem>_da-ky.pdf' ('2021_cum-ix_to-trinh_da-ky.pdf') in
the set's folder and records, in the document's manifest entry, a `signed` record: the
file, its SHA-256, size and page count, when it was recorded, the name it came with and
the hash the document had when it was signed. Verify checks it like any other file, a
bundle sends it, a rebuild carries it over, finalize can require one per document.

What is refused, before the set is touched: a file that is not a PDF (by its first bytes
and by pypdf opening it), an empty one, one larger than a workbook may be (a scan that big
is a scan to make again at a lower resolution), a PDF that needs a password to open (the
archive must be readable by whoever inherits it; a PDF encrypted only against printing or
copying, as some signing tools make, opens without a password and is accepted), a PDF with
no page; and on the set's side a damaged manifest, a finalized set, a document already
signed (unless `replace`), a name taken by a file that is not this document's signed copy.

The PDF and the manifest are written under the set's lock as temporary files in the year
folder first, then renamed into the set; an error after the first rename undoes it, so the
set keeps its previous bytes and verifies as before. A paper being replaced waits in the year
folder until the new manifest is in; a sign killed meanwhile leaves it there, and the next
command on the set puts it back if the manifest still records it.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.archive import layout as lay
from docgen.archive.lock import locked
from docgen.archive.recovery import SIGNED_ASIDE, recover
from docgen.archive.sets import (
    SetInfo,
    find_set,
    lock_path,
    refuse_unchangeable,
    sha256,
    to_json,
)
from docgen.errors import ArchiveError, os_reason
from docgen.files import file_sha256, fsync_dir, new_file

SIGNED_MARK = "_da-ky"
REPLACE_OPTION = "--thay"
# As large as a workbook may be (docgen.intake.limits.MAX_FILE_BYTES): a signed scan of a
# few pages at 300 dpi is a few MB.
MAX_BYTES = 50 * 1024 * 1024
_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Signed:
    """What `sign` recorded: the document, the signed copy's name in the set, its page
    count, and the signed copy it replaced (None when there was none)."""

    document: str
    file: str
    pages: int
    replaced: str | None


def signed_name(document: str) -> str:
    """'2021_cum-ix_to-trinh_da-ky.pdf' for '2021_cum-ix_to-trinh.docx'."""
    return f"{Path(document).stem}{SIGNED_MARK}.pdf"


def read_pdf(path: Path) -> tuple[bytes, int]:
    """The bytes and page count of a signed PDF a clerk names; ArchiveError (Vietnamese)
    when it is missing, empty, too large, not a PDF, damaged or locked by a password."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ArchiveError(f"'{path}' không phải một tệp; hãy nêu tệp PDF đã ký.")
        if size == 0:
            raise ArchiveError(f"Tệp '{path}' rỗng (0 byte); hãy quét hoặc xuất lại bản đã ký.")
        if size > MAX_BYTES:
            raise ArchiveError(_too_large(path, size))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise ArchiveError(f"Không có tệp '{path}'.") from exc
    except OSError as exc:
        raise ArchiveError(f"Không đọc được tệp '{path}': {os_reason(exc)}.") from exc
    if len(data) > MAX_BYTES:  # grew while read
        raise ArchiveError(_too_large(path, len(data)))
    if not data.startswith(_MAGIC):
        raise ArchiveError(f"Tệp '{path}' không phải PDF (không bắt đầu bằng %PDF-). Hãy quét "
                           "bản đã ký ra PDF, hoặc dùng bản PDF đã ký số.")
    return data, _pages(path, data)


def _too_large(path: Path, size: int) -> str:
    megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return (f"Tệp '{path}' lớn {megabytes} MB, quá giới hạn {MAX_BYTES // 1024 // 1024} MB. "
            "Hãy quét lại với độ phân giải thấp hơn (ví dụ 200 dpi, đen trắng) hoặc nén PDF "
            "rồi chạy lại.")


def _pages(path: Path, data: bytes) -> int:
    """The page count of a PDF pypdf opens. Its notes on what it repaired while reading
    (English, for developers) are not shown to the clerk: the stored bytes are the
    original ones either way."""
    quiet = logging.NullHandler()  # a handler of its own: Python's last resort stays out
    logger = logging.getLogger("pypdf")
    logger.addHandler(quiet)
    try:
        return _count(path, data)
    finally:
        logger.removeHandler(quiet)


def _count(path: Path, data: bytes) -> int:
    from pypdf import PdfReader  # here, not at the top: only signing a set reads a PDF

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ArchiveError(f"Tệp PDF '{path}' có mật khẩu mở; bản lưu trữ phải mở được "
                               "không cần mật khẩu. Hãy lưu lại bản không đặt mật khẩu mở.")
        pages = len(reader.pages)
    except ArchiveError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        raise ArchiveError(f"Tệp PDF '{path}' bị hỏng, không mở được; hãy quét hoặc xuất "
                           "lại bản đã ký.") from exc
    if pages < 1:
        raise ArchiveError(f"Tệp PDF '{path}' không có trang nào.")
    return pages


def sign(root: Path, year: int, cluster: str, document: str, source: Path, *,
         replace: bool = False) -> Signed:
    """Store `source` as the signed paper of a document of the latest set of `cluster`.

    `document` is a kind code ('to-trinh') when the kind makes one document, or a
    document's file name, with or without '.docx' and the '<year>_<cluster>_' prefix
    ('bao-cao-thanh-tich-ubnd-quan-1') for a kind that makes one per unit."""
    data, pages = read_pdf(source)  # before the lock: a wrong file never waits for it
    find_set(root, year, cluster)  # refuse before taking the lock: no folder for a typo
    try:
        with locked(lock_path(root, year, cluster), f"năm {year}, {cluster}"):
            recover(root / str(year), cluster)
            info = find_set(root, year, cluster)
            refuse_unchangeable(info, "Không lưu được bản đã ký.",
                                "Bản đã ký phải được lưu trước khi chốt; muốn lưu thêm")
            entry = find_document(info, document)
            name = signed_name(str(entry["file"]))
            previous = entry.get("signed")
            if previous is not None and not replace:
                raise ArchiveError(
                    f"Văn bản {entry['file']} đã có bản đã ký ({previous['file']}, ghi nhận "
                    f"lúc {previous['signed_at']}). Muốn thay bằng bản mới, thêm "
                    f"{REPLACE_OPTION} (bản cũ sẽ bị thay).")
            _refuse_taken(info, name, previous)
            manifest = copy.deepcopy(info.manifest)
            record = {"file": name, "sha256": sha256(data), "size": len(data), "pages": pages,
                      "signed_at": dt.datetime.now().astimezone().replace(
                          microsecond=0).isoformat(),
                      "original": source.name,
                      "document_sha256": _document_sha256(info, entry)}
            for item in manifest["files"]:
                if item["file"] == entry["file"]:
                    item["signed"] = record
            _write(info, name, data, to_json(manifest))
    except OSError as exc:
        raise ArchiveError(f"Không lưu được bản đã ký vào bộ văn bản năm {year} của "
                           f"{cluster}: {os_reason(exc)}. Bộ văn bản vẫn giữ nguyên.") from exc
    return Signed(str(entry["file"]), name, pages,
                  None if previous is None else str(previous["file"]))


def _document_sha256(info: SetInfo, entry: dict[str, Any]) -> str:
    """The hash of the document as it is now (the bytes printed and signed, an edit not
    yet accepted included), or as the manifest records it when the file is gone."""
    path = info.folder / str(entry["file"])
    if path.is_file() and not path.is_symlink():
        return file_sha256(path)
    return str(entry["sha256"])


def find_document(info: SetInfo, wanted: str) -> dict[str, Any]:
    """The manifest entry of the document `wanted` names: a kind code with one document,
    or a document's file name (a path to it, without '.docx', without the
    '<year>_<cluster>_' prefix)."""
    documents: list[dict[str, Any]] = [e for e in info.manifest["files"]
                                       if str(e["file"]).endswith(".docx")]
    text = wanted.replace("\\", "/").rsplit("/", 1)[-1].strip()
    key = text.casefold().removesuffix(".docx")
    prefix = f"{info.year}_{info.cluster}_"
    for entry in documents:
        stem = Path(str(entry["file"])).stem.casefold()
        if key in (stem, stem.removeprefix(prefix)):
            return entry
    of_kind = [e for e in documents if str(e.get("kind", "")).casefold() == key]
    if len(of_kind) == 1:
        return of_kind[0]
    if of_kind:
        raise ArchiveError(
            f"Loại văn bản '{wanted}' có {len(of_kind)} văn bản (mỗi đơn vị một văn bản); hãy "
            "nêu tên tệp của văn bản đã ký, ví dụ "
            f"{Path(str(of_kind[0]['file'])).stem.removeprefix(prefix)}. Các văn bản:\n"
            + "\n".join(f"  - {e['file']}" for e in of_kind))
    raise ArchiveError(
        f"Bộ văn bản {info.describe()} không có văn bản '{wanted}'. Nêu loại văn bản (như "
        "--only của lệnh build, ví dụ to-trinh) hoặc tên tệp văn bản. Các văn bản:\n"
        + "\n".join(f"  - {e['file']}" for e in documents))


def _refuse_taken(info: SetInfo, name: str, previous: dict[str, Any] | None) -> None:
    """Refuse a signed copy's name that another file has: one the manifest lists (unless it
    is the copy being replaced) or one a clerk put in the folder by hand."""
    ours = previous is not None and previous["file"] == name
    listed = {e.file.casefold() for e in info.entries}
    path = info.folder / name
    if ours:
        if path.is_symlink() or path.is_dir():
            raise ArchiveError(f"'{path}' không phải tệp thường; hãy chuyển nó ra chỗ khác rồi "
                               "chạy lại.")
        return
    if name.casefold() in listed or path.exists() or path.is_symlink():
        raise ArchiveError(
            f"Trong bộ văn bản đã có tệp '{name}' không phải bản đã ký được ghi nhận của văn "
            "bản này; hãy đổi tên hoặc chuyển tệp đó ra chỗ khác rồi chạy lại.")


def _write(info: SetInfo, name: str, pdf: bytes, manifest: bytes) -> None:
    """Put the signed PDF and the new manifest into the set: both written as temporary
    files in the year folder, then renamed in; an error puts the previous bytes back."""
    scratch = info.folder.parent
    prefix = f".{info.folder.name}."
    temporary: list[Path] = []
    target, aside = info.folder / name, None
    try:
        new_pdf = _temporary(scratch, f"{prefix}{name}.", pdf, temporary)
        new_manifest = _temporary(scratch, f"{prefix}{lay.MANIFEST}.", manifest, temporary)
        if target.exists():  # the copy replaced: kept aside until the manifest is in
            aside = scratch / f".{info.folder.name}{SIGNED_ASIDE}{name}"
            os.replace(target, aside)
            temporary.append(aside)
        try:
            os.replace(new_pdf, target)
            os.replace(new_manifest, info.folder / lay.MANIFEST)
        except BaseException:
            with contextlib.suppress(OSError):
                if aside is not None:
                    os.replace(aside, target)
                elif target.exists():
                    target.unlink()
            raise
        with contextlib.suppress(OSError):  # both are in: the set is the new one, whole
            fsync_dir(info.folder)
    finally:
        for path in temporary:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def _temporary(folder: Path, prefix: str, data: bytes, made: list[Path]) -> Path:
    fd, path = new_file(folder, prefix, ".tmp")
    made.append(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return path
