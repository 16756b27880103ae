"""Compare docgen's renderer and builds with docxtpl and with floors, in one run.

Run: python benchmarks/bench_compare.py [--runs N] [--cold-runs N] [--members N]
                                       [--instructions]

Prints three tables and the targets they are measured against:

1. Rendering one decree-style template (benchmarks/decree_template.py) at 20 and 500
   table rows, median milliseconds of N warm renders (bytes of a .docx out): docgen's
   `Template` kept between renders; docxtpl as its users call it (a new DocxTemplate from
   the template's bytes, render, save to memory); docxtpl reusing one DocxTemplate; and the
   floor (benchmarks/floor.py: unzip once, docxtpl's clean-up and Jinja compile once, per
   render only Jinja and a deflated zip). Each engine's output is opened with python-docx
   and must hold the header row and every data row. Ratios are to the floor.
2. A cold `python -m docgen build` of the sample workbook (lint included) in a fresh
   process: wall time and peak RSS, median of the cold runs (after a first one that saves
   the prepared templates in a scratch cache folder, shown on its own line, as a new
   installation's first build), against its floor job (a fresh
   process that reads the workbook with openpyxl read-only and writes as many zips, of the
   same parts, as the build wrote), and against that floor job reading back what it wrote
   (`floor.py --read-back`: parse each document's paragraph parts and read every paragraph's
   text once, the least a build that checks its documents must add).
3. The same for a generated workbook of --members members (default 300), made by
   benchmarks/large_workbook.py (`write_workbook(path, members)`) and cached in the temp
   folder; skipped with a message when that module is absent.

With --instructions, each cold comparison also runs one build (templates prepared) and
both floor jobs under valgrind's callgrind and prints the CPU instructions each ran and their
ratio: the same count on a busy machine as on an idle one, where wall times of the same
code vary by a third (a shared machine). Adds about 2 minutes for the sample and 6 for 300
members; skipped with a message when valgrind is not installed.

The fresh processes read docgen's bytecode, compiled once beforehand into the scratch folder
(PYTHONPYCACHEPREFIX), as an installed package has it; PYTHONDONTWRITEBYTECODE is unset
for them.

Peak RSS is what `/usr/bin/time -v` prints for the fresh process (without /usr/bin/time,
what wait4 reports, which counts this process's own size at the fork: an upper bound).
The load average is printed first and last: on a loaded machine compare the ratios, not
the absolute times.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import decree_template
from docx import Document
from docxtpl import DocxTemplate  # type: ignore[import-untyped,unused-ignore]
from floor import FloorRenderer

from docgen.render import Template

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "samples" / "cum-ix-2021.xlsx"
ROW_COUNTS = (20, 500)
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
VALGRIND = shutil.which("valgrind")
Render = Callable[[Mapping[str, Any]], bytes]


def _median_ms(call: Callable[[], object], runs: int, warm: int = 2) -> float:
    for _ in range(warm):
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _docxtpl_fresh(data: bytes) -> Render:
    def render(context: Mapping[str, Any]) -> bytes:
        document = DocxTemplate(io.BytesIO(data))
        document.render(dict(context), autoescape=True)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    return render


def _docxtpl_reused(data: bytes) -> Render:
    document = DocxTemplate(io.BytesIO(data))

    def render(context: Mapping[str, Any]) -> bytes:
        document.render(dict(context), autoescape=True)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    return render


def _engines(data: bytes) -> dict[str, Render]:
    template = Template("quyet-dinh.docx", data, trusted=True)
    return {
        "docgen Template (kept, warm)": template.render,
        "docxtpl, new DocxTemplate each": _docxtpl_fresh(data),
        "docxtpl, one DocxTemplate reused": _docxtpl_reused(data),
        "floor (unzip once+Jinja+zip)": FloorRenderer(data).render,
    }


def _check_output(engine: str, data: bytes, context: Mapping[str, Any]) -> None:
    """The document opens with python-docx; its last table has the header and every row."""
    table = Document(io.BytesIO(data)).tables[-1]
    rows = context["rows"]
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    expected = [list(decree_template.COLUMNS)] + [
        [person[field] for field in decree_template.FIELDS] for person in rows]
    if texts != expected:
        raise SystemExit(f"{engine}: the table of its document has {len(texts) - 1} rows "
                         f"({len(rows)} expected) or other text")


def render_table(runs: int) -> dict[str, dict[int, float]]:
    """Time every engine at every row count; print and return the medians (ms)."""
    data = decree_template.template_bytes()
    contexts = {rows: decree_template.context(rows) for rows in ROW_COUNTS}
    timings: dict[str, dict[int, float]] = {}
    for engine, render in _engines(data).items():
        timings[engine] = {}
        for rows, context in contexts.items():
            _check_output(engine, render(context), context)
            timings[engine][rows] = _median_ms(partial(render, context), runs)
    floor = timings["floor (unzip once+Jinja+zip)"]
    print(f"\n1. Rendering one decree template (median of {runs} warm renders; every "
          "output opened with python-docx, all rows present)")
    print(f"{'engine':<34}{'20 rows ms':>12}{'500 rows ms':>13}"
          f"{'÷floor@20':>11}{'÷floor@500':>12}")
    for engine, by_rows in timings.items():
        print(f"{engine:<34}{by_rows[20]:>12.1f}{by_rows[500]:>13.1f}"
              f"{by_rows[20] / floor[20]:>10.2f}×{by_rows[500] / floor[500]:>11.2f}×")
    return timings


class Failed(Exception):
    """A fresh process ended in failure (docgen is being changed under the benchmark)."""


# The fresh processes' environment: Python's bytecode of docgen compiled once beforehand
# into a scratch folder (`with_bytecode`), as pip compiles an installed package, even where
# PYTHONDONTWRITEBYTECODE is set (it would make every cold process compile docgen again).
_COLD_ENV = dict(os.environ)


def with_bytecode(scratch: Path) -> None:
    """Compile docgen's modules into `scratch` and have the cold processes read them."""
    _COLD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    _COLD_ENV["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "docgen")],
                   env=_COLD_ENV, check=True, stdout=subprocess.DEVNULL)


