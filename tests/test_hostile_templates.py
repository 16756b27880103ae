"""Hostile user templates and .docx files: each ends in a Vietnamese message naming the file,
quickly and in bounded memory, whether it reaches the build, `templates check` or `lint`."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from docgen import templates
from docgen.build import check as check_workbook
from docgen.build import render_all
from docgen.check import DocumentUnreadable, lint
from docgen.documents import KINDS
from docgen.errors import RenderError
from docgen.kinds import of_period
from docgen.render import SHIPPED, Template, bounded
from tests.conftest import ROOT, SAMPLE, within

NAME = "to-trinh.docx"
SOURCE = SHIPPED / NAME
TIME_LIMIT = 8.0  # seconds for a refusal (generous for a loaded 2-core machine)
MEMORY_LIMIT = 200 * 1024 * 1024  # bytes the parent may allocate for a refusal
GB = 1024 * 1024 * 1024


@pytest.fixture(scope="module")
def checked() -> object:
    return check_workbook(SAMPLE)


# --------------------------------------------------------------------------- hostile files


def _rezip(replace: dict[str, bytes], source: Path = SOURCE) -> bytes:
    """The shipped template with entries replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in original.infolist():
            target.writestr(info.filename, replace.pop(info.filename, original.read(info)))
        for name, data in replace.items():
            target.writestr(name, data)
    return out.getvalue()


def _document_xml() -> str:
    with zipfile.ZipFile(SOURCE) as archive:
        return archive.read("word/document.xml").decode()


def with_text(*texts: str) -> bytes:
    """The shipped template with first paragraphs holding `texts` (tags, typically)."""
    runs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
                   for text in texts)
    xml = _document_xml().replace("<w:body>", "<w:body>" + runs, 1)
    return _rezip({"word/document.xml": xml.encode()})


def with_document(xml: str) -> bytes:
    """The shipped template with word/document.xml replaced."""
    return _rezip({"word/document.xml": xml.encode()})


_DOCTYPE = '<?xml version="1.0"?>\n<!DOCTYPE w:document [{}]>\n'
XXE = _DOCTYPE.format('<!ENTITY x SYSTEM "file:///etc/passwd">') + _document_xml().split(
    "?>", 1)[1].replace("<w:body>", "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>", 1)
LAUGHS = _DOCTYPE.format(
    '<!ENTITY a "hahahahahahahahahaha">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
) + _document_xml().split("?>", 1)[1].replace("<w:body>", "<w:body><w:p><w:r><w:t>&j;</w:t>"
                                              "</w:r></w:p>", 1)


def deep(levels: int) -> str:
    """A document.xml whose body holds `levels` nested (empty) elements."""
    return _document_xml().replace("<w:body>", "<w:body>" + "<w:sdt>" * levels
                                   + "</w:sdt>" * levels, 1)


def bomb(size: int, declared: int | None = None) -> bytes:
    """The shipped template plus an XML part of `size` bytes of spaces, written in chunks; with
    `declared`, the zip claims that size instead. The guard reads the declared sizes before
    inflating anything, so a bomb declaring 3 GB need not hold them (writing them takes
    10 s); one that declares less than it holds is caught while inflating, in chunks."""
    out = io.BytesIO()
    with zipfile.ZipFile(SOURCE) as original, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in original.infolist():
            target.writestr(info.filename, original.read(info))
        with target.open("customXml/item2.xml", "w", force_zip64=size >= GB) as handle:
            chunk = b" " * (1 << 20)
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    data = out.getvalue()
    if declared is not None:
        data = _forge_size(data, "customXml/item2.xml", declared)
    return data


