"""The matcher API: store wiring, the on-disk index cache, batches, registry, score bounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.exc import InputError, NotFoundError
from sanctionwatch.match import (
    ALGORITHMS,
    Matcher,
    Query,
    ScreeningIndex,
    get_algorithm,
    get_matcher,
    screen_many,
    screen_many_dicts,
)
from sanctionwatch.match.cache import cache_dir
from sanctionwatch.model.entity import Entity
from sanctionwatch.store.base import NewVersion
from sanctionwatch.store.sqlite import SQLiteStore


def make_entity(
    schema: str, dataset: str, source_id: str, name: str, **props: str | list[str]
) -> Entity:
    entity = Entity(f"{dataset}-{source_id}", schema, dataset, source_id)
    entity.add("name", name)
    for prop, values in props.items():
        entity.add_many(prop, [values] if isinstance(values, str) else values)
    return entity


def make_person(dataset: str, source_id: str, name: str, **props: str | list[str]) -> Entity:
    return make_entity("Person", dataset, source_id, name, **props)


def small_entities() -> list[Entity]:
    return [
        make_person("test", "1", "KIM, Jong Un", birthDate="1984-01-08", nationality="kp"),
        make_person("test", "2", "KIM, Yo Jong", birthDate="1989-09-26", nationality="kp"),
        make_person("test", "3", "PUTIN, Vladimir Vladimirovich", alias="Vladimir Putin"),
        make_entity(
            "Vessel", "test", "4", "CHON MA SAN", imoNumber="8660313", previousName="MAYANG"
        ),
        make_entity("Company", "test", "5", "Korea Kumsong Trading Corporation", weakAlias="KKTC"),
    ]


def add_version(store: SQLiteStore, entities: list[Entity], sha: str = "a" * 64) -> None:
    store.add_version(
        NewVersion("test", "2024-01-01", "test", sha, "test", len(entities), entities)
    )


@pytest.fixture()
def small_matcher() -> Matcher:
    return Matcher(ScreeningIndex.build(small_entities()))


def test_empty_store_gives_no_results(store: SQLiteStore, home: Path) -> None:
    assert get_matcher(store).screen(Query("Kim Jong Un")) == []


def test_get_matcher_caches_index_on_disk(store: SQLiteStore, home: Path) -> None:
    add_version(store, small_entities())
    first = get_matcher(store)
    assert get_matcher(store) is first
    files = list(cache_dir().glob("index-*.pkl"))
    assert len(files) == 1
    # A new process (simulated by dropping the per-process cache) loads the file.
    from sanctionwatch.match import cache

    cache._MATCHERS.clear()
    again = get_matcher(store)
    assert again is not first and again.signature == first.signature
    assert again.screen(Query("Kim Jong-un"))[0].entity_id == "test-1"


def test_new_version_invalidates_index(store: SQLiteStore, home: Path) -> None:
    add_version(store, small_entities())
    before = get_matcher(store)
    add_version(store, small_entities()[:1], sha="b" * 64)
    after = get_matcher(store)
    assert after.signature != before.signature
    assert [p.name for p in cache_dir().glob("index-*.pkl")] == [f"index-{after.signature}.pkl"]
    assert after.screen(Query("Putin")) == [] or not after.screen(Query("Putin"))[0].match


def test_result_shapes(small_matcher: Matcher) -> None:
    result = small_matcher.screen(Query("Kim Jong Un", birth_date="1984"))[0]
    assert set(result.to_dict()) == {
        "entity_id",
        "dataset",
        "schema",
        "caption",
        "score",
        "match",
        "explanation",
    }
    assert result.features["name"] == 1.0 and result.features["birth_date"] > 0
    assert result.entity.first("birthDate") == "1984-01-08"
    assert result.to_list_match().to_dict()["entity_id"] == "test-1"


def test_vessel_by_imo_and_former_name(small_matcher: Matcher) -> None:
    assert small_matcher.screen(Query("x", identifiers=["IMO8660313"]))[0].match
    former = small_matcher.screen(Query("Mayang", schema="Vessel"))[0]
    assert former.entity_id == "test-4" and "former name" in former.explanation


def test_threshold_and_limit(small_matcher: Matcher) -> None:
    results = small_matcher.screen(Query("Kim Jong Un"), limit=1, threshold=1.0)
    assert len(results) == 1 and results[0].match  # score 1.0 reaches threshold 1.0
    strict = small_matcher.screen(Query("Kim Chong Un"), threshold=0.99)
    assert not strict[0].match


def test_screen_many_keeps_order(small_matcher: Matcher) -> None:
    queries = [Query(n) for n in ["Kim Jong Un", "Vladimir Putin", "Chon Ma San"] * 5]
    out = list(screen_many(small_matcher, queries, processes=2, chunk_size=2))
    assert [r[0].entity_id for r in out] == ["test-1", "test-3", "test-4"] * 5
    assert out[0][0].entity.id == "test-1"  # results come back from workers intact
    assert out[1][0].programs == small_matcher.screen(queries[1])[0].programs


@pytest.mark.parametrize("processes", [1, 2])
def test_screen_many_dicts_equal_results(small_matcher: Matcher, processes: int) -> None:
    queries = [Query(n) for n in ["Kim Jong Un", "Putin", "Chon Ma San", "Nobody Here"] * 3]
    out = list(screen_many_dicts(small_matcher, queries, processes=processes, chunk_size=3))
    assert out == [[r.to_dict() for r in small_matcher.screen(q)] for q in queries]


def test_registry() -> None:
    assert [a.NAME for a in ALGORITHMS] == ["sw-v1"]
    assert get_algorithm("sw-v1").NAME == "sw-v1"
    with pytest.raises(NotFoundError, match="known: sw-v1"):
        get_algorithm("nope")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x", "birth_date": "8 Jan 84"}, "birth_date"),
        ({"name": "x", "country": "Korea"}, "country"),
        ({"name": "x", "schema": "Dog"}, "schema"),
        ({"name": "x", "identifiers": {"a": 1}}, "identifiers"),
    ],
)
def test_bad_queries_say_which_field(data: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as info:
        Query.from_dict(data)
    assert info.value.detail["field"] == field


names = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "Zs", "Pd", "Nd"]),
    min_size=1,
    max_size=30,
).filter(str.strip)


@settings(max_examples=150, deadline=None)
@given(
    names,
    st.sampled_from([None, "Person", "Company", "Vessel"]),
    st.one_of(st.none(), st.from_regex(r"(19|20)\d\d", fullmatch=True)),
    st.sampled_from([None, "KP", "RU"]),
)
def test_scores_stay_in_bounds(
    name: str, schema: str | None, birth: str | None, country: str | None
) -> None:
    matcher = _shared_matcher()
    for result in matcher.screen(Query(name, schema=schema, birth_date=birth, country=country)):
        assert 0.0 <= result.score <= 1.0
        assert result.explanation


_MATCHER: list[Matcher] = []


def _shared_matcher() -> Matcher:
    if not _MATCHER:
        _MATCHER.append(Matcher(ScreeningIndex.build(small_entities())))
    return _MATCHER[0]


def test_screen_many_screens_repeated_parties_once(small_matcher: Matcher) -> None:
    calls: list[str] = []
    original = small_matcher.screen

    def counting(query: Query, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        calls.append(query.name)
        return original(query, *args, **kwargs)  # type: ignore[arg-type]

    small_matcher.screen = counting  # type: ignore[method-assign]
    names = ["Kim Jong Un", "Vladimir Putin", "Kim Jong Un", "Chon Ma San", "Vladimir Putin"]
    out = list(screen_many(small_matcher, [Query(n) for n in names], processes=1))
    assert sorted(calls) == ["Chon Ma San", "Kim Jong Un", "Vladimir Putin"]
    assert [r[0].entity_id for r in out] == ["test-1", "test-3", "test-1", "test-4", "test-3"]
