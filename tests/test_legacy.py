"""Legacy Vietnamese encodings: TCVN3 (ABC) and VNI-Windows text is converted, or refused."""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx_helpers import all_text
from openpyxl.styles import Font

from docgen.build import build
from docgen.errors import IntakeError, Problem, ValidationFailed
from docgen.intake import read_workbook, repair_workbook
from docgen.intake.legacy import decode_tcvn3, decode_vni, examine
from docgen.intake.legacy_tables import TCVN3
from tests.conftest import header_column

Make = Callable[..., Path]

TCVN3_WORDS = [
    ("NguyÔn V¨n §øc", "Nguyễn Văn Đức"),
    ("Sãc Tr¨ng", "Sóc Trăng"),
    ("Côm thi ®ua", "Cụm thi đua"),
    ("Thanh tra tØnh B¹c Liªu", "Thanh tra tỉnh Bạc Liêu"),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("Kiªn Giang", "Kiên Giang"),
    ("Cµ Mau", "Cà Mau"),
    ("HËu Giang", "Hậu Giang"),
    ("CÇn Th¬", "Cần Thơ"),
    ("khen th\xadëng", "khen thưởng"),
    ("B»ng khen", "Bằng khen"),
    ("Cê thi ®ua", "Cờ thi đua"),
    ("Ch¸nh Thanh tra", "Chánh Thanh tra"),
    ("Héi nghÞ tæng kÕt", "Hội nghị tổng kết"),
    ("phong trµo", "phong trào"),
    ("giao \xadíc", "giao ước"),
    ("nhiÖm vô", "nhiệm vụ"),
    ("®¨ng ký", "đăng ký"),
    ("TrÇn V¨n Sím", "Trần Văn Sớm"),
    ("Lª ThÞ Hång Nhung", "Lê Thị Hồng Nhung"),
    ("Ph¹m Quèc Kh¸nh", "Phạm Quốc Khánh"),
    ("Vâ ThÞ TuyÕt", "Võ Thị Tuyết"),
    ("kû niÖm", "kỷ niệm"),
    ("xuÊt s¾c", "xuất sắc"),
    ("§µ N½ng", "Đà Nẵng"),
    ("ng\xadêi lao ®éng", "người lao động"),
    ("Hoµ B×nh", "Hoà Bình"),
    ("thuû lîi", "thuỷ lợi"),
    ("quyÕt ®Þnh", "quyết định"),
    ("Tr\xad¬ng Mü LÖ", "Trương Mỹ Lệ"),
    ("§¾k L¾k", "Đắk Lắk"),
]

