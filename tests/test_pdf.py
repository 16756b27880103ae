"""PDF for signing and keeping: LibreOffice headless, PDF/A-2b, fonts embedded, page counts in
the manifest; the conversion's process group and profile."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from docgen import pdf
from docgen.build import build
from tests.conftest import SAMPLE, SAMPLE_DOCUMENTS, needs_libreoffice
from tests.test_pdf_archival import write_pdf

PDFAID = "http://www.aiim.org/pdfa/ns/id/"

SEED_FACTS = {
    "bao-cao-tong-ket": ["108/KH-TTCP", "22/KH-CTĐ", "2100/CT-TTCP", "Sóc Trăng", "Kiên Giang",
                         "Bạc Liêu, ngày 22 tháng 12 năm 2021", "Bùi Thanh Nguyên"],
    "to-trinh": ["Cờ thi đua của Thanh tra Chính phủ", "Thanh tra tỉnh Sóc Trăng",
                 "Bằng khen của Tổng Thanh tra Chính phủ", "Thanh tra tỉnh Kiên Giang"],
    "ke-hoach": ["Kiên Giang, ngày 10 tháng 01 năm 2022", "Nguyễn Văn Đức", "Cà Mau"],
}


@pytest.fixture(scope="module")
def pdf_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pdf")
    return build(SAMPLE, root, pdf=pdf.convert).folder


def _text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


@needs_libreoffice
def test_every_document_has_a_pdf_with_its_pages_in_the_manifest(pdf_set: Path) -> None:
    manifest = json.loads((pdf_set / "manifest.json").read_text(encoding="utf-8"))
    pdfs = {e["file"]: e for e in manifest["files"] if e["file"].endswith(".pdf")}
    docs = [e["file"] for e in manifest["files"] if e["file"].endswith(".docx")]
    assert sorted(pdfs) == sorted(d.replace(".docx", ".pdf") for d in docs)
    for name, entry in pdfs.items():
        assert entry["pages"] == len(PdfReader(pdf_set / name).pages) >= 1
        assert entry["source"] == name.replace(".pdf", ".docx")
    assert pdfs["2021_cum-ix_bao-cao-tong-ket.pdf"]["pages"] >= 4
    assert pdfs["2021_cum-ix_danh-sach.pdf"]["pages"] == 1


@needs_libreoffice
@pytest.mark.parametrize("kind", sorted(SEED_FACTS))
def test_pdf_text_holds_the_facts(pdf_set: Path, kind: str) -> None:
    text = " ".join(_text(pdf_set / f"2021_cum-ix_{kind}.pdf").split())
    for fact in SEED_FACTS[kind]:
        assert fact in text


def _pdfa_id(path: Path) -> tuple[list[str], list[str]]:
    """pdfaid:part and pdfaid:conformance as XMP reading software sees them (minidom)."""
    metadata = PdfReader(path).xmp_metadata
    assert metadata is not None, path.name
    parts: list[str] = []
    conformances: list[str] = []
    for name, found in (("part", parts), ("conformance", conformances)):
        for node in metadata.rdf_root.getElementsByTagNameNS(PDFAID, name):
            found.append("".join(child.data for child in node.childNodes).strip())
    return parts, conformances


@needs_libreoffice
def test_every_pdf_is_pdfa_2b_in_its_metadata_and_not_encrypted(pdf_set: Path) -> None:
    paths = sorted(pdf_set.glob("*.pdf"))
    assert len(paths) == SAMPLE_DOCUMENTS
    for path in paths:
        assert _pdfa_id(path) == (["2"], ["B"]), path.name
        reader = PdfReader(path)
        assert not reader.is_encrypted and "/Encrypt" not in reader.trailer, path.name
        assert path.read_bytes().startswith(b"%PDF-1."), path.name  # PDF/A-2: PDF 1.7 at most


@needs_libreoffice
def test_fonts_are_embedded_times_or_its_metric_twin(pdf_set: Path) -> None:
    for path in pdf_set.glob("*.pdf"):
        fonts = pdf.pdf_fonts(PdfReader(path))
        assert fonts
        for name, embedded in fonts:
            assert embedded, (path.name, name)
            assert "LiberationSerif" in name or "TimesNewRoman" in name, (path.name, name)


def _fake_soffice(monkeypatch: pytest.MonkeyPatch, folder: Path, script: str,
                  document: str) -> Path:
    """Put a stand-in LibreOffice running `script` on the path; return an empty document."""
    fake = folder / "soffice"
    fake.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    doc = folder / document
    doc.write_bytes(b"")
    return doc


def test_conversion_that_hangs_is_stopped(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    doc = _fake_soffice(monkeypatch, tmp_path, "sleep 30", "2021_cum-ix_to-trinh.docx")
    with pytest.raises(pdf.PdfError) as info:
        pdf.convert([doc], timeout=0.5)
    assert str(info.value) == ("LibreOffice không xuất xong PDF trong 0.5 giây "
                               "(2021_cum-ix_to-trinh.docx); đã dừng.")


def test_failed_conversion_names_the_document(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    doc = _fake_soffice(monkeypatch, tmp_path, "exit 0", "2021_cum-ix_bien-ban.docx")
    with pytest.raises(pdf.PdfError) as info:
        pdf.convert([doc])
    assert str(info.value) == "Không xuất được PDF cho văn bản '2021_cum-ix_bien-ban.docx'."


# --------------------------------------------------------------------------- process group


class FakeLibreOffice:
    """A stand-in soffice on PATH that leaves the work to a child that never ends, as the real
    launcher leaves it to soffice.bin (whose command line carries the same arguments)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.bin = folder / "bin"
        self.temp = folder / "tmp"  # the temp folder conversions put their profiles in
        self.document = folder / "2021_cum-ix_to-trinh.docx"
        self.bin.mkdir()
        self.temp.mkdir()
        self.document.write_bytes(b"")
        self._write("soffice", f"""echo "$1" > "{folder}/profile-arg"
sh -c 'while :; do sleep 0.1; done' soffice.bin "$@" &
echo $! > "{folder}/worker.pid.tmp" && mv "{folder}/worker.pid.tmp" "{folder}/worker.pid"
wait""")

    def _write(self, name: str, script: str) -> None:
        path = self.bin / name
        path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
        path.chmod(0o755)

    def make_pdfs(self) -> None:
        """From now on, convert at once: copy a one-page PDF/A beside the last document."""
        blank = write_pdf(self.folder / "blank.pdf")
        self._write("soffice", f'for arg; do last="$arg"; done\ncp "{blank}" "${{last%.docx}}.pdf"')

    @property
    def env(self) -> dict[str, str]:
        inherited = {k: v for k, v in os.environ.items() if k != pdf.SOFFICE_VARIABLE}
        return {**inherited, "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}",
                "TMPDIR": str(self.temp)}

    def worker(self) -> int:
        """The pid of the never-ending child, once the launcher has started it."""
        path = self.folder / "worker.pid"
        assert _wait_until(path.exists), "the fake LibreOffice did not start"
        return int(path.read_text(encoding="utf-8"))

    def profile(self) -> Path:
        """The private profile folder the conversion gave LibreOffice."""
        argument = (self.folder / "profile-arg").read_text(encoding="utf-8").strip()
        prefix = "-env:UserInstallation=file://"
        assert argument.startswith(prefix)
        return Path(argument.removeprefix(prefix))


