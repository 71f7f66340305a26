"""Bad requests get clear 4xx answers in the one error shape, and change nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from sanctionwatch.api.app import create_app
from sanctionwatch.api.auth import KeyRing
from sanctionwatch.exc import ConfigError
from sanctionwatch.settings import Settings
from sanctionwatch.store.sqlite import SQLiteStore
from tests.api.api_support import ALICE_KEY, MAX_BYTES, alice, seed_finding

JSON = {"Content-Type": "application/json"}


def assert_error_shape(resp: httpx.Response) -> dict[str, Any]:
    assert resp.headers["content-type"].startswith("application/json"), resp.text
    body = resp.json()
    assert set(body) >= {"error", "message", "errors"}, body
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["errors"], list)
    for item in body["errors"]:
        assert set(item) == {"field", "message"}
    assert "Traceback" not in resp.text and 'File "' not in resp.text
    return body


BAD_REQUESTS: list[tuple[str, str, dict[str, Any], int]] = [
    ("GET", "/no/such/page", {}, 404),
    ("DELETE", "/findings", {}, 405),
    ("PUT", "/match/default", {"json": {"queries": {}}}, 405),
    ("POST", "/match/default", {"content": b'{"queries": {', "headers": JSON}, 422),
    ("POST", "/match/default", {"json": {"queries": "Kim"}}, 422),
    ("POST", "/match/default", {"json": {"queries": {"q": {"properties": {}}}}}, 422),
    ("POST", "/match/default?limit=abc", {"json": {"queries": {}}}, 422),
    (
        "POST",
        "/match/unknown_list",
        {"json": {"queries": {"q": {"schema": "Person", "properties": {"name": "X"}}}}},
        404,
    ),
    ("GET", "/search/default", {}, 422),
    ("POST", "/screen", {"json": {"name": 5}}, 422),
    ("POST", "/screen", {"json": {"name": ""}}, 422),
    ("POST", "/screen", {"json": {"name": "X", "birth_date": "yesterday"}}, 422),
    ("POST", "/screen", {"json": {"name": "X", "colour": "red"}}, 422),
    ("POST", "/screen", {"content": b"name=X", "headers": {"Content-Type": "text/plain"}}, 422),
    ("POST", "/analyze", {"json": {}}, 422),
    ("POST", "/analyze", {"json": {"text": "a", "html": "<p>a</p>"}}, 422),
    ("POST", "/analyze", {"json": {"text": ["a"]}}, 422),
    ("POST", "/analyze", {"json": {"text": "   "}}, 422),
    ("POST", "/analyze", {"json": {"html": "<p> </p>"}}, 422),
    ("POST", "/analyze", {"json": {"text": "a", "published": "20/02/2024"}}, 422),
    ("POST", "/analyze", {"content": b"x" * (MAX_BYTES + 1), "headers": JSON}, 413),
    ("POST", "/check", {"json": {"giver": 5, "goods": ["car"]}}, 422),
    ("POST", "/check", {"json": {"shipper": "X"}}, 422),
    ("GET", "/findings?verdict=maybe", {}, 422),
    ("GET", "/findings?limit=0", {}, 422),
    ("GET", "/findings?date_from=last-week", {}, 422),
    ("GET", "/findings/abc", {}, 422),
    ("GET", "/findings/12345", {}, 404),
    ("GET", "/entities/nope", {}, 404),
    ("POST", "/findings/1/review", {"json": {"action": "confirm", "reason": "x"}}, 401),
    (
        "POST",
        "/findings/1/review",
        {"json": {"action": "confirm", "reason": "x"}, "headers": {"X-API-Key": "wrong"}},
        401,
    ),
    (
        "POST",
        "/findings/1/review",
        {"content": b"{", "headers": {**JSON, "X-API-Key": ALICE_KEY}},
        422,
    ),
    (
        "POST",
        "/findings/1/review",
        {"json": {"action": 3}, "headers": {"X-API-Key": ALICE_KEY}},
        422,
    ),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), BAD_REQUESTS)
def test_bad_request_is_refused_in_the_one_shape_and_changes_nothing(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int
) -> None:
    fid = seed_finding(client.app.state.sw.findings)  # type: ignore[attr-defined]
    before = (client.get("/findings").json(), client.get(f"/findings/{fid}/audit").json())
    resp = client.request(method, path, **kwargs)
    assert resp.status_code == status, resp.text
    assert_error_shape(resp)
    after = (client.get("/findings").json(), client.get(f"/findings/{fid}/audit").json())
    assert after == before


def test_malformed_json_says_so(client: TestClient) -> None:
    resp = client.post("/screen", content=b'{"name": "X",', headers=JSON)
    body = assert_error_shape(resp)
    assert resp.status_code == 422 and "JSON" in body["errors"][0]["message"]


def test_field_errors_name_the_field(client: TestClient) -> None:
    resp = client.post("/screen", json={"name": "X", "limit": "many"})
    assert [e["field"] for e in assert_error_shape(resp)["errors"]] == ["limit"]


def test_chunked_body_over_the_limit_is_refused(client: TestClient) -> None:
    def chunks() -> Any:
        for _ in range(MAX_BYTES // 1024 + 2):
            yield b" " * 1024

    resp = client.post("/analyze", content=chunks(), headers=JSON)
    assert resp.status_code == 413
    assert assert_error_shape(resp)["error"] == "payload_too_large"


def test_server_error_has_the_shape_and_no_internals(
    settings: Settings, loaded_store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(settings, loaded_store)
    state = app.state.sw

    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(state.findings, "list_findings", explode)
    with TestClient(app, raise_server_exceptions=False) as client:
        resp = client.get("/findings")
    assert resp.status_code == 500
    body = assert_error_shape(resp)
    assert "secret" not in resp.text and body["error"] == "server_error"


def test_require_key_closes_reading_screening_and_analysis(
    settings: Settings, loaded_store: SQLiteStore
) -> None:
    closed = settings.model_copy(update={"require_key": True})
    with TestClient(create_app(closed, loaded_store)) as client:
        for method, path, body in (
            ("GET", "/findings", None),
            ("GET", "/catalog", None),
            ("POST", "/screen", {"name": "X"}),
            ("POST", "/analyze", {"text": "x"}),
            ("POST", "/match/default", {"queries": {}}),
        ):
            resp = client.request(method, path, json=body)
            assert resp.status_code == 401, path
            assert_error_shape(resp)
        assert client.get("/findings", headers=alice()).status_code == 200
        assert client.get("/healthz").status_code == 200


def test_no_keys_configured_refuses_review(settings: Settings, loaded_store: SQLiteStore) -> None:
    open_install = settings.model_copy(update={"api_keys": None})
    with TestClient(create_app(open_install, loaded_store)) as client:
        fid = seed_finding(client.app.state.sw.findings)  # type: ignore[attr-defined]
        resp = client.post(
            f"/findings/{fid}/review", json={"action": "note", "note": "x"}, headers=alice()
        )
        assert resp.status_code == 403 and assert_error_shape(resp)["error"] == "no_api_keys"
        assert client.get("/findings").status_code == 200


def test_keyring_rejects_malformed_config() -> None:
    with pytest.raises(ConfigError):
        KeyRing.parse("alice:notahash")
    with pytest.raises(ConfigError):
        KeyRing.parse("bad name:" + "0" * 64)
    ring = KeyRing.parse(" alice:" + "A" * 64 + " ,")
    assert ring.hashes == {"a" * 64: "alice"}
    assert ring.identify("anything") is None