# Capitals typed with the lower-case codes in an "H" font (.VnTimeH, .VnArialH).
TCVN3_CAPITALS = [
    ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("thanh tra tØnh b¹c liªu", "THANH TRA TỈNH BẠC LIÊU"),
    ("ñy ban nh©n d©n tØnh", "ỦY BAN NHÂN DÂN TỈNH"),
    ("§éc lËp - Tù do - H¹nh phóc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
    ("b¸o c¸o", "BÁO CÁO"),
    ("tê tr×nh", "TỜ TRÌNH"),
]

VNI_WORDS = [
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("Thanh tra tænh Kieân Giang", "Thanh tra tỉnh Kiên Giang"),
    ("Nguyeãn Vaên Ñöùc", "Nguyễn Văn Đức"),
    ("Soùc Traêng", "Sóc Trăng"),
    ("Cuïm thi ñua", "Cụm thi đua"),
    ("Thanh tra tænh Baïc Lieâu", "Thanh tra tỉnh Bạc Liêu"),
    ("Caø Mau", "Cà Mau"),
    ("Haäu Giang", "Hậu Giang"),
    ("Caàn Thô", "Cần Thơ"),
    ("Baûo Thaéng", "Bảo Thắng"),
    ("khen thöôûng", "khen thưởng"),
    ("Baèng khen", "Bằng khen"),
    ("Côø thi ñua", "Cờ thi đua"),
    ("Chaùnh Thanh tra", "Chánh Thanh tra"),
    ("Hoäi nghò toång keát", "Hội nghị tổng kết"),
    ("phong traøo", "phong trào"),
    ("giao öôùc", "giao ước"),
    ("nhieäm vuï", "nhiệm vụ"),
    ("ñaêng kyù", "đăng ký"),
    ("Traàn Vaên Sôùm", "Trần Văn Sớm"),
    ("Leâ Thò Hoàng Nhung", "Lê Thị Hồng Nhung"),
    ("Phaïm Quoác Khaùnh", "Phạm Quốc Khánh"),
    ("Huyønh Ngoïc AÙnh", "Huỳnh Ngọc Ánh"),
    ("UÛy ban nhaân daân", "Ủy ban nhân dân"),
    ("Ñaø Naüng", "Đà Nẵng"),
    ("ngöôøi lao ñoäng", "người lao động"),
    ("Hoaø Bình", "Hoà Bình"),
    ("thuyû lôïi", "thuỷ lợi"),
    ("Tröông Myõ Leä", "Trương Mỹ Lệ"),
    ("NGUYEÃN VAÊN ÑÖÙC", "NGUYỄN VĂN ĐỨC"),
    ("CUÏM THI ÑUA", "CỤM THI ĐUA"),
    ("THANH TRA TÆNH KIEÂN GIANG", "THANH TRA TỈNH KIÊN GIANG"),
]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_WORDS)
def test_tcvn3_decodes(legacy: str, unicode: str) -> None:
    assert decode_tcvn3(legacy) == unicode
    assert examine(legacy, ".VnTime") is not None
    assert examine(legacy, ".VnTime").text == unicode  # type: ignore[union-attr]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_CAPITALS)
@pytest.mark.parametrize("font", [".VnTimeH", ".VnArialH", ".VnCentury SchoolbookH"])
def test_tcvn3_capital_fonts(legacy: str, unicode: str, font: str) -> None:
    verdict = examine(legacy, font)
    assert verdict is not None
    assert verdict.text == unicode
    assert decode_tcvn3(legacy, capitals=True) == unicode


def test_capitals_font_prints_plain_letters_in_capitals_too() -> None:
    verdict = examine("thanh tra chinh phu", ".VnTimeH")
    assert verdict is not None
    assert (verdict.encoding, verdict.text) == ("TCVN3", "THANH TRA CHINH PHU")
    assert examine("THANH TRA", ".VnTimeH") is None
    assert examine("thanh tra", ".VnTime") is None


@pytest.mark.parametrize(("legacy", "unicode"), VNI_WORDS)
def test_vni_decodes(legacy: str, unicode: str) -> None:
    assert decode_vni(legacy) == unicode
    verdict = examine(legacy, "VNI-Times")
    assert verdict is not None
    assert verdict.text == unicode


@pytest.mark.parametrize(
    ("legacy", "encoding", "unicode"),
    [
        ("Thanh tra tØnh B¹c Liªu", "TCVN3", "Thanh tra tỉnh Bạc Liêu"),
        ("NguyÔn V¨n §øc", "TCVN3", "Nguyễn Văn Đức"),
        ("Côm thi ®ua", "TCVN3", "Cụm thi đua"),
        ("Sãc Tr¨ng", "TCVN3", "Sóc Trăng"),
        ("B¶o Th¾ng", "TCVN3", "Bảo Thắng"),
        ("Lµm viÖc ë nhµ", "TCVN3", "Làm việc ở nhà"),
        ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "TCVN3", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Xin chaøo caùc baïn", "VNI", "Xin chào các bạn"),
        ("Thanh tra tænh Kieân Giang", "VNI", "Thanh tra tỉnh Kiên Giang"),
        ("Nguyeãn Vaên Ñöùc", "VNI", "Nguyễn Văn Đức"),
    ],
)
def test_recognised_without_a_font_name(legacy: str, encoding: str, unicode: str) -> None:
    for font in (None, "Calibri", "Times New Roman"):
        verdict = examine(legacy, font)
        assert verdict is not None
        assert (verdict.encoding, verdict.text) == (encoding, unicode)


