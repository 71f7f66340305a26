"""Shared by the API and web tests: keys, list entities written here, and stored findings.

The entities are made up (names, dates and identifiers invented). Findings are written
through the findings store, so tests of reading and review do not depend on the analysis.
"""

from __future__ import annotations

from typing import Any

from sanctionwatch.model.entity import Entity
from sanctionwatch.store.base import NewVersion
from sanctionwatch.store.findings import FindingsStore, NewFinding
from sanctionwatch.store.sqlite import SQLiteStore

ALICE_KEY = "alice-secret-key-1"
BOB_KEY = "bob-secret-key-2"
MAX_BYTES = 64 * 1024


def make_entities() -> dict[str, list[Entity]]:
    person = Entity("test_a-P1", "Person", "test_a", "P1")
    person.add("name", "Ivan Sergeyevich Petrovsky")
    person.add("alias", "Иван Петровский")
    person.add("birthDate", "1961-03-14")
    person.add("nationality", "ru")
    person.add("programId", "RUS")
    org = Entity("test_a-E1", "Organization", "test_a", "E1")
    org.add("name", "Tumen River Trading Corporation")
    org.add("country", "kp")
    vessel = Entity("test_b-V1", "Vessel", "test_b", "V1")
    vessel.add("name", "Northern Harvest")
    vessel.add("imoNumber", "9300011")
    other = Entity("test_b-P2", "Person", "test_b", "P2")
    other.add("name", "Ivan Petrovsky")
    other.add("birthDate", "1990")
    return {"test_a": [person, org], "test_b": [vessel, other]}


def load_entities(store: SQLiteStore) -> None:
    for dataset, entities in make_entities().items():
        store.add_version(
            NewVersion(
                dataset,
                "2024-01-01",
                f"{dataset}.json",
                f"sha-{dataset}",
                "ftm",
                len(entities),
                entities,
            )
        )


def alice() -> dict[str, str]:
    return {"X-API-Key": ALICE_KEY}


TEXT = (
    "Officials said on 18 February that the Tumen River Trading Corporation had handed two "
    "armoured sedans to a buyer in Pyongyang, shipped from Vladivostok."
)
EVIDENCE = "the Tumen River Trading Corporation had handed two armoured sedans"


def make_pair(event_id: str = "e1", verdict: str = "violation") -> NewFinding:
    start = TEXT.index(EVIDENCE)
    event: dict[str, Any] = {
        "id": event_id,
        "kind": "transfer",
        "giver": {
            "text": "the Tumen River Trading Corporation",
            "name": "Tumen River Trading Corporation",
            "country": "KP",
            "matches": [
                {
                    "entity_id": "test_a-E1",
                    "dataset": "test_a",
                    "caption": "Tumen River Trading Corporation",
                    "score": 0.97,
                }
            ],
        },
        "recipient": {"text": "a buyer in Pyongyang", "name": None, "country": "KP", "matches": []},
        "goods": [
            {"text": "armoured sedans", "hs": ["8703"], "category": "vehicles", "value": None}
        ],
        "date": "2024-02-18",
        "origin": "RU",
        "destination": "KP",
        "status": "actual",
        "evidence": [{"text": EVIDENCE, "start": start, "end": start + len(EVIDENCE)}],
    }
    finding = {
        "event": event_id,
        "verdict": verdict,
        "rules": [
            {
                "id": "un-2397-7",
                "regime": "UN-DPRK",
                "instrument": "UNSCR 2397 (2017)",
                "provision": "para 7",
                "why": "transport vehicles supplied to the DPRK",
                "summary": "States must not supply vehicles of HS 86-89 to North Korea.",
            }
        ],
        "matches": event["giver"]["matches"],
    }
    return NewFinding(event, finding)


def seed_finding(findings: FindingsStore, text: str = TEXT, verdict: str = "violation") -> int:
    doc = findings.save_document(
        "text",
        text,
        "Sedans for Pyongyang",
        "2024-02-20",
        None,
        {"events": [make_pair().event], "findings": []},
    )
    stored = findings.add_findings(doc, [make_pair(verdict=verdict)], {"lists": []}, "system")
    return stored[0].id


# A report written for these tests, on the reference case of design.md.
REPORT = (
    "Pyongyang, 20 February. The Russian president presented the North Korean leader Kim Jong "
    "Un with an Aurus Senat limousine, which was delivered on Sunday, state media said."
)
