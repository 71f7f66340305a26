"""The yente-compatible matching endpoints and the data endpoints."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from sanctionwatch.api.routers.matching import INLINE_NAMES

# The request shape of yente's matching API documentation, unchanged.
YENTE_REQUEST = {
    "queries": {
        "entity1": {
            "schema": "Person",
            "properties": {
                "name": ["Ivan Petrovsky"],
                "birthDate": ["1961-03-14"],
                "nationality": ["ru"],
            },
        },
        "entity2": {
            "schema": "Company",
            "properties": {"name": ["Brilliant Amazing Limited"], "jurisdiction": ["hk"]},
        },
    }
}


def test_match_default_answers_a_yente_request(client: TestClient) -> None:
    resp = client.post("/match/default", json=YENTE_REQUEST)
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert set(data["responses"]) == {"entity1", "entity2"}
    first = data["responses"]["entity1"]
    assert first["status"] == 200
    assert first["query"]["schema"] == "Person"
    assert first["total"]["relation"] == "eq"
    top = first["results"][0]
    assert top["id"] == "test_a-P1"  # the birth date prefers the 1961 Petrovsky
    for key in (
        "id",
        "caption",
        "schema",
        "properties",
        "datasets",
        "score",
        "match",
        "explanations",
    ):
        assert key in top
    assert top["match"] is True and 0 <= top["score"] <= 1
    assert top["datasets"] == ["test_a"]
    assert top["explanations"] and all("score" in v for v in top["explanations"].values())
    assert top["explanation"]
    scores = [r["score"] for r in first["results"]]
    assert scores == sorted(scores, reverse=True)
    assert resp.headers["x-batch-size"] == "2"


def test_match_one_dataset_and_include_exclude(client: TestClient) -> None:
    ids = lambda r: {x["id"] for x in r.json()["responses"]["entity1"]["results"]}  # noqa: E731
    only_b = client.post("/match/test_b", json=YENTE_REQUEST)
    assert only_b.status_code == 200 and ids(only_b) <= {"test_b-P2", "test_b-V1"}
    assert "test_b-P2" in ids(only_b)
    excluded = client.post("/match/default?exclude_dataset=test_a", json=YENTE_REQUEST)
    assert "test_a-P1" not in ids(excluded)
    included = client.post("/match/default?include_dataset=test_a", json=YENTE_REQUEST)
    assert ids(included) <= {"test_a-P1", "test_a-E1"} and "test_a-P1" in ids(included)


def test_match_threshold_sets_match_flag(client: TestClient) -> None:
    resp = client.post("/match/default?threshold=1.0&limit=1", json=YENTE_REQUEST)
    results = resp.json()["responses"]["entity1"]["results"]
    assert len(results) == 1 and results[0]["match"] is (results[0]["score"] >= 1.0)


def test_match_by_identifier_alone(client: TestClient) -> None:
    body = {"queries": {"v": {"schema": "Vessel", "properties": {"imoNumber": ["9300011"]}}}}
    resp = client.post("/match/default", json=body)
    assert resp.status_code == 200, resp.text
    assert resp.json()["responses"]["v"]["results"][0]["id"] == "test_b-V1"


def test_match_errors(client: TestClient) -> None:
    assert client.post("/match/nope", json=YENTE_REQUEST).status_code == 404
    assert client.post("/match/default?algorithm=nope", json=YENTE_REQUEST).status_code == 422
    no_name = {"queries": {"q": {"schema": "Person", "properties": {"nationality": ["ru"]}}}}
    resp = client.post("/match/default", json=no_name)
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "queries.q.properties.name"
    assert client.post("/match/default", json={"queries": {}}).status_code == 422
    bad_schema = {"queries": {"q": {"schema": "Spaceship", "properties": {"name": ["X"]}}}}
    assert client.post("/match/default", json=bad_schema).status_code == 422


def test_search_entities_catalog_algorithms(client: TestClient) -> None:
    resp = client.get("/search/default", params={"q": "Tumen River Trading"})
    assert resp.status_code == 200
    assert resp.json()["results"][0]["id"] == "test_a-E1"
    entity = client.get("/entities/test_a-P1").json()
    assert entity["schema"] == "Person" and "Иван Петровский" in entity["properties"]["alias"]
    assert client.get("/entities/test_a-NOPE").status_code == 404
    catalog = client.get("/catalog").json()
    names = [d["name"] for d in catalog["datasets"]]
    assert names == ["default", "test_a", "test_b"]
    assert catalog["datasets"][0]["children"] == ["test_a", "test_b"]
    algos = client.get("/algorithms").json()
    assert algos["default"] in [a["name"] for a in algos["algorithms"]]


def test_screen_single_and_batch(client: TestClient) -> None:
    one = client.post("/screen", json={"name": "Ivan Petrovsky", "birth_date": "1961"})
    assert one.status_code == 200, one.text
    top = one.json()["results"][0]
    assert top["entity_id"] == "test_a-P1"
    assert set(top) >= {
        "entity_id",
        "dataset",
        "schema",
        "caption",
        "score",
        "match",
        "explanation",
    }
    batch = client.post(
        "/screen",
        json=[{"id": "a", "name": "Northern Harvest"}, {"id": "b", "name": "Tumen River Trading"}],
    )
    assert [r["query"]["id"] for r in batch.json()] == ["a", "b"]
    assert batch.json()[0]["results"][0]["entity_id"] == "test_b-V1"
    scoped = client.post("/screen", json={"name": "Ivan Petrovsky", "datasets": ["test_b"]})
    assert {r["dataset"] for r in scoped.json()["results"]} == {"test_b"}
    assert client.post("/screen", json={"name": "x", "datasets": ["nope"]}).status_code == 404


def test_match_yente_options_exclude_and_best(client: TestClient) -> None:
    def ids(params: str) -> list[str]:
        resp = client.post(f"/match/default{params}", json=YENTE_REQUEST)
        assert resp.status_code == 200, resp.text
        return [r["id"] for r in resp.json()["responses"]["entity1"]["results"]]

    assert ids("?algorithm=best") == ids("")
    assert "test_a-P1" in ids("") and "test_a-P1" not in ids("?exclude_entity_ids=test_a-P1")
    assert not any(i.startswith("test_b-V") for i in ids("?exclude_schema=Vessel"))
    assert not {"test_a-P1", "test_b-P2"} & set(ids("?exclude_schema=Person"))


def test_match_answer_fits_its_documented_model(client: TestClient) -> None:
    from sanctionwatch.api.yente import EntityMatchResponse

    data = client.post("/match/default", json=YENTE_REQUEST).json()
    parsed = EntityMatchResponse.model_validate(data)
    first = parsed.responses["entity1"]
    assert first.query.schema_ == "Person"
    assert first.query.properties == YENTE_REQUEST["queries"]["entity1"]["properties"]
    assert first.results[0].id == "test_a-P1" and first.results[0].explanations


def test_large_batch_answers_as_single_requests(client: TestClient) -> None:
    # A batch of many names is screened in a worker thread, a single query on the event loop:
    # both give the same answers.
    copies = range(INLINE_NAMES // 2 + 1)
    queries = {
        f"{key}-{n}": query for key, query in YENTE_REQUEST["queries"].items() for n in copies
    }
    assert len(queries) > INLINE_NAMES
    batch = client.post("/match/default", json={"queries": queries}).json()["responses"]
    for key, query in queries.items():
        single = client.post("/match/default", json={"queries": {key: query}}).json()
        assert single["responses"][key] == batch[key]


def test_match_says_its_batch_in_the_access_log_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="sanctionwatch.api.access"):
        client.post("/match/default", json=YENTE_REQUEST)
    lines = [r for r in caplog.records if r.name == "sanctionwatch.api.access"]
    assert len(lines) == 1
    line = lines[0].__dict__
    assert (line["path"], line["status"], line["queries"]) == ("/match/default", 200, 2)
    assert line["actor"] == "anonymous" and line["dataset"] == "default"
