"""The /match query parameters, read with one model (api/query.py): values, errors, docs."""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx import Response

from tests.api.test_matching import YENTE_REQUEST


def _ids(resp: Response) -> set[str]:
    data = resp.json()
    return {r["id"] for q in data["responses"].values() for r in q["results"]}


def test_repeated_parameters_are_lists(client: TestClient) -> None:
    both = client.post(
        "/match/default?exclude_dataset=test_a&exclude_dataset=test_b", json=YENTE_REQUEST
    )
    assert both.status_code == 200 and _ids(both) == set()
    one = client.post("/match/default?exclude_dataset=test_a", json=YENTE_REQUEST)
    assert _ids(one) and all(i.startswith("test_b-") for i in _ids(one))


def test_scalar_parameters_are_converted(client: TestClient) -> None:
    resp = client.post("/match/default?limit=1&threshold=0.25", json=YENTE_REQUEST)
    assert resp.status_code == 200 and resp.json()["limit"] == 1
    results = resp.json()["responses"]["entity1"]["results"]
    assert len(results) == 1 and results[0]["match"] is (results[0]["score"] >= 0.25)


def test_invalid_parameters_name_their_fields(client: TestClient) -> None:
    too_many = "&".join(f"exclude_entity_ids=x{n}" for n in range(501))
    resp = client.post(f"/match/default?limit=0&threshold=x&{too_many}", json=YENTE_REQUEST)
    assert resp.status_code == 422
    fields = [e["field"] for e in resp.json()["errors"]]
    assert fields == ["limit", "threshold", "exclude_entity_ids"]


def test_parameters_are_in_the_openapi_docs(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/match/{dataset}"]["post"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert {"dataset", "limit", "threshold", "algorithm", "exclude_entity_ids"} <= set(params)
    assert params["limit"]["in"] == "query" and params["limit"]["schema"]["maximum"] == 500
    assert params["exclude_dataset"]["schema"]["anyOf"][0]["type"] == "array"
