"""Rule families, each with positive, negative and date-boundary cases."""

from __future__ import annotations

import pytest

from sanctionwatch.model.event import Finding, Goods, ListMatch, Party, TransferEvent
from sanctionwatch.regimes import Context, evaluate


def transfer(
    goods: str | Goods,
    giver: str | None = None,
    recipient: str | None = None,
    date: str | None = "2024-02-18",
    **kw: object,
) -> TransferEvent:
    item = goods if isinstance(goods, Goods) else Goods(goods)
    return TransferEvent(
        "e1",
        giver=Party(giver or "someone", country=giver) if giver else None,
        recipient=Party(recipient or "someone", country=recipient) if recipient else None,
        goods=[item],
        date=date,
        **kw,  # type: ignore[arg-type]
    )


def ids(finding: Finding, certainty: str | None = None) -> set[str]:
    return {h.id for h in finding.rules if certainty is None or h.certainty == certainty}


def hit(finding: Finding, rule_id: str):  # type: ignore[no-untyped-def]
    return next(h for h in finding.rules if h.id == rule_id)


# ---------------------------------------------------------------- the reference case


def test_aurus_to_kim_jong_un_is_a_violation_of_1718_and_2397() -> None:
    event = TransferEvent(
        "aurus",
        giver=Party("Russian Federation", "Russian Federation", "RU", kind="state"),
        recipient=Party("Kim Jong Un", "Kim Jong Un", "KP", kind="person"),
        goods=[Goods("Aurus Senat limousine")],
        date="2024-02-18",
    )
    finding = evaluate(event)
    assert finding.verdict == "violation"
    luxury = hit(finding, "un-kp-luxury")
    assert (luxury.instrument, luxury.provision) == ("UNSCR 1718 (2006)", "para 8(a)(iii)")
    assert "UNSCR 2094 (2013) Annex IV" in luxury.why
    assert luxury.certainty == "violation"
    vehicles = hit(finding, "un-kp-2397-supply")
    assert (vehicles.instrument, vehicles.provision) == ("UNSCR 2397 (2017)", "para 7")
    assert vehicles.certainty == "violation"
    assert "HS 8703" in vehicles.why and "2024-02-18" in vehicles.why and "KP" in vehicles.why
    assert "2017-12-22" in vehicles.why
    assert vehicles.verified is False
    assert vehicles.to_dict()["verified"] is False
    assert any("25" in e for e in vehicles.exemptions)


def test_same_car_germany_to_france_is_none() -> None:
    assert evaluate(transfer("Aurus Senat limousine", "DE", "FR")).verdict == "none"


def test_same_car_in_2005_breaks_no_un_rule() -> None:
    finding = evaluate(transfer("Aurus Senat limousine", "RU", "KP", date="2005-06-01"))
    assert not {i for i in ids(finding) if i.startswith("un-")}


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2017-12-21", None),
        ("2017-12-22", "violation"),
        ("2017-12", "possible"),
        (None, "possible"),
    ],
)
def test_2397_supply_date_boundary(date: str | None, expected: str | None) -> None:
    finding = evaluate(transfer("used tanker", "CN", "KP", date=date))
    found = [h for h in finding.rules if h.id == "un-kp-2397-supply"]
    assert (found[0].certainty if found else None) == expected


def test_luxury_annex_boundary_2094() -> None:
    before = evaluate(transfer("Rolls-Royce Phantom", "CN", "KP", date="2013-03-06"))
    after = evaluate(transfer("Rolls-Royce Phantom", "CN", "KP", date="2013-03-07"))
    assert "Annex IV" not in hit(before, "un-kp-luxury").why  # the 1718 ban alone
    assert "UNSCR 2094 (2013) Annex IV" in hit(after, "un-kp-luxury").why
    assert (
        evaluate(transfer("Rolls-Royce Phantom", "CN", "KP", date="2006-10-13")).verdict == "none"
    )


def test_plain_car_is_a_possible_luxury_good() -> None:
    finding = evaluate(transfer("car", "CN", "KP", date="2015-01-01"))
    assert hit(finding, "un-kp-luxury").certainty == "possible"
    assert "may or may not be luxury goods" in hit(finding, "un-kp-luxury").why


# ---------------------------------------------------------------- commodities from the DPRK


