"""Fixtures for the web UI tests: the app over a small store, in process or on loopback.

``live_server`` runs the real app with uvicorn on a free loopback port in a thread, for the
browser tests; the other tests use the in-process client of the API tests.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
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


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture()
def live_server(settings: Settings, loaded_store: SQLiteStore) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1:<free port>; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings, loaded_store),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
