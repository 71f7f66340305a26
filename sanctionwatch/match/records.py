"""The compact view of a listed entity that screening works on.

Built once per entity when the index is built: names with the strength of each (primary name,
alias, weak alias, former name), identifiers in a comparable form, birth years and dates,
countries, programmes, and the entity itself as JSON for the result.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import orjson

from sanctionwatch.model.entity import Entity
from sanctionwatch.text.tokenize import tokenize_name

#: Name properties in order of strength, with the factor a match on each is worth.
NAME_PROPS: dict[str, float] = {
    "name": 1.0,
    "alias": 1.0,
    "previousName": 0.95,
    "weakAlias": 0.85,
}
ID_PROPS = (
    "imoNumber",
    "passportNumber",
    "idNumber",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "swiftBic",
    "mmsi",
    "callSign",
    "serialNumber",
    "leiCode",
    "vatCode",
    "okpoCode",
    "kppCode",
    "bicCode",
)
COUNTRY_PROPS = (
    "country",
    "nationality",
    "citizenship",
    "jurisdiction",
    "flag",
    "mainCountry",
    "birthCountry",
)
FAMILY_PROPS = ("lastName", "fatherName")
MAX_FAMILY_PARTS = 2
_NOT_ALNUM = re.compile(r"[^A-Z0-9]+")
_ID_PREFIXES = ("IMO", "MMSI", "NO", "NR")


def clean_identifier(value: str) -> str | None:
    """An identifier in comparable form (upper-case letters and digits, no 'IMO' prefix), or
    ``None`` when too short to identify anything."""
    text = _NOT_ALNUM.sub("", value.upper())
    for prefix in _ID_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 4:
            text = text[len(prefix) :]
            break
    return text if len(text) >= 5 and any(c.isdigit() for c in text) else None


class EntityRecord(NamedTuple):
    """What the matcher keeps of one entity (a named tuple: it pickles as a plain tuple)."""

    id: str
    dataset: str
    schema: str
    caption: str
    names: tuple[tuple[str, str], ...]  # (prop, text)
    identifiers: frozenset[str]
    birth_dates: tuple[str, ...]
    countries: frozenset[str]
    programs: tuple[str, ...]
    json: bytes
    #: Name parts the list gives as a family name or father's name (lastName, fatherName):
    #: a query may leave them out ("Nicolas Maduro" for "Nicolas MADURO MOROS").
    family_parts: frozenset[str] = frozenset()


def _names(props: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for prop in NAME_PROPS:
        for value in props.get(prop, ()):
            if value.lower() not in seen:
                seen.add(value.lower())
                out.append((prop, value))
    return tuple(out)


def dump_entity(entity: Entity) -> bytes:
    """The entity as compact JSON (statements as lists), for :func:`load_entity`."""
    statements = [[s.prop, s.value, s.original, s.lang] for s in entity.statements]
    return orjson.dumps([entity.id, entity.schema, entity.dataset, entity.source_id, statements])


def load_entity(data: bytes) -> Entity:
    """The entity written by :func:`dump_entity`."""
    entity_id, schema, dataset, source_id, statements = orjson.loads(data)
    entity = Entity(entity_id, schema, dataset, source_id)
    for prop, value, original, lang in statements:
        entity.add(prop, value, original, lang)
    return entity


def _family_parts(props: dict[str, list[str]]) -> frozenset[str]:
    """Parts of short family and father's names. Longer values are left out: some lists put
    the whole name there ("Saddam Hussein Al-Tikriti"), which says nothing about roles."""
    found: set[str] = set()
    for prop in FAMILY_PROPS:
        for value in props.get(prop, ()):
            tokens = tokenize_name(value)
            if len(tokens) <= MAX_FAMILY_PARTS:
                found.update(tokens)
    return frozenset(found)


def make_record(entity: Entity) -> EntityRecord:
    """The record of an entity; an entity without a name keeps its identifiers only."""
    props = entity.properties
    ids = {clean_identifier(v) for p in ID_PROPS for v in props.get(p, ())}
    countries = {v.lower() for p in COUNTRY_PROPS for v in props.get(p, ())}
    return EntityRecord(
        id=entity.id,
        dataset=entity.dataset,
        schema=entity.schema,
        caption=entity.caption,
        names=_names(props),
        identifiers=frozenset(i for i in ids if i),
        birth_dates=tuple(sorted(set(props.get("birthDate", ())))),
        countries=frozenset(countries),
        programs=tuple(props.get("programId", ())),
        json=dump_entity(entity),
        family_parts=_family_parts(props),
    )
