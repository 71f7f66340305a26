"""General extraction weaknesses told in several styles (wire, court summary, state media,
think-tank prose): each test fails if the mechanism it names is undone."""

from __future__ import annotations

from helpers import events, sides


def test_to_be_after_a_causative_is_actual() -> None:
    (court,) = events(
        "According to the indictment, the defendant caused lathes to be exported to Iran."
    )
    (wire,) = events("A Chinese broker arranged for drones to be sold to Russia, officials said.")
    assert court.status == "actual" and sides(court)[1] == "IR"
    assert wire.status != "hypothetical" and sides(wire) == ("CN", "RU")


def test_to_be_in_its_future_uses_is_hypothetical() -> None:
    (state,) = events("Two trainer aircraft are to be delivered by Russia to Myanmar next year.")
    (tank,) = events("The Russian tanks were to be shipped to Syria in the spring.")
    assert state.status == tank.status == "hypothetical"


def test_a_permission_to_be_sold_is_no_actual_sale() -> None:
    found = events("The exemption allows jet fuel to be sold to foreign airliners in Russia.")
    assert all(e.status != "actual" for e in found)


def test_transfer_words_inside_a_rule_noun_phrase_are_no_events() -> None:
    assert events("Officials said the company broke rules against selling arms to Iran.") == []
    assert (
        events("The resolution imposes a ban on the sale, supply or transfer of arms to Libya.")
        == []
    )
    assert (
        events("Critics say the rules against selling luxury goods to North Korea are lax.") == []
    )


def test_a_ban_told_after_the_transfer_leaves_it_an_event() -> None:
    (wire,) = events(
        "Russia delivered a car to Kim Jong Un, in breach of the ban on exporting luxury goods."
    )
    (court,) = events(
        "Pyongyang shipped shells to Moscow despite rules barring the export of arms"
        " by North Korea."
    )
    assert sides(wire) == ("RU", "KP") and sides(court) == ("KP", "RU")
    assert "shells" in court.goods[0].text


def test_a_fronted_clause_with_a_ban_word_does_not_govern_the_main_verb() -> None:
    (wire,) = events("Before the embargo took effect, Russia delivered 20 tanks to Syria.")
    (think_tank,) = events(
        "Although the arms embargo was in force, the Russian Defence Ministry supplied"
        " Myanmar with six fighter jets, the report said."
    )
    (state,) = events("When the sanctions were tightened, North Korea sold coal to Vietnam.")
    assert sides(wire) == ("RU", "SY") and "tanks" in wire.goods[0].text
    assert sides(think_tank) == ("RU", "MM") and sides(state) == ("KP", "VN")


def test_a_ban_in_the_verbs_own_clause_still_governs_it() -> None:
    assert events("The resolution banned Russia from exporting tanks to Syria.") == []


def test_a_middleman_of_no_country_keeps_the_two_legs_of_a_chain() -> None:
    court = events("The firm imported engines from Germany before re-exporting them to Iran.")
    assert sorted((sides(e) for e in court), key=str) == [("DE", None), (None, "IR")]
    plea = events(
        "According to the plea agreement, the company bought navigation equipment from a US"
        " supplier and then resold it to a buyer in Russia."
    )
    assert sorted((sides(e) for e in plea), key=str) == [("US", None), (None, "RU")]
    assert all("navigation equipment" in e.goods[0].text for e in plea)


def test_a_middleman_of_known_country_is_both_recipient_and_giver() -> None:
    found = events("A Turkish firm imported engines from Germany before re-exporting them to Iran.")
    assert sorted(sides(e) for e in found) == [("DE", "TR"), ("TR", "IR")]


def test_a_reply_takes_the_date_of_the_transfer_it_answers() -> None:
    gift, dogs = events(
        "Vladimir Putin gave Kim Jong Un a limousine on 3 March 2023. The gift was announced"
        " by state media in June. In return, Kim gave Putin two hunting dogs."
    )
    assert gift.date == dogs.date == "2023-03-03"
    wheat, fuel, seafood = events(
        "In 2019 Russia delivered wheat to North Korea. In 2021, Russia also sent fuel to"
        " Syria. In return, North Korea sent Russia 30 tonnes of seafood."
    )
    assert (wheat.date, fuel.date, seafood.date) == ("2019", "2021", "2019")


def test_a_reply_with_its_own_date_keeps_it() -> None:
    _, dogs = events(
        "Vladimir Putin gave Kim Jong Un a limousine on 3 March 2023. In return, Kim gave"
        " Putin two hunting dogs in May 2023."
    )
    assert dogs.date == "2023-05"


def test_the_contents_of_a_cargo_are_its_goods() -> None:
    (wire,) = events(
        "Customs found a cargo that contained missiles bound for Syria from North Korea."
    )
    (panel,) = events(
        "Inspectors seized a North Korean cargo that contained rocket parts bound for Syria."
    )
    (court,) = events(
        "Iran's shipment containing drone engines was bound for Russia, the Treasury said."
    )
    assert sides(wire) == sides(panel) == ("KP", "SY") and sides(court) == ("IR", "RU")
    assert [wire.goods[0].text, court.goods[0].text] == ["missiles", "drone engines"]


