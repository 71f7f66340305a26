"""Antiques by age: more than a hundred years decides HS 9706; a lesser age decides nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.goods import classify
from sanctionwatch.goods.age import age_in_years, is_antique


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("a 120-year-old violin", 120),
        ("nine-year-old Skoda Octavia", 9),
        ("a two-hundred-year-old vase", 200),
        ("a 30-year-old oil tanker", 30),
        ("centuries-old scrolls", 200),
        ("a new car", None),
    ],
)
def test_age_in_years(text: str, age: int | None) -> None:
    assert age_in_years(text) == age


@pytest.mark.parametrize(
    ("text", "antique"),
    [
        ("a 120-year-old violin", True),
        ("an 18th-century clock", True),
        ("an 1890 Steinway grand", True),
        ("furniture dating from 1820", True),
        ("a nine-year-old Skoda Octavia", False),
        ("a 1973 Porsche 911", False),
        ("a 20th-century painting", False),
        ("1500 tonnes of coal", False),
        ("a century-old piano", False),
    ],
)
def test_is_antique(text: str, antique: bool) -> None:
    assert is_antique(text) is antique


@given(st.integers(min_value=1, max_value=100))
def test_an_age_up_to_a_hundred_years_is_no_antiquity(age: int) -> None:
    assert not is_antique(f"a {age}-year-old car")


def test_antique_goods_are_heading_9706(hs_mode: str) -> None:
    result = classify("a 120-year-old violin")
    assert result.best is not None and result.best.hs == "9706"
    assert "art_antiques" in result.categories


def test_a_young_car_is_a_car(hs_mode: str) -> None:
    result = classify("nine-year-old Skoda Octavia")
    assert result.best is not None and result.best.hs == "8703"
    assert not any(c.hs.startswith("97") for c in result.candidates)
