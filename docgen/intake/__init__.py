"""Turn a cluster's .xlsx workbook into a validated `Workbook` model, or list every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docgen import model as m
from docgen.errors import Problem, ValidationFailed
from docgen.intake import assemble as a
from docgen.intake import award_forms as af
from docgen.intake import consistency
from docgen.intake import schema as s
from docgen.intake.reader import (
    Collector,
    Row,
    find_sheet,
    locate,
    open_checked,
    read_form,
    read_scores,
    read_table,
)

__all__ = ["read_workbook", "repair_workbook"]

_TABLES: dict[str, type[Any]] = {
    "members": m.Member,
    "attendance": m.Attendee,
    "citations": m.Citation,
    "movements": m.Movement,
    "registration": m.Registration,
    "results": m.Results,
    "criteria": m.Criterion,
    "scores": m.Score,
    "awards": m.AwardReceived,
    "award_forms": m.AwardForm,
    "votes": m.Vote,
    "narratives": m.Narrative,
    "plan": m.PlanItem,
    "timeline": m.Milestone,
    "pact": m.Commitment,
    "self_scores": m.SelfScore,
    "signing": m.Signing,
}


def read_workbook(path: Path, warnings: list[Problem] | None = None) -> m.Workbook:
    """Read and validate a workbook.

    Raises IntakeError when the file cannot be opened, and ValidationFailed listing every
    problem (sheet, cell, field, what was expected) when its content is wrong. Tolerable
    oddities that were repaired while reading (legacy TCVN3/VNI text converted to Unicode,
    control characters removed) are logged as warnings on the "docgen" logger and, when
    `warnings` is given, appended to it as they are found, even if the read then fails.
    """
    book, scan = open_checked(path)
    out = Collector(warnings=warnings if warnings is not None else [])
    legacy = _legacy_settings(book)
    sheets = {sheet.key: None if legacy is not None and sheet is s.AWARD_FORMS
              else locate(book, sheet) if sheet.optional
              else find_sheet(book, sheet, out) for sheet in s.SHEETS}
    forms: dict[str, Row] = {}
    rows: dict[str, list[Row]] = {}
    for sheet in s.SHEETS:
        ws = sheets[sheet.key]
        if ws is None or sheet.key == "scores":
            continue
        formulas = scan.uncalculated.get(ws.title)
        if sheet.form:
            forms[sheet.key] = read_form(ws, sheet, out, formulas)
        else:
            rows[sheet.key] = read_table(ws, sheet, out, formulas)
    if legacy is not None:
        decider = forms["cluster"].values.get("superior_head") if "cluster" in forms else None
        rows["award_forms"] = af.legacy_rows(legacy, decider, out,
                                             scan.uncalculated.get(legacy.title))
    members = a.records(m.Member, rows.get("members", []))
    a.check_members(rows.get("members", []), out)
    a.check_formats(rows.get("members", []), forms.get("cluster"), out)
    criteria = a.records(m.Criterion, rows.get("criteria", []))
    a.check_criteria(criteria, out)
    if s.CRITERIA.title in out.unreadable:
        out.unreadable.add(s.SCORES.title)  # its columns are the criteria's codes
    if sheets["scores"] is not None and criteria:
        scores = sheets["scores"]
        rows["scores"] = read_scores(scores, [c.code for c in criteria], out,
                                     scan.uncalculated.get(scores.title))
    _resolve_units(rows, out)
    if s.MEMBERS.title not in out.unreadable:
        a.resolve_attendance(rows.get("attendance", []), a.UnitIndex(rows.get("members", [])),
                             out)
    if s.CRITERIA.title not in out.unreadable:
        a.resolve_criteria(rows.get("pact", []), criteria, out)
        a.resolve_criteria(rows.get("self_scores", []), criteria, out)
    af.check_forms(rows.get("award_forms", []), out)
    if s.AWARD_FORMS.title not in out.unreadable:  # else one error already names the sheet
        awards = af.AwardIndex(rows.get("award_forms", []))
        for row in rows.get("votes", []):
            awards.resolve(row, out)
    a.check_scores(rows.get("scores", []), criteria, out)
    a.check_votes(rows.get("votes", []), out)
    records = {key: a.records(cls, rows.get(key, [])) for key, cls in _TABLES.items()}
    records["award_forms"].sort(key=lambda form: form.precedence)
    if s.NARRATIVES.title not in out.unreadable:
        a.check_narratives(records["narratives"], out)
    chosen = forms["settings"].values.get("period") if "settings" in forms else None
    period: m.Period = "half" if chosen == "half" else "year"
    singles = _forms(forms, out, period)
    a.check_signing(rows.get("signing", []), out, period)
    a.check_period(period, rows, forms.get("conference"), out.unreadable, out)
    if "cluster" in singles:
        a.check_issuer(singles["cluster"], members, out)
        records["results"], records["results_previous"] = a.split_results(
            records["results"], singles["cluster"].year, out)
    if "conference" in singles and s.MEMBERS.title not in out.unreadable:
        a.check_attendance(records["attendance"], members, singles["conference"],
                           forms["conference"], out)
    consistency.check({**records, "members": members}, singles, out)
    if out.problems:
        raise ValidationFailed(out.problems)
    return m.Workbook(**records, **singles)


def repair_workbook(source: Path, target: Path) -> list[Problem]:
    """Write to `target` a copy of `source` with legacy-encoded text converted to Unicode
    (see docgen.intake.repair; imported here only when used, since it loads openpyxl)."""
    from docgen.intake.repair import repair_workbook as repair

    return repair(source, target)


def _legacy_settings(book: Any) -> Any:
    """The settings sheet of a workbook made before the award table, or None."""
    if locate(book, s.AWARD_FORMS) is not None:
        return None
    settings = locate(book, s.SETTINGS)
    return settings if settings is not None and af.is_legacy(settings) else None


def _resolve_units(rows: dict[str, list[Row]], out: Collector) -> None:
    if s.MEMBERS.title in out.unreadable:
        return  # one error already names the sheet; every unit would repeat it
    units = a.UnitIndex(rows.get("members", []))
    for key in a.UNIT_SHEETS:
        seen: dict[str, int] = {}
        for row in rows.get(key, []):
            units.resolve(row, "unit", out)
            name = row.values.get("unit")
            if key in ("registration", "scores") and isinstance(name, str):
                if name in seen:
                    out.add(row.sheet, row.place("unit"), "Đơn vị",
                            f"đơn vị “{name}” đã có ở dòng {seen[name]}.")
                seen[name] = row.row


def _forms(forms: dict[str, Row], out: Collector, period: m.Period) -> dict[str, Any]:
    """Build the one-off records (cluster, conference, settings) from their forms; the
    year-end conference needs its ballot counts (a blank one is reported once, by
    `check_period`, and nothing is checked against it)."""
    classes = {"cluster": m.Cluster, "conference": m.Conference, "settings": m.Settings}
    result: dict[str, Any] = {}
    for key, cls in classes.items():
        form = forms.get(key)
        if key == "conference" and form is not None and period == "year" and any(
                form.values.get(f) is None for f in s.YEAR_CONFERENCE_FIELDS):
            continue
        if form is not None and a.complete(form):
            built = a.records(cls, [form])
            result[key] = built[0]
    conference = result.get("conference")
    if conference is not None:
        a.check_conference(conference, forms["conference"], out)
    return result
