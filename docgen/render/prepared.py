"""Turn a shipped template into a renderer that prepares once and per render runs only Jinja
and writes a zip: the same documents docxtpl makes, without a python-docx Document per render.

What docxtpl does on every render, and what happens here instead:

- it opens the template with python-docx (unzips and parses every part): here once, when
  the template is prepared;
- it serializes the body and each header and footer, cleans the XML up (`patch_xml`) and
  compiles it with Jinja: here once (the compiled templates are kept);
- it renders, undoes its own line marks, turns tabs and breaks in the data into Word's
  markup (`resolve_listing`, only when some text holds one) and parses the body to fix
  table grids and drawing ids: here the body is parsed only for a template that needs it
  (a column loop ``{%tc %}``, a drawing, a grid that does not fit its cells, a page size to
  set, or text that is not valid XML), otherwise the rendered string is the part;
- python-docx serializes every part and deflates it: here every part that does not change
  was serialized and deflated once, and the zip is written in one pass (`package`).

A chart (see docgen.render) is filled on the parsed body and views of its parts; the
package's members after charts were dropped or filled are what python-docx saves for that
change, listed once per change. Footnotes are rendered like headers (once, as docgen's
docxtpl path renders them). A template this module does not render the same way (document
properties holding Jinja tags, a chart drawn twice or related from a header) is rendered by
docxtpl itself (`prepare` returns None), as is a user's template. The
test suite renders every shipped template both ways and compares every part.
"""

from __future__ import annotations

import io
import marshal
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.parser import parse_xml
from jinja2 import TemplateError
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from docgen.render import cache
from docgen.render.package import Entry, write_zip

__all__ = ["CHART_TYPE", "CORE_PROPERTIES", "FOOTNOTES_TYPE", "Prepared", "package_members",
           "prepare", "prepare_saved"]

# The document properties docxtpl renders with Jinja (`DocxTemplate.render_properties`).
CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
FOOTNOTES_TYPE = ("application/vnd.openxmlformats-officedocument.wordprocessingml."
                  "footnotes+xml")
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_TAGS = ("{{", "{%", "{#")
# docgen.render's table and paper pass: (body, page_mm, fix grids too).
Layout = Callable[..., None]
_FORMAT = "docgen-prepared-2"
_NAMESPACE = re.compile(r'\s+xmlns(?::[\w.-]+)?="[^"]*"')
_PARAGRAPH = re.compile(r"<w:p([ >])")
# Characters XML 1.0 does not allow (after the tabs and breaks resolve_listing turns into
# markup): text holding one takes the parsing path, as docxtpl's recovering parser did.
# Tested on UTF-8 bytes, at memory speed: the control characters are single bytes (never
# part of a longer sequence), turned into 0 by the table; U+FFFE and U+FFFF are these two
# sequences.
_CONTROL_TO_ZERO = bytes(0 if b < 0x20 and b not in (0x09, 0x0A, 0x0D) else 1
                         for b in range(256))
_NOT_CHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")


def _is_xml_text(data: bytes) -> bool:
    """Whether UTF-8 `data` holds only characters XML 1.0 allows."""
    return b"\x00" not in data.translate(_CONTROL_TO_ZERO) \
        and not any(mark in data for mark in _NOT_CHARACTERS)
_LISTING = ("\t", "\a", "\n", "\f")  # what docxtpl's resolve_listing turns into markup


@dataclass(frozen=True)
class Chart:
    """A chart the template's body relates to: the relationship's id, the chart part's
    name and content type, and its bytes in the template (a placeholder chart)."""

    rid: str
    name: str
    content_type: str
    blob: bytes


# What a render of a template with charts changed in its package: the chart relationships
# dropped (the body no longer draws them) and the chart parts filled, both sorted.
Variant = tuple[tuple[str, ...], tuple[str, ...]]
ChartPass = Callable[[Any, list[Chart], Mapping[str, Any]], tuple[set[str], dict[str, bytes]]]


class _Part:
    """A part rendered with Jinja: its zip name, its template's compiled code and the
    template made from it, and the text around what the template gives."""

    def __init__(self, name: str, code: Any, environment: Any, head: str = "",
                 tail: str = "") -> None:
        self.name = name
        self.code = code
        self.compiled = environment.template_class.from_code(
            environment, code, environment.make_globals(None), None)
        self.head = head
        self.tail = tail

    def saved(self) -> tuple[str, Any, str, str]:
        return self.name, self.code, self.head, self.tail


