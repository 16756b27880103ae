"""Turn the signing rows of the cluster's own papers into the references between them.

The proposal's list cites the proposal's number ("Kèm theo Tờ trình số …"), the proposal cites
the minutes ("Biên bản họp bình xét số …"): each reference is built here, from the cited
paper's own signing row, so no document imports another.
"""

from __future__ import annotations

from docgen.documents.shared import common as c
from docgen.model import DocumentCode, Signing, Workbook
from docgen.vi import short_date

PROPOSAL: DocumentCode = "to-trinh"
MINUTES: DocumentCode = "bien-ban"


def signing(book: Workbook, code: DocumentCode) -> Signing:
    """The signing row of a document (intake guarantees one per document)."""
    found = book.signing_for(code)
    if found is None:
        raise ValueError(f"signing row for {code} is missing")
    return found


def proposal_number_line(book: Workbook) -> str:
    """The proposal's 'Số:' line: 'Số: 16/TTr-CTĐ', or 'Số:      /TTr-CTĐ' when blank."""
    number = signing(book, PROPOSAL).number
    return c.number_line(number, c.TYPE_ABBR[PROPOSAL], book.cluster.issuer_abbr)


def minutes_citation(book: Workbook) -> str:
    """'Biên bản họp bình xét số 05/BB-CTĐ ngày 20/12/2021 của Cụm …' (no 'số' if blank)."""
    signed = signing(book, MINUTES)
    parts = ["Biên bản họp bình xét"]
    if signed.number is not None:
        symbol = c.number_line(signed.number, c.TYPE_ABBR[MINUTES], book.cluster.issuer_abbr)
        parts.append(symbol.replace("Số: ", "số ", 1))
    parts += [f"ngày {short_date(signed.date)}", f"của {book.cluster.name}"]
    return " ".join(parts)