def _forge_size(data: bytes, name: str, declared: int) -> bytes:
    """Make the zip declare `declared` bytes for entry `name` (local and central headers)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
        start = archive.start_dir  # type: ignore[attr-defined]
    forged = bytearray(data)
    size = struct.pack("<I", declared)
    forged[info.header_offset + 22:info.header_offset + 26] = size
    pos = start
    while forged[pos:pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack("<HHH", forged[pos + 28:pos + 34])
        if forged[pos + 46:pos + 46 + n].decode() == name:
            forged[pos + 24:pos + 28] = size
        pos += 46 + n + m + k
    return bytes(forged)


def many_entries() -> bytes:
    return _rezip({f"customXml/item{i}.xml": b"<a/>" for i in range(3, 1_100)})


def ratio_bomb() -> bytes:
    out = io.BytesIO(_rezip({}))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        target.writestr("word/media/image1.png", bytes(20 * 1024 * 1024))
    return out.getvalue()


def _xlsx() -> bytes:
    return SAMPLE.read_bytes()


# --------------------------------------------------------------------------- helpers


def _folder(tmp_path: Path, data: bytes | None) -> Path:
    folder = tmp_path / "mau"
    folder.mkdir(exist_ok=True)
    if data is not None:
        (folder / NAME).write_bytes(data)
    return folder


def _build(checked: object, folder: Path) -> str:
    """What `docgen build --templates folder --only to-trinh` renders: the refusal's text."""
    start = time.perf_counter()
    with pytest.raises(RenderError) as info:
        render_all(checked, [KINDS["to-trinh"]], folder)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    assert elapsed < TIME_LIMIT, elapsed
    return str(info.value)


def _in_bounds(call: Callable[[], object]) -> None:
    within(call, TIME_LIMIT, MEMORY_LIMIT)


def _mau(folder: Path) -> str:
    return str(folder / NAME)


# --------------------------------------------------------------------------- the sandbox

LONG = "tạo kết quả dài"
SANDBOX = [
    ("power", "{{ 9**(9**9) }}",
     "phép lũy thừa «9 ** 387420489» cho số quá lớn (hơn 3.000 chữ số)."),
    ("product", "{{ (10**2000) * (10**2000) }}", "phép nhân «<số rất lớn> * <số rất lớn>» cho "
     "số quá lớn (hơn 3.000 chữ số)."),
    ("float-power", "{{ 2.0 ** 100000 }}", "phép tính «2.0 ** 100000» cho số quá lớn."),
    ("repeat-text", "{{ 'x' * 10**9 }}", "biểu thức «'x' * 1000000000» tạo kết quả dài "
     "1.000.000.000 ký tự/phần tử, vượt giới hạn 1.000.000."),
    ("repeat-list", "{{ [1, 2] * 10**9 }}", "biểu thức «[1, 2] * 1000000000» tạo kết quả dài "
     "2.000.000.000 ký tự/phần tử, vượt giới hạn 1.000.000."),
    ("concatenate", "{{ ('x' * 900000) + ('x' * 900000) }}", LONG),
    ("range", "{{ range(10**9)|list }}",
     "biểu thức «range(1000000000)» tạo dãy quá dài (hơn 10.000 phần tử)."),
    ("range-overflow", "{% for i in range(10**20) %}{% endfor %}",
     "biểu thức «range(100000000000000000000)» tạo dãy quá dài (hơn 10.000 phần tử)."),
    ("nested-ranges", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
     "{% endfor %}", "biểu thức «range(100000)» tạo dãy quá dài (hơn 10.000 phần tử)."),
    ("center", "{{ 'a'|center(10**9) }}", "biểu thức «'a'|center(1000000000)» " + LONG),
    ("indent", "{{ ('a\n' * 1000)|indent(10**6) }}", LONG),
    ("indent-text", "{{ ('a\n' * 1000)|indent('x' * 10**6) }}", LONG),
    ("wordwrap", "{{ ('ab ' * 10000)|wordwrap(1, wrapstring='y' * 10000) }}", LONG),
    ("wordwrap-zero", "{{ 'abc'|wordwrap(0) }}",
     "biểu thức «'abc'|wordwrap(0)» cần độ rộng từ 1 trở lên."),
    ("format", "{{ '%0999999999d'|format(1) }}", "dùng số 999999999 làm độ rộng/độ chính xác, "
     "vượt giới hạn 1000."),
    ("percent-star", "{{ '%*d' % (10**9, 1) }}",
     "định dạng «'%*d'» dùng độ rộng «*» không được phép."),
    ("str-format", "{{ '{:999999999}'.format(1) }}", "dùng số 999999999 làm độ rộng"),
    ("str-format-nested", "{{ '{:{w}\\x7d'.format(1, w=10**9) }}",
     "định dạng «'{:{w}}'» lồng trường «{…}» không được phép."),
    ("join", "{{ (['x' * 1000] * 1000)|join('y' * 1000) }}", LONG),
    ("str-join", "{{ ('y' * 1000).join(['x' * 1000] * 1000) }}", LONG),
    ("replace", "{{ ('x' * 1000)|replace('', 'y' * 10000) }}", LONG),
    ("str-replace", "{{ ('x' * 1000).replace('x', 'y' * 10000) }}", LONG),
    ("ljust", "{{ 'a'.ljust(10**9) }}", "biểu thức «'a'.ljust(1000000000)» " + LONG),
    ("expandtabs", "{{ ('\t' * 1000).expandtabs(10**6) }}", LONG),
    ("batch", "{{ [1]|batch(10**9, 'x')|list }}",
     "biểu thức «[1]|batch(1000000000)» cần số từ 1 đến 1.000.000."),
    ("slice", "{{ [1]|slice(10**9)|list }}",
     "biểu thức «[1]|slice(1000000000)» cần số từ 1 đến 1.000.000."),
    ("round", "{{ 5|round(-10**9) }}", "dùng số -1000000000 làm độ rộng/độ chính xác"),
    ("tojson", "{{ [[[1]]]|tojson(10**9) }}", "dùng số 1000000000 làm độ rộng/độ chính xác"),
    ("lipsum", "{{ lipsum(10**6) }}", "dùng số 1000000 làm độ rộng/độ chính xác"),
    ("divide-by-zero", "{{ 1 / 0 }}", "lỗi khi điền mẫu (ZeroDivisionError): division by zero."),
    ("recursion", "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
     "mẫu lồng nhau hoặc gọi lại chính nó quá sâu."),
    ("safe-markup", "{{ '\\x3c/w:t\\x3e\\x3c/w:r\\x3e'|safe }}",
     "văn bản sinh ra không phải XML hợp lệ: "),
]


