"""Turn the archive into pages: one set with its documents, downloads and pictures, and
its actions (verify, accept edits, sign, finalize, bundle), each the archive command
of the same name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, Response, redirect, render_template, request
from werkzeug.wrappers.response import Response as BaseResponse

from docgen import archive
from docgen.archive import layout
from docgen.archive.sets import SetInfo, unfilled
from docgen.errors import DocgenError
from docgen.web import guard
from docgen.web.building import BuildResult, documents, label, make_previews, preview_path
from docgen.web.jobs import Job
from docgen.web.state import (
    STATUS,
    State,
    attachment,
    not_found,
)


def register(app: Flask, state: State) -> None:
    config = state.config

    @app.get("/kho/<int:year>/<cluster>/<int:revision>")
    def set_page(year: int, cluster: str, revision: int) -> str | BaseResponse:
        info = _find(config.root, year, cluster, revision)
        if info is None:
            return not_found()
        return _set_view(state, info)

    @app.get("/kho/<int:year>/<cluster>/<int:revision>/tep/<path:name>")
    def set_file(year: int, cluster: str, revision: int, name: str) -> BaseResponse:
        info = _find(config.root, year, cluster, revision)
        # only files the set's manifest lists, by their listed name, inside its folder
        path = None if info is None else _member(info, name)
        if path is None:
            return not_found()
        return attachment(path.read_bytes(), Path(name).name)

    @app.get("/kho/<int:year>/<cluster>/<int:revision>/xem-truoc/<name>")
    def set_preview(year: int, cluster: str, revision: int, name: str) -> BaseResponse:
        info = _find(config.root, year, cluster, revision)
        if info is None or name not in info.documents:
            return not_found()
        picture = preview_path(state, layout.inside(info.folder, name))
        if not picture.is_file():
            return not_found()
        return Response(picture.read_bytes(), mimetype="image/png")

    @app.post("/kho/<int:year>/<cluster>/<int:revision>/<action>")
    def set_action(year: int, cluster: str, revision: int, action: str) -> Any:
        info = _find(config.root, year, cluster, revision)
        if info is None or action not in _ACTIONS:
            return not_found()
        try:
            return _ACTIONS[action](state, info)
        except DocgenError as exc:
            return _set_view(state, _find(config.root, year, cluster, revision) or info,
                             error=f"Lỗi: {exc}"), 400


def _set_view(state: State, info: SetInfo, *, error: str | None = None,
              done: list[str] | None = None, problems: list[str] | None = None) -> str:
    latest = max(layout.revisions(state.config.root, info.year, info.cluster),
                 default=info.revision)
    edited = archive.edited_files(info) if info.status == "draft" else []
    return render_template(
        "set.html", info=info, status=STATUS[info.status], latest=latest == info.revision,
        documents=documents(state, info) if info.damage is None else [],
        verify=problems, edited=edited, unfilled=unfilled(info) if not info.damage else {},
        error=error, done=done or [], workbook=_source_name(info),
        workbook_label=_source_label(info),
        kinds=sorted({label(info, n).split(" – ")[0] for n in info.documents}))


def _verify(state: State, info: SetInfo) -> str:
    problems = archive.verify_locked(info)
    name = f"Năm {info.year}, {info.cluster}, lần {info.revision}"
    done = [] if problems else [f"{name}: toàn vẹn, mọi tệp khớp bản đã lưu."]
    return _set_view(state, info, done=done,
                     problems=[f"{name}: kiểm tra toàn vẹn thấy {len(problems)} chỗ không "
                               "khớp:", *problems] if problems else None)


def _accept(state: State, info: SetInfo) -> str:
    done = archive.accept(state.config.root, info.year, info.cluster,
                          request.form.getlist("tep"), request.form.get("ghi_chu", ""))
    lines = [f"Đã ghi nhận {len(done)} tệp đã sửa là văn bản của bộ:"]
    lines += [f"  - {item.file}" for item in done]
    lines.append("Kiểm tra toàn vẹn từ nay đối chiếu với bản đã sửa.")
    return _set_view(state, _refreshed(state, info), done=lines)


def _sign(state: State, info: SetInfo) -> str:
    document = request.form.get("van_ban", "")
    with guard.private_folder(state.uploads) as folder:
        path = guard.save_upload(request.files.get("ban_ky"), folder, "ban-da-ky.pdf",
                                 "tệp PDF đã ký")
        signed = archive.sign(state.config.root, info.year, info.cluster, document, path,
                              replace="thay" in request.form)
    said = (f"Đã thay bản đã ký của {signed.document} bằng bản mới" if signed.replaced else
            f"Đã lưu bản đã ký của {signed.document}")
    return _set_view(state, _refreshed(state, info),
                     done=[f"{said}: {signed.file} ({signed.pages} trang)."])


def _finalize(state: State, info: SetInfo) -> str:
    done = archive.finalize(state.config.root, info.year, info.cluster,
                            require_signed="can_du_ban_ky" in request.form,
                            fill_ins_left="bo_qua_bo_sung" in request.form)
    lines = [f"Cảnh báo: {name} còn {n} chỗ cần bổ sung «[Bổ sung: …]» (đã chốt theo "
             "--bo-qua-bo-sung)." for name, n in unfilled(done).items()]
    lines.append(f"Đã chốt bộ văn bản năm {done.year}, {done.cluster}, lần {done.revision} "
                 f"({done.folder}). Các lần lập sau phải dùng --revision.")
    return _set_view(state, _refreshed(state, info), done=lines)


def _bundle(state: State, info: SetInfo) -> BaseResponse:
    path = archive.bundle(state.config.root, info.year, info.cluster, info.revision,
                          workbook="kem_so_lieu" in request.form,
                          draft="ban_nhap" in request.form or info.status != "finalized")
    return attachment(path.read_bytes(), path.name, "application/zip")


def _previews(state: State, info: SetInfo) -> BaseResponse:
    job = Job(guard.new_secret(), f"Ảnh xem trước {info.describe()}")
    state.jobs.start(job, lambda j: _preview_result(state, info, j))
    return redirect(f"/viec/{job.id}", code=303)


def _preview_result(state: State, info: SetInfo, job: Job) -> BuildResult:
    note = make_previews(state, info, job)
    return BuildResult(info.year, info.cluster, info.revision,
                       f"Ảnh xem trước các văn bản của bộ {info.describe()}:", [],
                       documents(state, info), note)


_ACTIONS: dict[str, Callable[[State, SetInfo], Any]] = {
    "kiem-tra": _verify, "ghi-nhan": _accept, "ky": _sign, "chot": _finalize,
    "dong-goi": _bundle, "xem-truoc": _previews,
}


def _refreshed(state: State, info: SetInfo) -> SetInfo:
    return _find(state.config.root, info.year, info.cluster, info.revision) or info


def _find(root: Path, year: int, cluster: str, revision: int) -> SetInfo | None:
    """The archived set with exactly this year, cluster and revision (as listed), or None:
    the request's words are only compared with what the archive lists."""
    return next((s for s in safe_sets(root)
                 if (s.year, s.cluster, s.revision) == (year, cluster, revision)), None)


