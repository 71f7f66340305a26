"""The on-disk index cache: never loaded by other code, rebuilt (not fatal) when unreadable."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from sanctionwatch.match import Query, ScreeningIndex, cache, get_matcher
from sanctionwatch.match.cache import cache_dir, index_signature, load_index
from sanctionwatch.model.entity import Entity
from sanctionwatch.store.base import NewVersion
from sanctionwatch.store.sqlite import SQLiteStore


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
