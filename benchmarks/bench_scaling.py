"""Measure how docgen's time grows with the number of members of a cluster.

Run: python benchmarks/bench_scaling.py [SIZES...] (default 100 300 1000 2000). For each size
it writes the sample grown to that many members (benchmarks/large_workbook.py, with a merged
range per two new members), then prints the seconds of intake (read + validate), rules
(totals, ranks, votes) and a whole in-process build (the year's documents, checked and
archived, no PDF), and each figure per member in milliseconds: a step that grows linearly
keeps its per-member figure flat as the size grows. "of which read" is the part of intake
that only parses the package (docgen.intake.xlsx), the rest is checking the values.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from docgen import build, intake, rules
from docgen.intake import xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from large_workbook import write_workbook  # a sibling script, not a package

SIZES = (100, 300, 1000, 2000)


def _seconds(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def measure(members: int, folder: Path) -> dict[str, float]:
    """Seconds of intake, rules and a whole build for a workbook of `members` members."""
    path = write_workbook(folder / f"cum-{members}.xlsx", members, merged=True)
    parsed, _ = _seconds(lambda: xlsx.read_book(path.read_bytes()))
    read, book = _seconds(lambda: intake.read_workbook(path))
    computed, _ = _seconds(lambda: rules.outcome(book))  # type: ignore[arg-type]
    built, _ = _seconds(lambda: build.build(path, folder / f"out-{members}"))
    return {"intake": read, "parse": parsed, "rules": computed, "build": built}


def main(sizes: tuple[int, ...] = SIZES) -> None:
    """Print the figures, one line per size."""
    print(f"{'members':>8} {'intake s':>9} {'of which read':>13} {'rules s':>8} {'build s':>8}   "
          f"{'ms/member: intake':>17} {'rules':>6} {'build':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for members in sizes:
            t = measure(members, Path(tmp))
            per = {k: v * 1000 / members for k, v in t.items()}
            print(f"{members:>8} {t['intake']:>9.2f} {t['parse']:>13.2f} {t['rules']:>8.3f} "
                  f"{t['build']:>8.2f}   "
                  f"{per['intake']:>17.2f} {per['rules']:>6.3f} {per['build']:>6.2f}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
