"""Name parts: legal forms, honorifics, generic words, particles, patronymics, initials."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.text.names import (
    ANY,
    GENERIC,
    GENERIC_NAME,
    INITIAL,
    LEGAL,
    NAME,
    ORG,
    PARTICLE,
    PATRONYMIC,
    PERSON,
    context_of,
    parse_name,
)
from sanctionwatch.text.phonetic import phonetic_key
from sanctionwatch.text.tables import get_tables


def kinds(text: str, context: str = ANY) -> list[tuple[str, str]]:
    return [(p.text, p.kind) for p in parse_name(text, context).parts]


def test_legal_forms_become_one_canonical_part() -> None:
    assert kinds("LIMITED LIABILITY COMPANY AURUS", ORG) == [("llc", LEGAL), ("aurus", NAME)]
    assert kinds("OOO Aurus", ORG) == [("llc", LEGAL), ("aurus", NAME)]
    assert kinds("Dalian Sun Co., Ltd.", ORG)[-1] == ("ltd", LEGAL)


def test_honorifics_are_dropped_from_persons_only() -> None:
    assert kinds("Supreme Leader Kim Jong Un", PERSON) == [
        ("kim", NAME),
        ("jong", NAME),
        ("un", NAME),
    ]
    assert ("general", GENERIC) in kinds("Korea General Trading Kumsong", ORG)


def test_generic_words_weigh_little_unless_they_are_the_whole_name() -> None:
    assert ("trading", GENERIC) in kinds("Kumsong Trading Corporation", ORG)
    whole = kinds("Korea Mining Development Trading Corporation", ORG)
    assert [k for _, k in whole] == [GENERIC_NAME] * 4 + [LEGAL]


def test_particles_patronymics_and_initials() -> None:
    assert kinds("Abu Bakr al-Baghdadi", PERSON)[0] == ("abu", PARTICLE)
    assert ("vladimirovich", PATRONYMIC) in kinds("Putin Vladimir Vladimirovich", PERSON)
    assert ("j", INITIAL) in kinds("Kim J. Un", PERSON)


def test_synonyms_share_a_key() -> None:
    lee = parse_name("Lee", PERSON).parts[0]
    ri = parse_name("Ri", PERSON).parts[0]
    assert lee.key == ri.key
    assert lee.text == "lee"  # the spelling is kept for display and explanation


def test_context_of_schema() -> None:
    assert context_of("Person") == PERSON
    assert context_of("Company") == ORG
    assert context_of("LegalEntity") == ANY
    assert context_of(None) == ANY


def test_tables_load() -> None:
    tables = get_tables()
    assert tables.legal_forms[("ooo",)] == "llc"
    assert "korea" in tables.generic_words


@given(st.text(max_size=40), st.sampled_from([PERSON, ORG, ANY]))
def test_parse_never_fails_and_is_stable(text: str, context: str) -> None:
    form = parse_name(text, context)
    again = parse_name(form.normalized, context)
    assert form.original == text
    assert [p.key for p in again.parts if p.kind != LEGAL] == [
        p.key for p in form.parts if p.kind != LEGAL
    ] or not form.parts


def test_adjacent_parts_carry_the_key_of_their_joined_spelling() -> None:
    form = parse_name("KIM, Jong Un", PERSON)
    assert [p.text for p in form.parts] == ["kim", "jong", "un"]
    assert form.joins == (phonetic_key("kimjong"), phonetic_key("jongun"))
    # "Jongun" written as one word has the key "Jong Un" joined has.
    assert parse_name("Jongun", PERSON).parts[0].key == form.joins[1]
    assert parse_name("Putin", PERSON).joins == ()


@given(st.text(max_size=40), st.sampled_from([PERSON, ORG, ANY]))
def test_one_joined_key_between_each_two_parts(text: str, context: str) -> None:
    form = parse_name(text, context)
    assert len(form.joins) == max(0, len(form.parts) - 1)
