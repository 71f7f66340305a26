"""The short way for valid /match requests (api/shortcut.py): the route's answer, or none."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sanctionwatch.api import shortcut
from sanctionwatch.api.app import create_app
from sanctionwatch.settings import Settings
from sanctionwatch.store.sqlite import SQLiteStore
from tests.api.api_support import alice
from tests.api.test_matching import YENTE_REQUEST

QUERY = "?limit=3&threshold=0.5&exclude_dataset=test_b&exclude_schema=Vessel"


@pytest.fixture()
def taken(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether the shortcut answered each /match request (True) or passed it on (False)."""
    seen: list[bool] = []
    answer = shortcut.MatchShortcut._answer

    async def spy(self: shortcut.MatchShortcut, scope: dict, body: bytes) -> object:
        found = await answer(self, scope, body)
        seen.append(found is not None)
        return found

    monkeypatch.setattr(shortcut.MatchShortcut, "_answer", spy)
    yield seen


def test_shortcut_gives_the_routes_answer(
    client: TestClient, taken: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    short = client.post(f"/match/default{QUERY}", json=YENTE_REQUEST)
    assert taken == [True] and short.status_code == 200
    monkeypatch.setattr(shortcut, "_is_candidate", lambda scope: False)
    routed = client.post(f"/match/default{QUERY}", json=YENTE_REQUEST)
    assert taken == [True] and routed.status_code == 200
    assert short.content == routed.content
    for header in ("content-type", "content-length", "x-batch-size"):
        assert short.headers[header] == routed.headers[header]
    assert short.headers["x-request-id"] != routed.headers["x-request-id"]


@pytest.mark.parametrize(
    ("path", "kwargs", "status"),
    [
        (
            "/match/default",
            {"content": b'{"queries": {', "headers": {"content-type": "application/json"}},
            422,
        ),
        ("/match/default?limit=0", {"json": YENTE_REQUEST}, 422),
        ("/match/unknown_list", {"json": YENTE_REQUEST}, 404),
        (
            "/match/default",
            {"json": {"queries": {"q": {"schema": "Person", "properties": {}}}}},
            422,
        ),
        ("/match/default?algorithm=nope", {"json": YENTE_REQUEST}, 422),
    ],
)
def test_shortcut_leaves_errors_to_the_route(
    client: TestClient, taken: list[bool], path: str, kwargs: dict, status: int
) -> None:
    resp = client.post(path, **kwargs)
    assert taken == [False]
    assert resp.status_code == status
    assert set(resp.json()) == {"error", "message", "errors"}


def test_shortcut_checks_the_key_when_reading_needs_one(
    settings: Settings, loaded_store: SQLiteStore, taken: list[bool]
) -> None:
    closed = settings.model_copy(update={"require_key": True})
    with TestClient(create_app(closed, loaded_store)) as client:
        assert client.post("/match/default", json=YENTE_REQUEST).status_code == 401
        assert client.post("/match/default", json=YENTE_REQUEST, headers=alice()).status_code == 200
    assert taken == [False, True]