@pytest.mark.parametrize(
    ("goods", "rule", "since"),
    [
        ("anthracite", "un-kp-coal-iron-2371", "2017-08-05"),
        ("frozen crab", "un-kp-seafood", "2017-08-05"),
        ("textiles", "un-kp-textiles", "2017-09-11"),
        ("lead ore", "un-kp-lead", "2017-08-05"),
        ("gold bars", "un-kp-gold-ores", "2016-03-02"),
        ("zinc", "un-kp-base-metals", "2016-11-30"),
        ("bronze statue", "un-kp-statues", "2016-11-30"),
        ("timber", "un-kp-2397-procurement", "2017-12-22"),
    ],
)
def test_export_bans_from_kp(goods: str, rule: str, since: str) -> None:
    positive = evaluate(transfer(goods, "KP", "CN", date="2019-05-01"))
    assert hit(positive, rule).certainty == "violation"
    assert f"since {since}" in hit(positive, rule).why
    assert rule not in ids(evaluate(transfer(goods, "CN", "KP", date="2019-05-01")))
    assert rule not in ids(evaluate(transfer(goods, "VN", "CN", date="2019-05-01")))
    year, month, day = (int(p) for p in since.split("-"))
    eve = f"{year:04d}-{month:02d}-{day - 1:02d}" if day > 1 else f"{year:04d}-{month - 1:02d}-28"
    assert rule not in ids(evaluate(transfer(goods, "KP", "CN", date=eve)))


def test_coal_cap_period_of_2321_is_possible_only() -> None:
    finding = evaluate(transfer("coal", "KP", "CN", date="2017-03-01"))
    assert hit(finding, "un-kp-coal-cap-2321").certainty == "possible"
    assert "un-kp-coal-iron-2371" not in ids(finding)
    assert finding.verdict == "possible"


def test_procurement_via_origin_only() -> None:
    event = transfer("frozen crab", None, None, date="2018-01-10", origin="KP", destination="CN")
    assert hit(evaluate(event), "un-kp-seafood").certainty == "violation"


# ---------------------------------------------------------------- oil to the DPRK


def test_refined_petroleum_to_kp_is_possible_under_the_cap() -> None:
    finding = evaluate(transfer("refined petroleum", "CN", "KP", date="2019-03-01"))
    refined = hit(finding, "un-kp-refined-2397")
    assert refined.certainty == "possible"
    assert "500,000 bbl" in refined.why
    assert finding.verdict == "possible"
    assert "un-kp-refined-2397" not in ids(evaluate(transfer("refined petroleum", "KP", "CN")))
    early = evaluate(transfer("diesel", "CN", "KP", date="2017-12-30"))
    assert "un-kp-refined-2397" not in ids(early) and "un-kp-refined-2375" in ids(early)


def test_jet_fuel_to_kp_is_a_violation_and_diesel_is_not_aviation_fuel() -> None:
    assert hit(evaluate(transfer("jet fuel", "CN", "KP")), "un-kp-aviation-fuel").certainty == (
        "violation"
    )
    assert "un-kp-aviation-fuel" not in ids(evaluate(transfer("diesel", "CN", "KP")))
    assert "un-kp-aviation-fuel" not in ids(
        evaluate(transfer("jet fuel", "CN", "KP", date="2016-03-01"))
    )


# ---------------------------------------------------------------- arms both ways


def test_ballistic_missiles_from_kp_to_russia() -> None:
    finding = evaluate(transfer("ballistic missiles", "KP", "RU", date="2023-12-30"))
    assert finding.verdict == "violation"
    assert {"un-kp-arms-1718-procurement", "un-kp-arms-2270"} <= ids(finding)
    # procurement FROM the DPRK is para 8(b); para 8(a)(ii) is supply TO it
    assert "un-kp-wmd" not in ids(finding)
    assert hit(finding, "un-kp-arms-1718-procurement").provision == "para 8(b)"


def test_every_procurement_rule_cites_a_procurement_provision() -> None:
    from sanctionwatch.regimes import load_rulebook

    supply_only = {("UNSCR 1718 (2006)", "para 8(a)(i)"), ("UNSCR 1718 (2006)", "para 8(a)(ii)"),
                   ("UNSCR 1718 (2006)", "para 8(a)(iii)"), ("UNSCR 1874 (2009)", "para 10"),
                   ("UNSCR 2397 (2017)", "para 7"), ("UNSCR 2397 (2017)", "para 14")}  # fmt: skip
    for rule in load_rulebook().rules:
        if rule.direction in ("from", "both"):
            assert (rule.instrument, rule.provision) not in supply_only, rule.id


