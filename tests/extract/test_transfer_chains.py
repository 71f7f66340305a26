"""Transfers told in harder constructions: chains of sales, fronted givers, disguised goods,
approximate quantities, goods in someone's name: sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.helpers import events, goods_text, sides


@pytest.mark.parametrize(
    ("text", "goods", "not_goods"),
    [
        (
            "Cigarettes disguised as furniture were smuggled from China to North Korea.",
            "cigarettes",
            "furniture",
        ),
        (
            "Luxury watches mislabelled as spare parts were shipped by a Latvian firm to Russia.",
            "watches",
            "spare parts",
        ),
        (
            "The company shipped drone engines labelled as water pumps to Iran.",
            "drone engines",
            "pumps",
        ),
        (
            "Kazakhstan sold about 30 MiG-21 fighters to a US company, declared as scrap.",
            "fighters",
            "scrap",
        ),
    ],
)
def test_goods_are_what_was_sent_not_what_they_were_declared_as(
    text: str, goods: str, not_goods: str
) -> None:
    found = events(text)
    assert len(found) == 1, [e.to_dict() for e in found]
    assert goods in goods_text(found[0]) and not_goods not in goods_text(found[0])


def test_an_approximate_quantity_opens_the_goods() -> None:
    (event,) = events("Iran sold nearly 200 drones to Russia, officials said.")
    assert "drones" in goods_text(event) and sides(event) == ("IR", "RU")


def test_a_rate_ends_the_goods() -> None:
    (event,) = events(
        "Beijing is believed to supply 500,000 tonnes of crude oil a year to Pyongyang."
    )
    assert goods_text(event).endswith("crude oil") and sides(event) == ("CN", "KP")


def test_the_giver_may_stand_before_the_goods() -> None:
    (event,) = events("Lukashenko received from Kim Jong Un a set of porcelain vases.")
    assert sides(event) == ("KP", "BY") and "vases" in goods_text(event)


@pytest.mark.parametrize(
    ("text", "giver", "recipient"),
    [
        pytest.param(
            "The watches were presented on behalf of the Russian president to the North Korean"
            " leader.",
            "RU",
            "KP",
            id="goods-presented-on-behalf-of-a-leader-come-from-him",
        ),
        pytest.param(
            "The broker procured aircraft engines from a German supplier on behalf of an Iranian"
            " airline.",
            "DE",
            "IR",
            id="goods-procured-on-behalf-of-a-company-go-to-it",
        ),
        pytest.param(
            "Between 2019 and 2021, the network procured more than 300 components from US"
            " distributors for Russian drone makers.",
            "US",
            "RU",
            id="goods-procured-for-foreign-buyers-go-to-their-country",
        ),
    ],
)
def test_goods_on_behalf_of_or_for_someone_go_with_them(
    text: str, giver: str, recipient: str
) -> None:
    (event,) = events(text)
    assert sides(event) == (giver, recipient)


def test_the_other_side_may_be_named_in_the_sentence_before() -> None:
    text = (
        "A pipeline runs under the river from Dandong to a refinery near Sinuiju in North Korea."
        " China is believed to send about 500,000 tonnes of crude oil a year through it."
    )
    found = [e for e in events(text) if "crude oil" in goods_text(e)]
    assert len(found) == 1 and sides(found[0]) == ("CN", "KP")


@pytest.mark.parametrize(
    ("text", "giver", "recipient", "status"),
    [
        (
            "A North Korean delegation requested spare parts for MiG aircraft; Kazakhstan refused.",
            "KZ",
            "KP",
            "negated",
        ),
        (
            "A Syrian delegation requested spare parts for its tanks. Belarus refused.",
            "BY",
            "SY",
            "negated",
        ),
        ("Russia refused a North Korean request for fighter jets.", "RU", "KP", "negated"),
        ("Pyongyang asked Moscow for fighter jets, but Moscow refused.", "RU", "KP", "negated"),
        ("Iran requested Su-35 fighter jets from Russia in 2023.", "RU", "IR", "hypothetical"),
        ("North Korea asked for wheat from Russia.", "RU", "KP", "hypothetical"),
        ("North Korea proposed to sell seafood to China.", "KP", "CN", "hypothetical"),
    ],
)
def test_a_request_is_a_transfer_sought_and_a_refusal_negates_it(
    text: str, giver: str, recipient: str, status: str
) -> None:
    (event,) = events(text)
    assert sides(event) == (giver, recipient) and event.status == status


def test_asking_someone_to_do_something_is_no_request_for_goods() -> None:
    assert events("The minister asked reporters to leave the room in Moscow.") == []


@pytest.mark.parametrize(
    ("text", "giver", "recipient"),
    [
        (
            "Refined petroleum was transferred from the YUK TUNG to the DPRK-flagged"
            " RYE SONG GANG 1 in the East China Sea.",
            None,
            "KP",
        ),
        (
            "The Togo-flagged tanker Kingsway transferred coal to the North Korean vessel"
            " Chon Ma San.",
            "TG",
            "KP",
        ),
    ],
)
def test_a_transfer_between_two_ships_is_ship_to_ship(
    text: str, giver: str | None, recipient: str
) -> None:
    (event,) = events(text)
    assert event.transfer_mode == "ship-to-ship"
    assert event.giver is not None and event.giver.kind == "vessel"
    assert event.recipient is not None and event.recipient.kind == "vessel"
    assert (event.giver.country, event.recipient.country) == (giver, recipient)
    assert event.goods


def test_a_ship_delivering_to_a_company_is_no_ship_to_ship_transfer() -> None:
    (event,) = events("The tanker delivered fuel to a North Korean company in Nampo.")
    assert event.transfer_mode is None


def pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [sides(e) for e in events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Latvian dealer bought 37 watches from a Geneva wholesaler and resold them to a"
            " Moscow company, shipping them via Dubai.",
            [("CH", "LV"), ("LV", "RU")],
        ),
        (
            "A Hong Kong company purchased the oil from a Russian supplier, then transferred it"
            " to a North Korean tanker.",
            [("RU", "HK"), ("HK", "KP")],
        ),
        (
            "The Armenian importer bought 40 cars in Germany and delivered them to Russia via"
            " Georgia.",
            [("DE", "AM"), ("AM", "RU")],
        ),
        (
            "The dealer shipped the machines to a logistics firm in Almaty, which then forwarded"
            " them to Moscow.",
            [(None, "KZ"), ("KZ", "RU")],
        ),
    ],
)
def test_goods_sold_on_make_a_chain_of_transfers(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    found = events(text)
    assert [sides(e) for e in found] == expected
    assert all(e.goods and "them" not in goods_text(e) for e in found)


def test_the_route_of_a_chain_belongs_to_the_second_transfer() -> None:
    first, second = events(
        "A Latvian dealer bought 37 watches from a Geneva wholesaler and resold them to a"
        " Moscow company, shipping them via Dubai."
    )
    assert first.via == [] and second.via == ["AE"]


def test_a_transit_country_is_a_route_not_a_second_transfer() -> None:
    (event,) = events("Belarus sold tractors to Russia through Kazakhstan.")
    assert sides(event) == ("BY", "RU") and event.via == ["KZ"]


def test_a_relative_clause_after_the_recipient_speaks_of_the_goods() -> None:
    (event,) = events(
        "North Korea sold the rifles to a Syrian militia, which were delivered through Lebanon."
    )
    assert sides(event) == ("KP", "SY") and event.via == ["LB"]
    assert "rifles" in goods_text(event)


@pytest.mark.parametrize(
    ("text", "giver", "recipient", "goods"),
    [
        (
            "A BelAZ dump truck, a gift from President Lukashenko, was handed over to the Korean"
            " side at Tumangang.",
            "BY",
            "KP",
            "dump truck",
        ),
        ("Kim sent Lukashenko a pair of celadon vases in return.", "KP", "BY", "vases"),
        (
            "State media reported the gift of a horse from Putin to Kim Jong Un.",
            "RU",
            "KP",
            "horse",
        ),
        (
            "Putin's gift to Kim, an Aurus limousine, was delivered on Sunday.",
            "RU",
            "KP",
            "limousine",
        ),
        (
            "A gift from Vladimir Putin, the Aurus car was handed to Kim Jong Un's aides in"
            " Pyongyang.",
            "RU",
            "KP",
            "car",
        ),
        ("In return, Lukashenko was given a Pungsan dog by Kim.", "KP", "BY", "dog"),
    ],
)
def test_ceremonial_gifts_told_in_state_media_style(
    text: str, giver: str, recipient: str, goods: str
) -> None:
    (event,) = events(text)
    assert sides(event) == (giver, recipient) and goods in goods_text(event)


def test_a_gift_in_apposition_is_no_second_item() -> None:
    (event,) = events("Kim Jong Un received a BelAZ truck, a present from the Belarusian leader.")
    assert sides(event) == ("BY", "KP")
    assert [g.text for g in event.goods] == ["BelAZ truck"]


@pytest.mark.parametrize(
    ("text", "giver", "recipient"),
    [
        ("A Vilnius dealer sold two Mercedes cars to a Pyongyang trading company.", "LT", "KP"),
        ("The Antwerp company shipped diamonds to Russia in 2023.", "BE", "RU"),
        ("An Istanbul trader sold aircraft parts to a Tehran airline.", "TR", "IR"),
        ("The Rotterdam-based firm shipped 12 machine tools to a buyer in Pyongyang.", "NL", "KP"),
    ],
)
def test_a_company_named_by_its_role_and_city(text: str, giver: str, recipient: str) -> None:
    (event,) = events(text)
    assert sides(event) == (giver, recipient)


def test_an_offer_and_its_price_are_hypothetical_transfers() -> None:
    offered, price = events(
        "Moscow reportedly offered Pyongyang fighter jets in exchange for artillery shells."
    )
    assert (sides(offered), sides(price)) == (("RU", "KP"), ("KP", "RU"))
    assert offered.status == price.status == "hypothetical"


def test_an_offer_to_sell_is_told_by_the_sale_alone() -> None:
    (event,) = events("Russia offered to sell wheat to North Korea.")
    assert sides(event) == ("RU", "KP") and event.status == "hypothetical"


def test_goods_caused_to_be_exported_are_the_passive_subject() -> None:
    (event,) = events(
        "The defendant caused dual-use machine tools to be exported from New Jersey to Iran"
        " through the United Arab Emirates."
    )
    assert sides(event) == ("US", "IR") and event.via == ["AE"]
    assert "machine tools" in goods_text(event)


def test_the_buyer_of_a_second_sale_is_not_the_seller_of_the_first() -> None:
    bought, sent = events(
        "A Bishkek wholesaler bought the printers and is suspected of sending them on to buyers"
        " in Moscow."
    )
    assert bought.giver is None and sides(bought)[1] == "KG"
    assert sides(sent) == ("KG", "RU")


def test_goods_passed_on_change_hands_but_a_law_passed_does_not() -> None:
    (event,) = events("The Almaty distributor passed the laptops on to a retailer in Novosibirsk.")
    assert sides(event) == ("KZ", "RU")
    assert events("The parliament passed a law on exports to Russia.") == []
