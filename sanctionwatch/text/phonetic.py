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

# Applied in order; longer patterns first.
_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "c"),
    ("dzh", "c"),
    ("tch", "c"),
    ("sch", "s"),
    ("zh", "c"),
    ("ch", "c"),
    ("dj", "c"),
    ("ts", "c"),
    ("tz", "c"),
    ("j", "c"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("sh", "s"),
    ("ck", "k"),
    ("qu", "k"),
    ("q", "k"),
    ("eo", "o"),
    ("eu", "u"),
    ("ae", "e"),
    ("oe", "e"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ie", "i"),
    ("ei", "i"),
    ("ai", "i"),
    ("ay", "i"),
    ("ey", "i"),
    ("iy", "i"),
    ("ii", "i"),
    ("w", "v"),
    ("g", "k"),
    ("d", "t"),
    ("b", "p"),
    ("z", "s"),
    ("o", "u"),
    ("e", "i"),
    ("y", "i"),
)
_DOUBLES = re.compile(r"(.)\1+")
_NOT_ALPHA = re.compile(r"[^a-z]+")
_SKELETON_DROP = re.compile(r"[aeiouwy]+")


@lru_cache(maxsize=131072)
def phonetic_key(token: str) -> str:
    """The sound key of one lower-case ASCII name part, e.g. 'jeong' -> 'cung'."""
    text = _NOT_ALPHA.sub("", token.lower())
    if not text:
        return token
    if text.startswith("x"):
        text = "s" + text[1:]
    text = text.replace("x", "ks")
    if len(text) > 3 and text.endswith("e") and text[-2] not in "aeiouy":
        text = text[:-1]
    if text.startswith("hs"):
        text = text[1:]
    for pattern, replacement in _RULES:
        if pattern in text:
            text = text.replace(pattern, replacement)
    return _DOUBLES.sub(r"\1", text)


@lru_cache(maxsize=131072)
def consonant_skeleton(token: str) -> str:
    """Consonants only, doubled letters collapsed: 'mohammed' -> 'mhmd', 'abdullah' -> 'bdlh'."""
    text = _NOT_ALPHA.sub("", token.lower())
    text = _SKELETON_DROP.sub("", text)
    return _DOUBLES.sub(r"\1", text)
