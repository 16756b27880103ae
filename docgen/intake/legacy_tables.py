"""Turn legacy Vietnamese font encodings (TCVN3/ABC, VNI-Windows) into data: code tables.

TCVN3 was made once with glibc iconv, one byte at a time, and the result pasted here:

    for b in 0xA1..0xFF: printf "\\x$b" | iconv -f TCVN5712-1 -t UTF-8

glibc's "TCVN5712-1" is the VN1 variant of TCVN 5712:1993; it also puts capitals with tone
marks in the C0/C1 codes and in gaps of the lower-case block, and combining marks at
0xB0-0xB4. TCVN3 (VN3, the ".VnTime" fonts) is the subset kept below: the 67 lower-case
letters and the 7 capitals Ă Â Ê Ô Ơ Ư Đ (0xFD "ý" and 0xA0, no-break space, map to
themselves and are left out). Capitals with tone marks are typed with the lower-case codes
in an "H" font (".VnTimeH") and upper-cased by the converter. Keys are the characters
openpyxl shows for each byte (cp1252 and Latin-1 agree from 0xA0 up).
tests/test_legacy.py regenerates this table from iconv when iconv is installed.
"""

from __future__ import annotations

TCVN3: dict[str, str] = {
    "\xa1": "Ă",  # INVERTED EXCLAMATION MARK
    "\xa2": "Â",  # CENT SIGN
    "\xa3": "Ê",  # POUND SIGN
    "\xa4": "Ô",  # CURRENCY SIGN
    "\xa5": "Ơ",  # YEN SIGN
    "\xa6": "Ư",  # BROKEN BAR
    "\xa7": "Đ",  # SECTION SIGN
    "\xa8": "ă",  # DIAERESIS
    "\xa9": "â",  # COPYRIGHT SIGN
    "\xaa": "ê",  # FEMININE ORDINAL INDICATOR
    "\xab": "ô",  # LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
    "\xac": "ơ",  # NOT SIGN
    "\xad": "ư",  # SOFT HYPHEN
    "\xae": "đ",  # REGISTERED SIGN
    "\xb5": "à",  # MICRO SIGN
    "\xb6": "ả",  # PILCROW SIGN
    "\xb7": "ã",  # MIDDLE DOT
    "\xb8": "á",  # CEDILLA
    "\xb9": "ạ",  # SUPERSCRIPT ONE
    "\xbb": "ằ",  # RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
    "\xbc": "ẳ",  # VULGAR FRACTION ONE QUARTER
    "\xbd": "ẵ",  # VULGAR FRACTION ONE HALF
    "\xbe": "ắ",  # VULGAR FRACTION THREE QUARTERS
    "\xc6": "ặ",  # LATIN CAPITAL LETTER AE
    "\xc7": "ầ",  # LATIN CAPITAL LETTER C WITH CEDILLA
    "\xc8": "ẩ",  # LATIN CAPITAL LETTER E WITH GRAVE
    "\xc9": "ẫ",  # LATIN CAPITAL LETTER E WITH ACUTE
    "\xca": "ấ",  # LATIN CAPITAL LETTER E WITH CIRCUMFLEX
    "\xcb": "ậ",  # LATIN CAPITAL LETTER E WITH DIAERESIS
    "\xcc": "è",  # LATIN CAPITAL LETTER I WITH GRAVE
    "\xce": "ẻ",  # LATIN CAPITAL LETTER I WITH CIRCUMFLEX
    "\xcf": "ẽ",  # LATIN CAPITAL LETTER I WITH DIAERESIS
    "\xd0": "é",  # LATIN CAPITAL LETTER ETH
    "\xd1": "ẹ",  # LATIN CAPITAL LETTER N WITH TILDE
    "\xd2": "ề",  # LATIN CAPITAL LETTER O WITH GRAVE
    "\xd3": "ể",  # LATIN CAPITAL LETTER O WITH ACUTE
    "\xd4": "ễ",  # LATIN CAPITAL LETTER O WITH CIRCUMFLEX
    "\xd5": "ế",  # LATIN CAPITAL LETTER O WITH TILDE
    "\xd6": "ệ",  # LATIN CAPITAL LETTER O WITH DIAERESIS
    "\xd7": "ì",  # MULTIPLICATION SIGN
    "\xd8": "ỉ",  # LATIN CAPITAL LETTER O WITH STROKE
    "\xdc": "ĩ",  # LATIN CAPITAL LETTER U WITH DIAERESIS
    "\xdd": "í",  # LATIN CAPITAL LETTER Y WITH ACUTE
    "\xde": "ị",  # LATIN CAPITAL LETTER THORN
    "\xdf": "ò",  # LATIN SMALL LETTER SHARP S
    "\xe1": "ỏ",  # LATIN SMALL LETTER A WITH ACUTE
    "\xe2": "õ",  # LATIN SMALL LETTER A WITH CIRCUMFLEX
    "\xe3": "ó",  # LATIN SMALL LETTER A WITH TILDE
    "\xe4": "ọ",  # LATIN SMALL LETTER A WITH DIAERESIS
    "\xe5": "ồ",  # LATIN SMALL LETTER A WITH RING ABOVE
    "\xe6": "ổ",  # LATIN SMALL LETTER AE
    "\xe7": "ỗ",  # LATIN SMALL LETTER C WITH CEDILLA
    "\xe8": "ố",  # LATIN SMALL LETTER E WITH GRAVE
    "\xe9": "ộ",  # LATIN SMALL LETTER E WITH ACUTE
    "\xea": "ờ",  # LATIN SMALL LETTER E WITH CIRCUMFLEX
    "\xeb": "ở",  # LATIN SMALL LETTER E WITH DIAERESIS
    "\xec": "ỡ",  # LATIN SMALL LETTER I WITH GRAVE
    "\xed": "ớ",  # LATIN SMALL LETTER I WITH ACUTE
    "\xee": "ợ",  # LATIN SMALL LETTER I WITH CIRCUMFLEX
    "\xef": "ù",  # LATIN SMALL LETTER I WITH DIAERESIS
    "\xf1": "ủ",  # LATIN SMALL LETTER N WITH TILDE
    "\xf2": "ũ",  # LATIN SMALL LETTER O WITH GRAVE
    "\xf3": "ú",  # LATIN SMALL LETTER O WITH ACUTE
    "\xf4": "ụ",  # LATIN SMALL LETTER O WITH CIRCUMFLEX
    "\xf5": "ừ",  # LATIN SMALL LETTER O WITH TILDE
    "\xf6": "ử",  # LATIN SMALL LETTER O WITH DIAERESIS
    "\xf7": "ữ",  # DIVISION SIGN
    "\xf8": "ứ",  # LATIN SMALL LETTER O WITH STROKE
    "\xf9": "ự",  # LATIN SMALL LETTER U WITH GRAVE
    "\xfa": "ỳ",  # LATIN SMALL LETTER U WITH ACUTE
    "\xfb": "ỷ",  # LATIN SMALL LETTER U WITH CIRCUMFLEX
    "\xfc": "ỹ",  # LATIN SMALL LETTER U WITH DIAERESIS
    "\xfe": "ỵ",  # LATIN SMALL LETTER THORN
}

# VNI-Windows: a base letter followed by mark characters. Each row lists a Unicode base
# letter and its VNI spellings in the order: no tone, acute, grave, hook, tilde, dot.
# The capitals are the cp1252 upper case of each spelling ("aù" -> "AÙ", "ñ" -> "Ñ").
VNI_ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("a", ("a", "aù", "aø", "aû", "aõ", "aï")),
    ("â", ("aâ", "aá", "aà", "aå", "aã", "aä")),
    ("ă", ("aê", "aé", "aè", "aú", "aü", "aë")),
    ("e", ("e", "eù", "eø", "eû", "eõ", "eï")),
    ("ê", ("eâ", "eá", "eà", "eå", "eã", "eä")),
    ("o", ("o", "où", "oø", "oû", "oõ", "oï")),
    ("ô", ("oâ", "oá", "oà", "oå", "oã", "oä")),
    ("ơ", ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï")),
    ("u", ("u", "uù", "uø", "uû", "uõ", "uï")),
    ("ư", ("ö", "öù", "öø", "öû", "öõ", "öï")),
    ("i", ("i", "í", "ì", "æ", "ó", "ò")),
    ("y", ("y", "yù", "yø", "yû", "yõ", "î")),
)
VNI_D = "ñ"  # đ
