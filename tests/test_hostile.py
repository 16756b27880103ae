"""Hostile input: every bad file gets a clear Vietnamese error fast and in bounded memory, and
templates cannot escape Jinja's sandbox."""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from docgen.errors import DocgenError, IntakeError, RenderError, ValidationFailed
from docgen.intake import limits, read_workbook, repair_workbook
from docgen.render import Template
from tests.conftest import SAMPLE, set_cell, within

Make = Callable[..., Path]

TIME_LIMIT = 5.0  # seconds
MEMORY_LIMIT = 500 * 1024 * 1024  # bytes
BROKEN = ("Không đọc được tệp 'so-lieu.xlsx': tệp .xlsx bị hỏng (có thể chưa tải về hoặc sao "
          "chép hết); hãy lấy lại bản gốc.")
NOT_XLSX = "Không đọc được tệp 'so-lieu.xlsx': tệp hỏng hoặc không phải sổ tính .xlsx."
SAVE_AS = "hãy mở bằng Excel rồi lưu lại dưới dạng 'Excel Workbook (*.xlsx)'"


def refused(path: Path) -> str:
    """Read `path`, expecting an IntakeError within the time and memory limits."""
    messages: list[str] = []

    def read() -> None:
        with pytest.raises(IntakeError) as info:
            read_workbook(path)
        messages.append(str(info.value))

    within(read, TIME_LIMIT, MEMORY_LIMIT)
    return messages[0]


def zip_with(path: Path, extra: dict[str, bytes] | None = None,
             replace: dict[str, bytes] | None = None) -> Path:
    """A copy of the sample with entries added or replaced."""
    replace = replace or {}
    with zipfile.ZipFile(SAMPLE) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, replace.get(info.filename, source.read(info.filename)))
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return path


def zip_with_stream(path: Path, name: str, size: int, chunk: bytes = b" " * (1 << 20),
                    level: int = 1) -> Path:
    """A copy of the sample plus entry `name` of `size` bytes written in chunks (small memory)."""
    with zipfile.ZipFile(SAMPLE) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info.filename))
        with target.open(name, "w", force_zip64=True) as handle:
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    return path