class Prepared:
    """A template's parts, prepared once: the Jinja of each part docxtpl renders, and every
    other part deflated. `render` gives the .docx bytes."""

    def __init__(self, patcher: Any, body: _Part, parts: list[_Part],
                 entries: list[Entry | str], parse: bool, drawings: bool,
                 properties: tuple[tuple[str, str], ...] = (),
                 charts: list[Chart] | None = None,
                 variants: dict[Variant, list[Entry | str]] | None = None) -> None:
        self._patcher = patcher
        self._body = body
        self._parts = parts
        self._entries = entries
        self._parse = parse
        self._drawings = drawings
        self._properties = properties
        # With charts: the package's members for each change a render made (see
        # `_variant`), those of the usual renders made when prepared, others when met.
        self._charts = charts or []
        self._variants = variants or {}
        self._lock = threading.Lock()

    def saved(self) -> bytes:
        """The prepared template as bytes (`marshal`: strings, bytes and Jinja's compiled
        code), for `loaded` in a later process of the same Python and docgen."""
        return marshal.dumps((_FORMAT, self._body.saved(), [p.saved() for p in self._parts],
                              _saved_entries(self._entries), self._parse, self._drawings,
                              self._properties,
                              [(c.rid, c.name, c.content_type, c.blob) for c in self._charts],
                              [(*key, _saved_entries(entries))
                               for key, entries in self._variants.items()]))

    @classmethod
    def loaded(cls, data: bytes, patcher: Any, environment: Any) -> Prepared:
        """The prepared template `saved` gave; ValueError when `data` is not one."""
        try:
            (form, body, parts, entries, parse, drawings, properties, charts,
             variants) = marshal.loads(data)
            if form != _FORMAT:
                raise ValueError("another format")
            return cls(patcher, _Part(body[0], body[1], environment, body[2], body[3]),
                       [_Part(p[0], p[1], environment, p[2], p[3]) for p in parts],
                       _loaded_entries(entries), bool(parse), bool(drawings),
                       tuple(tuple(pair) for pair in properties),
                       [Chart(*chart) for chart in charts],
                       {(dropped, filled): _loaded_entries(members)
                        for dropped, filled, members in variants})
        except (EOFError, TypeError, IndexError, AttributeError, ValueError) as exc:
            raise ValueError(f"not a prepared template: {exc}") from exc

    def render(self, context: Mapping[str, Any], page_mm: tuple[float, float] | None,
               layout: Layout, chart_pass: ChartPass, source: bytes) -> bytes:
        """Fill every part with `context`; `layout(body, page_mm, fix)` fits the tables and
        the paper of a parsed body, `chart_pass(root, charts, context)` fills its charts
        (see `docgen.render`); `source` is the template's bytes (to list the package's
        members after a change of its charts not met before). Jinja's errors propagate."""
        rendered: dict[str, bytes] = {}
        body = self._finish(self._body.compiled.render(context))
        document = self._body.head + body + self._body.tail
        data = b"" if self._parse or page_mm is not None \
            else (_DECLARATION + document).encode("utf-8")
        entries = self._entries
        if data and _is_xml_text(data):
            rendered[self._body.name] = data
        else:
            root = self._parsed(document, page_mm, layout)
            if self._charts:
                dropped, filled = chart_pass(root, self._charts, context)
                rendered.update(filled)
                entries = self._variant((tuple(sorted(dropped)), tuple(sorted(filled))),
                                        source)
            rendered[self._body.name] = bytes(etree.tostring(root, encoding="UTF-8",
                                                             standalone=True))
        for part in self._parts:
            data = (part.head + self._finish(part.compiled.render(context))).encode("utf-8")
            if not _is_xml_text(data):  # python-docx's strict parse refuses it: XMLSyntaxError
                parse_xml(data)
            rendered[part.name] = data
        return write_zip(entry if isinstance(entry, Entry) else Entry.of(entry, rendered[entry])
                         for entry in entries)

    def _variant(self, key: Variant, source: bytes) -> list[Entry | str]:
        """The package's members once the charts `key` names were dropped and filled."""
        with self._lock:
            if key not in self._variants:
                rendered = {f"/{part.name}" for part in (self._body, *self._parts)}
                self._variants[key] = _chart_entries(source, self._properties, rendered, *key)
            return self._variants[key]

    def _finish(self, xml: str) -> str:
        """What docxtpl does to Jinja's output: its escaped tags back to tags, and tabs and
        breaks in text to Word's markup (only when a text holds one)."""
        if "_" in xml and ("{_" in xml or "_}" in xml):
            xml = (xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
                   .replace("%_}", "%}"))
        if any(mark in xml for mark in _LISTING):  # the patcher looks closer, in w:t only
            xml = str(self._patcher.resolve_listing(xml))
        return xml

    def _parsed(self, document: str, page_mm: tuple[float, float] | None,
                layout: Layout) -> Any:
        """The document part parsed as docxtpl parses it (recovering), its drawings
        numbered, its tables fitted or their grids fixed for column loops
        (`layout(body, page_mm, True)`)."""
        # docxtpl's parser for the rendered body (one per call: lxml parsers are not to be
        # shared between threads)
        root = etree.fromstring(document, etree.XMLParser(recover=True))
        if self._drawings:
            for index, docpr in enumerate(root.iter(f"{{{_WP}}}docPr"), start=1001):
                docpr.set("id", str(index))
        layout(root.find(f"{_W}body"), page_mm, True)
        return root


