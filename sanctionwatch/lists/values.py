"""Putting list values on entities: country cleaning and a fallback when a schema lacks a property.

Lists put the same kind of value on very different records: OFAC gives an "Identification
Number" to a vessel, a "Registration Number" to an aircraft, a title to a company. FtM schemas
are stricter (a Vessel has no ``idNumber``, an Organization no ``position``), so
:func:`add_value` tries the property, then a close identifier property, and otherwise keeps the
text in ``notes`` with its label. A value is never dropped because the schema has no place for it.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from followthemoney import model as ftm_model
from followthemoney.types import registry

from sanctionwatch.lists.base import Context
from sanctionwatch.model.entity import Entity

log = logging.getLogger(__name__)

#: Lookup table (in a list's YAML) that overrides country cleaning; null means "no country".
COUNTRY_TABLE = "countries"

#: Where an identifier goes when the schema lacks the property the list's type maps to.
ID_FALLBACKS = ("idNumber", "registrationNumber")


@lru_cache(maxsize=512)
def prop_type(schema: str, prop: str) -> str | None:
    """The FtM type name of a property of a schema (``date``, ``country``...), None if absent."""
    found = ftm_model.get(schema)
    if found is None:
        return None
    prop_obj = found.get(prop)
    return None if prop_obj is None else str(prop_obj.type.name)


def read_country(ctx: Context, text: str) -> tuple[bool, str | None]:
    """(known, code): the list's ``countries`` table first, then FtM's country names."""
    table = ctx.source.lookups.get(COUNTRY_TABLE, {})
    if text in table:
        return True, table[text]
    code = registry.country.clean_text(text)
    return code is not None, None if code is None else str(code)


def clean_country(ctx: Context, raw: str | None, record: str | None = None) -> str | None:
    """A lowercase ISO country code for a country name; an issue when it cannot be read."""
    text = (raw or "").strip()
    if not text:
        return None
    known, code = read_country(ctx, text)
    if not known:
        ctx.issue("Unknown country", record, text)
    return code


def clean_gender(raw: str) -> str | None:
    value = registry.gender.clean_text(raw)
    return None if value is None else str(value)


def add_note(entity: Entity, label: str, value: str) -> None:
    """Keep a value the schema has no property for as a labelled note."""
    label = label.strip().rstrip(":-").strip()
    entity.add("notes", f"{label}: {value}" if label else value)


def pick_prop(entity: Entity, prop: str) -> str | None:
    """``prop`` if the entity's schema has it, else a fallback identifier property, else None."""
    kind = prop_type(entity.schema, prop)
    if kind is not None:
        return prop
    if prop_type("LegalEntity", prop) == "identifier" or prop in ("passportNumber", "imoNumber"):
        for alt in ID_FALLBACKS:
            if prop_type(entity.schema, alt) is not None:
                return alt
    return None


def add_value(
    ctx: Context,
    entity: Entity,
    prop: str,
    value: str | None,
    original: str | None = None,
    label: str | None = None,
) -> None:
    """Add a value, cleaned by the property's FtM type (country, gender), or keep it as a note.

    Dates are not handled here: each list writes them its own way and cleans them first.
    """
    if value is None or not value.strip():
        return
    target = pick_prop(entity, prop)
    if target is None:
        log.debug("%s has no %s; kept as a note", entity.schema, prop)
        add_note(entity, label or prop, value)
        return
    kind = prop_type(entity.schema, target)
    cleaned: str | None = value
    if kind == "country":
        cleaned = clean_country(ctx, value, entity.source_id)
    elif kind == "gender":
        cleaned = clean_gender(value)
        if cleaned is None:
            ctx.issue("Unknown gender", entity.source_id, value)
    if cleaned is None:
        return
    keep = original if original is not None else value
    if target != prop and original is None:
        keep = f"{label or prop}: {value}"
    entity.add(target, cleaned, original=keep if keep != cleaned else None)
