"""Turn a kind of document into the template to use: a user's edited copy or the shipped one.

A clerk may copy a shipped template, edit its wording in Word and put it in a folder (given
with --templates or named in the workbook's settings); each kind falls back to the shipped
template when the folder has no file of that name. A user template is checked before use,
so a broken tag stops the build with its place, not a traceback.
"""

from __future__ import annotations

import hashlib
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

from docgen import zipguard
from docgen.check import format_finding, lint
from docgen.documents import KINDS, DocumentKind
from docgen.errors import RenderError
from docgen.kinds import of_period
from docgen.model import Workbook
from docgen.render import SHIPPED, Template
from docgen.rules import Outcome

__all__ = ["SHIPPED", "TemplateInfo", "check_templates", "list_templates", "load",
           "template_path", "user_folder"]


@dataclass(frozen=True)
class TemplateInfo:
    """A kind of document and the template it would use."""

    kind: DocumentKind
    path: Path
    user: bool
    names: list[str]


def user_folder(book: Workbook, workbook: Path, option: Path | None) -> Path | None:
    """The user's templates folder: the command-line option, else the workbook's setting
    (relative to the workbook's folder), else None."""
    if option is None and book.settings.templates_dir:
        option = Path(book.settings.templates_dir)
        if not option.is_absolute():
            option = workbook.parent / option
    if option is not None and not option.is_dir():
        raise RenderError(f"Không có thư mục mẫu riêng '{option}'.")
    return option


def template_path(kind: DocumentKind, folder: Path | None) -> tuple[Path, bool]:
    """The template file of a kind, and whether it is the user's. Anything of that name in
    the folder is the user's, so a folder or FIFO there is refused when loaded, not skipped."""
    if folder is not None and (folder / kind.template).exists():
        return folder / kind.template, True
    return SHIPPED / kind.template, False


# Templates already prepared by this process, by file and content hash: a
# long-running process (the web page) builds again without reading and preparing them again.
_PREPARED: dict[tuple[str, str], Template] = {}
_CHECKED: set[tuple[str, str, frozenset[str] | None]] = set()
_PREPARED_LOCK = threading.Lock()
_KEEP = 64  # templates kept at most (a shipped set is 15)


def load(kind: DocumentKind, folder: Path | None, names: set[str] | None) -> Template:
    """Load a kind's template; a user template with problems raises RenderError listing
    each with its place. `names` are the variables the kind's data provides. A template
    whose file has not changed since this process last loaded it is the same prepared
    `Template` (rendering is the same for any number of calls)."""
    path, user = template_path(kind, folder)
    template, key = _prepared(path)
    if user and (checked := (*key, frozenset(names) if names is not None else None)) \
            not in _CHECKED:
        problems = template.problems(names)
        if not problems:
            with _PREPARED_LOCK:
                _CHECKED.add(checked)
        if problems:
            raise RenderError(f"Mẫu riêng '{path}' có {len(problems)} lỗi nên chưa dùng "
                              "được:\n" + "\n".join(f"  - {p}" for p in problems))
    return template


def _prepared(path: Path) -> tuple[Template, tuple[str, str]]:
    """The template of a file, prepared once per content of the file (its SHA-256: a
    template saved again in Word within the same second is still seen as changed); a file
    that cannot be read is loaded (and refused) as usual."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > zipguard.DOCX.max_file_bytes:
            return Template.load(path), (str(path), "")  # refused there, with the reason
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return Template.load(path), (str(path), "")
    key = (str(path.resolve()), digest)
    # Made under the lock (reading a template is quick), so two threads loading one file
    # share one Template and prepare it once (the web page prepares them in the background
    # while a build may already ask for them).
    with _PREPARED_LOCK:
        template = _PREPARED.get(key)
        if template is None:
            template = Template.load(path)
            if len(_PREPARED) >= _KEEP:
                _PREPARED.clear()
                _CHECKED.clear()
            _PREPARED[key] = template
    return template, key


def list_templates(folder: Path | None) -> list[TemplateInfo]:
    """Every kind with the template it would use and the names that template reads."""
    infos = []
    for kind in KINDS.values():
        path, user = template_path(kind, folder)
        names = sorted(Template.load(path).undeclared_variables())
        infos.append(TemplateInfo(kind, path, user, names))
    return infos


def check_templates(folder: Path | None, book: Workbook, result: Outcome) -> list[str]:
    """Every problem of every template a build of the workbook's period would use, located:
    tags and names, then a trial render with the workbook's data and the Decree 30 checks of
    what it gives."""
    problems: list[str] = []
    for kind in (KINDS[k.code] for k in of_period(book.settings.period)):
        path, _ = template_path(kind, folder)
        template = Template.load(path)
        renditions = kind.renditions(book, result)
        names = set(renditions[0].context) if renditions else None
        found = template.problems(names)
        if not found and renditions:
            found = _trial(template, renditions[0].context)
        problems += found
    return problems


def _trial(template: Template, context: dict[str, object]) -> list[str]:
    """Render with real data; report a render error or the Decree 30 errors of the result."""
    try:
        data = template.render(context)
    except RenderError as exc:
        return [str(exc)]
    return [f"Mẫu '{template.name}', thể thức: {format_finding(f)}"
            for f in lint(data) if f.severity == "error"]
