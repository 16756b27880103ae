"""Measure how long a user waits on `docgen build` for the sample workbook.

Run: python benchmarks/bench_build.py [N]. Prints the median milliseconds of intake, of each
document's render and Decree 30 check, and of a whole in-process build (the year's set: 14
documents) over N runs, then the wall time of one cold `docgen build` in a fresh process.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from docgen import build, intake, rules
from docgen.check import lint
from docgen.documents import KINDS
from docgen.render import Template

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "cum-ix-2021.xlsx"


def _ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(runs: int = 10) -> None:
    """Print the figures."""
    book = intake.read_workbook(SAMPLE)
    result = rules.outcome(book)
    print(f"runs: {runs}")
    print(f"intake (read + validate): {_ms(lambda: intake.read_workbook(SAMPLE), runs):8.1f} ms")
    for kind in KINDS.values():
        renditions = kind.renditions(book, result)
        if not renditions:  # the sample proposes no individual
            print(f"render {kind.code:<20}: (không có văn bản trong sổ mẫu)")
            continue
        template = Template.load(build.TEMPLATES_DIR / kind.template)
        context = renditions[0].context
        median = _ms(partial(template.render, context), runs)
        print(f"render {kind.code:<20}: {median:8.1f} ms")
        data = template.render(context)
        print(f"lint   {kind.code:<20}: {_ms(partial(lint, data), runs):8.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        whole = _ms(lambda: build.build(SAMPLE, Path(tmp)), runs)
        print(f"whole build (in process): {whole:8.1f} ms")
        start = time.perf_counter()
        subprocess.run(["docgen", "build", str(SAMPLE), "--out", tmp], check=True,
                       capture_output=True)
        print(f"cold `docgen build`:      {(time.perf_counter() - start) * 1000:8.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
