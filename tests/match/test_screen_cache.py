"""The on-disk index cache: never loaded by other code, rebuilt (not fatal) when unreadable."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from sanctionwatch.match import Matcher, Query, ScreeningIndex, cache, get_matcher
from sanctionwatch.match.cache import cache_dir, index_signature, load_index
from sanctionwatch.model.entity import Entity
from sanctionwatch.store.base import NewVersion
from sanctionwatch.store.sqlite import SQLiteStore
from sanctionwatch.text.names import NameForm


def entities() -> list[Entity]:
    entity = Entity("test-1", "Person", "test", "1")
    entity.add("name", "KIM, Jong Un")
    return [entity]


def cached_file(store: SQLiteStore) -> Path:
    store.add_version(NewVersion("test", "2024-01-01", "test", "a" * 64, "test", 1, entities()))
    cache._MATCHERS.clear()  # a matcher kept in memory by an earlier test would skip the file
    get_matcher(store)
    cache._MATCHERS.clear()
    (path,) = cache_dir().glob("index-*.pkl")
    return path


@pytest.mark.parametrize(
    "content",
    [
        b"not a pickle at all",
        b"",
        pickle.dumps(ScreeningIndex([])),  # an index pickled without its format
        pickle.dumps((-1, ScreeningIndex([]))),  # another format
        pickle.dumps({"unexpected": "object"}),
    ],
)
def test_unusable_cache_is_rebuilt(store: SQLiteStore, home: Path, content: bytes) -> None:
    path = cached_file(store)
    path.write_bytes(content)
    assert load_index(path) is None
    matcher = get_matcher(store)
    assert matcher.screen(Query("김정은"))[0].entity_id == "test-1"
    assert load_index(path) is not None  # written again, readable


def test_signature_follows_the_indexing_code(monkeypatch: pytest.MonkeyPatch) -> None:
    before = index_signature([])
    with monkeypatch.context() as patch:
        patch.setattr(cache, "builder_digest", lambda: "other code")
        assert index_signature([]) != before
    assert index_signature([]) == before
    monkeypatch.setattr(cache, "INDEX_FORMAT", -1)
    assert index_signature([]) != before


def test_a_loaded_index_screens_as_the_one_built(tmp_path: Path) -> None:
    people = entities()
    other = Entity("test-2", "Person", "test", "2")
    other.add("name", "Kim Jongun")
    people.append(other)
    built = ScreeningIndex.build(people)
    path = tmp_path / "index.pkl"
    cache.save_index(built, path)
    loaded = load_index(path)
    assert loaded is not None
    assert [loaded.form(n) for n in range(len(built.name_form))] == built.name_form
    for name in ("Kim Jong Un", "Jongun Kim", "김정은"):
        expected = [(r.entity_id, r.score) for r in Matcher(built).screen(Query(name))]
        assert [(r.entity_id, r.score) for r in Matcher(loaded).screen(Query(name))] == expected
        assert {e for e, _ in expected} == {"test-1", "test-2"}


def test_warming_revives_every_name_once(tmp_path: Path) -> None:
    path = tmp_path / "index.pkl"
    cache.save_index(ScreeningIndex.build(entities()), path)
    loaded = load_index(path)
    assert loaded is not None
    assert not any(isinstance(form, NameForm) for form in loaded.name_form)
    loaded.warm()
    assert all(isinstance(form, NameForm) for form in loaded.name_form)
    revived = list(loaded.name_form)
    loaded.warm()  # a second call has nothing to do
    assert all(a is b for a, b in zip(loaded.name_form, revived, strict=True))
