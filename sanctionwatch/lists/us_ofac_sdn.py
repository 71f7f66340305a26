"""The OFAC SDN list in its XML export (``SDN.XML``), one ``sdnEntry`` per designation.

The same XML layout is used by OFAC's consolidated non-SDN list (``us_ofac_cons``), which
reuses :func:`parse_sdn_xml`. The file states its own record count; a mismatch with the
entries read is reported as an error issue, because it means the file was cut or changed.
Identifier types are mapped by the ``id_types`` table of the YAML (see :mod:`.ofac`).
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from sanctionwatch.exc import CountError, FormatError
from sanctionwatch.lists.base import Context, ListFormat, load_source
from sanctionwatch.lists.ofac import add_dates, add_identifier, make_name
from sanctionwatch.lists.reader import iter_xml, local_name, text_of
from sanctionwatch.lists.values import add_note, add_value
from sanctionwatch.model.entity import Entity

log = logging.getLogger(__name__)

SOURCE = load_source(__file__)
RECORD_TAGS = {"publshInformation", "sdnEntry"}
ADDRESS_PARTS = (
    "address1",
    "address2",
    "address3",
    "city",
    "stateOrProvince",
    "postalCode",
    "country",
)
VESSEL_FIELDS = {
    "callSign": "callSign",
    "vesselType": "type",
    "vesselFlag": "flag",
    "tonnage": "tonnage",
    "grossRegisteredTonnage": "grossRegisteredTonnage",
}


def check_root(ctx: Context, root: ET.Element) -> None:
    if local_name(root.tag) != "sdnList":
        raise FormatError(
            f"{ctx.path}: not an OFAC list: the root element is <{local_name(root.tag)}>, "
            "expected <sdnList>",
            path=str(ctx.path),
        )


def strip_namespaces(elem: ET.Element) -> None:
    """Drop the OFAC namespace from a record's tags so that plain paths find its fields."""
    for node in elem.iter():
        node.tag = local_name(node.tag)


def texts(elem: ET.Element, path: str) -> list[str]:
    return [value for node in elem.iterfind(path) if (value := text_of(node))]


def parse_publish_date(ctx: Context, raw: str | None) -> None:
    if raw is None:
        ctx.issue("The file has no Publish_Date", level="warning")
        return
    try:
        ctx.published = datetime.strptime(raw, "%m/%d/%Y").date().isoformat()
    except ValueError:
        ctx.issue("Cannot read Publish_Date (expected MM/DD/YYYY)", value=raw)


def parse_publish_info(ctx: Context, elem: ET.Element) -> int | None:
    """Set the publication date; return the record count the file announces."""
    parse_publish_date(ctx, text_of(elem.find("Publish_Date")))
    raw_count = text_of(elem.find("Record_Count"))
    if raw_count is None or not raw_count.isdecimal():
        ctx.issue("Cannot read Record_Count", value=raw_count)
        return None
    return int(raw_count)


def check_record_count(ctx: Context, expected: int | None) -> None:
    if expected is not None and expected != ctx.entries:
        raise CountError(
            f"{ctx.path}: the file announces {expected} records (Record_Count) but "
            f"{ctx.entries} sdnEntry were read; the file may be truncated or altered",
            path=str(ctx.path),
            expected=expected,
            entries=ctx.entries,
        )