def test_wmd_items_to_kp_cite_8_a_ii_from_the_first_day() -> None:
    finding = evaluate(transfer("uranium hexafluoride", "IR", "KP", date="2006-10-14"))
    assert hit(finding, "un-kp-wmd").certainty == "violation"
    assert "un-kp-wmd" not in ids(evaluate(transfer("uranium", "IR", "KP", date="2006-10-13")))


def test_arms_to_kp() -> None:
    finding = evaluate(transfer("assault rifles", "RU", "KP", date="2020-01-01"))
    assert "un-kp-arms-2270" in ids(finding, "violation")
    assert "un-kp-arms-1718-supply" not in ids(finding)  # small arms are not heavy arms
    # UNSCR 1874 para 10 covers all arms except small arms and light weapons (un-dprk.md
    # section 3, quoted by UNSA-arms); UNSCR 2270 para 6 added them on 2016-03-02
    assert "un-kp-arms-1874-supply" not in ids(finding)
    assert evaluate(transfer("rifles", "RU", "KP", date="2016-03-01")).verdict == "none"
    assert "un-kp-arms-2270" in ids(evaluate(transfer("rifles", "RU", "KP", date="2016-03-02")))
    heavy = evaluate(transfer("howitzers", "RU", "KP", date="2010-01-01"))
    assert {"un-kp-arms-1874-supply", "un-kp-arms-1718-supply"} <= ids(heavy, "violation")
    assert "un-kp-arms-1874-supply" not in ids(
        evaluate(transfer("howitzers", "RU", "KP", date="2009-06-11"))
    )
    assert evaluate(transfer("assault rifles", "RU", "UA")).verdict == "none"


def test_domestic_transfer_inside_the_target_is_not_a_supply() -> None:
    assert evaluate(transfer("ballistic missiles", "KP", "KP")).verdict == "none"


# ---------------------------------------------------------------- EU Russia: thresholds


def test_rolex_to_russia_above_and_below_the_eur_300_threshold() -> None:
    above = evaluate(transfer(Goods("Rolex", value=20000, currency="EUR"), "DE", "RU"))
    assert hit(above, "eu-ru-luxury").certainty == "violation"
    assert hit(above, "eu-ru-luxury").provision.startswith("Art. 3h")
    below = evaluate(transfer(Goods("Rolex", value=200, currency="EUR"), "DE", "RU"))
    assert "eu-ru-luxury" not in ids(below)


def test_threshold_without_value_or_rate_lowers_to_possible() -> None:
    no_value = evaluate(transfer("Rolex", "DE", "RU"))
    assert hit(no_value, "eu-ru-luxury").certainty == "possible"
    assert "could not be checked" in hit(no_value, "eu-ru-luxury").why
    usd = transfer(Goods("Rolex", value=20000, currency="USD"), "DE", "RU")
    assert hit(evaluate(usd), "eu-ru-luxury").certainty == "possible"
    rated = evaluate(usd, context=Context(rates={"USD/EUR": 0.9}))
    assert hit(rated, "eu-ru-luxury").certainty == "violation"


def test_eu_russia_per_item_value_and_vehicle_threshold() -> None:
    three = Goods("Rolex watches", value=600, currency="EUR", quantity=3)  # EUR 200 each
    assert "eu-ru-luxury" not in ids(evaluate(transfer(three, "FR", "RU")))
    car = Goods("Mercedes-Maybach S600 Guard", value=40000, currency="EUR")
    assert "eu-ru-luxury" not in ids(evaluate(transfer(car, "IT", "RU")))
    car = Goods("Mercedes-Maybach S600 Guard", value=400000, currency="EUR")
    assert "eu-ru-luxury" in ids(evaluate(transfer(car, "IT", "RU")))


