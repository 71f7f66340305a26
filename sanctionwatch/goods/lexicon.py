"""The goods lexicons: plain words, brands and models, mapped to HS codes and categories.

Both lexicons are YAML data written for the project (``goods/data/terms.yml`` and
``goods/data/brands.yml``) and validated when loaded: every HS code must parse, every category
must be defined, and a phrase may belong to one entry only, so a match is never ambiguous by
accident. Matching works on folded text (lower case, no accents, punctuation as spaces, light
plural folding), longest phrase first, so "Aurus Senat limousine" finds the model "Aurus
Senat" and the word "limousine", and "frozen crab" wins over "crab".
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from sanctionwatch.exc import ConfigError
from sanctionwatch.goods.categories import check_category_names
from sanctionwatch.goods.hs import parse_hs

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
_NON_WORD = re.compile(r"[\W_]+")


def fold_word(token: str) -> str:
    """Fold a plural to its singular in the few regular ways English forms it."""
    if token[-1:] == "s" and token[:-1].isdigit():
        return token[:-1]  # "MiG-21s", "T-72s": plural of a model number
    if len(token) <= 3 or token.isdigit() or not token.isascii():
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("ches", "shes", "xes", "sses")):
        return token[:-2]
    if token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def fold_text(text: str) -> list[str]:
    """Lower-case, strip accents, turn punctuation into spaces, fold plurals; return tokens.

    Letters of any script are kept ("Аурус", "석탄"), so lexicon phrases in Cyrillic or Hangul
    match as Latin ones do; plural folding applies to Latin words only.
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " and "))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = unicodedata.normalize("NFC", stripped).lower()
    return [fold_word(t) for t in _NON_WORD.sub(" ", plain).split()]


def split_words(text: str) -> list[str]:
    """The words of ``text`` as written, one per token of :func:`fold_text` (mostly)."""
    return _NON_WORD.sub(" ", text.replace("&", " and ")).split()


class Entry(BaseModel):
    """One lexicon entry: phrases that all mean the same goods."""

    phrases: list[str] = Field(min_length=1)
    kind: Literal["term", "brand", "model"]
    hs: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    maybe: list[str] = Field(default_factory=list)
    vague: bool = False
    label: str
    brand: str | None = None

    @field_validator("hs")
    @classmethod
    def _parse_codes(cls, value: list[str]) -> list[str]:
        out: list[str] = []
        for spec in value:
            parts = [parse_hs(p) for p in spec.split("-")]
            if any(p is None for p in parts) or len(parts) > 2:
                raise ValueError(f"not an HS code or range: {spec!r}")
            out.append(spec)
        return out


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon phrase found in a text, by token positions."""

    entry: Entry
    phrase: str
    start: int
    end: int


class Lexicon:
    """Phrases indexed by their folded token tuple, matched longest first."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.index: dict[tuple[str, ...], Entry] = {}
        self.longest = 1
        for entry in entries:
            for phrase in entry.phrases:
                self._add(tuple(fold_text(phrase)), phrase, entry)

    def _add(self, key: tuple[str, ...], phrase: str, entry: Entry) -> None:
        if not key:
            raise ConfigError(f"Lexicon phrase {phrase!r} has no words")
        other = self.index.get(key)
        if other is not None and other is not entry:
            raise ConfigError(
                f"Lexicon phrase {phrase!r} is in two entries ({other.label!r}, {entry.label!r})"
            )
        self.index[key] = entry
        self.longest = max(self.longest, len(key))

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping phrase hits in ``text``, scanning left to right, longest first."""
        tokens = fold_text(text)
        hits: list[Hit] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self.longest, len(tokens) - i), 0, -1):
                key = tuple(tokens[i : i + size])
                entry = self.index.get(key)
                if entry is not None:
                    hits.append(Hit(entry, " ".join(key), i, i + size))
                    i += size
                    break
            else:
                i += 1
        return hits


def _read_entries(path: Path, key: str, phrase_key: str) -> list[Entry]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))[key]
        entries = []
        for item in raw:
            body = dict(item)
            body["phrases"] = [str(p) for p in body.pop(phrase_key)]
            body.setdefault("kind", "term")
            entries.append(Entry.model_validate(body))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValidationError) as exc:
        raise ConfigError(f"Invalid lexicon {path}: {exc}", path=str(path)) from exc
    for entry in entries:
        check_category_names(entry.categories + entry.maybe, f"{path.name} ({entry.label})")
    return entries


@lru_cache(maxsize=2)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Load and validate both lexicons into one phrase index (cached)."""
    entries = _read_entries(data_dir / "brands.yml", "brands", "names")
    entries += _read_entries(data_dir / "terms.yml", "terms", "terms")
    lexicon = Lexicon(entries)
    log.debug("goods lexicon: %d entries, %d phrases", len(entries), len(lexicon.index))
    return lexicon
