"""Turn the model and outcome into the context of the Thông báo kết luận hội nghị (TB) (being
written).
"""

from __future__ import annotations

from docgen.documents.shared.rendition import Rendition
from docgen.model import Workbook
from docgen.rules import Outcome


def renditions(book: Workbook, outcome: Outcome) -> list[Rendition]:
    """Being written in this session: no output yet."""
    return []
