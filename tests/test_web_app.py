"""The web page's application through Flask's test client: the same verdicts and documents
as the CLI, the archive actions, and every safety rule (Host, access code, CSRF, uploads,
downloads). The browser tests (test_web_browser.py) drive the same pages in Chromium."""

from __future__ import annotations

import io
import re
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook

from docgen import archive, build, templates, verdicts
from docgen.check import lint_files
from docgen.check.findings import SEVERITY_WORDS, format_finding
from docgen.check.rules import BY_ID
from docgen.cli import main as cli
from docgen.documents import KINDS
from docgen.errors import ArchiveError, ValidationFailed
from docgen.web import guard, is_loopback
from docgen.web.app import create_app
from docgen.web.state import MAX_REQUEST, Config

HOST = "127.0.0.1:5000"


def _app(root: Path, workdir: Path, code: str | None = None) -> Flask:
    return create_app(Config(root=root, hosts={HOST, "localhost:5000"}, code=code,
                             workdir=workdir))


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    work = tmp_path / "work"
    work.mkdir()
    return _app(tmp_path / "kho", work)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def csrf(client: FlaskClient, path: str = "/") -> str:
    """The form code the page gives this client (a GET first sets its session cookie)."""
    page = client.get(path, base_url=f"http://{HOST}")
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert found, page.text[:500]
    return found.group(1)


def post(client: FlaskClient, path: str, data: dict[str, Any], **headers: str) -> Any:
    return client.post(path, data=data, content_type="multipart/form-data",
                       base_url=f"http://{HOST}", headers=headers)


def upload(path: Path, name: str | None = None) -> tuple[io.BytesIO, str]:
    return io.BytesIO(path.read_bytes()), name or path.name


def text_of(html: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities for quotes undone)."""
    plain = re.sub(r"<[^>]+>", " ", html)
    for entity, char in (("&#39;", "'"), ("&#34;", '"'), ("&quot;", '"'), ("&amp;", "&"),
                         ("&lt;", "<"), ("&gt;", ">")):
        plain = plain.replace(entity, char)
    return re.sub(r"\s+", " ", plain)


def wait_job(client: FlaskClient, location: str) -> str:
    job = location.rsplit("/", 1)[-1]
    for _ in range(600):
        state = client.get(f"/viec/{job}/trang-thai", base_url=f"http://{HOST}").get_json()
        if state["xong"]:
            return client.get(f"/viec/{job}", base_url=f"http://{HOST}").text
        time.sleep(0.1)
    raise AssertionError("the build did not finish")


def build_on_page(client: FlaskClient, workbook: Path, **options: str) -> str:
    code = csrf(client, "/lap-van-ban")
    answer = post(client, "/lap-van-ban", {"csrf": code, "so_tinh": upload(workbook),
                                             **options})
    assert answer.status_code == 303, answer.text[:800]
    return wait_job(client, answer.headers["Location"])


def with_meeting_date(path: Path, text: str) -> str:
    """Write the sample to `path` with its meeting date ('Hội nghị', “Ngày họp”) typed as
    `text`; return that cell's reference."""
    book = load_workbook(build.SAMPLE)
    sheet = book["Hội nghị"]
    cell = next(c for row in sheet.iter_rows() for c in row
                if c.value == "Ngày họp").offset(column=1)
    cell.value = text
    book.save(path)
    return str(cell.coordinate)


# --- the same verdicts and documents as the CLI --------------------------------------------

def test_check_page_gives_the_cli_verdict(client: FlaskClient) -> None:
    code = csrf(client, "/kiem-tra")
    page = post(client, "/kiem-tra", {"csrf": code, "so_tinh": upload(build.SAMPLE)})
    assert page.status_code == 200
    seen = text_of(page.text)
    checked = build.check(build.SAMPLE)
    assert verdicts.valid_line(checked.book) in seen
    rows = re.findall(r"<tr><td>(\d+)</td><td>([^<]+)</td><td class=\"num\">([^<]+)</td></tr>",
                      page.text)
    assert rows == verdicts.ranking_rows(checked.outcome)
    for vote in verdicts.vote_rows(checked.book, checked.outcome):
        assert " ".join(vote.cells) in seen
    assert verdicts.officers_line(checked.book, checked.outcome) in seen
    chart = re.search(r"<svg.*?</svg>", page.text, re.S)
    assert chart is not None
    for member in checked.book.members:
        assert member.short_name in chart.group(0)


