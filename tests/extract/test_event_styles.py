"""Transfers told in the styles of UN panel reports, press releases, court summaries, state
media and hedged analysis: sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.helpers import events, only, sides


def test_panel_prose_ship_to_ship_transfer_with_a_flagged_vessel() -> None:
    event = only(
        "The tanker Blue Heron (IMO 9345678) conducted a ship-to-ship transfer of diesel with"
        " the DPRK-flagged Pyong Hwa 3 in the Yellow Sea on 12 April 2019."
    )
    assert event.transfer_mode == "ship-to-ship"
    assert sides(event)[1] == "KP"
    assert (event.vessel, event.imo) == ("Blue Heron", "9345678")
    assert event.date == "2019-04-12"


@pytest.mark.parametrize(
    ("text", "giver", "recipient", "status"),
    [
        ("Beijing halted imports of iron ore from North Korea in 2017.", "KP", "CN", "negated"),
        ("North Korea took delivery of two Russian helicopters in 2019.", "RU", "KP", "actual"),
        (
            "Kim Jong Un was presented with a rifle by the Russian defence minister.",
            "RU",
            "KP",
            "actual",
        ),
        ("There is no evidence that Belarus sold tractors to Syria.", "BY", "SY", "negated"),
        ("According to unnamed officials, Iran supplied drones to Russia.", "IR", "RU", "reported"),
        (
            "From March to May 2019 Chinese traders shipped pianos to North Korea.",
            "CN",
            "KP",
            "actual",
        ),
        (
            "OFAC designated two Chinese companies that supplied aluminium rods to North Korea.",
            "CN",
            "KP",
            "actual",
        ),
    ],
)
def test_nominalisations_passives_and_status_cues(
    text: str, giver: str, recipient: str, status: str
) -> None:
    event = only(text)
    assert sides(event) == (giver, recipient)
    assert event.status == status


@pytest.mark.parametrize(
    "text",
    [
        "North Korea sent football players to a tournament in Qatar.",
        "Belarus supplied hundreds of construction workers to Russia.",
    ],
)
def test_people_are_no_goods(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between May and December 2022 the firm shipped handbags to Russia.", "2022-05"),
        ("From March to May 2019 a Dalian trader shipped pianos to North Korea.", "2019-03"),
        ("Between 2017 and 2019 a Russian firm exported coal to Vietnam.", "2017"),
        ("China has delivered 120 tractors to North Korea as aid.", None),  # a tense is no date
        ("Iran is believed to have sold drones to Russia.", None),
    ],
)
def test_dates_of_spans_and_recent_news(text: str, expected: str | None) -> None:
    assert only(text).date == expected


def test_a_claim_the_other_side_denies_is_reported() -> None:
    found = events(
        "Washington said Pyongyang had sold artillery shells to Russia in November."
        " North Korea denied the claim and said it had never supplied weapons to Russia."
    )
    statuses = sorted(e.status for e in found if sides(e) == ("KP", "RU"))
    assert statuses == ["negated", "reported"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Belarus sold forty tractors to Syria in 2016. Iran denied that it had ever"
            " supplied drones to Russia.",
            {("BY", "SY"): "actual", ("IR", "RU"): "negated"},
            id="denial-about-other-countries-leaves-a-fact-alone",
        ),
        pytest.param(
            "Russia denied that it had sold fighter jets to Iran, but Ukraine said Iran shipped"
            " drones to Russia.",
            {("RU", "IR"): "negated", ("IR", "RU"): "actual"},
            id="denial-governs-its-own-clause-only",
        ),
    ],
)
def test_a_denial_governs_only_what_it_denies(
    text: str, expected: dict[tuple[str | None, str | None], str]
) -> None:
    assert {sides(e): e.status for e in events(text)} == expected


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("The ship loaded anthracite at Nampo bound for Vietnam.", "KP", "VN"),
        (
            "The panel found that the vessel Rich Glory loaded North Korean coal at Nampo and"
            " discharged it at Lianyungang, China.",
            "KP",
            "CN",
        ),
        (
            "Refined petroleum loaded by a North Korean tanker at the Russian port of Vostochny.",
            "RU",
            "KP",
        ),
    ],
)
def test_ships_loading_and_discharging_cargo(text: str, origin: str, destination: str) -> None:
    event = only(text)
    assert sides(event) == (origin, destination)


def test_a_truck_loaded_with_goods_is_a_carrier_not_a_sale() -> None:
    assert events("A truck loaded with cigarettes was seized at the Chinese border.") == []


def test_a_barter_names_the_counter_transfer_with_the_same_status() -> None:
    found = events(
        "Officials say Moscow could supply Pyongyang with fighter jets in exchange for"
        " artillery shells."
    )
    assert sorted((sides(e), e.status) for e in found) == [
        (("KP", "RU"), "hypothetical"),
        (("RU", "KP"), "hypothetical"),
    ]


def test_payment_in_exchange_is_no_counter_transfer() -> None:
    assert len(events("Iran sent drones to Russia in return for cash.")) == 1


def test_a_sentence_without_a_date_takes_the_one_before_it_in_its_paragraph() -> None:
    text = (
        "Panama stopped the freighter Ocean Pearl in July 2013. Havana said the jets had been"
        " sent from Cuba to North Korea for repair.\n\nIn 2016 Cuba sold sugar to Vietnam."
        " Cuba also sent raw sugar to North Korea."
    )
    dates = sorted(str(e.date) for e in events(text) if sides(e) == ("CU", "KP"))
    assert dates == ["2013-07", "2016"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The Kremlin did not deny that Russia had supplied fuel to North Korea.", "reported"),
        ("It is unclear whether China delivered gas turbines to Iran.", "reported"),
        ("Pyongyang may have received the tanks from Russia, the report said.", "reported"),
        ("Experts say the drones were probably supplied by Iran to Russia.", "reported"),
        ("The US accused China of supplying Russia with drone engines.", "reported"),
        ("Customs seized the cars before they could be shipped to North Korea.", "negated"),
        ("Analysts believe North Korea shipped artillery shells to Russia.", "reported"),
    ],
)
def test_status_cues_in_hedged_and_negated_claims(text: str, status: str) -> None:
    assert only(text).status == status


@pytest.mark.parametrize(
    ("text", "giver", "recipient", "goods_word"),
    [
        (
            "Indonesia has handed over to the United States a bulk carrier that carried coal.",
            "ID",
            "US",
            "carrier",
        ),
        ("Russia sent to North Korea in March a shipment of wheat.", "RU", "KP", "wheat"),
        ("The sugar from Cuba was a donation to the North Korean people.", "CU", "KP", "sugar"),
    ],
)
def test_shifted_objects_and_copular_transfer_nouns(
    text: str, giver: str, recipient: str, goods_word: str
) -> None:
    found = [e for e in events(text) if goods_word in " ".join(g.text for g in e.goods)]
    assert len(found) == 1
    assert sides(found[0]) == (giver, recipient)


@pytest.mark.parametrize(
    ("text", "value", "quantity"),
    [
        ("Italy sold three yachts to Russia for EUR 2 million each.", 6e6, 3),
        (
            "The firm shipped 900 handbags priced between EUR 1,800 and EUR 4,000 each to Russia.",
            1_620_000,
            900,
        ),
        ("A Dalian trader sold 40 tractors worth upwards of $1 million to North Korea.", 1e6, 40),
        ("The company sold some 2,000 tonnes of steel worth $1.2m to North Korea.", 1.2e6, 2000),
    ],
)
def test_values_are_totals_and_prices_each_are_multiplied(
    text: str, value: float, quantity: float
) -> None:
    goods = only(text).goods[0]
    assert (goods.value, goods.quantity) == (pytest.approx(value), quantity)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China bought and then resold North Korean coal to Vietnam.",
            {("KP", "CN"), ("CN", "VN")},
        ),
        (
            "Kim Jong Un received a gift of hunting rifles from the Russian defence minister.",
            {("RU", "KP")},
        ),
        ("Exports of coal to China resumed last year despite the UN ban.", {(None, "CN")}),
        (
            "The network procured aircraft parts from European suppliers on behalf of Iran's"
            " national airline.",
            {(None, "IR")},
        ),
        ("Trucks carrying Chinese fertiliser crossed into North Korea at Sinuiju.", {("CN", "KP")}),
        ("The armoured train carried Kim and his delegation from Pyongyang to Moscow.", set()),
        ("Sales of luxury goods to North Korea have been banned since 2006.", set()),
    ],
)
def test_coordination_nominal_owners_bans_and_carriers(
    text: str, expected: set[tuple[str | None, str | None]]
) -> None:
    assert {sides(e) for e in events(text)} == expected


def test_a_trend_verb_ends_the_goods() -> None:
    event = only("North Korea's imports of Chinese rice rose sharply in 2019.")
    assert event.goods[0].text == "Chinese rice"
    assert (sides(event), event.date) == (("CN", "KP"), "2019")


def test_an_authority_acting_on_a_transfer_is_no_side_of_it() -> None:
    event = only(
        "OFAC is designating Ocean Star Ltd for its role in the delivery of refined petroleum"
        " to North Korea."
    )
    assert sides(event) == (None, "KP")


@pytest.mark.parametrize(
    ("text", "giver", "recipient", "status"),
    [
        (
            "North Korea has declined an offer from South Korea to supply fuel for the ferry.",
            "KR",
            None,
            "negated",
        ),
        (
            "North Korean diplomats later asked about buying a second piano from Austria, but"
            " the dealer turned them down.",
            "AT",
            "KP",
            "negated",
        ),
        ("Iran asked Russia to deliver fighter jets, but Moscow refused.", "RU", "IR", "negated"),
        ("Russia offered to sell fighter jets to Iran.", "RU", "IR", "hypothetical"),
    ],
)
def test_offers_and_requests_refused(
    text: str, giver: str, recipient: str | None, status: str
) -> None:
    event = only(text)
    assert (sides(event)[0], event.status) == (giver, status)
    if recipient:
        assert sides(event)[1] == recipient


def test_denied_by_both_sides_the_claims_are_reported() -> None:
    found = events(
        "Moscow and Pyongyang have denied any arms transfers, but Western officials say North"
        " Korea has sent millions of artillery shells to Russia since 2023."
    )
    assert [(sides(e), e.status, e.date) for e in found] == [(("KP", "RU"), "reported", "2023")]


def test_people_sent_abroad_and_panel_transfers_with_a_ship() -> None:
    assert events("Russia gave Iran jets in return for troops sent to fight in Ukraine.") != []
    assert all(
        "troops" not in g.text
        for e in events("North Korea has troops sent to Russia.")
        for g in e.goods
    )
    event = only(
        "The panel found that the tanker Sea Lion conducted four transfers of diesel with the"
        " DPRK-flagged tanker Saebyol in the East China Sea."
    )
    assert sides(event)[1] == "KP"


def test_state_media_gifts_named_in_a_later_sentence() -> None:
    text = (
        "Kim Jong Un received gifts from the Russian delegation on Wednesday. The gifts, which"
        " included a tea set and a painting, were presented by the head of the delegation."
    )
    event = only(text)
    assert sides(event) == ("RU", "KP")
    assert "tea set" in " ".join(g.text for g in event.goods)


def test_luxury_goods_including_named_items() -> None:
    event = only(
        "A Singapore firm exported luxury goods, including high-end vehicles and alcohol, to"
        " North Korea."
    )
    texts = " ".join(g.text for g in event.goods)
    assert "vehicles" in texts and "alcohol" in texts


def test_the_date_of_a_designation_is_not_that_of_the_transfer() -> None:
    event = only(
        "WASHINGTON - Today, the Treasury designated Ocean Bright Ltd, which shipped luxury"
        " cars to North Korea."
    )
    assert event.date is None


@pytest.mark.parametrize(
    ("text", "exemption"),
    [
        (
            "UNICEF sent vaccines and syringes to North Korea. The sanctions committee granted"
            " an exemption for the shipment.",
            "committee-25",
        ),
        (
            "A Russian firm supplied spare parts for Air Koryo's Tu-204 airliners to North Korea.",
            "aircraft-parts",
        ),
        (
            "Russia sold jet fuel to North Korean airliners for their return flights.",
            "return-flight",
        ),
    ],
)
def test_exemptions_the_report_says_apply(text: str, exemption: str) -> None:
    assert exemption in events(text)[0].exemptions


def test_an_exemption_that_was_never_granted_is_none() -> None:
    found = events(
        "Belarus sold tractors to North Korea. They may not be supplied without an exemption"
        " from the Security Council committee, and none had been requested."
    )
    assert all("committee-25" not in e.exemptions for e in found)


def test_thanks_for_a_gift_name_giver_and_recipient() -> None:
    event = only("Kim Jong Un thanked Vladimir Putin for the car, which was delivered on Sunday.")
    assert (sides(event), event.date) == (("RU", "KP"), "2024-02-18")
    assert events("Kim Jong Un thanked Vladimir Putin for his support.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Any sale of combat aircraft to Pyongyang would breach a UN arms embargo.",
        "Kim rode in the car at the cosmodrome, where Putin showed him rockets.",
        "Russian media showed footage of Kim test-driving the Aurus.",
        "In 2017 the Security Council banned North Korean exports of coal, iron and seafood.",
        "The regime laundered money through Chinese banks to pay for the cars.",
    ],
)
def test_statements_of_rules_and_non_transfers(text: str) -> None:
    assert events(text) == []


def test_trade_words_before_company_nouns_are_no_transfers() -> None:
    assert events("Banks and shipping firms refuse to handle cargo destined for North Korea.") == []


def test_modal_perfects_with_adverbs_are_reported_without_a_date() -> None:
    event = only("The report says Pyongyang may also have delivered ballistic missiles to Russia.")
    assert (event.status, event.date) == ("reported", None)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Belarus sent potash fertiliser to North Korea this summer.", date(2024, 12, 12), "2024"),
        ("Belarus sent potash fertiliser to North Korea last summer.", date(2024, 3, 1), "2023"),
        ("Belarus sent potash fertiliser to North Korea last winter.", date(2024, 12, 1), "2024"),
    ],
)
def test_seasons_resolve_to_a_year(text: str, published: date, expected: str) -> None:
    found = events(text, published=published)
    assert [e.date for e in found] == [expected]


def test_a_value_worth_of_goods() -> None:
    event = only("Customs data show that China exported $3 million worth of pianos to Iran.")
    assert (sides(event), event.goods[0].text, event.goods[0].value) == (
        ("CN", "IR"),
        "pianos",
        3e6,
    )


def test_a_cargo_intercepted_in_transit_is_actual_and_not_the_interceptors() -> None:
    event = only(
        "Vietnamese authorities intercepted a shipment of North Korean coal bound for China."
    )
    assert (sides(event), event.status) == (("KP", "CN"), "actual")


def test_an_ing_verb_before_a_product_name_is_a_transfer() -> None:
    event = only("In 2022 Iran began supplying Shahed drones to Russia.")
    assert (sides(event), event.date) == (("IR", "RU"), "2022")


def test_one_side_denying_the_claims_is_enough_to_dispute_them() -> None:
    found = events(
        "Kyiv says Iran shipped drones to Russia in March. Tehran denied the claims on Friday."
    )
    assert [(sides(e), e.status) for e in found] == [(("IR", "RU"), "reported")]
    found = events("Belarus sold tractors to Syria. Iran denied the claims about its drones.")
    assert [(sides(e), e.status) for e in found] == [(("BY", "SY"), "actual")]


@pytest.mark.parametrize(
    ("text", "giver", "recipient"),
    [
        pytest.param(
            "A North Korean diplomat tried to smuggle 27 kilograms of gold through Dhaka.",
            "KP",
            "BD",
            id="smuggling-through-an-airport-ends-in-its-country",
        ),
        pytest.param(
            "The Chinese firm re-exported the Japanese cars to North Korea.",
            "CN",
            "KP",
            id="re-exports-are-transfers",
        ),
    ],
)
def test_sides_of_smuggling_and_re_exports(text: str, giver: str, recipient: str) -> None:
    assert sides(only(text)) == (giver, recipient)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The network attempted to purchase two armoured cars from a dealer in Germany, but"
            " the sale was blocked by German authorities.",
            id="attempted-purchase-blocked-later-in-the-sentence",
        ),
        pytest.param(
            "There is no evidence that Russia has sold any fighter jets to North Korea.",
            id="no-evidence-that-any-goods-moved",
        ),
    ],
)
def test_blocked_and_unevidenced_transfers_are_negated(text: str) -> None:
    assert only(text).status == "negated"
