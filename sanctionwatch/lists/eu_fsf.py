"""Parser for the EU Consolidated Financial Sanctions File (XML 1.1).

The EU file lists everyone under an EU asset freeze, including its own DPRK designations that go
beyond the UN list (programme ``PRK``), and gives names in many languages and scripts. It is
about 20 MB, so it is streamed record by record (``sanctionEntity``). Each record becomes a
Person or an Organization with id ``eu_fsf-<logicalId>``; a record listed under two programmes
appears twice with the same logicalId, and the two are merged into one entity (the context
records that as an issue). Names keep their ``nameLanguage`` as the statement language.
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
NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
MAX_YEAR_RANGE = 30
_DIGITS = re.compile(r"\D+")
_EMAIL = re.compile(r"[\w.+-]+@\s?[\w-]+(?:\.\s?[\w-]+)+")


def sniff(head: bytes, path: Path) -> bool:
    return b"<export" in head and NAMESPACE.encode() in head


def attr(elem: ET.Element, name: str) -> str | None:
    """An attribute's value with white space squashed, or None when absent or blank."""
    return squash(elem.get(name))


def children(elem: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in elem if local_name(c.tag) == name]


def parse(ctx: Context) -> None:
    def on_root(root: ET.Element) -> None:
        require_root(ctx.path, root, "export", SOURCE.title)
        if not root.tag.startswith(f"{{{NAMESPACE}}}"):
            ctx.issue("Root element is not in the FSD export namespace", None, root.tag)
        ctx.published = date_part(root.get("generationDate"))
        if ctx.published is None:
            ctx.issue("Missing or unreadable generationDate", None, root.get("generationDate"))

    for elem in iter_xml(ctx.path, {"sanctionEntity"}, on_root):
        parse_record(ctx, elem)


def parse_record(ctx: Context, elem: ET.Element) -> None:
    source_id = attr(elem, "logicalId") or attr(elem, "euReferenceNumber")
    if source_id is None:
        ctx.issue("sanctionEntity without logicalId or euReferenceNumber; skipped", level="error")
        return
    entity = ctx.make_entity(parse_schema(ctx, elem, source_id), source_id)
    entity.add("topics", "sanction")
    entity.add("keywords", attr(elem, "euReferenceNumber"))
    entity.add("keywords", attr(elem, "unitedNationId"))
    entity.add("notes", attr(elem, "designationDetails"))
    parse_names(ctx, entity, children(elem, "nameAlias"))
    parse_regulations(ctx, entity, elem)
    for child in elem:
        parse_detail(ctx, entity, child)
    ctx.emit(entity)


def parse_schema(ctx: Context, elem: ET.Element, source_id: str) -> str:
    subjects = children(elem, "subjectType")
    code = (subjects[0].get("code") or "") if subjects else ""
    schema = ctx.lookup("subject_type", code, ctx.make_id(source_id))
    return schema or "LegalEntity"


def parse_detail(ctx: Context, entity: Entity, child: ET.Element) -> None:
    kind = local_name(child.tag)
    if kind == "birthdate":
        parse_birth_date(ctx, entity, child)
    elif kind == "citizenship":
        code = child.get("countryIso2Code")
        prop = "nationality" if has_prop(entity, "nationality") else "country"
        entity.add(prop, clean_country(ctx, code, entity.id), original=code)
    elif kind == "identification":
        parse_identification(ctx, entity, child)
    elif kind == "address":
        parse_address(ctx, entity, child)
    elif kind == "remark":
        entity.add("notes", squash(text_of(child)))
    if kind != "remark":
        for remark in children(child, "remark"):
            entity.add("notes", squash(text_of(remark)))


def parse_names(ctx: Context, entity: Entity, aliases: list[ET.Element]) -> None:
    primary = next((a for a in aliases if a.get("strong") != "false"), None)
    for alias in aliases:
        lang = parse_lang(ctx, entity, alias.get("nameLanguage"))
        parts = [attr(alias, p) for p in ("firstName", "middleName", "lastName")]
        name = attr(alias, "wholeName") or join_text(parts, " ")
        prop = "name" if alias is primary else "alias"
        if alias.get("strong") == "false":
            prop = "weakAlias"
        entity.add(prop, name, lang=lang)
        parse_name_details(ctx, entity, alias, parts, lang)
    if primary is None:
        ctx.issue("Record has no strong name", entity.id, level="error")


def parse_name_details(
    ctx: Context, entity: Entity, alias: ET.Element, parts: list[str | None], lang: str | None
) -> None:
    if entity.schema == "Person":
        for prop, value in zip(("firstName", "middleName", "lastName"), parts, strict=True):
            entity.add(prop, value, lang=lang)
        entity.add("title", attr(alias, "title"))
        entity.add("position", attr(alias, "function"))
    else:
        entity.add("notes", attr(alias, "function"))
    gender = attr(alias, "gender")
    if gender is not None and has_prop(entity, "gender"):
        entity.add("gender", ctx.lookup("gender", gender, entity.id), original=gender)


def parse_lang(ctx: Context, entity: Entity, raw: str | None) -> str | None:
    """``nameLanguage`` (an EU language code, e.g. "RU") as a BCP 47 tag ("ru")."""
    if raw is None or not raw.strip():
        return None
    return ctx.lookup("languages", raw, entity.id)


