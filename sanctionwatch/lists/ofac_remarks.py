"""The remarks column of OFAC's legacy sdn.csv: "; "-separated "Key value" items.

Where the XML has structured fields, the CSV writes them into one text:
``DOB 08 Jan 1984; POB Pyongyang; Passport 12345 (Korea, North) issued 01 Jan 2010;
a.k.a. 'KIM'; Linked To: ...``. Items are matched by their leading key (the identifier types of
``us_ofac_sdn.yml`` plus the ``remark_keys`` table); weak a.k.a.s, which the CSV gives only
here, become ``weakAlias``. The whole remarks text is kept as a note by the parser, so free
text and sanctions notices are not repeated item by item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from followthemoney import model as ftm_model

from sanctionwatch.lists.base import Context
from sanctionwatch.lists.ofac import ID_TABLE, add_dates, add_identifier
from sanctionwatch.lists.values import add_value
from sanctionwatch.model.entity import Entity

REMARK_TABLE = "remark_keys"
_ALIAS = re.compile(r"^([afn]\.k\.a\.)\s+'(.*)'$")
_ID_TAIL = re.compile(
    r"^(?P<number>.*?)(?:\s*\((?P<country>[^()]*)\))?(?:[;,]?\s+(?:issued|expires)\b.*)?$"
)


def is_identifier(prop: str) -> bool:
    """Whether a property holds identifiers (so a trailing "(Country) issued ..." is cut off)."""
    for schema in ("Person", "Company", "Vessel", "Airplane"):
        found = ftm_model.get(schema)
        prop_obj = None if found is None else found.get(prop)
        if prop_obj is not None:
            return str(prop_obj.type.name) == "identifier"
    return False


@dataclass
class RemarkKeys:
    """Known item keys, indexed by their first word; longest key first."""

    ids: dict[str, str | None]
    others: dict[str, str | None]
    by_word: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_context(cls, ctx: Context) -> RemarkKeys:
        keys = cls(ctx.source.lookups.get(ID_TABLE, {}), ctx.source.lookups.get(REMARK_TABLE, {}))
        for key in sorted([*keys.ids, *keys.others], key=len, reverse=True):
            keys.by_word.setdefault(key.split(" ")[0].lower(), []).append(key)
        return keys

    def match(self, item: str) -> tuple[str, str] | None:
        """(key, value) of an item whose start is a known key followed by a value."""
        lowered = item.lower()
        for key in self.by_word.get(lowered.split(" ")[0], []):
            if lowered.startswith(key.lower() + " "):
                return key, item[len(key) :].strip()
        return None


def split_remarks(text: str) -> list[str]:
    text = text.strip()
    if text.endswith("."):
        text = text[:-1]
    return [item.strip() for item in text.split("; ") if item.strip()]


def add_alias(ctx: Context, entity: Entity, kind: str, name: str) -> None:
    prop = ctx.lookup("aka_types", kind, entity.source_id) or "alias"
    entity.add("weakAlias" if prop == "alias" else prop, name)


def add_item(ctx: Context, entity: Entity, keys: RemarkKeys, item: str) -> None:
    """One remark item: an alias or a known "Key value" pair; other items are free text."""
    item = item.removeprefix("alt. ").strip()
    alias = _ALIAS.match(item)
    if alias:
        add_alias(ctx, entity, alias.group(1), alias.group(2))
        return
    found = keys.match(item)
    if found is None:
        return  # free text: already kept, as part of the whole remarks note
    key, value = found
    if key in keys.others:
        prop = keys.others[key] or "notes"
        if prop == "birthDate":
            add_dates(ctx, entity, prop, value, key)
        else:
            add_value(ctx, entity, prop, value, original=item, label=key)
        return
    prop = keys.ids.get(key) or "notes"
    if prop == "notes":
        return  # a sanctions notice, not an identifier: kept in the remarks note
    tail = _ID_TAIL.match(value)
    if is_identifier(prop) and tail is not None and tail.group("number"):
        value = tail.group("number")
    add_identifier(ctx, entity, key, value)


def parse_remarks(ctx: Context, entity: Entity, keys: RemarkKeys, text: str | None) -> None:
    """Add every item of a remarks text (the title, repeated there, is skipped)."""
    if not text:
        return
    skip = set(entity.get("position"))
    for item in split_remarks(text):
        if item not in skip:
            add_item(ctx, entity, keys, item)
