"""Turn a paragraph or a run into its effective formatting, as Word resolves it.

Run properties (font, size, bold, italic, colour) come from the first level that sets them:
the run's own w:rPr, its character style and that style's basedOn chain, the paragraph's
style chain (w:pStyle, or the default paragraph style), then docDefaults. Bold and italic
are toggle properties (ECMA-376 §17.7.3): direct formatting sets them absolutely; inside
styles the nearest definition of a basedOn chain wins, and each style level (paragraph,
then character) that says `true` flips the value inherited from the levels below it, so
`w:b w:val="0"` turns bold off and a bold character style inside a bold paragraph style
shows upright text.

Paragraph properties (alignment, first-line indent, spacing before/after, line spacing)
come from the paragraph's w:pPr, its style chain, then docDefaults.

Not modelled: table styles, list (numbering) indents, theme colour tints, w:hint fonts.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length, Pt, Twips
from docx.styles.style import StyleFactory
from docx.text.font import Font
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from docgen.check import ooxml
from docgen.check.reading import Reading, read_p

# Word's values when no level says anything (ECMA-376: 10 pt, left, single, no spacing).
DEFAULT_SIZE = Pt(10)
_SLOTS = ("ascii", "hAnsi")
_ALIGN = {"both": "justify", "distribute": "justify", "center": "center", "left": "left",
          "start": "left", "right": "right", "end": "right"}
_MAX_CHAIN = 32  # guards against a basedOn cycle in a broken styles part
_PPR, _STYLE = qn("w:pPr"), qn("w:style")


@dataclass(frozen=True)
class RunFormat:
    """Effective formatting of one run. `fonts` holds the ascii and hAnsi typefaces;
    None in it means no level names a font. `color` is "auto", a hex "RRGGBB", or
    "theme:<name>"."""

    text: str
    fonts: tuple[str | None, ...]
    size: Length
    bold: bool
    italic: bool
    color: str


@dataclass(frozen=True)
class LineSpacing:
    """Line spacing: `rule` "auto" with `multiple`, or "exact"/"atLeast" with `height`."""

    rule: str
    multiple: float = 1.0
    height: Length | None = None


@dataclass(frozen=True)
class ParaFormat:
    """Effective paragraph formatting; `alignment` is justify/center/left/right;
    `contextual` is Word's "don't add space between paragraphs of the same style"."""

    alignment: str
    first_line_indent: Length
    space_before: Length
    space_after: Length
    line: LineSpacing
    contextual: bool = False


@dataclass(frozen=True)
class _Level:
    """What one level of the hierarchy says about run properties (None = nothing)."""

    size: Length | None
    bold: bool | None
    italic: bool | None
    fonts: tuple[tuple[str | None, str | None], ...]
    color: tuple[str | None, str | None]


def _level_of_rpr(rpr: Any) -> _Level:
    return _Level(
        size=ooxml.size(rpr),
        bold=ooxml.toggle(rpr, "w:b"),
        italic=ooxml.toggle(rpr, "w:i"),
        fonts=tuple(ooxml.font_slot(rpr, slot) for slot in _SLOTS),
        color=ooxml.color(rpr),
    )


# Levels by what the w:rPr they read says (`ooxml.children_key`): the same few run
# properties recur in every template's styles and runs.
_LEVELS: dict[tuple[Any, ...] | None, _Level] = {}
_LEVELS_KEPT = 20_000


def _level_of_font(font: Any) -> _Level:
    """Read a run's or a style's Font: public API for size, bold, italic (each reading
    the first w:sz, w:b, w:i of the element's first w:rPr, as the helpers below do)."""
    rpr = ooxml.child(font.element, "w:rPr")
    key = ooxml.children_key(rpr)
    level = _LEVELS.get(key)
    if level is None:
        if len(_LEVELS) >= _LEVELS_KEPT:
            _LEVELS.clear()
        level = _LEVELS[key] = _Level(
            size=font.size,
            bold=font.bold,
            italic=font.italic,
            fonts=tuple(ooxml.font_slot(rpr, slot) for slot in _SLOTS),
            color=ooxml.color(rpr),
        )
    return level