NOT_LEGACY = [
    "Café – 50 €",
    "Zoë",
    "Đà Nẵng",
    "Thanh tra tỉnh Bạc Liêu",
    "Hoà Bình",
    "Cà Mau",
    "Bùi Thanh Nguyên",
    "Kiên Giang",
    "Chánh Thanh tra tỉnh",
    "naïve café",
    "Je ne sais pas où",
    "25°C",
    "3 × 4 = 12",
    "© 2021 Microsoft®",
    "Müller",
    "Señor García",
    "Øresund",
    "smörgåsbord",
    "Ångström",
    "½ số",
    "«Trích yếu»",
    "Số 078, đường Trần Văn Sớm",
    "Bạc Liêu, ngày 22 tháng 12 năm 2021",
    "UBND TỈNH BẠC LIÊU",
    "VT, CTĐ",
    "m²",
    "Plain English text, nothing else.",
]


@pytest.mark.parametrize("text", NOT_LEGACY)
def test_ordinary_text_is_not_taken_for_legacy(text: str) -> None:
    assert examine(text) is None
    assert examine(text, "Times New Roman") is None


@pytest.mark.parametrize("text", ["Bùi Thanh Nguyên", "Kiên Giang", "Thanh tra tỉnh Bạc Liêu"])
@pytest.mark.parametrize("font", [".VnTime", "VNI-Times"])
def test_unicode_typed_into_a_legacy_font_cell_is_left_alone(text: str, font: str) -> None:
    assert examine(text, font) is None


@pytest.mark.parametrize(
    ("text", "font", "encoding"),
    [
        ("Thanh tra tØnh B¹c Liêu", None, "TCVN3"),  # "ê" typed in Unicode amid TCVN3
        ("Café Trung Nguyªn", ".VnTime", "TCVN3"),
        ("Thanh tra tØnh xyzØ¹ B¹c", None, "TCVN3"),
    ],
)
def test_legacy_looking_text_that_does_not_decode_is_refused(
    text: str, font: str | None, encoding: str
) -> None:
    verdict = examine(text, font)
    assert verdict is not None
    assert (verdict.encoding, verdict.text) == (encoding, None)


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv is not installed")
def test_tcvn3_table_matches_glibc_iconv() -> None:
    """Regenerate the TCVN3 table the way legacy_tables.py says it was made."""
    made: dict[str, str] = {}
    for code in range(0xA1, 0x100):
        run = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([code]),
                             capture_output=True, check=False)
        if run.returncode != 0:
            pytest.skip("this iconv has no TCVN5712-1")
        text, shown = run.stdout.decode("utf-8"), bytes([code]).decode("latin-1")
        if len(text) == 1 and text != shown and (text.islower() or text in "ĂÂÊÔƠƯĐ"):
            made[shown] = text
    assert made == TCVN3
    assert made["\xd8"] == "ỉ"
    assert len(made) + 1 == 67 + 7  # with "ý" (0xFD), which maps to itself


# --------------------------------------------------------------------------- workbooks


def _put(sheet: str, header: str, data_row: int, value: str, font: str | None) -> Any:
    def edit(book: Any) -> None:
        ws = book[sheet]
        cell = ws.cell(row=data_row + 1, column=header_column(ws, header))
        cell.value = value
        if font is not None:
            cell.font = Font(name=font, size=13)

    return edit


VNI_PARAGRAPH = ("Naêm qua, Cuïm Thi ñua ñaõ tích cöïc trieån khai coâng taùc thi ñua, khen "
                 "thöôûng.\nCaùc thaønh vieân ñaõ hoaøn thaønh toát nhieäm vuï.")
PARAGRAPH = ("Năm qua, Cụm Thi đua đã tích cực triển khai công tác thi đua, khen thưởng.\n"
             "Các thành viên đã hoàn thành tốt nhiệm vụ.")

