"""Counts written in words: the tens and their compounds."""

from __future__ import annotations

import pytest

from sanctionwatch.extract.components.quantities import QTY_RE, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Twenty-seven", 27.0), ("thirty", 30.0), ("ninety nine", 99.0), ("twelve", 12.0)],
)
def test_number_words_are_read(text: str, expected: float) -> None:
    assert parse_number(text) == expected


def test_a_compound_is_found_whole_in_text() -> None:
    found = QTY_RE.search("Some forty-two similar cars were sent to Russia.")
    assert found is not None and parse_number(found.group()) == 42.0
