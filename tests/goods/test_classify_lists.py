"""Goods lists in one phrase, the goods words before a following clause, horses and lifts."""

from __future__ import annotations

import pytest

from sanctionwatch.goods import classify

#: A phrase naming several goods -> every heading, each with its category.
LISTS = [
    ("coal and pig iron", {"2701": "coal", "7201": "iron"}),
    ("North Korean coal and pig iron sold on with Russian certificates",
     {"2701": "coal", "7201": "iron"}),
    ("smartphones and laptops", {"8517": "computers", "8471": "computers"}),
    ("cosmetics and watches", {"3304": "cosmetics", "9102": "watches"}),
    ("two used Mercedes-Benz sedans and a grand piano",
     {"8703": "passenger_cars", "9201": "musical_instruments"}),
    ("tractors, trucks and buses", {"8701": "vehicles", "8704": "vehicles", "8702": "vehicles"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "parts"), LISTS)
def test_a_list_of_goods_gives_every_heading(
    hs_mode: str, text: str, parts: dict[str, str]
) -> None:
    result = classify(text)
    assert not result.vague and result.several, result.message
    found = {p.hs[:4]: p for p in result.parts}
    assert set(found) == set(parts)
    for heading, category in parts.items():
        assert category in found[heading].categories
    assert sorted(result.to_goods().hs) == sorted(p.hs for p in result.parts)
    assert result.message.startswith("several goods")


@pytest.mark.parametrize(
    "text",
    ["Aurus Senat limousine", "Mercedes-Benz sedans", "rockets and artillery shells", "tank"],
)
def test_one_good_named_by_several_words_is_not_a_list(hs_mode: str, text: str) -> None:
    result = classify(text)
    assert not result.several and result.parts == []


def test_words_after_the_goods_do_not_add_goods(hs_mode: str) -> None:
    """The steel of a steel mill that imported iron ore is not part of the goods."""
    result = classify("about 15,000 tonnes of North Korean iron ore imported by a Hebei steel mill")
    assert not result.vague and result.best is not None and result.best.hs == "2601"
    assert [c.hs for c in result.candidates] == ["2601"]
    assert "iron" in result.categories
    # a vague head keeps the words after it
    shipment = classify("a shipment of vaccines sent from Copenhagen")
    assert shipment.best is not None and shipment.best.hs.startswith("300")


def test_horses_may_be_luxury_goods_but_are_not_sure_to_be(hs_mode: str) -> None:
    for text in ("purebred Orlov trotters", "a white stallion", "thoroughbred horses"):
        result = classify(text)
        assert result.best is not None and result.best.hs.startswith("0101"), text
        assert "luxury_goods" in result.maybe and "luxury_goods" not in result.categories


def test_ski_lifts_are_luxury_goods_and_plain_lifts_may_be(hs_mode: str) -> None:
    ski = classify("ski-lift equipment")
    assert ski.best is not None and ski.best.hs == "842860" and "luxury_goods" in ski.categories
    lifts = classify("lifts")
    assert lifts.vague and "luxury_goods" in lifts.maybe
    assert {c.hs for c in lifts.candidates} == {"842810", "842860"}
