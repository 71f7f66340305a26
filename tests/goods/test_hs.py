from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.goods.hs import HSRange, best_overlap, find_hs_in_text, parse_hs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8703", "8703"),
        ("8703.23", "870323"),
        ("HS 87", "87"),
        ("8703 23", "870323"),
        ("87.03", "8703"),
        ("22082000", "220820"),  # EU CN code cut to six digits
        ("303", "0303"),  # lost leading zero
        ("abc", None),
        ("", None),
        ("7", None),
        ("00", None),
        (None, None),
    ],
)
def test_parse_hs(raw: str | None, expected: str | None) -> None:
    assert parse_hs(raw) == expected


@given(st.text(max_size=20))
def test_parse_hs_never_crashes_and_is_idempotent(raw: str) -> None:
    code = parse_hs(raw)
    if code is not None:
        assert code.isdigit() and len(code) in (2, 4, 6)
        assert parse_hs(code) == code


def test_find_hs_in_text() -> None:
    assert find_hs_in_text("cars (HS 8703.23) and CN code 2208 20") == ["870323", "220820"]
    assert find_hs_in_text("the year 2017 and 500 cars") == []


def test_range_overlap() -> None:
    metals = HSRange.parse("72-83")
    assert metals.overlap("7304") == "full"
    assert metals.overlap("8703") == "none"
    assert HSRange.parse("870310").overlap("8703") == "partial"
    assert HSRange.parse("870310").overlap("870323") == "none"
    assert HSRange.parse("87").overlap("870323") == "full"
    assert best_overlap([HSRange.parse("86-89")], ["2208", "8703"]) == ("full", "8703")


@pytest.mark.parametrize("bad", ["83-72", "8-9", "87-8703", "x", "1-2-3"])
def test_range_rejects_malformed(bad: str) -> None:
    with pytest.raises(ValueError):
        HSRange.parse(bad)
