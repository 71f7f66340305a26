"""Splitting a name into comparable, lower-case ASCII parts.

Hyphens, dots, commas and other punctuation separate parts ("Jong-un" -> "jong", "un"), while
apostrophes and other in-word marks are dropped ("O'Brien" -> "obrien", "ch'ol" -> "chol").
Short parts are kept: "Un" and "Il" are names, not noise. Normalising is idempotent: tokenising
the joined tokens gives the same tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sanctionwatch.text.translit import transliterate

_IN_WORD = re.compile(r"['`\u2019\u02bc\u02bb?]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=131072)
def tokenize_name(text: str) -> tuple[str, ...]:
    """Name parts of a text: transliterated, lower-cased, split on anything not a letter/digit."""
    ascii_form = transliterate(text).lower()
    ascii_form = _IN_WORD.sub("", ascii_form)
    return tuple(t for t in _SEPARATORS.split(ascii_form) if t)


def normalize_name(text: str) -> str:
    """The name as one normalised string: its parts joined by single spaces."""
    return " ".join(tokenize_name(text))
