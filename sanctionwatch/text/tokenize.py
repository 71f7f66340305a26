"""Splitting a name into comparable, lower-case ASCII parts.

Hyphens, dots, commas and other punctuation separate parts ("Jong-un" -> "jong", "un"), while
apostrophes and other in-word marks are dropped ("O'Brien" -> "obrien", "ch'ol" -> "chol").
Short parts are kept: "Un" and "Il" are names, not noise. Normalising is idempotent: tokenising
the joined tokens gives the same tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from sanctionwatch.text.scripts import is_abjad
from sanctionwatch.text.translit import transliterate

_IN_WORD = re.compile(r"['`\u2019\u02bc\u02bb?]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=131072)
def tokenize_name(text: str) -> tuple[str, ...]:
    """Name parts of a text: transliterated, lower-cased, split on anything not a letter/digit."""
    ascii_form = transliterate(text).lower()
    ascii_form = _IN_WORD.sub("", ascii_form)
    tokens = tuple(t for t in _SEPARATORS.split(ascii_form) if t)
    if is_abjad(text):
        tokens = tuple(_split_articles(tokens))
    return tokens


def _split_articles(tokens: tuple[str, ...]) -> Iterator[str]:
    """Arabic writes the article joined to the word ("الأزهر" -> "alazhr"); romanisations
    mostly separate it ("Al-Azhar"), so it is split off here."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token in ("bd", "abd") and following.startswith("al"):
            # "Abd al-Qadir" is one name, romanised as one word ("Abdelkader") as often as not.
            yield "abd" + following
            index += 2
            continue
        if token.startswith("al") and len(token) > 4:
            yield "al"
            yield token[2:]
        else:
            yield token
        index += 1


def normalize_name(text: str) -> str:
    """The name as one normalised string: its parts joined by single spaces."""
    return " ".join(tokenize_name(text))