@dataclass(frozen=True)
class Cold:
    """One fresh process: wall seconds and peak resident set (MiB)."""

    seconds: float
    peak_mib: float


def run_cold(argv: list[str]) -> Cold:
    """Run `argv` in a fresh process; raise Failed with the end of its stderr if it fails.

    Why /usr/bin/time: the kernel's peak RSS of a child forked from this (large) process
    starts at this process's size; `time` is a small process that forks the command."""
    with tempfile.TemporaryDirectory() as folder:
        report, errors = Path(folder) / "time.txt", Path(folder) / "stderr.txt"
        timed = ([TIME, "-v", "-o", str(report), *argv] if TIME else argv)
        with errors.open("wb") as sink:
            start = time.perf_counter()
            process = subprocess.Popen(timed, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=sink,
                                       env=_COLD_ENV)
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            tail = errors.read_text("utf-8", "replace").strip().splitlines()[-3:]
            raise Failed(f"{' '.join(argv[1:4])} … exited with {process.returncode}: "
                         + " / ".join(tail))
        if TIME:
            found = re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                              report.read_text("utf-8"))
            if found is None:
                raise SystemExit(f"{TIME} -v printed no maximum resident set size")
            return Cold(seconds, int(found.group(1)) / 1024)
    # ru_maxrss: KiB on Linux, bytes on macOS; an upper bound here (see above)
    return Cold(seconds, usage.ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10))


def _median(runs: list[Cold]) -> Cold:
    return Cold(statistics.median(r.seconds for r in runs),
                statistics.median(r.peak_mib for r in runs))


@dataclass(frozen=True)
class ColdSet:
    """One cold comparison: the first build ever, the medians of the builds, of the floor
    job and of the floor job reading its documents back (`floor.read_back`); the documents
    built."""

    first: Cold
    build: Cold
    floor: Cold
    read_back: Cold
    documents: list[Path]


_FLOOR_OPTIONS = ("", "--read-back")  # the floor job, and the floor job reading back


def _build_argv(workbook: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "docgen", "build", str(workbook), "--out", str(out)]


def _floor_argv(workbook: Path, built: Path, out: Path, option: str) -> list[str]:
    return [sys.executable, str(HERE / "floor.py"), str(workbook), str(built), str(out),
            *([option] if option else [])]


