"""Family members and partial names: a listed name with a given name the query lacks is
another person (a son, a sibling) unless other evidence says otherwise, while a query that
leaves out a middle name, patronymic or second family name still matches."""

from __future__ import annotations

import pytest

from sanctionwatch.match import Matcher, Query, ScreeningIndex
from sanctionwatch.model.entity import Entity
from sanctionwatch.settings import get_settings

SADDAM = "us_ofac_sdn-7843"
ALI_SADDAM = "eu_fsf-1892"  # listed as "Hassan", a.k.a. "Ali Saddam Hussein Al-Tikriti"
PUTIN_OFAC = "us_ofac_sdn-35096"
JO_CHOL_SONG = "un_sc-KPi.058"


def person(source_id: str, name: str, **props: str) -> Entity:
    entity = Entity(f"test-{source_id}", "Person", "test", source_id)
    entity.add("name", name)
    for prop, value in props.items():
        entity.add(prop, value)
    return entity


@pytest.fixture(scope="module")
def family() -> Matcher:
    return Matcher(
        ScreeningIndex.build(
            [
                person("1", "Ali Saddam Hussein al-Tikriti", birthDate="1980-05-02"),
                person("2", "JO, Chol Song"),
                person("3", "MADURO MOROS, Nicolas", lastName="MADURO MOROS", firstName="Nicolas"),
                person("4", "SMITH, John Michael"),
                person("5", "KIM, Jong Un"),
            ]
        )
    )


def score(matcher: Matcher, query: Query, entity_id: str) -> tuple[float, bool, str]:
    result = matcher.score_entities(query, [entity_id])[0]
    return result.score, result.match, result.explanation


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("Saddam Hussein al-Tikriti", "test-1"),  # his son
        ("Jo Chol", "test-2"),  # one syllable of the given name short
        ("Kim Jong", "test-5"),
        ("Jong Un", "test-5"),  # no family name at all is not enough either
        ("Michael Smith", "test-4"),  # goes by another given name
    ],
)
def test_a_listed_given_name_the_query_lacks_is_no_match(
    family: Matcher, name: str, entity_id: str
) -> None:
    value, match, explanation = score(family, Query(name, "Person"), entity_id)
    assert not match, explanation
    assert value < get_settings().match_threshold


def test_other_evidence_lifts_a_family_name_over_the_threshold(family: Matcher) -> None:
    query = Query("Saddam Hussein al-Tikriti", "Person", birth_date="1980-05-02")
    value, match, explanation = score(family, query, "test-1")
    assert match, explanation
    assert "one side only" in explanation and "birth date" in explanation


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("John Smith", "test-4"),  # a middle name left out
        ("Nicolas Maduro", "test-3"),  # a second family name left out
        ("Kim Jong Un", "test-5"),
        ("Jo Chol Song", "test-2"),
    ],
)
def test_a_query_missing_middle_parts_still_matches(
    family: Matcher, name: str, entity_id: str
) -> None:
    assert score(family, Query(name, "Person"), entity_id)[1]


def test_real_lists_family_members(real_matcher: Matcher) -> None:
    query = Query("Saddam Hussein al-Tikriti")
    assert score(real_matcher, query, SADDAM)[1]
    assert not score(real_matcher, query, ALI_SADDAM)[1]
    assert not score(real_matcher, Query("Jo Chol Song"), "un_sc-KPi.040")[1]
    assert score(real_matcher, Query("Jo Chol Song"), JO_CHOL_SONG)[1]
    assert not score(real_matcher, Query("Jo Chol"), JO_CHOL_SONG)[1]


@pytest.mark.parametrize(
    "name", ["Vladimir Putin", "Putin Vladimir", "Vladimir V. Putin", "Путин Владимир"]
)
def test_real_lists_missing_patronymic(real_matcher: Matcher, name: str) -> None:
    assert score(real_matcher, Query(name), PUTIN_OFAC)[1]
