"""The embedded findings store: tables in the same SQLite file as the lists (migration 002).

Every write is one ``BEGIN IMMEDIATE`` transaction under a lock (the connection is shared by
the server's threads), so a failed write leaves nothing behind. Audit rows are append-only,
enforced by triggers in the schema.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

from sanctionwatch.exc import InputError, NotFoundError, StoreError
from sanctionwatch.store.findings import (
    ACTION_STATUS,
    ACTIONS,
    AuditEntry,
    DocumentRecord,
    FindingFilter,
    NewFinding,
    StoredFinding,
    collect_terms,
    make_fingerprints,
)
from sanctionwatch.store.findings_sql import FINDING_COLS, make_where, row_to_finding
from sanctionwatch.store.sqlite import SQLiteStore

T = TypeVar("T")
_GROUPS = {"verdict": "f.verdict", "status": "f.status"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


class SQLiteFindings:
    """Findings, reviews and the audit trail in the list store's SQLite database."""

    def __init__(self, store: SQLiteStore) -> None:
        self.db = store.db
        self._lock = threading.RLock()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                yield self.db
                self.db.execute("COMMIT")
            except BaseException as exc:
                self.db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"Cannot write findings: {exc}") from exc
                raise

    def _read(self, func: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            try:
                return func(self.db)
            except sqlite3.Error as exc:
                raise StoreError(f"Cannot read findings: {exc}") from exc

    # -- documents -------------------------------------------------------------------------

    def save_document(
        self,
        kind: str,
        text: str,
        title: str | None,
        published: str | None,
        source: str | None,
        analysis: dict[str, Any],
    ) -> DocumentRecord:
        """Store (or refresh the analysis of) a document; the same text is stored once."""
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with self._write() as db:
            db.execute(
                "INSERT INTO documents (kind, sha256, title, published, source, text, analysis,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, sha256) DO UPDATE"
                " SET title = excluded.title, published = excluded.published,"
                " source = excluded.source, analysis = excluded.analysis",
                (kind, sha, title, published, source, text, _dumps(analysis), _now()),
            )
            row = db.execute(
                "SELECT id FROM documents WHERE kind = ? AND sha256 = ?", (kind, sha)
            ).fetchone()
        doc = self.get_document(int(row[0]))
        assert doc is not None
        return doc

    def get_document(self, document_id: int) -> DocumentRecord | None:
        row = self._read(
            lambda db: db.execute(
                "SELECT id, kind, sha256, title, published, source, text, created_at, analysis"
                " FROM documents WHERE id = ?",
                (document_id,),
            ).fetchone()
        )
        if row is None:
            return None
        doc_id, kind, sha, title, published, source, text, created = row[:8]
        return DocumentRecord(
            doc_id, kind, sha, title, published, source, text, created, json.loads(row[8])
        )

    # -- findings --------------------------------------------------------------------------

    def add_findings(
        self, document: DocumentRecord, new: list[NewFinding], made_with: dict[str, Any], actor: str
    ) -> list[StoredFinding]:
        """Store each finding once (same document and content: the stored one is returned)."""
        ids: list[int] = []
        with self._write() as db:
            for item in new:
                ids.append(self._insert_finding(db, document, item, made_with, actor))
        found = [self.get_finding(i) for i in ids]
        return [f for f in found if f is not None]

    def _insert_finding(
        self,
        db: sqlite3.Connection,
        document: DocumentRecord,
        item: NewFinding,
        made_with: dict[str, Any],
        actor: str,
    ) -> int:
        key = hashlib.sha256(
            _dumps([document.sha256, item.event, item.finding]).encode("utf-8")
        ).hexdigest()
        row = db.execute("SELECT id FROM findings WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return int(row[0])
        prints = make_fingerprints(item.event, item.finding)
        dismissed_by = self._dismissed_by(db, prints)
        status = "suppressed" if dismissed_by is not None else "open"
        now = _now()
        cur = db.execute(
            "INSERT INTO findings (document_id, key, event_id, verdict, status, event_date,"
            " created_at, updated_at, event, finding, made_with, suppressed_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.id,
                key,
                str(item.event.get("id", "")),
                item.finding.get("verdict", "none"),
                status,
                item.event.get("date"),
                now,
                now,
                _dumps(item.event),
                _dumps(item.finding),
                _dumps(made_with),
                dismissed_by,
            ),
        )
        fid = int(cur.lastrowid or 0)
        db.executemany(
            "INSERT INTO finding_terms (finding_id, kind, value) VALUES (?, ?, ?)",
            [(fid, k, v) for k, v in sorted(collect_terms(item.event, item.finding))],
        )
        db.executemany(
            "INSERT INTO finding_prints (finding_id, fingerprint) VALUES (?, ?)",
            [(fid, p) for p in prints],
        )
        data = {"made_with": made_with, "fingerprints": prints}
        reason = None
        if dismissed_by is not None:
            reason = f"same parties, entities and evidence as dismissed finding {dismissed_by}"
        self._append_audit(db, fid, actor, "create", reason, None, None, data)
        return fid

    def _dismissed_by(self, db: sqlite3.Connection, prints: list[str]) -> int | None:
        """The dismissed finding covering every fingerprint, if all of them were dismissed."""
        if not prints:
            return None
        marks = ",".join("?" * len(prints))
        rows = db.execute(
            f"SELECT fingerprint, MAX(finding_id) FROM dismissals WHERE fingerprint IN ({marks})"
            " GROUP BY fingerprint",
            prints,
        ).fetchall()
        if len(rows) < len(prints):
            return None
        return max(int(r[1]) for r in rows)

    def get_finding(self, finding_id: int) -> StoredFinding | None:
        def run(db: sqlite3.Connection) -> StoredFinding | None:
            row = db.execute(
                f"SELECT {FINDING_COLS} FROM findings f JOIN documents d"
                " ON d.id = f.document_id WHERE f.id = ?",
                (finding_id,),
            ).fetchone()
            return row_to_finding(db, row) if row else None

        return self._read(run)

    # -- listing ---------------------------------------------------------------------------

    def list_findings(self, filters: FindingFilter) -> tuple[list[StoredFinding], int]:
        """One page of findings, newest first, and how many match in all."""
        where, args = make_where(filters)

        def run(db: sqlite3.Connection) -> tuple[list[StoredFinding], int]:
            total = db.execute(f"SELECT COUNT(*) FROM findings f{where}", args).fetchone()[0]
            rows = db.execute(
                f"SELECT {FINDING_COLS} FROM findings f JOIN documents d ON d.id ="
                f" f.document_id{where} ORDER BY f.id DESC LIMIT ? OFFSET ?",
                [*args, filters.limit, filters.offset],
            ).fetchall()
            return [row_to_finding(db, r) for r in rows], int(total)

        return self._read(run)

    def count_findings(self, filters: FindingFilter, by: str) -> dict[str, int]:
        """How many findings match, grouped by verdict, status, regime or country."""
        where, args = make_where(filters)
        if by in _GROUPS:
            sql = f"SELECT {_GROUPS[by]}, COUNT(*) FROM findings f{where} GROUP BY 1"
        elif by in ("regime", "country"):
            sql = (
                f"SELECT t.value, COUNT(*) FROM finding_terms t JOIN findings f ON f.id ="
                f" t.finding_id AND t.kind = ?{where.replace(' WHERE ', ' AND ', 1)}"
                " GROUP BY 1"
            )
            args = [by, *args]
        else:
            raise InputError(
                f"Cannot count findings by {by!r}", expected="verdict, status, regime or country"
            )
        rows = self._read(lambda db: db.execute(sql, args).fetchall())
        return {str(k): int(n) for k, n in sorted(rows, key=lambda r: (-r[1], str(r[0])))}

    # -- review and audit ------------------------------------------------------------------

    def review(
        self,
        finding_id: int,
        action: str,
        actor: str,
        reason: str | None = None,
        note: str | None = None,
        assignee: str | None = None,
    ) -> AuditEntry:
        """Apply one review action and append it to the audit trail, in one transaction."""
        if action not in ACTIONS:
            raise InputError(f"Unknown review action {action!r}", expected=" | ".join(ACTIONS))
        with self._write() as db:
            row = db.execute("SELECT status FROM findings WHERE id = ?", (finding_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"No finding with id {finding_id}", finding=finding_id)
            status = ACTION_STATUS[action] or str(row[0])
            now = _now()
            if action == "assign":
                db.execute(
                    "UPDATE findings SET assignee = ?, updated_at = ? WHERE id = ?",
                    (assignee, now, finding_id),
                )
            db.execute(
                "UPDATE findings SET status = ?, updated_at = ? WHERE id = ?",
                (status, now, finding_id),
            )
            self._update_dismissals(db, finding_id, action, now)
            data = {"status_before": row[0], "status_after": status}
            entry_id = self._append_audit(
                db, finding_id, actor, action, reason, note, assignee, data
            )
        return AuditEntry(entry_id, finding_id, now, actor, action, reason, note, assignee, data)

    def _update_dismissals(
        self, db: sqlite3.Connection, finding_id: int, action: str, now: str
    ) -> None:
        if action == "dismiss":
            db.execute(
                "INSERT OR IGNORE INTO dismissals (fingerprint, finding_id, at)"
                " SELECT fingerprint, finding_id, ? FROM finding_prints"
                " WHERE finding_id = ?",
                (now, finding_id),
            )
        elif action == "confirm":
            # A confirmed finding is no false positive: forget its dismissal, if any.
            db.execute("DELETE FROM dismissals WHERE finding_id = ?", (finding_id,))

    def _append_audit(
        self,
        db: sqlite3.Connection,
        finding_id: int,
        actor: str,
        action: str,
        reason: str | None,
        note: str | None,
        assignee: str | None,
        data: dict[str, Any],
    ) -> int:
        cur = db.execute(
            "INSERT INTO audit (finding_id, at, actor, action, reason, note, assignee, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (finding_id, _now(), actor, action, reason, note, assignee, _dumps(data)),
        )
        return int(cur.lastrowid or 0)

    def audit_trail(self, finding_id: int) -> list[AuditEntry]:
        """Every action on a finding, oldest first."""
        rows = self._read(
            lambda db: db.execute(
                "SELECT id, finding_id, at, actor, action, reason, note, assignee, data FROM audit"
                " WHERE finding_id = ? ORDER BY id",
                (finding_id,),
            ).fetchall()
        )
        return [
            AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8]))
            for r in rows
        ]