def _source(compile_: Callable[[str], Any], xml: str) -> Any:
    """Compile a part's cleaned-up XML. docxtpl compiles it with a line break before each
    paragraph so that a syntax error's line names its paragraph; the render needs no line
    breaks (they would only be taken out again), so the breaks are added only to report an
    error the same way."""
    try:
        return compile_(xml)
    except TemplateError:
        marked = _PARAGRAPH.sub(r"\n<w:p\1", xml)
        try:
            compile_(marked)
        except TemplateError as exc:
            lineno = getattr(exc, "lineno", None)
            if lineno is not None:
                first = max(lineno - 4, 0)
                exc.docx_context = [re.sub(r"<[^>]+>", "", line)  # type: ignore[attr-defined]
                                    for line in marked.splitlines()[first:first + 7]]
            raise
        raise


def _fitted_in_advance(body: Any, patcher: Any,
                       layout: Layout) -> bool:
    """Fit the template's own tables to their cells now, as every render would, and say
    whether that is all a render's table passes would do (then its body need not be parsed).

    It is when docxtpl's grid fix leaves the body as it is (no column loop, grids as wide as
    their rows) and, in each table the fitting changes, every row has the same widths: a
    render only repeats or drops rows, and fitting is a function of each row's widths and
    the table's, which is unchanged when applied again. A table whose rows differ is fitted
    from its first rendered row, so its document is parsed at each render (fitting twice
    gives what fitting once gives, so what was fitted here stays right)."""
    source = etree.tostring(body, encoding="unicode")
    if etree.tostring(patcher.fix_tables(source), encoding="unicode") != source:
        return False
    alike = True
    for table in body.iter(f"{_W}tbl"):
        before = etree.tostring(table)
        layout(table, None)
        if etree.tostring(table) != before:
            rows = {tuple(cell.get(f"{_W}w") for cell in row.iter(f"{_W}tcW"))
                    for row in table.iterfind(f"{_W}tr")}
            alike = alike and len(rows) == 1
    return alike


def prepare(data: bytes, patcher: Any, environment: Any,
            layout: Layout) -> Prepared | None:
    """Prepare a template's bytes, or None when it holds what only docxtpl's own render
    does the same way: document properties with Jinja tags, a chart drawn twice or related
    from elsewhere than the body.
    `patcher` is a DocxTemplate (its clean-up and table passes), `environment` the Jinja
    environment. Raises Jinja's TemplateError for a tag that does not compile."""
    compile_ = environment.compile
    docx = Document(io.BytesIO(data))
    package = docx.part.package
    found = [Chart(rid, rel.target_part.partname.membername, rel.target_part.content_type,
                   rel.target_part.blob)
             for rid, rel in docx.part.rels.items()
             if rel.reltype == RT.CHART and not rel.is_external]
    if len({chart.name for chart in found}) != len(found) or len(found) != sum(
            part.content_type == CHART_TYPE for part in package.iter_parts()):
        return None  # a chart drawn twice, or related from elsewhere than the body
    values = {name: getattr(docx.core_properties, name) for name in CORE_PROPERTIES}
    if any(tag in value for value in values.values() for tag in _TAGS):
        return None
    properties = tuple((name, environment.from_string(value).render())
                       for name, value in values.items())
    _set_properties(docx, properties)
    element = docx.element
    body_xml = etree.tostring(element.body, encoding="unicode")
    # A column loop changes a row's cells, so its tables are fitted after each render only.
    parse = "{%tc" in body_xml or "{%-tc" in body_xml \
        or not _fitted_in_advance(element.body, patcher, layout)
    if not parse:
        body_xml = etree.tostring(element.body, encoding="unicode")
    whole = etree.tostring(element, encoding="unicode")
    head_end = whole.index("<w:body")
    tail_start = whole.rindex("</w:body>") + len("</w:body>") \
        if "</w:body>" in whole else whole.index(">", head_end) + 1
    # The body serialized alone declares the namespaces the document element declares;
    # inside that element those declarations are dropped, as lxml drops them on save.
    declared = set(_NAMESPACE.findall(whole[:head_end]))
    cleaned = patcher.patch_xml(body_xml)
    start = cleaned.index(">") + 1
    cleaned = _NAMESPACE.sub(lambda m: "" if m.group(0) in declared else m.group(0),
                             cleaned[:start]) + cleaned[start:]
    body = _Part(docx.part.partname.membername, _source(compile_, cleaned), environment,
                 whole[:head_end], whole[tail_start:])
    drawings = "docPr" in cleaned
    parse = parse or drawings
    parts: list[_Part] = []
    rendered = {str(docx.part.partname)}
    for rel in docx.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external \
                and rel.target_part.blob:
            part = rel.target_part
            xml = etree.tostring(parse_xml(part.blob), encoding="unicode")
            parts.append(_Part(part.partname.membername,
                               _source(compile_, patcher.patch_xml(xml)), environment,
                               _DECLARATION))
            rendered.add(str(part.partname))
    for part in package.iter_parts():  # each once (docxtpl's own pass ran once a section)
        if part.content_type == FOOTNOTES_TYPE:
            parts.append(_Part(part.partname.membername,
                               _source(compile_, patcher.patch_xml(part.blob.decode("utf-8"))),
                               environment))
            rendered.add(str(part.partname))
    entries = _entries(docx, rendered)
    variants: dict[Variant, list[Entry | str]] = {}
    if found:  # the usual renders: every chart filled, or every chart dropped
        variants[(), ()] = entries
        everything = tuple(sorted(chart.name for chart in found))
        variants[(), everything] = _chart_entries(data, properties, rendered, (), everything)
        variants[tuple(sorted(c.rid for c in found)), ()] = _chart_entries(
            data, properties, rendered, tuple(sorted(c.rid for c in found)), ())
    return Prepared(patcher, body, parts, entries, parse or bool(found), drawings,
                    properties, found, variants)