def parse_regulations(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    """Programmes, legal acts, and the listing date: the earliest of the designation date and
    the publication dates of every regulation the record cites (amendments re-publish old
    listings, so the record's own regulation is often years younger than the listing)."""
    dates: list[str] = []
    designated = attr(elem, "designationDate")
    if designated is not None:
        add_listing_date(ctx, entity, designated, dates)
    for regulation in children(elem, "regulation"):
        program = attr(regulation, "programme")
        if program is not None:
            ctx.lookup("programmes", program, entity.id)  # reports a programme we do not know
            entity.add("programId", program)
        for url in children(regulation, "publicationUrl"):
            entity.add("sourceUrl", squash(text_of(url)))
    for node in elem.iter():
        if local_name(node.tag) in ("regulation", "regulationSummary"):
            raw = attr(node, "publicationDate")
            if raw is not None:
                add_listing_date(ctx, entity, raw, dates)
    if dates:
        entity.add("createdAt", min(dates))


def add_listing_date(ctx: Context, entity: Entity, raw: str, dates: list[str]) -> None:
    date = parse_date(raw)
    if date is None:
        ctx.issue("Unparseable designation or publication date", entity.id, raw)
    else:
        dates.append(date)


def parse_birth_date(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    if not has_prop(entity, "birthDate"):
        ctx.issue("Birth date on a record that is not a person", entity.id, elem.get("birthdate"))
        return
    circa = "circa " if elem.get("circa") == "true" else ""
    full, year = attr(elem, "birthdate"), attr(elem, "year")
    start, end = attr(elem, "yearRangeFrom"), attr(elem, "yearRangeTo")
    if full is not None:
        calendar = attr(elem, "calendarType") or "GREGORIAN"
        note = "" if calendar == "GREGORIAN" else f" ({calendar} {year})"
        add_date(ctx, entity, "birthDate", full, f"{circa}{full}{note}")
    elif year is not None and attr(elem, "calendarType") in (None, "GREGORIAN"):
        month = attr(elem, "monthOfYear")
        raw = f"{year}-{int(month):02d}" if month and month.isdecimal() else year
        add_date(ctx, entity, "birthDate", raw, f"{circa}{raw}")
    elif year is not None:
        ctx.issue(
            "Birth year in a non-Gregorian calendar",
            entity.id,
            f"{elem.get('calendarType')} {year}",
        )
    elif start is not None and end is not None:
        add_year_range(ctx, entity, start, end, f"{circa}between {start} and {end}")
    parse_birth_place(ctx, entity, elem)


def add_year_range(ctx: Context, entity: Entity, start: str, end: str, original: str) -> None:
    first, last = parse_date(start), parse_date(end)
    if first is None or last is None or not 0 <= int(last[:4]) - int(first[:4]) <= MAX_YEAR_RANGE:
        ctx.issue("Unusable birth year range", entity.id, original)
        return
    for year in range(int(first[:4]), int(last[:4]) + 1):
        entity.add("birthDate", str(year), original=original)


def parse_birth_place(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    country = attr(elem, "countryDescription")
    country = None if country == "UNKNOWN" else country
    names = ("place", "city", "zipCode", "region")
    entity.add("birthPlace", join_text([*(attr(elem, n) for n in names), country]))
    code = elem.get("countryIso2Code")
    entity.add("birthCountry", clean_country(ctx, code, entity.id), original=code)


def parse_identification(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    number = attr(elem, "number") or attr(elem, "latinNumber")
    kind = attr(elem, "identificationTypeCode") or ""
    prop = ctx.lookup("identification_type", kind, entity.id) or "idNumber"
    if not has_prop(entity, prop):
        prop = "idNumber"
    country = attr(elem, "countryDescription")
    flags = [
        f
        for f in ("diplomatic", "knownExpired", "knownFalse", "revokedByIssuer")
        if elem.get(f) == "true"
    ]
    details = join_text(
        [
            None if country == "UNKNOWN" else country,
            f"issued {d}" if (d := attr(elem, "issueDate")) else None,
            attr(elem, "issuedBy"),
            attr(elem, "region"),
            attr(elem, "nameOnDocument"),
            *flags,
        ],
        "; ",
    )
    label = attr(elem, "identificationTypeDescription") or kind
    if number is None:
        entity.add("notes", join_text([label, details], ": "))
        return
    value = _DIGITS.sub("", number) if prop == "imoNumber" else number
    original = join_text([label, number, f"({details})" if details else None], " ")
    entity.add(prop, value or number, original=original)


def parse_address(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    country = attr(elem, "countryDescription")
    names = ("street", "poBox", "place", "city", "zipCode", "region")
    line = join_text([*(attr(elem, n) for n in names), None if country == "UNKNOWN" else country])
    entity.add("address", line)
    code = elem.get("countryIso2Code")
    entity.add("country", clean_country(ctx, code, entity.id), original=code)
    for info in children(elem, "contactInfo"):
        key, value = attr(info, "key") or "", attr(info, "value")
        prop = ctx.lookup("contact_type", key, entity.id) if value else None
        if prop == "email" and value is not None:
            add_emails(entity, value)
        elif prop is not None and has_prop(entity, prop):
            entity.add(prop, value, original=f"{key} {value}")
        elif value is not None:
            entity.add("notes", f"{key}: {value}")


def add_emails(entity: Entity, raw: str) -> None:
    """E-mail fields hold several addresses in prose ("a@x.com and b@ y.com"); split them."""
    found = [re.sub(r"\s", "", m) for m in _EMAIL.findall(raw)]
    for address in found:
        entity.add("email", address, original=raw)
    if not found:
        entity.add("notes", f"EMAIL: {raw}")


FORMAT = ListFormat(
    name="eu_fsf",
    source=SOURCE,
    sniff=sniff,
    parse=parse,
    suffixes=(".xml",),
    description="EU Consolidated Financial Sanctions File, XML 1.1 (webgate.ec.europa.eu/fsd)",
    aliases=("eu",),
)
