"""Which writing system a name is written in.

Screening compares names across scripts, and some scripts need their own treatment before
comparison: Hangul is romanised syllable by syllable (so that the family name separates from the
given name), and Arabic and Hebrew are abjads whose romanisations carry vowels the original lacks.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Script names as used here, keyed by the first word of the Unicode character name.
_PREFIXES = {
    "LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "HANGUL": "Hangul",
    "CJK": "Han",
    "GREEK": "Greek",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "HIRAGANA": "Kana",
    "KATAKANA": "Kana",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
    "THAI": "Thai",
    "DEVANAGARI": "Devanagari",
}

#: Scripts whose letters mostly leave short vowels unwritten.
ABJADS = frozenset({"Arabic", "Hebrew"})


@lru_cache(maxsize=8192)
def char_script(char: str) -> str | None:
    """The script of one character, or ``None`` for digits, spaces and punctuation."""
    if char.isascii():
        return "Latin" if char.isalpha() else None
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return _PREFIXES.get(name.split(" ", 1)[0], "Other")


def text_scripts(text: str) -> set[str]:
    """All scripts used in a text."""
    found: set[str] = set()
    for char in text:
        script = char_script(char)
        if script is not None:
            found.add(script)
    return found


def is_latin(text: str) -> bool:
    """True when the text uses no letters outside the Latin script."""
    return text.isascii() or text_scripts(text) <= {"Latin"}


def is_abjad(text: str) -> bool:
    """True when the text is written (partly) in Arabic or Hebrew letters."""
    return not text.isascii() and bool(text_scripts(text) & ABJADS)
