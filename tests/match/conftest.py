"""Fixtures for screening tests.

Fixture strategy: screening is tested against the real official lists (UN, OFAC SDN and
consolidated, EU, UK), read in place from the shared data folder and parsed once per test
session into a temporary store (parsing takes seconds, so every test shares it). Tests that need
no real data build their entities by hand with :class:`Entity`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionwatch.lists.load import load_file
from sanctionwatch.match import Matcher, ScreeningIndex
from sanctionwatch.model.entity import Entity
from sanctionwatch.store.sqlite import SQLiteStore

#: The newest file of each list, relative to the lists folder.
LIST_FILES = (
    "un/consolidated.xml",
    "ofac/sdn.xml.gz",
    "ofac/consolidated/consolidated.xml",
    "eu/20240513-FULL-1_1.xml",
    "uk/ConList.xlsx",
)


@pytest.fixture(scope="session")
def real_store(lists_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    """A store holding the real lists (parsed once per session)."""
    store = SQLiteStore(tmp_path_factory.mktemp("lists") / "store.db")
    for name in LIST_FILES:
        load_file(lists_dir / name, store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def real_entities(real_store: SQLiteStore) -> list[Entity]:
    return [e for v in real_store.latest_versions() for e in real_store.iter_entities(v.id)]


@pytest.fixture(scope="session")
def real_matcher(real_entities: list[Entity]) -> Matcher:
    """A matcher over all the real lists (built in memory, not cached on disk)."""
    return Matcher(ScreeningIndex.build(real_entities))