@pytest.mark.parametrize(("tag", "message"), [c[1:] for c in SANDBOX],
                         ids=[c[0] for c in SANDBOX])
def test_sandbox_refuses_what_would_not_end(tmp_path: Path, checked: object, tag: str,
                                            message: str) -> None:
    folder = _folder(tmp_path, with_text(tag))
    text = _build(checked, folder)
    assert text.startswith(f"Mẫu '{NAME}': ")
    assert message in text


def test_harmless_arithmetic_and_filters_still_render(checked: object, tmp_path: Path) -> None:
    tag = ("{{ 2**10 }} {{ 'ab' * 3 }} {{ '%05.1f'|format(3.14159) }} {{ 'x'|center(5) }}"
           "{{ '{:>4}'.format(7) }} {{ range(3)|join(',') }} {{ 'a-b'|replace('-', '+') }}")
    folder = _folder(tmp_path, with_text(tag))
    outputs = render_all(checked, [KINDS["to-trinh"]], folder)  # type: ignore[arg-type]
    with zipfile.ZipFile(io.BytesIO(outputs[0].data)) as archive:
        text = archive.read("word/document.xml").decode()
    assert "1024 ababab 003.1   x     7 0,1,2 a+b" in text


# --------------------------------------------------------------------------- loading others

LOADERS = ["{% include 'x.docx' %}", "{% import 'x.docx' as x %}",
           "{% from 'x.docx' import y %}", "{% extends 'x.docx' %}"]


@pytest.mark.parametrize("tag", LOADERS)
def test_include_import_extends_are_located(tmp_path: Path, checked: object, tag: str) -> None:
    folder = _folder(tmp_path, with_text(tag))
    assert _build(checked, folder) == (
        f"Mẫu riêng '{_mau(folder)}' có 1 lỗi nên chưa dùng được:\n"
        f"  - Mẫu '{NAME}', đoạn 1 («{tag}»): thẻ «{tag}» không được dùng: một mẫu không được "
        "nạp mẫu hay tệp khác (include, import, from, extends).")


@pytest.mark.parametrize(("tag", "keyword"), list(zip(LOADERS, ["include", "import", "from",
                                                               "extends"], strict=True)))
def test_include_import_extends_are_refused_when_rendered(tag: str, keyword: str) -> None:
    with pytest.raises(RenderError) as info:
        Template("mau.docx", with_text(tag)).render({})
    assert str(info.value) == (
        f"Mẫu 'mau.docx': không được dùng thẻ «{{% {keyword} … %}}» (dòng 2): một mẫu không "
        "được nạp mẫu hay tệp khác (include, import, from, extends).")


