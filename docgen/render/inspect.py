"""Turn a .docx template into located problems before it is used: tags, loops and names.

Word breaks a paragraph into runs as it pleases; a tag typed and then edited may end up
spread over several runs, or lose a brace. Each paragraph (body, tables, headers and
footers) is read in order, its tags found in its text, and checked: split across runs,
unclosed, bad syntax, unbalanced blocks, unknown names. Every problem names the template,
the place (paragraph or table cell) and the text around it, in Vietnamese.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError, meta
from lxml import etree

from docgen.render.sandbox import BoundedEnvironment
from docgen.zipguard import parse_xml

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPEN = re.compile(r"\{\{|\{%|\{#")
# docxtpl's p/tr/tc/r prefix comes right after the brace: "{%p for …", "{%tr endfor %}".
_BLOCK = re.compile(r"^\{%-?(?:(?:p|tr|tc|r)\s+|\s*)(\w+)")
_OPENERS = {"for": "endfor", "if": "endif"}
_MIDDLES = {"elif": "if", "else": ("if", "for")}
_LOADERS = ("include", "import", "from", "extends")
_PART = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


@dataclass(frozen=True)
class Problem:
    """A located problem of a template."""

    where: str
    message: str

    def describe(self, template: str) -> str:
        """'Mẫu 'x.docx', đoạn 12 («…»): …'."""
        return f"Mẫu '{template}', {self.where}: {self.message}"


@dataclass(frozen=True)
class _Para:
    where: str
    runs: list[str]

    @property
    def text(self) -> str:
        return "".join(self.runs)


def _paragraphs(data: bytes) -> Iterator[_Para]:
    """Every paragraph of the document, headers and footers, with its place."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = sorted(n for n in package.namelist() if _PART.match(n))
        names.sort(key=lambda n: n != "word/document.xml")
        for name in names:
            root = parse_xml(package.read(name))
            yield from _walk(root, "" if name == "word/document.xml" else _part_name(name))


def _part_name(name: str) -> str:
    return "đầu trang, " if "header" in name else "chân trang, "


def _walk(root: etree._Element, prefix: str) -> Iterator[_Para]:
    count, tables = 0, 0
    body = root.find(f"{_W}body")
    for child in (body if body is not None else root):
        if child.tag == f"{_W}p":
            count += 1
            yield _Para(f"{prefix}đoạn {count}{_quote(child)}", _runs(child))
        elif child.tag == f"{_W}tbl":
            tables += 1
            yield from _table(child, f"{prefix}bảng {tables}")


def _table(table: etree._Element, name: str) -> Iterator[_Para]:
    for r, row in enumerate(table.iterfind(f"{_W}tr"), start=1):
        for c, cell in enumerate(row.iterfind(f"{_W}tc"), start=1):
            for p in cell.iter(f"{_W}p"):
                yield _Para(f"{name}, hàng {r}, ô {c}{_quote(p)}", _runs(p))


def _runs(p: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in r.iter(f"{_W}t")) for r in p.iter(f"{_W}r")]


def _quote(p: etree._Element) -> str:
    text = " ".join("".join(_runs(p)).split())
    if not text:
        return ""
    words = text.split()
    short = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return f" («{short}»)"


def _split_tags(para: _Para) -> Iterator[Problem]:
    """Tags whose characters sit in more than one run."""
    bounds, start = [], 0
    for run in para.runs:
        bounds.append((start, start + len(run)))
        start += len(run)
    for match in _TAG.finditer(para.text):
        runs = {i for i, (a, b) in enumerate(bounds) if a < match.end() and b > match.start()}
        if len(runs) > 1:
            yield Problem(para.where, f"thẻ «{match.group(0)}» bị Word tách thành {len(runs)} "
                          "đoạn định dạng; hãy xóa rồi gõ lại cả thẻ một lần, không sửa giữa "
                          "chừng.")


def _unclosed(para: _Para) -> Iterator[Problem]:
    rest = _TAG.sub("", para.text)
    stray = _OPEN.search(rest)
    if stray:
        yield Problem(para.where, f"thẻ mở «{rest[stray.start():stray.start() + 20]}» chưa "
                      "được đóng (thiếu «}}» hoặc «%}»).")
    elif "}}" in rest or "%}" in rest:
        yield Problem(para.where, "có «}}» hoặc «%}» mà không có thẻ mở tương ứng.")


def _jinja(tag: str) -> str:
    """The tag as plain Jinja: docxtpl's p/tr/tc/r prefixes dropped."""
    return re.sub(r"^(\{%-?|\{\{-?)(?:p|tr|tc|r)\s+", r"\1 ", tag)