def test_eu_russia_needs_an_eu_nexus_and_date() -> None:
    swiss = Goods("Rolex", value=20000, currency="EUR")
    assert "eu-ru-luxury" not in ids(evaluate(transfer(swiss, "CH", "RU")))
    unknown = evaluate(transfer(swiss, None, "RU"))
    assert hit(unknown, "eu-ru-luxury").certainty == "possible"
    assert "eu-ru-luxury" not in ids(evaluate(transfer(swiss, "DE", "RU", date="2022-03-15")))
    assert "eu-ru-luxury" in ids(evaluate(transfer(swiss, "DE", "RU", date="2022-03-16")))
    via = transfer(swiss, "CH", "RU", via=["DE"])
    assert "eu-ru-luxury" in ids(evaluate(via))


def test_exemptions_are_shown_not_applied() -> None:
    finding = evaluate(transfer(Goods("Rolex", value=20000, currency="EUR"), "DE", "RU"))
    luxury = hit(finding, "eu-ru-luxury")
    assert luxury.certainty == "violation"
    assert any("diplomatic" in e and "unverified" in e for e in luxury.exemptions)


# ---------------------------------------------------------------- EU and US DPRK


def test_eu_dprk_luxury_both_ways_with_eu_nexus() -> None:
    export = evaluate(transfer("Hennessy", "FR", "KP", date="2018-01-01"))
    assert "eu-kp-luxury" in ids(export)
    imports = evaluate(transfer("caviar", "KP", "DE", date="2018-01-01"))
    assert "eu-kp-luxury" in ids(imports)
    assert "eu-kp-luxury" not in ids(evaluate(transfer("Hennessy", "CN", "KP", date="2018-01-01")))
    old = evaluate(transfer("Hennessy", "FR", "KP", date="2010-01-01"))
    assert "eu-kp-luxury-329-2007" in ids(old) and "eu-kp-luxury" not in ids(old)


def test_us_ear_luxury_needs_a_us_nexus() -> None:
    assert "us-ear-kp-luxury" in ids(evaluate(transfer("cognac", "US", "KP")))
    assert "us-ear-kp-luxury" not in ids(evaluate(transfer("cognac", "FR", "KP")))
    assert "us-ear-ru-by-luxury" in ids(evaluate(transfer("Rolex", "US", "BY")))
    assert "us-ear-ru-by-luxury" not in ids(
        evaluate(transfer("Rolex", "US", "BY", date="2022-03-10"))
    )


# ---------------------------------------------------------------- vague goods, status


def test_vague_goods_give_possible_not_violation() -> None:
    finding = evaluate(transfer("vehicle", "RU", "KP"))
    assert finding.verdict == "possible"
    assert "too vague" in hit(finding, "un-kp-2397-supply").why


def test_the_evaluator_judges_the_transfer_as_described_whatever_its_status() -> None:
    """The status policy belongs to the pipeline (tests/test_pipeline_status.py)."""
    for status in ("actual", "negated", "hypothetical", "reported"):
        event = transfer("Aurus Senat limousine", "RU", "KP", status=status)
        assert evaluate(event).verdict == "violation", status


def test_given_hs_code_without_words() -> None:
    finding = evaluate(transfer(Goods("", hs=["8703"]), "RU", "KP"))
    assert hit(finding, "un-kp-2397-supply").certainty == "violation"
    assert hit(finding, "un-kp-luxury").certainty == "possible"


# ---------------------------------------------------------------- designations


def _listed(dataset: str, programs: list[str], score: float = 1.0) -> ListMatch:
    return ListMatch(f"{dataset}-1", dataset, "KIM Example", score, "Person", programs)


def test_dealing_with_a_listed_party_cites_list_and_programme() -> None:
    event = transfer("cognac", "CN", "KP")
    assert event.recipient is not None
    event.recipient.matches = [_listed("us_ofac_sdn", ["DPRK3"])]
    finding = evaluate(event)
    sdn = hit(finding, "us-ofac-sdn-listed")
    assert "DPRK3" in sdn.provision and "us_ofac_sdn" in sdn.why
    assert sdn.certainty == "possible"  # no US link shown
    assert finding.matches[0].entity_id == "us_ofac_sdn-1"