def style_chain(style: Any) -> Iterator[Any]:
    """The style, then its basedOn ancestors (nearest first)."""
    seen = 0
    while style is not None and seen < _MAX_CHAIN:
        yield style
        style = style.base_style
        seen += 1


def _style_key(style: Any) -> str:
    return "" if style is None else f"{style.type}:{style.style_id}"


@dataclass
class _Shared:
    """What the documents of one styles part and theme share: every format worked out
    depends on them and on the run's or paragraph's own XML alone, so a document made
    from a template already checked finds its formats here (the web page and the
    benchmarks check the same templates' documents again and again).

    `positions` places each style among the part's w:style elements by (type, id), and
    `defaults` the default character and paragraph styles (python-docx's `Styles.default`),
    None when there is none."""

    positions: dict[tuple[WD_STYLE_TYPE, str | None], int]
    defaults: dict[WD_STYLE_TYPE, int | None]
    chains: dict[str, list[_Level]] = dataclasses.field(default_factory=dict)
    formats: dict[tuple[bytes, str, str], RunFormat] = dataclasses.field(default_factory=dict)
    # Formats by (w:rPr children_key, w:pStyle value): the key `formats` reads cheaply.
    by_own: dict[tuple[Any, str | None], RunFormat] = dataclasses.field(default_factory=dict)
    para_by_own: dict[bytes, ParaFormat] = dataclasses.field(default_factory=dict)


# By (styles part digest, theme fonts); a few hundred templates at most in a process.
_SHARED: dict[tuple[bytes, tuple[tuple[str, str], ...]], _Shared] = {}
_SHARED_KEPT = 200


def _shared(document: Document, theme: dict[str, str]) -> _Shared:
    """The _Shared of the document's styles part and theme (a new one on first sight,
    with its table of styles read through python-docx, which raises as it always has on a
    broken styles part)."""
    root = document.styles.element
    key = (hashlib.sha256(etree.tostring(root)).digest(), tuple(sorted(theme.items())))
    found = _SHARED.get(key)
    if found is None:
        elements = list(root.iterchildren(_STYLE))  # alive: ids stay theirs
        index = {id(element): n for n, element in enumerate(elements)}
        # Why: python-docx finds a run's or paragraph's style by scanning every style
        # each time (slow on a long document); styles are looked up by id in this table.
        positions = {(s.type, s.style_id): index[id(s.element)] for s in document.styles}
        defaults = {}
        for kind in (WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.PARAGRAPH):
            style = document.styles.default(kind)
            defaults[kind] = None if style is None else index[id(style.element)]
        if len(_SHARED) >= _SHARED_KEPT:
            _SHARED.clear()
        found = _SHARED[key] = _Shared(positions, defaults)
    return found


