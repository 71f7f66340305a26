"""OFAC's legacy CSV set: ``sdn.csv`` read together with ``add.csv``, ``alt.csv`` and
``sdn_comments.csv`` from the same folder.

The CSVs have no header and no date; ``-0-`` marks an empty cell (and, as SDN_Type, an
entity). ``sdn.csv`` is the list (one row per designation); the others add addresses, aliases
and the rest of remarks longer than the column allows, keyed by ``ent_num``. Two formats are
defined: the list itself, and a companion format that recognises the other three files so
that a folder load skips them. Entity ids match the XML (``us_ofac_sdn-<ent_num>``).
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from sanctionwatch.exc import FormatError, ParseError
from sanctionwatch.lists import us_ofac_sdn
from sanctionwatch.lists.base import Context, ListFormat, load_source
from sanctionwatch.lists.ofac import merge_lookups
from sanctionwatch.lists.ofac_remarks import RemarkKeys, parse_remarks
from sanctionwatch.lists.reader import open_bytes
from sanctionwatch.lists.values import add_note, add_value
from sanctionwatch.model.entity import Entity

log = logging.getLogger(__name__)

SOURCE = merge_lookups(load_source(__file__), us_ofac_sdn.SOURCE)
EMPTY = "-0-"
SDN_WIDTH = 12
#: Files read along with sdn.csv, and the number of columns of each.
COMPANIONS = {"add.csv": 6, "alt.csv": 5, "sdn_comments.csv": 2}
VESSEL_COLUMNS = {5: "callSign", 6: "type", 7: "tonnage", 8: "grossRegisteredTonnage", 9: "flag"}

Cells = list[str | None]
Extras = dict[str, list[Cells]]


def decode(path: Path) -> str:
    """The text of a CSV file: UTF-8, or Windows-1252 as older OFAC files were written."""
    with open_bytes(path) as fh:
        data = fh.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.rstrip("\x1a\r\n ")  # DOS end-of-file mark


def clean_cell(cell: str) -> str | None:
    """None for an empty cell; otherwise the cell as written (remarks continued in
    sdn_comments.csv may be cut next to a space, so text is stripped where it is used)."""
    return None if cell.strip() in ("", EMPTY) else cell


def read_rows(path: Path, width: int) -> Iterator[tuple[int, Cells]]:
    """(line, cells) of each row; a row of another width or ent_num is a ParseError."""
    reader = csv.reader(io.StringIO(decode(path), newline=""))
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != width:
                raise ParseError(
                    f"row has {len(row)} columns",
                    path=str(path),
                    line=reader.line_num,
                    expected=f"{width} columns",
                )
            if not row[0].strip().isdigit():
                raise ParseError(
                    f"ent_num {row[0][:40]!r} is not a number",
                    path=str(path),
                    line=reader.line_num,
                    expected="a numeric first column",
                )
            yield reader.line_num, [row[0].strip(), *(clean_cell(cell) for cell in row[1:])]
    except csv.Error as exc:
        raise ParseError(
            f"malformed CSV: {exc}", path=str(path), line=reader.line_num, expected="OFAC CSV"
        ) from exc


def find_companion(path: Path, name: str) -> Path | None:
    for candidate in path.parent.iterdir():
        if candidate.name.lower() == name and candidate.is_file():
            return candidate
    return None


def read_companion(ctx: Context, name: str) -> Extras:
    """Rows of one companion file by ent_num; a missing file is an issue, not an error."""
    path = find_companion(ctx.path, name)
    if path is None:
        ctx.issue(
            f"{name} not found beside {ctx.path.name}; its data is not read",
            value=str(ctx.path.parent),
        )
        return {}
    rows: Extras = {}
    for _line, cells in read_rows(path, COMPANIONS[name]):
        rows.setdefault(cells[0] or "", []).append(cells)
    return rows


def split_programs(raw: str | None) -> list[str]:
    """``SDGT] [IRGC] [IFSR`` -> ``["SDGT", "IRGC", "IFSR"]``."""
    return [p.strip(" []") for p in re.split(r"\]\s*\[", raw or "") if p.strip(" []")]


def add_names(entity: Entity, name: str | None) -> None:
    entity.add("name", name)
    if entity.schema == "Person" and name and ", " in name:
        last, _, first = name.partition(", ")
        entity.add("lastName", last)
        entity.add("firstName", first)


def add_vessel(ctx: Context, entity: Entity, cells: Cells) -> None:
    for column, prop in VESSEL_COLUMNS.items():
        add_value(ctx, entity, prop, cells[column], label=prop)
    if cells[10]:
        add_note(entity, "Owner", cells[10])


def add_extras(ctx: Context, entity: Entity, alts: list[Cells], addresses: list[Cells]) -> None:
    for _, _, kind, name, remarks in alts:
        prop = ctx.lookup("alt_types", kind or "", entity.source_id) or "alias"
        entity.add(prop, name)
        if remarks:
            add_note(entity, f"Alias {name}", remarks)
    for _, _, street, city, country, remarks in addresses:
        parts = (p.strip() for p in (street, city, country) if p)
        entity.add("address", ", ".join(parts))
        add_value(ctx, entity, "country", country, label="Country")
        if remarks:
            add_note(entity, "Address", remarks)


def make_entry(ctx: Context, keys: RemarkKeys, cells: Cells, extras: dict[str, Extras]) -> Entity:
    """One sdn.csv row, with its aliases, addresses and continued remarks."""
    ent_num = cells[0] or ""
    schema = ctx.lookup("csv_types", cells[2] or "entity", ent_num) or "LegalEntity"
    entity = ctx.make_entity(schema, ent_num)
    add_names(entity, cells[1])
    entity.add_many("programId", split_programs(cells[3]))
    add_value(ctx, entity, "position", cells[4], label="Title")
    add_vessel(ctx, entity, cells)
    more = "".join(c[1] or "" for c in extras["sdn_comments.csv"].pop(ent_num, []))
    remarks = (cells[11] or "") + more
    entity.add("notes", remarks)
    parse_remarks(ctx, entity, keys, remarks)
    add_extras(ctx, entity, extras["alt.csv"].pop(ent_num, []), extras["add.csv"].pop(ent_num, []))
    entity.add("keywords", ent_num)
    entity.add("topics", "sanction")
    entity.add("sourceUrl", ctx.source.url)
    return entity


def report_orphans(ctx: Context, extras: dict[str, Extras]) -> None:
    for name, rows in extras.items():
        for ent_num, cells in rows.items():
            ctx.issue(
                f"{name} rows for an ent_num missing from sdn.csv",
                ent_num,
                "; ".join(str(c) for c in cells[0][1:] if c),
            )


def parse(ctx: Context) -> None:
    """Parse sdn.csv and the companion files beside it into ``ctx``."""
    ctx.issue("The OFAC CSV set carries no publication date", level="info")
    extras = {name: read_companion(ctx, name) for name in COMPANIONS}
    keys = RemarkKeys.from_context(ctx)
    for _line, cells in read_rows(ctx.path, SDN_WIDTH):
        ctx.emit(make_entry(ctx, keys, cells, extras))
    report_orphans(ctx, extras)


def parse_companion(ctx: Context) -> None:
    raise FormatError(
        f"{ctx.path.name} is part of the OFAC CSV set; load sdn.csv (or its folder), which "
        "reads it along",
        path=str(ctx.path),
    )


def head_rows(head: bytes) -> list[list[str]]:
    """Complete rows at the start of a file head (the last, maybe cut, line is left out)."""
    text = head.decode("utf-8", errors="replace")
    lines = text.splitlines()[:-1] if len(head) >= 4096 else text.splitlines()
    try:
        return [row for row in csv.reader(lines[:5]) if row]
    except csv.Error:
        return []


def looks_like(head: bytes, width: int) -> bool:
    rows = head_rows(head)
    return bool(rows) and all(len(r) == width and r[0].strip().isdigit() for r in rows)


def sniff(head: bytes, path: Path) -> bool:
    return path.name.lower() not in COMPANIONS and looks_like(head, SDN_WIDTH)


def sniff_companion(head: bytes, path: Path) -> bool:
    width = COMPANIONS.get(path.name.lower())
    return width is not None and looks_like(head, width)


FORMAT = ListFormat(
    name="us_ofac_csv",
    source=SOURCE,
    sniff=sniff,
    parse=parse,
    suffixes=(".csv",),
    description="OFAC SDN list, legacy CSV set (sdn.csv + add.csv, alt.csv, sdn_comments.csv)",
    aliases=("ofac_sdn_csv", "sdn.csv"),
)
COMPANION_FORMAT = ListFormat(
    name="us_ofac_csv_part",
    source=SOURCE,
    sniff=sniff_companion,
    parse=parse_companion,
    suffixes=(".csv",),
    description="add.csv, alt.csv or sdn_comments.csv of the OFAC CSV set (read with sdn.csv)",
    companion=True,
)
FORMATS = (FORMAT, COMPANION_FORMAT)
