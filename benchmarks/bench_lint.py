"""Time the Decree 30 linter on built documents: median milliseconds of `lint_counting`.

Run: python benchmarks/bench_lint.py [--runs N] [FOLDER ...]

Each .docx of each FOLDER (default: the sample workbook's documents and those of a
generated 300-member workbook, built once into the temp folder with `docgen build`) is
opened once with python-docx; `lint_counting(document)` (what a build runs on every
document it renders) is then timed `--runs` times. Prints the median per document and the
sum of the medians per folder, and the first run alone ("first"): a build lints each
document once, when what the linter keeps per styles part (formats worked out for a
template's documents) holds only what earlier documents of the run left. Times are CPU
seconds of this process (`time.process_time`), less disturbed by other work on a shared
machine than wall-clock time; still compare runs made one after the other.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docgen.check import lint_counting, open_document

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "samples" / "cum-ix-2021.xlsx"
MEMBERS = 300


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args(argv)
    folders = args.folders or default_folders()
    for folder in folders:
        firsts = medians = 0.0
        print(f"{folder}:")
        print(f"  {'first':>9}     {'median':>9}")
        for path in sorted(folder.rglob("*.docx")):
            first, median = time_lint(path, args.runs)
            firsts += first
            medians += median
            print(f"  {first:9.1f} ms  {median:9.1f} ms  {path.name}")
        print(f"  {firsts:9.1f} ms  {medians:9.1f} ms  total")


def time_lint(path: Path, runs: int) -> tuple[float, float]:
    """CPU milliseconds of the first `lint_counting` of the document at `path` (opened
    once) and the median of `runs` more."""
    document = open_document(path)
    times = []
    for _ in range(runs + 1):
        start = time.process_time()
        lint_counting(document)
        times.append((time.process_time() - start) * 1000)
    return times[0], statistics.median(times[1:])


def default_folders() -> list[Path]:
    """The documents of the sample workbook and of a 300-member one, built once."""
    cache = Path(tempfile.gettempdir()) / "docgen-bench-lint"
    sys.path.insert(0, str(HERE))
    from large_workbook import write_workbook

    large = cache / f"members-{MEMBERS}.xlsx"
    if not large.exists():
        cache.mkdir(parents=True, exist_ok=True)
        write_workbook(large, MEMBERS)
    folders = []
    for workbook, name in ((SAMPLE, "sample"), (large, f"members-{MEMBERS}")):
        out = cache / name
        if not any(out.rglob("*.docx")):
            subprocess.run([sys.executable, "-m", "docgen", "build", str(workbook),
                            "--out", str(out)], check=True, capture_output=True)
        folders.append(out)
    return folders


if __name__ == "__main__":
    main()
