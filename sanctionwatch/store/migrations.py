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


def m002_findings(db: sqlite3.Connection) -> None:
    """Analysed documents, stored findings, their filter terms, dismissals and the audit trail.

    The audit table is append-only: triggers refuse any UPDATE or DELETE of its rows.
    """
    db.executescript(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            title TEXT,
            published TEXT,
            source TEXT,
            text TEXT NOT NULL,
            analysis TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (kind, sha256)
        );
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            key TEXT NOT NULL UNIQUE,
            event_id TEXT NOT NULL,
            verdict TEXT NOT NULL,
            status TEXT NOT NULL,
            assignee TEXT,
            event_date TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            event TEXT NOT NULL,
            finding TEXT NOT NULL,
            made_with TEXT NOT NULL,
            suppressed_by INTEGER
        );
        CREATE INDEX ix_findings_verdict ON findings(verdict);
        CREATE INDEX ix_findings_status ON findings(status);
        CREATE INDEX ix_findings_document ON findings(document_id);
        CREATE TABLE finding_terms (
            finding_id INTEGER NOT NULL REFERENCES findings(id),
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (finding_id, kind, value)
        ) WITHOUT ROWID;
        CREATE INDEX ix_finding_terms ON finding_terms(kind, value);
        CREATE TABLE finding_prints (
            finding_id INTEGER NOT NULL REFERENCES findings(id),
            fingerprint TEXT NOT NULL,
            PRIMARY KEY (finding_id, fingerprint)
        ) WITHOUT ROWID;
        CREATE TABLE dismissals (
            fingerprint TEXT NOT NULL,
            finding_id INTEGER NOT NULL REFERENCES findings(id),
            at TEXT NOT NULL,
            PRIMARY KEY (fingerprint, finding_id)
        ) WITHOUT ROWID;
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            finding_id INTEGER NOT NULL REFERENCES findings(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            reason TEXT,
            note TEXT,
            assignee TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX ix_audit_finding ON audit(finding_id);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        """
    )


#: Every migration, in the order it is applied. Append only; never edit a released one.
MIGRATIONS: list[tuple[str, Migration]] = [
    ("001_lists", m001_lists),
    ("002_findings", m002_findings),
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
