"""Turn a template and a context into an in-memory .docx document.

This package is the only place that imports docxtpl and Jinja (`inspect` checks a template
before use). Templates are rendered in a sandboxed, autoescaping Jinja environment with
strict undefined values: a missing value is an error naming the template and the variable,
never a silent blank in an official document, and data such as ``&``, ``<`` or
``{{ 7*7 }}`` prints literally. The sandbox (`sandbox`) refuses too large results and
templates that load others.

The shipped templates are trusted and render in this process. Any other template is a
user's file and hostile until proven otherwise: it passes docgen.zipguard when loaded, and
is checked and rendered in a child process bounded in time and memory (`bounded`), its
output checked as strict XML and for size.

A template's chart parts (word/charts/chartN.xml, DrawingML charts drawn by Word and
LibreOffice from their cached values) are static, valid charts a clerk can open and save in
Word. A chart the body draws with "docgen:chart=<name>" in its description (wp:docPr descr
or title) or as its series' name (see docgen.documents.shared.chartpart) is made anew after
docxtpl fills the body: its XML is generated in Python from the context's `<name>` value
(every text escaped, no template expression evaluated), checked as strict XML, and its own
relationships (a workbook Word embedded, styles) are dropped. A chart whose paragraph the
body dropped is dropped with its part. Problems (a missing or malformed value, an
unreadable marker, Jinja tags left in a chart docgen does not fill) name the template and
the chart.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from docx import Document
from docxtpl import DocxTemplate  # type: ignore[import-untyped,unused-ignore]
from jinja2 import (
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from docgen import resources, zipguard
from docgen.documents.shared import chart as charts
from docgen.errors import RenderError
from docgen.render import bounded, prepared
from docgen.render.inspect import template_problems
from docgen.render.package import Entry, write_zip
from docgen.render.sandbox import BoundedEnvironment, Refused

__all__ = ["CHART_TYPE", "SHIPPED", "Template"]

# The shipped templates' folder, resolved, in a wheel (site-packages) as in a checkout.
SHIPPED = resources.templates_dir()
# What evaluating a hostile template's expressions can raise besides Jinja's own errors
# ({{ 1/0 }}, {{ 'a' - 1 }}, {{ [].pop() }}, a macro calling itself ...).
# MemoryError too: where no child process bounds a user template (no fork on Windows), the
# sandbox's limits are the guard and running out of memory is still a message.
_EVALUATION_ERRORS = (ArithmeticError, LookupError, TypeError, ValueError, AttributeError,
                      RecursionError, MemoryError)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHART_TYPE = prepared.CHART_TYPE
_CHART_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
_DRAWING_NS = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
T = TypeVar("T")


class _MissingValue(UndefinedError):
    """An undefined value was used; keeps the object it was looked up on and the key."""

    def __init__(self, message: str, owner: object, key: object) -> None:
        super().__init__(message)
        self.owner = owner
        self.key = key


class _Missing(StrictUndefined):
    """StrictUndefined that says on which object the missing key was looked up."""

    __slots__ = ()

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> NoReturn:
        if self._undefined_hint is not None or self._undefined_exception is not UndefinedError:
            # Not a plain missing value, e.g. the sandbox refusing `x.__class__`.
            super()._fail_with_undefined_error(*args, **kwargs)
        raise _MissingValue(self._undefined_message, self._undefined_obj, self._undefined_name)


# Jinja binds __str__, __iter__, __bool__ ... to the base class's failing function when the
# class is created, so overriding the method alone is not enough: rebind them all.
for _base in (Undefined, StrictUndefined):
    for _attr, _value in vars(_base).items():
        if _value is Undefined._fail_with_undefined_error and _attr.startswith("__"):
            setattr(_Missing, _attr, _Missing._fail_with_undefined_error)


class _Environment(BoundedEnvironment):
    """The sandboxed, strict, autoescaping environment, compiling each source once.

    Why: docxtpl calls `from_string` on every render; a template's XML is the same string
    each time, so its compiled form can be kept for the life of the Template.
    """

    def __init__(self) -> None:
        super().__init__(undefined=_Missing, autoescape=True)
        self._compiled: dict[str, Any] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None
                    ) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        if source not in self._compiled:
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]


def _environment() -> BoundedEnvironment:
    return _Environment()


# A w:t whose text holds a character docxtpl turns into markup (tab, \n, \a, \f).
_LISTING_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")


class _PreparedDocx(DocxTemplate):  # type: ignore[misc]
    """DocxTemplate whose XML clean-up (`patch_xml`) is computed once per source part.

    Why: docxtpl re-runs its regex clean-up of the whole document on every render, though
    the template's XML never changes between renders.
    """

    def __init__(self, data: bytes, patched: dict[str, str], *, strict: bool = False) -> None:
        super().__init__(io.BytesIO(data))
        self._patched = patched
        self._strict = strict

    def patch_xml(self, src_xml: str) -> str:
        if src_xml not in self._patched:
            self._patched[src_xml] = super().patch_xml(src_xml)
        return self._patched[src_xml]

    def resolve_listing(self, xml: str) -> str:
        # Why: docxtpl rewrites every paragraph, run and text with nested regular
        # expressions to turn tab, line-break, paragraph and page-break characters in the
        # data into Word's markup; a text holding none of them comes out unchanged, so the
        # rewrite is run only when some w:t holds one.
        if _LISTING_TEXT.search(xml) is None:
            return xml
        return str(super().resolve_listing(xml))

    def render_footnotes(self, context: Any, jinja_env: Any = None) -> None:
        # Why: docxtpl renders the footnotes part once per section of the document, so with
        # two sections what the data put in a footnote is rendered again as a template
        # ("{{ 7*7 }}" in a workbook cell would print 49); each part is rendered once here.
        for part in self.docx.part.package.iter_parts():
            if part.content_type == prepared.FOOTNOTES_TYPE:
                blob = part.blob
                xml = self.patch_xml(blob.decode("utf-8") if isinstance(blob, bytes) else blob)
                part._blob = self.render_xml_part(xml, part, context,
                                                  jinja_env).encode("utf-8")

    def fix_tables(self, xml: str) -> Any:
        # Why: docxtpl parses the rendered body in recover mode, so markup a user template
        # injects (`|safe`) that breaks the XML would give a silently mangled document or an
        # IndexError later; a strict parse first makes it an XMLSyntaxError here.
        if self._strict:
            zipguard.parse_xml(xml.encode("utf-8"))
        return super().fix_tables(xml)


def _children(value: object) -> Iterator[tuple[str, object]]:
    """Yield (path suffix, child) for the containers a context is made of."""
    if isinstance(value, Mapping):
        for key, child in value.items():
            yield f".{key}", child
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield f"[{index}]", child
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        for key, child in vars(value).items():
            if not key.startswith("_"):
                yield f".{key}", child


def _path_of(target: object, context: Mapping[str, Any]) -> str | None:
    """Return the dotted path ("doc.signature", "results_rows[2]") of an object, or None."""
    queue: list[tuple[str, object]] = [(str(key), value) for key, value in context.items()]
    seen: set[int] = set()
    while queue:
        path, value = queue.pop(0)
        if value is target:
            return path
        if id(value) in seen or isinstance(value, str | bytes):
            continue
        seen.add(id(value))
        queue += [(path + suffix, child) for suffix, child in _children(value)]
    return None


def _missing_name(exc: _MissingValue, context: Mapping[str, Any]) -> str:
    """Name the missing variable by its full path in the context when it can be found."""
    if exc.key is None:
        return str(exc.message)
    owner = _path_of(exc.owner, context)
    if owner is None:
        return str(exc.key)
    return f"{owner}[{exc.key}]" if isinstance(exc.key, int) else f"{owner}.{exc.key}"


def _chart_parts(package: Any) -> list[Any]:
    """The chart parts (DrawingML c:chartSpace) of a document package, by part name."""
    parts = [part for part in package.iter_parts() if part.content_type == CHART_TYPE]
    return sorted(parts, key=lambda part: str(part.partname))


class _ChartPlace:
    """A chart the body draws: its part's name, the part (None when the drawing's r:id
    leads to no chart part), the variable its description names (None: not docgen's to
    fill) and the drawings (wp:docPr) showing it."""

    def __init__(self, chart: str, part: Any, name: str | None) -> None:
        self.chart = chart
        self.part = part
        self.name = name
        self.drawings: list[Any] = []


def _marks(texts: list[str | None], chart: str, problems: list[tuple[str, str]]) -> set[str]:
    """The variables the markers among `texts` name; an unreadable one is a problem."""
    names: set[str] = set()
    for text in texts:
        try:
            name = charts.marked_name(text)
        except ValueError as exc:
            problems.append((chart, _sentence(exc)))
            continue
        if name is not None:
            names.add(name)
    return names


def _series_names(part: Any, chart: str, problems: list[tuple[str, str]]) -> list[str | None]:
    """The cached series names of a chart part (where the template's chart keeps a second
    copy of its marker: LibreOffice drops a chart's description when it saves)."""
    try:
        root = zipguard.parse_xml(part.blob)
    except etree.XMLSyntaxError as exc:
        problems.append((chart, f"phần biểu đồ không phải XML hợp lệ: {_sentence(exc)}"))
        return []
    return [value.text for value in root.iterfind(".//c:ser/c:tx//c:v", _DRAWING_NS)]


def _chart_places(document_part: Any) -> tuple[list[_ChartPlace], list[tuple[str, str]]]:
    """The charts the body of a document draws, in the body's order, and (chart, problem)
    for each one whose marker cannot be read (an unreadable marker, two variables for one
    chart). A chart's variable is read from its drawings' description (wp:docPr descr and
    title) and from its part's series name: any one of them is enough."""
    places: dict[str, _ChartPlace] = {}
    problems: list[tuple[str, str]] = []
    for docpr in document_part.element.iter(f"{{{_DRAWING_NS['wp']}}}docPr"):
        rids = [element.get(f"{{{_DRAWING_NS['r']}}}id")
                for element in docpr.getparent().iter(f"{{{_DRAWING_NS['c']}}}chart")]
        if not rids or rids[0] is None:
            continue
        rel = document_part.rels.get(rids[0])
        part = rel.target_part if rel is not None and not rel.is_external else None
        if part is not None and part.content_type != CHART_TYPE:
            part = None
        chart = str(part.partname).lstrip("/") if part is not None else f"r:id {rids[0]}"
        names = _marks([docpr.get("descr"), docpr.get("title")], chart, problems)
        if chart not in places and part is not None:
            names |= _marks(_series_names(part, chart, problems), chart, problems)
        place = places.setdefault(chart, _ChartPlace(chart, part, None))
        if place.name is not None:
            names.add(place.name)
        if len(names) > 1:
            problems.append((chart, "mô tả của biểu đồ ghi nhiều biến khác nhau ("
                             + ", ".join(f"«{n}»" for n in sorted(names)) + ")."))
            continue
        place.name = next(iter(names), None)
        place.drawings.append(docpr)
        if part is None and place.name is not None:
            problems.append((chart, f"hình có dấu «{charts.marker(place.name)}» nhưng không "
                             "trỏ tới một phần biểu đồ của tệp."))
    return list(places.values()), problems


def _holds_tags(part: Any) -> bool:
    """Whether a chart part's XML holds Jinja tags (an older docgen template's chart)."""
    text = part.blob.decode("utf-8", errors="replace")
    return "{{" in text or "{%" in text


# A chart holding Jinja tags that docgen is not asked to fill (see _holds_tags).
_UNFILLED_TAGS = ("biểu đồ chứa thẻ Jinja ({{ … }}, {% … %}) nhưng docgen không điền thẻ "
                  "trong biểu đồ; hãy ghi «docgen:chart=<tên biến>» vào mô tả (Alt Text) "
                  "của biểu đồ hoặc dựng lại mẫu.")


def _drop_unused_charts(docx: Any) -> None:
    """Drop the body's chart relationships nothing refers to any more, so that their parts
    are not saved.

    Why: a chart's paragraph inside `{%p if chart %}` is gone when there is no chart, but
    the part it drew stays related to the document; Word and LibreOffice would carry it
    unseen in every saved copy.
    """
    part = docx.part
    referenced = set(part.element.xpath("//@r:id"))
    for rid, relationship in list(part.rels.items()):
        if relationship.reltype == _CHART_RELATIONSHIP and rid not in referenced:
            part.drop_rel(rid)


class _PartView:
    """A chart part of a document the prepared renderer makes, as the chart pass reads and
    fills a python-docx Part: its name, content type, bytes and relationships."""

    def __init__(self, name: str, content_type: str, blob: bytes) -> None:
        self.partname = f"/{name}"
        self.content_type = content_type
        self._blob = blob
        self.rels: dict[str, object] = {}

    @property
    def blob(self) -> bytes:
        return self._blob


class _RelationshipView:
    """A chart relationship of the document part (never external)."""

    def __init__(self, part: _PartView) -> None:
        self.reltype = _CHART_RELATIONSHIP
        self.target_part = part
        self.is_external = False


class _DocumentView:
    """The rendered document part as the chart pass reads a python-docx DocumentPart: its
    parsed XML and its chart relationships."""

    def __init__(self, element: Any, charts: list[prepared.Chart]) -> None:
        self.element = element
        self.rels = {chart.rid: _RelationshipView(_PartView(chart.name, chart.content_type,
                                                            chart.blob))
                     for chart in charts}


def _sentence(text: object) -> str:
    """Return `text` ending with exactly one full stop."""
    return str(text).rstrip(". ") + "."


def _syntax_place(exc: TemplateSyntaxError) -> str:
    """Return ' ("text of the paragraph")' for the paragraph holding a bad tag, if known."""
    # docxtpl attaches the text of the lines around the error (tags stripped), the
    # offending line being the fourth one when there are enough lines before it.
    lines = [line.strip() for line in getattr(exc, "docx_context", None) or []]
    if not lines:
        return ""
    index = min(3, (exc.lineno or 1) - 1, len(lines) - 1)
    text = lines[index]
    return f' ("{text}")' if text else ""


_TC, _TC_PR, _TC_W, _GRID_SPAN = f"{_W}tc", f"{_W}tcPr", f"{_W}tcW", f"{_W}gridSpan"
_GRID, _GRID_COL, _ROW, _TABLE = f"{_W}tblGrid", f"{_W}gridCol", f"{_W}tr", f"{_W}tbl"
_WIDTH, _TYPE = f"{_W}w", f"{_W}type"


def _cell_widths(row: Any) -> tuple[list[int], list[Any]] | None:
    """Return the w:tcW widths (twips) of a row's cells and the w:tcW elements, or None if
    one is not plain (spans columns, or has no width in twips)."""
    widths, elements = [], []
    for cell in row.iterfind(_TC):
        properties = cell.find(_TC_PR)
        width = None if properties is None else properties.find(_TC_W)
        if width is None or properties.find(_GRID_SPAN) is not None \
                or width.get(_TYPE) != "dxa":
            return None
        widths.append(int(width.get(_WIDTH)))
        elements.append(width)
    return widths, elements


def _fit_grid(table: Any) -> bool:
    """Rebuild a table's column grid from its cells' widths, scaled to the table width;
    False when the table is not one to fit (left as it is).

    Why: a `{%tc for %}` column loop changes the number of cells per row and docxtpl then
    pads the grid (w:tblGrid) with average-width columns, so the repeated cells lose their
    width. Scaling each row's w:tcW to w:tblW and copying the first row into the grid gives
    every column its intended share. Tables whose grid already matches are unchanged.
    """
    table_width = table.find(f"{_W}tblPr/{_W}tblW")
    grid = table.find(_GRID)
    if table_width is None or table_width.get(_TYPE) != "dxa" or grid is None:
        return False
    total = int(table_width.get(_WIDTH))
    rows: list[tuple[list[int], list[Any]]] = []
    for row in table.iterfind(_ROW):
        cells = _cell_widths(row)
        if cells is None or not cells[0] or sum(cells[0]) <= 0:
            return False
        if rows and len(cells[0]) != len(rows[0][0]):
            return False
        rows.append(cells)
    for index, (row_widths, elements) in enumerate(rows):
        row_total = sum(row_widths)
        scaled = [w * total // row_total for w in row_widths]
        scaled[-1] += total - sum(scaled)
        for element, width in zip(elements, scaled, strict=True):
            element.set(_WIDTH, str(width))
        if index == 0:
            for column in list(grid):
                grid.remove(column)
            for width in scaled:
                etree.SubElement(grid, _GRID_COL, {_WIDTH: str(width)})
    return bool(rows)


def _fix_grid(table: Any) -> None:
    """docxtpl's `fix_tables` for one table: a grid with fewer columns than a row's cells
    gets more (the old ones scaled to keep the width), one with more loses its last ones
    (their width shared among the rest). The same arithmetic, done per table so that a
    table `_fit_grid` rebuilds is not fixed first for nothing."""
    grid = table.find(_GRID)
    columns = grid.findall(_GRID_COL)
    to_add = 0
    for row in table.iter(_ROW):
        cells = len(row.findall(_TC))
        if len(columns) + to_add < cells:
            to_add = cells - len(columns)
    if to_add > 0:
        width = 0.0
        for column in columns:
            if column.get(_WIDTH) is not None:
                width += float(column.get(_WIDTH))
        if width > 0:
            old_average = width / len(columns)
            new_average = width / (len(columns) + to_add)
            for column in columns:
                column.set(_WIDTH, str(int(float(column.get(_WIDTH)) * new_average
                                           / old_average)))
            for _ in range(to_add):
                etree.SubElement(grid, _GRID_COL, {_WIDTH: str(int(new_average))})
    columns = grid.findall(_GRID_COL)
    widest = 0
    for row in table.iter(_ROW):
        spans = 0
        for cell in row.findall(_TC):
            properties = cell.find(_TC_PR)
            span = None if properties is None else properties.find(_GRID_SPAN)
            spans += 1 if span is None else int(span.get(f"{_W}val"))
        widest = max(widest, spans)
    to_remove = len(columns) - widest
    if to_remove > 0:
        removed = 0.0
        for column in columns[-to_remove:]:
            removed += float(column.get(_WIDTH))
            grid.remove(column)
        left = grid.findall(_GRID_COL)
        extra = int(removed / len(left)) if left else 0
        for column in left:
            column.set(_WIDTH, str(int(float(column.get(_WIDTH)) + extra)))


def _layout(body: Any, page_mm: tuple[float, float] | None, fix: bool = False) -> None:
    """Fit a rendered body's tables to their cells and, with `page_mm`, set its paper;
    with `fix`, first do docxtpl's grid fix (`_fix_grid`) on each table not fitted."""
    if page_mm is not None:
        _set_paper(body, page_mm)
    for table in body.iter(_TABLE):
        if not _fit_grid(table) and fix:
            _fix_grid(table)


def _set_paper(body: Any, page_mm: tuple[float, float]) -> None:
    """Give every section of the body the paper `page_mm` (portrait), in twips; set here, at
    render time, so the template itself keeps one ordinary page size that Word opens."""
    width, height = (str(round(mm * 1440 / 25.4)) for mm in sorted(page_mm))
    for size in body.iter(f"{_W}pgSz"):
        size.set(f"{_W}w", width)
        size.set(f"{_W}h", height)
        size.attrib.pop(f"{_W}orient", None)


def _package_bytes(document: Any) -> bytes:
    """The .docx bytes of a python-docx Document, as `save` then `rezip` would give them
    (the same entries, in the same order, with the same fixed stamps) in one pass.

    Why: saving stamps each entry with the time, so the package had to be unzipped and
    deflated a second time to fix the stamps."""
    return write_zip(Entry.of(name, blob) for name, blob in prepared.package_members(document))


class Template:
    """A .docx template kept in memory, rendered any number of times.

    A `trusted` template (a shipped one) is checked and rendered in this process; any other
    in a bounded child process (see the package docstring).
    """

    def __init__(self, name: str, data: bytes, *, trusted: bool = False) -> None:
        self._name = name
        self._data = data
        self._trusted = trusted
        # Prepared once, reused by every render of this template (see _PreparedDocx and
        # _Environment): the patched XML and its compiled Jinja template.
        self._patched: dict[str, str] = {}
        self._env = _environment()
        # A shipped template's parts prepared once (see docgen.render.prepared): False until
        # the first render, None when the template renders through docxtpl.
        self._prepared: prepared.Prepared | bool | None = False
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path) -> Template:
        """Read a template file once; raise RenderError when it cannot be read or, unless
        it is one of the shipped templates, when docgen.zipguard refuses it."""
        trusted = path.resolve().parent == SHIPPED
        read = zipguard.read_regular if trusted else zipguard.read_package
        try:
            data = read(path, str(path), "tệp mẫu", zipguard.DOCX)
        except zipguard.PackageRefused as exc:
            raise RenderError(str(exc)) from exc
        return cls(path.name, data, trusted=trusted)

    @cached_property
    def sha256(self) -> str:
        """Hex SHA-256 of the template file, recorded in the archive's manifest (with
        every document made from it: worked out once)."""
        return hashlib.sha256(self._data).hexdigest()

    @property
    def name(self) -> str:
        """The template's file name, used in error messages."""
        return self._name

    def _docx(self) -> Any:
        # A fresh document per render (docxtpl fills it in place); the patched XML and the
        # compiled Jinja template are shared through self._patched and self._env.
        return _PreparedDocx(self._data, self._patched, strict=not self._trusted)

    def _bounded(self, call: Callable[[], T]) -> T:
        return call() if self._trusted else bounded.run(self._name, call)

    def render(self, context: Mapping[str, Any],
               page_mm: tuple[float, float] | None = None) -> bytes:
        """Fill the template with `context` and return the .docx file's bytes; `page_mm`
        (width, height) prints every section on that paper instead of the template's (a
        ballot on A5), the margins kept."""
        return self._bounded(lambda: self._render(context, page_mm))

    def _render(self, context: Mapping[str, Any],
                page_mm: tuple[float, float] | None = None) -> bytes:
        fast = self._fast()
        if fast is None:
            return self._render_docxtpl(context, page_mm)
        try:
            return fast.render(context, page_mm, _layout, self._chart_pass, self._data)
        except _MissingValue as exc:
            name = _missing_name(exc, context)
            self._fail(f"thiếu giá trị cho biến '{name}'.", exc)
        except (TemplateError, etree.XMLSyntaxError, *_EVALUATION_ERRORS) as exc:
            self._fail_template(exc)

    def prepare(self) -> None:
        """Prepare the template now (a shipped one), not on its first render; a tag that
        does not compile is the usual RenderError."""
        if self._trusted:
            self._fast()

    def _fast(self) -> prepared.Prepared | None:
        """The template prepared once, for a shipped template that `prepared` renders; None
        for one docxtpl renders. A tag that does not compile is the usual RenderError."""
        if self._prepared is False:
            with self._lock:
                if self._prepared is False:
                    try:
                        self._prepared = prepared.prepare_saved(
                            self._data, self._docx(), self._env, _layout) \
                            if self._trusted else None
                    except (TemplateError, RecursionError, MemoryError) as exc:
                        self._fail_template(exc)
        assert not isinstance(self._prepared, bool)
        return self._prepared

    def _render_docxtpl(self, context: Mapping[str, Any],
                        page_mm: tuple[float, float] | None = None) -> bytes:
        """Render through docxtpl: a new python-docx Document filled in place, then saved."""
        document = self._docx()
        values = dict(context)
        try:
            document.render(values, jinja_env=self._env, autoescape=True)
        except _MissingValue as exc:
            name = _missing_name(exc, context)
            self._fail(f"thiếu giá trị cho biến '{name}'.", exc)
        except (TemplateError, etree.XMLSyntaxError, *_EVALUATION_ERRORS) as exc:
            self._fail_template(exc)
        self._render_charts(document.docx, values)
        _layout(document.docx.element.body, page_mm)
        data = _package_bytes(document.docx)
        if not self._trusted:
            self._check_output(data)
        return data

    def _render_charts(self, docx: Any, context: Mapping[str, Any]) -> None:
        """Make each chart the rendered body draws with a docgen marker from its context
        value, then drop the charts the body no longer draws.

        Why here: docxtpl fills the body, headers, footers and footnotes only; a chart's
        title and data live in its own part (word/charts/chartN.xml). The template's part
        is a static placeholder chart (so that Word can open the template), replaced whole.
        """
        places, problems = _chart_places(docx.part)
        for chart, problem in problems:
            self._fail_chart(chart, problem)
        for place in places:
            if place.name is not None:
                self._fill_chart(place, context)
        _drop_unused_charts(docx)
        filled = {id(place.part) for place in places if place.name is not None}
        for part in _chart_parts(docx.part.package):
            if id(part) not in filled and _holds_tags(part):
                self._fail_chart(str(part.partname).lstrip("/"), _UNFILLED_TAGS)

    def _chart_pass(self, root: Any, found: list[prepared.Chart], context: Mapping[str, Any]
                    ) -> tuple[set[str], dict[str, bytes]]:
        """`_render_charts` for a document the prepared renderer made (`root`, its parsed
        document part; `found`, its chart relationships): the same checks and the same
        filling, on views of the parts; returns the relationships to drop and the new
        bytes of each chart part filled."""
        view = _DocumentView(root, found)
        places, problems = _chart_places(view)
        for chart, problem in problems:
            self._fail_chart(chart, problem)
        for place in places:
            if place.name is not None:
                self._fill_chart(place, context)
        referenced = set(root.xpath("//@r:id", namespaces={"r": _DRAWING_NS["r"]}))
        dropped = {rid for rid in view.rels if rid not in referenced}
        filled = {id(place.part): place.part for place in places if place.name is not None}
        for rid, relationship in view.rels.items():
            part = relationship.target_part
            if rid not in dropped and id(part) not in filled and _holds_tags(part):
                self._fail_chart(part.partname.lstrip("/"), _UNFILLED_TAGS)
        return dropped, {part.partname.lstrip("/"): part.blob for part in filled.values()}

    def _fill_chart(self, place: _ChartPlace, context: Mapping[str, Any]) -> None:
        """Replace a chart part's XML by the chart of its variable's value, and its
        drawings' description (alt text) by the chart's title and values."""
        name = place.name or ""
        if name not in context:
            self._fail_chart(place.chart, f"thiếu giá trị cho biến '{name}'.")
        try:
            xml = charts.chart_xml(context[name]).encode("utf-8")
            text = charts.description(context[name])
            zipguard.parse_xml(xml)
        except charts.ChartDataError as exc:
            field = f"{name}{'' if exc.path.startswith('[') else '.'}{exc.path}" \
                if exc.path else name
            if exc.missing:
                self._fail_chart(place.chart, f"thiếu giá trị cho biến '{field}'.")
            self._fail_chart(place.chart, f"giá trị không hợp lệ cho biến '{field}': "
                             f"{_sentence(exc)}")
        except etree.XMLSyntaxError as exc:  # pragma: no cover - chart_xml escapes all text
            self._fail_chart(place.chart, f"văn bản sinh ra không phải XML hợp lệ: "
                             f"{_sentence(exc)}")
        # A chart part is a plain python-docx Part, its bytes kept in _blob (as docxtpl
        # does for footnotes): there is no public setter.
        place.part._blob = xml
        # What the part related to (a workbook Word embedded with the placeholder's data,
        # its styles) no longer matches the chart: "Edit Data" must not bring it back.
        for rid in list(place.part.rels):
            del place.part.rels[rid]
        for docpr in place.drawings:
            if charts.marked_name(docpr.get("title")) is not None:
                del docpr.attrib["title"]
            if text:
                docpr.set("descr", text)
            elif "descr" in docpr.attrib:
                del docpr.attrib["descr"]

    def _fail_chart(self, chart: str, message: str) -> NoReturn:
        raise RenderError(f"Mẫu '{self._name}', biểu đồ '{chart}': {message}")

    def _check_output(self, data: bytes) -> None:
        try:
            zipguard.check_declared(data, self._name, "văn bản sinh ra từ mẫu", zipguard.DOCX)
        except zipguard.PackageRefused as exc:
            raise RenderError(str(exc)) from exc

    def problems(self, names: set[str] | None = None) -> list[str]:
        """Located problems of the template itself (split, unclosed or broken tags,
        unbalanced loops, and with `names` the variables the data does not provide), one
        Vietnamese line each; empty when the template is sound."""
        return self._bounded(lambda: [p.describe(self._name)
                                      for p in template_problems(self._data, names)]
                             + self._chart_problems(names))

    def _chart_problems(self, names: set[str] | None) -> list[str]:
        """Unreadable chart markers, Jinja tags in a chart docgen does not fill, and with
        `names` the chart variables the data does not provide."""
        document_part = Document(io.BytesIO(self._data)).part
        places, found = _chart_places(document_part)
        filled = {id(place.part) for place in places if place.name is not None}
        found += [(str(part.partname).lstrip("/"), _UNFILLED_TAGS)
                  for part in _chart_parts(document_part.package)
                  if id(part) not in filled and _holds_tags(part)]
        if names is not None:
            found += [(place.chart, f"biến «{place.name}» không có trong dữ liệu của văn "
                       "bản này.") for place in places
                      if place.name is not None and place.name not in names]
        return [f"Mẫu '{self._name}', biểu đồ '{chart}': {problem}" for chart, problem in found]

    def undeclared_variables(self) -> set[str]:
        """Return the names the template reads from its context (top-level names only),
        the variables of its charts included."""
        return self._bounded(self._undeclared)

    def _undeclared(self) -> set[str]:
        try:
            names: set[str] = self._docx().get_undeclared_template_variables(
                jinja_env=_environment()
            )
        except (TemplateError, RecursionError) as exc:
            self._fail_template(exc)
        places, problems = _chart_places(Document(io.BytesIO(self._data)).part)
        for chart, problem in problems:
            self._fail_chart(chart, problem)
        return names | {place.name for place in places if place.name is not None}

    def _fail_template(self, exc: Exception) -> NoReturn:
        if isinstance(exc, TemplateSyntaxError):
            place = f" tại dòng {exc.lineno}{_syntax_place(exc)}"
            self._fail(f"lỗi cú pháp Jinja{place}: {_sentence(exc.message)}", exc)
        if isinstance(exc, Refused):
            self._fail(_sentence(exc), exc)
        if isinstance(exc, SecurityError):
            self._fail(f"thao tác không được phép trong mẫu: {_sentence(exc)}", exc)
        if isinstance(exc, UndefinedError):
            self._fail(f"thiếu giá trị: {_sentence(exc.message)}", exc)
        if isinstance(exc, etree.XMLSyntaxError):
            self._fail(f"văn bản sinh ra không phải XML hợp lệ: {_sentence(exc)}", exc)
        if isinstance(exc, RecursionError):
            self._fail("mẫu lồng nhau hoặc gọi lại chính nó quá sâu.", exc)
        if isinstance(exc, MemoryError):
            self._fail("xử lý mẫu cần quá nhiều bộ nhớ nên đã dừng; hãy bỏ các vòng lặp hoặc "
                       "phép nhân chuỗi quá lớn trong mẫu.", exc)
        if isinstance(exc, TemplateError):
            self._fail(f"lỗi khi điền mẫu: {_sentence(exc)}", exc)
        self._fail(f"lỗi khi điền mẫu ({type(exc).__name__}): {_sentence(exc)}", exc)

    def _fail(self, message: str, exc: Exception) -> NoReturn:
        raise RenderError(f"Mẫu '{self._name}': {message}") from exc
