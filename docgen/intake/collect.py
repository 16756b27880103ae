"""Turn the problems and warnings found while reading a workbook into two lists.

Problems stop the workbook from being used and are raised together at the end; warnings
are tolerable oddities that were repaired (a legacy-encoded name, a stray control
character). Each warning is also logged through logging.getLogger("docgen").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from docgen.errors import Problem

LOG = logging.getLogger("docgen")


@dataclass
class Collector:
    """Gathers problems and warnings while reading, in the order they are found."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # Titles of sheets that could not be read (missing, or a required column missing):
    # what depends on them is not reported again, so one cause gives one error.
    unreadable: set[str] = field(default_factory=set)

    def add(self, sheet: str, cell: str | None, column: str | None, message: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(sheet, cell, column, message))

    def warn(self, sheet: str, cell: str | None, column: str | None, message: str) -> None:
        """Record and log a warning."""
        warning = Problem(sheet, cell, column, message)
        self.warnings.append(warning)
        LOG.warning("%s", warning)
