"""Measure how much of each document's wording a clerk can change in its template.

    python benchmarks/template_share.py [WORKBOOK]

Renders every document of the workbook (default: the shipped sample) twice: as usual, and
with every text value of its context wrapped in invisible marks. Words outside the marks
came from the template (a clerk edits them in Word); words inside came from the context
(data, computed phrases, and any fixed wording still written in code). Prints, per kind,
the document's words and the share that came from its template.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import docx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import build, templates  # noqa: E402

OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters: no font draws them, no data has them


def marked(value: Any) -> Any:
    """The same context with every string wrapped in OPEN ... CLOSE."""
    if isinstance(value, str):
        return f"{OPEN}{value}{CLOSE}" if value else value
    if isinstance(value, Mapping):
        return {k: marked(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [marked(v) for v in value]
    return value


def text(data: bytes) -> str:
    """Every paragraph of the body, tables included, as one text."""
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def words(value: str) -> int:
    return len(re.findall(r"\w+", value))


def share(data: bytes) -> tuple[int, int]:
    """(all words, words outside the marks) of a document rendered with a marked context."""
    body = text(data)
    outside = re.sub(f"{OPEN}.*?{CLOSE}", " ", body, flags=re.S)
    return words(body.replace(OPEN, " ").replace(CLOSE, " ")), words(outside)


def main(argv: list[str]) -> None:
    workbook = Path(argv[0]) if argv else build.SAMPLE
    checked = build.check(workbook)
    total_all = total_template = 0
    print(f"{'kind':<22}{'words':>8}{'from template':>15}")
    for kind in build.select_kinds(None):
        renditions = kind.renditions(checked.book, checked.outcome)
        template = templates.load(kind, None, None)
        counted, from_template = 0, 0
        for rendition in renditions:
            all_words, outside = share(template.render(marked(rendition.context)))
            counted, from_template = counted + all_words, from_template + outside
        total_all, total_template = total_all + counted, total_template + from_template
        print(f"{kind.code:<22}{counted:>8}{from_template / counted:>14.0%}")
    print(f"{'all':<22}{total_all:>8}{total_template / total_all:>14.0%}")


if __name__ == "__main__":
    main(sys.argv[1:])