def _set_properties(docx: Any, properties: tuple[tuple[str, str], ...]) -> None:
    """Set the document properties docxtpl renders, as it sets them (all, even empty)."""
    for name, value in properties:
        setattr(docx.core_properties, name, value)


_BY_DOCXTPL = marshal.dumps((_FORMAT, None))


def prepare_saved(data: bytes, patcher: Any, environment: Any,
                  layout: Layout
                  ) -> Prepared | None:
    """`prepare`, loaded from docgen.render.cache when this template was prepared by an
    earlier process, and saved there when it was not."""
    name = cache.key(data)
    saved = cache.read(name)
    if saved == _BY_DOCXTPL:
        return None
    if saved is not None:
        try:
            return Prepared.loaded(saved, patcher, environment)
        except ValueError:
            pass  # another docgen's or a damaged file: prepared again and replaced
    made = prepare(data, patcher, environment, layout)
    cache.write(name, _BY_DOCXTPL if made is None else made.saved())
    return made


def _saved_entries(entries: list[Entry | str]) -> list[Any]:
    return [entry if isinstance(entry, str)
            else (entry.name, entry.crc, entry.size, entry.deflated) for entry in entries]


def _loaded_entries(saved: list[Any]) -> list[Entry | str]:
    return [entry if isinstance(entry, str) else Entry(*entry) for entry in saved]


def _chart_entries(source: bytes, properties: tuple[tuple[str, str], ...], rendered: set[str],
                   dropped: tuple[str, ...], filled: tuple[str, ...]) -> list[Entry | str]:
    """The members python-docx saves for the template `source` once the chart
    relationships `dropped` are gone from its body and the chart parts `filled` were made
    anew (their own relationships gone, as the chart pass leaves them): the parts nothing
    relates to any more (a dropped chart, the workbook a filled one embedded) are not
    saved, and the content types list only what is. Filled charts are rendered members."""
    docx = Document(io.BytesIO(source))
    _set_properties(docx, properties)
    for rid in dropped:
        docx.part.rels.pop(rid)
    names = {f"/{name}" for name in filled}
    for part in docx.part.package.iter_parts():
        if str(part.partname) in names:
            for rid in list(part.rels):
                del part.rels[rid]
    return _entries(docx, rendered | names)


class _Recorder:
    """A PackageWriter target that keeps each member's name and bytes, in order."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.members.append((pack_uri.membername, blob))


def package_members(docx: Any) -> list[tuple[str, bytes]]:
    """A python-docx Document's members (name, bytes) in the order and form `save` writes
    them.

    Why: python-docx's PackageWriter takes any writer with `write(pack_uri, blob)`; its
    steps are what `save` runs, without the zip file and its timestamps."""
    package = docx.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    recorder = _Recorder()
    steps: Any = PackageWriter  # its steps are untyped and take any writer
    steps._write_content_types_stream(recorder, parts)
    steps._write_pkg_rels(recorder, package.rels)
    steps._write_parts(recorder, parts)
    return recorder.members


def _entries(docx: Any, rendered: set[str]) -> list[Entry | str]:
    """The package's members in the order python-docx saves them: the deflated member, or
    the name of a part rendered anew each time."""
    return [name if f"/{name}" in rendered else Entry.of(name, blob)
            for name, blob in package_members(docx)]
