"""Listed parties named anywhere in a text, found by the gazetteer and confirmed by screening."""

from __future__ import annotations

from pathlib import Path

from sanctionwatch.extract import analyze_text
from sanctionwatch.match import get_matcher
from sanctionwatch.model.entity import Entity
from sanctionwatch.store.base import NewVersion
from sanctionwatch.store.sqlite import SQLiteStore


def person(entity_id: str, name: str, *aliases: str) -> Entity:
    ent = Entity(entity_id, "Person", "test_list")
    ent.add("name", name)
    for alias in aliases:
        ent.add("alias", alias)
    return ent


def test_listed_names_are_found_and_screened(store: SQLiteStore, home: Path) -> None:
    entities = [
        person("t-1", "KIM, Jong Un", "Kim Jong-un"),
        person("t-2", "KIM, Yo Jong"),
        person("t-3", "SMITH, John"),
    ]
    store.add_version(NewVersion("test_list", "2024-01-01", "test", "0" * 64, "ftm", 3, entities))
    matcher = get_matcher(store)
    text = (
        "Kim Jong-un received a car from Moscow. His sister, Kim Yo Jong, thanked the donor. "
        "Nobody named John Smithson was involved."
    )
    result = analyze_text(text, published="2024-02-20", matcher=matcher).to_dict()
    found = {m["text"]: m["matches"][0]["entity_id"] for m in result["mentions"]}
    assert found == {"Kim Jong-un": "t-1", "Kim Yo Jong": "t-2"}
    for mention in result["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
