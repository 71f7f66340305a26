"""Transfer events from sentences written for these tests: roles, routes, status, coreference."""

from __future__ import annotations

import pytest

from tests.extract.helpers import events, only, sides


@pytest.mark.parametrize(
    ("text", "giver", "recipient", "goods_word"),
    [
        ("The Belarusian president gave the Syrian president a tractor.", "BY", "SY", "tractor"),
        ("Moscow supplied Pyongyang with 300 tonnes of diesel.", "RU", "KP", "diesel"),
        ("A Chinese firm sold two excavators to North Korea.", "CN", "KP", "excavators"),
        ("Iran bought forty drones from Russia.", "RU", "IR", "drones"),
        ("The yacht was delivered to North Korea by a Dutch shipyard.", "NL", "KP", "yacht"),
        ("Syria has fired Iranian-supplied rockets at its neighbours.", "IR", "SY", "rockets"),
        ("Four tractors were exported from Belarus to Syria in 2016.", "BY", "SY", "tractors"),
        ("North Korea's exports of coal to China resumed.", "KP", "CN", "coal"),
    ],
)
def test_roles_of_the_common_constructions(
    text: str, giver: str, recipient: str, goods_word: str
) -> None:
    event = only(text)
    assert sides(event) == (giver, recipient)
    assert goods_word in event.goods[0].text
    assert event.status == "actual"


def test_dates_routes_quantities_and_values() -> None:
    event = only(
        "In 2016, three tractors worth EUR 300,000 were exported from Minsk to Syria via Turkey."
    )
    assert event.date == "2016"
    assert (event.origin, event.destination, event.via) == ("BY", "SY", ["TR"])
    assert event.goods[0].quantity == 3
    assert (event.goods[0].value, event.goods[0].currency) == (300000.0, "EUR")


@pytest.mark.parametrize(
    "text",
    [
        "Putin showed Kim Jong Un his limousine.",
        "The US president let Kim Jong Un look at his car.",
        "Kim Jong Un rode in the Russian president's car.",
        "The Russian president gave a speech in Moscow.",
        "The resolution bans the supply of vehicles to North Korea.",
        "Russian-made cars are popular in Pyongyang.",
    ],
)
def test_no_event_for_showing_looking_speeches_bans_or_origins(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russia denied that it had supplied rockets to Syria.", "negated"),
        ("Moscow did not deliver the tanks to Syria.", "negated"),
        ("Russia plans to sell fighter jets to Iran.", "hypothetical"),
        ("Moscow could supply fighter jets to North Korea.", "hypothetical"),
        ("Russia reportedly sold fighter jets to Iran.", "reported"),
        ("China allegedly shipped tractors to North Korea.", "reported"),
    ],
)
def test_status_of_the_claim(text: str, status: str) -> None:
    assert only(text).status == status


def test_a_later_sentence_about_the_car_joins_the_gift() -> None:
    text = (
        "The Russian president has given the North Korean leader a limousine. "
        "The car was delivered to Pyongyang on Sunday by a Russian delegation. "
        "Kim's sister thanked him for it."
    )
    event = only(text)
    assert sides(event) == ("RU", "KP")
    assert event.date == "2024-02-18"
    assert event.giver is not None and event.giver.name == "Vladimir Putin"
    assert len(event.evidence) == 2


def test_evidence_is_whole_sentences_cut_by_offset() -> None:
    text = (
        "Headline here\n\nIn 2018 two cars were shipped from Rotterdam to North Korea. Then more."
    )
    event = only(text)
    (ev,) = event.evidence
    assert text[ev.start : ev.end] == ev.text
    assert ev.text.startswith("In 2018") and ev.text.endswith("North Korea.")


def test_a_later_identification_names_the_goods() -> None:
    text = (
        "Moscow gave Pyongyang a limousine on Sunday. "
        "A Kremlin spokesman said that it was an Aurus Senat."
    )
    event = only(text)
    assert "Aurus Senat" in event.goods[0].text
    assert len(event.evidence) == 2


def test_relative_clause_subject_and_a_list_of_goods() -> None:
    text = (
        "A Milan company shipped watches to a distributor in Kazakhstan, which then sent "
        "them on to shops in Moscow."
    )
    found = events(text)
    assert [sides(e) for e in found] == [("IT", "KZ"), ("KZ", "RU")]


def test_objects_that_are_no_goods_make_no_transfer_even_with_a_goods_word_nearby() -> None:
    text = (
        "Russia sold cars to Belarus. The Belarusian president received a North Korean delegation."
    )
    assert [sides(e) for e in events(text)] == [("RU", "BY")]


@pytest.mark.parametrize(
    ("text", "giver", "recipient", "goods_word"),
    [
        ("North Korea has supplied Russia with more than a million shells.", "KP", "RU", "shells"),
        ("A shipment of Mercedes cars arrived in Nampo last month.", None, "KP", "cars"),
        ("Pyongyang received 10 tons of refined petroleum from China.", "CN", "KP", "petroleum"),
    ],
)
def test_quantities_arrivals_and_receipts(
    text: str, giver: str | None, recipient: str, goods_word: str
) -> None:
    event = only(text)
    assert sides(event) == (giver, recipient)
    assert goods_word in event.goods[0].text


def test_vessel_and_imo_number_of_a_delivery() -> None:
    event = only(
        "The tanker Sky Venus (IMO 9123456) delivered 5,000 tonnes of diesel to North Korea."
    )
    assert (event.vessel, event.imo) == ("Sky Venus", "9123456")
    assert event.giver is not None and event.giver.kind == "vessel"


def test_statements_of_rules_are_no_events() -> None:
    assert events("Member states may not sell North Korea industrial machinery or vehicles.") == []
    assert events("North Korea may no longer sell coal, iron or seafood to anyone.") == []


def test_headline_infinitives_and_contracts_are_plans() -> None:
    text = (
        "Russia to supply Iran with fighter jets\n\n"
        "MOSCOW, 5 May 2024 - A Russian exporter signed a contract to deliver 24 fighter jets "
        "to Iran."
    )
    (event,) = events(text)
    assert (sides(event), event.status) == (("RU", "IR"), "hypothetical")
    assert len(event.evidence) == 2


def test_the_other_side_is_inferred_only_from_a_single_candidate() -> None:
    found = events(
        "The minister told his North Korean counterpart that Moscow was ready to deliver "
        "fighter jets."
    )
    assert [sides(e) for e in found] == [("RU", "KP")]
    seized = events(
        "Dutch customs officers seized twelve luxury cars that were to be shipped to Russia."
    )
    assert [sides(e)[0] for e in seized] in ([], [None])
