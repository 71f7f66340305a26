"""Sound keys unify romanisations; skeletons compare abjad spellings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.text.phonetic import consonant_skeleton, phonetic_key


@pytest.mark.parametrize(
    "variants",
    [
        ("jong", "jeong", "chong"),  # McCune-Reischauer, Revised, DPRK
        ("un", "eun"),
        ("kim", "gim"),
        ("pak", "bak"),
        ("putin", "poutine"),
        ("vladimirovich", "vladimirovic", "wladimirowitsch"),
        ("shevchenko", "sevcenko"),
        ("khabarov", "habarov"),
        ("xi", "hsi"),
        ("jinping", "chinping"),
        ("evgeny", "yevgeniy", "evgenii"),
    ],
)
def test_variants_share_a_key(variants: tuple[str, ...]) -> None:
    keys = {phonetic_key(v) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(("a", "b"), [("un", "il"), ("kim", "kam"), ("jong", "nam")])
def test_different_names_differ(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b)


@pytest.mark.parametrize(
    ("abjad", "voweled"),
    [
        ("mhmd", "mohammed"),
        ("mhmd", "muhammad"),
        ("abdallh", "abdullah"),
        ("zyz", "aziz"),
        ("abdalqadr", "abdelkader"),
        ("tarq", "tariq"),
        ("rwyn", "rouine"),
    ],
)
def test_skeleton_bridges_abjad_and_voweled_spellings(abjad: str, voweled: str) -> None:
    assert consonant_skeleton(abjad) == consonant_skeleton(voweled)


@given(st.from_regex(r"[a-z]{1,12}", fullmatch=True))
def test_keys_are_short_lowercase(token: str) -> None:
    key = phonetic_key(token)
    assert key.isalpha() and key == key.lower()
    assert len(key) <= 2 * len(token)
    skeleton = consonant_skeleton(token)
    assert not set(skeleton) & set("aeiouy")
