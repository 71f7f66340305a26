"""Stored findings, their review and an append-only audit trail: the records and the interface.

A *document* is what was analysed (a report's text, or one structured record); each finding
of it is stored with the event it is about, the verdict, the rules and list matches, and what
it was made with (list versions, rule versions, algorithm). Analysts review findings
(confirm, dismiss, note, assign); every action is an :class:`AuditEntry` that can never be
changed or deleted.

Dismissed false positives are remembered by *fingerprint*: a hash of the party name, the list
entity id and the evidence text. A later finding whose fingerprints were all dismissed is
stored as ``suppressed`` rather than raised again; once its evidence changes the hash changes
and it is raised as usual.

:class:`FindingsStore` is the interface; :mod:`sanctionwatch.store.findings_sqlite` is the
embedded implementation, sharing the list store's SQLite file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

ReviewAction = Literal["confirm", "dismiss", "note", "assign"]
ReviewStatus = Literal["open", "confirmed", "dismissed", "suppressed"]

ACTIONS: tuple[str, ...] = ("confirm", "dismiss", "note", "assign")
STATUSES: tuple[str, ...] = ("open", "confirmed", "dismissed", "suppressed")
#: The review status each action leaves a finding in (None: unchanged).
ACTION_STATUS: dict[str, str | None] = {
    "confirm": "confirmed",
    "dismiss": "dismissed",
    "note": None,
    "assign": None,
}

_SPACES = re.compile(r"\s+")


def normalize_text(text: str | None) -> str:
    """Lower case with whitespace collapsed: what a fingerprint is computed over."""
    return _SPACES.sub(" ", (text or "").strip()).lower()


def make_fingerprint(party: str | None, entity_id: str | None, evidence: str | None) -> str:
    """The hash that identifies one (party, list entity, evidence) combination."""
    raw = "\x1f".join((normalize_text(party), entity_id or "", normalize_text(evidence)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _party_name(party: dict[str, Any] | None) -> str:
    if not party:
        return ""
    return str(party.get("name") or party.get("text") or "")


def make_fingerprints(event: dict[str, Any], finding: dict[str, Any]) -> list[str]:
    """Every (party, entity, evidence) hash of one finding, sorted and unique."""
    evidence = " ".join(str(e.get("text", "")) for e in event.get("evidence") or [])
    prints: set[str] = set()
    seen_entities: set[str] = set()
    parties = [p for p in (event.get("giver"), event.get("recipient")) if p]
    for party in parties:
        for match in party.get("matches") or []:
            prints.add(make_fingerprint(_party_name(party), match.get("entity_id"), evidence))
            seen_entities.add(str(match.get("entity_id")))
    for match in finding.get("matches") or []:
        if str(match.get("entity_id")) not in seen_entities:
            prints.add(make_fingerprint("", match.get("entity_id"), evidence))
    if not prints:
        for party in parties or [None]:
            prints.add(make_fingerprint(_party_name(party), "", evidence))
    return sorted(prints)


def collect_terms(event: dict[str, Any], finding: dict[str, Any]) -> set[tuple[str, str]]:
    """The (kind, value) pairs findings are filtered by: regime, country, party, entity."""
    terms: set[tuple[str, str]] = set()
    for rule in finding.get("rules") or []:
        if rule.get("regime"):
            terms.add(("regime", str(rule["regime"])))
    countries = [event.get("origin"), event.get("destination"), *(event.get("via") or [])]
    for party in (event.get("giver"), event.get("recipient")):
        if party:
            countries.append(party.get("country"))
            for value in (party.get("text"), party.get("name")):
                if value:
                    terms.add(("party", normalize_text(value)))
            for match in party.get("matches") or []:
                terms.add(("entity", str(match.get("entity_id"))))
    for match in finding.get("matches") or []:
        terms.add(("entity", str(match.get("entity_id"))))
    terms.update(("country", str(c).upper()) for c in countries if c)
    return terms


@dataclass(slots=True)
class DocumentRecord:
    """What was analysed: a report's text (``kind='text'``) or a record (``kind='record'``)."""

    id: int
    kind: str
    sha256: str
    title: str | None
    published: str | None
    source: str | None
    text: str
    created_at: str
    analysis: dict[str, Any] = field(default_factory=dict)

    def to_ref(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "published": self.published,
            "source": self.source,
        }


@dataclass(slots=True)
class StoredFinding:
    """One finding as stored: the event, the verdict, review status and provenance."""

    id: int
    document: dict[str, Any]
    event_id: str
    verdict: str
    status: str
    assignee: str | None
    created_at: str
    updated_at: str
    event: dict[str, Any]
    finding: dict[str, Any]
    made_with: dict[str, Any]
    fingerprints: list[str]
    suppressed_by: int | None = None

    @property
    def regimes(self) -> list[str]:
        return sorted({str(r.get("regime")) for r in self.finding.get("rules") or []})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "event_id": self.event_id,
            "verdict": self.verdict,
            "status": self.status,
            "assignee": self.assignee,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "regimes": self.regimes,
            "event": self.event,
            "finding": self.finding,
            "made_with": self.made_with,
            "suppressed_by": self.suppressed_by,
        }


@dataclass(slots=True)
class AuditEntry:
    """One line of the append-only audit trail: who did what, when, and why."""

    id: int
    finding_id: int
    at: str
    actor: str
    action: str
    reason: str | None = None
    note: str | None = None
    assignee: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "finding_id": self.finding_id,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "reason": self.reason,
            "note": self.note,
            "assignee": self.assignee,
            "data": self.data,
        }


@dataclass(slots=True)
class FindingFilter:
    """Which findings to list. String filters are exact except ``party`` (substring)."""

    verdict: str | None = None
    regime: str | None = None
    country: str | None = None
    party: str | None = None
    entity: str | None = None
    status: str | None = None
    date: str | None = None  # a prefix of the event date: "2024", "2024-02"
    date_from: str | None = None
    date_to: str | None = None
    document_id: int | None = None
    hide_suppressed: bool = False  # leave out findings suppressed by an earlier dismissal
    limit: int = 50
    offset: int = 0


@dataclass(slots=True)
class NewFinding:
    """A finding to store: its event and finding dicts in the design.md shapes."""

    event: dict[str, Any]
    finding: dict[str, Any]


class FindingsStore(Protocol):
    """What the API and the web UI need from a findings store."""

    def save_document(
        self,
        kind: str,
        text: str,
        title: str | None,
        published: str | None,
        source: str | None,
        analysis: dict[str, Any],
    ) -> DocumentRecord: ...

    def get_document(self, document_id: int) -> DocumentRecord | None: ...

    def add_findings(
        self, document: DocumentRecord, new: list[NewFinding], made_with: dict[str, Any], actor: str
    ) -> list[StoredFinding]: ...

    def get_finding(self, finding_id: int) -> StoredFinding | None: ...

    def list_findings(self, filters: FindingFilter) -> tuple[list[StoredFinding], int]: ...

    def count_findings(self, filters: FindingFilter, by: str) -> dict[str, int]: ...

    def review(
        self,
        finding_id: int,
        action: str,
        actor: str,
        reason: str | None = None,
        note: str | None = None,
        assignee: str | None = None,
    ) -> AuditEntry: ...

    def audit_trail(self, finding_id: int) -> list[AuditEntry]: ...
