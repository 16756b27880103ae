"""Mark the places of a document that only a person can write ("fill-in markers").

docgen pre-fills what the workbook knows; a part only the unit (or the meeting's secretary)
can write is left as a visible marker, "[Bổ sung: …]" on a yellow highlight, never as prose
that looks finished. `docgen lint` reports a marker left in a document (an error, or a
warning while the set is a draft), and a set is not finalized while one remains.
"""

from __future__ import annotations

import re

from docx.enum.text import WD_COLOR_INDEX
from docx.text.paragraph import Paragraph

from docgen.documents.shared.ooxml import run_defaults

OPEN = "[Bổ sung: "
CLOSE = "]"
# A marker as it reads in a document's text (the words inside never hold "]").
PATTERN = re.compile(r"\[Bổ sung:[^\]]*\]")


def marker(what: str) -> str:
    """The text of a marker asking for `what`: "[Bổ sung: quá trình thành lập …]"."""
    return f"{OPEN}{what}{CLOSE}"


def markers_in(text: str) -> list[str]:
    """Every marker left in a paragraph's text, in order."""
    return PATTERN.findall(text)


def highlight(paragraph: Paragraph, what: str) -> Paragraph:
    """Append a highlighted marker run asking for `what` to `paragraph` (a template or an
    output paragraph); return the paragraph."""
    run = paragraph.add_run(marker(what))
    run_defaults(run)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return paragraph


def fill_in(container: object, what: str, style: str = "Body",
            lead: str = "") -> Paragraph:
    """A paragraph of `style` that reads `lead` then a highlighted marker asking for `what`.

    `lead` is plain text before the marker ("Quá trình thành lập: "); it must not hold a
    template tag that another run would split.
    """
    paragraph: Paragraph = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    if lead:
        run_defaults(paragraph.add_run(lead))
    return highlight(paragraph, what)
