"""Mark the places of a document that only a person can write ("fill-in markers").

docgen pre-fills what the workbook knows; a part only the unit (or the meeting's secretary)
can write is left as a visible marker, "[Bổ sung: …]" on a yellow highlight, never as prose
that looks finished. `docgen lint` reports a marker left in a document (an error, or a
warning while the set is a draft), and a set is not finalized while one remains.

Pure text, importing nothing of docgen: the templates write markers with `blocks.fill_in`
and `blocks.highlight`, the linter looks for `PATTERN`.
"""

from __future__ import annotations

import re

OPEN = "[Bổ sung: "
CLOSE = "]"
# A marker as it reads in a document's text (the words inside never hold "]").
PATTERN = re.compile(r"\[Bổ sung:[^\]]*\]")


def marker(what: str) -> str:
    """The text of a marker asking for `what`: "[Bổ sung: quá trình thành lập …]"."""
    return f"{OPEN}{what}{CLOSE}"
