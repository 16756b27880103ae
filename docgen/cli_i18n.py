"""What the command line needs to speak Vietnamese anywhere: argparse's own messages from a
catalog, and output streams that carry Vietnamese letters to any console or file.

argparse builds every message it prints from English msgids passed to `argparse._` and
`argparse.ngettext` (the module's gettext functions, looked up when a message is made).
`vietnamese_argparse()` points them at `ARGPARSE`/`ARGPARSE_PLURAL` while the command line
runs, so usage, help headings and every parsing error come out in Vietnamese, then puts
argparse back as it was (other programs in the same process keep their own messages).
A msgid not in the catalog comes back unchanged: that is how docgen's own Vietnamese titles
pass through `_()` and how a new English message of a future Python would show, which
`tests/test_cli_messages.py` prevents by checking the catalog against the running argparse.

`TYPES` replaces argparse's bare `int` (whose error names the Python type, "invalid int
value") by a converter whose error says "giá trị số nguyên không hợp lệ".
"""

from __future__ import annotations

import argparse
import codecs
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# argparse's msgids (Python 3.11 to 3.14) that a user can meet, as Vietnamese. "argument"
# is "tham số", as in the help heading "Tham số" and "thiếu tham số bắt buộc".
ARGPARSE: dict[str, str] = {
    # Help text.
    "usage: ": "Cách dùng: ",
    "positional arguments": "Tham số",
    "options": "Tùy chọn",
    "subcommands": "Các lệnh",
    "%(heading)s:": "%(heading)s:",
    "show this help message and exit": "In hướng dẫn này rồi thoát.",
    "show program's version number and exit": "In số phiên bản rồi thoát.",
    " (default: %(default)s)": " (mặc định: %(default)s)",
    # Errors and warnings while parsing a command line.
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: cảnh báo: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unrecognized arguments: %s": "tham số không hợp lệ: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    # The type is named by the converter's Python name (int, Path …): left out.
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "không có lựa chọn %(value)r; chọn một trong: %(choices)s",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "không có lựa chọn %(value)r, có phải là %(closest)r? Chọn một trong: %(choices)s",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn %(option)s chưa rõ, có thể là: %(matches)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "unexpected option string: %s": "tùy chọn viết sai: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r; các lệnh: %(choices)s",
    "can't open '%(filename)s': %(error)s": "không mở được tệp '%(filename)s': %(error)s",
    "option '%(option)s' is deprecated": "tùy chọn '%(option)s' sẽ bị bỏ ở phiên bản sau",
    "argument '%(argument_name)s' is deprecated":
        "tham số '%(argument_name)s' sẽ bị bỏ ở phiên bản sau",
    "command '%(parser_name)s' is deprecated": "lệnh '%(parser_name)s' sẽ bị bỏ ở phiên bản sau",
}

ARGPARSE_PLURAL: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
}

# msgids of mistakes in docgen's own parser definition: raised as TypeError or ValueError
# while the parser is built, so a test run meets them, a user never does. Not translated.
DEVELOPER_ONLY: frozenset[str] = frozenset({
    "%r is not callable",
    "'required' is an invalid argument for positionals",
    ".__call__() not defined",
    'argument "-" with mode %r',
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting subparser alias: %s",
    "conflicting subparser: %s",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
})


def gettext(message: str) -> str:
    """`message` in Vietnamese if it is one of argparse's msgids, else unchanged."""
    return ARGPARSE.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The Vietnamese of a msgid with a plural form (Vietnamese nouns have one form)."""
    return ARGPARSE_PLURAL.get((singular, plural), singular if n == 1 else plural)


@contextmanager
def vietnamese_argparse() -> Iterator[None]:
    """argparse speaks Vietnamese inside the block: build, parse and print help within it."""
    module: dict[str, Any] = vars(argparse)  # typeshed does not declare argparse's `_`
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = gettext, ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved


def integer(text: str) -> int:
    """An `int` argument, with a Vietnamese error for text that is not a whole number."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"giá trị số nguyên không hợp lệ: {text!r}") from None


# Converters that take the place of a built-in type given as `type=` (see `register_types`).
TYPES: dict[type, Callable[[str], object]] = {int: integer}


def register_types(parser: argparse.ArgumentParser) -> None:
    """Make `type=int` (and the other `TYPES`) on `parser` use the Vietnamese converters."""
    for python_type, converter in TYPES.items():
        parser.register("type", python_type, converter)


def safe_streams() -> None:
    """Make stdout and stderr unable to fail on a letter their encoding lacks.

    A stream that is not a terminal (a file or pipe: `docgen check … > log.txt` in a .bat)
    is switched to UTF-8: Windows writes redirected output in the legacy code page (cp1258,
    cp1252), which has no room for most Vietnamese letters ("ổ", "ệ"), so the log would
    either crash with UnicodeEncodeError or lose letters; UTF-8 keeps every letter and
    Notepad and other editors read it. A terminal keeps its encoding (Windows' console is
    already Unicode; a POSIX terminal's locale is what the user reads), with "?" for a
    letter it cannot show instead of a crash.
    """
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # replaced by a program embedding docgen: its business
        try:
            if stream.isatty() or codecs.lookup(stream.encoding).name == "utf-8":
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):  # closed, or not reconfigurable
            continue