def chosen_set(root: Path, key: str) -> SetInfo:
    """The set a form names as "year/cluster/revision", compared with what the archive
    lists (the form's words never reach the file system)."""
    found = next((s for s in safe_sets(root)
                  if f"{s.year}/{s.cluster}/{s.revision}" == key), None)
    if found is None:
        raise DocgenError("Chưa chọn bộ văn bản để lập sổ năm sau.")
    return found


def _source_label(info: SetInfo) -> str | None:
    name = _source_name(info)
    return None if name is None else Path(name).name


def _source_name(info: SetInfo) -> str | None:
    workbook = info.manifest.get("workbook")
    return str(workbook["file"]) if isinstance(workbook, dict) and "file" in workbook else None


def source_workbook(info: SetInfo) -> Path | None:
    name = _source_name(info)
    return None if name is None else _member(info, name)


def _member(info: SetInfo, name: str) -> Path | None:
    """The file of a set by a name its manifest lists (which may be in a sub-folder, like
    'nguon/…'), only when it is a regular file inside the set's folder."""
    if name not in {e.file for e in info.entries} and name != _source_name(info):
        return None
    folder = info.folder.resolve()
    path = (folder / name).resolve()
    return path if path.is_relative_to(folder) and path.is_file() else None


def safe_sets(root: Path) -> list[SetInfo]:
    """The archive's sets, or none when the archive cannot be read (the home page says
    why: `archive_years`)."""
    return _listed(root)[0]


def _listed(root: Path) -> tuple[list[SetInfo], str | None]:
    try:
        return archive.list_sets(root), None
    except DocgenError as exc:
        return [], f"Lỗi: {exc}"
    except OSError as exc:
        return [], f"Lỗi: không đọc được thư mục lưu trữ '{root}' ({exc.strerror})."


def archive_years(root: Path) -> tuple[list[tuple[int, list[dict[str, Any]]]], str | None]:
    """The archive's sets by year (newest first), each with its state, how many revisions
    its cluster has that year and its verify result; and why the archive could not be read
    (None when it could)."""
    sets, error = _listed(root)
    revisions = Counter((s.year, s.cluster) for s in sets)
    years: dict[int, list[dict[str, Any]]] = {}
    for info in sets:
        problems = archive.verify_set(info) if info.damage is None else [info.damage]
        years.setdefault(info.year, []).append({
            "info": info, "status": STATUS[info.status],
            "documents": len(info.documents) if info.damage is None else None,
            "signed": len(info.documents) - len(info.unsigned) if info.damage is None else None,
            "revisions": revisions[(info.year, info.cluster)],
            "problems": problems,
        })
    return sorted(years.items(), reverse=True), error