def test_goods_routed_through_a_country_pass_through_it() -> None:
    (wire,) = events("North Korean shipments of rockets to Iran were routed through Malaysia.")
    (think_tank,) = events(
        "Iranian oil was shipped to China, analysts say. The shipments were routed through"
        " Malaysia."
    )
    assert sides(wire) == ("KP", "IR") and wire.via == ["MY"]
    assert sides(think_tank) == ("IR", "CN") and think_tank.via == ["MY"]


def test_goods_after_an_inverted_copula_are_the_fronted_transfers_goods() -> None:
    (state,) = events("Among the gifts Kim Jong Un received from Vladimir Putin was a rifle.")
    (wire,) = events("Among the items delivered to North Korea by Russia were two armoured cars.")
    (think_tank,) = events(
        "Among the weapons Iran sold to Russia in 2022 were Shahed drones, according to the"
        " think tank."
    )
    assert sides(state) == sides(wire) == ("RU", "KP") and sides(think_tank) == ("IR", "RU")
    assert [e.goods[0].text for e in (state, wire, think_tank)] == [
        "rifle",
        "two armoured cars",
        "Shahed drones",
    ]


def test_cues_of_a_fronted_clause_of_time_are_not_the_main_clauses() -> None:
    (court,) = events("Before it was sanctioned, the Chinese company shipped lathes to Iran.")
    (think_tank,) = events(
        "Although Moscow has repeatedly denied it, Russian firms sold drones to Myanmar in 2023."
    )
    assert court.status == think_tank.status == "actual"
    (plan,) = events("If approved, Russia will deliver fighter jets to Iran.")
    assert plan.status == "hypothetical"
    (seized,) = events("The cars were seized before they could be shipped to North Korea.")
    assert seized.status == "negated"


def test_goods_sent_on_by_their_importer_leave_from_the_importer() -> None:
    wire = events("The trading house imported German lathes and re-exported them to Iran.")
    assert sorted((sides(e) for e in wire), key=str) == [("DE", None), (None, "IR")]
    court = events(
        "The company bought Japanese engines and then shipped them to Russia via Kyrgyzstan."
    )
    assert sorted((sides(e) for e in court), key=str) == [("JP", None), (None, "RU")]
    assert court[-1].via == ["KG"] and "engines" in court[-1].goods[0].text


def test_them_after_a_verb_with_a_second_object_is_a_person() -> None:
    assert events("Putin met the delegates and gave them a tour of the plant.") == []


def test_it_opening_a_sentence_continues_the_previous_subject() -> None:
    bought, sold = events(
        "The Hong Kong firm bought chips from Taiwan. It then sold them to Russia."
    )
    assert sides(bought) == ("TW", "HK") and sides(sold) == ("HK", "RU")
    legs = events(
        "The broker bought the drones from China. It later shipped them to Russia, state media"
        " said."
    )
    assert sorted((sides(e) for e in legs), key=str) == [("CN", None), (None, "RU")]


def test_a_transfer_noun_after_a_nationality_is_a_transfer() -> None:
    (ministry,) = events("Included in the Russian shipment to Syria were six helicopters.")
    assert sides(ministry) == ("RU", "SY") and ministry.goods[0].text == "six helicopters"
    assert events("Officials inspected the North Korean cargo in Nampo.") == []


def test_a_date_of_a_bounding_fronted_clause_does_not_date_the_transfer() -> None:
    (think_tank,) = events(
        "Until the ban was lifted in 2016, Iranian firms shipped oil to China through Malaysia."
    )
    (wire,) = events(
        "Before the embargo took effect in 2016, Russia delivered 20 tanks to Syria in March 2015."
    )
    (visit,) = events("When Kim visited Moscow in September 2023, Putin gave him a rifle.")
    (since,) = events("Since 2011, Russia has delivered fighter jets to Syria.")
    assert think_tank.date != "2016" and wire.date == "2015-03"
    assert visit.date == "2023-09" and since.date == "2011"


def test_a_ban_word_before_the_verbs_own_subject_does_not_govern_it() -> None:
    (wire,) = events(
        "Before the United Nations embargo took effect Russia delivered 20 tanks to Syria."
    )
    assert sides(wire) == ("RU", "SY")
    assert events("The EU banned Russian firms supplying drones to Iran.") == []
    assert events("The embargo prohibited Syria importing tanks from Russia.") == []


def test_contents_told_in_a_relative_clause_between_commas() -> None:
    (panel,) = events(
        "Part of the shipment, which contained 3,000 rifles, was routed via Turkey to Libya."
    )
    assert sides(panel)[1] == "LY" and panel.via == ["TR"] and "rifles" in panel.goods[0].text
    (wire,) = events("The cargo, which held Iranian drone parts, was bound for Russia.")
    assert sides(wire) == ("IR", "RU")
