"""SQL pieces of the findings store: the filter clause and reading a finding row.

Kept apart from :mod:`sanctionwatch.store.findings_sqlite` so the query building can be read
(and changed for another SQL database) on its own.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sanctionwatch.store.findings import FindingFilter, StoredFinding, normalize_text

FINDING_COLS = (
    "f.id, f.document_id, f.event_id, f.verdict, f.status, f.assignee, f.created_at,"
    " f.updated_at, f.event, f.finding, f.made_with, f.suppressed_by,"
    " d.kind, d.title, d.published, d.source"
)


def make_where(flt: FindingFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = ["f.status != 'suppressed'"] if flt.hide_suppressed else []
    args: list[Any] = []
    for column, value in (
        ("f.verdict", flt.verdict),
        ("f.status", flt.status),
        ("f.document_id", flt.document_id),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            args.append(value)
    term = "f.id IN (SELECT finding_id FROM finding_terms WHERE kind = ? AND value {op} ?)"
    for kind, value, op in (
        ("regime", flt.regime, "="),
        ("country", (flt.country or "").upper() or None, "="),
        ("entity", flt.entity, "="),
        ("party", flt.party and f"%{normalize_text(flt.party)}%", "LIKE"),
    ):
        if value:
            clauses.append(term.format(op=op))
            args += [kind, value]
    if flt.date:
        clauses.append("substr(f.event_date, 1, length(?)) = ?")
        args += [flt.date, flt.date]
    if flt.date_from:
        clauses.append("f.event_date >= ?")
        args.append(flt.date_from)
    if flt.date_to:
        clauses.append("substr(f.event_date, 1, length(?)) <= ?")
        args += [flt.date_to, flt.date_to]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def row_to_finding(db: sqlite3.Connection, row: tuple[Any, ...]) -> StoredFinding:
    prints = [
        r[0]
        for r in db.execute(
            "SELECT fingerprint FROM finding_prints WHERE finding_id = ? ORDER BY fingerprint",
            (row[0],),
        )
    ]
    document = {
        "id": row[1],
        "kind": row[12],
        "title": row[13],
        "published": row[14],
        "source": row[15],
    }
    return StoredFinding(
        id=row[0],
        document=document,
        event_id=row[2],
        verdict=row[3],
        status=row[4],
        assignee=row[5],
        created_at=row[6],
        updated_at=row[7],
        event=json.loads(row[8]),
        finding=json.loads(row[9]),
        made_with=json.loads(row[10]),
        fingerprints=prints,
        suppressed_by=row[11],
    )