def add_names(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    first, last = text_of(elem.find("firstName")), text_of(elem.find("lastName"))
    entity.add("name", make_name(last, first))
    if entity.schema == "Person":
        entity.add("firstName", first)
        entity.add("lastName", last)
    for aka in elem.iterfind("akaList/aka"):
        name = make_name(text_of(aka.find("lastName")), text_of(aka.find("firstName")))
        kind = text_of(aka.find("type")) or "a.k.a."
        prop = ctx.lookup("aka_types", kind, entity.source_id) or "alias"
        if prop == "alias" and text_of(aka.find("category")) == "weak":
            prop = "weakAlias"
        entity.add(prop, name)


def add_addresses(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    for address in elem.iterfind("addressList/address"):
        parts = [text_of(address.find(tag)) for tag in ADDRESS_PARTS]
        entity.add("address", ", ".join(p for p in parts if p))
        add_value(ctx, entity, "country", text_of(address.find("country")), label="Country")


def add_person_details(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    for raw in texts(elem, "dateOfBirthList/dateOfBirthItem/dateOfBirth"):
        add_dates(ctx, entity, "birthDate", raw, "Date of birth")
    for raw in texts(elem, "placeOfBirthList/placeOfBirthItem/placeOfBirth"):
        add_value(ctx, entity, "birthPlace", raw, label="Place of birth")
    for raw in texts(elem, "nationalityList/nationality/country"):
        add_value(ctx, entity, "nationality", raw, label="Nationality")
    for raw in texts(elem, "citizenshipList/citizenship/country"):
        add_value(ctx, entity, "citizenship", raw, label="Citizenship")
    add_value(ctx, entity, "position", text_of(elem.find("title")), label="Title")


def add_ids(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    for item in elem.iterfind("idList/id"):
        id_type = text_of(item.find("idType")) or "Identification Number"
        add_identifier(ctx, entity, id_type, text_of(item.find("idNumber")))


def add_vessel_info(ctx: Context, entity: Entity, elem: ET.Element) -> None:
    info = elem.find("vesselInfo")
    if info is None:
        return
    for tag, prop in VESSEL_FIELDS.items():
        add_value(ctx, entity, prop, text_of(info.find(tag)), label=tag)
    owner = text_of(info.find("vesselOwner"))
    if owner:
        add_note(entity, "Owner", owner)


def parse_entry(ctx: Context, elem: ET.Element) -> None:
    """Turn one ``sdnEntry`` into an entity."""
    uid = text_of(elem.find("uid"))
    if uid is None:
        ctx.issue(
            "sdnEntry without uid; skipped", value=text_of(elem.find("lastName")), level="error"
        )
        return
    sdn_type = text_of(elem.find("sdnType")) or ""
    schema = ctx.lookup("sdn_types", sdn_type, uid) or "LegalEntity"
    entity = ctx.make_entity(schema, uid)
    add_names(ctx, entity, elem)
    entity.add_many("programId", texts(elem, "programList/program"))
    add_person_details(ctx, entity, elem)
    add_ids(ctx, entity, elem)
    add_vessel_info(ctx, entity, elem)
    add_addresses(ctx, entity, elem)
    entity.add("notes", text_of(elem.find("remarks")))
    entity.add("keywords", uid)
    entity.add("topics", "sanction")
    entity.add("sourceUrl", ctx.source.url)
    ctx.emit(entity)


def parse_sdn_xml(ctx: Context) -> None:
    """Parse an OFAC XML list (SDN or consolidated non-SDN) into ``ctx``."""
    expected: int | None = None
    seen_info = False
    for elem in iter_xml(ctx.path, RECORD_TAGS, on_root=lambda root: check_root(ctx, root)):
        strip_namespaces(elem)
        if elem.tag == "sdnEntry":
            parse_entry(ctx, elem)
        else:
            seen_info = True
            expected = parse_publish_info(ctx, elem)
    if not seen_info:
        ctx.issue("The file has no publshInformation (date and record count)")
    check_record_count(ctx, expected)


def sniff(head: bytes, path: Path) -> bool:
    return b"<sdnList" in head and "cons" not in path.name.lower()


FORMAT = ListFormat(
    name="us_ofac_sdn",
    source=SOURCE,
    sniff=sniff,
    parse=parse_sdn_xml,
    suffixes=(".xml", ".xml.gz"),
    description="OFAC SDN list, XML export (SDN.XML)",
    aliases=("ofac_sdn_xml", "sdn.xml"),
)
