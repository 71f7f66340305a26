"""The scope of status cues: sentences written for these tests in several styles."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.helpers import events


def statuses(text: str) -> list[str]:
    return [e.status for e in events(text, date(2024, 8, 20))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a later sentence stops the goods before they left
            "An Italian company tried to export two armoured limousines to North Korea. They"
            " were seized before they could leave Italy.",
            "negated",
        ),
        (
            "A German dealer shipped a Mercedes car to Russia in May. Customs officers stopped"
            " it before it left the port of Hamburg.",
            "negated",
        ),
        (  # seized in transit: the export took place
            "A German dealer shipped a Mercedes car to Russia in May. Lithuanian customs"
            " seized it at the Belarusian border.",
            "actual",
        ),
        ("The businessman was convicted of exporting aircraft parts to Iran.", "actual"),
        ("The businessman is accused of exporting aircraft parts to Iran.", "reported"),
        ("North Korea is believed to have supplied missiles to Russia.", "reported"),
        ("Russia reportedly delivered fighter jets to Iran in March.", "reported"),
    ],
)
def test_status_of_the_claim(text: str, expected: str) -> None:
    assert statuses(text) == [expected]


def test_a_stop_told_after_another_transfer_is_not_this_ones() -> None:
    text = (
        "A German dealer shipped a Mercedes car to Russia in May. A second dealer sold two"
        " Audi cars to Belarus, but they were stopped before they could leave Germany."
    )
    assert statuses(text)[0] == "actual"


def test_a_denial_of_such_claims_answers_the_claim_just_told() -> None:
    text = (
        "A North Korean-supplied missile struck Kharkiv on Tuesday, Ukraine said. Russia has"
        " also fired Iranian-made drones at Odesa. Investigators found markings in Korean on"
        " the debris. Analysts expect more strikes.\n\nThe White House said on Thursday that"
        " Pyongyang had provided Russia with ballistic missile launchers. North Korea's"
        " foreign ministry called such claims absurd."
    )
    found = events(text, date(2024, 1, 7))
    by_goods = {e.goods[0].text.split()[0]: e.status for e in found}
    assert by_goods.get("ballistic") == "reported"
    assert by_goods.get("missile") == "actual"  # told four sentences before the denial


def test_a_report_that_names_its_source_states_a_fact() -> None:
    text = (
        "Thousands of Chinese smartphones were smuggled into North Korea in the spring, a"
        " defector group said, citing traders in the North."
    )
    assert statuses(text) == ["actual"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the adverb qualifies the later verb of its own clause
            "Russia shipped fuel to North Korea in March and reportedly plans to send more in"
            " the autumn.",
            ["actual"],
        ),
        (  # the adverb of a relative clause does not reach the main verb
            "A Singapore firm that allegedly supplied liquor to North Korea in 2017 exported"
            " watches to Japan last year.",
            ["reported", "actual"],
        ),
        ("Prosecutors allege that the firm exported aircraft parts to Iran.", ["reported"]),
    ],
)
def test_the_scope_of_hedges(text: str, expected: list[str]) -> None:
    assert statuses(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In March 2022 the EU banned exports of luxury cars to Russia.",
        "In November 2016 the Security Council banned the purchase of statues from North Korea.",
        "The UN ban on exporting luxury goods to North Korea dates from 2006.",
    ],
)
def test_the_object_of_a_ban_is_no_transfer(text: str) -> None:
    assert statuses(text) == []


def test_a_transfer_beside_a_ban_is_one() -> None:
    text = (
        "The EU prohibits sales of luxury cars to Russia, yet a Lithuanian dealer sold a"
        " G-Class to a Moscow buyer."
    )
    assert statuses(text) == ["actual"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran received no fighter jets from Russia in 2023.", ["negated"]),
        (  # a noun trigger's predicate stops it before it left
            "The shipment of rifles to Libya was blocked by Maltese authorities before it left"
            " Valletta.",
            ["negated"],
        ),
        (  # intercepted in transit: it left
            "The shipment of rifles to Libya was intercepted by Greek authorities off Crete.",
            ["actual"],
        ),
        (  # "without" negates only the verb right after it
            "Without an export licence, the firm shipped the lathes to Iran in 2021.",
            ["actual"],
        ),
        (
            "Officials could not confirm reports that Russia had delivered fighter jets to Iran.",
            ["reported"],
        ),
        (  # the recipient denies receiving them: disputed
            "Russia delivered four fighter jets to Iran in 2023, although Tehran denied"
            " receiving them.",
            ["reported"],
        ),
    ],
)
def test_negation_and_denial_in_their_scope(text: str, expected: list[str]) -> None:
    assert statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company was charged with exporting aircraft parts to Iran in 2019.", "reported"),
        ("Prosecutors have charged a trader with smuggling two cars to Russia.", "reported"),
        ("The men were convicted of shipping night-vision goggles to Russia.", "actual"),
        (
            "The images indicate that the tanker transferred oil to a North Korean vessel.",
            "reported",
        ),
        ("According to KCNA, Russia delivered 70 tonnes of wheat to North Korea.", "actual"),
    ],
)
def test_charges_and_evidence_hedge_a_verdict_does_not(text: str, expected: str) -> None:
    assert statuses(text) == [expected]