# --------------------------------------------------------------------------- not a workbook


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("không phải sổ tính".encode(), NOT_XLSX),
        (b"", NOT_XLSX),
        (os.urandom(4096), NOT_XLSX),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
         "Tệp 'so-lieu.xlsx' là tệp PDF, không phải sổ tính .xlsx."),
    ],
    ids=["text", "empty", "random", "pdf"],
)
def test_not_a_workbook(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "so-lieu.xlsx"
    path.write_bytes(content)
    assert refused(path) == message


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def test_encrypted_workbook(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.xlsx"
    names = "".join(f"{n}\0" for n in ("EncryptionInfo", "EncryptedPackage", "DataSpaces"))
    path.write_bytes(OLE2 + names.encode("utf-16-le") + os.urandom(2048))
    assert refused(path) == (
        "Không đọc được tệp 'so-lieu.xlsx': sổ tính được đặt mật khẩu/mã hóa; hãy bỏ mật khẩu "
        "(Excel: Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu) "
        "rồi lưu lại."
    )


def test_old_xls_renamed_to_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.xlsx"
    path.write_bytes(OLE2 + "Root Entry\0Workbook\0".encode("utf-16-le") + bytes(1024))
    assert refused(path) == (
        f"Tệp 'so-lieu.xlsx' thực ra là sổ tính Excel cũ (.xls) được đặt tên .xlsx: {SAVE_AS}."
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("so-lieu.xls", "Tệp 'so-lieu.xls' không phải là sổ tính Excel .xlsx mà là định dạng "
         f"Excel cũ (.xls): {SAVE_AS}."),
        ("so-lieu.xlsm", "Tệp 'so-lieu.xlsm' không phải là sổ tính Excel .xlsx (.xlsm là sổ tính "
         "có macro hoặc dạng nhị phân; docgen không bao giờ chạy macro): "
         f"{SAVE_AS}."),
        ("so-lieu.csv", "Tệp 'so-lieu.csv' không phải là sổ tính Excel .xlsx (hãy lưu lại bằng "
         "Excel dưới dạng 'Excel Workbook (*.xlsx)')."),
    ],
)
def test_other_spreadsheet_formats(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(SAMPLE.read_bytes())
    assert refused(path) == message


def test_macros_inside_an_xlsx(tmp_path: Path) -> None:
    path = zip_with(tmp_path / "so-lieu.xlsx", extra={"xl/vbaProject.bin": OLE2})
    assert refused(path) == (
        f"Tệp 'so-lieu.xlsx' có chứa macro; docgen không bao giờ chạy macro: {SAVE_AS}."
    )


# --------------------------------------------------------------------------- broken zips


def test_truncated_zip(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.xlsx"
    data = SAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert refused(path) == BROKEN


def test_corrupt_entry(tmp_path: Path) -> None:
    path = zip_with(tmp_path / "so-lieu.xlsx")
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet3.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + 20
    data[start:start + 200] = os.urandom(200)
    path.write_bytes(bytes(data))
    assert refused(path) == BROKEN


# --------------------------------------------------------------------------- size limits


def test_zip_bomb_in_a_worksheet(tmp_path: Path) -> None:
    size = 256 * 1024 * 1024
    path = zip_with_stream(tmp_path / "so-lieu.xlsx", "xl/worksheets/sheet4.xml", size)
    assert path.stat().st_size < 2 * 1024 * 1024
    assert refused(path) == (
        "Tệp 'so-lieu.xlsx' quá lớn: khi giải nén chiếm 257 MB, docgen chỉ đọc sổ tính đến "
        "50 MB; hãy xóa các trang, hình ảnh không cần rồi lưu lại."
    )


def test_compression_ratio_only_a_bomb_has(tmp_path: Path) -> None:
    path = zip_with_stream(tmp_path / "so-lieu.xlsx", "xl/media/image1.png", 20 * 1024 * 1024,
                           chunk=bytes(1 << 20), level=9)
    assert refused(path) == (
        "Tệp 'so-lieu.xlsx' có phần 'xl/media/image1.png' nén bất thường (giải nén lớn gấp hơn "
        "500 lần); có thể là tệp độc hại (zip bomb), docgen không mở."
    )


def _forge_size(path: Path, name: str, declared: int) -> None:
    """Make the zip declare `declared` bytes for entry `name` (local and central headers)."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
        start_dir = archive.start_dir  # type: ignore[attr-defined]
    data = bytearray(path.read_bytes())
    data[info.header_offset + 22:info.header_offset + 26] = struct.pack("<I", declared)
    pos = start_dir
    while data[pos:pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack("<HHH", data[pos + 28:pos + 34])
        if data[pos + 46:pos + 46 + n].decode() == name:
            data[pos + 24:pos + 28] = struct.pack("<I", declared)
        pos += 46 + n + m + k
    path.write_bytes(bytes(data))


def test_zip_bomb_that_lies_about_its_size(tmp_path: Path) -> None:
    name = "xl/worksheets/sheet4.xml"
    path = zip_with_stream(tmp_path / "so-lieu.xlsx", name, 128 * 1024 * 1024)
    _forge_size(path, name, 50_000)
    assert refused(path) == BROKEN


def test_too_many_entries(tmp_path: Path) -> None:
    extra = {f"customXml/item{i}.xml": b"<a/>" for i in range(limits.MAX_ENTRIES)}
    path = zip_with(tmp_path / "so-lieu.xlsx", extra=extra)
    with zipfile.ZipFile(path) as archive:
        count = f"{len(archive.infolist()):,}".replace(",", ".")
    assert int(count.replace(".", "")) > limits.MAX_ENTRIES
    assert refused(path) == (
        f"Tệp 'so-lieu.xlsx' chứa {count} tệp con, vượt giới hạn 5.000; đây không phải một "
        "sổ tính bình thường."
    )


def _sheet_xml(rows: int, columns: int) -> bytes:
    letters = [chr(65 + i // 26 - 1) + chr(65 + i % 26) if i >= 26 else chr(65 + i)
               for i in range(columns)]
    body = io.StringIO()
    for r in range(1, rows + 1):
        body.write(f'<row r="{r}">')
        body.writelines(f'<c r="{c}{r}"><v>1</v></c>' for c in letters)
        body.write("</row>")
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{body.getvalue()}</sheetData></worksheet>").encode()


TOO_BIG = ("Trang 'Văn bản căn cứ' quá lớn: vùng dữ liệu vượt 200.000 ô mà docgen đọc được; "
           "hãy xóa các dòng, cột thừa (kể cả ô trống đã định dạng, ô gộp, liên kết) rồi lưu "
           "lại.")


def test_too_many_cells(tmp_path: Path) -> None:
    path = zip_with(tmp_path / "so-lieu.xlsx",
                    replace={"xl/worksheets/sheet4.xml": _sheet_xml(5_000, 50)})
    assert refused(path) == TOO_BIG


def test_one_cell_far_away(edited: Make) -> None:
    path = edited(lambda b: b["Văn bản căn cứ"].cell(row=1_048_576, column=16_384, value="x"),
                  name="so-lieu.xlsx")
    assert refused(path) == TOO_BIG


def test_too_many_cells_across_sheets(tmp_path: Path) -> None:
    sheet = _sheet_xml(1_000, 70)  # 70 000 cells each, 3 sheets
    parts = {f"xl/worksheets/sheet{i}.xml": sheet for i in (7, 8, 10)}
    path = zip_with(tmp_path / "so-lieu.xlsx", replace=parts)
    assert refused(path) == (
        "Tệp 'so-lieu.xlsx' có quá nhiều ô (hơn 200.000 ô trên các trang); hãy xóa các trang, "
        "dòng, cột thừa rồi lưu lại."
    )


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.mark.parametrize(
    "tail",
    [
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        '<mergeCells count="1"><mergeCell ref="B2:K30000"/></mergeCells>',
        '<hyperlinks><hyperlink ref="A1:Z100000" display="x"/></hyperlinks>',
    ],
    ids=["merge-all", "merge-300k", "hyperlink-range"],
)
def test_ranges_that_openpyxl_would_fill_cell_by_cell(tmp_path: Path, tail: str) -> None:
    sheet = (f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c>'
             f"</row></sheetData>{tail}</worksheet>").encode()
    path = zip_with(tmp_path / "so-lieu.xlsx", replace={"xl/worksheets/sheet4.xml": sheet})
    assert refused(path) == TOO_BIG


@pytest.mark.parametrize(
    ("part", "xml", "message"),
    [
        ("xl/sharedStrings.xml",
         f'<sst xmlns="{MAIN_NS}">' + "<si><t>a</t></si>" * 200_001 + "</sst>",
         "có 200.001 chuỗi chữ khác nhau, vượt giới hạn 200.000"),
        ("xl/styles.xml",
         f'<styleSheet xmlns="{MAIN_NS}"><cellXfs>' + '<xf numFmtId="0"/>' * 20_001
         + "</cellXfs></styleSheet>",
         "có 20.001 định dạng ô, vượt giới hạn 20.000"),
        ("xl/comments1.xml",
         f'<comments xmlns="{MAIN_NS}"><commentList>'
         + '<comment ref="A1" authorId="0"><text><t>x</t></text></comment>' * 20_001
         + "</commentList></comments>",
         "có 20.001 ghi chú, vượt giới hạn 20.000"),
    ],
    ids=["shared-strings", "styles", "comments"],
)
def test_too_many_texts_formats_or_comments(tmp_path: Path, part: str, xml: str,
                                            message: str) -> None:
    path = zip_with(tmp_path / "so-lieu.xlsx", replace={part: xml.encode()},
                    extra={} if part == "xl/styles.xml" else {part: xml.encode()})
    assert refused(path) == (
        f"Tệp 'so-lieu.xlsx' {message}; đây không phải một sổ tính bình thường (hãy xóa bớt "
        "rồi lưu lại)."
    )


def test_too_much_xml(tmp_path: Path) -> None:
    path = zip_with_stream(tmp_path / "so-lieu.xlsx", "docProps/custom.xml", 25 * 1024 * 1024)
    assert re.fullmatch(  # 25 MB and the sample's own XML
        r"Tệp 'so-lieu\.xlsx' quá lớn: phần dữ liệu chiếm 2[56] MB, docgen chỉ đọc đến 20 MB; "
        r"hãy xóa các trang, dòng, cột thừa rồi lưu lại\.", refused(path))


def test_absurdly_long_text_in_a_cell(edited: Make) -> None:
    path = edited(lambda b: set_cell(b, "Nội dung báo cáo", "Đoạn văn", 1, "a" * 10_001))
    with pytest.raises(ValidationFailed) as info:
        read_workbook(path)
    assert [str(p) for p in info.value.problems] == [
        "Trang 'Nội dung báo cáo', ô B2 (Đoạn văn): ô có 10.001 ký tự, vượt giới hạn 10.000 "
        "ký tự của một ô; hãy rút gọn hoặc chia thành nhiều dòng."
    ]


def test_text_at_the_limit_is_read(edited: Make) -> None:
    text = ("Đoạn văn dài. " * 1000)[: limits.MAX_TEXT_CHARS]
    path = edited(lambda b: set_cell(b, "Nội dung báo cáo", "Đoạn văn", 1, text))
    assert read_workbook(path).narratives[0].text == text.strip()


def test_repair_refuses_hostile_files_too(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.xlsx"
    path.write_bytes(OLE2)
    with pytest.raises(IntakeError):
        repair_workbook(path, tmp_path / "da-sua.xlsx")
    assert not (tmp_path / "da-sua.xlsx").exists()


# --------------------------------------------------------------------------- templates


def _template(text: str) -> Template:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return Template("mau-thu.docx", out.getvalue())


ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ lipsum.__globals__ }}",
    "{{ doc.__class__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
]


@pytest.mark.parametrize("tag", ESCAPES)
def test_template_cannot_escape_the_sandbox(tag: str) -> None:
    with pytest.raises(RenderError) as info:
        _template(f"Trước {tag} sau").render({"doc": {"title": "Báo cáo"}})
    assert str(info.value).startswith(
        "Mẫu 'mau-thu.docx': thao tác không được phép trong mẫu: access to attribute '")


def test_sandbox_errors_are_docgen_errors() -> None:
    assert issubclass(RenderError, DocgenError)
    harmless: Any = _template("{{ doc.title }}").render({"doc": {"title": "Báo cáo"}})
    assert b"word/document.xml" in harmless
