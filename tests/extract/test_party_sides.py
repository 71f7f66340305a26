"""Who may be a side of a transfer: sources, authorities, guests and the dateline's country.

A wrong party is a false accusation, so these tests pin down when the extractor must leave a
side unknown rather than guess.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from tests.extract.helpers import events as run_pipeline

events = partial(run_pipeline, published=date(2024, 6, 20))


def sides(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.giver.country if e.giver else None, e.recipient.country if e.recipient else None)
        for e in events(text)
    ]


def test_the_source_of_a_claim_is_no_side() -> None:
    assert sides("A Chinese company sold 40 trucks, Japanese officials said.") == [("CN", None)]
    assert sides("A Chinese company sold 40 trucks, the Japanese government said.") == [
        ("CN", None)
    ]
    assert sides("A Chinese company shipped the trucks, Japan's foreign minister said.") == [
        ("CN", None)
    ]


def test_the_object_of_told_can_still_be_the_other_side() -> None:
    text = (
        "A deputy defence minister told his North Korean counterpart that Moscow was ready "
        "to deliver modern air defence systems."
    )
    assert sides(text) == [("RU", "KP")]


def test_authorities_never_give_or_receive() -> None:
    for e in events(
        "South Korean customs seized 20 tonnes of coal that a Vietnamese trader had sold "
        "to a Chinese company, the UN panel of experts said."
    ):
        for party in (e.giver, e.recipient):
            assert party is None or party.kind not in ("authority",)


def test_the_dateline_places_unnamed_traders_only_in_local_cases() -> None:
    wire = "WASHINGTON, May 2, 2024 - A trading company exported used cars to North Korea."
    assert sides(wire) == [(None, "KP")]
    case = (
        "TOKYO, May 2, 2024 - Police arrested the president of a trading company who "
        "exported used cars to North Korea."
    )
    assert sides(case) == [("JP", "KP")]


def test_a_guest_is_never_the_hosts_country() -> None:
    assert sides("Kim Jong Un gave his guest a hunting rifle.") == [("KP", None)]
    visit = "Sergei Shoigu arrived in Pyongyang. Kim Jong Un gave his guest a hunting rifle."
    assert sides(visit) == [("KP", "RU")]


def test_places_give_traders_their_country_in_panel_prose() -> None:
    text = (
        "The Panel notes that a Dandong-based trading company exported 300 trucks to a firm "
        "headquartered in Nampo in 2019."
    )
    assert sides(text) == [("CN", "KP")]
