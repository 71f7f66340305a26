"""The findings store: documents, findings, filters, review, audit trail and dismissals."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.exc import InputError, NotFoundError
from sanctionwatch.store.findings import (
    FindingFilter,
    NewFinding,
    make_fingerprint,
    make_fingerprints,
    normalize_text,
)
from sanctionwatch.store.findings_sqlite import SQLiteFindings
from sanctionwatch.store.sqlite import SQLiteStore

TEXT = "The minister said on Monday that Acme Shipping delivered two sedans to Pyongyang."
MADE_WITH = {"lists": [{"dataset": "un_sc", "version": 1}], "rules": {"count": 2}}


def make_event(
    evidence: str = "Acme Shipping delivered two sedans",
    giver: str = "Acme Shipping",
    entity: str = "un_sc-KPe.001",
    date: str = "2024-02-18",
) -> dict[str, Any]:
    start = TEXT.find(evidence)
    return {
        "id": "e1",
        "kind": "transfer",
        "giver": {
            "text": giver,
            "name": giver,
            "country": None,
            "matches": [{"entity_id": entity, "dataset": "un_sc", "caption": giver, "score": 0.91}],
        },
        "recipient": {"text": "Pyongyang", "name": "North Korea", "country": "KP", "matches": []},
        "goods": [{"text": "two sedans", "hs": ["8703"], "category": "vehicles", "value": None}],
        "date": date,
        "origin": "RU",
        "destination": "KP",
        "status": "actual",
        "evidence": [{"text": evidence, "start": start, "end": start + len(evidence)}],
    }


def make_finding(verdict: str = "violation") -> dict[str, Any]:
    return {
        "event": "e1",
        "verdict": verdict,
        "rules": [
            {
                "id": "un-2397-7",
                "regime": "UN-DPRK",
                "instrument": "UNSCR 2397 (2017)",
                "provision": "para 7",
                "why": "vehicles to KP",
            }
        ],
        "matches": [
            {
                "entity_id": "un_sc-KPe.001",
                "dataset": "un_sc",
                "caption": "Acme Shipping",
                "score": 0.91,
            }
        ],
    }


@pytest.fixture()
def findings(store: SQLiteStore) -> SQLiteFindings:
    return SQLiteFindings(store)


def add_one(findings: SQLiteFindings, text: str = TEXT, **kw: Any) -> int:
    doc = findings.save_document("text", text, "A report", "2024-02-20", None, {"events": []})
    stored = findings.add_findings(
        doc, [NewFinding(make_event(**kw), make_finding())], MADE_WITH, "system"
    )
    return stored[0].id


def test_store_round_trips_a_finding(findings: SQLiteFindings) -> None:
    fid = add_one(findings)
    got = findings.get_finding(fid)
    assert got is not None
    assert got.verdict == "violation" and got.status == "open"
    assert got.event == make_event() and got.finding == make_finding()
    assert got.made_with == MADE_WITH
    assert got.regimes == ["UN-DPRK"]
    assert got.document["title"] == "A report"
    trail = findings.audit_trail(fid)
    assert [e.action for e in trail] == ["create"]
    assert trail[0].data["made_with"] == MADE_WITH


def test_same_document_and_finding_stored_once(findings: SQLiteFindings) -> None:
    assert add_one(findings) == add_one(findings)
    assert findings.list_findings(FindingFilter())[1] == 1


def test_filters_and_counts(findings: SQLiteFindings) -> None:
    add_one(findings)
    add_one(
        findings, text=TEXT + " Again.", giver="Other Trading", entity="ofac-1", date="2023-05-01"
    )
    assert findings.list_findings(FindingFilter(party="acme"))[1] == 1
    assert findings.list_findings(FindingFilter(party="TRADING"))[1] == 1
    assert findings.list_findings(FindingFilter(country="kp"))[1] == 2
    assert findings.list_findings(FindingFilter(country="NL"))[1] == 0
    assert findings.list_findings(FindingFilter(regime="UN-DPRK"))[1] == 2
    assert findings.list_findings(FindingFilter(date_from="2024"))[1] == 1
    assert findings.list_findings(FindingFilter(date="2023-05"))[1] == 1
    assert findings.list_findings(FindingFilter(date="2024-03"))[1] == 0
    assert findings.list_findings(FindingFilter(date_to="2023-12"))[1] == 1
    assert findings.list_findings(FindingFilter(entity="ofac-1"))[1] == 1
    page, total = findings.list_findings(FindingFilter(limit=1, offset=1))
    assert total == 2 and len(page) == 1
    assert findings.count_findings(FindingFilter(), "verdict") == {"violation": 2}
    assert findings.count_findings(FindingFilter(party="acme"), "regime") == {"UN-DPRK": 1}
    with pytest.raises(InputError):
        findings.count_findings(FindingFilter(), "colour")


def test_review_actions_change_status_and_append_audit(findings: SQLiteFindings) -> None:
    fid = add_one(findings)
    findings.review(fid, "assign", "alice", assignee="bob")
    findings.review(fid, "note", "bob", note="checking the customs record")
    findings.review(fid, "confirm", "bob", reason="the car was photographed on arrival")
    got = findings.get_finding(fid)
    assert got is not None and got.status == "confirmed" and got.assignee == "bob"
    trail = findings.audit_trail(fid)
    assert [(e.actor, e.action) for e in trail] == [
        ("system", "create"),
        ("alice", "assign"),
        ("bob", "note"),
        ("bob", "confirm"),
    ]
    assert trail[-1].reason == "the car was photographed on arrival"
    assert trail[-1].data == {"status_before": "open", "status_after": "confirmed"}


def test_review_errors(findings: SQLiteFindings) -> None:
    fid = add_one(findings)
    with pytest.raises(NotFoundError):
        findings.review(fid + 100, "confirm", "alice", reason="x")
    with pytest.raises(InputError):
        findings.review(fid, "delete", "alice")
    assert len(findings.audit_trail(fid)) == 1


def test_audit_trail_is_append_only(findings: SQLiteFindings) -> None:
    fid = add_one(findings)
    with pytest.raises(sqlite3.IntegrityError):
        findings.db.execute("UPDATE audit SET actor = 'mallory' WHERE finding_id = ?", (fid,))
    with pytest.raises(sqlite3.IntegrityError):
        findings.db.execute("DELETE FROM audit WHERE finding_id = ?", (fid,))
    assert findings.audit_trail(fid)[0].actor == "system"


def test_dismissed_false_positive_is_not_raised_again(findings: SQLiteFindings) -> None:
    first = add_one(findings)
    findings.review(first, "dismiss", "alice", reason="a different Acme")
    # The same party, entity and evidence in another document: suppressed.
    again = add_one(findings, text=TEXT + " (repeated by another outlet)")
    got = findings.get_finding(again)
    assert got is not None and got.status == "suppressed" and got.suppressed_by == first
    assert "dismissed finding" in (findings.audit_trail(again)[0].reason or "")
    # New evidence changes the fingerprint: raised as usual.
    changed = add_one(findings, text=TEXT + " Update.", evidence="Acme Shipping delivered")
    got = findings.get_finding(changed)
    assert got is not None and got.status == "open"


def test_confirm_after_dismiss_forgets_the_dismissal(findings: SQLiteFindings) -> None:
    first = add_one(findings)
    findings.review(first, "dismiss", "alice", reason="looked unrelated")
    findings.review(first, "confirm", "bob", reason="it is the listed company after all")
    again = add_one(findings, text=TEXT + " Later copy.")
    got = findings.get_finding(again)
    assert got is not None and got.status == "open"


def test_fingerprint_ignores_case_and_spacing() -> None:
    assert make_fingerprint("Acme  Shipping", "x-1", "Two cars\n") == make_fingerprint(
        "acme shipping", "x-1", "two cars"
    )
    assert make_fingerprint("Acme", "x-1", "a") != make_fingerprint("Acme", "x-2", "a")
    event = make_event()
    event["giver"]["matches"] = []
    assert len(make_fingerprints(event, {"matches": []})) == 2  # one per party, no entity


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(min_size=1, max_size=300),
    title=st.none() | st.text(max_size=50),
    note=st.text(min_size=1, max_size=100),
)
def test_documents_and_audit_notes_read_back_the_same(
    text: str, title: str | None, note: str
) -> None:
    db = SQLiteStore(":memory:")
    findings = SQLiteFindings(db)
    doc = findings.save_document("text", text, title, None, None, {"k": [text]})
    again = findings.get_document(doc.id)
    assert again is not None and (again.text, again.title, again.analysis) == (
        text,
        title,
        {"k": [text]},
    )
    fid = findings.add_findings(doc, [NewFinding(make_event(), make_finding())], {}, "x")[0].id
    findings.review(fid, "note", "x", note=note)
    assert findings.audit_trail(fid)[-1].note == note
    db.close()


@settings(deadline=None)
@given(st.text(max_size=40), st.text(max_size=20), st.text(max_size=80))
def test_fingerprint_is_stable_under_normalisation(party: str, entity: str, evidence: str) -> None:
    assert make_fingerprint(party, entity, evidence) == make_fingerprint(
        normalize_text(party), entity, normalize_text(evidence)
    )
