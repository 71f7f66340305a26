"""FollowTheMoney JSON lines, in and out.

OpenSanctions and other FtM producers publish entities as one JSON object per line
(``entities.ftm.json``). Reading them lets sanctionwatch screen against lists it has no parser
for; writing them hands our entities to any FtM tool. Entities keep their own ids and schemas
(every line is an entry, whatever its schema: sanctions, ownerships and addresses are part of
the graph). A line that is not a JSON object with an id and a known schema is refused with its
line number; smaller problems (an unknown property, a value that is not text) are issues.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from followthemoney import model as ftm_model

from sanctionwatch.exc import ParseError
from sanctionwatch.lists.base import Context, ListFormat, load_source
from sanctionwatch.lists.reader import open_bytes
from sanctionwatch.model.entity import Entity

log = logging.getLogger(__name__)

SOURCE = load_source(__file__)


def sniff(head: bytes, path: Path) -> bool:
    text = head.lstrip()
    return text.startswith(b"{") and b'"schema"' in text.split(b"\n", 1)[0]


def parse(ctx: Context) -> None:
    with open_bytes(ctx.path) as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            data = parse_line(ctx.path, raw, lineno)
            ctx.emit(make_entity(ctx, data, lineno))


def parse_line(path: Path, raw: bytes, lineno: int) -> dict[str, Any]:
    """One line as a JSON object, or a ParseError naming the file and line."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"text is not UTF-8 ({exc.reason} at byte {exc.start})",
            path=str(path),
            line=lineno,
            expected="UTF-8 JSON lines",
        ) from exc
    except RecursionError as exc:
        raise ParseError(
            "JSON nested too deeply",
            path=str(path),
            line=lineno,
            expected="one FtM entity JSON object per line",
        ) from exc
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"not valid JSON ({exc.msg} at column {exc.colno})",
            path=str(path),
            line=lineno,
            expected="one FtM entity JSON object per line",
        ) from exc
    if not isinstance(data, dict):
        raise ParseError(
            f"line holds a JSON {type(data).__name__}, not an object",
            path=str(path),
            line=lineno,
            expected="one FtM entity JSON object per line",
        )
    return data


def make_entity(ctx: Context, data: dict[str, Any], lineno: int) -> Entity:
    entity_id, schema = data.get("id"), data.get("schema")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise ParseError(
            f"entity has no usable id ({entity_id!r})",
            path=str(ctx.path),
            line=lineno,
            expected='a non-empty string "id"',
        )
    if not isinstance(schema, str) or ftm_model.get(schema) is None:
        raise ParseError(
            f"unknown FollowTheMoney schema {schema!r}",
            path=str(ctx.path),
            line=lineno,
            record=entity_id,
            expected="a schema of the FtM model, e.g. Person, Company, Sanction",
        )
    entity = Entity(entity_id, schema, ctx.dataset, entity_id)
    properties = data.get("properties") or {}
    if not isinstance(properties, dict):
        raise ParseError(
            '"properties" is not an object',
            path=str(ctx.path),
            line=lineno,
            record=entity_id,
            expected="an object of property name -> list of strings",
        )
    for prop, values in properties.items():
        add_values(ctx, entity, prop, values)
    return entity


def add_values(ctx: Context, entity: Entity, prop: str, values: Any) -> None:
    """Add one property's values; report what FtM would not accept instead of failing."""
    schema = ftm_model.get(entity.schema)
    if schema is None or prop not in schema.properties:
        ctx.issue(f"Property {prop!r} is not in schema {entity.schema}", entity.id, str(values))
        return
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        ctx.issue(f"Values of {prop!r} are not a list", entity.id, str(values))
        return
    for value in values:
        if isinstance(value, str):
            entity.add(prop, value)
        else:
            ctx.issue(f"Value of {prop!r} is not text", entity.id, json.dumps(value))


def write_ftm(entities: Iterable[Entity], fh: TextIO) -> int:
    """Write entities as FtM JSON lines (``Entity.to_ftm``); returns how many were written."""
    count = 0
    for entity in entities:
        fh.write(json.dumps(entity.to_ftm(), ensure_ascii=False) + "\n")
        count += 1
    return count


FORMAT = ListFormat(
    name="ftm",
    source=SOURCE,
    sniff=sniff,
    parse=parse,
    suffixes=(".json", ".jsonl", ".ftm.json"),
    description="FollowTheMoney entities as JSON lines (e.g. OpenSanctions entities.ftm.json)",
    aliases=("followthemoney",),
)
