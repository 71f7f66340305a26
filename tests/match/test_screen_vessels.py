"""Vessel and aircraft names identify them only as a whole: a personal name that shares two
syllables with a vessel's alias, or a vessel name without its number, is no match."""

from __future__ import annotations

import pytest

from sanctionwatch.match import Matcher, Query, ScreeningIndex
from sanctionwatch.model.entity import Entity


def vessel(source_id: str, name: str, alias: str | None = None) -> Entity:
    entity = Entity(f"test-{source_id}", "Vessel", "test", source_id)
    entity.add("name", name)
    if alias:
        entity.add("alias", alias)
    return entity


@pytest.fixture(scope="module")
def fleet() -> Matcher:
    entities = [vessel("1", "YU PHYONG 5", alias="CHENG JIN"), vessel("2", "CHON MA SAN")]
    person = Entity("test-3", "Person", "test", "3")
    person.add("name", "SMITH, John")
    return Matcher(ScreeningIndex.build([*entities, person]))


@pytest.mark.parametrize(
    ("query", "entity_id", "match"),
    [
        (Query("Jin Zheng En"), "test-1", False),  # a personal name, once 0.80 here
        (Query("Yu Phyong", "Vessel"), "test-1", False),  # another ship of the series
        (Query("Yu Phyong 5", "Vessel"), "test-1", True),
        (Query("Cheng Jin", "Vessel"), "test-1", True),
        (Query("Chon Masan", "Vessel"), "test-2", True),
        (Query("John Paul Smith"), "test-3", True),  # a person may have a middle name more
    ],
)
def test_vessel_names_match_whole(
    fleet: Matcher, query: Query, entity_id: str, match: bool
) -> None:
    result = fleet.score_entities(query, [entity_id])[0]
    assert result.match is match, result.explanation
