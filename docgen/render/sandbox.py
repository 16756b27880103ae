"""Turn Jinja's sandbox into one that also refuses what would take unbounded time or memory.

Jinja's SandboxedEnvironment keeps a template away from Python's internals but lets it ask
for `9**(9**9)`, `'x' * 10**9` or `range(10**9)`. This environment refuses, with a
Vietnamese message showing the expression, each operation whose result would be too large:
powers and products of numbers, repetition and concatenation of texts and lists, ranges,
filters and string methods that pad, indent, wrap, join, replace or format to a size, and
templates that load other templates (include, import, extends). It is the first line, with
clear messages; a user's template also runs under a hard time and memory limit
(docgen.render.bounded), which catches what no per-operation check can (loops nested deep
enough, a text doubled in a loop).
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable
from typing import Any, TypeGuard

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from docgen.vi import format_number

__all__ = ["MAX_DIGITS", "MAX_LENGTH", "MAX_RANGE", "MAX_WIDTH", "BoundedEnvironment", "Refused"]

MAX_LENGTH = 1_000_000  # characters (or items) one operation may produce
MAX_DIGITS = 3_000  # digits of a number one operation may produce
MAX_RANGE = 10_000  # items of one range()
MAX_WIDTH = 1_000  # a width, indent, precision or pad given to a filter, method or format
_MAX_BITS = int(MAX_DIGITS * 3.33)
_LOADERS = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from",
            nodes.Extends: "extends"}
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_SHOW = 40


class Refused(SecurityError):
    """An operation the sandbox refuses; the message is Vietnamese and shows the expression."""


def _show(value: object) -> str:
    """A short repr of an operand for a message."""
    if isinstance(value, str | list | tuple) and len(value) > _SHOW:
        return f"{value[:_SHOW]!r}…"
    if _is_int(value) and value.bit_length() > 4 * _SHOW:
        return "<số rất lớn>"
    text = repr(value)
    return text if len(text) <= _SHOW else text[:_SHOW] + "…"


def _too_long(expression: str, size: int) -> Refused:
    return Refused(f"biểu thức «{expression}» tạo kết quả dài {format_number(size)} ký tự/phần "
                   f"tử, vượt giới hạn {format_number(MAX_LENGTH)}.")


def _length(expression: str, size: int) -> None:
    if size > MAX_LENGTH:
        raise _too_long(expression, size)


def _width(expression: str, value: object) -> None:
    if isinstance(value, int) and not -MAX_WIDTH <= value <= MAX_WIDTH:
        raise Refused(f"biểu thức «{expression}» dùng số {value} làm độ rộng/độ chính xác, "
                      f"vượt giới hạn {MAX_WIDTH}.")


def _sized(value: object) -> int | None:
    return len(value) if isinstance(value, str | list | tuple) else None


# --------------------------------------------------------------------------- operators


def _check_binop(operator: str, left: Any, right: Any) -> None:
    expression = f"{_show(left)} {operator} {_show(right)}"
    if operator == "**" and _is_int(left) and _is_int(right) and right > 0 \
            and abs(left) > 1 and left.bit_length() * right > _MAX_BITS:
        raise Refused(f"phép lũy thừa «{expression}» cho số quá lớn (hơn "
                      f"{format_number(MAX_DIGITS)} chữ số).")
    if operator == "*":
        if _is_int(left) and _is_int(right) and \
                left.bit_length() + right.bit_length() > _MAX_BITS:
            raise Refused(f"phép nhân «{expression}» cho số quá lớn (hơn "
                          f"{format_number(MAX_DIGITS)} chữ số).")
        for sequence, times in ((left, right), (right, left)):
            size = _sized(sequence)
            if size is not None and _is_int(times):
                _length(expression, size * times)
    if operator == "+":
        sizes = (_sized(left), _sized(right))
        if sizes[0] is not None and sizes[1] is not None:
            _length(expression, sizes[0] + sizes[1])
    if operator == "%" and isinstance(left, str):
        _check_percent(left)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_percent(spec: str) -> None:
    """Widths and precisions of a printf-style format ('%10d', '%.3f', '%*d')."""
    for match in _PERCENT_SPEC.finditer(spec):
        for number in match.groups():
            if number == "*":
                raise Refused(f"định dạng «{_show(spec)}» dùng độ rộng «*» không được phép.")
            if number is not None:
                _width(f"{_show(spec)} % …", int(number))


def _check_format_spec(spec: str) -> None:
    """Widths and precisions of a str.format string ('{:>10}', '{:.3f}')."""
    for _, _, field_spec, _ in string.Formatter().parse(spec):
        if field_spec and "{" in field_spec:
            raise Refused(f"định dạng «{_show(spec)}» lồng trường «{{…}}» không được phép.")
        for number in re.findall(r"\d+", field_spec or ""):
            _width(f"{_show(spec)}.format(…)", int(number))


# --------------------------------------------------------------------------- str methods


def _check_method(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """String methods whose result can be far larger than the string."""
    owner, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
    if not isinstance(owner, str):
        return
    first = args[0] if args else next(iter(kwargs.values()), None)
    expression = f"{_show(owner)}.{name}({_show(first)})"
    if not _is_int(first):
        first = None
    if name in ("center", "ljust", "rjust", "zfill") and first is not None:
        _length(expression, first)
    elif name == "expandtabs" and first is not None:
        _length(expression, len(owner) + owner.count("\t") * first)
    elif name == "replace" and len(args) >= 2:
        _check_replace(expression, owner, args[0], args[1], args[2] if len(args) > 2 else -1)
    elif name == "join" and args:
        _check_join(expression, args[0], owner)


def _check_replace(expression: str, text: str, old: object, new: object,
                   count: object) -> None:
    if not isinstance(old, str) or not isinstance(new, str):
        return
    found = len(text) + 1 if old == "" else text.count(old)
    if _is_int(count) and count >= 0:
        found = min(found, count)
    _length(expression, len(text) + found * len(new))


def _check_join(expression: str, items: object, separator: str) -> None:
    if not isinstance(items, list | tuple | str):
        return
    texts = sum(len(item) for item in items if isinstance(item, str))
    _length(expression, texts + len(items) * len(separator))


# --------------------------------------------------------------------------- filters


def _center(value: object, width: object = 80, *_: object) -> None:
    _length(f"{_show(value)}|center({_show(width)})", width if _is_int(width) else 0)


def _indent(s: object, width: object = 4, *_: object, **__: object) -> None:
    pad = len(width) if isinstance(width, str) else width if _is_int(width) else 0
    text = str(s)
    _length(f"{_show(s)}|indent({_show(width)})", len(text) + (text.count("\n") + 1) * pad)


def _wordwrap(s: object, width: object = 79, break_long_words: object = True,
              wrapstring: object = None, *_: object, **__: object) -> None:
    expression = f"{_show(s)}|wordwrap({_show(width)})"
    if not _is_int(width):
        return
    if width < 1:
        raise Refused(f"biểu thức «{expression}» cần độ rộng từ 1 trở lên.")
    text, wrap = str(s), len(wrapstring) if isinstance(wrapstring, str) else 1
    _length(expression, len(text) + (len(text) // width + text.count("\n") + 1) * wrap)


def _format(value: object, *_: object, **__: object) -> None:
    if isinstance(value, str):
        _check_percent(value)


def _join(value: object, d: object = "", *_: object, **__: object) -> None:
    if isinstance(d, str):
        _check_join(f"{_show(value)}|join({_show(d)})", value, d)


def _replace(s: object, old: object = "", new: object = "", count: object = None) -> None:
    text = str(s)
    _check_replace(f"{_show(s)}|replace({_show(old)}, {_show(new)})", text, old, new,
                   -1 if count is None else count)


def _count(name: str) -> Callable[..., None]:
    def check(value: object, size: object = 1, *_: object, **__: object) -> None:
        expression = f"{_show(value)}|{name}({_show(size)})"
        if _is_int(size) and not 1 <= size <= MAX_LENGTH:
            raise Refused(f"biểu thức «{expression}» cần số từ 1 đến "
                          f"{format_number(MAX_LENGTH)}.")
    return check


def _round(value: object, precision: object = 0, *_: object, **__: object) -> None:
    _width(f"{_show(value)}|round({_show(precision)})", precision)


def _lipsum(n: object = 5, html: object = True, min: object = 20,
            max: object = 100) -> None:
    for value in (n, min, max):
        _width(f"lipsum({_show(n)}, {_show(min)}, {_show(max)})", value)


def _tojson(value: object, indent: object = None, *_: object) -> None:
    _width(f"…|tojson({_show(indent)})", indent)


_FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "center": _center, "indent": _indent, "wordwrap": _wordwrap, "format": _format,
    "join": _join, "replace": _replace, "batch": _count("batch"), "slice": _count("slice"),
    "round": _round, "tojson": _tojson,
}
_REMOVED_FILTERS = ("urlize",)  # HTML links: meaningless in a Word document, output unbounded


def _guarded(original: Callable[..., Any], check: Callable[..., None]) -> Callable[..., Any]:
    """`original` with `check` run first on its arguments (the Jinja context, environment
    or eval context it may be passed first is skipped)."""
    skip = 1 if hasattr(original, "jinja_pass_arg") else 0

    @functools.wraps(original)  # keeps jinja_pass_arg, so Jinja passes the same arguments
    def guarded(*args: Any, **kwargs: Any) -> Any:
        check(*args[skip:], **kwargs)
        return original(*args, **kwargs)

    return guarded


def _range(*args: Any) -> range:
    items = range(*args)
    try:
        size = len(items)
    except OverflowError:
        size = MAX_RANGE + 1
    if size > MAX_RANGE:
        shown = ", ".join(str(a) for a in args)
        raise Refused(f"biểu thức «range({shown})» tạo dãy quá dài (hơn "
                      f"{format_number(MAX_RANGE)} phần tử).")
    return items


# --------------------------------------------------------------------------- environment


class BoundedEnvironment(SandboxedEnvironment):
    """A SandboxedEnvironment that refuses too large results and templates that load
    others; otherwise the same (use it wherever a SandboxedEnvironment would go)."""

    intercepted_binops = frozenset({"**", "*", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        for name in _REMOVED_FILTERS:
            self.filters.pop(name, None)
        lipsum: Any = self.globals["lipsum"]
        self.globals["lipsum"] = _guarded(lipsum, _lipsum)
        for name, check in _FILTER_CHECKS.items():
            self.filters[name] = _guarded(self.filters[name], check)
        self.globals["range"] = _range

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        try:
            return super().call_binop(context, operator, left, right)
        except OverflowError as exc:
            raise Refused(f"phép tính «{_show(left)} {operator} {_show(right)}» cho số quá "
                          "lớn.") from exc

    def call(__self, __context: Context, __obj: Any,
             *args: Any, **kwargs: Any) -> Any:
        _check_method(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and getattr(value, "__name__", "") in ("format",
                                                                         "format_map"):
            _check_format_spec(owner)
        return super().wrap_str_format(value)

    def parse(self, source: str, name: str | None = None,
              filename: str | None = None) -> nodes.Template:
        tree = super().parse(source, name, filename)
        _refuse_loaders(tree)
        return tree

    def compile(self, source: str | nodes.Template, name: str | None = None,
                filename: str | None = None, raw: bool = False,
                defer_init: bool = False) -> Any:
        if isinstance(source, str):
            source = self.parse(source, name, filename)
        compile_: Any = super().compile
        return compile_(source, name, filename, raw, defer_init)


def _refuse_loaders(tree: nodes.Template) -> None:
    """Refuse {% include %}, {% import %}, {% from … import %} and {% extends %}."""
    for kind, keyword in _LOADERS.items():
        node = tree.find(kind)
        if node is not None:
            raise Refused(f"không được dùng thẻ «{{% {keyword} … %}}» (dòng {node.lineno}): "
                          "một mẫu không được nạp mẫu hay tệp khác (include, import, from, "
                          "extends).")
