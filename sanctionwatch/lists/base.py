"""The parser contract: a list format, its source metadata, and the Context a parser writes to.

Each official list is one small module (``un_sc.py``) plus a YAML file beside it
(``un_sc.yml``) with its title, publisher, official download address, expected entry counts
and value lookups. A parser reads the file through its :class:`Context`: it emits entities,
counts the list's own records (``entries``), sets the publication date, and reports any value
it cannot interpret as an :class:`Issue` instead of dropping it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from sanctionwatch.exc import ConfigError
from sanctionwatch.model.entity import Entity

log = logging.getLogger(__name__)


class Assertions(BaseModel):
    """Expected number of the list's own records; outside it the load is refused."""

    min_entries: int = Field(ge=0)
    max_entries: int = Field(ge=1)


class Source(BaseModel):
    """Metadata of an official list, read from the YAML file beside its parser."""

    dataset: str = Field(pattern=r"^[a-z][a-z0-9_]+$")
    title: str
    publisher: str
    url: str | None = None
    extra_urls: dict[str, str] = Field(default_factory=dict)
    format: str
    entry_label: str = Field(description="What one entry of the list is, e.g. 'sdnEntry'.")
    assertions: Assertions
    lookups: dict[str, dict[str, str | None]] = Field(default_factory=dict)


@lru_cache(maxsize=32)
def load_source(module_file: str) -> Source:
    """Read and validate the YAML beside a parser module (``__file__`` of the module)."""
    path = Path(module_file).with_suffix(".yml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Source.model_validate(data)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise ConfigError(f"Invalid list metadata {path}: {exc}", path=str(path)) from exc


@dataclass(slots=True)
class Issue:
    """Something in the file a parser could not use as it stands (kept, never dropped)."""

    level: str
    message: str
    record: str | None = None
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "message": self.message,
            "record": self.record,
            "value": self.value,
        }


@dataclass
class Context:
    """What a parser writes to while it reads one file."""

    path: Path
    source: Source
    dataset: str
    published: str | None = None
    entries: int = 0
    entities: dict[str, Entity] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    progress: Callable[[int], None] | None = None

    def emit(self, entity: Entity, entry: bool = True) -> None:
        """Store an entity; ``entry`` says whether it is one of the list's own records."""
        if entity.id in self.entities:
            self.issue("Duplicate entity id; the later record was merged", entity.id)
            for st in entity.statements:
                self.entities[entity.id].add(st.prop, st.value, st.original, st.lang)
        else:
            self.entities[entity.id] = entity
        if entry:
            self.entries += 1
            if self.progress is not None:
                self.progress(1)

    def issue(
        self,
        message: str,
        record: str | None = None,
        value: str | None = None,
        level: str = "warning",
    ) -> None:
        log.info("%s (record=%s value=%r)", message, record, value)
        self.issues.append(Issue(level, message, record, value))

    def lookup(self, table: str, value: str, record: str | None = None) -> str | None:
        """Map a raw value through a lookup table of the list's YAML; unknown values are issues."""
        mapping = self.source.lookups.get(table, {})
        key = value.strip()
        if key in mapping:
            return mapping[key]
        lowered = {k.lower(): v for k, v in mapping.items()}
        if key.lower() in lowered:
            return lowered[key.lower()]
        self.issue(f"Unknown value in lookup {table!r}", record, value)
        return None

    def make_id(self, source_id: str) -> str:
        return f"{self.dataset}-{source_id}"

    def make_entity(self, schema: str, source_id: str) -> Entity:
        return Entity(self.make_id(source_id), schema, self.dataset, source_id)

    @property
    def by_schema(self) -> dict[str, int]:
        return dict(sorted(Counter(e.schema for e in self.entities.values()).items()))


@dataclass(frozen=True)
class ListFormat:
    """A file format sanctionwatch can read: how to recognise it and how to parse it."""

    name: str
    source: Source
    sniff: Callable[[bytes, Path], bool]
    parse: Callable[[Context], None]
    suffixes: tuple[str, ...] = ()
    description: str = ""
    aliases: tuple[str, ...] = ()
    companion: bool = False  # a file read as part of another (e.g. OFAC add.csv)