def test_check_page_lists_each_problem_where_the_cli_does(client: FlaskClient,
                                                           tmp_path: Path) -> None:
    bad = tmp_path / "sai-ngay.xlsx"
    cell = with_meeting_date(bad, "31/02/2021")
    with pytest.raises(ValidationFailed) as failed:
        build.check(bad)
    code = csrf(client, "/kiem-tra")
    page = post(client, "/kiem-tra", {"csrf": code, "so_tinh": upload(bad)})
    rows = re.findall(r"<tr title=\"([^\"]*)\"><td>([^<]*)</td><td class=\"cell\">([^<]*)</td>"
                      r"<td>([^<]*)</td>", page.text)
    assert len(rows) == len(failed.value.problems) >= 1
    for problem, (line, sheet_name, ref, field) in zip(failed.value.problems, rows,
                                                       strict=True):
        assert text_of(line) == str(problem)
        assert (sheet_name, ref, text_of(field).strip()) == (problem.sheet, problem.cell or "",
                                                             problem.field or "")
    assert any(p.cell == cell for p in failed.value.problems)
    assert str(failed.value).splitlines()[0] in text_of(page.text)


def test_check_page_refuses_a_file_that_is_not_a_workbook(client: FlaskClient,
                                                          tmp_path: Path) -> None:
    code = csrf(client, "/kiem-tra")
    page = post(client, "/kiem-tra", {"csrf": code,
                                      "so_tinh": (io.BytesIO(b"%PDF-1.4\n"), "bao-cao.pdf")})
    assert "Tệp 'bao-cao.pdf' không phải là sổ tính Excel .xlsx" in text_of(page.text)
    assert "Traceback" not in page.text


def test_a_page_build_makes_the_cli_documents(client: FlaskClient, tmp_path: Path) -> None:
    done = build_on_page(client, build.SAMPLE)
    assert "Đã lập 14 văn bản vào thư mục" in text_of(done)
    by_page = tmp_path / "kho" / "2021" / "cum-ix"
    assert cli(["build", str(build.SAMPLE), "--out", str(tmp_path / "cli")]) == 0
    by_cli = tmp_path / "cli" / "2021" / "cum-ix"
    made = sorted(p.name for p in by_cli.glob("*.docx"))
    assert sorted(p.name for p in by_page.glob("*.docx")) == made and len(made) == 14
    for name in made:  # byte for byte: one engine
        assert (by_page / name).read_bytes() == (by_cli / name).read_bytes(), name
    # the source workbook is archived under the uploaded file's own name
    assert (by_page / "nguon" / build.SAMPLE.name).read_bytes() == build.SAMPLE.read_bytes()
    for name in made:
        assert f"/kho/2021/cum-ix/1/tep/{name}" in done


def test_a_failed_page_build_names_the_cells_and_writes_nothing(
        client: FlaskClient, tmp_path: Path) -> None:
    bad = tmp_path / "thieu.xlsx"
    cell = with_meeting_date(bad, "ngày mai")
    done = build_on_page(client, bad)
    assert "Sổ tính có" in done and f">{cell}<" in done
    assert not (tmp_path / "kho" / "2021").exists()


def test_only_and_draft_options_reach_the_build(client: FlaskClient, tmp_path: Path) -> None:
    done = build_on_page(client, build.SAMPLE, loai="to-trinh", ban_nhap="on")
    made = sorted(p.name for p in (tmp_path / "kho" / "2021" / "cum-ix").glob("*.docx"))
    assert made == ["2021_cum-ix_to-trinh.docx"]
    assert "Chưa kiểm tra thể thức (--no-lint): chỉ dùng làm bản nháp." in text_of(done)


