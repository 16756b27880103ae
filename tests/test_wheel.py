"""A built wheel, installed in a fresh virtualenv outside the checkout, makes a year's documents.

This is what a clerk's IT person does: build (or receive) the wheel, `pip install` it, and run
docgen from any folder. The templates and the sample workbook must come from the installed
package, never from the repository; a checkout keeps using its top-level folders.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from docgen import resources
from docgen.kinds import KINDS
from docgen.render import SHIPPED
from tests.conftest import ROOT, SAMPLE_DOCUMENTS

BIN = "Scripts" if sys.platform == "win32" else "bin"

# Run in the fresh virtualenv: its shipped templates are trusted, so none reaches a child process.
TRUST = """
from docgen import resources
from docgen.render import SHIPPED, Template, bounded

def refuse(name, call):
    raise SystemExit(f"{name} went to a child process")

bounded.run = refuse
for path in sorted(resources.templates_dir().glob("*.docx")):
    assert Template.load(path).undeclared_variables(), path
print(SHIPPED)
"""


@dataclass(frozen=True)
class Installed:
    """The built wheel, the virtualenv it is installed in, and a work folder elsewhere."""

    wheel: Path
    env: Path
    site: Path
    work: Path

    @property
    def data(self) -> Path:
        """Where the wheel's templates and sample are installed."""
        return self.site / "docgen" / "_data"

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        """Run a program of the virtualenv in the work folder (not the checkout)."""
        environ = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        return subprocess.run([str(self.env / BIN / argv[0]), *argv[1:]], cwd=self.work,
                              env=environ, capture_output=True, text=True, timeout=120,
                              check=False)

    def docgen(self, *argv: str) -> str:
        """Run `docgen ARGV`; return its output, failing the test when it fails."""
        done = self.run("docgen", *argv)
        # a build's drafts still hold fill-in markers: one warning line per document
        problems = [line for line in done.stderr.splitlines() if "chỗ cần bổ sung" not in line]
        assert (done.returncode, problems) == (0, []), argv
        return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    dist, env, work = root / "dist", root / "env", root / "work"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = dist.glob("docgen-*.whl")
    site = _fresh_env(env)
    subprocess.run([str(env / BIN / "python"), "-m", "pip", "install", "-q", "--no-deps",
                    "--no-index", "--force-reinstall", str(wheel)], check=True,
                   capture_output=True, timeout=300)
    work.mkdir()
    return Installed(wheel, env, site, work)


