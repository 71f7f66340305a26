"""Parser for the UN Security Council Consolidated List (XML).

The UN list is the root of the DPRK regime (UNSCR 1718 and after): every national list copies
it, so its entries are the reference for who is designated under UN law. The file holds
``INDIVIDUAL`` and ``ENTITY`` records; each becomes a Person or an Organization whose id is the
UN reference number (``un_sc-KPi.033``). Birth dates keep their UN qualifier (EXACT,
APPROXIMATELY, BETWEEN) in the original text, documents keep their type, country and notes.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from sanctionwatch.lists.base import Context, ListFormat, load_source
from sanctionwatch.lists.parsing import (
    add_date,
    clean_country,
    date_part,
    detect_script,
    has_prop,
    join_text,
    parse_date,
    require_root,
    squash,
)
from sanctionwatch.lists.reader import iter_xml, local_name, text_of
from sanctionwatch.model.entity import Entity

log = logging.getLogger(__name__)

SOURCE = load_source(__file__)
SCHEMAS = {"INDIVIDUAL": "Person", "ENTITY": "Organization"}
NAME_TAGS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
MAX_YEAR_RANGE = 30
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$")


def sniff(head: bytes, path: Path) -> bool:
    return b"<CONSOLIDATED_LIST" in head


def text(elem: ET.Element, path: str) -> str | None:
    """Text of the first element at ``path``, runs of white space made one space."""
    return squash(text_of(elem.find(path)))


def texts(elem: ET.Element, path: str) -> list[str]:
    """Non-blank texts of every element at ``path`` below ``elem``, white space squashed."""
    return [t for t in (squash(text_of(e)) for e in elem.findall(path)) if t]


def parse(ctx: Context) -> None:
    def on_root(root: ET.Element) -> None:
        require_root(ctx.path, root, "CONSOLIDATED_LIST", SOURCE.title)
        raw = root.get("dateGenerated")
        ctx.published = date_part(raw)
        if ctx.published is None:
            ctx.issue("Missing or unreadable dateGenerated on the root element", None, raw)

    for elem in iter_xml(ctx.path, set(SCHEMAS), on_root):
        parse_record(ctx, elem)


def parse_record(ctx: Context, elem: ET.Element) -> None:
    kind = local_name(elem.tag)
    source_id = text(elem, "REFERENCE_NUMBER")
    if source_id is None:
        source_id = text(elem, "DATAID")
        if source_id is None:
            ctx.issue(f"{kind} without REFERENCE_NUMBER or DATAID; skipped", level="error")
            return
        ctx.issue(f"{kind} without REFERENCE_NUMBER; DATAID used as its id", ctx.make_id(source_id))
    entity = ctx.make_entity(SCHEMAS[kind], source_id)
    parse_names(ctx, entity, elem)
    parse_sanction(ctx, entity, elem)
    for alias in elem.findall(f"{kind}_ALIAS"):
        parse_alias(ctx, entity, alias)
    for address in elem.findall(f"{kind}_ADDRESS"):
        parse_address(ctx, entity, address)
    if kind == "INDIVIDUAL":
        parse_person(ctx, entity, elem)
    ctx.emit(entity)


def parse_names(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    name = join_text((text(elem, tag) for tag in NAME_TAGS), " ")
    if name is None:
        ctx.issue("Record has no name", entity.id, level="error")
    entity.add("name", name)
    original = text(elem, "NAME_ORIGINAL_SCRIPT")
    if original is not None:
        script = detect_script(original)
        entity.add("alias", original, lang=f"und-{script}" if script else None)


def parse_sanction(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    entity.add("topics", "sanction")
    entity.add("sourceUrl", SOURCE.url)
    entity.add("keywords", entity.source_id)
    for program in texts(elem, "UN_LIST_TYPE"):
        ctx.lookup("un_list_type", program, entity.id)  # reports a regime we do not know
        entity.add("programId", program)
    add_date(ctx, entity, "createdAt", text(elem, "LISTED_ON"))
    updated = [d for d in map(parse_date, texts(elem, "LAST_DAY_UPDATED/VALUE")) if d]
    if updated:
        entity.add("modifiedAt", max(updated))
    entity.add_many("notes", texts(elem, "COMMENTS1"))


def parse_person(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    entity.add_many("title", texts(elem, "TITLE/VALUE"))
    entity.add_many("position", texts(elem, "DESIGNATION/VALUE"))
    for raw in texts(elem, "GENDER"):
        entity.add("gender", ctx.lookup("gender", raw, entity.id), original=raw)
    for raw in texts(elem, "NATIONALITY/VALUE"):
        entity.add("nationality", clean_country(ctx, raw, entity.id), original=raw)
    for dob in elem.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        parse_birth_date(ctx, entity, dob)
    for pob in elem.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
        parse_birth_place(ctx, entity, pob)
    for doc in elem.findall("INDIVIDUAL_DOCUMENT"):
        parse_document(ctx, entity, doc)


def parse_alias(ctx: Context, entity: Entity, alias: ET.Element) -> None:
    name = text(alias, "ALIAS_NAME")
    if name is None:
        return
    quality = text(alias, "QUALITY") or ""
    prop = ctx.lookup("alias_quality", quality, entity.id) or "alias"
    entity.add(prop if has_prop(entity, prop) else "alias", name)
    note = text(alias, "NOTE")
    if note is not None:
        entity.add("notes", f"{name}: {note}")
    dob = text(alias, "DATE_OF_BIRTH")
    if dob is not None and has_prop(entity, "birthDate"):
        add_date(ctx, entity, "birthDate", dob, f"{dob} (given with alias {name})")
    place = join_text([text(alias, "CITY_OF_BIRTH"), text(alias, "COUNTRY_OF_BIRTH")])
    if place is not None and has_prop(entity, "birthPlace"):
        entity.add("birthPlace", place, original=f"{place} (given with alias {name})")


def parse_birth_date(ctx: Context, entity: Entity, dob: ET.Element) -> None:
    kind = text(dob, "TYPE_OF_DATE")
    note = text(dob, "NOTE")
    raws = [text(dob, tag) for tag in ("DATE", "YEAR", "FROM_YEAR", "TO_YEAR")]
    if not any(raws) and note is None:
        return
    if kind is not None:
        ctx.lookup("date_type", kind, entity.id)
    date, year, start, end = raws
    suffix = f" ({note})" if note else ""
    if kind == "BETWEEN" and start and end:
        add_year_range(ctx, entity, start, end, f"BETWEEN {start} AND {end}{suffix}")
        return
    raw = date or year or start or end
    if raw is not None:
        add_date(ctx, entity, "birthDate", raw, f"{kind or ''} {raw}{suffix}".strip())
    elif note is not None:
        parse_birth_note(ctx, entity, note, kind)


def add_year_range(ctx: Context, entity: Entity, start: str, end: str, original: str) -> None:
    """A BETWEEN range: every year from ``start`` to ``end``, each keeping the range text."""
    first, last = parse_date(start), parse_date(end)
    if first is None or last is None or len(first) != 4 or len(last) != 4:
        ctx.issue("Unparseable birth year range", entity.id, original)
        return
    if not 0 <= int(last) - int(first) <= MAX_YEAR_RANGE:
        ctx.issue("Implausible birth year range", entity.id, original)
        return
    for year in range(int(first), int(last) + 1):
        entity.add("birthDate", str(year), original=original)


def parse_birth_note(ctx: Context, entity: Entity, note: str, kind: str | None) -> None:
    """A date of birth given only as text: "Nov. 1973" is understood, the rest reported."""
    original = f"{kind or ''} {note}".strip()
    match = _MONTH_YEAR.match(note)
    if match is not None and match.group(1).lower() in _MONTHS:
        month = _MONTHS.index(match.group(1).lower()) + 1
        add_date(ctx, entity, "birthDate", f"{match.group(2)}-{month:02d}", original)
        return
    ctx.issue("Date of birth given only as text", entity.id, original)
    entity.add("notes", f"Date of birth: {original}")


def parse_birth_place(ctx: Context, entity: Entity, pob: ET.Element) -> None:
    parts = [text(pob, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")]
    place = join_text(parts)
    note = text(pob, "NOTE")
    if place is None and note is None:
        return
    entity.add("birthPlace", join_text([place, f"({note})" if note else None], " "))
    country = parts[3]
    entity.add("birthCountry", clean_country(ctx, country, entity.id), original=country)


def parse_document(ctx: Context, entity: Entity, doc: ET.Element) -> None:
    kind = text(doc, "TYPE_OF_DOCUMENT")
    kind2 = text(doc, "TYPE_OF_DOCUMENT2")
    number = text(doc, "NUMBER")
    country = text(doc, "ISSUING_COUNTRY") or text(doc, "COUNTRY_OF_ISSUE")
    details = join_text(
        [
            country,
            text(doc, "CITY_OF_ISSUE"),
            f"issued {d}" if (d := text(doc, "DATE_OF_ISSUE")) else None,
            text(doc, "NOTE"),
        ],
        "; ",
    )
    label = join_text([kind, kind2], ": ")
    if number is None:
        if label is not None or details is not None:
            entity.add("notes", join_text([label, details], ": "))
        return
    prop = ctx.lookup("document_type", kind, entity.id) if kind else None
    if kind is None:
        ctx.issue("Document without TYPE_OF_DOCUMENT; kept as idNumber", entity.id, number)
    original = join_text([label, number, f"({details})" if details else None], " ")
    entity.add(prop or "idNumber", number, original=original)


def parse_address(ctx: Context, entity: Entity, address: ET.Element) -> None:
    tags = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
    parts = [text(address, t) for t in tags]
    note = text(address, "NOTE")
    line = join_text([join_text(parts), f"({note})" if note else None], " ")
    if line is None:
        return
    entity.add("address", line)
    entity.add("country", clean_country(ctx, parts[4], entity.id), original=parts[4])


FORMAT = ListFormat(
    name="un_sc",
    source=SOURCE,
    sniff=sniff,
    parse=parse,
    suffixes=(".xml",),
    description="UN Security Council Consolidated List, XML (scsanctions.un.org)",
    aliases=("un",),
)
