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

from docgen import timeline as tl
from docgen.documents.shared import common as c
from docgen.documents.shared import references as refs
from docgen.documents.shared.awards import TARGET_NOUNS, quota_words, share_words
from docgen.documents.shared.rendition import Rendition
from docgen.model import AwardForm, DocumentCode, Milestone, Workbook
from docgen.rules import Outcome
from docgen.vi import roman, short_date

CODE: DocumentCode = "ke-hoach"
# The plan sheet's parts (intake maps the sheet's labels to these codes), in outline order.
PARTS = ("purpose", "requirements", "theme", "subjects", "content", "targets", "organisation",
         "awards", "implementation")
# The roman-numbered parts, in order.
SECTIONS = ("aims", "scope", "standards", "quotas", "procedure", "implementation")
# The numbered points of part II, in order ("period" is always printed).
SCOPE = ("theme", "subjects", "content", "targets", "organisation", "period")
QUOTES = "\"“”„«»"
# The letters of points under a numbered part, as Vietnamese legal texts use them.
LETTERS = tuple("abcdđeghiklmnopqrstuvxy")


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
        "theme_lines": theme_lines(parts["theme"]),
        "target_lines": lettered(parts["targets"]),
        "num": numbering(parts, has_standards=offers, has_quotas=offers),
        "awards": awards,
        "superior_body": book.cluster.superior_body,
        "files_deadline": _deadline(tl.files_milestone(book.timeline)),
        "members_files_deadline": _deadline(tl.members_files_milestone(book.timeline)),
        "leader": result.leader_next.name,
        "deputy": result.deputy_next.name,
        **c.officer_words(book),
        "timeline_rows": timeline_rows(book.timeline),
    }


def citations(book: Workbook) -> list[str]:
    """The laws and decrees on awards the plan rests on ('Luật Thi đua, khen thưởng ngày …').

    The template prints each as 'Căn cứ …;' before its line on the year-end conference.
    """
    return [c.citation(x).rstrip(";.") for x in book.citations if x.role == "award_basis"]


def plan_parts(book: Workbook) -> dict[str, list[str]]:
    """The plan sheet's points by part, one paragraph per typed line, in sheet order."""
    return {code: [] for code in PARTS} | c.plan_lines(book)


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
    num |= _numbered(SCOPE, filled | {"period": True}, str)
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


def lettered(items: list[str]) -> list[str]:
    """Points 'a) …;' … the last ending '.'; past 'y' they are numbered '24) …'."""
    return [f"{LETTERS[i] if i < len(LETTERS) else i + 1}) {line}"
            for i, line in enumerate(c.listed(items, prefix=""))]


def theme_lines(lines: list[str]) -> list[str]:
    """The year's theme (slogan) lines, each in quotation marks unless typed with them."""
    return [line if line[:1] in QUOTES else f"“{line.rstrip('.')}”" for line in lines]


def award_terms(book: Workbook) -> list[dict[str, Any]]:
    """Per award the cluster may propose next year (places for someone), highest first:
    its number in part III, its name, its standard (`criteria`, what follows 'xét tặng
    cho', with `criteria_lines` under it when the award table gives several lines), the
    share it needs with its comparison and base, and its places in words ('01 (một) tập
    thể và 02 (hai) cá nhân')."""
    forms = [(form, places) for form in book.award_forms if (places := quota_words(form))]
    terms: list[dict[str, Any]] = []
    for i, (form, places) in enumerate(forms, start=1):
        lead, lines = _criteria(form)
        terms.append({"num": str(i), "name": form.full_name, "criteria": lead,
                      "criteria_lines": lines, "share": share_words(form), "quota": places})
    return terms


def _criteria(form: AwardForm) -> tuple[str, list[str]]:
    """The award table's criteria as a lead ('tập thể dẫn đầu Cụm thi đua;' or, when more
    lines follow, '…, đạt các tiêu chuẩn sau:') and its further lines as list items; without
    criteria, who it is for ('tập thể, cá nhân;')."""
    typed = [line.strip() for line in (form.criteria or "").split("\n")]
    lines = [line for line in typed if line.strip(".;,:")]
    if not lines:
        nouns = [noun for target, noun in TARGET_NOUNS.items() if form.allows(target)]
        return ", ".join(nouns) + ";", []
    lead = lines[0].rstrip(".;,:")
    if len(lines) == 1:
        return lead + ";", []
    items = c.listed(lines[1:])
    return lead + ":", [*items[:-1], items[-1].removesuffix(".") + ";"]


def _deadline(milestone: Milestone | None) -> str | None:
    """A task's deadline as typed ('Trước 20/12/2022'), or None without the task (then the
    template leaves the line out, or defers to the superior body's guidance)."""
    return milestone.deadline.rstrip(".") if milestone is not None else None


def timeline_rows(timeline: list[Milestone]) -> list[dict[str, str]]:
    """The timetable in date order (`timeline.in_date_order`): STT, task, deadline, unit
    responsible."""
    return [
        {"stt": str(i), "task": m.task, "deadline": m.deadline, "responsible": m.responsible}
        for i, m in enumerate(tl.in_date_order(timeline), start=1)
    ]


def renditions(book: Workbook, result: Outcome) -> list[Rendition]:
    """The kind's one file."""
    return [Rendition(None, context(book, result))]
