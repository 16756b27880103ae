"""Turn command-line arguments into calls of docgen's library functions, in Vietnamese.

A shell only: each command parses its arguments, calls one function of `docgen.build`,
prints the result, and maps any DocgenError to exit status 1 with its message. argparse is
used (not click/typer) because every word it prints, usage and errors included, can be
given in Vietnamese.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from rich.console import Console
from rich.table import Table

from docgen import __version__, archive, build
from docgen.compose.awards import award_name, nominee
from docgen.errors import DocgenError, ValidationFailed
from docgen.intake import yearly

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# argparse's own English messages, as Vietnamese (pattern -> replacement).
_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
    (r"unrecognized arguments: (.*)", r"tham số không hợp lệ: \1"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
     r"lệnh \2 không có; các lệnh: \3"),
    (r"argument (\S+): expected one argument", r"tùy chọn \1 cần một giá trị"),
    (r"ambiguous option: (.*)", r"tùy chọn chưa rõ: \1"),
)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage line, headings and errors are in Vietnamese."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(add_help=False, formatter_class=_Formatter, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "Tham số"
        self._optionals.title = "Tùy chọn"
        self.add_argument("-h", "--help", action="help", help="In hướng dẫn này rồi thoát.")

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _ARGPARSE_MESSAGES:
            message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}.\nXem thêm: {self.prog} --help\n")


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[Any], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="docgen",
        description="Lập văn bản tổng kết thi đua của Cụm thi đua từ sổ tính Excel, "
        "đúng thể thức Nghị định 30/2020/NĐ-CP.",
    )
    commands = parser.add_subparsers(title="Các lệnh", dest="command", metavar="LỆNH",
                                     parser_class=_Parser)
    check = commands.add_parser(
        "check", help="Kiểm tra sổ tính và in kết quả tính được; không ghi tệp nào.",
        description="Kiểm tra sổ tính và in kết quả chấm điểm, bình xét; không ghi tệp nào.")
    _workbook_argument(check)
    check.set_defaults(run=_check)
    make = commands.add_parser(
        "build", help="Kiểm tra sổ tính rồi lập các văn bản .docx vào thư mục lưu trữ.",
        description="Kiểm tra sổ tính rồi lập các văn bản .docx vào "
        "<thư mục gốc>/<năm>/<cụm>/.")
    _workbook_argument(make)
    make.add_argument("-o", "--out", type=Path, default=archive.DEFAULT_ROOT, metavar="THƯ_MỤC",
                      help="thư mục gốc lưu văn bản (mặc định: reports)")
    make.add_argument("--only", metavar="LOẠI[,LOẠI]",
                      help="chỉ lập các văn bản này, ngăn cách bằng dấu phẩy")
    make.set_defaults(run=_build)
    init = commands.add_parser(
        "init", help="Tạo sổ tính trống cho một Cụm thi đua, có sẵn trang hướng dẫn.",
        description="Tạo sổ tính trống: các trang, tiêu đề cột, danh sách chọn, hướng dẫn.")
    init.add_argument("file", type=Path, metavar="TỆP.xlsx", help="tệp sổ tính sẽ tạo")
    init.add_argument("--year", type=int, metavar="NĂM", help="năm thi đua (điền sẵn)")
    init.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    init.set_defaults(run=_init)
    roll = commands.add_parser(
        "rollover", help="Lập sổ tính năm sau từ sổ tính năm nay.",
        description="Lập sổ tính năm sau: giữ thông tin Cụm, thành viên (vai trò năm sau thành "
        "vai trò năm nay), tiêu chí, cài đặt, lịch sử khen thưởng, bản nháp kế hoạch và giao "
        "ước; xóa số liệu riêng của năm.")
    _workbook_argument(roll)
    roll.add_argument("--out", type=Path, required=True, metavar="TỆP_MỚI.xlsx",
                      help="tệp sổ tính năm sau")
    roll.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    roll.set_defaults(run=_rollover)
    version = commands.add_parser("version", help="In số phiên bản của docgen.",
                                  description="In số phiên bản của docgen.")
    version.set_defaults(run=lambda _: out.print(f"docgen {__version__}"))
    return parser


def _workbook_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", type=Path, metavar="SỔ_TÍNH",
                        help="sổ tính .xlsx của Cụm thi đua")


def _check(args: argparse.Namespace) -> None:
    checked = build.check(args.workbook)
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


def _build(args: argparse.Namespace) -> None:
    kinds = [k.strip() for k in args.only.split(",") if k.strip()] if args.only else None
    built = build.build(args.workbook, args.out, kinds)
    out.print(f"Đã lập {len(built.paths)} văn bản vào thư mục {built.folder}:")
    for path in built.paths:
        out.print(f"  - {path.name}")


def _init(args: argparse.Namespace) -> None:
    path = yearly.init_workbook(args.file, args.year, force=args.force)
    out.print(f"Đã tạo sổ tính trống {path}. Mở trang 'Hướng dẫn' để bắt đầu; điền xong, "
              f"chạy: docgen check {path}")


def _rollover(args: argparse.Namespace) -> None:
    book = yearly.rollover(args.workbook, args.out, force=args.force)
    out.print(f"Đã lập sổ tính năm {book.cluster.year + 1} tại {args.out} từ sổ năm "
              f"{book.cluster.year}. Hãy điền số liệu của năm mới rồi chạy: "
              f"docgen check {args.out}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed in Vietnamese
        return int(exc.code or 0)
    run: Callable[[argparse.Namespace], None] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 0
    try:
        run(args)
    except ValidationFailed as exc:
        err.print(str(exc), markup=False)
        return 1
    except DocgenError as exc:
        err.print(f"Lỗi: {exc}", markup=False)
        return 1
    except KeyboardInterrupt:
        err.print("Đã dừng theo yêu cầu.")
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
