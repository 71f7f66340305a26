"""The OpenAPI pages work offline: their scripts come from the app, not from a CDN."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_swagger_page_uses_packaged_assets(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower()
    assert "/static-offline-docs/swagger-ui-bundle.js" in page.text
    asset = client.get("/static-offline-docs/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.content) > 100_000


def test_openapi_documents_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/match/{dataset}",
        "/search/{dataset}",
        "/entities/{entity_id}",
        "/catalog",
        "/algorithms",
        "/screen",
        "/check",
        "/analyze",
        "/findings",
        "/findings/{finding_id}",
        "/findings/{finding_id}/review",
        "/findings/{finding_id}/audit",
        "/healthz",
        "/readyz",
    ):
        assert path in paths
    assert client.get("/docs").status_code == 200
