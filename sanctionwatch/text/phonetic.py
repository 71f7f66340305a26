"""Sound keys: one spelling for the many romanisations of a name part.

The key folds the differences that romanisation systems make and people hear as the same:
voiced and voiceless consonants (Kim/Gim, Jong/Chong, Pak/Bak), digraphs (sh/s, kh/h, ch/j/zh),
Korean vowel spellings (eo/o, eu/u), vowel classes (o/u, e/i/y), doubled letters and a silent
final e ("Poutine"/"Putin"). It is deliberately coarse: keys are used to find candidates and to
rate two name parts as "sounding alike", never as proof of identity on their own.

The consonant skeleton (letters without vowels, w, y) compares a romanisation of an abjad
(Arabic, Hebrew: "mhmd") with a fully voweled spelling ("Mohammed").
"""

from __future__ import annotations

import re
from functools import lru_cache

# Letter groups first (longest first, in one pass), then single letters.
_GROUPS = {
    "tsch": "c",
    "dzh": "c",
    "tch": "c",
    "sch": "s",
    "zh": "c",
    "ch": "c",
    "dj": "c",
    "ts": "c",
    "tz": "c",
    "kh": "h",
    "gh": "k",
    "ph": "f",
    "th": "t",
    "sh": "s",
    "ck": "k",
    "qu": "k",
    "eo": "u",
    "eu": "u",
    "ae": "i",
    "oe": "i",
    "ou": "u",
    "oo": "u",
    "ee": "i",
    "ie": "i",
    "ei": "i",
    "ai": "i",
    "ay": "i",
    "ey": "i",
    "iy": "i",
    "ii": "i",
}
_GROUP_RE = re.compile("|".join(sorted(_GROUPS, key=lambda g: -len(g))))
_LETTERS = str.maketrans("jqwgdbzoey", "ckvktpsuii")
_DOUBLE = re.compile(r"(.)\1")
_DOUBLES = re.compile(r"(.)\1+")
_NOT_ALPHA = re.compile(r"[^a-z]+")
_SKELETON_DROP = re.compile(r"[aeiouvy]+")


def _group(match: re.Match[str]) -> str:
    return _GROUPS[match.group()]


@lru_cache(maxsize=131072)
def phonetic_key(token: str) -> str:
    """The sound key of one lower-case ASCII name part, e.g. 'jeong' -> 'cung'."""
    return _fold(token, wade_giles=True)


def _fold(token: str, wade_giles: bool) -> str:
    text = _NOT_ALPHA.sub("", token.lower())
    if not text:
        return token
    if text.startswith("x"):
        text = "s" + text[1:]
    text = text.replace("x", "ks")
    if len(text) > 3 and text.endswith("e") and text[-2] not in "aeiouy":
        text = text[:-1]
    if wade_giles and text.startswith("hs"):  # Wade-Giles "Hsi" is pinyin "Xi"
        text = text[1:]
    text = _GROUP_RE.sub(_group, text).translate(_LETTERS)
    return _undouble(text)


def _undouble(text: str) -> str:
    if not _DOUBLE.search(text):
        return text
    return _DOUBLES.sub(_first_char, text)


def _first_char(match: re.Match[str]) -> str:
    return match.group(1)


@lru_cache(maxsize=131072)
def consonant_skeleton(token: str) -> str:
    """The consonant classes of a part, without vowels, w/v and y: 'mohammed' -> 'mhmt',
    'abdelkader' -> 'ptlktr', 'qadr' -> 'ktr'. Built on the sound key, so that q/k, d/t and
    b/p fold as they do across romanisations of Arabic."""
    return _SKELETON_DROP.sub("", _fold(token, wade_giles=False))
