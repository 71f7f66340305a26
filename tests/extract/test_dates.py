"""Dates: absolute ones as written, relative ones against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from sanctionwatch.extract.components.dates import find_dates
from sanctionwatch.extract.components.tokenize import tokenize
from sanctionwatch.extract.doc import Doc

TUESDAY = date(2024, 2, 20)

CASES = [
    ("It happened on February 20, 2024.", "2024-02-20"),
    ("It happened on 20 Feb 2024.", "2024-02-20"),
    ("It happened on 2023-11-05.", "2023-11-05"),
    ("It was delivered on Sunday.", "2024-02-18"),
    ("It was delivered last Tuesday.", "2024-02-13"),
    ("It was delivered last September.", "2023-09"),
    ("It was delivered in March.", "2023-03"),
    ("It was delivered in recent weeks.", "2024-02"),
    ("It was delivered last year.", "2023"),
    ("It was delivered two years ago.", "2022"),
    ("In 2018 two cars were shipped.", "2018"),
    ("It was shipped in May 2019.", "2019-05"),
    ("It was shipped yesterday.", "2024-02-19"),
    ("It was shipped three months ago.", "2023-11"),
    ("It was shipped ten days ago.", "2024-02-10"),
    ("It was shipped two weeks ago.", "2024-02"),
    ("It was shipped in mid-March.", "2023-03"),
    ("It was shipped over the summer.", "2023"),
    ("It was shipped during the winter.", "2024"),
]


def dates_of(text: str, published: date | None = TUESDAY) -> list[str | None]:
    doc = find_dates(tokenize(Doc(text, published=published)))
    return [m.data["value"] for m in doc.mentions if m.label == "DATE"]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_date_is_resolved(text: str, expected: str) -> None:
    assert dates_of(text) == [expected]


def test_earlier_that_year_follows_the_last_year_named() -> None:
    assert dates_of("In May 2019 a ship left. Earlier that year, another did.") == [
        "2019-05",
        "2019",
    ]


def test_relative_dates_stay_unresolved_without_a_publication_date() -> None:
    assert dates_of("It was delivered on Sunday.", published=None) == [None]


def test_a_dateline_gives_the_publication_date_and_dates_no_event() -> None:
    doc = find_dates(tokenize(Doc("SEOUL, March 3, 2021 - A ship left on Monday.")))
    assert doc.published == date(2021, 3, 3)
    values = {m.text: m.data for m in doc.mentions}
    assert values["March 3, 2021"].get("dateline") is True
    assert values["on Monday"]["value"] == "2021-03-01"


def test_amounts_are_not_years() -> None:
    assert dates_of("The car cost $2018 and 2,019 units were sold.") == []


def test_that_month_follows_the_last_month_named() -> None:
    assert dates_of(
        "It appeared in images taken in June 2019. It was delivered earlier that month."
    ) == [
        "2019-06",
        "2019-06",
    ]
