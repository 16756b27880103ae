"""Run real `docgen build` processes against one archive the way a busy shared drive would:
several clusters at once, two builds of one set at once, builds killed at random moments,
and builds of one kind told to keep a document edited by hand, killed at random moments.

    python benchmarks/fault_sweep.py [ROUNDS] [KILLS]

Prints one row per kind of case: tried, survived (exit 0 and a set that verifies), clear
errors (exit 1 with a Vietnamese message), tracebacks, lost data (a set that no longer
verifies, or a document gone). The last two columns must be 0.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import archive  # noqa: E402
from docgen.archive import layout  # noqa: E402

SAMPLE = ROOT / "samples" / "cum-ix-2021.xlsx"


@dataclass
class Tally:
    """Outcomes of one kind of case."""

    tried: int = 0
    survived: int = 0
    clear: int = 0
    tracebacks: int = 0
    lost: int = 0

    def add(self, code: int, stderr: str) -> None:
        self.tried += 1
        if "Traceback" in stderr:
            self.tracebacks += 1
        elif code == 0:
            self.survived += 1
        elif stderr.startswith("Lỗi: ") or "Sổ tính có" in stderr:
            self.clear += 1
        else:
            self.tracebacks += 1


def numbered(folder: Path, number: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"wb{number}.xlsx"
    shutil.copy(SAMPLE, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin chung"]
    for row in sheet.iter_rows(min_row=1, max_col=1):
        if row[0].value == "Số hiệu Cụm":
            sheet.cell(row=row[0].row, column=2).value = number
    book.save(path)
    return path


def start(workbook: Path, out: Path, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "docgen.cli", "build", str(workbook),
                             "--out", str(out), *options], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def lost_sets(out: Path, expected: dict[str, int]) -> int:
    """Sets missing, failing verify, or holding fewer documents than expected."""
    sets = {s.cluster: s for s in archive.list_sets(out)}
    lost = 0
    for cluster, documents in expected.items():
        info = sets.get(cluster)
        if info is None or archive.verify_set(info) or len(info.documents) != documents:
            lost += 1
    return lost


def concurrent(work: Path, rounds: int, numbers: list[int]) -> Tally:
    tally = Tally()
    out = work / "R"
    workbooks = [numbered(work, n) for n in numbers]
    expected = {layout.cluster_slug(n): 8 for n in numbers}
    for _ in range(rounds):
        children = [start(wb, out) for wb in workbooks]
        for child in children:
            _, stderr = child.communicate(timeout=300)
            tally.add(child.returncode, stderr)
        tally.lost += lost_sets(out, expected)
    return tally


def killed(work: Path, kills: int) -> Tally:
    tally = Tally()
    out = work / "K"
    start(SAMPLE, out).communicate(timeout=300)
    for _ in range(kills):
        child = start(SAMPLE, out)
        time.sleep(random.uniform(0.2, 2.0))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        tally.tried += 1
        tally.lost += lost_sets(out, {"cum-ix": 8})
        after = start(SAMPLE, out)
        _, stderr = after.communicate(timeout=300)
        if after.returncode == 0 and not lost_sets(out, {"cum-ix": 8}):
            tally.survived += 1
        elif "Traceback" in stderr:
            tally.tracebacks += 1
        else:
            tally.clear += 1
    leftovers = [p.name for p in (out / "2021").iterdir()
                 if "staging" in p.name or ".old-" in p.name]
    tally.lost += len(leftovers)
    return tally


def killed_keeping(work: Path, kills: int) -> Tally:
    """Edit the proposal by hand, kill a `--only to-trinh --giu-ban-sua` build at random,
    and count as lost any round where the edited bytes are no longer in the set."""
    tally = Tally()
    out = work / "E"
    start(SAMPLE, out).communicate(timeout=300)
    folder = out / "2021" / "cum-ix"
    keep = ("--only", "to-trinh", "--giu-ban-sua")
    for round_ in range(kills):
        proposal = folder / "2021_cum-ix_to-trinh.docx"
        edited = proposal.read_bytes() + f" edit {round_}".encode()
        proposal.write_bytes(edited)
        child = start(SAMPLE, out, *keep)
        time.sleep(random.uniform(0.2, 2.0))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        tally.tried += 1
        if edited not in holdings(folder):
            tally.lost += 1
        after = start(SAMPLE, out, *keep)
        _, stderr = after.communicate(timeout=300)
        sound = lost_sets(out, {"cum-ix": 8}) == 0 and edited in holdings(folder)
        if after.returncode == 0 and sound:
            tally.survived += 1
        elif "Traceback" in stderr:
            tally.tracebacks += 1
        else:
            tally.clear += 1
            tally.lost += 0 if sound else 1
    return tally


def holdings(folder: Path) -> list[bytes]:
    """The bytes of every document in a set folder."""
    return [p.read_bytes() for p in folder.glob("*.docx")]


def main(argv: list[str]) -> None:
    rounds = int(argv[0]) if argv else 20
    kills = int(argv[1]) if len(argv) > 1 else 20
    random.seed(2026)
    rows = []
    with tempfile.TemporaryDirectory(prefix="docgen-sweep-") as folder:
        work = Path(folder)
        started = time.monotonic()
        rows.append(("4 clusters at once", concurrent(work / "a", rounds, [9, 10, 11, 12])))
        rows.append(("2 builds of one set at once", concurrent(work / "b", rounds // 2,
                                                              [9, 9])))
        rows.append(("build killed at random", killed(work / "c", kills)))
        rows.append(("keeping an edit, killed", killed_keeping(work / "d", kills)))
        elapsed = time.monotonic() - started
    print(f"{'case':<30}{'tried':>7}{'survived':>10}{'clear':>7}{'traceb.':>9}{'lost':>6}")
    for name, t in rows:
        print(f"{name:<30}{t.tried:>7}{t.survived:>10}{t.clear:>7}{t.tracebacks:>9}{t.lost:>6}")
    print(f"({elapsed:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
