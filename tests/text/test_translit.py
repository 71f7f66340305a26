"""Transliteration and tokenising: cross-script inputs beside Latin ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.text.scripts import is_abjad, is_latin, text_scripts
from sanctionwatch.text.tokenize import normalize_name, tokenize_name
from sanctionwatch.text.translit import romanize_syllable, transliterate


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("김정은", ("gim", "jeong", "eun")),
        ("리병철", ("ri", "byeong", "cheol")),
        ("Путин Владимир Владимирович", ("putin", "vladimir", "vladimirovich")),
        ("Шойгу Сергей Кужугетович", ("shoygu", "sergey", "kuzhugetovich")),
        ("عبد القادر", ("abdalqadr",)),
        ("金正恩", ("jin", "zheng", "en")),
        ("Kim Jong-un", ("kim", "jong", "un")),
        ("KIM, Jong Un", ("kim", "jong", "un")),
        ("O'Brien", ("obrien",)),
        ("Ri Pyong Ch'ol", ("ri", "pyong", "chol")),
        ("Müller & Söhne GmbH", ("muller", "sohne", "gmbh")),
    ],
)
def test_tokenize_across_scripts(text: str, tokens: tuple[str, ...]) -> None:
    assert tokenize_name(text) == tokens


def test_hangul_syllables_romanise_one_by_one() -> None:
    assert romanize_syllable("김") == "gim"
    assert romanize_syllable("정") == "jeong"
    assert romanize_syllable("일") == "il"
    # ICU alone writes the given name as one word; we keep syllables apart.
    assert transliterate("김정일").split() == ["gim", "jeong", "il"]


def test_short_parts_are_kept() -> None:
    assert tokenize_name("Kim Il Sung") == ("kim", "il", "sung")
    assert tokenize_name("Kim Jong Un")[-1] == "un"


def test_scripts() -> None:
    assert text_scripts("Kim 김정은") == {"Latin", "Hangul"}
    assert is_latin("Müller")
    assert not is_latin("Путин")
    assert is_abjad("عبد الله")
    assert not is_abjad("Abdullah")


@given(st.text(max_size=40))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once
    assert once == once.strip().lower()


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_tokens_are_ascii_alphanumeric(text: str) -> None:
    for token in tokenize_name(text):
        assert token.isascii() and token.isalnum() and token == token.lower()
