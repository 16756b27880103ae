"""The achievement reports as LibreOffice lays them out: the closing and the signatures never
stand alone on a page; the last awards table goes with them. Run where LibreOffice is
installed (CI installs it): the sample's collective reports and an individual's."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from docgen import pdf
from docgen.build import build, check
from tests import other_clusters as oc
from tests.achievement_docs import INDIVIDUAL, render
from tests.conftest import SAMPLE, needs_libreoffice

PERSON = "2025_cum-iii_bao-cao-thanh-tich-ca-nhan-tai-chinh-nguyen-thi-thu-ha.docx"



def _last_page(path: Path) -> str:
    ((converted, _),) = pdf.convert([path])
    pages = [page.extract_text() or "" for page in PdfReader(converted).pages]
    return " ".join(pages[-1].split())


@needs_libreoffice
def test_the_last_page_holds_the_last_awards_with_the_closing(tmp_path: Path) -> None:
    book = check(oc.departments(tmp_path / "kh.xlsx")).book
    person = tmp_path / PERSON
    person.write_bytes(render(book, [INDIVIDUAL])[PERSON])
    for path in [*build(SAMPLE, tmp_path, only=["bao-cao-thanh-tich"]).paths, person]:
        last = _last_page(path)
        assert "Trên đây là báo cáo thành tích" in last, path.name
        assert "2. Hình thức khen thưởng" in last, (path.name, last[:200])
