"""End-to-end tests of `docgen serve` in a real browser (Debian's Chromium, driven by
Playwright): what a clerk sees on each page for the sample workbook, a workbook with a bad
cell, a file that is no workbook, and hostile requests (paths out of a set, forged forms).

One build of the sample (through the page, as a clerk makes it) is shared by the module.
Every page visited is saved as a full-page picture into the folder named by
DOCGEN_SCREENSHOTS (a temporary folder when unset), for a person to look at.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import json
import re
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import docx
import openpyxl
import pytest

from docgen import verdicts
from docgen.build import SAMPLE, check
from docgen.check import lint_files
from docgen.cli import main
from docgen.documents.shared.chart import score_chart
from docgen.web.guard import CSRF_FIELD
from tests.conftest import SAMPLE_DOCUMENTS, libreoffice_installed, set_cell, set_form
from tests.web_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    Screens,
    Server,
    docgen_server,
    forged_form,
    load_images,
    other_site,
    screens_folder,
    table_headers,
    table_rows,
)

sync_api = pytest.importorskip("playwright.sync_api",
                               reason="Playwright (pip package 'playwright') is not installed")
if not CHROMIUM.is_file():
    pytest.skip(f"Chromium is not installed at {CHROMIUM} (Debian package 'chromium')",
                allow_module_level=True)

FORGED = "Biểu mẫu này không gửi từ chính trang docgen"
NOT_FOUND = "Không có trang hoặc tệp này"


# --- fixtures -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The page over an empty archive of its own, on a free port."""
    with docgen_server(tmp_path_factory.mktemp("kho")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> Screens:
    return Screens(screens_folder(tmp_path_factory.mktemp("screens")))


def _context(browser: Any, server: Server) -> Any:
    return browser.new_context(base_url=server.base, accept_downloads=True, locale="vi-VN",
                               viewport={"width": 1280, "height": 900})


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    """A fresh tab (own cookies) on the page."""
    context = _context(browser, server)
    try:
        tab = context.new_page()
        tab.set_default_timeout(20_000)
        yield tab
        with contextlib.suppress(sync_api.Error):
            load_images(tab)  # none still coming when the tab closes
    finally:
        context.close()


@dataclass(frozen=True)
class Build:
    """The sample built once through "Lập văn bản": the job page, how long it took,
    whether first-page previews were asked for, and the set's folder in the archive."""

    job: str
    seconds: float
    previews: bool
    folder: Path


@pytest.fixture(scope="module")
def built(browser: Any, server: Server, screens: Screens) -> Build:
    """Build the sample as a clerk does: the form, its progress page, then the done page."""
    previews = libreoffice_installed()
    context = _context(browser, server)
    try:
        page = context.new_page()
        page.goto("/lap-van-ban")
        preview_box = page.locator("input[name=xem_truoc]")
        assert preview_box.is_enabled() == previews  # the page knows whether LibreOffice is
        if previews:
            preview_box.check()
        page.locator("input[name=pdf]").uncheck()
        page.set_input_files("input[name=so_tinh]", str(SAMPLE))
        screens.shoot(page, "05-lap-van-ban")
        start = time.monotonic()
        page.get_by_role("button", name="Lập văn bản").click()
        page.wait_for_url(re.compile(r"/viec/[\w-]+$"))
        # the progress page, if the build is still running: a picture once it has counted
        # a few documents (a function, not a string: the page's CSP forbids eval)
        with contextlib.suppress(sync_api.Error):
            page.wait_for_function("() => document.querySelector('progress')?.value > 1",
                                   timeout=5_000)
            screens.shoot(page, "06-dang-lap")
        page.wait_for_selector(".progress", state="detached", timeout=120_000)
        seconds = time.monotonic() - start
        job = urlsplit(page.url).path
        load_images(page)
    finally:
        context.close()
    return Build(job, seconds, previews, server.root / "2021" / "cum-ix")


def _upload(page: Any, path: Path, field: str = "so_tinh", button: str = "Kiểm tra") -> Any:
    """Choose `path` in the form's file field, submit, and return the answer."""
    page.set_input_files(f"input[name={field}]", str(path))
    with page.expect_navigation() as answer:
        page.locator("form.upload").get_by_role("button", name=button).click()
    return answer.value


def _download(page: Any, click: Any) -> tuple[str, bytes]:
    """Click something that downloads a file; its suggested name and bytes."""
    with page.expect_download() as waiting:
        click.click()
    download = waiting.value
    return download.suggested_filename, Path(download.path()).read_bytes()


# --- the pages ----------------------------------------------------------------------------

def test_home_lists_the_built_set(page: Any, built: Build, screens: Screens) -> None:
    page.goto("/")
    screens.shoot(page, "01-trang-chu")
    assert page.locator("section.year h3").all_inner_texts() == ["Năm 2021"]
    (row,) = table_rows(page, "table.sets")
    docs = str(SAMPLE_DOCUMENTS)
    assert row == ["cum-ix", "1", "Bản nháp", docs, f"0/{docs}", "Toàn vẹn", "Mở"]
    page.get_by_role("link", name="Mở").click()
    assert urlsplit(page.url).path == "/kho/2021/cum-ix/1"


def test_check_sample_shows_the_cli_verdict(page: Any, screens: Screens,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    checked = check(SAMPLE)
    book, outcome = checked.book, checked.outcome
    page.goto("/kiem-tra")
    answer = _upload(page, SAMPLE)
    screens.shoot(page, "02-kiem-tra-hop-le")
    assert answer.status == 200
    valid = page.locator("p.valid").inner_text()
    assert valid.startswith("Sổ tính hợp lệ")
    assert valid == verdicts.valid_line(book)
    assert table_headers(page, "table.ranking") == list(verdicts.RANKING_HEADERS)
    ranking = [list(row) for row in verdicts.ranking_rows(outcome)]
    assert table_rows(page, "table.ranking") == ranking
    # the chart: one bar per member, in rank order, named by short name, with its score
    chart = page.locator("section.chart svg")
    assert chart.is_visible()
    assert chart.locator("g.bar rect").count() == len(book.members)
    names = chart.locator("text.category").evaluate_all(
        "texts => texts.map(t => Array.from(t.querySelectorAll('tspan'), s => s.textContent)"
        ".join(' ') || t.textContent)")
    assert names == list(score_chart(book, outcome).categories)
    assert len(set(names)) == len(book.members)
    assert chart.locator("text.value").all_text_contents() == [
        row[2] for row in ranking]
    headers = table_headers(page, "table.votes")
    assert headers[0] == "Tập thể, cá nhân"  # not "Đề nghị", the verdict's word
    assert headers == list(verdicts.VOTE_HEADERS)
    votes = verdicts.vote_rows(book, outcome)
    assert table_rows(page, "table.votes") == [list(v.cells) for v in votes]
    assert page.locator("table.votes tr.proposed").count() == sum(v.proposed for v in votes)
    officers = page.locator("p.officers").inner_text()
    assert officers.startswith("Năm 2022: Cụm trưởng ")
    # the command line says the same of the same workbook
    assert main(["check", str(SAMPLE)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert valid in printed
    assert officers in printed
    assert "Traceback" not in page.content()


def _bad_workbook(folder: Path) -> tuple[Path, str, str]:
    """The sample with an impossible meeting date and a vote for a unit that is no member;
    the workbook and the two cells."""
    path = folder / "so-tinh-sai-ngay.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    try:
        date_cell = set_form(book, "Hội nghị", "Ngày họp", "31/02/2021")
        unit_cell = set_cell(book, "Bình xét", "Đơn vị", 2, "Thanh tra tỉnh Long An")
        book.save(path)
    finally:
        book.close()
    return path, date_cell, unit_cell


def test_check_bad_date_names_sheet_and_cell(page: Any, screens: Screens, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path, date_cell, unit_cell = _bad_workbook(tmp_path)
    page.goto("/kiem-tra")
    _upload(page, path)
    screens.shoot(page, "03-kiem-tra-co-loi")
    assert page.locator(".alert.error").inner_text().strip() == "Sổ tính có 2 lỗi cần sửa:"
    assert page.locator("table.problems caption").inner_text() == \
        "2 lỗi cần sửa trong sổ tính"
    assert table_headers(page, "table.problems") == [
        "Trang", "Ô", "Cột / mục", "Thấy gì", "Cần sửa thành"]
    rows = table_rows(page, "table.problems")
    assert [row[:3] for row in rows] == [["Hội nghị", date_cell, "Ngày họp"],
                                         ["Bình xét", unit_cell, "Đơn vị"]]
    # what was found, and apart from it what is expected
    assert rows[0][3:] == ["“31/02/2021” không phải là ngày hợp lệ",
                           "Viết theo dạng dd/mm/yyyy"]
    assert page.locator("p.valid").count() == 0
    # `docgen check` prints the same problems at the same places, in the same order; each
    # row carries the CLI's line word for word (its tooltip)
    assert main(["check", str(path)]) == 1
    printed = capsys.readouterr().err.splitlines()
    assert printed[0] == "Sổ tính có 2 lỗi cần sửa:"
    titles = page.locator("table.problems tbody tr").evaluate_all(
        "rows => rows.map(r => r.title)")
    assert printed[1:] == [f"  - {title}" for title in titles]
    for row, title in zip(rows, titles, strict=True):
        assert title.startswith(f"Trang '{row[0]}', ô {row[1]} ({row[2]}): {row[3]}")


@pytest.mark.parametrize(("name", "content"), [
    ("ghi-chu.txt", "Danh sách đơn vị\n".encode()),
    ("bao-cao.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
], ids=["txt", "pdf"])
def test_check_refuses_a_file_that_is_not_xlsx(page: Any, screens: Screens, tmp_path: Path,
                                               name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    page.goto("/kiem-tra")
    answer = _upload(page, path)
    if name.endswith(".pdf"):
        screens.shoot(page, "04-kiem-tra-tu-choi")
    message = page.locator(".alert.error").inner_text().strip()
    assert message.startswith(f"Lỗi: Tệp '{name}' không phải là sổ tính Excel .xlsx")
    assert answer.status == 400  # refused, like a form sent without a file
    text = page.locator("main").inner_text()
    assert "Traceback" not in text and "Error" not in text
    assert page.locator("table.problems, p.valid").count() == 0


def test_build_done_page_shows_every_document(page: Any, built: Build,
                                              screens: Screens) -> None:
    assert built.seconds < 90
    page.goto(built.job)
    screens.shoot(page, "07-da-lap")
    headline = page.locator("p.valid").inner_text()
    assert headline.startswith(f"Đã lập {SAMPLE_DOCUMENTS} văn bản")
    assert page.locator(".alert.error").count() == 0
    cards = page.locator("li.document")
    assert cards.count() == SAMPLE_DOCUMENTS
    archived = sorted(p.name for p in built.folder.glob("*.docx"))
    assert len(archived) == SAMPLE_DOCUMENTS
    assert sorted(cards.locator("span.file").all_inner_texts()) == archived
    assert all(label.strip() for label in cards.locator("b").all_inner_texts())
    assert cards.locator("a.download", has_text="Tải .docx").count() == SAMPLE_DOCUMENTS
    assert cards.locator("a.download", has_text="Tải PDF").count() == 0  # not asked for
    if not built.previews:
        assert cards.locator("img").count() == 0
        return
    images = cards.locator("img")
    assert images.count() == SAMPLE_DOCUMENTS
    first = images.first
    first.scroll_into_view_if_needed()
    first.evaluate("img => img.complete || new Promise(done => img.onload = done)")
    assert first.evaluate("img => img.naturalWidth") > 0
    assert first.get_attribute("alt", timeout=1_000).startswith("Trang đầu của 2021_cum-ix_")


def test_zip_download_holds_the_archived_documents(page: Any, built: Build) -> None:
    page.goto(built.job)
    name, data = _download(page, page.locator("#tai-zip"))
    assert name == "2021_cum-ix_ban-nhap.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = {entry: package.read(entry) for entry in package.namelist()}
    archived = {f"cum-ix/{p.name}": p.read_bytes() for p in built.folder.glob("*.docx")}
    assert len(archived) == SAMPLE_DOCUMENTS
    assert entries.keys() == archived.keys()
    assert entries == archived
    # a reader opening the proposal sees its kind's heading
    proposal = docx.Document(io.BytesIO(entries["cum-ix/2021_cum-ix_to-trinh.docx"]))
    assert "TỜ TRÌNH" in [p.text for p in proposal.paragraphs]


def test_a_build_of_a_bad_workbook_shows_its_problems(page: Any, built: Build,
                                                     tmp_path: Path) -> None:
    path, date_cell, unit_cell = _bad_workbook(tmp_path)
    before = sorted(p.relative_to(built.folder.parent) for p in built.folder.parent.rglob("*"))
    page.goto("/lap-van-ban")
    page.set_input_files("input[name=so_tinh]", str(path))
    page.get_by_role("button", name="Lập văn bản").click()
    page.wait_for_url(re.compile(r"/viec/[\w-]+$"))
    page.wait_for_selector(".progress", state="detached", timeout=60_000)
    assert page.locator(".alert.error").inner_text().strip() == "Sổ tính có 2 lỗi cần sửa:"
    rows = table_rows(page, "table.problems")
    assert [row[:3] for row in rows] == [["Hội nghị", date_cell, "Ngày họp"],
                                         ["Bình xét", unit_cell, "Đơn vị"]]
    assert page.locator("p.valid, li.document, #tai-zip").count() == 0
    after = sorted(p.relative_to(built.folder.parent) for p in built.folder.parent.rglob("*"))
    assert after == before  # nothing written to the archive


def test_set_page_downloads_a_document_and_verifies(page: Any, built: Build,
                                                    screens: Screens) -> None:
    page.goto(built.job)
    page.get_by_role("link", name="Mở bộ văn bản").click()
    assert urlsplit(page.url).path == "/kho/2021/cum-ix/1"
    assert page.locator("h1").inner_text() == "Bộ văn bản năm 2021, cum-ix, lần 1"
    assert page.locator(".badge").first.inner_text() == "Bản nháp"
    assert page.locator("li.document").count() == SAMPLE_DOCUMENTS
    assert page.get_by_role("link", name="cum-ix-2021.xlsx").is_visible()  # its workbook
    card = page.locator("li.document", has_text="2021_cum-ix_to-trinh.docx")
    name, data = _download(page, card.locator("a.download", has_text="Tải .docx"))
    assert name == "2021_cum-ix_to-trinh.docx"
    assert data == (built.folder / name).read_bytes()
    page.get_by_role("button", name="Kiểm tra toàn vẹn").click()
    page.wait_for_load_state()
    screens.shoot(page, "08-bo-van-ban")
    assert page.locator("p.done").inner_text() == \
        "Năm 2021, cum-ix, lần 1: toàn vẹn, mọi tệp khớp bản đã lưu."


@pytest.mark.parametrize("tail", [
    "tep/..%2F..%2Fmanifest.json",
    "tep/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "tep/../../../../etc/passwd",
    "tep/%2Fetc%2Fpasswd",
    "tep/manifest.json",  # in the set's folder, but not a file the manifest lists
    "tep/nguon%2F..%2Fmanifest.json",
    "tep/2021_cum-ix_khong-co.docx",
    "xem-truoc/manifest.json",
    "xem-truoc/..%2Fmanifest.json",
])
def test_only_files_the_manifest_lists_are_served(page: Any, built: Build, screens: Screens,
                                                  tail: str) -> None:
    response = page.goto(f"/kho/2021/cum-ix/1/{tail}")
    if tail == "tep/..%2F..%2Fmanifest.json":
        screens.shoot(page, "09-khong-tim-thay")
    assert response.status == 404
    body = response.text()
    assert NOT_FOUND in page.locator("main").inner_text()
    manifest = json.loads((built.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"][0]["file"] not in body  # nothing of the manifest leaks
    assert "root:" not in body


def test_a_path_the_browser_would_shorten_is_refused_too(built: Build, server: Server) -> None:
    """A program (not a browser) sends the '..' as they are."""
    netloc = urlsplit(server.base).netloc
    connection = http.client.HTTPConnection(netloc, timeout=10)
    try:
        for tail in ("../../manifest.json", "../../../../../../etc/passwd", "./manifest.json"):
            connection.request("GET", f"/kho/2021/cum-ix/1/tep/{tail}")
            response = connection.getresponse()
            body = response.read().decode("utf-8")
            assert response.status == 404, tail
            assert NOT_FOUND in body
            assert "sha256" not in body and "root:" not in body
    finally:
        connection.close()


def test_lint_page_shows_findings_and_a_passed_document(page: Any, built: Build,
                                                        screens: Screens,
                                                        tmp_path: Path) -> None:
    plain = tmp_path / "cong-van-tu-go.docx"
    letter = docx.Document()  # python-docx's own template: Letter paper, Cambria/Calibri
    letter.add_paragraph("Kính gửi các đơn vị thành viên Cụm.")
    letter.save(str(plain))
    proposal = built.folder / "2021_cum-ix_to-trinh.docx"
    page.goto("/the-thuc")
    page.set_input_files("input[name=van_ban]", [str(plain), str(proposal)])
    with page.expect_navigation():
        page.locator("form.upload").get_by_role("button", name="Kiểm tra").click()
    screens.shoot(page, "10-the-thuc")
    assert page.locator(".alert.error").inner_text().strip() == \
        "1 tệp chưa đạt thể thức Nghị định 30/2020/NĐ-CP."
    first, second = page.locator("section.lint-report").all()
    assert first.locator("h2").inner_text() == plain.name
    (report,) = lint_files([plain], final=True)
    errors = sum(1 for f in report.findings if f.severity == "error")
    assert first.locator("p").first.inner_text() == \
        f"{errors} lỗi, {len(report.findings) - errors} cảnh báo"
    rows = first.locator("table.findings tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))")
    assert len(rows) == len(report.findings)
    assert ["lỗi", "Khổ giấy", "trang khổ giấy", "khổ 215,9 × 279,4 mm",
            "khổ A4, 210 × 297 mm"] in rows
    assert second.locator("h2").inner_text() == proposal.name
    assert second.locator("p.good").inner_text() == "Đạt thể thức Nghị định 30/2020/NĐ-CP."


# --- forms from another site ----------------------------------------------------------------

@pytest.mark.parametrize("action", ["/so-moi/trong", "/tat"])
def test_a_form_from_another_local_site_is_refused(page: Any, server: Server,
                                                   screens: Screens, action: str) -> None:
    with other_site(forged_form(server.base + action)) as address:
        page.goto(address)
        with page.expect_navigation() as answer:
            page.get_by_role("button", name="Nhận quà").click()
        response = answer.value
        if action == "/tat":
            screens.shoot(page, "11-bieu-mau-trang-khac")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "Yêu cầu bị từ chối"
    assert FORGED in page.locator("main").inner_text()
    time.sleep(0.6)  # "Tắt docgen" stops the server 0.3 s after answering
    assert server.thread.is_alive()
    assert page.goto(server.base + "/").status == 200


def test_a_form_from_a_remote_site_is_refused(page: Any, server: Server) -> None:
    page.route("http://trang-la.example/**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8",
        body=forged_form(server.base + "/so-moi/trong")))
    page.goto("http://trang-la.example/qua-tang")
    with page.expect_navigation() as answer:
        page.get_by_role("button", name="Nhận quà").click()
    assert answer.value.status == 403
    assert FORGED in page.locator("main").inner_text()


def test_the_page_own_form_is_accepted(page: Any, server: Server) -> None:
    """The same post from docgen's own page, with its form code, gives the workbook."""
    page.goto("/so-moi")
    form = page.locator("form[action='/so-moi/trong']")
    assert form.locator(f"input[name={CSRF_FIELD}]").get_attribute("value")
    form.locator("input[name=nam]").fill("2030")
    name, data = _download(page, form.get_by_role("button", name="Tải sổ tính trống"))
    assert name == "so-tinh-2030.xlsx"
    assert data.startswith(b"PK")
