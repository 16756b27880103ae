"""Turn a word into a yes/no: could it be written Vietnamese (a syllable or an abbreviation)?

Used to decide, without guessing, whether text typed in a legacy font encoding decodes
into real Vietnamese: a syllable is an optional initial consonant, a vowel nucleus from
the closed list of Vietnamese rhymes, an optional final consonant and at most one tone
mark, with the spelling rules that keep "k", "gh", "ngh" before front vowels and allow
only the acute or dot tone before a stop final (c, ch, p, t).
"""

from __future__ import annotations

import unicodedata

_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook",
          "\u0323": "dot"}
_LETTERS = frozenset("abcdeghiklmnopqrstuvxyăâêôơưđ")
_INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
             "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_FINALS = ("ch", "ng", "nh", "c", "k", "m", "n", "p", "t", "")  # k: Đắk Lắk
_STOPS = frozenset({"c", "ch", "k", "p", "t"})
# Vowel nuclei that need a final consonant, that take none, and that may take one.
_CLOSED = frozenset({"ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"})
_OPEN = frozenset({
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua",
    "ui", "uơ", "ưa", "ưi", "ưu", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi",
    "uya", "uyu", "ươi", "ươu",
})
_FREE = frozenset({"a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"})
_NUCLEI = _CLOSED | _OPEN | _FREE
_FRONT = frozenset("ieêy")
_ABBREVIATION = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐĂÂÊÔƠƯ")


def is_word(token: str) -> bool:
    """True for a plain ASCII word, an abbreviation in capitals (CTĐ) or a Vietnamese
    syllable written in lower case, Title case or capitals."""
    if not token or not all(ch.isalpha() for ch in token):
        return False
    if token.isascii():
        return True
    text = unicodedata.normalize("NFC", token)
    if not (text.islower() or text.isupper() or text.istitle()):
        return False
    if text.isupper() and all(ch in _ABBREVIATION for ch in text):
        return True
    return is_syllable(text.lower())


def is_syllable(word: str) -> bool:
    """True when a lower-case word is a well-formed Vietnamese syllable."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [_TONES[ch] for ch in decomposed if ch in _TONES]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    if not base or not set(base) <= _LETTERS:
        return False
    tone = tones[0] if tones else None
    for initial in _INITIALS:
        if not base.startswith(initial):
            continue
        rest = base[len(initial):]
        for final in _FINALS:
            if rest.endswith(final) and len(rest) > len(final):
                nucleus = rest[: len(rest) - len(final)]
                if _fits(initial, nucleus, final, tone):
                    return True
    return False


def _fits(initial: str, nucleus: str, final: str, tone: str | None) -> bool:
    if nucleus not in _NUCLEI:
        return False
    if (final and nucleus in _OPEN) or (not final and nucleus in _CLOSED):
        return False
    if final in _STOPS and tone not in ("acute", "dot"):
        return False
    if final in ("ch", "nh") and nucleus[-1] not in "aêiy":
        return False
    front = nucleus[0] in _FRONT
    if initial in ("k", "gh", "ngh") and not front:
        return False
    if initial in ("c", "ng") and front:
        return False
    if initial == "g" and nucleus[0] in "eê":
        return False
    return not (initial == "qu" and nucleus[0] == "u")
