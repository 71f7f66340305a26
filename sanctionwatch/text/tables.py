"""The word tables of ``data/names.yml``, loaded once and checked.

Kept as data because they grow with experience of real lists (a new legal form, a title seen in
a UN entry), and a table edit should not need a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.exc import ConfigError
from sanctionwatch.text.tokenize import tokenize_name

TABLES_PATH = Path(__file__).parent / "data" / "names.yml"
_KEYS = (
    "legal_forms",
    "honorifics",
    "generic_words",
    "particles",
    "patronymic_suffixes",
    "translations",
    "synonyms",
    "east_asian_surnames",
)


@dataclass(frozen=True, slots=True)
class NameTables:
    """Lookup sets built from the YAML tables (all entries tokenised like names)."""

    legal_forms: dict[tuple[str, ...], str]
    legal_max_len: int
    legal_first_words: frozenset[str]
    translations: dict[tuple[str, ...], str]
    honorifics: frozenset[str]
    generic_words: frozenset[str]
    particles: frozenset[str]
    patronymic_suffixes: tuple[str, ...]
    synonyms: dict[str, str]
    east_asian_surnames: frozenset[str]


def _check(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or any(key not in data for key in _KEYS):
        raise ConfigError(
            f"{TABLES_PATH}: expected a mapping with keys {', '.join(_KEYS)}", path=str(TABLES_PATH)
        )
    return data


def _words(values: list[Any]) -> frozenset[str]:
    return frozenset(" ".join(tokenize_name(str(v))) for v in values)


def _legal_forms(data: dict[str, list[Any]]) -> dict[tuple[str, ...], str]:
    forms: dict[tuple[str, ...], str] = {}
    for canonical, variants in data.items():
        for variant in [canonical, *variants]:
            forms[tokenize_name(str(variant))] = str(canonical)
    return forms


def _phrases(data: dict[str, list[Any]]) -> dict[tuple[str, ...], str]:
    return {tokenize_name(str(v)): str(word) for word, vs in data.items() for v in vs}


def _synonyms(data: dict[str, list[Any]]) -> dict[str, str]:
    return {str(v).lower(): str(canonical) for canonical, vs in data.items() for v in vs}


@lru_cache(maxsize=1)
def get_tables() -> NameTables:
    """The tables, read and validated once per process."""
    try:
        data = _check(yaml.safe_load(TABLES_PATH.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Cannot read name tables {TABLES_PATH}: {exc}") from exc
    legal = _legal_forms(data["legal_forms"])
    return NameTables(
        legal_forms=legal,
        legal_max_len=max(len(k) for k in legal),
        legal_first_words=frozenset(k[0] for k in legal if k),
        translations=_phrases(data["translations"]),
        honorifics=_words(data["honorifics"]),
        generic_words=_words(data["generic_words"]),
        particles=_words(data["particles"]),
        patronymic_suffixes=tuple(str(s) for s in data["patronymic_suffixes"]),
        synonyms=_synonyms(data["synonyms"]),
        east_asian_surnames=_words(data["east_asian_surnames"]),
    )
