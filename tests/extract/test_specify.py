"""Vague goods that a list names later: in the same sentence after a dash or a colon, or in a
later sentence whose subject refers back to them. Sentences written for these tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from sanctionwatch.extract.goods import named_list
from sanctionwatch.model.event import TransferEvent
from tests.extract.helpers import events as run_pipeline

events = partial(run_pipeline, published=date(2024, 8, 20))


def headings(event: TransferEvent) -> set[str]:
    return {h[:4] for g in event.goods for h in g.hs}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # wire brief: a dash after the route
            "A Dutch firm shipped 46 crates of 'luxury items' to North Korea in 2019 - perfume,"
            " handbags, shoes and watches, according to the manifest.",
            {"3303", "4202", "9102"},
        ),
        (  # court summary: a later sentence with "the goods included"
            "A Singapore company sold luxury items worth EUR 2.3 million to North Korea in 2017."
            " The goods included perfume, handbags and jewellery.",
            {"3303", "4202", "7113"},
        ),
        (  # panel prose: "the consignments" refer back
            "A Chinese trader shipped luxury goods to Pyongyang in May 2018. The consignments"
            " contained watches and cosmetics.",
            {"9102", "3304"},
        ),
        (  # press release: a colon
            "Customs found that an Austrian dealer had exported consumer goods to North Korea:"
            " cognac, cigars and wristwatches.",
            {"2208", "2402", "9102"},
        ),
    ],
)
def test_vague_goods_take_the_headings_of_the_list_that_names_them(
    text: str, expected: set[str]
) -> None:
    found = events(text)
    assert len(found) == 1, [e.to_dict() for e in found]
    assert expected <= headings(found[0])


def test_goods_already_known_are_not_renamed_by_a_later_list() -> None:
    found = events(
        "A Chinese trader shipped two Mercedes cars to Pyongyang in May 2018. The shipments"
        " included spare tyres and perfume."
    )
    assert found and all("3303" not in headings(e) for e in found)


def test_a_list_after_vague_words_gives_one_item_per_good() -> None:
    assert named_list("luxury items (perfume, handbags and shoes)") == [
        "perfume",
        "handbags",
        "shoes",
    ]
    assert named_list("Aurus (Aurus Senat)") == []


def test_a_model_dash_opens_no_list() -> None:
    found = events(
        "A Russian firm supplied spare parts for Air Koryo's Tu-204 airliners to North Korea."
    )
    assert [g.text for e in found for g in e.goods] == ["spare parts"]


def test_a_single_named_good_replaces_the_vague_word() -> None:
    assert named_list("cargo (2,000 tonnes of refined petroleum)") == [
        "2,000 tonnes of refined petroleum"
    ]
    assert named_list("luxury items (it)") == []
