"""Turn text typed in a legacy Vietnamese font encoding (TCVN3/ABC, VNI-Windows) into Unicode.

In an .xlsx such text arrives as Latin-1/cp1252 symbols ("Thanh tra tØnh B¹c Liªu",
"Xin chaøo caùc baïn"). The cell's font says which encoding was used (".VnTime" -> TCVN3,
".VnTimeH" -> TCVN3 capitals, "VNI-Times" -> VNI). Without such a font a cell is converted
only when the evidence is strong: some words read as nonsense as they are, every one of
them decodes into a Vietnamese syllable, and nothing that already read well is spoilt.
Text that looks legacy but does not decode that cleanly is reported, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from docgen.intake.legacy_tables import TCVN3, VNI_D, VNI_ROWS
from docgen.intake.syllable import is_word
from docgen.vi import upper_vi

__all__ = ["Verdict", "candidate", "capitals_font", "decode_tcvn3", "decode_vni", "examine",
           "font_encoding"]

TCVN3_NAME = "TCVN3"
VNI_NAME = "VNI"

# cp1252's characters for 0x80-0x9F: text made only of these and Latin-1 may be legacy.
_CP1252 = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
# A character no legacy byte shows as: past Latin-1 and not one of cp1252's.
_BEYOND_LEGACY = re.compile("[^\x00-\xff" + "".join(sorted(_CP1252)) + "]")
# A word: letters, combining marks and the Latin-1 symbols legacy encodings use as letters.
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00ff\u0300-\u036f])+")
_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, spellings in VNI_ROWS:
        for spelling, mark in zip(spellings, _MARKS, strict=True):
            letter = unicodedata.normalize("NFC", base + mark)
            table[spelling] = letter
            table[spelling.upper()] = upper_vi(letter)
    table[VNI_D] = "đ"
    table[VNI_D.upper()] = "Đ"
    return {k: v for k, v in table.items() if k != v}


_VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))
_TCVN3_TRANS = str.maketrans(TCVN3)


def decode_tcvn3(text: str, *, capitals: bool = False) -> str:
    """Decode TCVN3 text; `capitals` for an "H" font, whose lower-case codes print as
    capitals."""
    decoded = text.translate(_TCVN3_TRANS)
    return upper_vi(decoded) if capitals else unicodedata.normalize("NFC", decoded)


def decode_vni(text: str) -> str:
    """Decode VNI-Windows text, longest spelling first."""
    decoded = _VNI_PATTERN.sub(lambda m: _VNI[m.group(0)], text)
    return unicodedata.normalize("NFC", decoded)


@dataclass(frozen=True)
class Verdict:
    """What a cell's text is: `text` is the Unicode reading, or None when the text looks
    legacy but cannot be decoded with confidence. `encoding` names it ("TCVN3", "VNI",
    or "TCVN3/VNI" when the text could be either)."""

    encoding: str
    text: str | None


Decoder = Callable[[str], str]


def capitals_font(font_name: str | None) -> bool:
    """True for a TCVN3 capitals font (".VnTimeH", ".VnArialH"), which prints every letter,
    ASCII ones too, as a capital."""
    name = (font_name or "").strip()
    return name.casefold().startswith(".vn") and name.endswith("H")


def font_encoding(font_name: str | None) -> tuple[str, Decoder] | None:
    """The legacy encoding a font name implies, with its decoder, or None."""
    name = (font_name or "").strip()
    if name.casefold().startswith(".vn"):
        capitals = capitals_font(name)
        return TCVN3_NAME, lambda t: decode_tcvn3(t, capitals=capitals)
    if name.casefold().startswith("vni"):
        return VNI_NAME, decode_vni
    return None


def candidate(text: str) -> bool:
    """True when `text` could hold legacy codes: not plain ASCII, and made only of the
    Latin-1/cp1252 characters openpyxl shows for bytes (Unicode Vietnamese such as "ỉ", "ạ",
    "đ" never is)."""
    return not text.isascii() and _BEYOND_LEGACY.search(text) is None


def examine(text: str, font_name: str | None = None) -> Verdict | None:
    """Decide whether `text` is legacy-encoded: None when it is not (leave it as it is)."""
    if len(text) <= _REMEMBERED:
        return _remembered(text, font_name)
    return _examine(text, font_name)


# A sheet repeats its short texts ("Có", "Không", "Tập thể") in every row: their verdicts
# are kept (at most 4 096 texts of at most 200 characters).
_REMEMBERED = 200


@lru_cache(maxsize=4096)
def _remembered(text: str, font_name: str | None) -> Verdict | None:
    return _examine(text, font_name)


def _examine(text: str, font_name: str | None) -> Verdict | None:
    if text.isascii() and capitals_font(font_name) and text != text.upper():
        return Verdict(TCVN3_NAME, text.upper())  # what the capitals font shows
    if not candidate(text):
        return None
    declared = font_encoding(font_name)
    if declared is not None:
        return _by_font(text, *declared)
    return _by_evidence(text)


def _by_font(text: str, encoding: str, decode: Decoder) -> Verdict | None:
    decoded = decode(text)
    if decoded == unicodedata.normalize("NFC", text):
        return None
    if all(is_word(tok) for tok in _TOKEN.findall(text)):
        return None  # reads well as it is: Unicode typed into a cell that kept a legacy font
    if all(is_word(tok) for tok in _TOKEN.findall(decoded)):
        return Verdict(encoding, decoded)
    return Verdict(encoding, None)


@dataclass(frozen=True)
class _Reading:
    encoding: str
    text: str
    confident: bool
    plausible: bool


def _by_evidence(text: str) -> Verdict | None:
    tokens = _TOKEN.findall(text)
    odd = [tok for tok in tokens if not is_word(tok)]
    if not odd:
        return None
    readings = [_reading(name, decode, text, odd) for name, decode in _candidates(text)]
    sure = {r.text: r.encoding for r in readings if r.confident}
    if len(sure) == 1:
        decoded, encoding = next(iter(sure.items()))
        return Verdict(encoding, decoded)
    names = sorted({r.encoding for r in readings if r.plausible or r.confident})
    if names:
        return Verdict("/".join(names), None)
    return None


def _candidates(text: str) -> list[tuple[str, Decoder]]:
    found: list[tuple[str, Decoder]] = [(TCVN3_NAME, decode_tcvn3), (VNI_NAME, decode_vni)]
    if not any("a" <= ch <= "z" for ch in text):  # ASCII in capitals: maybe an "H" font
        found.append((TCVN3_NAME, lambda t: decode_tcvn3(t, capitals=True)))
    return found


def _reading(encoding: str, decode: Decoder, text: str, odd: list[str]) -> _Reading:
    """How well a decoder explains the odd words of a text."""
    tokens = _TOKEN.findall(text)
    decoded = {tok: decode(tok) for tok in tokens}
    changed = [tok for tok in tokens if decoded[tok] != tok]
    fixed = [tok for tok in odd if decoded[tok] != tok and is_word(decoded[tok])]
    spoilt = any(not is_word(decoded[tok]) for tok in changed)
    # A symbol inside a word ("tØnh", "B¹c", "®ua") is strong evidence; "×" alone is not.
    symbols = any(not tok.isalpha() and any(ch.isascii() for ch in tok) for tok in fixed)
    confident = (len(fixed) == len(odd) and not spoilt
                 and (len(changed) >= 2 or symbols))
    plausible = len(fixed) >= 2 or (len(fixed) == 1 and symbols)
    return _Reading(encoding, decode(text) if confident else "", confident, plausible)
