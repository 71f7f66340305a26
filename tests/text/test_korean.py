"""Korean readings of names written in Han characters or Cyrillic, beside names that are not
Korean and must get none."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.text.korean import get_korean_tables, korean_readings, read_hanja
from sanctionwatch.text.names import PERSON, parse_variants


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("金正恩", "kim jong un"),
        ("金 正恩", "kim jong un"),
        ("李炳哲", "ri pyong chol"),
        ("崔善姬", "choe son hui"),
        ("朴鳳柱", "pak pong ju"),
        ("金與正", "kim yo jong"),
        ("金丽娜", None),  # 丽 and 娜 have no reading in the table: no partial reading
        ("朝鲜矿业开发贸易公司", None),  # a company name, not a personal name
    ],
)
def test_hanja_readings(text: str, reading: str | None) -> None:
    assert read_hanja(text) == reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ким Чен Ын", "kim jong un"),
        ("Ким Ир Сен", "kim il song"),
        ("Чхве Сон Хи", "choe son hui"),
        ("Ли Сын Гю", "ri sung kyu"),
        ("Пак Пон Чжу", "pak pong ju"),
        ("Ким Чонын", "kim jong un"),  # Kontsevich writes the given name as one word
        ("Пак Понджу", "pak pong ju"),
    ],
)
def test_cyrillic_korean_readings(text: str, expected: str) -> None:
    assert expected in korean_readings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Путин Владимир Владимирович",
        "Шойгу Сергей Кужугетович",
        "Владимир Путин",
        "Ким",  # one part is no full name
        "Иванов Ким",  # a Russian surname is not a Korean syllable
        "Ким Иванов",  # nor two
        "Kim Jong Un",
        "김정은",
        "习近平",
    ],
)
def test_names_that_are_not_korean_in_han_or_cyrillic_get_no_reading(text: str) -> None:
    assert korean_readings(text) == ()


def test_han_names_keep_their_mandarin_reading_first() -> None:
    forms = parse_variants("金正恩", PERSON)
    assert [p.text for p in forms[0].parts] == ["jin", "zheng", "en"]
    assert [p.text for p in forms[1].parts] == ["kim", "jong", "un"]
    assert all(f.original == "金正恩" for f in forms)


def test_every_table_reading_is_lower_case_ascii() -> None:
    tables = get_korean_tables()
    assert len(tables.hanja) >= 300
    assert all(r.isascii() and r.islower() and r.isalpha() for r in tables.hanja.values())


@given(st.text(max_size=30))
def test_readings_never_fail_and_are_ascii(text: str) -> None:
    readings = korean_readings(text)
    assert len(readings) <= 16
    assert all(r.isascii() for r in readings)
