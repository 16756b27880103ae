"""Turn command-line arguments into calls of docgen's library functions, in Vietnamese.

A shell only: each command parses its arguments, calls one function of `docgen.build`,
prints the result, and maps any DocgenError to exit status 1 with its message. argparse is
used (not click/typer) because every word it prints, usage and errors included, can be
given in Vietnamese.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from rich.console import Console

import docgen
from docgen import archive, cli_i18n, kinds, resources
from docgen.errors import (
    ArchiveError,
    DocgenError,
    FormatCheckFailed,
    Problem,
    RenderError,
    ValidationFailed,
)
from docgen.progress import Progress, Step, ignore

if TYPE_CHECKING:
    from docgen import build

# Each command imports the stages it runs when it runs: `docgen --help` or `docgen archive
# list` does not load the renderer, the linter or openpyxl (tests/test_imports.py).

# Printed text is never read as rich markup or emoji codes: a folder named "[bản chính]"
# or a unit named "Đội :cd:" is printed as it is.
out = Console(highlight=False, soft_wrap=True, markup=False, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser for docgen: built and used inside `cli_i18n.vietnamese_argparse()`,
    which gives its usage line, headings and errors in Vietnamese; `type=int` arguments
    report a wrong value in Vietnamese too."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        cli_i18n.register_types(self)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}.\nXem thêm: {self.prog} --help\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="docgen",
        description="Lập văn bản tổng kết thi đua của Cụm thi đua từ sổ tính Excel, "
        "đúng thể thức Nghị định 30/2020/NĐ-CP.",
    )
    parser.add_argument("--version", action="version", version=f"docgen {_version()}",
                        help="In số phiên bản của docgen rồi thoát.")
    commands = parser.add_subparsers(title="Các lệnh", dest="command", metavar="LỆNH",
                                     parser_class=_Parser)
    check = commands.add_parser(
        "check", help="Kiểm tra sổ tính và in kết quả tính được; không ghi tệp nào.",
        description="Kiểm tra sổ tính và in kết quả chấm điểm, bình xét; không ghi tệp nào.")
    _workbook_argument(check)
    check.add_argument("--fix", type=Path, metavar="TỆP_SỬA.xlsx",
                       help="ghi bản sao đã chuyển chữ mã TCVN3/VNI sang Unicode vào tệp này "
                       "(không sửa tệp gốc), rồi kiểm tra bản sao")
    check.set_defaults(run=_check)
    make = commands.add_parser(
        "build", help="Kiểm tra sổ tính rồi lập các văn bản .docx vào thư mục lưu trữ.",
        description="Kiểm tra sổ tính rồi lập các văn bản .docx vào "
        "<thư mục gốc>/<năm>/<cụm>/. Các loại văn bản: "
        + "; ".join(f"{k.code} ({k.label})" for k in kinds.KINDS) + ".")
    _workbook_argument(make)
    make.add_argument("-o", "--out", type=Path, default=archive.DEFAULT_ROOT, metavar="THƯ_MỤC",
                      help="thư mục gốc lưu văn bản (mặc định: reports)")
    make.add_argument("--only", metavar="LOẠI[,LOẠI]",
                      help="chỉ lập các loại văn bản này, ngăn cách bằng dấu phẩy: "
                      + ", ".join(k.code for k in kinds.KINDS))
    make.add_argument("--pdf", action="store_true",
                      help="xuất thêm bản PDF của từng văn bản (cần LibreOffice)")
    make.add_argument("--revision", action="store_true",
                      help="lập lần sửa mới bên cạnh bộ văn bản đã chốt")
    make.add_argument("--no-lint", dest="lint", action="store_false",
                      help="không kiểm tra thể thức (chỉ dùng cho bản nháp)")
    edits = make.add_mutually_exclusive_group()
    edits.add_argument("--giu-ban-sua", dest="edited", action="store_const", const="keep",
                       default="stop", help="văn bản đã sửa sau khi lập: giữ bản đã sửa bên "
                       "cạnh văn bản mới, tên kèm thời điểm (…-da-sua-NĂMTHÁNGNGÀY-GIỜPHÚT)")
    edits.add_argument("--thay-ban-sua", dest="edited", action="store_const", const="replace",
                       help="văn bản đã sửa sau khi lập: thay bằng văn bản mới (bản đã sửa "
                       "sẽ mất)")
    _templates_option(make)
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
    lint = commands.add_parser(
        "lint", help="Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020/NĐ-CP.",
        description="Kiểm tra thể thức văn bản .docx bất kỳ theo Nghị định 30/2020/NĐ-CP (khổ "
        "giấy, lề, phông chữ, Quốc hiệu, số, ngày tháng, tên loại, nội dung, chữ ký, nơi nhận, "
        "số trang) và chỗ đánh dấu «[Bổ sung: …]» chưa điền; in từng lỗi, cảnh báo. Mã thoát "
        "1 nếu có lỗi hoặc tệp không đọc được.")
    lint.add_argument("files", type=Path, nargs="+", metavar="TỆP.docx",
                      help="các văn bản cần kiểm tra")
    lint.add_argument("--format", choices=("text", "json"), default="text", metavar="KIỂU",
                      help="cách in kết quả: text (mặc định) hoặc json")
    lint.add_argument("--ban-nhap", dest="draft", action="store_true",
                      help="văn bản còn là bản nháp: chỗ đánh dấu «[Bổ sung: …]» chưa điền "
                      "chỉ là cảnh báo (mặc định là lỗi, trừ văn bản thuộc bộ văn bản chưa "
                      "chốt trong kho lưu)")
    lint.set_defaults(run=_lint)
    _archive_parser(commands)
    _templates_parser(commands)
    sample = commands.add_parser(
        "sample", help="Ghi ra sổ tính mẫu đi kèm docgen (Cụm IX, năm 2021) để xem và thử.",
        description="Ghi ra sổ tính mẫu đi kèm docgen (Cụm IX, năm 2021): xem cách điền từng "
        "trang, rồi thử docgen check và docgen build.")
    sample.add_argument("file", type=Path, metavar="TỆP.xlsx", help="tệp sổ tính sẽ ghi")
    sample.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    sample.set_defaults(run=_sample)
    serve = commands.add_parser(
        "serve", help="Mở trang docgen trên trình duyệt: kiểm tra sổ, lập văn bản, kho lưu.",
        description="Mở trang docgen trên trình duyệt (chỉ máy này truy cập được, trừ khi "
        "nêu --host): tạo sổ mới, kiểm tra sổ tính, lập văn bản, xem và chốt bộ văn bản, "
        "kiểm tra thể thức văn bản .docx.")
    serve.add_argument("--root", "--out", dest="root", type=Path, default=archive.DEFAULT_ROOT,
                       metavar="THƯ_MỤC", help="thư mục gốc lưu trữ (mặc định: reports)")
    serve.add_argument("--host", default="127.0.0.1", metavar="ĐỊA_CHỈ",
                       help="địa chỉ mở trang (mặc định 127.0.0.1: chỉ máy này); địa chỉ khác "
                       "thì cần mã truy cập")
    serve.add_argument("--port", type=int, default=0, metavar="CỔNG",
                       help="cổng (mặc định: một cổng còn trống)")
    serve.add_argument("--ma-truy-cap", dest="code", metavar="MÃ",
                       help="mã truy cập khi mở cho máy khác (mặc định: docgen tự tạo và in ra)")
    serve.add_argument("--khong-mo-trinh-duyet", dest="browser", action="store_false",
                       help="không tự mở trình duyệt")
    serve.set_defaults(run=_serve)
    version = commands.add_parser("version", help="In số phiên bản của docgen.",
                                  description="In số phiên bản của docgen.")
    version.set_defaults(run=lambda _: out.print(f"docgen {_version()}"))
    return parser


def _version() -> str:
    """docgen's version: the installed package's metadata, else `docgen.__version__`."""
    try:
        return metadata.version("docgen")
    except metadata.PackageNotFoundError:
        return str(getattr(docgen, "__version__", "(không rõ phiên bản)"))


def _workbook_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", type=Path, metavar="SỔ_TÍNH",
                        help="sổ tính .xlsx của Cụm thi đua")


def _check(args: argparse.Namespace) -> None:
    from docgen import build, intake, verdicts

    workbook = args.workbook
    if args.fix is not None:
        repairs = intake.repair_workbook(args.workbook, args.fix)
        _print_warnings(repairs)
        out.print(f"Đã ghi bản sửa '{args.fix}' ({len(repairs)} ô đã chuyển sang Unicode); "
                  "tệp gốc giữ nguyên.")
        workbook = args.fix
    warnings: list[Problem] = []
    try:
        checked = build.check(workbook, warnings)
    finally:
        if args.fix is None:
            _print_warnings(warnings)
    out.print(verdicts.valid_line(checked.book))
    _print_results(checked)


def _print_warnings(warnings: Sequence[object]) -> None:
    for warning in warnings:
        err.print(f"Cảnh báo: {warning}", markup=False)


def _print_results(checked: build.Checked) -> None:
    from docgen import verdicts

    book, result = checked.book, checked.outcome
    if book.settings.period == "half":  # a mid-year review: no scores, votes or election
        out.print(verdicts.half_year_line(book))
        return
    from rich.table import Table  # here: only the commands that print a table load it

    ranking = Table(title="Kết quả chấm điểm")
    for header in verdicts.RANKING_HEADERS:
        ranking.add_column(header)
    for row in verdicts.ranking_rows(result):
        ranking.add_row(*row)
    out.print(ranking)
    votes = Table(title="Kết quả bình xét")
    for header in verdicts.VOTE_HEADERS:
        votes.add_column(header)
    for vote in verdicts.vote_rows(book, result):
        votes.add_row(*vote.cells)
    out.print(votes)
    out.print(verdicts.officers_line(book, result))


def _build(args: argparse.Namespace) -> None:
    from docgen import build, verdicts

    kinds = [k.strip() for k in args.only.split(",") if k.strip()] if args.only else None
    repairs: list[Problem] = []
    try:
        with _progress() as progress:
            built = build.build(args.workbook, args.out, kinds, revision=args.revision,
                                pdf=_converter(progress) if args.pdf else None,
                                check_format=args.lint, user_templates=args.templates,
                                warnings=repairs, edited=args.edited, progress=progress)
    finally:
        _print_warnings(repairs)
    _print_warnings(built.warnings)
    _print_warnings(build.fill_in_lines(built.fill_ins))
    out.print(verdicts.built_headline(built))
    for path in built.paths:
        out.print(f"  - {path.name}", markup=False)
    for line in verdicts.built_notes(built, args.lint):
        out.print(line, markup=False)


def _converter(progress: Progress) -> Any:
    from docgen import pdf  # LibreOffice's driver: only with --pdf

    return pdf.converter(progress)


@contextlib.contextmanager
def _progress() -> Iterator[Progress]:
    """A build's progress drawn as a bar on the terminal (on stderr, cleared when done), or
    nothing when stderr is not a terminal (redirected to a file, or a pipe)."""
    if not err.is_terminal:
        yield ignore
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    bar = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), console=err, transient=True)
    task = bar.add_task("", total=None)

    def show(step: Step) -> None:
        # Drawn at once (not at the bar's next tick): a document renders in about a
        # millisecond now, so a bar redrawn ten times a second would skip most of them.
        bar.update(task, description=step.words(), completed=step.done,
                   total=step.total or None, refresh=True)

    with bar:
        yield show


def _group(commands: Any, name: str, help: str, description: str) -> tuple[Any, Any]:
    """A command with sub-commands ('docgen archive list'); bare, it prints its help."""
    parser = commands.add_parser(name, help=help, description=description)
    parser.set_defaults(run=lambda _: parser.print_help())
    jobs = parser.add_subparsers(title="Các việc", dest="job", metavar="LỆNH",
                                 parser_class=_Parser)
    return parser, jobs


def _archive_parser(commands: Any) -> None:
    _, jobs = _group(commands, "archive", "Xem, kiểm tra, chốt và đóng gói các bộ văn bản đã "
                     "lưu.", "Các việc với thư mục lưu trữ văn bản theo năm.")
    listing = jobs.add_parser("list", help="Liệt kê các bộ văn bản: năm, cụm, lần, trạng thái.",
                              description="Liệt kê các bộ văn bản đã lưu.")
    verify = jobs.add_parser("verify", help="Kiểm tra toàn vẹn: đối chiếu từng tệp với danh "
                             "mục tệp của bộ văn bản.",
                             description="Kiểm tra toàn vẹn: báo các tệp đã sửa, bị thiếu "
                             "hoặc tệp lạ.")
    verify.add_argument("year", type=int, nargs="?", metavar="NĂM", help="chỉ năm này")
    verify.add_argument("cluster", nargs="?", metavar="CỤM", help="chỉ cụm này (ví dụ cum-ix)")
    finalize = jobs.add_parser("finalize", help="Chốt bộ văn bản đã gửi; không ghi đè nữa.",
                               description="Đánh dấu bộ văn bản là đã gửi (đã ký).")
    bundle = jobs.add_parser("bundle", help="Đóng gói bộ văn bản đã chốt thành một tệp .zip "
                             "để gửi.",
                             description="Đóng gói các văn bản và bản PDF (cả bản PDF đã ký) "
                             "của bộ văn bản đã chốt thành một .zip để gửi; sổ tính chỉ kèm "
                             "khi có --kem-so-lieu.")
    bundle.add_argument("--kem-so-lieu", dest="workbook", action="store_true",
                        help="kèm bản sao sổ tính (có đủ phiếu bầu, số điện thoại, ghi chú)")
    bundle.add_argument("--ban-nhap", dest="draft", action="store_true",
                        help="đóng gói cả bộ chưa chốt (bản nháp, để góp ý)")
    accept = jobs.add_parser(
        "accept", help="Ghi nhận tệp đã sửa (bằng Word…) là văn bản của bộ.",
        description="Ghi nhận các tệp đã sửa sau khi lập là văn bản của bộ (tất cả tệp đã "
        "sửa nếu không nêu tệp nào): ghi lại bản cũ, bản mới, thời điểm và ghi chú; sau đó "
        "kiểm tra toàn vẹn sẽ khớp. Bộ đã chốt không thay đổi được.")
    sign = jobs.add_parser(
        "sign", help="Lưu bản đã ký (bản quét hoặc PDF ký số) của một văn bản vào bộ.",
        description="Lưu bản đã ký của một văn bản (bản quét ra PDF hoặc PDF đã ký số) vào "
        "bộ văn bản, bên cạnh văn bản, kèm kiểm tra toàn vẹn, số trang và ngày ghi nhận. Bộ "
        "đã chốt không thay đổi được.")
    for job in (finalize, bundle, accept, sign):
        job.add_argument("year", type=int, metavar="NĂM", help="năm thi đua")
        job.add_argument("cluster", metavar="CỤM", help="cụm, ví dụ cum-ix, IX hoặc 9")
    sign.add_argument("document", metavar="LOẠI",
                      help="loại văn bản như --only của lệnh build (ví dụ to-trinh); loại có "
                      "mỗi đơn vị một văn bản thì nêu tên tệp văn bản (ví dụ "
                      "bao-cao-thanh-tich-ubnd-quan-1)")
    sign.add_argument("file", type=Path, metavar="TỆP_PDF", help="tệp PDF đã ký")
    sign.add_argument("--thay", dest="replace", action="store_true",
                      help="thay bản đã ký đã lưu trước đó bằng tệp này")
    finalize.add_argument("--can-du-ban-ky", dest="require_signed", action="store_true",
                          help="chỉ chốt khi mọi văn bản đã có bản đã ký (archive sign)")
    finalize.add_argument("--bo-qua-bo-sung", dest="fill_ins_left", action="store_true",
                          help="vẫn chốt dù văn bản còn chỗ đánh dấu «[Bổ sung: …]» (đã bổ "
                          "sung trên bản giấy gửi đi)")
    accept.add_argument("files", nargs="*", metavar="TỆP",
                        help="tên các tệp đã sửa cần ghi nhận (mặc định: tất cả)")
    accept.add_argument("--ghi-chu", dest="note", default="", metavar="GHI_CHÚ",
                        help="ghi chú lý do sửa, ví dụ \"Sửa theo ý kiến lãnh đạo\"")
    for job, run in ((listing, _archive_list), (verify, _archive_verify),
                     (finalize, _archive_finalize), (bundle, _archive_bundle),
                     (accept, _archive_accept), (sign, _archive_sign)):
        job.add_argument("--root", "--out", dest="root", type=Path,
                         default=archive.DEFAULT_ROOT, metavar="THƯ_MỤC",
                         help="thư mục gốc lưu trữ, như --out của lệnh build (mặc định: "
                         "reports)")
        job.set_defaults(run=run)


def _templates_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--templates", type=Path, metavar="THƯ_MỤC",
                        help="thư mục mẫu .docx đã sửa (cùng tên mẫu gốc); thiếu mẫu nào "
                        "thì dùng mẫu gốc")


def _templates_parser(commands: Any) -> None:
    _, jobs = _group(commands, "templates", "Xem, kiểm tra và chép ra các mẫu văn bản (.docx).",
                     "Các việc với mẫu văn bản: liệt kê, kiểm tra trước khi dùng, chép mẫu "
                     "gốc ra để sửa.")
    listing = jobs.add_parser("list", help="Mỗi loại văn bản: tệp mẫu và các biến mẫu dùng.",
                              description="Liệt kê loại văn bản, tệp mẫu, các biến.")
    checking = jobs.add_parser(
        "check", help="Kiểm tra thẻ, vòng lặp, tên biến và thể thức của các mẫu.",
        description="Kiểm tra từng mẫu: thẻ {{ … }}, {% … %} viết sai hoặc bị Word tách đôi, "
        "vòng lặp thiếu thẻ đóng, biến không có trong dữ liệu, và thể thức văn bản điền thử "
        "bằng sổ tính.")
    for job in (listing, checking):
        job.add_argument("folder", type=Path, nargs="?", metavar="THƯ_MỤC",
                         help="thư mục mẫu đã sửa (mặc định: chỉ mẫu gốc)")
    checking.add_argument("--workbook", type=Path, default=resources.sample_workbook(),
                          metavar="SỔ_TÍNH", help="sổ tính dùng để điền thử (mặc định: sổ mẫu)")
    exporting = jobs.add_parser(
        "export", help="Chép các mẫu gốc vào một thư mục để sửa câu chữ bằng Word.",
        description="Chép các mẫu gốc vào thư mục (tạo nếu chưa có) để sửa câu chữ bằng Word "
        "hoặc LibreOffice, rồi lập văn bản với --templates THƯ_MỤC.")
    exporting.add_argument("folder", type=Path, metavar="THƯ_MỤC", help="thư mục sẽ chép mẫu vào")
    exporting.add_argument("--force", action="store_true",
                           help="ghi đè các mẫu cùng tên đã có trong thư mục")
    listing.set_defaults(run=_templates_list)
    checking.set_defaults(run=_templates_check)
    exporting.set_defaults(run=_templates_export)


def _templates_list(args: argparse.Namespace) -> None:
    from docgen import templates

    for info in templates.list_templates(_folder(args.folder)):
        origin = "mẫu riêng" if info.user else "mẫu gốc"
        out.print(f"{info.kind.code}: {info.kind.label}", markup=False)
        out.print(f"  Tệp mẫu: {info.path} ({origin})", markup=False)
        out.print(f"  Các biến: {', '.join(info.names)}", markup=False)


def _folder(folder: Path | None) -> Path | None:
    if folder is not None and not folder.is_dir():
        raise DocgenError(f"Không có thư mục mẫu '{folder}'.")
    return folder


def _templates_check(args: argparse.Namespace) -> None:
    from docgen import build, templates

    checked = build.check(args.workbook)
    problems = templates.check_templates(_folder(args.folder), checked.book, checked.outcome)
    for problem in problems:
        out.print(f"- {problem}", markup=False)
    if problems:
        raise RenderError(f"Các mẫu có {len(problems)} lỗi.")
    out.print(f"Mọi mẫu đều dùng được (điền thử bằng {args.workbook}).")


def _templates_export(args: argparse.Namespace) -> None:
    copies = resources.export_templates(args.folder, force=args.force)
    folder = _argument(args.folder)
    out.print(f"Đã chép {len(copies)} mẫu gốc vào thư mục {args.folder}:", markup=False)
    for path in copies:
        out.print(f"  - {path.name}", markup=False)
    out.print("Bước tiếp theo:\n"
              "  1. Mở mẫu bằng Word hoặc LibreOffice và sửa câu chữ; giữ nguyên từng thẻ "
              "{{ … }} và {% … %} (không xóa, không tách đôi, không đổi tên biến).\n"
              f"  2. Kiểm tra các mẫu đã sửa: docgen templates check {folder}\n"
              f"  3. Lập văn bản bằng các mẫu đã sửa: docgen build SỔ_TÍNH --templates {folder}\n"
              "Mẫu nào không có trong thư mục thì docgen dùng mẫu gốc.", markup=False)


def _sample(args: argparse.Namespace) -> None:
    path = resources.write_sample(args.file, force=args.force)
    out.print(f"Đã ghi sổ tính mẫu (Cụm IX, năm 2021) vào {path}. Xem kết quả: docgen check "
              f"{_argument(path)}; lập văn bản: docgen build {_argument(path)}", markup=False)


def _argument(path: Path) -> str:
    """A path as typed in a command: in double quotes (understood by cmd, PowerShell and
    POSIX shells alike) when it holds a space."""
    return f'"{path}"' if " " in str(path) else str(path)


STATUS = {"draft": "Bản nháp", "finalized": "Đã chốt", "damaged": "Hỏng danh mục tệp"}


def _archive_list(args: argparse.Namespace) -> None:
    sets = archive.list_sets(args.root)
    if not sets:
        out.print(f"Chưa có bộ văn bản nào trong '{args.root}'.")
        return
    from rich.table import Table

    table = Table(title=f"Các bộ văn bản trong {args.root}")
    for header in ("Năm", "Cụm", "Lần", "Trạng thái", "Văn bản", "Đã ký", "Thư mục"):
        table.add_column(header)
    for s in sets:
        status = STATUS[s.status]
        if s.status == "finalized":
            status += f" {s.finalized_at}"
        docs = "?" if s.damage else str(len(s.documents))
        signed = "?" if s.damage else f"{len(s.documents) - len(s.unsigned)}/{len(s.documents)}"
        table.add_row(str(s.year), s.cluster, str(s.revision), status, docs,
                      signed, str(s.folder))
    out.print(table)
    for s in sets:
        if s.damage:
            err.print(f"Cảnh báo: bộ văn bản {s.describe()} có danh mục tệp (manifest.json) "
                      f"hỏng: {s.damage} "
                      "Chạy 'docgen archive verify' để xem chi tiết.", markup=False)


def _archive_verify(args: argparse.Namespace) -> None:
    wanted = archive.parse_cluster(args.cluster) if args.cluster else None
    sets = [s for s in archive.list_sets(args.root)
            if (args.year is None or s.year == args.year) and wanted in (None, s.cluster)]
    if not sets:
        raise DocgenError(f"Không có bộ văn bản nào cần kiểm tra trong '{args.root}'.")
    failed = 0
    for s in sets:
        problems = archive.verify_locked(s)
        name = f"Năm {s.year}, {s.cluster}, lần {s.revision}"
        if problems:
            failed += 1
            out.print(f"{name}: kiểm tra toàn vẹn thấy {len(problems)} chỗ không khớp:")
            for problem in problems:
                out.print(f"  - {problem}", markup=False)
            if s.status == "draft" and archive.edited_files(s):
                out.print(f"  Nếu bản đã sửa là bản đúng, ghi nhận bằng: docgen archive "
                          f"accept {s.year} {s.cluster}", markup=False)
        else:
            out.print(f"{name}: toàn vẹn, mọi tệp khớp bản đã lưu.")
    if failed:
        raise ArchiveError(f"{failed} bộ văn bản không còn nguyên vẹn.")


def _archive_finalize(args: argparse.Namespace) -> None:
    from docgen.archive.sets import unfilled

    info = archive.finalize(args.root, args.year, archive.parse_cluster(args.cluster),
                            require_signed=args.require_signed,
                            fill_ins_left=args.fill_ins_left)
    for name, n in unfilled(info).items():
        err.print(f"Cảnh báo: {name} còn {n} chỗ cần bổ sung «[Bổ sung: …]» (đã chốt theo "
                  "--bo-qua-bo-sung).", markup=False)
    out.print(f"Đã chốt bộ văn bản năm {info.year}, {info.cluster}, lần {info.revision} "
              f"({info.folder}). Các lần lập sau phải dùng --revision.")


def _archive_bundle(args: argparse.Namespace) -> None:
    cluster = archive.parse_cluster(args.cluster)
    path = archive.bundle(args.root, args.year, cluster, workbook=args.workbook,
                          draft=args.draft)
    if archive.find_set(args.root, args.year, cluster).status != "finalized":
        err.print("Cảnh báo: bộ văn bản chưa chốt; gói này là bản nháp, chỉ để góp ý, không "
                  "phải bản chính thức.")
    out.print(f"Đã đóng gói: {path}", markup=False)
    if args.workbook:
        err.print("Cảnh báo: gói có kèm sổ tính (đủ phiếu bầu, số điện thoại, ghi chú); chỉ "
                  "gửi cho người được xem số liệu này.")


def _archive_sign(args: argparse.Namespace) -> None:
    done = archive.sign(args.root, args.year, archive.parse_cluster(args.cluster),
                        args.document, args.file, replace=args.replace)
    said = (f"Đã thay bản đã ký của {done.document} bằng bản mới" if done.replaced else
            f"Đã lưu bản đã ký của {done.document}")
    out.print(f"{said}: {done.file} ({done.pages} trang).", markup=False)


def _archive_accept(args: argparse.Namespace) -> None:
    done = archive.accept(args.root, args.year, archive.parse_cluster(args.cluster),
                          args.files, args.note)
    out.print(f"Đã ghi nhận {len(done)} tệp đã sửa là văn bản của bộ:")
    for item in done:
        out.print(f"  - {item.file}", markup=False)
    out.print("Kiểm tra toàn vẹn từ nay đối chiếu với bản đã sửa.")


def _serve(args: argparse.Namespace) -> None:
    from docgen import web  # Flask is loaded only for the page

    if not 0 <= args.port <= 65535:
        raise DocgenError(f"Cổng {args.port} không hợp lệ (0–65535).")
    web.serve(args.root, args.host, args.port, args.code, args.browser,
              say=lambda line: out.print(line, markup=False))


def _init(args: argparse.Namespace) -> None:
    from docgen.intake import yearly  # openpyxl, to write the workbook

    path = yearly.init_workbook(args.file, args.year, force=args.force)
    out.print(f"Đã tạo sổ tính trống {path}. Mở trang 'Hướng dẫn' để bắt đầu; điền xong, "
              f"chạy: docgen check {path}")


def _rollover(args: argparse.Namespace) -> None:
    from docgen.intake import yearly

    book = yearly.rollover(args.workbook, args.out, force=args.force)
    out.print(f"Đã lập sổ tính năm {book.cluster.year + 1} tại {args.out} từ sổ năm "
              f"{book.cluster.year}. Hãy điền số liệu của năm mới rồi chạy: "
              f"docgen check {args.out}")


def _in_draft_set(path: Path) -> bool:
    """Whether `path` is a document of an archived set not yet finalized (a build's draft)."""
    from docgen.archive.sets import read_set

    info = read_set(path.resolve().parent)
    return info is not None and info.status == "draft"


def _lint(args: argparse.Namespace) -> None:
    from docgen.check import failure_message, lint_files, report_text, reports_json

    reports = [report for path in args.files
               for report in lint_files([path], final=not (args.draft or _in_draft_set(path)))]
    if args.format == "json":
        out.print(reports_json(reports), markup=False, emoji=False)
    else:
        for report in reports:
            if report.problem is None:
                out.print(report_text(report), markup=False, emoji=False)
    problem = failure_message(reports)
    if problem is not None:
        raise FormatCheckFailed(problem)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Output cannot fail on a letter the console or a redirected file's encoding lacks, and
    argparse speaks Vietnamese while the command runs (see `docgen.cli_i18n`).
    """
    cli_i18n.safe_streams()
    with cli_i18n.vietnamese_argparse():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
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
