"""Turn the workbook and the year's outcome into the launch plan's (kế hoạch) context.

The plan launches next year's movement, so it is issued and signed by next year's Cụm
trưởng (`Outcome.leader_next`) and names next year's Cụm phó. The staff's points of the plan
sheet fill the outline (domain.md 4.3); the fixed sentences (the period, the award
standards and quotas, the procedure, the officers' duties) live in the template, which
this fills with the year, the settings, the timeline and next year's officers. Parts
with nothing to print are left out and the rest renumbered: `num` gives each part its
number, or "" when it is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.awards import TARGET_NOUNS, quota_words, share_words
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardForm, DocumentCode, Milestone, Workbook
from docgen.rules import Outcome
from docgen.vi import name_key, roman, short_date

CODE: DocumentCode = "ke-hoach"
# The plan sheet's parts (intake maps the sheet's labels to these codes), in outline order.
PARTS = ("purpose", "requirements", "subjects", "content", "organisation", "awards",
         "implementation")
# The roman-numbered parts, in order.
SECTIONS = ("aims", "scope", "standards", "quotas", "procedure", "implementation")
FILES_TASK = "hồ sơ"


def context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Every value the launch plan's template prints, already formatted.

    The template holds the fixed wording; this gives it data and computed phrases only.
    """
    signing = refs.signing(book, CODE)
    doc = c.issued(book, signing, CODE, result.leader_next)
    parts = plan_parts(book)
    awards = award_terms(book)
    offers = bool(awards)
    return {
        "doc": doc,
        "next_year": book.cluster.year + 1,  # the plan launches next year's movement
        "cluster_name": book.cluster.name,
        "citations": citations(book),
        "conference_date": short_date(book.conference.date),
        "parts": parts,
        "num": numbering(parts, has_standards=offers, has_quotas=offers),
        "awards": awards,
        "superior_body": book.cluster.superior_body,
        "files_deadline": files_deadline(book.timeline),
        "leader": result.leader_next.name,
        "deputy": result.deputy_next.name,
        "timeline_rows": timeline_rows(book.timeline),
    }


def citations(book: Workbook) -> list[str]:
    """The laws and decrees on awards the plan rests on ('Luật Thi đua, khen thưởng ngày …').

    The template prints each as 'Căn cứ …;' before its line on the year-end conference.
    """
    return [c.citation(x).rstrip(";.") for x in book.citations if x.role == "award_basis"]


def plan_parts(book: Workbook) -> dict[str, list[str]]:
    """The plan sheet's points by part, one paragraph per typed line, in sheet order."""
    parts: dict[str, list[str]] = {code: [] for code in PARTS}
    for item in book.plan:
        lines = [line.strip() for line in item.text.split("\n")]
        parts.setdefault(item.part, []).extend(line for line in lines if line)
    return parts


def numbering(parts: dict[str, list[str]], *, has_standards: bool,
              has_quotas: bool) -> dict[str, str]:
    """Each part's number ('I', '2' ...), or '' for a part left out for want of content.

    Parts II (the period is always stated), V (fixed wording) and VI (the officers) are
    always printed; I, III and IV only when they have something to say.
    """
    present = {
        "aims": bool(parts["purpose"] or parts["requirements"]),
        "scope": True,
        "standards": bool(parts["awards"]) or has_standards,
        "quotas": has_quotas,
        "procedure": True,
        "implementation": True,
    }
    filled = {key: bool(lines) for key, lines in parts.items()}
    num = _numbered(SECTIONS, present, roman)
    num |= _numbered(("purpose", "requirements"), filled, str)
    num |= _numbered(("subjects", "content", "organisation", "period"),
                     filled | {"period": True}, str)
    return num


def _numbered(keys: Iterable[str], present: dict[str, bool],
              style: Callable[[int], str]) -> dict[str, str]:
    """Number the present keys 1, 2 … in `style` (roman or str); absent keys get ''."""
    out: dict[str, str] = {}
    count = 0
    for key in keys:
        count += present[key]
        out[key] = style(count) if present[key] else ""
    return out


def award_terms(book: Workbook) -> list[dict[str, str]]:
    """Per award the cluster may propose next year (places for someone), highest first:
    its name, who it is for ('tập thể dẫn đầu Cụm thi đua'), the share it needs with its
    comparison and base, and its places in words ('01 (một) tập thể và 02 (hai) cá
    nhân')."""
    return [{"name": form.full_name, "criteria": _criteria(form), "share": share_words(form),
             "quota": places}
            for form in book.award_forms if (places := quota_words(form))]


def _criteria(form: AwardForm) -> str:
    """The award table's criteria, else who it is for ('tập thể, cá nhân')."""
    criteria = (form.criteria or "").strip().rstrip(".;,")
    if criteria:
        return criteria
    return ", ".join(noun for target, noun in TARGET_NOUNS.items() if form.allows(target))


def files_deadline(timeline: list[Milestone]) -> str | None:
    """The deadline of the first timeline task about the files ('hồ sơ'), or None (then
    the template defers to the superior body's guidance)."""
    for milestone in timeline:
        if FILES_TASK in name_key(milestone.task):
            return milestone.deadline.rstrip(".")
    return None


def timeline_rows(timeline: list[Milestone]) -> list[dict[str, str]]:
    """The timetable: STT, task, deadline, unit responsible."""
    return [
        {"stt": str(i), "task": m.task, "deadline": m.deadline, "responsible": m.responsible}
        for i, m in enumerate(timeline, start=1)
    ]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