class Resolver:
    """Effective formatting of the runs and paragraphs of one document."""

    def __init__(self, document: Document) -> None:
        rpr, ppr = ooxml.doc_defaults(document)
        self._default_run = _level_of_rpr(rpr)
        self._default_para = ppr
        self._theme = ooxml.theme_fonts(document)
        self._shared = _shared(document, self._theme)
        self._style_elements = list(document.styles.element.iterchildren(_STYLE))
        self._proxies: dict[int, Any] = {}
        # Keyed by id() of the w:p element; the element is kept in the value so that lxml
        # keeps handing out the same proxy and the id cannot be reused.
        self._runs: dict[int, tuple[Any, list[RunFormat]]] = {}
        self._paras: dict[int, tuple[Any, ParaFormat]] = {}
        # Formats by id() of a Reading (kept in the value): paragraphs read as one
        # (`structure.read_paragraphs` reads a repeated table once) are the same XML.
        self._by_reading: dict[int, tuple[Reading, list[RunFormat]]] = {}

    def runs(self, paragraph: Paragraph) -> list[RunFormat]:
        """Effective formatting of each run that shows text, with the run's text."""
        read = read_p(ooxml.p_element(paragraph))
        return [dataclasses.replace(fmt, text=ooxml.run_text(r))
                for (r, _), fmt in zip(read.runs, self.formats(paragraph, read), strict=True)]

    def formats(self, paragraph: Paragraph, read: Reading | None = None) -> list[RunFormat]:
        """`runs` without the texts (each `text` is ""), what the checks read: cached per
        paragraph, runs of the same formatting sharing one RunFormat. `read` is the
        paragraph's Reading when the caller has it already."""
        element = ooxml.p_element(paragraph)
        cached = self._runs.get(id(element))
        if cached is None:
            if read is not None and (same := self._by_reading.get(id(read))) is not None:
                return same[1]
            found = self._formats_of(element, read_p(element) if read is None else read)
            cached = self._runs[id(element)] = (element, found)
            if read is not None:
                self._by_reading[id(read)] = (read, found)
        return cached[1]

    def _formats_of(self, p: Any, read: Reading) -> list[RunFormat]:
        """`formats` of the w:p element `p`: a run's formatting is looked up by what its
        w:rPr says (`ooxml.children_key`) and the paragraph's w:pStyle, which decide it,
        worked out on the first sight of each pair only (a document's runs share a few)."""
        by_own = self._shared.by_own
        found = []
        for r, rpr in read.runs:
            key = (ooxml.children_key(rpr), read.style)
            fmt = by_own.get(key)
            if fmt is None:
                fmt = by_own[key] = self._format(r, ooxml.serialized(rpr), p)
            found.append(fmt)
        return found

    def run(self, run: Run, paragraph: Paragraph) -> RunFormat:
        """Effective formatting of one run of `paragraph`, with the run's text."""
        own = ooxml.serialized(ooxml.child(run.element, "w:rPr"))
        fmt = self._format(run.element, own, ooxml.p_element(paragraph))
        return dataclasses.replace(fmt, text=ooxml.run_text(run.element))

    def _format(self, r: Any, own: bytes, p: Any) -> RunFormat:
        """The formatting (without text) of the w:r `r` of the w:p `p`, whose w:rPr
        serializes to `own`: worked out once for each combination of `own`, the run's
        character style and its paragraph's style."""
        char_style = self._style(r, "w:rStyle", WD_STYLE_TYPE.CHARACTER)
        para_style = self._style(p, "w:pStyle", WD_STYLE_TYPE.PARAGRAPH)
        key = (own, _style_key(char_style), _style_key(para_style))
        formats = self._shared.formats
        if key not in formats:
            direct = _level_of_font(Font(r))  # the run's own w:rPr
            char, para = self._chain(char_style), self._chain(para_style)
            styles = [*char, *para, self._default_run]
            formats[key] = RunFormat(
                text="",
                fonts=tuple(self._font(slot, [direct, *styles])
                            for slot in range(len(_SLOTS))),
                size=_first([direct, *styles], "size") or DEFAULT_SIZE,
                bold=_toggle("bold", direct, char, para, self._default_run),
                italic=_toggle("italic", direct, char, para, self._default_run),
                color=_color([direct, *styles]),
            )
        return formats[key]

    def paragraph(self, paragraph: Paragraph) -> ParaFormat:
        """Effective alignment, indent, spacing and line spacing (cached per paragraph, and
        worked out once per distinct w:pPr, which with the styles decides them all)."""
        element = ooxml.p_element(paragraph)
        cached = self._paras.get(id(element))
        if cached is None:
            own = ooxml.serialized(ooxml.first(element, _PPR))
            fmt = self._shared.para_by_own.get(own)
            if fmt is None:
                fmt = self._shared.para_by_own[own] = self._paragraph(paragraph)
            cached = self._paras[id(element)] = (element, fmt)
        return cached[1]

    def _paragraph(self, paragraph: Paragraph) -> ParaFormat:
        """Public ParagraphFormat for the paragraph and its styles, raw XML for docDefaults
        and for what python-docx cannot read (ISO alignments, contextual spacing)."""
        formats = [paragraph.paragraph_format]
        formats += [s.paragraph_format for s in style_chain(self.paragraph_style(paragraph))]
        elements = [ooxml.child(fmt.element, "w:pPr") for fmt in formats]
        elements.append(self._default_para)
        default = self._default_para
        return ParaFormat(
            alignment=_alignment(elements),
            first_line_indent=_attr(formats, "first_line_indent", ooxml.first_line(default)),
            space_before=_attr(formats, "space_before", _default_spacing(default, "before")),
            space_after=_attr(formats, "space_after", _default_spacing(default, "after")),
            line=_line_spacing(formats, default),
            contextual=bool(_first_value(elements,
                                         lambda e: ooxml.toggle(e, "w:contextualSpacing"))),
        )

    def paragraph_style(self, paragraph: Paragraph) -> Any:
        """The paragraph's style (the default paragraph style when it names none)."""
        return self._style(ooxml.p_element(paragraph), "w:pStyle", WD_STYLE_TYPE.PARAGRAPH)

    def _style(self, element: Any, tag: str, kind: WD_STYLE_TYPE) -> Any:
        props = "w:rPr" if tag == "w:rStyle" else "w:pPr"
        style_id = ooxml.style_ref(element, ooxml.clark(props), ooxml.clark(tag))
        return self._style_at(self._shared.positions.get((kind, style_id))) or \
            self._style_at(self._shared.defaults[kind])

    def _style_at(self, position: int | None) -> Any:
        """The style proxy of the w:style at `position` in the styles part (None: None)."""
        if position is None:
            return None
        if position not in self._proxies:
            self._proxies[position] = StyleFactory(self._style_elements[position])
        return self._proxies[position]

    def _chain(self, style: Any) -> list[_Level]:
        """The levels of a style and its basedOn ancestors, cached by style id."""
        if style is None:
            return []
        key = f"{style.type}:{style.style_id}"
        chains = self._shared.chains
        if key not in chains:
            chains[key] = [_level_of_font(s.font) for s in style_chain(style)]
        return chains[key]

    def _font(self, slot: int, levels: list[_Level]) -> str | None:
        for level in levels:
            name, theme = level.fonts[slot]
            if theme is not None:
                return self._theme.get(theme, f"phông chủ đề {theme}")
            if name is not None:
                return name
        return None