# --------------------------------------------------------------------------- the backstop


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
         "xử lý mẫu quá 3 giây nên đã dừng; mẫu có vòng lặp hoặc phép tính quá lớn."),
        ("{% set ns = namespace(s='x' * 1000) %}{% for i in range(40) %}"
         "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
         "xử lý mẫu cần quá 512 MB bộ nhớ nên đã dừng; mẫu có vòng lặp hoặc phép tính quá lớn."),
    ],
    ids=["time", "memory"],
)
def test_time_and_memory_backstop(tmp_path: Path, checked: object,
                                  monkeypatch: pytest.MonkeyPatch, tag: str,
                                  message: str) -> None:
    monkeypatch.setattr(bounded, "SECONDS", 3.0)
    folder = _folder(tmp_path, with_text(tag))
    assert _build(checked, folder) == f"Mẫu '{NAME}': {message}"


def test_output_too_large_is_refused(tmp_path: Path, checked: object) -> None:
    folder = _folder(tmp_path, with_text("{%p for i in range(10000) %}", "{{ 'x' * 2500 }}",
                                         "{%p endfor %}"))
    assert _build(checked, folder) == (
        f"Văn bản sinh ra từ mẫu '{NAME}' có phần 'word/document.xml' nén bất thường (giải nén "
        "lớn gấp hơn 500 lần); có thể là tệp độc hại (zip bomb), docgen không mở.")


# --------------------------------------------------------------------------- hostile files

NOT_DOCX = "Tệp mẫu '{path}' không phải là văn bản Word .docx hoặc đã hỏng."
DTD = ("Tệp mẫu '{path}' có phần 'word/document.xml' chứa khai báo DTD/thực thể (<!DOCTYPE>), "
       "điều Word không bao giờ viết; có thể là tệp độc hại (XXE, billion laughs), docgen không "
       "mở.")