@pytest.fixture
def fake_lo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLibreOffice]:
    fake = FakeLibreOffice(tmp_path)
    monkeypatch.delenv(pdf.SOFFICE_VARIABLE, raising=False)
    monkeypatch.setenv("PATH", fake.env["PATH"])
    monkeypatch.setattr(tempfile, "tempdir", str(fake.temp))
    yield fake
    if (tmp_path / "worker.pid").exists():  # never leave a process behind, even on failure
        with contextlib.suppress(ProcessLookupError):
            os.kill(int((tmp_path / "worker.pid").read_text(encoding="utf-8")), signal.SIGKILL)


def _wait_until(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _gone(pid: int) -> bool:
    """Whether a process has ended (a zombie nobody has reaped yet has ended too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def _converting(fake: FakeLibreOffice) -> subprocess.Popen[str]:
    """Start a conversion of the fake's document in another docgen process."""
    code = ("import sys\nfrom pathlib import Path\nfrom docgen import pdf\n"
            "pdf.convert([Path(sys.argv[1])], timeout=60)\n")
    return subprocess.Popen([sys.executable, "-c", code, str(fake.document)], env=fake.env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_timeout_ends_libreoffice_with_its_children_and_removes_its_profile(
    fake_lo: FakeLibreOffice
) -> None:
    started = time.monotonic()
    with pytest.raises(pdf.PdfError) as info:
        pdf.convert([fake_lo.document], timeout=1)
    assert str(info.value) == ("LibreOffice không xuất xong PDF trong 1 giây "
                               "(2021_cum-ix_to-trinh.docx); đã dừng.")
    assert time.monotonic() - started < 5
    assert _wait_until(lambda: _gone(fake_lo.worker()), 2.0)
    profile = fake_lo.profile()
    assert profile.parent == fake_lo.temp
    assert profile.name.startswith(f"docgen-lo-{os.getpid()}-")
    assert not profile.exists()
    assert list(fake_lo.temp.iterdir()) == []


def test_interrupted_conversion_ends_libreoffice_and_removes_its_profile(
    fake_lo: FakeLibreOffice
) -> None:
    interrupt = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT))
    interrupt.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            pdf.convert([fake_lo.document], timeout=30)
    finally:
        interrupt.cancel()
    assert _wait_until(lambda: _gone(fake_lo.worker()), 2.0)
    assert not fake_lo.profile().exists()
    assert list(fake_lo.temp.iterdir()) == []


