"""The store interface. The embedded default is SQLite (:mod:`sanctionwatch.store.sqlite`).

A *version* is one load of one list file. Loading writes a version and all its entities in a
single transaction, so a failed or interrupted load leaves the store exactly as it was.
Screening reads the newest version of each dataset (by publication date, then load order);
older versions are kept for ``lists diff``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from sanctionwatch.lists.base import Issue
from sanctionwatch.model.entity import Entity


@dataclass(slots=True)
class Version:
    """One loaded version of a dataset."""

    id: int
    dataset: str
    published: str | None
    loaded_at: str
    source: str
    sha256: str
    format: str
    entries: int
    by_schema: dict[str, int] = field(default_factory=dict)
    issues: int = 0

    def to_status(self) -> dict[str, Any]:
        """The ``lists status --format json`` shape of design.md."""
        return {
            "dataset": self.dataset,
            "published": self.published,
            "entries": self.entries,
            "loaded_at": self.loaded_at,
            "by_schema": dict(self.by_schema),
            "version": self.id,
            "source": self.source,
            "sha256": self.sha256,
            "format": self.format,
            "issues": self.issues,
        }


@dataclass(slots=True)
class NewVersion:
    """Everything a load writes: the version's metadata, its entities and its issues."""

    dataset: str
    published: str | None
    source: str
    sha256: str
    format: str
    entries: int
    entities: list[Entity]
    issues: list[Issue] = field(default_factory=list)


class Store(Protocol):
    """What the rest of sanctionwatch needs from a store."""

    def add_version(self, new: NewVersion) -> Version: ...

    def versions(self, dataset: str | None = None) -> list[Version]: ...

    def latest_versions(self, datasets: list[str] | None = None) -> list[Version]: ...

    def find_version(self, dataset: str, sha256: str) -> Version | None: ...

    def iter_entities(self, version_id: int) -> Iterator[Entity]: ...

    def get_entity(self, entity_id: str) -> Entity | None: ...

    def version_issues(self, version_id: int) -> list[Issue]: ...

    def prune(self, dataset: str, keep: int) -> int: ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def close(self) -> None: ...