def _syntax(env: BoundedEnvironment, para: _Para, tag: str) -> Iterator[Problem]:
    source = _jinja(tag)
    if source.startswith("{%"):
        keyword = _keyword(tag)
        if keyword in _OPENERS:
            source += "{% " + _OPENERS[keyword] + " %}"
        elif keyword in _MIDDLES or keyword in _OPENERS.values():
            return  # checked for balance, not alone
    if source.startswith("{%") and _keyword(tag) in _LOADERS:
        yield Problem(para.where, f"thẻ «{tag}» không được dùng: một mẫu không được nạp mẫu hay "
                      "tệp khác (include, import, from, extends).")
        return
    try:
        env.parse(source)
    except TemplateSyntaxError:
        yield Problem(para.where, f"thẻ «{tag}» sai cú pháp Jinja.")
    except RecursionError:
        yield Problem(para.where, f"thẻ «{_short(tag)}» lồng ngoặc quá sâu.")


def _short(tag: str) -> str:
    return tag if len(tag) <= 60 else tag[:60] + "…"


def _keyword(tag: str) -> str | None:
    match = _BLOCK.match(tag)
    return match.group(1) if match else None


def _balance(tagged: Iterable[tuple[_Para, str]]) -> Iterator[Problem]:
    """for/endfor and if/endif pairs: each opener closed, no closer without an opener."""
    stack: list[tuple[str, _Para, str]] = []
    for para, tag in tagged:
        keyword = _keyword(tag) if tag.startswith("{%") else None
        if keyword is None:
            continue
        if keyword in _OPENERS:
            stack.append((keyword, para, tag))
        elif keyword in _OPENERS.values():
            opener = keyword[3:]
            if not any(entry[0] == opener for entry in stack):
                yield Problem(para.where, f"thẻ «{tag}» không có thẻ «{{% {opener} … %}}» mở "
                              "tương ứng trước nó.")
                continue
            while stack[-1][0] != opener:  # blocks opened inside and never closed
                inner, where, text = stack.pop()
                yield _unclosed_block(inner, where, text)
            stack.pop()
    for keyword, para, tag in reversed(stack):
        yield _unclosed_block(keyword, para, tag)


def _unclosed_block(keyword: str, para: _Para, tag: str) -> Problem:
    return Problem(para.where, f"thẻ «{tag}» mở một khối nhưng thiếu thẻ đóng "
                   f"«{{% {_OPENERS[keyword]} %}}».")


def template_problems(data: bytes, names: set[str] | None = None) -> list[Problem]:
    """Located problems of a template's bytes; `names` are the variables the data provides
    (None skips that check)."""
    env = BoundedEnvironment()  # compiles constants: must refuse as a render does
    problems: list[Problem] = []
    tagged: list[tuple[_Para, str]] = []
    for para in _paragraphs(data):
        problems += [*_split_tags(para), *_unclosed(para)]
        for match in _TAG.finditer(para.text):
            tag = match.group(0)
            tagged.append((para, tag))
            problems += list(_syntax(env, para, tag))
    problems += list(_balance(tagged))
    if names is not None:
        problems += list(_unknown_names(env, tagged, names))
    return problems


def _unknown_names(env: BoundedEnvironment, tagged: list[tuple[_Para, str]],
                   names: set[str]) -> Iterator[Problem]:
    """Names a tag reads that the data does not provide (loop and set variables excepted), each
    reported once, at its first use. Tags are parsed one by one, so a broken tag elsewhere
    does not hide a misspelt name."""
    loops = {name.strip() for _, tag in tagged
             for match in [re.search(r"\bfor\s+(.+?)\s+in\s", tag)] if match
             for name in match.group(1).split(",")}
    if loops:
        loops.add("loop")  # Jinja's loop variable (loop.index, loop.last ...)
    loops |= {match.group(1) for _, tag in tagged
              for match in [re.match(r"\{%-?\s*set\s+(\w+)", tag)] if match}
    reported: set[str] = set()
    for para, tag in tagged:
        for name in sorted(_reads(env, tag) - names - loops - reported):
            reported.add(name)
            close = sorted(names, key=lambda n: _distance(n, name))[:3]
            yield Problem(para.where, f"biến «{name}» không có trong dữ liệu của văn bản này "
                          f"(có phải: {', '.join(close)}?).")


def _reads(env: BoundedEnvironment, tag: str) -> set[str]:
    source = _jinja(tag)
    keyword = _keyword(tag) if tag.startswith("{%") else None
    if keyword in _OPENERS:
        source += "{% " + _OPENERS[keyword] + " %}"
    elif keyword is not None:
        return set()
    try:
        return set(meta.find_undeclared_variables(env.parse(source)))
    except (TemplateSyntaxError, RecursionError):
        return set()  # reported as a syntax problem


def _distance(a: str, b: str) -> int:
    """Edit distance, to suggest the name a misspelt one was meant to be."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]
