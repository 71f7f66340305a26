"""Shared fixtures.

Fixture strategy: the real official list files and the HS nomenclature are read in place from
``../shared/data`` (or the folders named by ``SANCTIONWATCH_LISTS_DIR`` / ``SANCTIONWATCH_HS_DIR``)
and never copied into the repository. Where they are absent the tests that need them are
skipped with the reason, except under CI (``CI=true``) where their absence is a failure.
Everything else the tests use (example reports, records, cross-script name variants) is
written by us. Each test gets its own store: in memory, or in a temporary data home.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionwatch.settings import get_settings
from sanctionwatch.store.sqlite import SQLiteStore

#: Fixtures shared by the API and web tests (settings with API keys, a small store, a client).
pytest_plugins = ["tests.service_fixtures"]

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


def _data_dir(env: str, default: Path, what: str) -> Path:
    path = Path(os.environ.get(env) or default)
    if not path.is_dir():
        message = f"{what} not found at {path} (set {env} to the folder)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def lists_dir() -> Path:
    """The folder of real official list files (``shared/data/lists``)."""
    return _data_dir("SANCTIONWATCH_LISTS_DIR", SHARED_DATA / "lists", "Official list files")


@pytest.fixture(scope="session")
def hs_dir() -> Path:
    """The folder of the HS nomenclature (``shared/data/hs``)."""
    return _data_dir("SANCTIONWATCH_HS_DIR", SHARED_DATA / "hs", "HS nomenclature")


@pytest.fixture()
def store() -> Iterator[SQLiteStore]:
    """An empty in-memory store."""
    db = SQLiteStore(":memory:")
    yield db
    db.close()


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty data home for CLI tests (``SANCTIONWATCH_HOME``)."""
    monkeypatch.setenv("SANCTIONWATCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SANCTIONWATCH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path / "home"
    get_settings.cache_clear()
