"""The UK OFSI Consolidated List, xlsx "2022 format": one row per name, grouped by Group ID.

Row 1 holds "Last Updated" and the publication date, row 2 the header; each later row is one
name (primary name, variation, a.k.a., f.k.a.) of a designation, repeating that designation's
details. Rows are grouped by ``Group ID`` into one entity, so ``entries`` counts designations.
Columns are found by header name, never by position; ship details and other structured facts
sit in "Other Information" as ``(Key):value`` pairs, which the ``info_fields`` table maps.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

from sanctionwatch.exc import FormatError, ParseError
from sanctionwatch.lists.base import Context, ListFormat, load_source
from sanctionwatch.lists.gb_hmt_values import add_countries, add_info_fields, split_items
from sanctionwatch.lists.values import add_note, add_value
from sanctionwatch.lists.xlsx import ZIP_MAGIC, Row, iter_rows
from sanctionwatch.model.entity import Entity

log = logging.getLogger(__name__)

SOURCE = load_source(__file__)
NAME_COLUMNS = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
ADDRESS_COLUMNS = (
    "Address 1",
    "Address 2",
    "Address 3",
    "Address 4",
    "Address 5",
    "Address 6",
    "Post/Zip Code",
    "Country",
)
REQUIRED = (*NAME_COLUMNS, "Group Type", "Alias Type", "Regime", "Listed On", "Group ID")
OPTIONAL = (
    "Title",
    "Name Non-Latin Script",
    "Non-Latin Script Type",
    "Non-Latin Script Language",
    "DOB",
    "Town of Birth",
    "Country of Birth",
    "Nationality",
    "Passport Number",
    "Passport Details",
    "National Identification Number",
    "National Identification Details",
    "Position",
    *ADDRESS_COLUMNS,
    "Other Information",
    "Alias Quality",
    "UK Sanctions List Date Designated",
    "Last Updated",
)
#: The header is looked for in the first rows of the sheet.
HEADER_SEARCH_ROWS = 10
PERSON_PARTS = {
    "Name 1": "firstName",
    "Name 2": "secondName",
    "Name 3": "middleName",
    "Name 4": "middleName",
    "Name 5": "middleName",
    "Name 6": "lastName",
}

Record = dict[str, str]


def parse_uk_date(raw: str | None) -> str | None:
    """``14/04/2025`` -> ``2025-04-14``; ``00/00/1970`` -> ``1970``; ``05/1970``; ISO kept."""
    if not raw:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        return raw
    parts = raw.strip().split("/")
    if len(parts) > 3 or not all(p.isdigit() for p in parts) or len(parts[-1]) != 4:
        return None
    day, month, year = ([0] * (3 - len(parts))) + [int(p) for p in parts]
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month == 0:
        return f"{year:04d}" if day == 0 else None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def report_columns(ctx: Context, columns: set[str]) -> None:
    """Columns the parser expects but lacks, or does not know, are noted (the load goes on)."""
    for name in OPTIONAL:
        if name not in columns:
            ctx.issue("Column missing from the header; its values are not read", value=name)
    for name in sorted(columns - set(REQUIRED) - set(OPTIONAL)):
        ctx.issue("Unknown column; its values are not read", value=name, level="info")


def find_header(ctx: Context, rows: list[Row]) -> tuple[int, dict[str, int]]:
    """The index of the header row and the position of each known column."""
    known = set(REQUIRED) | set(OPTIONAL)
    for index, row in enumerate(rows):
        columns = {name: pos for pos, name in enumerate(row) if name is not None}
        if len(known & set(columns)) >= 3:
            missing = [name for name in REQUIRED if name not in columns]
            if missing:
                raise ParseError(
                    f"header lacks the columns {', '.join(missing)}",
                    path=str(ctx.path),
                    line=index + 1,
                    expected="the OFSI 2022-format header",
                )
            report_columns(ctx, set(columns))
            return index, columns
    raise FormatError(
        f"{ctx.path}: not the OFSI Consolidated List: no header row with the columns "
        f"{', '.join(REQUIRED)} in the first {HEADER_SEARCH_ROWS} rows of the first sheet",
        path=str(ctx.path),
    )


def read_published(ctx: Context, rows: list[Row]) -> None:
    for row in rows:
        if row and row[0] == "Last Updated" and len(row) > 1:
            ctx.published = parse_uk_date(row[1])
            if ctx.published is None:
                ctx.issue("Cannot read the Last Updated date (expected dd/mm/yyyy)", value=row[1])
            return
    ctx.issue("The sheet has no 'Last Updated' row; publication date unknown", level="info")


def make_record(columns: dict[str, int], row: Row) -> Record:
    """The non-blank cells of a row, by column name."""
    record: Record = {}
    for name, pos in columns.items():
        value = row[pos] if pos < len(row) else None
        if value is not None:
            record[name] = value
    return record


def group_rows(ctx: Context) -> dict[str, list[Record]]:
    """Read the sheet and group its name rows by Group ID (in order of first appearance)."""
    rows = iter_rows(ctx.path)
    head = [row for _, row in zip(range(HEADER_SEARCH_ROWS), rows, strict=False)]
    index, columns = find_header(ctx, head)
    read_published(ctx, head[:index])
    groups: dict[str, list[Record]] = {}
    for number, row in enumerate([*head[index + 1 :], *rows], start=index + 2):
        record = make_record(columns, row)
        if not record:
            continue
        group_id = record.get("Group ID")
        if group_id is None:
            ctx.issue(
                f"Row {number} has no Group ID; skipped", value=str(record)[:200], level="error"
            )
            continue
        groups.setdefault(group_id, []).append(record)
    return groups


def make_name(record: Record) -> str | None:
    return " ".join(record[c] for c in NAME_COLUMNS if c in record) or None


def add_name(ctx: Context, entity: Entity, record: Record) -> None:
    alias_type = record.get("Alias Type", "")
    prop = ctx.lookup("alias_types", alias_type, entity.source_id) or "alias"
    if prop == "alias" and record.get("Alias Quality", "").lower().startswith("low"):
        prop = "weakAlias"
    entity.add(prop, make_name(record))
    if prop == "name" and entity.schema == "Person":
        for column, part in PERSON_PARTS.items():
            entity.add(part, record.get(column))
    script = record.get("Name Non-Latin Script")
    if script:
        language = record.get("Non-Latin Script Language")
        lang = ctx.lookup("languages", language, entity.source_id) if language else None
        entity.add("alias", script, lang=lang)


def add_person(ctx: Context, entity: Entity, record: Record) -> None:
    add_value(ctx, entity, "title", record.get("Title"), label="Title")
    for raw in split_items(record.get("DOB")):
        value = parse_uk_date(raw)
        if value is None:
            ctx.issue("Cannot read DOB (expected dd/mm/yyyy)", entity.source_id, raw)
        else:
            add_value(ctx, entity, "birthDate", value, original=raw, label="DOB")
    town, country = record.get("Town of Birth"), record.get("Country of Birth")
    places = split_items(town) + split_items(country)
    if len(places) == 2 and town and country:
        places = [f"{town}, {country}"]
    for place in places:
        add_value(ctx, entity, "birthPlace", place, label="Place of birth")
    add_countries(ctx, entity, "nationality", record.get("Nationality"))
    for raw in split_items(record.get("Position")):
        add_value(ctx, entity, "position", raw, label="Position")


def add_documents(ctx: Context, entity: Entity, record: Record) -> None:
    for raw in split_items(record.get("Passport Number")):
        add_value(ctx, entity, "passportNumber", raw, label="Passport")
    for raw in split_items(record.get("National Identification Number")):
        add_value(ctx, entity, "idNumber", raw, label="National identification number")
    for column in ("Passport Details", "National Identification Details"):
        if record.get(column):
            add_note(entity, column, record[column])


def add_record(ctx: Context, entity: Entity, record: Record) -> None:
    """Add what one name row says about its designation."""
    add_name(ctx, entity, record)
    add_person(ctx, entity, record)
    add_documents(ctx, entity, record)
    address = ", ".join(record[c] for c in ADDRESS_COLUMNS if c in record)
    entity.add("address", address)
    add_countries(ctx, entity, "country", record.get("Country"))
    entity.add("programId", record.get("Regime"))
    entity.add("createdAt", parse_uk_date(record.get("Listed On")), record.get("Listed On"))
    entity.add("modifiedAt", parse_uk_date(record.get("Last Updated")), record.get("Last Updated"))
    designated = parse_uk_date(record.get("UK Sanctions List Date Designated"))
    if designated:
        add_note(entity, "UK Sanctions List date designated", designated)
    info = record.get("Other Information")
    if info:
        entity.add("notes", info)
        add_info_fields(ctx, entity, info)


def drop_repeated_issues(ctx: Context, start: int) -> None:
    """Rows of a group repeat its details, so the same issue is kept once per group."""
    seen: set[tuple[str, str, str | None, str | None]] = set()
    kept = []
    for issue in ctx.issues[start:]:
        key = (issue.level, issue.message, issue.record, issue.value)
        if key not in seen:
            seen.add(key)
            kept.append(issue)
    ctx.issues[start:] = kept


def make_group(ctx: Context, group_id: str, records: list[Record]) -> Entity:
    types = sorted({r.get("Group Type", "") for r in records})
    if len(types) > 1:
        ctx.issue("Rows of one Group ID disagree on Group Type", group_id, ", ".join(types))
    schema = ctx.lookup("group_types", types[0], group_id) or "LegalEntity"
    entity = ctx.make_entity(schema, group_id)
    first_issue = len(ctx.issues)
    for record in records:
        add_record(ctx, entity, record)
    drop_repeated_issues(ctx, first_issue)
    if entity.first("name") is None:
        ctx.issue("Designation has no 'Primary name' row; its first name is used", group_id)
        entity.add("name", make_name(records[0]))
    entity.add("keywords", group_id)
    entity.add("topics", "sanction")
    entity.add("sourceUrl", ctx.source.url)
    return entity


def parse(ctx: Context) -> None:
    for group_id, records in group_rows(ctx).items():
        ctx.emit(make_group(ctx, group_id, records))


def sniff(head: bytes, path: Path) -> bool:
    return head.startswith(ZIP_MAGIC) and path.suffix.lower() == ".xlsx"


FORMAT = ListFormat(
    name="gb_hmt",
    source=SOURCE,
    sniff=sniff,
    parse=parse,
    suffixes=(".xlsx",),
    description="UK OFSI Consolidated List, xlsx 2022 format (ConList.xlsx)",
    aliases=("ofsi", "uk_ofsi", "conlist.xlsx"),
)