def cold_pair(workbook: Path, scratch: Path, runs: int) -> ColdSet:
    """The first cold `docgen build` of `workbook` with no prepared template saved yet (a
    new installation), the median of the next `runs` (templates loaded from the cache
    docgen.render.cache keeps, here a scratch folder), the medians of its floor job without
    and with reading back what it wrote; and the documents built."""
    scratch.mkdir(parents=True)
    _COLD_ENV["DOCGEN_CACHE"] = str(scratch / "cache")
    builds = []
    for index in range(runs + 1):
        out = scratch / f"build-{index}"
        builds.append(run_cold(_build_argv(workbook, out)))
    first, builds = builds[0], builds[1:]
    built = scratch / f"build-{runs - 1}"
    documents = sorted(built.rglob("*.docx"))
    floors: dict[str, list[Cold]] = {option: [] for option in _FLOOR_OPTIONS}
    for index in range(runs):
        for option, times in floors.items():
            out = scratch / f"floor{option}-{index}"
            out.mkdir()
            times.append(run_cold(_floor_argv(workbook, built, out, option)))
            written = sorted(out.glob("*.docx"))
            if len(written) != len(documents):
                raise Failed(f"the floor job wrote {len(written)} zips, "
                             f"the build {len(documents)}")
    return ColdSet(first, _median(builds), _median(floors[""]),
                   _median(floors["--read-back"]), documents)