def test_un_1718_list_party_is_an_asset_freeze_violation_as_of_listing_date() -> None:
    event = transfer("cognac", "CN", "KP", date="2020-01-01")
    assert event.recipient is not None
    event.recipient.matches = [_listed("un_sc", ["DPRK"])]
    context = Context(listed_since={"un_sc-1": "2016-03-02"})
    finding = evaluate(event, context=context)
    freeze = hit(finding, "un-kp-asset-freeze")
    assert freeze.certainty == "violation" and "2016-03-02" in freeze.why
    assert "un-sc-listed" not in ids(finding)
    before = transfer("cognac", "CN", "KP", date="2015-01-01")
    assert before.recipient is not None
    before.recipient.matches = [_listed("un_sc", ["DPRK"])]
    assert "un-kp-asset-freeze" not in ids(evaluate(before, context=context))


def test_weak_name_match_is_only_possible() -> None:
    event = transfer("cognac", "CN", "KP")
    assert event.recipient is not None
    event.recipient.matches = [_listed("un_sc", ["DPRK"], score=0.8)]
    assert hit(evaluate(event), "un-kp-asset-freeze").certainty == "possible"


def test_oligarch_rule_needs_programme_and_luxury_goods() -> None:
    event = transfer("Rolex", "US", "AE")
    assert event.recipient is not None
    event.recipient.matches = [_listed("us_ofac_sdn", ["RUSSIA-EO14024"])]
    assert "us-ear-oligarch-luxury" in ids(evaluate(event))
    event.recipient.matches = [_listed("us_ofac_sdn", ["SDGT"])]
    assert "us-ear-oligarch-luxury" not in ids(evaluate(event))


def test_ship_to_ship_transfers_with_the_dprk_break_2375_para_11() -> None:
    sts = transfer("diesel", "CN", "KP", date="2019-06-01", transfer_mode="ship-to-ship")
    found = hit(evaluate(sts), "un-kp-ship-to-ship")
    assert found.certainty == "violation" and found.verified is False
    assert (found.instrument, found.provision) == ("UNSCR 2375 (2017)", "para 11")
    out = transfer("coal", "KP", "CN", date="2019-06-01", transfer_mode="ship-to-ship")
    assert "un-kp-ship-to-ship" in ids(evaluate(out), "violation")


def test_ship_to_ship_rule_needs_the_mode_a_dprk_side_and_its_date() -> None:
    by_port = transfer("diesel", "CN", "KP", date="2019-06-01", vessel="Sample Star")
    assert "un-kp-ship-to-ship" not in ids(evaluate(by_port))
    elsewhere = transfer("diesel", "CN", "JP", date="2019-06-01", transfer_mode="ship-to-ship")
    assert "un-kp-ship-to-ship" not in ids(evaluate(elsewhere))
    early = transfer("diesel", "CN", "KP", date="2017-09-10", transfer_mode="ship-to-ship")
    assert "un-kp-ship-to-ship" not in ids(evaluate(early))
    first = transfer("diesel", "CN", "KP", date="2017-09-11", transfer_mode="ship-to-ship")
    assert "un-kp-ship-to-ship" in ids(evaluate(first), "violation")


def test_verified_item_is_preferred_when_equally_certain() -> None:
    finding = evaluate(transfer("Rolex", "CH", "KP", date="2019-01-01"))
    luxury = hit(finding, "un-kp-luxury")
    assert luxury.certainty == "violation" and luxury.verified is True


def test_category_words_reach_the_rules_as_possible() -> None:
    assert hit(evaluate(transfer("luxury goods", "CN", "KP")), "un-kp-luxury").certainty == (
        "possible"
    )
    assert evaluate(transfer("humanitarian aid", "CN", "KP")).verdict == "none"


# ---------------------------------------------------------------- new helicopters and vessels


def test_2321_para_30_needs_a_new_vessel_or_helicopter() -> None:
    used = evaluate(transfer("30-year-old oil tanker", "CN", "KP", date="2019-05-01"))
    assert "un-kp-helicopters-vessels-2321" not in ids(used)
    assert {"un-kp-vessels-2397", "un-kp-2397-supply"} <= ids(used, "violation")
    new = evaluate(transfer("brand-new cargo ship", "CN", "KP", date="2017-01-10"))
    assert hit(new, "un-kp-helicopters-vessels-2321").certainty == "violation"
    unsaid = evaluate(transfer("Mi-17 helicopter", "RU", "KP", date="2017-01-10"))
    found = hit(unsaid, "un-kp-helicopters-vessels-2321")
    assert found.certainty == "possible" and "is new" in found.why