def _fresh_env(env: Path) -> Path:
    """Make a virtualenv that sees this environment's packages (docgen's dependencies, pip)
    without a download, after its own; return its site-packages, resolved. A path in a .pth
    file is only appended to sys.path, so the wheel's docgen, in the virtualenv's own
    site-packages, comes first, and an editable docgen here (a .pth of its own) stays out."""
    venv.create(env, with_pip=False, symlinks=sys.platform != "win32")
    done = subprocess.run([str(env / BIN / "python"), "-c",
                           "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True)
    site = Path(done.stdout.strip()).resolve()
    ours = dict.fromkeys(sysconfig.get_path(key) for key in ("purelib", "platlib"))
    (site / "_test_dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return site


def test_a_checkout_uses_its_top_level_folders() -> None:
    assert resources.templates_dir() == SHIPPED == (ROOT / "templates").resolve()
    assert resources.sample_workbook() == (ROOT / "samples" / "cum-ix-2021.xlsx").resolve()


@pytest.mark.slow
def test_the_wheel_carries_the_templates_and_the_sample(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        data = sorted(n for n in wheel.namelist() if not n.endswith(".py")
                      and not n.startswith("docgen-"))
    templates = sorted(f"docgen/_data/templates/{p.name}"
                       for p in (ROOT / "templates").glob("*.docx"))
    assert len(templates) == len(KINDS)
    web = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docgen" / "web").rglob("*")
                 if p.is_file() and p.suffix in (".html", ".css", ".js"))
    assert len(web) >= 10  # the page's templates, style sheet and script
    assert data == sorted([*templates, "docgen/_data/samples/cum-ix-2021.xlsx", *web])


SERVE = """
import threading, urllib.request, tempfile
from pathlib import Path
from docgen.web import started
with started(Path(tempfile.mkdtemp())) as running:
    threading.Thread(target=running.serve_forever, daemon=True).start()
    for path in ("", "kiem-tra", "lap-van-ban", "so-moi", "the-thuc", "static/style.css",
                 "static/app.js"):
        with urllib.request.urlopen(running.url + path) as answer:
            print(answer.status, len(answer.read()))
    running.stop()
"""


@pytest.mark.slow
def test_the_installed_wheel_serves_the_page(installed: Installed) -> None:
    done = installed.run("python", "-c", SERVE)
    assert done.returncode == 0, done.stderr
    answers = [line.split() for line in done.stdout.splitlines()]
    assert len(answers) == 7 and all(status == "200" and int(size) > 300
                                     for status, size in answers)
    with zipfile.ZipFile(installed.wheel) as wheel:
        points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
        text = wheel.read(points).decode("utf-8")
    assert "[gui_scripts]\ndocgen-trang = docgen.web:launch" in text


@pytest.mark.slow
def test_docgen_is_imported_from_the_wheel(installed: Installed) -> None:
    done = installed.run("python", "-c", "import docgen; print(docgen.__file__)")
    package = Path(done.stdout.strip()).resolve()
    assert package == installed.site / "docgen" / "__init__.py"
    assert package.is_relative_to(installed.env.resolve())


@pytest.mark.slow
def test_shipped_templates_of_the_wheel_are_trusted(installed: Installed) -> None:
    done = installed.run("python", "-c", TRUST)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip() == str(installed.data / "templates")


@pytest.mark.slow
def test_a_year_is_built_from_another_folder(installed: Installed) -> None:
    work, data = installed.work, installed.data
    assert installed.docgen("init", "--year", "2025", "x.xlsx").startswith(
        "Đã tạo sổ tính trống x.xlsx.")
    assert installed.docgen("sample", "s.xlsx") == (
        "Đã ghi sổ tính mẫu (Cụm IX, năm 2021) vào s.xlsx. Xem kết quả: docgen check s.xlsx; "
        "lập văn bản: docgen build s.xlsx\n")
    assert (work / "s.xlsx").read_bytes() == (ROOT / "samples" / "cum-ix-2021.xlsx").read_bytes()

    built = installed.docgen("build", "s.xlsx", "--out", "R")
    made = f"Đã lập {SAMPLE_DOCUMENTS} văn bản vào thư mục"
    assert built.startswith(f"{made} {Path('R/2021/cum-ix')}:\n")
    documents = sorted((work / "R" / "2021" / "cum-ix").glob("*.docx"))
    assert len(documents) == SAMPLE_DOCUMENTS

    listing = installed.docgen("templates", "list")
    shipped = [line.strip() for line in listing.splitlines() if "Tệp mẫu:" in line]
    assert len(shipped) == len(KINDS)
    assert all(line.startswith(f"Tệp mẫu: {data / 'templates'}") and line.endswith("(mẫu gốc)")
               for line in shipped)
    assert installed.docgen("templates", "check") == (
        f"Mọi mẫu đều dùng được (điền thử bằng {data / 'samples' / 'cum-ix-2021.xlsx'}).\n")

    exported = installed.docgen("templates", "export", "T")
    assert exported.startswith(f"Đã chép {len(KINDS)} mẫu gốc vào thư mục T:\n")
    assert sorted(p.name for p in (work / "T").iterdir()) == sorted(
        p.name for p in (ROOT / "templates").glob("*.docx"))
    rebuilt = installed.docgen("build", "s.xlsx", "--out", "R2", "--templates", "T")
    assert rebuilt.startswith(f"{made} {Path('R2/2021/cum-ix')}:\n")

    linted = installed.run("docgen", "lint", "--ban-nhap",
                           *(str(p.relative_to(work)) for p in documents))
    assert (linted.returncode, linted.stderr) == (0, "")
