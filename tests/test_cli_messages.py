"""No English left: argparse's messages come from a Vietnamese catalog, every help text a
clerk reads is free of developer words, rule ids carry their titles, `docgen --version`."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect
import json
import re
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

import docgen
from docgen import cli_i18n
from docgen.check import RULES, Rule, as_dict, format_finding
from docgen.check.findings import finding
from docgen.cli import _Parser, _parser, main

VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]",
                        re.IGNORECASE)


def _argparse_msgids() -> tuple[set[str], set[tuple[str, str]]]:
    """The msgids the running Python's argparse passes to `_()` and `ngettext()`."""
    tree = ast.parse(inspect.getsource(argparse))
    single: set[str] = set()
    plural: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if node.func.id == "_" and texts and isinstance(texts[0], str):
            single.add(texts[0])
        elif node.func.id == "ngettext" and len(texts) >= 2:
            plural.add((texts[0], texts[1]))
    return single, plural


def test_the_catalog_covers_every_message_of_this_pythons_argparse() -> None:
    single, plural = _argparse_msgids()
    assert "usage: " in single  # the source was read
    missing = single - cli_i18n.ARGPARSE.keys() - cli_i18n.DEVELOPER_ONLY
    assert not missing, f"argparse messages without Vietnamese: {sorted(missing)}"
    missing_plural = {p for p in plural if p not in cli_i18n.ARGPARSE_PLURAL
                      and not set(p) <= cli_i18n.DEVELOPER_ONLY}
    assert not missing_plural


_NAMED = re.compile(r"%\((\w+)\)[rsd]")


def _positional(text: str) -> list[str]:
    return re.findall(r"%[rsd]", _NAMED.sub("", text))


@pytest.mark.parametrize("msgid", sorted(cli_i18n.ARGPARSE))
def test_each_translation_is_vietnamese_and_fills_in_like_its_msgid(msgid: str) -> None:
    text = cli_i18n.ARGPARSE[msgid]
    if msgid != "%(heading)s:":
        assert VIETNAMESE.search(text), text
    # argparse fills the translation with the msgid's values: same %s, no unknown names.
    assert _positional(text) == _positional(msgid)
    assert set(_NAMED.findall(text)) <= set(_NAMED.findall(msgid))
    assert text.endswith("\n") == msgid.endswith("\n")


def test_argparse_is_given_back_unchanged_after_a_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext
    # Another program's parser in the same process keeps argparse's own words.
    other = argparse.ArgumentParser(prog="khac")
    assert other.format_usage() == "usage: khac [-h]\n"
    capsys.readouterr()


