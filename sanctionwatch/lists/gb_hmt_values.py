"""Free-text cells of the OFSI list: numbered items, historical countries, Other Information.

OFSI packs several values into one cell as ``(1) Moscow (2) Tula``, writes countries as
history ("Ukrainian SSR (now Ukraine)", "Former USSR, now Belarus"), and puts ship details,
reference numbers and contact data into "Other Information" as ``(Key):value`` pairs. These
helpers turn such cells into values; what they cannot read is an issue, with the raw text.
"""

from __future__ import annotations

import re

from sanctionwatch.lists.base import Context
from sanctionwatch.lists.values import add_value, read_country
from sanctionwatch.model.entity import Entity

_ITEM_MARK = re.compile(r"\(\d+(?:-\d+)?\)")
_NOW = re.compile(r"\b(?:now|currently)\s+(?:the\s+)?(.+?)[).]*$", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^)]*\)\s*")
_INFO = re.compile(r"\(([^()]{2,80})\):\s*(.*?)(?=\s*\([^()]{2,80}\):|$)", re.DOTALL)
_IMO = re.compile(r"\b(\d{7})\b")
_YEAR = re.compile(r"\b([12]\d{3})\b")


def split_items(raw: str | None) -> list[str]:
    """``(1) A (2) B`` -> ``["A", "B"]``; a plain value -> ``[value]``; blank -> []."""
    if not raw:
        return []
    parts = (p.strip(" ,;") for p in _ITEM_MARK.split(raw))
    return [p for p in parts if p]


def read_countries(ctx: Context, text: str) -> list[str] | None:
    """Country codes of one country text, trying history forms; None when none can be read."""
    candidates = [text.rstrip(".")]
    now = _NOW.search(text)
    if now:
        candidates.append(now.group(1))
    candidates.append(_PAREN.sub(" ", text).strip(" .,"))
    for candidate in candidates:
        known, code = read_country(ctx, candidate.strip())
        if known:
            return [code] if code else []
    parts = [p.strip() for p in re.split(r"[.,]", text) if p.strip()]
    codes = [read_country(ctx, p) for p in parts]
    if len(parts) > 1 and all(known for known, _ in codes):
        return [code for _, code in codes if code]
    return None


def add_countries(ctx: Context, entity: Entity, prop: str, raw: str | None) -> None:
    """Add the countries of a cell; an issue for each item that names no country."""
    for item in split_items(raw):
        codes = read_countries(ctx, item)
        if codes is None:
            ctx.issue(f"Unknown country ({prop})", entity.source_id, item)
            continue
        for code in codes:
            add_value(ctx, entity, prop, code, original=item)


def add_info_value(ctx: Context, entity: Entity, prop: str, key: str, value: str) -> None:
    if prop == "keywords":
        entity.add(prop, value.split()[0].rstrip(".;,"))
    elif prop in ("imoNumber", "buildDate"):
        match = (_IMO if prop == "imoNumber" else _YEAR).search(value)
        if match is None:
            ctx.issue(f"Cannot read {key}", entity.source_id, value)
        else:
            add_value(ctx, entity, prop, match.group(1), value, key)
    elif prop in ("flag", "pastFlags"):
        add_countries(ctx, entity, prop, value)
    else:
        for item in split_items(value):
            add_value(ctx, entity, prop, item, label=key)


def add_info_fields(ctx: Context, entity: Entity, info: str) -> None:
    """Structured ``(Key):value`` pairs of Other Information, mapped by ``info_fields``."""
    table = ctx.source.lookups.get("info_fields", {})
    for key, value in _INFO.findall(info):
        prop = table.get(key.strip())
        value = value.strip().rstrip(".").strip()
        if prop and value:
            add_info_value(ctx, entity, prop, key.strip(), value)