def test_2321_para_30_date_boundary_and_used_vessels_before_2397() -> None:
    before = evaluate(transfer("new helicopter", "RU", "KP", date="2016-11-29"))
    assert "un-kp-helicopters-vessels-2321" not in ids(before)
    first = evaluate(transfer("new helicopter", "RU", "KP", date="2016-11-30"))
    assert "un-kp-helicopters-vessels-2321" in ids(first, "violation")
    # a used tanker in 2017, before UNSCR 2397 para 14 banned used vessels: no vessel rule
    old = evaluate(transfer("used tanker", "CN", "KP", date="2017-06-01"))
    assert not {"un-kp-helicopters-vessels-2321", "un-kp-vessels-2397"} & ids(old)


# ---------------------------------------------------------------- goods lists, horses, lifts


def test_each_good_of_a_list_is_judged_on_its_own() -> None:
    event = transfer(Goods("coal and pig iron", hs=["2701", "7201"]), "RU", "KR", date="2017-10")
    event.origin = "KP"
    assert hit(evaluate(event), "un-kp-coal-iron-2371").certainty == "violation"
    pig_iron = transfer("coal and pig iron", "KP", "CN", date="2017-08-05")
    assert hit(evaluate(pig_iron), "un-kp-coal-iron-2371").certainty == "violation"
    before = evaluate(transfer("coal and pig iron", "KP", "CN", date="2017-08-04"))
    assert "un-kp-coal-iron-2371" not in ids(before)
    assert hit(before, "un-kp-coal-cap-2321").certainty == "possible"
    assert evaluate(transfer("coal and pig iron", "CN", "KR", date="2018-01-01")).verdict == "none"


def test_a_good_of_a_list_does_not_lend_its_categories_to_another() -> None:
    finding = evaluate(transfer("a grand piano and vodka", "CN", "KP", date="2015-01-01"))
    luxury = hit(finding, "un-kp-luxury")
    assert luxury.certainty == "possible"  # neither is sure to be a luxury good
    both = evaluate(
        transfer("a grand piano and a Rolls-Royce Phantom", "CN", "KP", date="2015-01-01")
    )
    assert hit(both, "un-kp-luxury").certainty == "violation"
    assert "Rolls Royce Phantom (in " in hit(both, "un-kp-luxury").why


def test_pure_bred_horses_are_possible_un_luxury_goods_and_on_the_eu_list() -> None:
    un = evaluate(transfer("purebred Orlov trotters", "RU", "KP", date="2019-10"))
    assert un.verdict == "possible" and hit(un, "un-kp-luxury").certainty == "possible"
    eu = evaluate(transfer("thoroughbred horses", "DE", "KP", date="2018-05-01"))
    assert hit(eu, "eu-kp-luxury").certainty == "violation"
    assert (
        evaluate(transfer("thoroughbred horses", "DE", "KP", date="2006-10-13")).verdict == "none"
    )


def test_ski_lifts_are_luxury_goods_to_the_dprk() -> None:
    finding = evaluate(transfer("ski-lift equipment", "CH", "KP", date="2013-08-01"))
    assert hit(finding, "un-kp-luxury").certainty == "violation"
    assert "un-kp-2397-supply" not in ids(finding)  # HS 84 ban only from 2017-12-22
    later = evaluate(transfer("chairlift", "CN", "KP", date="2018-01-01"))
    assert {"un-kp-luxury", "un-kp-2397-supply"} <= ids(later, "violation")
    assert evaluate(transfer("ski-lift equipment", "CH", "AT")).verdict == "none"


# ---------------------------------------------------------------- codes and words together


def test_words_narrow_a_broader_given_code() -> None:
    """HS 9301 with the words "sniper rifles" is a rifle, not possibly large-calibre artillery."""
    event = transfer(Goods("two sniper rifles", hs=["9301"]), "RU", "KP", date="2024-11-29")
    finding = evaluate(event)
    assert "un-kp-arms-1718-supply" not in ids(finding)
    assert ids(finding, "violation") >= {"un-kp-arms-2270"}
    artillery = evaluate(transfer(Goods("howitzers", hs=["9301"]), "RU", "KP", date="2024-11-29"))
    assert "un-kp-arms-1718-supply" in ids(artillery, "violation")