def _first(levels: list[_Level], attr: str) -> Any:
    for level in levels:
        value = getattr(level, attr)
        if value is not None:
            return value
    return None


def _nearest(levels: list[_Level], attr: str) -> bool:
    """The nearest definition of a toggle inside one basedOn chain (False when none)."""
    return bool(_first(levels, attr))


def _toggle(attr: str, direct: _Level, char: list[_Level], para: list[_Level],
            default: _Level) -> bool:
    """Resolve bold/italic: direct is absolute, style levels flip the docDefaults value."""
    value = getattr(direct, attr)
    if value is not None:
        return bool(value)
    return bool(getattr(default, attr)) ^ _nearest(para, attr) ^ _nearest(char, attr)


def _color(levels: list[_Level]) -> str:
    for level in levels:
        value, theme = level.color
        if theme is not None:
            return f"theme:{theme}"
        if value is not None:
            return "auto" if value.lower() == "auto" else value.upper()
    return "auto"


def _first_value(elements: list[Any], read: Any) -> Any:
    for element in elements:
        value = read(element)
        if value is not None:
            return value
    return None


def _alignment(elements: list[Any]) -> str:
    raw = _first_value(elements, ooxml.alignment)
    return _ALIGN.get(raw or "left", raw or "left")


def _attr(formats: list[Any], attr: str, default: Length | None) -> Length:
    """The first ParagraphFormat that sets `attr`, else the docDefaults value, else 0."""
    for fmt in formats:
        value = getattr(fmt, attr)
        if value is not None:
            return Length(value)
    return default if default is not None else Length(0)


def _default_spacing(ppr: Any, attr: str) -> Length | None:
    return ooxml.measure(ooxml.spacing(ppr, attr))


def _line_spacing(formats: list[Any], default_ppr: Any) -> LineSpacing:
    for fmt in formats:
        value, rule = fmt.line_spacing, fmt.line_spacing_rule
        if value is None:
            continue
        if rule in (WD_LINE_SPACING.EXACTLY, WD_LINE_SPACING.AT_LEAST):
            kind = "exact" if rule == WD_LINE_SPACING.EXACTLY else "atLeast"
            return LineSpacing(kind, height=Length(value))
        return LineSpacing("auto", multiple=float(value))
    line = ooxml.measure(ooxml.spacing(default_ppr, "line"))
    if line is None:
        return LineSpacing("auto")
    rule_name = ooxml.spacing(default_ppr, "lineRule") or "auto"
    if rule_name == "auto":
        return LineSpacing("auto", multiple=line / Twips(240))
    return LineSpacing(rule_name, height=line)