def _error_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    (line,) = [line for line in err.splitlines() if line.startswith("Lỗi: ")]
    assert err.startswith("Cách dùng: docgen")
    assert err.splitlines()[-1].startswith("Xem thêm: docgen")
    return line


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["init", "--year", "abc", "so-moi.xlsx"],
         "Lỗi: tham số --year: giá trị số nguyên không hợp lệ: 'abc'."),
        (["init", "so-moi.xlsx", "--year"], "Lỗi: tham số --year: cần một giá trị."),
        (["build", "so-lieu.xlsx", "--out"], "Lỗi: tham số -o/--out: cần một giá trị."),
        (["lint"], "Lỗi: thiếu tham số bắt buộc: TỆP.docx."),
        (["check", "a.xlsx", "b.xlsx"], "Lỗi: tham số không hợp lệ: b.xlsx."),
        (["lint", "a.docx", "--format", "xml"],
         "Lỗi: tham số --format: không có lựa chọn 'xml'; chọn một trong: 'text', 'json'."),
    ],
)
def test_usage_errors_read_in_vietnamese(argv: list[str], line: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert _error_line(argv, capsys) == line


def _try(parser: argparse.ArgumentParser, argv: list[str],
         capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        parser.parse_args(argv)
    assert exit_.value.code == 2
    return capsys.readouterr().err.splitlines()[-2]


def test_every_kind_of_parsing_error_reads_in_vietnamese(
        capsys: pytest.CaptureFixture[str]) -> None:
    # Messages docgen's commands do not meet today, on a parser of docgen's own class.
    with cli_i18n.vietnamese_argparse():
        parser = _Parser(prog="docgen thu")
        both = parser.add_mutually_exclusive_group(required=True)
        both.add_argument("--giu", action="store_true")
        both.add_argument("--thay", action="store_true")
        parser.add_argument("--trang-dau", type=int)
        parser.add_argument("--trang-cuoi", type=int)
        parser.add_argument("--cap", nargs=2, metavar=("TỪ", "ĐẾN"))
        parser.add_argument("--ten", nargs="+")
        seen = {
            "thay": _try(parser, ["--giu", "--thay"], capsys),
            "neither": _try(parser, [], capsys),
            "ambiguous": _try(parser, ["--giu", "--trang", "1"], capsys),
            "pair": _try(parser, ["--giu", "--cap", "1"], capsys),
            "many": _try(parser, ["--giu", "--ten"], capsys),
            "flag value": _try(parser, ["--giu=co"], capsys),
            "number": _try(parser, ["--giu", "--trang-dau", "1,5"], capsys),
        }
    assert seen == {
        "thay": "Lỗi: tham số --thay: không dùng cùng với --giu.",
        "neither": "Lỗi: cần một trong các tham số --giu --thay.",
        "ambiguous": "Lỗi: tùy chọn --trang chưa rõ, có thể là: --trang-dau, --trang-cuoi.",
        "pair": "Lỗi: tham số --cap: cần 2 giá trị.",
        "many": "Lỗi: tham số --ten: cần ít nhất một giá trị.",
        "flag value": "Lỗi: tham số --giu: tùy chọn này không nhận giá trị 'co'.",
        "number": "Lỗi: tham số --trang-dau: giá trị số nguyên không hợp lệ: '1,5'.",
    }


def _all_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield from _all_parsers(child)


def _every_help() -> dict[str, str]:
    with cli_i18n.vietnamese_argparse():
        return {p.prog: p.format_help() for p in _all_parsers(_parser())}


# Words a clerk should not have to read: argparse's English and the names of our tools.
ENGLISH_OR_DEVELOPER = re.compile(
    r"\b(usage|options?|positional|arguments?|show this|help message|subcommands|default|"
    r"error|invalid|required|Jinja|Python|argparse|traceback|regex|stdout|stderr|None|"
    r"manifest|hash|SHA-?256|mã băm)\b",
    re.IGNORECASE)


def test_every_help_text_is_vietnamese_without_developer_words() -> None:
    helps = _every_help()
    assert {"docgen", "docgen build", "docgen templates check"} <= helps.keys()
    for prog, text in helps.items():
        assert text.startswith(f"Cách dùng: {prog}"), prog
        assert "-h, --help" in text and "In hướng dẫn này rồi thoát." in text, prog
        # Option names (--no-lint) and the lint output format names are what one types.
        words = re.sub(r"--[\w-]+|\{text,json\}|'(text|json)'|\b(text|json)\b", "", text)
        assert not ENGLISH_OR_DEVELOPER.search(words), (prog, ENGLISH_OR_DEVELOPER.search(words))


def test_help_of_a_command_as_the_clerk_sees_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "check", "--help"]) == 0
    text = capsys.readouterr().out
    assert "thẻ {{ … }}, {% … %} viết sai hoặc bị Word tách đôi" in " ".join(text.split())
    assert "\nTham số:\n" in text and "\nTùy chọn:\n" in text
    # A command group typed bare prints its help, in Vietnamese too.
    assert main(["templates"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Cách dùng: docgen templates") and "\nCác việc:\n" in text


def test_version_comes_from_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    expected = f"docgen {metadata.version('docgen')}\n"
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == expected
    assert main(["version"]) == 0
    assert capsys.readouterr().out == expected


def test_version_falls_back_to_the_module_then_says_unknown(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    monkeypatch.setattr(docgen, "__version__", "9.8.7")
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == "docgen 9.8.7\n"
    monkeypatch.delattr(docgen, "__version__")
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == "docgen (không rõ phiên bản)\n"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_a_rule_id_is_always_shown_with_its_vietnamese_title(rule: Rule) -> None:
    item = finding(rule.id, "đoạn 1", "chữ thường")
    assert VIETNAMESE.search(rule.title), rule.title
    assert f"{rule.id} — {rule.title}: đoạn 1: chữ thường; yêu cầu " in format_finding(item)
    assert as_dict(item)["title"] == rule.title


def test_lint_json_names_the_rule_title(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_lint_cli import _bad

    path = _bad(tmp_path)
    assert main(["lint", str(path), "--format", "json"]) == 1
    (report,) = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["title"]) for f in report["findings"]] == [("page.margins", "Lề trang")]
