"""Goods named once and referred back to later: sentences written for these tests."""

from __future__ import annotations

from datetime import date
from functools import partial

from tests.extract.helpers import events as run_pipeline

events = partial(run_pipeline, published=date(2024, 8, 20))


def test_goods_sent_on_leave_from_the_earlier_buyer() -> None:
    found = events(
        "A Dutch firm bought 12 Mercedes cars in Germany. The goods were later exported to"
        " North Korea via Dalian."
    )
    onward = [e for e in found if e.recipient and e.recipient.country == "KP"]
    assert len(onward) == 1
    assert onward[0].giver is not None and onward[0].giver.country == "NL"
    assert {h[:4] for g in onward[0].goods for h in g.hs} == {"8703"}


def test_a_later_mention_of_the_shipments_joins_the_transfer() -> None:
    found = events(
        "A Chinese company sold 40 tonnes of aluminium alloy to North Korea in 2019. The"
        " shipments were sent through Dalian."
    )
    assert len(found) == 1
    assert found[0].date == "2019"
