"""Turn any .docx into a list of findings against Decree 30/2020/NĐ-CP (Phụ lục I).

    findings = lint(Path("to-trinh.docx"))       # or lint(docx_bytes)
    for item in findings:
        print(format_finding(item))

The checks read effective formatting (run, character style, paragraph style, docDefaults)
and find the document's parts by their text, so any .docx can be checked, not only those
docgen builds. Rules and limits are data in `docgen.check.rules`.
"""

from __future__ import annotations

from docgen.check.engine import (
    DocumentUnreadable,
    count_fill_ins,
    ensure_conforms,
    lint,
    lint_counting,
    lint_document,
    open_document,
)
from docgen.check.findings import Finding, as_dict, counts, format_finding, to_json
from docgen.check.report import (
    FileReport,
    failure_message,
    lint_files,
    report_text,
    reports_json,
)
from docgen.check.rules import BY_ID, RULES, Rule

__all__ = [
    "BY_ID",
    "RULES",
    "DocumentUnreadable",
    "FileReport",
    "Finding",
    "Rule",
    "as_dict",
    "count_fill_ins",
    "counts",
    "ensure_conforms",
    "failure_message",
    "format_finding",
    "lint",
    "lint_counting",
    "lint_document",
    "lint_files",
    "open_document",
    "report_text",
    "reports_json",
    "to_json",
]
