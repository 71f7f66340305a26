"""``POST /analyze`` and ``POST /check``: the design.md contract, and findings stored once."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.api_support import REPORT

CONTRACT_KEYS = {"document", "events", "findings", "mentions"}


def aurus_record(record_id: str) -> dict[str, str]:
    """A /check record of the 2024 limousine gift to Kim Jong Un, a violation of the rules."""
    return {
        "id": record_id,
        "giver": "Russian Federation",
        "recipient": "Kim Jong Un",
        "recipient_country": "KP",
        "goods": "Aurus Senat limousine",
        "date": "2024-02-18",
    }


def analyze(client: TestClient, **body: object) -> dict[str, object]:
    resp = client.post("/analyze", json=body)
    assert resp.status_code == 200, resp.text
    data: dict[str, object] = resp.json()
    return data


def test_analyze_returns_the_contract_and_stores_findings(client: TestClient) -> None:
    data = analyze(client, text=REPORT, published="2024-02-20", title="A limousine")
    assert set(data) == CONTRACT_KEYS | {"stored"}
    assert data["document"] == {"title": "A limousine", "published": "2024-02-20", "source": None}
    findings = data["findings"]
    assert isinstance(findings, list)
    violations = [f for f in findings if f["verdict"] == "violation"]
    assert violations, findings
    instruments = {r["instrument"] for f in violations for r in f["rules"]}
    assert any("2397" in i for i in instruments), instruments
    stored = data["stored"]
    assert isinstance(stored, dict) and stored["findings"]
    listed = client.get("/findings").json()
    assert listed["total"] == len(stored["findings"])
    first = client.get(f"/findings/{stored['findings'][0]['id']}").json()
    assert first["document"]["title"] == "A limousine"
    assert first["made_with"]["rulebook"] and first["made_with"]["rules"]
    assert [d["dataset"] for d in first["made_with"]["lists"]] == ["test_a", "test_b"]
    event = first["event"]
    for ev in event["evidence"]:
        assert REPORT[ev["start"] : ev["end"]] == ev["text"]
    audit = client.get(f"/findings/{first['id']}/audit").json()["items"]
    assert audit[0]["action"] == "create" and audit[0]["actor"] == "anonymous"


def test_analyzing_the_same_report_twice_stores_nothing_new(client: TestClient) -> None:
    one = analyze(client, text=REPORT, published="2024-02-20")
    two = analyze(client, text=REPORT, published="2024-02-20")
    assert one["stored"] == two["stored"]
    assert client.get("/findings").json()["total"] == len(one["stored"]["findings"])  # type: ignore[index]


def test_analyze_html_and_without_storing(client: TestClient) -> None:
    html = f"<html><head><title>Gift</title></head><body><p>{REPORT}</p></body></html>"
    data = analyze(client, html=html, published="2024-02-20")
    assert any(f["verdict"] == "violation" for f in data["findings"])  # type: ignore[union-attr]
    before = client.get("/findings").json()["total"]
    resp = client.post(
        "/analyze?store=false", json={"text": REPORT + " More.", "published": "2024-02-20"}
    )
    assert resp.status_code == 200 and "stored" not in resp.json()
    assert client.get("/findings").json()["total"] == before


def test_check_single_and_batch(client: TestClient) -> None:
    record = aurus_record("r1")
    one = client.post("/check", json=record)
    assert one.status_code == 200, one.text
    assert one.json()["id"] == "r1"
    assert any(f["verdict"] == "violation" for f in one.json()["findings"])
    harmless = {
        **record,
        "id": "r2",
        "giver": "A dealer",
        "giver_country": "DE",
        "recipient": "A buyer",
        "recipient_country": "FR",
        "origin": "DE",
        "destination": "FR",
    }
    batch = client.post("/check", json=[record, harmless])
    assert [r["id"] for r in batch.json()] == ["r1", "r2"]
    assert all(f["verdict"] == "none" for f in batch.json()[1]["findings"])
    assert client.get("/findings").json()["total"] >= 1


def test_check_bad_record_is_reported_and_the_batch_goes_on(client: TestClient) -> None:
    good = aurus_record("ok")
    bad = {"id": "bad", "date": "2024-02-18"}  # neither goods nor a party
    resp = client.post("/check", json=[bad, good])
    assert resp.status_code == 200
    first, second = resp.json()
    assert first["id"] == "bad" and first["error"] and "findings" not in first
    assert second["id"] == "ok" and second["findings"]


def test_readyz_once_lists_are_loaded(client: TestClient) -> None:
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["detail"]["datasets"] == ["test_a", "test_b"]
