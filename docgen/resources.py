"""Turn docgen's shipped data (the templates, the sample workbook) into paths and copies.

The repository keeps them at its top level (`templates/`, `samples/`); a wheel carries them
inside the package as `docgen/_data/` (pyproject.toml maps the folders). Both layouts are
looked up here, the package's data first, so an installed docgen and a checkout (or an
editable install, which imports the package from the checkout) find the same files.
hatchling also copies the data into site-packages for an editable install; that copy goes
unused, since the package imported, and so the `_data` looked for, is the checkout's.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from docgen.errors import DocgenError, os_reason
from docgen.files import new_workbook_problem, taken, write_atomic

__all__ = ["SAMPLE_NAME", "ShippedDataError", "export_templates", "sample_workbook",
           "templates_dir", "write_sample"]

SAMPLE_NAME = "cum-ix-2021.xlsx"
_CHECKOUT = Path(__file__).resolve().parent.parent


def _shipped(*parts: str) -> Path:
    """The path of shipped data: inside the installed package when there, else in the
    checkout. A wheel is always unpacked on disk, so the package's files are real paths."""
    packaged = Path(str(resources.files("docgen").joinpath("_data", *parts)))
    if packaged.exists():
        return packaged.resolve()
    return _CHECKOUT.joinpath(*parts).resolve()


def templates_dir() -> Path:
    """The folder of the shipped templates (resolved; the only folder whose templates are
    trusted)."""
    return _shipped("templates")


def sample_workbook() -> Path:
    """The shipped sample workbook (Cụm IX, 2021)."""
    return _shipped("samples", SAMPLE_NAME)


class ShippedDataError(DocgenError):
    """Shipped data is missing, or cannot be copied where asked (a file of that name is
    there, no such folder, a disk error)."""


def write_sample(path: Path, *, force: bool = False) -> Path:
    """Write the shipped sample workbook to `path`, refusing to overwrite unless `force`."""
    problem = new_workbook_problem(path, force)
    if problem is not None:
        raise ShippedDataError(problem)
    _copy_out([_present(sample_workbook())], [path])
    return path


def export_templates(folder: Path, *, force: bool = False) -> list[Path]:
    """Copy every shipped template into `folder` (made when missing) for a clerk to edit;
    return the copies. When a file of the same name is there, copy nothing unless `force`."""
    if taken(folder) and not folder.is_dir():
        raise ShippedDataError(f"'{folder}' đã có và không phải là thư mục.")
    sources = sorted(templates_dir().glob("*.docx"))
    if not sources:
        raise ShippedDataError(f"Không tìm thấy mẫu gốc nào trong '{templates_dir()}'; hãy "
                               "cài lại docgen.")
    targets = [folder / source.name for source in sources]
    present = [target.name for target in targets if taken(target)]
    if present and not force:
        raise ShippedDataError(f"Thư mục '{folder}' đã có {len(present)} mẫu cùng tên "
                               f"({', '.join(present)}); thêm --force nếu muốn ghi đè.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ShippedDataError(f"Không tạo được thư mục '{folder}': {os_reason(exc)}.") from exc
    return _copy_out(sources, targets)


def _present(path: Path) -> Path:
    """`path`, when the installation has it; a damaged installation is said so."""
    if not path.is_file():
        raise ShippedDataError(f"Không tìm thấy tệp '{path}' đi kèm docgen; hãy cài lại "
                               "docgen.")
    return path


def _copy_out(sources: Sequence[Path], targets: Sequence[Path]) -> list[Path]:
    """Copy each shipped file to its target, each whole or not at all (an existing target
    is replaced); a disk error is reported with its reason."""
    for source, target in zip(sources, targets, strict=True):
        data = source.read_bytes()
        try:
            write_atomic(target, data)
        except OSError as exc:
            raise ShippedDataError(f"Không ghi được '{target}': {os_reason(exc)}.") from exc
    return list(targets)
