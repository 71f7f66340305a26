"""The pipeline over a real store and matcher holding a few entities written for the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionwatch.model.entity import Entity
from sanctionwatch.model.event import Goods, Party, TransferEvent
from sanctionwatch.pipeline import process_events
from sanctionwatch.store.base import NewVersion
from sanctionwatch.store.sqlite import SQLiteStore


def _entity(eid: str, schema: str, dataset: str, **props: str) -> Entity:
    entity = Entity(eid, schema, dataset)
    for prop, value in props.items():
        entity.add(prop, value)
    return entity


def _load(store: SQLiteStore, dataset: str, entities: list[Entity]) -> None:
    store.add_version(
        NewVersion(
            dataset, "2024-01-01", f"{dataset}.xml", dataset * 4, "test", len(entities), entities
        )
    )


@pytest.fixture()
def listed_store(home: Path) -> Iterator[SQLiteStore]:
    db = SQLiteStore(":memory:")
    _load(
        db,
        "un_sc",
        [
            _entity(
                "un_sc-KPi.900",
                "Person",
                "un_sc",
                name="PAK Sample Trader",
                programId="DPRK",
                createdAt="2016-03-02",
                country="kp",
            ),
            _entity(
                "un_sc-KPe.901",
                "Organization",
                "un_sc",
                name="Russian Federation",
                programId="DPRK",
                createdAt="2016-03-02",
            ),
        ],
    )
    _load(db, "us_ofac_sdn", [
        _entity("us_ofac_sdn-77", "Vessel", "us_ofac_sdn", name="SEA SAMPLE STAR",
                imoNumber="9000001", programId="DPRK3", createdAt="2018-02-23"),
    ])  # fmt: skip
    yield db
    db.close()


def _event(recipient: str, date: str = "2020-05-01", **kw: object) -> TransferEvent:
    return TransferEvent(
        "ev",
        giver=Party("Russian Federation", "Russian Federation", "RU"),
        recipient=Party(recipient, recipient, "KP"),
        goods=[Goods("Aurus Senat limousine")],
        date=date,
        **kw,  # type: ignore[arg-type]
    )


def test_listed_recipient_is_screened_and_flagged(listed_store: SQLiteStore) -> None:
    event = _event("Pak Sample Trader")
    [finding] = process_events([event], store=listed_store)
    assert event.recipient is not None
    assert [m.entity_id for m in event.recipient.matches] == ["un_sc-KPi.900"]
    freeze = next(h for h in finding.rules if h.id == "un-kp-asset-freeze")
    assert "2016-03-02" in freeze.why and "un_sc" in freeze.why
    assert [m.entity_id for m in finding.matches] == ["un_sc-KPi.900"]
    assert finding.verdict == "violation"


def test_states_are_not_screened(listed_store: SQLiteStore) -> None:
    event = _event("Pak Sample Trader")
    process_events([event], store=listed_store)
    assert event.giver is not None
    assert event.giver.kind == "state" and event.giver.matches == []


def test_listing_date_after_the_event_does_not_count(listed_store: SQLiteStore) -> None:
    [finding] = process_events([_event("Pak Sample Trader", date="2015-06-01")], store=listed_store)
    assert "un-kp-asset-freeze" not in {h.id for h in finding.rules}
    assert finding.matches  # the match is still shown


def test_vessel_is_screened_by_imo(listed_store: SQLiteStore) -> None:
    event = _event("Nobody In Particular", vessel="Unknown Name", imo="9000001")
    [finding] = process_events([event], store=listed_store)
    sdn = next(h for h in finding.rules if h.id == "us-ofac-sdn-listed")
    assert "DPRK3" in sdn.provision and "vessel" in sdn.why
    assert any(m.entity_id == "us_ofac_sdn-77" for m in finding.matches)


def test_without_lists_the_transfer_alone_is_judged(home: Path) -> None:
    event = _event("Kim Jong Un", date="2024-02-18")
    [without] = process_events([event])
    assert without.verdict == "violation" and without.matches == []
    empty = SQLiteStore(":memory:")
    [again] = process_events([_event("Kim Jong Un", date="2024-02-18")], store=empty)
    assert {h.id for h in again.rules} == {h.id for h in without.rules}


def test_goods_without_hs_are_classified_and_countries_cleaned() -> None:
    event = TransferEvent(
        "ev",
        giver=Party("someone", country="kp"),
        goods=[Goods("frozen crab"), Goods("coal", hs=["2701"])],
        date="2019-01-01",
        destination="China",
    )
    [finding] = process_events([event])
    assert event.goods[0].hs == ["030614"] and "seafood" in event.goods[0].categories
    assert event.goods[1].hs == ["2701"]
    assert event.destination == "CN" and event.giver is not None and event.giver.country == "KP"
    assert {"un-kp-seafood", "un-kp-coal-iron-2371"} <= {h.id for h in finding.rules}


def test_one_finding_per_event_in_order() -> None:
    events = [
        TransferEvent(f"e{i}", goods=[Goods(g)], origin="KP", destination="CN", date="2019-01-01")
        for i, g in enumerate(["coal", "pianos", "textiles"])
    ]
    findings = process_events(events)
    assert [f.event for f in findings] == ["e0", "e1", "e2"]
    assert [f.verdict for f in findings] == ["violation", "none", "violation"]
