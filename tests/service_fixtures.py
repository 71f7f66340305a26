"""Fixtures for the API and web tests: a small store of list entities written here, a client.

The entities are made up for the tests (names, dates and identifiers invented), loaded as two
datasets so that dataset scoping can be checked. The client runs the real app in process over
the real matcher; API keys are configured as their hashes, as in production.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch.api.app import create_app
from sanctionwatch.api.auth import hash_key
from sanctionwatch.settings import Settings, get_settings
from sanctionwatch.store.sqlite import SQLiteStore
from tests.api.api_support import ALICE_KEY, BOB_KEY, MAX_BYTES, load_entities


@pytest.fixture()
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    monkeypatch.setenv("SANCTIONWATCH_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    yield Settings(
        home=tmp_path / "home",
        api_keys=f"alice:{hash_key(ALICE_KEY)},bob:{hash_key(BOB_KEY)}",
        max_input_bytes=MAX_BYTES,
    )
    get_settings.cache_clear()


@pytest.fixture()
def loaded_store() -> Iterator[SQLiteStore]:
    db = SQLiteStore(":memory:")
    load_entities(db)
    yield db
    db.close()


@pytest.fixture()
def client(settings: Settings, loaded_store: SQLiteStore) -> Iterator[TestClient]:
    with TestClient(create_app(settings, loaded_store)) as test_client:
        yield test_client
