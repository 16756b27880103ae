"""Time the Decree 30 linter on built documents: median milliseconds of `lint_counting`.

Run: python benchmarks/bench_lint.py [--runs N] [FOLDER ...]

Each .docx of each FOLDER (default: the sample workbook's documents and those of a
generated 300-member workbook, built once into the temp folder with `docgen build`) is
opened once with python-docx; `lint_counting(document)` (what a build runs on every
document it renders) is then timed `--runs` times. Prints the median per document and the
sum of the medians per folder. The machine may be shared: compare runs made one after the
other, not figures of different days.
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
        total = 0.0
        print(f"{folder}:")
        for path in sorted(folder.rglob("*.docx")):
            median = time_lint(path, args.runs)
            total += median
            print(f"  {median:9.1f} ms  {path.name}")
        print(f"  {total:9.1f} ms  total (sum of medians)")


def time_lint(path: Path, runs: int) -> float:
    """Median milliseconds of `lint_counting` on the document at `path`, opened once."""
    document = open_document(path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        lint_counting(document)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


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