LEGACY_EDITS = [
    _put("Thành viên", "Cơ quan chủ quản của đơn vị", 1, "ubnd tØnh b¹c liªu", ".VnTimeH"),
    _put("Thành viên", "Họ và tên thủ trưởng", 2, "NguyÔn V¨n §øc", None),  # heuristic
    _put("Thành viên", "Tên ngắn", 3, "Caø Mau", "VNI-Times"),
    _put("Thành viên", "Tên đơn vị", 4, "Thanh tra tØnh Sãc Tr¨ng", ".VnTime"),
    _put("Thành viên", "Tên ngắn", 4, "Sãc Tr¨ng", ".VnTime"),
    _put("Nội dung báo cáo", "Đoạn văn", 1, VNI_PARAGRAPH, "VNI-Times"),
]

SHORT_OLD = VNI_PARAGRAPH[:59].rstrip() + "…"
SHORT_NEW = PARAGRAPH[:59].rstrip() + "…"
EXPECTED_WARNINGS = [
    "Trang 'Thành viên', ô D2 (Cơ quan chủ quản của đơn vị): đã chuyển từ mã TCVN3 sang "
    "Unicode: «ubnd tØnh b¹c liªu» → «UBND TỈNH BẠC LIÊU».",
    "Trang 'Thành viên', ô H3 (Họ và tên thủ trưởng): đã chuyển từ mã TCVN3 sang Unicode: "
    "«NguyÔn V¨n §øc» → «Nguyễn Văn Đức».",
    "Trang 'Thành viên', ô B4 (Tên ngắn): đã chuyển từ mã VNI sang Unicode: «Caø Mau» → "
    "«Cà Mau».",
    "Trang 'Thành viên', ô A5 (Tên đơn vị): đã chuyển từ mã TCVN3 sang Unicode: «Thanh tra "
    "tØnh Sãc Tr¨ng» → «Thanh tra tỉnh Sóc Trăng».",
    "Trang 'Thành viên', ô B5 (Tên ngắn): đã chuyển từ mã TCVN3 sang Unicode: «Sãc Tr¨ng» → "
    "«Sóc Trăng».",
    f"Trang 'Nội dung báo cáo', ô B2 (Đoạn văn): đã chuyển từ mã VNI sang Unicode: "
    f"«{SHORT_OLD}» → «{SHORT_NEW}».",
]


@pytest.fixture
def legacy_book(edited: Make) -> Path:
    return edited(*LEGACY_EDITS, name="ma-cu.xlsx")


def test_legacy_cells_read_as_unicode_with_a_warning_each(legacy_book: Path) -> None:
    warnings: list[Problem] = []
    book = read_workbook(legacy_book, warnings)
    assert [str(w) for w in warnings] == EXPECTED_WARNINGS
    members = {m.short_name: m for m in book.members}
    assert members["Sóc Trăng"].name == "Thanh tra tỉnh Sóc Trăng"
    assert members["Kiên Giang"].head_name == "Nguyễn Văn Đức"
    assert members["Bạc Liêu"].superior == "UBND TỈNH BẠC LIÊU"
    assert "Cà Mau" in members
    assert book.votes[0].unit == "Thanh tra tỉnh Sóc Trăng"  # typed in Unicode there
    assert book.narratives[0].text == PARAGRAPH
    assert all(unicodedata.is_normalized("NFC", w.message) for w in warnings)


def test_legacy_cells_build_unicode_documents(
    legacy_book: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="docgen"):
        (out,) = build(legacy_book, tmp_path / "out", only=["bao-cao-tong-ket"]).paths
    logged = [r.getMessage() for r in caplog.records if r.name == "docgen"]
    assert logged == EXPECTED_WARNINGS
    text = all_text(docx.Document(str(out)))
    for expected in ("Sóc Trăng", "Cà Mau", PARAGRAPH.split("\n")[0],
                     PARAGRAPH.split("\n")[1]):
        assert expected in text
    for garbage in ("Sãc", "Tr¨ng", "Caø", "ñua", "§", "Ø"):
        assert garbage not in text


