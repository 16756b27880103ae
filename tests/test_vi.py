"""Tests for docgen.vi: Vietnamese dates, numbers, number words and name keys."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from docgen.vi import (
    count_phrase,
    date_line,
    format_number,
    format_percent,
    full_date,
    money_in_words,
    name_key,
    nfc,
    number_to_words,
    roman,
    short_date,
    upper_vi,
)

# ----------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("place", "d", "expected"),
    [
        ("Bạc Liêu", date(2022, 1, 5), "Bạc Liêu, ngày 05 tháng 01 năm 2022"),
        ("Bạc Liêu", date(2022, 1, 1), "Bạc Liêu, ngày 01 tháng 01 năm 2022"),
        ("Sóc Trăng", date(2023, 2, 9), "Sóc Trăng, ngày 09 tháng 02 năm 2023"),
        ("Sóc Trăng", date(2023, 2, 28), "Sóc Trăng, ngày 28 tháng 02 năm 2023"),
        ("Cần Thơ", date(2021, 3, 10), "Cần Thơ, ngày 10 tháng 3 năm 2021"),
        ("Cần Thơ", date(2021, 4, 1), "Cần Thơ, ngày 01 tháng 4 năm 2021"),
        ("Hà Nội", date(2020, 5, 31), "Hà Nội, ngày 31 tháng 5 năm 2020"),
        ("Cà Mau", date(2019, 6, 29), "Cà Mau, ngày 29 tháng 6 năm 2019"),
        ("Cà Mau", date(2019, 7, 5), "Cà Mau, ngày 05 tháng 7 năm 2019"),
        ("Huế", date(2018, 8, 9), "Huế, ngày 09 tháng 8 năm 2018"),
        ("Đà Nẵng", date(2024, 9, 10), "Đà Nẵng, ngày 10 tháng 9 năm 2024"),
        ("Vĩnh Long", date(2024, 10, 31), "Vĩnh Long, ngày 31 tháng 10 năm 2024"),
        ("An Giang", date(2025, 11, 1), "An Giang, ngày 01 tháng 11 năm 2025"),
        ("Kiên Giang", date(2020, 12, 31), "Kiên Giang, ngày 31 tháng 12 năm 2020"),
        ("  Bạc Liêu \t", date(2022, 1, 5), "Bạc Liêu, ngày 05 tháng 01 năm 2022"),
    ],
)
def test_date_line(place: str, d: date, expected: str) -> None:
    assert date_line(place, d) == expected


@pytest.mark.parametrize("place", ["", "   ", "\n"])
def test_date_line_rejects_blank_place(place: str) -> None:
    with pytest.raises(ValueError):
        date_line(place, date(2022, 1, 5))


@pytest.mark.parametrize(
    ("month", "expected_month"),
    [
        (1, "01"),
        (2, "02"),
        (3, "3"),
        (4, "4"),
        (5, "5"),
        (6, "6"),
        (7, "7"),
        (8, "8"),
        (9, "9"),
        (10, "10"),
        (11, "11"),
        (12, "12"),
    ],
)
def test_full_date_every_month(month: int, expected_month: str) -> None:
    assert full_date(date(2023, month, 5)) == f"ngày 05 tháng {expected_month} năm 2023"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2023, 2, 28), "ngày 28 tháng 02 năm 2023"),
        (date(2022, 1, 5), "ngày 05 tháng 01 năm 2022"),
        (date(2021, 12, 1), "ngày 01 tháng 12 năm 2021"),
        (date(2020, 3, 9), "ngày 09 tháng 3 năm 2020"),
        (date(2020, 3, 10), "ngày 10 tháng 3 năm 2020"),
    ],
)
def test_full_date(d: date, expected: str) -> None:
    assert full_date(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 1, 13), "13/01/2021"),
        (date(2014, 4, 7), "07/4/2014"),
        (date(2020, 12, 2), "02/12/2020"),
        (date(2023, 2, 28), "28/02/2023"),
        (date(2019, 10, 10), "10/10/2019"),
        (date(2024, 3, 1), "01/3/2024"),
    ],
)
def test_short_date(d: date, expected: str) -> None:
    assert short_date(d) == expected


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("x", "decimals", "expected"),
    [
        (1234567, None, "1.234.567"),
        (0, None, "0"),
        (12.5, None, "12,5"),
        (Decimal("12.50"), None, "12,5"),
        (-1234.5, None, "-1.234,5"),
        (-1234567, None, "-1.234.567"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (1.2345, None, "1,235"),
        (-0.0001, None, "0"),
        (12.5, 2, "12,50"),
        (12, 2, "12,00"),
        (2.675, 2, "2,68"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("-2.5"), 0, "-3"),
        (-0.04, 1, "0,0"),
        (1234567.891, 1, "1.234.567,9"),
        (Decimal("1E+30"), 2, "1.000.000.000.000.000.000.000.000.000.000,00"),
    ],
)
def test_format_number(x: float | Decimal, decimals: int | None, expected: str) -> None:
    assert format_number(x, decimals) == expected


@pytest.mark.parametrize(
    "x",
    [True, False, float("nan"), float("inf"), float("-inf"), Decimal("NaN"), Decimal("Inf"),
     Decimal("sNaN")],  # a signaling NaN cannot be hashed: refused before format's cache
)
def test_format_number_rejects_non_numbers(x: float | Decimal) -> None:
    with pytest.raises(ValueError):
        format_number(x)


def test_format_number_rejects_negative_decimals() -> None:
    with pytest.raises(ValueError):
        format_number(1, -1)


@pytest.mark.parametrize(
    ("x", "decimals", "expected"),
    [
        (12.5, 1, "12,5%"),
        (100, 1, "100,0%"),
        (85.714, 1, "85,7%"),
        (85.714, 0, "86%"),
        (85.75, 1, "85,8%"),
        (Decimal("85.65"), 1, "85,7%"),
        (0, 1, "0,0%"),
        (33.3333, 2, "33,33%"),
        (-2.25, 1, "-2,3%"),
        (1234.5, 1, "1.234,5%"),
    ],
)
def test_format_percent(x: float | Decimal, decimals: int, expected: str) -> None:
    assert format_percent(x, decimals) == expected


def test_format_percent_default_is_one_decimal() -> None:
    assert format_percent(12.5) == "12,5%"
    assert format_percent(100) == "100,0%"


# ------------------------------------------------------------------------ words


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (7, "bảy"),
        (9, "chín"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (19, "mười chín"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (31, "ba mươi mốt"),
        (44, "bốn mươi tư"),
        (55, "năm mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (114, "một trăm mười bốn"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (999, "chín trăm chín mươi chín"),
        (1000, "một nghìn"),
        (1001, "một nghìn không trăm linh một"),
        (1005, "một nghìn không trăm linh năm"),
        (1010, "một nghìn không trăm mười"),
        (1100, "một nghìn một trăm"),
        (2021, "hai nghìn không trăm hai mươi mốt"),
        (10000, "mười nghìn"),
        (15000, "mười lăm nghìn"),
        (21000, "hai mươi mốt nghìn"),
        (100000, "một trăm nghìn"),
        (1000000, "một triệu"),
        (1000500, "một triệu năm trăm"),
        (1050000, "một triệu không trăm năm mươi nghìn"),
        (2005000, "hai triệu không trăm linh năm nghìn"),
        (18720000, "mười tám triệu bảy trăm hai mươi nghìn"),
        (1000000000, "một tỷ"),
        (1000000005, "một tỷ không trăm linh năm"),
        (1000000000000, "một nghìn tỷ"),
        (1001000000000, "một nghìn không trăm linh một tỷ"),
        (1000000000000000, "một triệu tỷ"),
        (10**18, "một tỷ tỷ"),
        (
            1234567891,
            "một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt",
        ),
        (-15, "âm mười lăm"),
        (-2021, "âm hai nghìn không trăm hai mươi mốt"),
        (Decimal("12.5"), "mười hai phẩy năm"),
        (Decimal("12.05"), "mười hai phẩy không năm"),
        (Decimal("12.50"), "mười hai phẩy năm"),
        (Decimal("12.0"), "mười hai"),
        (Decimal("0.25"), "không phẩy hai năm"),
        (Decimal("-0.5"), "âm không phẩy năm"),
        (Decimal("1E+3"), "một nghìn"),
        (12.05, "mười hai phẩy không năm"),
        (3.0, "ba"),
        ("2021", "hai nghìn không trăm hai mươi mốt"),
        ("12.5", "mười hai phẩy năm"),
        ("12,5", "mười hai phẩy năm"),
        (" 12,05 ", "mười hai phẩy không năm"),
        ("1.234,5", "một nghìn hai trăm ba mươi tư phẩy năm"),
        ("-7,25", "âm bảy phẩy hai năm"),
    ],
)
def test_number_to_words(n: float | Decimal | str, expected: str) -> None:
    assert number_to_words(n) == expected


@pytest.mark.parametrize(
    "n",
    [
        True,
        False,
        float("nan"),
        float("inf"),
        float("-inf"),
        Decimal("NaN"),
        Decimal("-Infinity"),
        "NaN",
        "inf",
        "",
        "abc",
        "1.234.567",
        "12,5,3",
    ],
)
def test_number_to_words_rejects(n: bool | float | Decimal | str) -> None:
    with pytest.raises(ValueError):
        number_to_words(n)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (18720000, "Mười tám triệu bảy trăm hai mươi nghìn đồng"),
        (0, "Không đồng"),
        (1000000, "Một triệu đồng"),
        (2005000, "Hai triệu không trăm linh năm nghìn đồng"),
        (1500000000, "Một tỷ năm trăm triệu đồng"),
        (45000, "Bốn mươi lăm nghìn đồng"),
    ],
)
def test_money_in_words(amount: int, expected: str) -> None:
    assert money_in_words(amount) == expected


@pytest.mark.parametrize("amount", [-1, True])
def test_money_in_words_rejects(amount: int) -> None:
    with pytest.raises(ValueError):
        money_in_words(amount)


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [
        (1, "tập thể", "01 (một) tập thể"),
        (2, "cá nhân", "02 (hai) cá nhân"),
        (12, "tập thể", "12 (mười hai) tập thể"),
        (21, "cá nhân", "21 (hai mươi mốt) cá nhân"),
        (105, "hộ gia đình", "105 (một trăm linh năm) hộ gia đình"),
        (0, "cá nhân", "00 (không) cá nhân"),
    ],
)
def test_count_phrase(n: int, noun: str, expected: str) -> None:
    assert count_phrase(n, noun) == expected


def test_count_phrase_rejects_negative() -> None:
    with pytest.raises(ValueError):
        count_phrase(-1, "cá nhân")


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "I"),
        (3, "III"),
        (4, "IV"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (90, "XC"),
        (400, "CD"),
        (1994, "MCMXCIV"),
        (2021, "MMXXI"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_roman(n: int, expected: str) -> None:
    assert roman(n) == expected


@pytest.mark.parametrize("n", [0, -1, 4000, True])
def test_roman_rejects_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        roman(n)


# ------------------------------------------------------------------------------ text


def _nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("đường", "ĐƯỜNG"),
        ("quyết định", "QUYẾT ĐỊNH"),
        ("ủy ban nhân dân", "ỦY BAN NHÂN DÂN"),
        ("cộng hòa xã hội chủ nghĩa việt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (_nfd("thanh tra tỉnh sóc trăng"), "THANH TRA TỈNH SÓC TRĂNG"),
        (_nfd("nghị quyết"), "NGHỊ QUYẾT"),
    ],
)
def test_upper_vi(s: str, expected: str) -> None:
    result = upper_vi(s)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


def test_nfc() -> None:
    decomposed = _nfd("Thanh tra tỉnh Sóc Trăng")
    assert decomposed != "Thanh tra tỉnh Sóc Trăng"
    assert nfc(decomposed) == "Thanh tra tỉnh Sóc Trăng"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hoà", "hòa"),
        ("Hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("Uỷ", "Ủy"),
        ("khoẻ", "khỏe"),
        ("Hoá", "Hóa"),
        ("Hoàng", "hoàng"),
        ("HOÀNG", "hoàng"),
        ("Nguyễn Thị Thuỷ", "nguyễn thị thủy"),
        ("  Nguyễn   Văn\tHoà ", "Nguyễn Văn Hòa"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("Hoạ", "Họa"),
        ("Lê Thị Hoả", "Lê Thị Hỏa"),
        ("Trần Văn Thoã", "Trần Văn Thõa"),
        ("Huỳnh Thị Loẹ", "Huỳnh Thị Lọe"),
        ("Nguyễn Thuỵ", "Nguyễn Thụy"),
        ("Phạm Hoà.", "Phạm Hòa."),
        (_nfd("Thanh tra tỉnh Sóc Trăng"), "Thanh tra tỉnh Sóc Trăng"),
        (_nfd("Nguyễn Thị Thuỷ"), "Nguyễn Thị Thủy"),
        ("Quý", "quý"),
    ],
)
def test_name_key_equal(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hoà", "Hoa"),
        ("Hòa", "Hóa"),
        ("Thủy", "Thúy"),
        ("Nguyễn Văn An", "Nguyễn Văn Anh"),
        ("Lê", "Lễ"),
        ("Đức", "Dức"),
    ],
)
def test_name_key_not_equal(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("Hoà", "hòa"),
        ("hoàng", "hoàng"),
        ("Toán", "toán"),
        ("khuỷu", "khuỷu"),
        ("quý", "quý"),
        ("Quỳ", "quỳ"),
        ("Quỳnh", "quỳnh"),
        ("  Uỷ   ban  ", "ủy ban"),
        ("Thuỷ Tiên", "thủy tiên"),
    ],
)
def test_name_key_exact(s: str, expected: str) -> None:
    assert name_key(s) == expected


def test_formatting_kept_by_value_and_type_gives_each_its_own_result() -> None:
    from decimal import Decimal

    import pytest

    from docgen.vi import format_number

    assert format_number(1) == "1"
    with pytest.raises(ValueError):
        format_number(True)  # equal to 1, but never a number to print
    exact = Decimal(0.0045)  # noqa: RUF032 - the float's exact binary value, under 0.0045
    assert exact == 0.0045
    assert format_number(0.0045) == "0,005"  # the float as written, rounded half up
    assert format_number(exact) == "0,004"
    assert format_number(Decimal("12.50"), 2) == format_number(Decimal("12.5"), 2) == "12,50"
