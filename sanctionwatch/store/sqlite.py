"""The embedded store: one SQLite file (WAL mode), or ``:memory:`` for tests."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sanctionwatch.exc import StoreError
from sanctionwatch.lists.base import Issue
from sanctionwatch.model.entity import Entity
from sanctionwatch.store.base import NewVersion, Version
from sanctionwatch.store.migrations import apply_migrations

_VERSION_COLS = "id, dataset, published, loaded_at, source, sha256, format, entries, by_schema"
# Newest first: by publication date (unknown dates count as oldest), then by load order.
_NEWEST_FIRST = "ORDER BY COALESCE(published, '') DESC, id DESC"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """Lists, entities and (later migrations) findings in one SQLite database."""

    def __init__(self, path: Path | str = ":memory:") -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA busy_timeout = 10000")
            apply_migrations(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"Cannot open store {self.path}: {exc}", path=self.path) from exc

    # -- versions ------------------------------------------------------------------------

    def add_version(self, new: NewVersion) -> Version:
        """Write a version with all its entities and issues in one transaction."""
        by_schema: dict[str, int] = {}
        for ent in new.entities:
            by_schema[ent.schema] = by_schema.get(ent.schema, 0) + 1
        by_schema = dict(sorted(by_schema.items()))
        loaded_at = _now()
        try:
            self.db.execute("BEGIN IMMEDIATE")
            cur = self.db.execute(
                "INSERT INTO versions (dataset, published, loaded_at, source, sha256, format,"
                " entries, by_schema) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new.dataset,
                    new.published,
                    loaded_at,
                    new.source,
                    new.sha256,
                    new.format,
                    new.entries,
                    json.dumps(by_schema),
                ),
            )
            vid = int(cur.lastrowid or 0)
            self.db.executemany(
                "INSERT INTO entities (version_id, id, schema, caption, data)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    (vid, e.id, e.schema, e.caption, json.dumps(e.to_dict(), ensure_ascii=False))
                    for e in new.entities
                ),
            )
            self.db.executemany(
                "INSERT INTO issues (version_id, level, message, record, value) VALUES (?,?,?,?,?)",
                ((vid, i.level, i.message, i.record, i.value) for i in new.issues),
            )
            self.db.execute("COMMIT")
        except BaseException as exc:
            # Any failure, including Ctrl-C, rolls the whole load back.
            self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"Cannot write to store {self.path}: {exc}") from exc
            raise
        return Version(
            vid,
            new.dataset,
            new.published,
            loaded_at,
            new.source,
            new.sha256,
            new.format,
            new.entries,
            by_schema,
            len(new.issues),
        )

    def _version(self, row: tuple[Any, ...]) -> Version:
        issues = self.db.execute(
            "SELECT COUNT(*) FROM issues WHERE version_id = ?", (row[0],)
        ).fetchone()[0]
        return Version(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            json.loads(row[8]),
            issues,
        )

    def versions(self, dataset: str | None = None) -> list[Version]:
        if dataset is None:
            rows = self.db.execute(
                f"SELECT {_VERSION_COLS} FROM versions ORDER BY dataset, "
                f"COALESCE(published, '') DESC, id DESC"
            )
        else:
            rows = self.db.execute(
                f"SELECT {_VERSION_COLS} FROM versions WHERE dataset = ? {_NEWEST_FIRST}",
                (dataset,),
            )
        return [self._version(r) for r in rows.fetchall()]

    def latest_versions(self, datasets: list[str] | None = None) -> list[Version]:
        latest: dict[str, Version] = {}
        for version in self.versions():
            if datasets and version.dataset not in datasets:
                continue
            latest.setdefault(version.dataset, version)
        return list(latest.values())

    def find_version(self, dataset: str, sha256: str) -> Version | None:
        row = self.db.execute(
            f"SELECT {_VERSION_COLS} FROM versions WHERE dataset = ? AND sha256 = ? "
            f"{_NEWEST_FIRST}",
            (dataset, sha256),
        ).fetchone()
        return self._version(row) if row else None

    def prune(self, dataset: str, keep: int) -> int:
        """Delete all but the ``keep`` newest versions of a dataset; returns how many went."""
        old = self.versions(dataset)[keep:]
        if old:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("DELETE FROM versions WHERE id = ?", [(v.id,) for v in old])
            self.db.execute("COMMIT")
        return len(old)

    # -- entities ------------------------------------------------------------------------

    def iter_entities(self, version_id: int) -> Iterator[Entity]:
        rows = self.db.execute(
            "SELECT data FROM entities WHERE version_id = ? ORDER BY id", (version_id,)
        )
        for (data,) in rows:
            yield Entity.from_dict(json.loads(data))

    def get_entity(self, entity_id: str) -> Entity | None:
        """The entity with this id in the newest version that has it."""
        latest = {v.id for v in self.latest_versions()}
        rows = self.db.execute(
            "SELECT version_id, data FROM entities WHERE id = ? ORDER BY version_id DESC",
            (entity_id,),
        ).fetchall()
        for vid, data in rows:
            if vid in latest:
                return Entity.from_dict(json.loads(data))
        return None

    def version_issues(self, version_id: int) -> list[Issue]:
        rows = self.db.execute(
            "SELECT level, message, record, value FROM issues WHERE version_id = ?", (version_id,)
        )
        return [Issue(*row) for row in rows]

    # -- meta ----------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?",
            (key, value, value),
        )

    def close(self) -> None:
        self.db.close()
