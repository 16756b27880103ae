"""Turn the findings of several files into what `docgen lint` prints: Vietnamese text or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.check.engine import DocumentUnreadable, lint
from docgen.check.findings import Finding, as_dict, counts, format_finding

PASSED = "đạt thể thức Nghị định 30/2020/NĐ-CP."


@dataclass(frozen=True)
class FileReport:
    """The findings of one file; `problem` says why it could not be read (None if read)."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    problem: str | None = None

    @property
    def failed(self) -> bool:
        """Whether the file is unreadable or has at least one error (warnings pass)."""
        return self.problem is not None or counts(self.findings)[0] > 0


def lint_files(paths: Sequence[Path], *, final: bool = True) -> list[FileReport]:
    """Lint each file; an unreadable one gets a report with its `problem`, not an error.
    A fill-in marker left is an error unless `final` is False (a draft)."""
    reports = []
    for path in paths:
        try:
            reports.append(FileReport(str(path), lint(path, final=final)))
        except DocumentUnreadable as exc:
            reports.append(FileReport(str(path), problem=str(exc)))
    return reports


def report_text(report: FileReport) -> str:
    """'Tệp X: N lỗi, M cảnh báo' then one line per finding, or 'Tệp X: đạt thể thức …'."""
    if report.problem is not None:
        return report.problem
    if not report.findings:
        return f"Tệp {report.file}: {PASSED}"
    errors, warnings = counts(report.findings)
    lines = [f"Tệp {report.file}: {errors} lỗi, {warnings} cảnh báo"]
    return "\n".join(lines + [f"  {format_finding(f)}" for f in report.findings])


def reports_json(reports: Sequence[FileReport]) -> str:
    """A JSON array, one object per file: file, errors, warnings, findings (or error)."""
    return json.dumps([_file_json(r) for r in reports], ensure_ascii=False, indent=2)


def _file_json(report: FileReport) -> dict[str, Any]:
    if report.problem is not None:
        return {"file": report.file, "error": report.problem}
    errors, warnings = counts(report.findings)
    return {"file": report.file, "errors": errors, "warnings": warnings,
            "findings": [as_dict(f) for f in report.findings]}


def failure_message(reports: Sequence[FileReport]) -> str | None:
    """The closing message when some file failed (unreadable or with errors), else None."""
    unreadable = [r.problem for r in reports if r.problem is not None]
    wrong = sum(1 for r in reports if r.problem is None and r.failed)
    lines = [p for p in unreadable if p is not None]
    if wrong:
        lines.append(f"{wrong} tệp chưa đạt thể thức Nghị định 30/2020/NĐ-CP.")
    return "\n".join(lines) or None
