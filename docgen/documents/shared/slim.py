"""Turn a template package saved by python-docx into one that carries only what it uses.

Why this module: python-docx starts every document from its own default template, which
brings some 160 stock styles (most of them table styles nobody picks), a second copy of
them for Word 2010 (stylesWithEffects.xml), a bibliography store (customXml), a thumbnail
and list definitions no paragraph refers to: about 800 KB of XML that every render would
parse, patch and deflate again. `slim` keeps the styles the template's parts refer to
(w:pStyle, w:rStyle, w:tblStyle, list style links, settings), those they need in turn
(w:basedOn, w:link, w:next), the default style of each type, the few built-in styles a
clerk may pick in Word (`CLERK_STYLES`) and docDefaults; the
latentStyles table stays, so Word's style gallery is what it was. Word creates a style,
a list definition or a preview again when a clerk uses one. Parts and entries keep their
order, so the same package gives the same bytes.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterable
from typing import Any

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships/"

STYLES = "word/styles.xml"
NUMBERING = "word/numbering.xml"
CONTENT_TYPES = "[Content_Types].xml"

# Relationships whose parts no document of docgen needs (with the parts they own).
DROPPED_TYPES = frozenset({
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    _OFFICE + "customXml",
    _PACKAGE + "metadata/thumbnail",
})
NUMBERING_TYPE = _OFFICE + "numbering"

# Elements whose w:val names a style; w:basedOn, w:link and w:next tie styles together.
STYLE_REFS = ("pStyle", "rStyle", "tblStyle", "numStyleLink", "styleLink",
              "clickAndTypeStyle", "defaultTableStyle")
STYLE_TIES = ("basedOn", "link", "next")
# Built-in styles a clerk may pick in Word while editing a document (headings, a title):
# kept, as blacken_builtin_styles made them (Times New Roman, black), so that picking one
# does not bring Word's own Calibri in blue. List styles are not among them: they would
# bring the list definitions back.
CLERK_STYLES = ("Heading1", "Heading2", "Heading3", "Title", "Subtitle")


def slim(data: bytes) -> bytes:
    """The package `data` without unused styles, list definitions and stock parts."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for kind in sorted(DROPPED_TYPES):
        _drop_type(parts, kind)
    styles = etree.fromstring(parts[STYLES])
    content = _content_parts(parts)
    keep = needed_styles(styles, referenced_styles(content) | set(CLERK_STYLES))
    if _lists_used(content + [s for s in _styles(styles) if _id(s) in keep]):
        numbering = [etree.fromstring(parts[NUMBERING])] if NUMBERING in parts else []
        keep = needed_styles(styles, referenced_styles(content + numbering)
                             | set(CLERK_STYLES))
    else:
        _drop_type(parts, NUMBERING_TYPE)
    for style in _styles(styles):
        if _id(style) not in keep:
            styles.remove(style)
    parts[STYLES] = _serialize(styles)
    return _zip(parts)


def referenced_styles(roots: Iterable[Any]) -> set[str]:
    """Style ids that the elements under `roots` name (w:pStyle, w:rStyle ...)."""
    tags = {f"{_W}{name}" for name in STYLE_REFS}
    values = (element.get(f"{_W}val") for root in roots for element in root.iter(*tags))
    return {value for value in values if value is not None}


def needed_styles(styles: Any, referenced: set[str]) -> set[str]:
    """The ids of `referenced`, the default styles and every style they are tied to."""
    by_id = {_id(s): s for s in _styles(styles)}
    todo: list[str | None]
    todo = [i for i, s in by_id.items() if s.get(f"{_W}default") in ("1", "true", "on")]
    todo += referenced
    keep: set[str] = set()
    while todo:
        style_id = todo.pop()
        if style_id is None or style_id in keep or style_id not in by_id:
            continue
        keep.add(style_id)
        for tie in STYLE_TIES:
            element = by_id[style_id].find(f"{_W}{tie}")
            if element is not None:
                todo.append(element.get(f"{_W}val"))
    return keep


def _styles(styles: Any) -> list[Any]:
    return list(styles.iterchildren(f"{_W}style"))


def _id(style: Any) -> str | None:
    value: str | None = style.get(f"{_W}styleId")
    return value


def _content_parts(parts: dict[str, bytes]) -> list[Any]:
    """The parsed WordprocessingML parts that hold text or settings (body, headers,
    footers, notes, settings), not the styles or the list definitions."""
    return [etree.fromstring(blob) for name, blob in parts.items()
            if posixpath.dirname(name) == "word" and name.endswith(".xml")
            and name not in (STYLES, NUMBERING)]


def _lists_used(roots: Iterable[Any]) -> bool:
    """Whether one of `roots` turns a list on (a w:numId other than 0)."""
    return any(n.get(f"{_W}val") != "0" for root in roots for n in root.iter(f"{_W}numId"))


def _drop_type(parts: dict[str, bytes], kind: str) -> None:
    """Remove every relationship of type `kind`, the parts it points to and the parts those
    own (their own relationships, e.g. customXml's itemProps), and their content types."""
    dropped: list[str] = []
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        rels = etree.fromstring(parts[rels_name])
        found = [r for r in rels if r.get("Type") == kind]
        if not found:
            continue
        base = posixpath.dirname(posixpath.dirname(rels_name))
        for rel in found:
            rels.remove(rel)
            dropped.append(_target(base, rel.get("Target")))
        parts[rels_name] = _serialize(rels)
    while dropped:
        name = dropped.pop()
        dropped += _owned(parts, name)
        parts.pop(name, None)
        parts.pop(_rels_name(name), None)
        _drop_content_type(parts, name)


def _owned(parts: dict[str, bytes], name: str) -> list[str]:
    rels_name = _rels_name(name)
    if rels_name not in parts:
        return []
    base = posixpath.dirname(name)
    rels = etree.fromstring(parts[rels_name])
    return [_target(base, r.get("Target")) for r in rels if r.get("TargetMode") != "External"]


def _target(base: str, target: str) -> str:
    """The part name a relationship's Target means, seen from the folder `base`."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, target))


def _rels_name(name: str) -> str:
    folder, file = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{file}.rels")


def _drop_content_type(parts: dict[str, bytes], name: str) -> None:
    """Forget the part's Override, and its extension's Default once no part has it."""
    types = etree.fromstring(parts[CONTENT_TYPES])
    for override in types.findall(f"{_TYPES}Override"):
        if override.get("PartName") == f"/{name}":
            types.remove(override)
    extensions = {posixpath.splitext(n)[1].lstrip(".").lower() for n in parts}
    for default in types.findall(f"{_TYPES}Default"):
        if default.get("Extension", "").lower() not in extensions:
            types.remove(default)
    parts[CONTENT_TYPES] = _serialize(types)


def _serialize(root: Any) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                 standalone=True)
    return data


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in parts.items():
            target.writestr(name, blob)
    return out.getvalue()
