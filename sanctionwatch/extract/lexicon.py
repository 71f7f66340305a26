"""The extraction lexicons, loaded once from ``data/*.yml`` and compiled into a token trie.

The YAML files are the project's own data: countries (names, demonyms, capitals, metonyms),
a dated table of officials, role nouns, transfer triggers and status cues. They are read and
checked once per process (:func:`get_lexicon`); a malformed file is a :class:`ConfigError`
naming the file and the entry.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.exc import ConfigError
from sanctionwatch.extract.trie import Entry, Trie

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"


@dataclass(slots=True)
class Term:
    roles: list[str]
    start: date
    end: date | None

    def covers(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when < self.end)


@dataclass(slots=True)
class Person:
    """An official of the dated table: name, country, gender, terms and relatives."""

    id: str
    name: str
    country: str
    gender: str | None
    aliases: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    relations: dict[str, str] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)

    def roles_on(self, when: date) -> set[str]:
        return {r for t in self.terms if t.covers(when) for r in t.roles}


@dataclass(slots=True)
class Lexicon:
    """Everything the components look up, with the trie that finds it in text."""

    trie: Trie
    countries: dict[str, str]
    people: dict[str, Person]
    offices: dict[str, list[str]]
    groups: dict[str, str]
    org_suffixes: set[str]
    verbs: dict[str, tuple[str, str]]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    non_goods: set[str]
    pronoun_goods: set[str]
    generic_goods: set[str]
    cues: dict[str, dict[str, list[tuple[str, ...]]]]

    def holders(self, country: str, roles: list[str], when: date) -> list[Person]:
        """People of ``country`` holding one of ``roles`` on ``when``, by role priority."""
        found: list[Person] = []
        for role in roles:
            for person in self.people.values():
                if person.country == country and role in person.roles_on(when):
                    if person not in found:
                        found.append(person)
        return found


def read_yaml(name: str) -> Any:
    path = DATA / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Cannot read lexicon {path}: {exc}", path=str(path)) from exc


def _parse_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(
            f"officials.yml: {where}: bad date {value!r} (expected YYYY-MM-DD)"
        ) from None


def parse_person(raw: dict[str, Any]) -> Person:
    pid = raw.get("id")
    if not pid or not raw.get("name") or not raw.get("country"):
        raise ConfigError(f"officials.yml: entry {raw!r} needs id, name and country")
    terms = [
        Term(
            list(t["roles"]),
            _parse_date(t["from"], pid),
            _parse_date(t["to"], pid) if t.get("to") else None,
        )
        for t in raw.get("terms") or []
    ]
    return Person(
        pid,
        raw["name"],
        raw["country"],
        raw.get("gender"),
        list(raw.get("aliases") or []),
        list(raw.get("short") or []),
        dict(raw.get("relations") or {}),
        terms,
    )


def _cue_table(raw: dict[str, Any]) -> dict[str, dict[str, list[tuple[str, ...]]]]:
    from sanctionwatch.extract.trie import split_key

    return {
        status: {scope: [split_key(p) for p in phrases] for scope, phrases in scopes.items()}
        for status, scopes in raw.items()
    }


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """Load and compile the lexicons (once per process)."""
    from sanctionwatch.extract.build import build_lexicon

    return build_lexicon()


__all__ = ["Entry", "Lexicon", "Person", "get_lexicon", "read_yaml", "parse_person"]
