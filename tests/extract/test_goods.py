"""Goods phrases of a frame: where they end, how lists split, and what is no goods."""

from __future__ import annotations

import pytest

from sanctionwatch.extract.goods import clean_goods, refused, split_items, trim_goods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a new Toyota Land Cruiser for his personal use", "a new Toyota Land Cruiser"),
        ("two luxury yachts bound for Nampo", "two luxury yachts"),
        ("2,000 bottles of cognac worth $1 million", "2,000 bottles of cognac"),
        ("120 wheeled tractors delivered as agricultural aid", "120 wheeled tractors"),
        ("coal shipped by rail to Rajin", "coal"),
        ("refined petroleum to North Korea", "refined petroleum"),
        ("armoured cars which the embassy ordered", "armoured cars"),
        ("a nine-year-old Skoda Octavia", "a nine-year-old Skoda Octavia"),
        ("Russian-made limousine (Aurus)", "Russian-made limousine (Aurus)"),
        ("limousine for Kim (Aurus)", "limousine (Aurus)"),
    ],
)
def test_goods_phrase_stops_at_its_clause(text: str, expected: str) -> None:
    assert trim_goods(text) == expected


def test_a_dangling_quantity_word_is_dropped() -> None:
    assert (
        clean_goods("least 1,200 tonnes of finished apparel") == "1,200 tonnes of finished apparel"
    )
    assert clean_goods("the 30 trotters") == "30 trotters"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("cars, pianos and cognac", ["cars", "pianos", "cognac"]),
        (
            "Swiss watches, French cognac and whisky, perfume and cosmetics",
            ["Swiss watches", "French cognac", "whisky", "perfume", "cosmetics"],
        ),
        (
            "pair of Pungsan hunting dogs, a breed native to the north",
            ["pair of Pungsan hunting dogs"],
        ),
        ("new and used cars for export", ["used cars"]),
        ("coal as well as iron ore", ["coal", "iron ore"]),
        ("a Rolls-Royce Phantom for the leader", ["Rolls-Royce Phantom"]),
    ],
)
def test_lists_give_one_item_per_good(text: str, items: list[str]) -> None:
    assert split_items(text) == items


@pytest.mark.parametrize(
    "text", ["South Korean centre-back", "now called Paek Yang San 2", "White House", "papers only"]
)
def test_phrases_that_name_no_goods_give_no_items(text: str) -> None:
    assert refused(text)
    assert split_items(text) == []


@pytest.mark.parametrize("text", ["they", "it", "which", "the items"])
def test_anaphors_are_not_refused(text: str) -> None:
    assert not refused(text)
    assert split_items(text) != []
