"""Which date dates a transfer: sentences written for these tests in several styles."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.helpers import events

PUBLISHED = date(2024, 8, 20)


def dated(text: str, published: date = PUBLISHED) -> list[str | None]:
    return [e.date for e in events(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the date of a summit is not that of the gift recalled there
            "At a June 2024 summit in Pyongyang, Kim Jong Un recalled the rifle that Vladimir"
            " Putin gave him.",
            None,
        ),
        (  # the date of another event's noun, the transfer's own date nearer
            "At a June 2024 summit, Kim Jong Un recalled the rifle that Vladimir Putin gave him"
            " last year.",
            "2023",
        ),
        (  # the date of talks in the main clause, the transfer in a relative clause
            "During talks in Moscow on 12 March 2023, officials discussed the fighter jets that"
            " Russia had delivered to Iran.",
            None,
        ),
        (  # a court's date is not the date of the export it judges
            "The trader was sentenced in May 2020 for shipping cigarettes to North Korea.",
            None,
        ),
        (
            "A court in Busan convicted the captain on Monday of transferring oil to a North"
            " Korean tanker in 2019.",
            "2019",
        ),
        (  # the publication of a report is not the sale it found
            "The UN panel published its report in March 2021. It found that a Chinese company"
            " had sold cranes to North Korea.",
            None,
        ),
        (  # a date that a verb of another event governs, after the transfer
            "China supplies about 500,000 tonnes of crude oil a year to North Korea, close to"
            " the cap the Security Council set in December 2017.",
            None,
        ),
        (
            "Moscow was ready to deliver air-defence missiles to North Korea under the treaty"
            " signed in June.",
            None,
        ),
        (  # the verb of a noun trigger dates it
            "Exports of Italian handbags to Kazakhstan nearly tripled last year.",
            "2023",
        ),
        (  # a season relative to the publication date
            "Russia shipped 200 tonnes of refined petroleum to North Korea over the summer.",
            "2024",
        ),
        (
            "A Chinese firm exported luxury cars to North Korea from January to March 2020.",
            "2020-01",
        ),
        ("Russia has been supplying oil to North Korea since 2019.", "2019"),
        (  # the date of a briefing, not of the shipment it tells of
            "A defence official told reporters on Monday that North Korea had shipped"
            " artillery shells to Russia.",
            None,
        ),
        (  # a statement's date does not date the transfer
            "North Korea shipped artillery shells to Russia, officials said on Tuesday.",
            None,
        ),
    ],
)
def test_the_date_of_a_transfer(text: str, expected: str | None) -> None:
    assert dated(text) == [expected]


def test_a_season_not_yet_begun_is_last_years() -> None:
    text = "Russia shipped refined petroleum to North Korea over the summer."
    assert dated(text, published=date(2024, 4, 2)) == ["2023"]


def test_a_dateline_with_its_agency_dates_the_report_not_the_transfer() -> None:
    text = (
        "SEOUL, Aug 19 (Wire) - North Korea has sent more than 10,000 containers of munitions"
        " to Russia, officials say."
    )
    assert dated(text) == [None]  # the text gives no date; the dateline's is the report's


def test_the_date_of_a_relative_clause_is_not_the_main_verbs() -> None:
    text = (
        "A Singapore firm that supplied liquor to North Korea in 2017 exported watches to"
        " Japan last year."
    )
    assert dated(text) == ["2017", "2023"]
