"""Korean readings of Korean names written in Han characters or in Cyrillic.

DPRK reporting often writes a Korean name in Han characters (Hanja: "金正恩"), which ICU reads
in Mandarin ("jin zheng en") and so misses "Kim Jong Un"; Russian sources write Korean names
syllable by syllable in Cyrillic ("Ким Чен Ын"), which a Russian transliteration reads as
"kim chen yn". Both are given extra readings here, in the romanisation the lists use, from
the tables of ``data/korean.yml``. A reading is an extra way to compare the name, never a
replacement: Chinese and Russian names keep their own reading.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.exc import ConfigError
from sanctionwatch.text.scripts import text_scripts

KOREAN_PATH = Path(__file__).parent / "data" / "korean.yml"
#: At most this many readings of one name (Cyrillic syllables can be read several ways).
MAX_READINGS = 16
#: Han-script names longer than this are not personal names (companies, places).
MAX_HAN_NAME = 5
_SPLIT = re.compile(r"[\s\-\u2010-\u2015\u00b7\u30fb.,]+")


@dataclass(frozen=True, slots=True)
class KoreanTables:
    hanja: dict[str, str]
    syllable: re.Pattern[str]
    initials: dict[str, tuple[str, ...]]
    vowels: dict[str, tuple[str, ...]]
    finals: dict[str, tuple[str, ...]]
    syllables: dict[str, tuple[str, ...]]
    surnames: frozenset[str]


def _alternatives(data: Any, key: str) -> dict[str, tuple[str, ...]]:
    table = data.get(key) if isinstance(data, dict) else None
    if not isinstance(table, dict) or not table:
        raise ConfigError(f"{KOREAN_PATH}: cyrillic.{key} must be a mapping", path=str(KOREAN_PATH))
    return {str(k): tuple(str(v) for v in vs) for k, vs in table.items()}


def _group(options: dict[str, tuple[str, ...]]) -> str:
    return "|".join(sorted(options, key=lambda o: -len(o)))


@lru_cache(maxsize=1)
def get_korean_tables() -> KoreanTables:
    """The tables, read and checked once per process."""
    try:
        data = yaml.safe_load(KOREAN_PATH.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Cannot read Korean tables {KOREAN_PATH}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("hanja"), dict):
        raise ConfigError(f"{KOREAN_PATH}: expected a 'hanja' mapping", path=str(KOREAN_PATH))
    cyrillic = data.get("cyrillic")
    initials = _alternatives(cyrillic, "initials")
    vowels = _alternatives(cyrillic, "vowels")
    finals = _alternatives(cyrillic, "finals")
    pattern = f"({_group(initials)})?({_group(vowels)})({_group(finals)})?"
    return KoreanTables(
        hanja={str(k): str(v) for k, v in data["hanja"].items()},
        syllable=re.compile(pattern),
        initials=initials,
        vowels=vowels,
        finals=finals,
        syllables=_alternatives(cyrillic, "syllables"),
        surnames=frozenset(str(s) for s in data.get("cyrillic_surnames") or ()),
    )


def read_hanja(text: str) -> str | None:
    """The Sino-Korean reading of a Han-script name ("金正恩" -> "kim jong un"), or ``None``
    when a character has no reading in the table or the text is no short Han name."""
    tables = get_korean_tables()
    chars = [c for c in text if not c.isspace() and c not in "·・.-"]
    if not chars or len(chars) > MAX_HAN_NAME:
        return None
    readings = [tables.hanja.get(c) for c in chars]
    if any(r is None for r in readings):
        return None
    return " ".join(r for r in readings if r)


def _read_syllable(token: str, tables: KoreanTables) -> list[str] | None:
    if token in tables.syllables:
        return list(tables.syllables[token])
    match = tables.syllable.fullmatch(token)
    if match is None:
        return None
    initial, vowel, final = match.groups()
    options = itertools.product(
        tables.initials[initial] if initial else ("",),
        tables.vowels[vowel],
        tables.finals[final] if final else ("",),
    )
    return ["".join(o) for o in options]


def _read_word(token: str, tables: KoreanTables) -> list[str] | None:
    """Readings of one syllable, or of a given name of two syllables written as one word, as
    the Kontsevich system writes it ("Чонын": чон-ын or чо-нын)."""
    single = _read_syllable(token, tables)
    if single is not None:
        return single
    readings: list[str] = []
    for cut in range(1, len(token)):
        first = _read_syllable(token[:cut], tables)
        second = _read_syllable(token[cut:], tables) if first else None
        if first and second:
            readings.extend(f"{a} {b}" for a in first for b in second)
    return readings or None


def read_cyrillic_korean(text: str) -> list[str]:
    """Readings of a Korean name written in Cyrillic ("Ким Чен Ын" -> "kim jong un", ...),
    most likely first; empty when the name does not look Korean (a part that is not one or
    two syllables, no Korean family name first or last, more than four parts)."""
    tables = get_korean_tables()
    tokens = [t for t in _SPLIT.split(text.lower()) if t]
    if not 2 <= len(tokens) <= 4 or not ({tokens[0], tokens[-1]} & tables.surnames):
        return []
    syllables = [_read_word(t, tables) for t in tokens]
    if any(s is None for s in syllables):
        return []
    readings = itertools.islice(
        itertools.product(*(s for s in syllables if s is not None)), MAX_READINGS
    )
    return [" ".join(r) for r in readings]


@lru_cache(maxsize=65536)
def korean_readings(text: str) -> tuple[str, ...]:
    """Extra readings of a name that may be Korean written in Han or Cyrillic; usually none."""
    if text.isascii():
        return ()
    scripts = text_scripts(text)
    if scripts == {"Han"}:
        reading = read_hanja(text)
        return (reading,) if reading else ()
    if scripts == {"Cyrillic"}:
        return tuple(read_cyrillic_korean(text))
    return ()
