"""Transliteration of names into lower-case ASCII.

Most scripts go through ICU (via ``normality``), offline. Hangul is romanised here, one syllable
at a time: ICU writes "김정은" as one word, "gimjeong-eun", which hides that 김 is the family
name. Romanising per syllable gives "gim jeong eun", which lines up with the DPRK style
"Kim Jong Un" once the sound keys of :mod:`sanctionwatch.text.phonetic` are applied.
"""

from __future__ import annotations

from functools import lru_cache

from normality import ascii_text

# Revised Romanisation jamo tables: 19 initials, 21 vowels, 28 finals (index 0 = none).
_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = ("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t").split()
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3

# Russian letters the way the lists spell Russian names (BGN/PCGN-like: Shoygu, Kuzhugetovich),
# not ISO 9 folded to ASCII (Sojgu, Kuzugetovic), which would lose the digraphs.
_CYRILLIC = {
    "й": "y",
    "х": "kh",
    "ж": "zh",
    "ш": "sh",
    "щ": "shch",
    "ч": "ch",
    "ц": "ts",
    "ю": "yu",
    "я": "ya",
    "ё": "yo",
    "ы": "y",
    "э": "e",
    "ъ": "",
    "ь": "",
    "є": "ye",
    "ї": "yi",
    "ґ": "g",
}
_CYRILLIC_TABLE = str.maketrans(
    {**_CYRILLIC, **{k.upper(): v.capitalize() for k, v in _CYRILLIC.items()}}
)


def is_hangul_syllable(char: str) -> bool:
    return _HANGUL_FIRST <= ord(char) <= _HANGUL_LAST


@lru_cache(maxsize=16384)
def romanize_syllable(char: str) -> str:
    """One precomposed Hangul syllable in Revised Romanisation, e.g. '정' -> 'jeong'."""
    index = ord(char) - _HANGUL_FIRST
    initial, rest = divmod(index, 21 * 28)
    vowel, final = divmod(rest, 28)
    parts = (_INITIALS[initial], _VOWELS[vowel], _FINALS[final])
    return "".join(p for p in parts if p != "-")


def romanize_hangul(text: str) -> str:
    """Romanise Hangul syllables, each as its own word; other characters are kept."""
    out: list[str] = []
    for char in text:
        if is_hangul_syllable(char):
            out.append(f" {romanize_syllable(char)} ")
        else:
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=65536)
def transliterate(text: str) -> str:
    """Any text to ASCII (case kept); characters without a reading are dropped."""
    if text.isascii():
        return text
    if any(is_hangul_syllable(c) for c in text):
        text = romanize_hangul(text)
    text = text.translate(_CYRILLIC_TABLE)
    result = ascii_text(text)
    return result or ""
