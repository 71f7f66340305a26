"""Goods phrases of a frame: where they end, how lists split, and what is no goods."""

from __future__ import annotations

from datetime import date

import pytest

from sanctionwatch.extract.goods import clean_goods, refused, split_items, trim_goods, unknown
from sanctionwatch.model.event import TransferEvent
from tests.extract.helpers import events


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
        (
            "luxury goods including Rolex watches and Hennessy cognac",
            ["luxury goods", "Rolex watches", "Hennessy cognac"],
        ),
        ("weapons such as rockets and shells", ["weapons", "rockets", "shells"]),
        ("two Lexus LX 600 SUVs and several cases of", ["two Lexus LX 600 SUVs"]),
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


def test_unknown_common_nouns_are_kept_alone_but_dropped_from_lists() -> None:
    assert unknown("zorbing grommets") and not refused("zorbing grommets")
    assert split_items("zorbing grommets") == ["zorbing grommets"]
    assert split_items("cars and zorbing grommets") == ["cars"]


def _events(text: str) -> list[TransferEvent]:
    return events(text, date(2024, 3, 5))


def _headings(event: TransferEvent) -> set[str]:
    return {code[:4] for goods in event.goods for code in goods.hs}


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        (
            "SEOUL (Wire) - North Korea shipped wigs and false eyelashes worth $167 million "
            "to China last year, customs data showed.",
            {"6704"},
        ),
        ("The company sold 14 MiG-21s to the Myanmar military in 2019.", {"8802"}),
        (
            "Russia supplied North Korea with battlefield radio equipment, drones and "
            "artillery shells, according to a think-tank analysis.",
            {"8525", "8806", "9306"},
        ),
        (
            "Minsk delivered 300 tonnes of potash fertiliser and 20 MAZ trucks to Pyongyang, "
            "state media reported.",
            {"3104", "8704"},
        ),
        ("Cuba sent brown sugar to North Korea in 2013.", {"1701"}),
        ("Kim Jong Un gave Putin a pair of Pungsan hunting dogs in 2024.", {"0106"}),
        ("Putin sent 24 purebred horses to Pyongyang in November.", {"0101"}),
        ("A Latvian man exported a nine-year-old Skoda Octavia to Russia in 2023.", {"8703"}),
    ],
)
def test_goods_of_reports_in_several_styles(text: str, headings: set[str]) -> None:
    found = _events(text)
    assert found, text
    assert headings <= set().union(*(_headings(e) for e in found))


@pytest.mark.parametrize(
    "text",
    [
        "The club sold its South Korean centre-back to a German side for 20 million euros.",
        "UN sanctions monitors add that the reports remain unverified.",
        "The White House sent a delegation to Seoul on Monday.",
        "Kim Jong Un sent a letter to Putin on Victory Day.",
    ],
)
def test_reports_without_goods_give_no_goods_events(text: str) -> None:
    found = _events(text)
    assert all(goods.hs for event in found for goods in event.goods), text
    assert not [e for e in found if not e.goods], text


@pytest.mark.parametrize("text", ["the Hwasong-19", "a Tigr-M", "KN23s", "the new Su-57"])
def test_unknown_model_designations_are_not_refused(text: str) -> None:
    assert not refused(text)