def instructions(argv: list[str]) -> int:
    """The CPU instructions a fresh process running `argv` executes, counted by valgrind's
    callgrind; raise Failed if it fails."""
    assert VALGRIND is not None
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "callgrind.log"
        done = subprocess.run([VALGRIND, "--tool=callgrind",
                               f"--callgrind-out-file={Path(folder) / 'callgrind.out'}",
                               f"--log-file={log}", *argv], cwd=ROOT, env=_COLD_ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        found = re.search(r"Collected : (\d+)", log.read_text("utf-8", "replace"))
        if done.returncode != 0 or found is None:
            raise Failed(f"{' '.join(argv[1:4])} … under valgrind exited with "
                         f"{done.returncode}")
        return int(found.group(1))


def instruction_pair(workbook: Path, scratch: Path) -> tuple[int, int, int]:
    """The instructions of one cold build of `workbook` (its templates prepared by
    `cold_pair` before, in the same scratch folder), of its floor job and of its floor job
    reading back."""
    out = scratch / "build-counted"
    build = instructions(_build_argv(workbook, out))
    counts = []
    for option in _FLOOR_OPTIONS:
        folder = scratch / f"floor{option}-counted"
        folder.mkdir()
        counts.append(instructions(_floor_argv(workbook, out, folder, option)))
    floor, read_back = counts
    return build, floor, read_back


def print_instructions(build: int, floor: int, read_back: int) -> None:
    print(f"{'instructions (valgrind), build':<34}{build / 1e9:>8.2f} G")
    print(f"{'instructions, floor job':<34}{floor / 1e9:>8.2f} G")
    print(f"{'instructions, floor reading back':<34}{read_back / 1e9:>8.2f} G")
    print(f"{'ratio build ÷ floor, instructions':<34}{build / floor:>8.2f}×")
    print(f"{'ratio build ÷ floor reading back':<34}{build / read_back:>8.2f}×")


def print_cold(title: str, cold: ColdSet) -> None:
    size = sum(path.stat().st_size for path in cold.documents) / 1024
    print(f"\n{title} ({len(cold.documents)} documents, {size:.0f} KiB)")
    print(f"{'process':<34}{'wall s':>9}{'peak MiB':>10}")
    rows = [("  first ever (nothing prepared)", cold.first),
            ("docgen build (lint included)", cold.build), ("floor job", cold.floor),
            ("floor job reading back", cold.read_back)]
    for name, run in rows:
        print(f"{name:<34}{run.seconds:>9.2f}{run.peak_mib:>10.1f}")
    for name, floor in (("floor", cold.floor), ("floor reading back", cold.read_back)):
        print(f"{'ratio build ÷ ' + name:<34}{cold.build.seconds / floor.seconds:>8.2f}×"
              f"{cold.build.peak_mib / floor.peak_mib:>9.2f}×")


def large_workbook(members: int) -> Path | None:
    """The generated workbook of `members` members, cached in the temp folder (keyed by the
    generator's source and the sample it grows); None when benchmarks/large_workbook.py does
    not exist."""
    generator = HERE / "large_workbook.py"
    if not generator.exists():
        return None
    digest = hashlib.sha256(generator.read_bytes() + SAMPLE.read_bytes()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / "docgen-bench-compare"
    path = cache / f"workbook-{members}-{digest}.xlsx"
    if not path.exists():
        cache.mkdir(exist_ok=True)
        module = importlib.import_module("large_workbook")
        part = cache / f".{path.name}.part.xlsx"
        module.write_workbook(part, members)
        part.replace(path)
    return path


def targets(timings: dict[str, dict[int, float]], sample: tuple[Cold, Cold, Cold] | None,
            large: tuple[Cold, Cold, Cold] | None) -> None:
    """Print each issue-17 target with the measured figure."""
    docgen = timings["docgen Template (kept, warm)"]
    floor = timings["floor (unzip once+Jinja+zip)"]
    docxtpl = timings["docxtpl, new DocxTemplate each"]
    lines = [(f"renderer ≤ 1.5× floor at 20 rows: {docgen[20] / floor[20]:.2f}×",
              docgen[20] <= 1.5 * floor[20]),
             (f"renderer ≤ 1.5× floor at 500 rows: {docgen[500] / floor[500]:.2f}×",
              docgen[500] <= 1.5 * floor[500]),
             (f"renderer ≥ 3× faster than docxtpl at 20 rows: {docxtpl[20] / docgen[20]:.2f}×",
              docxtpl[20] >= 3 * docgen[20])]
    if sample is not None:
        build, job, _ = sample
        lines.append((f"cold sample build ≤ 0.5 s and ≤ 80 MiB: {build.seconds:.2f} s, "
                      f"{build.peak_mib:.0f} MiB", build.seconds <= 0.5 and build.peak_mib <= 80))
        lines.append((f"(loaded machine) cold sample build ≤ 2.5× its floor: "
                      f"{build.seconds / job.seconds:.2f}×", build.seconds <= 2.5 * job.seconds))
    if large is not None:
        build, job, back = large
        lines.append((f"large build ≤ 2× its floor: {build.seconds / job.seconds:.2f}×",
                      build.seconds <= 2 * job.seconds))
        lines.append((f"(proposed) large build ≤ 2× its floor reading back: "
                      f"{build.seconds / back.seconds:.2f}×", build.seconds <= 2 * back.seconds))
    print("\nTargets (issue 17)")
    for text, met in lines:
        print(f"  [{'met' if met else 'NOT met'}] {text}")


def _cold_section(title: str, workbook: Path, scratch: Path, runs: int,
                  counted: bool = False) -> tuple[Cold, Cold, Cold] | None:
    """Print one cold comparison (with `counted`, its instructions too); None (and the
    reason printed) when a process failed."""
    try:
        cold = cold_pair(workbook, scratch, runs)
    except Failed as exc:
        print(f"\n{title}: failed: {exc}")
        return None
    print_cold(title, cold)
    if counted and VALGRIND is None:
        print("instructions: skipped, valgrind is not installed")
    elif counted:
        try:
            print_instructions(*instruction_pair(workbook, scratch))
        except Failed as exc:
            print(f"instructions: failed: {exc}")
    return cold.build, cold.floor, cold.read_back


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> None:
    """Parse the options, run the three comparisons, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20, help="warm renders per median")
    parser.add_argument("--cold-runs", type=int, default=3, help="fresh processes per median")
    parser.add_argument("--members", type=int, default=300, help="members of the large book")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of one build and floor job")
    args = parser.parse_args(argv)
    print(_load())
    timings = render_table(args.runs)
    scratch = Path(tempfile.mkdtemp(prefix="docgen-bench-compare-"))
    try:
        with_bytecode(scratch)
        sample = _cold_section(f"2. Cold build of the sample, median of {args.cold_runs}",
                               SAMPLE, scratch / "sample", args.cold_runs, args.instructions)
        workbook = large_workbook(args.members)
        title = f"3. Cold build of a {args.members}-member workbook"
        if workbook is None:
            print(f"\n{title}: skipped: benchmarks/large_workbook.py not found")
            large = None
        else:
            large = _cold_section(f"{title}, median of {args.cold_runs}", workbook,
                                  scratch / "large", args.cold_runs, args.instructions)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    targets(timings, sample, large)
    print(f"\n{_load()}")


if __name__ == "__main__":
    main()