def test_only_words_that_may_mean_jet_fuel_raise_the_aviation_fuel_ban() -> None:
    refined = evaluate(transfer("refined petroleum products", "RU", "KP", date="2024-03-01"))
    assert "un-kp-aviation-fuel" not in ids(refined)
    assert hit(refined, "un-kp-refined-2397").certainty == "possible"  # the cap
    fuel = evaluate(transfer("fuel", "RU", "KP", date="2024-03-01"))
    assert hit(fuel, "un-kp-aviation-fuel").certainty == "possible"
    code_only = evaluate(transfer(Goods("", hs=["2710"]), "RU", "KP", date="2024-03-01"))
    assert "un-kp-aviation-fuel" not in ids(code_only)


def test_grand_cru_wine_is_a_luxury_good_and_plain_wine_may_be() -> None:
    grand = evaluate(transfer("grand cru Bordeaux", "CN", "KP", date="2016-06-01"))
    assert hit(grand, "un-kp-luxury").certainty == "violation"
    plain = evaluate(transfer("wine", "CN", "KP", date="2016-06-01"))
    assert hit(plain, "un-kp-luxury").certainty == "possible"
    assert evaluate(transfer("grand cru Bordeaux", "CN", "KP", date="2006-10-13")).verdict == "none"


# ---------------------------------------------------------------- exemptions the evidence names


def test_a_granted_exemption_clears_only_the_rules_that_list_it() -> None:
    event = transfer("water pumps", "CN", "KP", date="2022-12-05")
    assert hit(evaluate(event), "un-kp-2397-supply").certainty == "violation"
    event.exemptions = ["committee-25"]
    exempt = evaluate(event)
    assert exempt.verdict == "none"
    found = hit(exempt, "un-kp-2397-supply")
    assert found.certainty == "none" and "UNSCR 2397 (2017) para 25" in found.why
    # an exemption of another rule does not clear this one
    event.exemptions = ["return-flight"]
    assert hit(evaluate(event), "un-kp-2397-supply").certainty == "violation"


def test_the_return_flight_exemption_applies_to_the_aviation_fuel_ban_only() -> None:
    event = transfer("jet fuel", "RU", "KP", date="2018-06-01", exemptions=["return-flight"])
    finding = evaluate(event)
    assert hit(finding, "un-kp-aviation-fuel").certainty == "none"
    assert hit(finding, "un-kp-refined-2397").certainty == "possible"  # the cap still counts
    before = evaluate(transfer("jet fuel", "RU", "KP", date="2016-03-01"))
    assert "un-kp-aviation-fuel" not in ids(before)


def test_rocket_propelled_grenades_are_light_weapons_not_missiles() -> None:
    """1718 para 8(b) covers the heavy arms of 8(a)(i) (missiles, not light weapons)."""
    finding = evaluate(transfer("rocket-propelled grenades", "KP", "EG", date="2016-08-01"))
    assert "un-kp-arms-1718-procurement" not in ids(finding)
    assert {"un-kp-arms-1874-procurement", "un-kp-arms-2270"} <= ids(finding, "violation")
    missiles = evaluate(transfer("cruise missiles", "KP", "EG", date="2016-08-01"))
    assert "un-kp-arms-1718-procurement" in ids(missiles, "violation")


def test_8_b_covers_every_heavy_arm_of_8_a_i_procured_from_the_dprk() -> None:
    fighters = evaluate(transfer("fighter jets", "KP", "SY", date="2010-01-01"))
    assert hit(fighters, "un-kp-arms-1718-procurement").certainty == "violation"
    airliner = evaluate(transfer("passenger jet", "KP", "SY", date="2010-01-01"))
    assert "un-kp-arms-1718-procurement" not in ids(airliner)
    early = evaluate(transfer("fighter jets", "KP", "SY", date="2006-10-13"))
    assert early.verdict == "none"


def test_ski_equipment_is_a_listed_luxury_item_from_2270_annex_v() -> None:
    after = evaluate(transfer("equipment for skiing", "AT", "KP", date="2016-03-02"))
    luxury = hit(after, "un-kp-luxury")
    assert luxury.certainty == "violation" and "2270 (2016) Annex V" in luxury.why
    before = evaluate(transfer("skis and snowboards", "CN", "KP", date="2016-03-01"))
    assert hit(before, "un-kp-luxury").certainty == "possible"  # "luxury goods" undefined then