def test_repaired_copy_reads_without_warnings(legacy_book: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(legacy_book.read_bytes()).hexdigest()
    fixed = tmp_path / "da-sua.xlsx"
    repairs = repair_workbook(legacy_book, fixed)
    assert [str(r) for r in repairs] == EXPECTED_WARNINGS
    assert hashlib.sha256(legacy_book.read_bytes()).hexdigest() == before
    warnings: list[Problem] = []
    book = read_workbook(fixed, warnings)
    assert warnings == []
    assert book == read_workbook(legacy_book)
    ws = openpyxl.load_workbook(fixed)["Thành viên"]
    assert (ws["A5"].value, ws["A5"].font.name, ws["A5"].font.sz) == (
        "Thanh tra tỉnh Sóc Trăng", "Times New Roman", 13)
    assert ws["A2"].font.name != "Times New Roman"  # untouched cells keep their font


def test_repair_refuses_to_write_onto_its_source(legacy_book: Path) -> None:
    before = legacy_book.read_bytes()
    with pytest.raises(IntakeError) as info:
        repair_workbook(legacy_book, legacy_book.parent / "." / legacy_book.name)
    assert str(info.value) == "Tệp sửa phải khác tệp nguồn (docgen không ghi đè sổ tính gốc)."
    assert legacy_book.read_bytes() == before


def test_repair_refuses_a_target_that_is_not_xlsx(legacy_book: Path, tmp_path: Path) -> None:
    with pytest.raises(IntakeError) as info:
        repair_workbook(legacy_book, tmp_path / "da-sua.xls")
    assert str(info.value) == "Tệp sửa 'da-sua.xls' phải có đuôi .xlsx."
    assert not (tmp_path / "da-sua.xls").exists()


def test_legacy_looking_cell_that_does_not_decode_is_an_error(edited: Make,
                                                              tmp_path: Path) -> None:
    path = edited(
        _put("Thành viên", "Tên đơn vị", 4, "Thanh tra tØnh Sãc Tr¨ng Zxq¹", None),
        _put("Thành viên", "Họ và tên thủ trưởng", 1, "Café Trung Nguyªn", ".VnTime"),
    )
    with pytest.raises(ValidationFailed) as info:
        read_workbook(path)
    found = [str(p) for p in info.value.problems]
    advice = ("nhưng không chuyển được chắc chắn sang Unicode; hãy gõ lại ô này bằng Unicode "
              "(ví dụ phông Times New Roman).")
    assert found[:2] == [
        f"Trang 'Thành viên', ô H2 (Họ và tên thủ trưởng): có vẻ là chữ gõ bằng mã TCVN3 "
        f"{advice}",
        f"Trang 'Thành viên', ô A5 (Tên đơn vị): có vẻ là chữ gõ bằng mã TCVN3 {advice}",
    ]
    # Repair leaves such cells for a person to retype.
    assert repair_workbook(path, tmp_path / "da-sua.xlsx") == []


def test_cli_check_shows_each_repair_and_fix_writes_a_clean_copy(
    legacy_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docgen.cli import main

    before = legacy_book.read_bytes()
    assert main(["check", str(legacy_book)]) == 0
    err = capsys.readouterr().err
    for warning in EXPECTED_WARNINGS:
        assert f"Cảnh báo: {warning}" in err
    fixed = tmp_path / "da-sua.xlsx"
    assert main(["check", str(legacy_book), "--fix", str(fixed)]) == 0
    out = capsys.readouterr().out
    assert f"Đã ghi bản sửa '{fixed}' (6 ô đã chuyển sang Unicode); tệp gốc giữ nguyên." in out
    assert legacy_book.read_bytes() == before
    assert main(["check", str(fixed)]) == 0
    assert "Cảnh báo" not in capsys.readouterr().err
