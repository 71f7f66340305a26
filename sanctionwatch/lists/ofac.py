"""Values that every OFAC format writes the same way: dates, names and identifier types.

The SDN XML, the non-SDN consolidated XML and the legacy CSV set share one vocabulary: dates
such as "08 Jan 1984", "circa 1960" or "1962 to 1964", names printed "LAST, First", and about
150 identifier types ("Passport", "Vessel Registration Identification", "SWIFT/BIC"...). The
identifier types are data: the ``id_types`` lookup of ``us_ofac_sdn.yml`` maps each to an FtM
property, and the other OFAC formats reuse that table (:func:`merge_lookups`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from sanctionwatch.lists.base import Context, Source
from sanctionwatch.lists.values import add_note, add_value, prop_type
from sanctionwatch.model.entity import Entity

ID_TABLE = "id_types"
MONTHS = {name.lower(): num for num, name in enumerate(calendar.month_abbr) if name}
#: A "1962 to 1964" range is expanded year by year up to this width; wider ranges are issues.
MAX_RANGE_YEARS = 50

_ONE_DATE = re.compile(r"^(?:(\d{1,2})\s+)?(?:([A-Za-z]{3})[a-z]*\.?\s+)?([12]\d{3})$")
_QUALIFIER = re.compile(r"^(?:circa|approximately|approx\.?|about|ca\.)\s+", re.IGNORECASE)
_IMO = re.compile(r"^(?:IMO\s*)?(\d{7})$", re.IGNORECASE)


def merge_lookups(own: Source, base: Source) -> Source:
    """``own`` with the lookup tables of ``base`` added (own tables win)."""
    return own.model_copy(update={"lookups": {**base.lookups, **own.lookups}})


def parse_one_date(text: str) -> str | None:
    """``08 Jan 1984`` -> ``1984-01-08``; ``Jan 1984`` -> ``1984-01``; ``1984``; else None."""
    match = _ONE_DATE.match(text.strip())
    if match is None:
        return None
    day, mon, year = match.groups()
    if mon is None:
        return year if day is None else None
    month = MONTHS.get(mon.lower())
    if month is None:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def common_prefix(first: str, last: str) -> str:
    """The ISO prefix two dates share: ``1970-03-01``, ``1970-03-31`` -> ``1970-03``."""
    parts = []
    for a, b in zip(first.split("-"), last.split("-"), strict=False):
        if a != b:
            break
        parts.append(a)
    return "-".join(parts)


def parse_dates(text: str) -> list[str]:
    """ISO dates (or years, for a range across years) of an OFAC date; [] when unreadable."""
    text = _QUALIFIER.sub("", text.strip())
    if " to " not in text:
        one = parse_one_date(text)
        return [one] if one else []
    start, _, end = text.partition(" to ")
    first, last = parse_one_date(start), parse_one_date(end)
    if first is None or last is None or last < first:
        return []
    if first[:4] == last[:4]:
        return [common_prefix(first, last)]
    years = range(int(first[:4]), int(last[:4]) + 1)
    if len(years) > MAX_RANGE_YEARS:
        return []
    return [str(year) for year in years]


def add_dates(ctx: Context, entity: Entity, prop: str, raw: str | None, label: str) -> None:
    """Add every date of an OFAC date text; an issue (raw text kept) when it cannot be read."""
    if raw is None or not raw.strip():
        return
    values = parse_dates(raw)
    if not values:
        ctx.issue(f"Cannot read date ({label})", entity.source_id, raw)
        return
    if prop_type(entity.schema, prop) is None:
        add_note(entity, label, raw)
        return
    for value in values:
        entity.add(prop, value, original=raw)


def make_name(last: str | None, first: str | None) -> str | None:
    """OFAC prints names ``LAST, First``; entities have only a last name."""
    last, first = (last or "").strip(), (first or "").strip()
    if last and first:
        return f"{last}, {first}"
    return last or first or None


def add_imo(ctx: Context, entity: Entity, raw: str, id_type: str) -> None:
    """``IMO 9179127`` -> imoNumber ``9179127``; other registrations stay registration numbers."""
    match = _IMO.match(raw.strip())
    if match is None:
        add_value(ctx, entity, "registrationNumber", raw, label=id_type)
        return
    add_value(ctx, entity, "imoNumber", match.group(1), original=raw, label=id_type)


def add_identifier(ctx: Context, entity: Entity, id_type: str, number: str | None) -> None:
    """Put one typed OFAC identifier where the ``id_types`` table says; unknown types are issues."""
    if number is None or not number.strip():
        return
    table = ctx.source.lookups.get(ID_TABLE, {})
    if id_type not in table:
        ctx.issue(
            "Unknown identifier type; value kept as idNumber",
            entity.source_id,
            f"{id_type}: {number}",
        )
        add_value(ctx, entity, "idNumber", number, original=f"{id_type}: {number}", label=id_type)
        return
    prop = table[id_type] or "notes"
    if prop == "notes":
        add_note(entity, id_type, number)
    elif prop == "imoNumber":
        add_imo(ctx, entity, number, id_type)
    elif prop_type(entity.schema, prop) == "date":
        add_dates(ctx, entity, prop, number, id_type)
    else:
        add_value(ctx, entity, prop, number, label=id_type)
