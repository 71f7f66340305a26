"""Schema migrations of the SQLite store: named functions applied in order, recorded in a table."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]


def m001_lists(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            dataset TEXT NOT NULL,
            published TEXT,
            loaded_at TEXT NOT NULL,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            format TEXT NOT NULL,
            entries INTEGER NOT NULL,
            by_schema TEXT NOT NULL
        );
        CREATE INDEX ix_versions_dataset ON versions(dataset);
        CREATE TABLE entities (
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            schema TEXT NOT NULL,
            caption TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (version_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_entities_id ON entities(id);
        CREATE TABLE issues (
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            level TEXT NOT NULL,
            message TEXT NOT NULL,
            record TEXT,
            value TEXT
        );
        CREATE INDEX ix_issues_version ON issues(version_id);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )


#: Every migration, in the order it is applied. Append only; never edit a released one.
MIGRATIONS: list[tuple[str, Migration]] = [
    ("001_lists", m001_lists),
]


def apply_migrations(
    db: sqlite3.Connection, extra: list[tuple[str, Migration]] | None = None
) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM migrations")}
    for name, func in MIGRATIONS + (extra or []):
        if name in done:
            continue
        with db:
            func(db)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