def test_a_kind_of_another_period_is_refused_as_by_the_cli(client: FlaskClient) -> None:
    done = build_on_page(client, build.SAMPLE, loai="bao-cao-so-ket")
    with pytest.raises(Exception) as refused:
        build.select_kinds(["bao-cao-so-ket"], "year")
    assert f"Lỗi: {refused.value}" in text_of(done)


def test_previews_need_libreoffice_or_say_so(client: FlaskClient, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "khong-co" / "soffice"))
    done = build_on_page(client, build.SAMPLE, loai="to-trinh", xem_truoc="on")
    assert "Chưa có ảnh xem trước: cần LibreOffice" in text_of(done)
    assert "Chưa có ảnh xem trước" in done


# --- the archive pages --------------------------------------------------------------------

@pytest.fixture
def built(client: FlaskClient) -> FlaskClient:
    build_on_page(client, build.SAMPLE)
    return client


def test_home_lists_each_set_with_its_state(built: FlaskClient) -> None:
    home = text_of(built.get("/", base_url=f"http://{HOST}").text)
    assert "Năm 2021" in home and "cum-ix" in home
    assert "Bản nháp" in home and "Toàn vẹn" in home and "0/14" in home


def test_downloads_only_files_the_manifest_lists(built: FlaskClient, tmp_path: Path) -> None:
    ok = built.get("/kho/2021/cum-ix/1/tep/2021_cum-ix_to-trinh.docx",
                   base_url=f"http://{HOST}")
    assert ok.status_code == 200
    assert ok.data == (tmp_path / "kho/2021/cum-ix/2021_cum-ix_to-trinh.docx").read_bytes()
    assert "attachment" in ok.headers["Content-Disposition"]
    ok.close()
    (tmp_path / "secret.txt").write_text("bí mật", encoding="utf-8")
    for path in ("/kho/2021/cum-ix/1/tep/manifest.json",
                 "/kho/2021/cum-ix/1/tep/../../../secret.txt",
                 "/kho/2021/cum-ix/1/tep/..%2F..%2F..%2Fsecret.txt",
                 "/kho/2021/cum-ix/1/tep/%2e%2e/%2e%2e/%2e%2e/secret.txt",
                 "/kho/2021/cum-ix/1/tep//etc/passwd",
                 "/kho/2021/..%2F..%2F/1/tep/secret.txt",
                 "/kho/2021/cum-ix/2/tep/2021_cum-ix_to-trinh.docx",
                 "/kho/2021/cum-ix/1/xem-truoc/..%2Fmanifest.json"):
        answer = built.get(path, base_url=f"http://{HOST}", follow_redirects=True)
        assert answer.status_code == 404, path
        assert "bí mật" not in answer.get_data(as_text=True)


def test_set_actions_are_the_archive_commands(built: FlaskClient, tmp_path: Path) -> None:
    base = "/kho/2021/cum-ix/1"
    code = csrf(built, base)
    verify = post(built, f"{base}/kiem-tra", {"csrf": code})
    assert "Năm 2021, cum-ix, lần 1: toàn vẹn, mọi tệp khớp bản đã lưu." in text_of(verify.text)
    # a document edited in Word: verify says so, "accept" records it
    edited = tmp_path / "kho/2021/cum-ix/2021_cum-ix_giao-uoc.docx"
    edited.write_bytes(edited.read_bytes() + b"\0")
    verify = post(built, f"{base}/kiem-tra", {"csrf": code})
    assert "kiểm tra toàn vẹn thấy 1 chỗ không khớp" in text_of(verify.text)
    page = text_of(built.get(base, base_url=f"http://{HOST}").text)
    assert "Ghi nhận văn bản đã sửa bằng Word" in page
    accepted = post(built, f"{base}/ghi-nhan", {"csrf": code, "tep": edited.name,
                                                "ghi_chu": "Sửa theo ý kiến lãnh đạo"})
    assert f"Đã ghi nhận 1 tệp đã sửa là văn bản của bộ: - {edited.name}" in \
        text_of(accepted.text)
    assert archive.verify_set(archive.find_set(tmp_path / "kho", 2021, "cum-ix")) == []
    # finalize refuses while fill-in markers are left, as the CLI does, then is forced
    refused = post(built, f"{base}/chot", {"csrf": code})
    assert refused.status_code == 400 and "Lỗi:" in refused.text
    done = post(built, f"{base}/chot", {"csrf": code, "bo_qua_bo_sung": "on"})
    assert "Đã chốt bộ văn bản năm 2021, cum-ix, lần 1" in text_of(done.text)
    assert archive.find_set(tmp_path / "kho", 2021, "cum-ix").status == "finalized"
    bundle = post(built, f"{base}/dong-goi", {"csrf": code})
    assert bundle.status_code == 200
    with zipfile.ZipFile(io.BytesIO(bundle.data)) as package:
        names = package.namelist()
    assert len([n for n in names if n.endswith(".docx")]) == 14
    assert not any("nguon/" in n for n in names)  # the workbook only when asked