FILES: list[tuple[str, Callable[[], bytes], str]] = [
    ("empty", lambda: b"", NOT_DOCX),
    ("text", lambda: "không phải văn bản".encode(), NOT_DOCX),
    ("random", lambda: os.urandom(4096), NOT_DOCX),
    ("truncated", lambda: SOURCE.read_bytes()[:SOURCE.stat().st_size // 2], NOT_DOCX),
    ("xlsx", _xlsx, NOT_DOCX),
    ("xxe", lambda: with_document(XXE), DTD),
    ("billion-laughs", lambda: with_document(LAUGHS), DTD),
    ("deep-150", lambda: with_document(deep(150)),
     "Tệp mẫu '{path}' bị hỏng: phần 'word/document.xml' lồng quá sâu (hơn 100 tầng)."),
    ("deep-5000", lambda: with_document(deep(5000)),
     "Tệp mẫu '{path}' bị hỏng: phần 'word/document.xml' lồng quá sâu."),
    ("broken-xml", lambda: with_document("<w:document><w:body>"),
     "Tệp mẫu '{path}' bị hỏng: phần 'word/document.xml' không phải XML hợp lệ."),
    ("bomb-3gb", lambda: bomb(64 * 1024 * 1024, declared=3 * GB),
     "Tệp mẫu '{path}' quá lớn: khi giải nén chiếm 3.072 MB, docgen chỉ đọc văn bản Word đến "
     "100 MB; hãy xóa hình ảnh, nội dung không cần rồi lưu lại."),
    ("bomb-that-lies", lambda: bomb(200 * 1024 * 1024, declared=50_000), NOT_DOCX),
    ("ratio", ratio_bomb, "Tệp mẫu '{path}' có phần 'word/media/image1.png' nén bất thường "
     "(giải nén lớn gấp hơn 500 lần); có thể là tệp độc hại (zip bomb), docgen không mở."),
    ("entries", many_entries, "Tệp mẫu '{path}' chứa 1.110 tệp con, vượt giới hạn 1.000; đây "
     "không phải một văn bản Word bình thường."),
    ("too-much-xml", lambda: _rezip({"customXml/item2.xml": b"<a>" + os.urandom(11 << 20).hex()
                                     .encode() + b"</a>"}),
     "Tệp mẫu '{path}' quá lớn: phần dữ liệu chiếm 22 MB, docgen chỉ đọc đến 20 MB; hãy bớt "
     "nội dung rồi lưu lại."),
]


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Each hostile file made once (the bombs take a few seconds to write)."""
    return {case: make() for case, make, _ in FILES}


@pytest.mark.parametrize(("case", "message"), [(c[0], c[2]) for c in FILES],
                         ids=[c[0] for c in FILES])
def test_hostile_template_files(tmp_path: Path, checked: object, hostile_files: dict[str, bytes],
                                case: str, message: str) -> None:
    folder = _folder(tmp_path, hostile_files[case])
    def load() -> None:
        with pytest.raises(RenderError):
            templates.load(KINDS["to-trinh"], folder, None)

    _in_bounds(load)
    assert _build(checked, folder) == message.format(path=_mau(folder))


@pytest.mark.parametrize(("case", "message"), [(c[0], c[2]) for c in FILES],
                         ids=[c[0] for c in FILES])
def test_lint_refuses_the_same_files(tmp_path: Path, hostile_files: dict[str, bytes], case: str,
                                     message: str) -> None:
    path = tmp_path / "van-ban.docx"
    path.write_bytes(hostile_files[case])
    with pytest.raises(DocumentUnreadable) as info:
        _in_bounds(lambda: lint(path))
    assert str(info.value) == message.replace("Tệp mẫu", "Tệp").format(path=path)


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "mau" / NAME
    path.parent.mkdir(exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"")
        os.truncate(path, 60 * 1024 * 1024)  # sparse: 60 MB on paper
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("fifo", "'{path}' là một ống dẫn dữ liệu (FIFO), không phải tệp mẫu .docx."),
        ("folder", "'{path}' là thư mục, không phải tệp mẫu .docx."),
        ("huge", "Tệp mẫu '{path}' quá lớn (60 MB), docgen chỉ đọc văn bản Word đến 50 MB; hãy "
         "xóa hình ảnh, nội dung không cần rồi lưu lại."),
    ],
)
def test_not_a_regular_template_file(tmp_path: Path, checked: object, kind: str,
                                     message: str) -> None:
    path = _special(tmp_path, kind)
    assert _build(checked, path.parent) == message.format(path=path)
    with pytest.raises(DocumentUnreadable) as info:
        lint(path)
    assert str(info.value) == message.replace("tệp mẫu", "tệp").replace(
        "Tệp mẫu", "Tệp").format(path=path)


def test_device_given_to_lint() -> None:
    with pytest.raises(DocumentUnreadable) as info:
        lint(Path("/dev/zero"))
    assert str(info.value) == "'/dev/zero' là một thiết bị, không phải tệp .docx."


# --------------------------------------------------------------------------- the CLI

_RUNNER = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from docgen.render import bounded
bounded.SECONDS = 3.0
from docgen.cli import main
code = main(sys.argv[1:])
peak = max(resource.getrusage(who).ru_maxrss
           for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(f"peak {{peak // 1024}} MB", file=sys.stderr)
sys.exit(code)
"""
ADDRESS_SPACE = 3 * GB // 2


def _cli(*args: str) -> tuple[int, str, int, float]:
    """Run docgen in a child limited to 1.5 GB of address space (render limit 3 s); return
    its exit status, its output (standard then error), the peak memory (MB) of it and its
    children, and the wall time."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _RUNNER.format(limit=ADDRESS_SPACE), *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - start
    err, _, peak = done.stderr.rpartition("peak ")
    return done.returncode, (done.stdout + err).strip(), int(peak.split()[0]), elapsed


Files = dict[str, bytes]
CLI_CASES: list[tuple[str, str, Callable[[Path, Files], Path], str]] = [
    ("build-power", "build", lambda d, _: _folder(d, with_text("{{ 9**(9**9) }}")),
     "Lỗi: Mẫu 'to-trinh.docx': phép lũy thừa «9 ** 387420489» cho số quá lớn"),
    ("build-repeat", "build", lambda d, _: _folder(d, with_text("{{ 'x' * 10**9 }}")),
     "Lỗi: Mẫu 'to-trinh.docx': biểu thức «'x' * 1000000000» tạo kết quả dài"),
    ("check-loops", "templates", lambda d, _: _folder(d, with_text(
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}")),
     "- Mẫu 'to-trinh.docx': xử lý mẫu quá 3 giây nên đã dừng"),
    ("check-bomb", "templates", lambda d, files: _folder(d, files["bomb-3gb"]),
     "quá lớn: khi giải nén chiếm 3.072 MB"),
    ("lint-bomb", "lint", lambda d, files: _folder(d, files["bomb-3gb"]) / NAME,
     "quá lớn: khi giải nén chiếm 3.072 MB"),
    ("lint-fifo", "lint", lambda d, _: _special(d, "fifo"),
     "là một ống dẫn dữ liệu (FIFO), không phải tệp .docx."),
]


@pytest.mark.parametrize(("command", "make", "message"), [c[1:] for c in CLI_CASES],
                         ids=[c[0] for c in CLI_CASES])
def test_cli_ends_with_a_message_in_bounded_memory(tmp_path: Path, hostile_files: Files,
                                                   command: str,
                                                   make: Callable[[Path, Files], Path],
                                                   message: str) -> None:
    target = str(make(tmp_path, hostile_files))
    args = {"build": ["build", str(SAMPLE), "--out", str(tmp_path / "out"), "--only",
                      "to-trinh", "--templates", target],
            "templates": ["templates", "check", target],
            "lint": ["lint", target]}[command]
    code, err, peak, elapsed = _cli(*args)
    assert code == 1, err
    assert message in err
    assert "Traceback" not in err
    assert peak < 1024, peak
    assert elapsed < 60, elapsed


def test_fifo_workbook(tmp_path: Path) -> None:
    fifo = tmp_path / "so-lieu.xlsx"
    os.mkfifo(fifo)
    code, err, _, elapsed = _cli("check", str(fifo))
    assert elapsed < 60, elapsed
    assert (code, err) == (1, "Lỗi: 'so-lieu.xlsx' là một ống dẫn dữ liệu (FIFO), không phải "
                              "tệp .xlsx.")


def test_shipped_templates_render_in_process(checked: object,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(name: str, call: object) -> object:
        raise AssertionError(f"{name} went to a child process")

    monkeypatch.setattr(bounded, "run", refuse)
    year_end = [KINDS[kind.code] for kind in of_period("year")]
    outputs = render_all(checked, year_end, None)  # type: ignore[arg-type]
    # every kind but the individual report: the sample proposes no individual
    assert {output.kind for output in outputs} == {
        kind.code for kind in year_end} - {"bao-cao-thanh-tich-ca-nhan"}


def test_a_copy_of_a_shipped_template_is_checked_in_a_child(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    shutil.copy(SOURCE, folder / NAME)
    calls: list[str] = []
    real = bounded.run

    def spy(name: str, call: Callable[[], object]) -> object:
        calls.append(name)
        return real(name, call)

    monkeypatch.setattr(bounded, "run", spy)
    assert "doc" in Template.load(folder / NAME).undeclared_variables()
    assert calls == [NAME]


def test_templates_load_where_os_has_no_set_blocking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows' Python has no os.set_blocking: reading a template must not need it."""
    from docgen import resources
    from docgen.render import Template

    monkeypatch.delattr(os, "set_blocking", raising=False)
    template = Template.load(resources.templates_dir() / "to-trinh.docx")
    assert template.name == "to-trinh.docx"


def test_running_out_of_memory_in_process_is_a_message() -> None:
    """Where no child process bounds a render (no fork on Windows), MemoryError is still a
    RenderError naming the template."""
    from docgen import resources
    from docgen.errors import RenderError
    from docgen.render import Template

    class Huge:
        def __str__(self) -> str:
            raise MemoryError

    from docgen.build import check
    from docgen.documents import KINDS as DOCUMENTS

    checked = check(resources.sample_workbook())
    context = DOCUMENTS["danh-sach"].renditions(checked.book, checked.outcome)[0].context
    template = Template.load(resources.templates_dir() / "danh-sach.docx")
    with pytest.raises(RenderError) as failed:
        template.render({**context, "awards_upper": Huge()})
    assert str(failed.value).startswith("Mẫu 'danh-sach.docx': xử lý mẫu cần quá nhiều bộ nhớ")
