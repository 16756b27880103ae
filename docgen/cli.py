"""Turn command-line arguments into calls of docgen's library functions, in Vietnamese.

A shell only: each command parses its arguments, calls one function of `docgen.build`,
prints the result, and maps any DocgenError to exit status 1 with its message.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console
from rich.table import Table

from docgen import __version__, archive, build
from docgen.compose.report import award_name, nominee
from docgen.errors import DocgenError, ValidationFailed

app = typer.Typer(
    help="docgen: lập văn bản tổng kết thi đua của Cụm thi đua từ sổ tính Excel.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

WorkbookArg = Annotated[
    Path, typer.Argument(help="Sổ tính .xlsx của Cụm thi đua.", show_default=False)
]


@app.command("check", help="Kiểm tra sổ tính và in kết quả tính được; không ghi tệp nào.")
def check_cmd(workbook: WorkbookArg) -> None:
    """Validate a workbook and print the computed results."""
    checked = build.check(workbook)
    book = checked.book
    out.print(f"Sổ tính hợp lệ: {book.cluster.name}, năm {book.cluster.year}, "
              f"{len(book.members)} đơn vị thành viên.")
    _print_results(checked)


def _print_results(checked: build.Checked) -> None:
    book, result = checked.book, checked.outcome
    ranking = Table(title="Kết quả chấm điểm")
    for header in ("Xếp hạng", "Đơn vị", "Tổng điểm"):
        ranking.add_column(header)
    for r in result.ranking:
        ranking.add_row(str(r.rank), r.unit, f"{r.total:g}".replace(".", ","))
    out.print(ranking)
    votes = Table(title="Kết quả bình xét")
    for header in ("Đề nghị", "Hình thức", "Phiếu", "Tỷ lệ", "Kết luận"):
        votes.add_column(header)
    verdicts = {"proposed": "Đề nghị", "below_threshold": "Chưa đạt tỷ lệ",
                "over_quota": "Vượt số lượng"}
    for v in result.votes:
        votes.add_row(nominee(v, book), award_name(book, v.vote.award),
                      f"{v.vote.votes_for}/{v.vote.voters}",
                      f"{v.percent:.1f}%".replace(".", ","), verdicts[v.reason])
    out.print(votes)
    out.print(f"Năm {book.cluster.year + 1}: Cụm trưởng {result.leader_next.name}, "
              f"Cụm phó {result.deputy_next.name}.")


@app.command("build", help="Kiểm tra sổ tính rồi lập các văn bản .docx vào thư mục lưu trữ.")
def build_cmd(
    workbook: WorkbookArg,
    out_dir: Annotated[
        Path,
        typer.Option("--out", "-o", help="Thư mục gốc lưu văn bản (mặc định: reports)."),
    ] = archive.DEFAULT_ROOT,
    only: Annotated[
        str | None,
        typer.Option("--only", help="Chỉ lập các văn bản này, ngăn cách bằng dấu phẩy."),
    ] = None,
) -> None:
    """Build the documents of a workbook."""
    kinds = [k.strip() for k in only.split(",") if k.strip()] if only else None
    built = build.build(workbook, out_dir, kinds)
    out.print(f"Đã lập {len(built.paths)} văn bản vào thư mục {built.folder}:")
    for path in built.paths:
        out.print(f"  - {path.name}")


@app.command("version", help="In số phiên bản của docgen.")
def version_cmd() -> None:
    """Print the version."""
    out.print(f"docgen {__version__}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        app(args=argv, prog_name="docgen", standalone_mode=False)
    except ValidationFailed as exc:
        err.print(str(exc), markup=False)
        return 1
    except DocgenError as exc:
        err.print(f"Lỗi: {exc}", markup=False)
        return 1
    except click.exceptions.Abort:
        err.print("Đã dừng theo yêu cầu.")
        return 1
    except click.exceptions.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