def test_sign_stores_the_signed_pdf(built: FlaskClient, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    scan = io.BytesIO()
    writer.write(scan)
    code = csrf(built, "/kho/2021/cum-ix/1")
    done = post(built, "/kho/2021/cum-ix/1/ky", {
        "csrf": code, "van_ban": "to-trinh",
        "ban_ky": (io.BytesIO(scan.getvalue()), "to trinh da ky.pdf")})
    assert "Đã lưu bản đã ký của 2021_cum-ix_to-trinh.docx" in text_of(done.text), \
        text_of(done.text)[:1500]
    info = archive.find_set(tmp_path / "kho", 2021, "cum-ix")
    assert "2021_cum-ix_to-trinh.docx" in info.signed


def test_new_workbooks_download(built: FlaskClient, tmp_path: Path) -> None:
    code = csrf(built, "/so-moi")
    blank = post(built, "/so-moi/trong", {"csrf": code, "nam": "2026"})
    assert blank.status_code == 200 and "so-tinh-2026.xlsx" in blank.headers[
        "Content-Disposition"]
    book = load_workbook(io.BytesIO(blank.data))
    assert "Hướng dẫn" in book.sheetnames
    bad = post(built, "/so-moi/trong", {"csrf": code, "nam": "năm nay"})
    assert bad.status_code == 400 and "không phải là số" in text_of(bad.text)
    following = post(built, "/so-moi/nam-sau", {"csrf": code, "bo": "2021/cum-ix/1"})
    assert following.status_code == 200
    rolled = tmp_path / "nam-sau.xlsx"
    rolled.write_bytes(following.data)
    # the next year's workbook is the one `docgen rollover` writes
    assert cli(["rollover", str(build.SAMPLE), "--out", str(tmp_path / "cli.xlsx")]) == 0
    ours, theirs = load_workbook(rolled), load_workbook(tmp_path / "cli.xlsx")
    assert ours.sheetnames == theirs.sheetnames
    for sheet in ours.sheetnames:
        assert [[c.value for c in r] for r in ours[sheet].iter_rows()] == \
            [[c.value for c in r] for r in theirs[sheet].iter_rows()], sheet
    unknown = post(built, "/so-moi/nam-sau", {"csrf": code, "bo": "../../etc"})
    assert unknown.status_code == 404 or "Chưa chọn bộ văn bản" in text_of(unknown.text)


def test_lint_page_gives_the_cli_findings(built: FlaskClient, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "kho/2021/cum-ix/2021_cum-ix_bao-cao-thanh-tich-soc-trang.docx"
    code = csrf(built, "/the-thuc")
    page = post(built, "/the-thuc", {"csrf": code, "van_ban": [upload(document),
                                                               upload(document, "ban 2.docx")]})
    seen = text_of(page.text)
    # the CLI on a copy outside the archive (inside a draft set, markers are only warnings)
    loose = tmp_path / "ngoai-kho" / document.name
    loose.parent.mkdir()
    loose.write_bytes(document.read_bytes())
    assert cli(["lint", str(loose), "--ban-nhap"]) == 0
    capsys.readouterr()
    assert cli(["lint", str(loose)]) == 1
    printed = capsys.readouterr().out
    findings = lint_files([loose])[0].findings
    assert any(f.severity == "error" for f in findings)  # markers left: a final paper fails
    assert "ban 2.docx" in seen and "2 tệp chưa đạt thể thức" in seen
    for finding in findings:  # each finding the CLI prints is on the page, field by field
        assert format_finding(finding) in printed
        row = f"{SEVERITY_WORDS[finding.severity]} {BY_ID[finding.rule_id].title} " \
              f"{finding.where} {finding.found} {finding.expected}"
        assert text_of(row) in seen


# --- safety ---------------------------------------------------------------------------------

def test_another_host_name_is_refused(client: FlaskClient) -> None:
    answer = client.get("/", base_url="http://attacker.example:5000")
    assert answer.status_code == 400
    assert "Địa chỉ trang không đúng" in text_of(answer.text)


def test_posts_without_the_form_code_are_refused(client: FlaskClient, tmp_path: Path) -> None:
    code = csrf(client, "/so-moi")
    for data, headers in (({}, {}),
                          ({"csrf": "0" * 64}, {}),
                          ({"csrf": code}, {"Origin": "http://127.0.0.1:9999"}),
                          ({"csrf": code}, {"Origin": "null"}),
                          ({"csrf": code}, {"Sec-Fetch-Site": "cross-site"}),
                          ({"csrf": code}, {"Sec-Fetch-Site": "same-site"})):
        answer = post(client, "/so-moi/trong", {**data, "nam": "2026"}, **headers)
        assert answer.status_code == 403, (data, headers)
        assert "Biểu mẫu này không gửi từ chính trang docgen" in text_of(answer.text)
    # another visitor's code (another session cookie) is no good either
    other = client.application.test_client()
    assert post(other, "/so-moi/trong", {"csrf": code, "nam": "2026"}).status_code == 403
    good = post(client, "/so-moi/trong", {"csrf": code, "nam": "2026"},
                Origin=f"http://{HOST}", **{"Sec-Fetch-Site": "same-origin"})
    assert good.status_code == 200


def test_an_upload_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A real server answers 413 to the headers alone: the body is never awaited."""
    import http.client

    from docgen.web import started

    with started(tmp_path / "kho") as running:
        thread = threading.Thread(target=running.serve_forever, daemon=True)
        thread.start()
        connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
        connection.putrequest("POST", "/kiem-tra")
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Content-Length", str(MAX_REQUEST + 1))
        connection.endheaders()
        connection.send(b"--x\r\n")  # a first few bytes only; the rest never comes
        answer = connection.getresponse()
        body = answer.read().decode("utf-8")
        connection.close()
        running.stop()
        thread.join(5)
    assert answer.status == 413
    assert "Tệp quá lớn" in text_of(body) and "50 MB" in text_of(body)


def test_uploads_leave_nothing_behind(app: Flask, client: FlaskClient, tmp_path: Path) -> None:
    code = csrf(client, "/kiem-tra")
    post(client, "/kiem-tra", {"csrf": code, "so_tinh": upload(build.SAMPLE)})
    build_on_page(client, build.SAMPLE, loai="to-trinh")
    uploads = tmp_path / "work" / "tai-len"
    assert list(uploads.iterdir()) == []


def test_two_uploads_at_once_do_not_mix(app: Flask, tmp_path: Path) -> None:
    other = tmp_path / "khac.xlsx"
    book = load_workbook(build.SAMPLE)
    sheet = book["Thông tin chung"]
    cell = next(c for row in sheet.iter_rows() for c in row
                if c.value == "Tên Cụm thi đua").offset(column=1)
    cell.value = "Cụm thi đua Khác Hẳn"
    book.save(other)
    other_checked = build.check(other)
    results: dict[str, str] = {}

    def check(name: str, path: Path) -> None:
        client = app.test_client()
        code = csrf(client, "/kiem-tra")
        results[name] = text_of(post(client, "/kiem-tra", {
            "csrf": code, "so_tinh": upload(path, "so-tinh.xlsx")}).text)

    threads = [threading.Thread(target=check, args=(str(n), p))
               for n, p in enumerate([build.SAMPLE, other] * 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 6
    lines = [verdicts.valid_line(build.check(build.SAMPLE).book),
             verdicts.valid_line(other_checked.book)]
    assert lines[0] != lines[1]
    for name, text in results.items():  # each visitor sees the results of their own file
        assert lines[int(name) % 2] in text and lines[1 - int(name) % 2] not in text


def test_access_code_is_required_off_this_machine(tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    app = _app(tmp_path / "kho", tmp_path / "w", code="ma-bi-mat-123")
    client = app.test_client()
    locked = client.get("/", base_url=f"http://{HOST}")
    assert locked.status_code == 401 and "Cần mã truy cập" in text_of(locked.text)
    wrong = client.get("/?ma=sai", base_url=f"http://{HOST}")
    assert wrong.status_code == 401
    opened = client.get("/?ma=ma-bi-mat-123", base_url=f"http://{HOST}")
    assert opened.status_code == 302 and opened.headers["Location"] == "/"
    assert client.get("/", base_url=f"http://{HOST}").status_code == 200
    stranger = app.test_client()
    assert stranger.get("/kiem-tra", base_url=f"http://{HOST}").status_code == 401
    assert not is_loopback("0.0.0.0") and is_loopback("127.0.0.1") and is_loopback("::1")


def test_pages_forbid_framing_and_foreign_scripts(client: FlaskClient) -> None:
    answer = client.get("/", base_url=f"http://{HOST}")
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in answer.headers["Content-Security-Policy"]
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_upload_names_are_reduced_to_a_plain_file_name() -> None:
    from werkzeug.datastructures import FileStorage

    def name(raw: str) -> str:
        return guard.upload_name(FileStorage(io.BytesIO(b""), raw), "so-tinh.xlsx")

    assert name("C:\\Users\\Lan\\Sổ Cụm IX.xlsx") == "Sổ Cụm IX.xlsx"
    assert name("../../etc/passwd") == "passwd"
    assert name("..") == "so-tinh.xlsx"
    assert name('a<b>:"|?*.xlsx') == "a_b______.xlsx"
    assert name("So\u0302\u0309.xlsx") == "Sổ.xlsx"  # NFC


# --- one engine, prepared once ---------------------------------------------------------------

def test_the_server_keeps_prepared_templates(tmp_path: Path) -> None:
    """A template is prepared once per process and file content: loaded again it is the
    same Template; saved again with other content (edited in Word) it is prepared anew."""
    kind = KINDS["to-trinh"]
    first = templates.load(kind, None, None)
    assert templates.load(kind, None, None) is first
    folder = tmp_path / "mau-rieng"
    folder.mkdir()
    own = folder / kind.template
    own.write_bytes((templates.SHIPPED / kind.template).read_bytes())
    names = set(first.undeclared_variables())
    mine = templates.load(kind, folder, names)
    assert mine is not first and templates.load(kind, folder, names) is mine
    with zipfile.ZipFile(own, "a") as package:  # the same file, other content
        package.writestr("docProps/custom-note.txt", "sửa bằng Word")
    again = templates.load(kind, folder, names)
    assert again is not mine and again.sha256 != mine.sha256


def test_serve_prints_its_address_and_stops(tmp_path: Path) -> None:
    from docgen.web import started

    with started(tmp_path / "kho") as running:
        thread = threading.Thread(target=running.serve_forever, daemon=True)
        thread.start()
        import urllib.request

        with urllib.request.urlopen(running.url) as answer:
            page = answer.read().decode("utf-8")
        assert running.url.startswith("http://127.0.0.1:") and "?ma=" not in running.url
        assert "Văn bản thi đua của Cụm" in page
        running.stop()
        thread.join(5)
        assert not thread.is_alive()


def test_off_this_machine_the_address_carries_a_code(tmp_path: Path) -> None:
    from docgen.web import started

    with started(tmp_path / "kho", host="0.0.0.0") as running:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?ma=[\w-]{20,}", running.url)


# --- legacy text, the archive lock ------------------------------------------------------------

def test_legacy_text_is_offered_as_a_repaired_copy(client: FlaskClient, edited: Any,
                                                   tmp_path: Path) -> None:
    from tests.test_legacy import EXPECTED_WARNINGS, LEGACY_EDITS

    legacy = edited(*LEGACY_EDITS, name="ma-cu.xlsx")
    code = csrf(client, "/kiem-tra")
    page = post(client, "/kiem-tra", {"csrf": code, "so_tinh": upload(legacy)})
    seen = text_of(page.text)
    for warning in EXPECTED_WARNINGS:  # each repair, as `docgen check` prints it
        assert text_of(f"Cảnh báo: {warning}") in seen
    link = re.search(r'href="(/tai-ban-sua/[\w-]+)"', page.text)
    assert link is not None
    copy = client.get(link.group(1), base_url=f"http://{HOST}")
    assert copy.status_code == 200 and "ma-cu-da-sua.xlsx" in copy.headers[
        "Content-Disposition"]
    # the same copy `docgen check --fix` writes, cell for cell
    assert cli(["check", str(legacy), "--fix", str(tmp_path / "cli.xlsx")]) == 0
    ours = load_workbook(io.BytesIO(copy.data))
    theirs = load_workbook(tmp_path / "cli.xlsx")
    for sheet in theirs.sheetnames:
        assert [[c.value for c in r] for r in ours[sheet].iter_rows()] == \
            [[c.value for c in r] for r in theirs[sheet].iter_rows()], sheet
    assert build.check(tmp_path / "cli.xlsx").warnings == []
    # another visitor cannot fetch it
    stranger = client.application.test_client()
    assert stranger.get(link.group(1), base_url=f"http://{HOST}").status_code == 404


def test_a_page_build_waits_for_the_archive_lock(client: FlaskClient, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """While another build (another program) holds the set's lock, the page's build
    waits, then stops with the library's message: the archive is never written twice."""
    from docgen.archive import lock
    from docgen.archive.sets import lock_path

    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.5)
    root = tmp_path / "kho"
    with lock.locked(lock_path(root, 2021, "cum-ix"), "năm 2021, cum-ix"):
        done = build_on_page(client, build.SAMPLE, loai="to-trinh")
        assert not list((root / "2021").glob("cum-ix*/*.docx"))
    where = lock_path(root, 2021, "cum-ix")
    with pytest.raises(ArchiveError) as busy, lock.locked(where, "năm 2021, cum-ix"), \
            lock.locked(where, "năm 2021, cum-ix"):
        pass  # the message a second holder gets
    assert f"Lỗi: {busy.value}" in text_of(done)
    after = build_on_page(client, build.SAMPLE, loai="to-trinh")  # free again: it builds
    assert "Đã lập 1 văn bản" in text_of(after)


def test_a_started_page_gets_the_templates_ready_while_it_answers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first build should not wait for the templates: the page prepares every shipped
    one in the background (loading what docgen.render.cache saved) and answers meanwhile."""
    import time
    import urllib.request

    from docgen import templates
    from docgen.documents import KINDS
    from docgen.web import started

    monkeypatch.setattr(templates, "_PREPARED", {})
    with started(tmp_path / "kho") as running:
        thread = threading.Thread(target=running.serve_forever, daemon=True)
        thread.start()
        with urllib.request.urlopen(running.url) as answer:
            assert "Văn bản thi đua của Cụm" in answer.read().decode("utf-8")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            ready = [t for t in list(templates._PREPARED.values())
                     if t._prepared is not False]
            if len(ready) == len(KINDS):
                break
            time.sleep(0.05)
        assert len(ready) == len(KINDS)
        running.stop()
        thread.join(5)