def test_terminated_build_ends_libreoffice_and_removes_its_profile(
    fake_lo: FakeLibreOffice
) -> None:
    with _converting(fake_lo) as child:
        worker = fake_lo.worker()
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=10)
    assert (child.returncode, out, err) == (128 + signal.SIGTERM, "", "")
    assert _wait_until(lambda: _gone(worker), 2.0)
    assert not fake_lo.profile().exists()
    assert list(fake_lo.temp.iterdir()) == []


def _aged(path: Path) -> Path:
    path.mkdir(exist_ok=True)
    old = time.time() - pdf.STALE_AFTER - 60
    os.utime(path, (old, old))
    return path


def _dead_pid() -> int:
    with subprocess.Popen(["true"]) as process:
        process.wait()
    return process.pid


def test_next_conversion_sweeps_the_profile_of_a_killed_build(fake_lo: FakeLibreOffice) -> None:
    with _converting(fake_lo) as child:
        worker = fake_lo.worker()
        child.kill()
        child.communicate(timeout=10)
    stale = fake_lo.profile()
    assert stale.is_dir()  # a process killed outright cleans nothing up
    assert not _gone(worker)  # and its LibreOffice runs on, in a session of its own
    _aged(stale)
    kept = [
        fake_lo.temp / f"docgen-lo-{_dead_pid()}-young123",  # too young to be called stale
        _aged(fake_lo.temp / f"docgen-lo-{os.getppid()}-alive123"),  # its process is alive
        _aged(fake_lo.temp / "docgen-lo-notadocgenprofile"),  # not a name docgen gives
    ]
    kept[0].mkdir()
    fake_lo.make_pdfs()
    assert pdf.convert([fake_lo.document]) == [(fake_lo.document.with_suffix(".pdf"), 1)]
    assert not stale.exists()
    assert _wait_until(lambda: _gone(worker), 2.0)
    assert sorted(fake_lo.temp.iterdir()) == sorted(kept)
