"""Findings over the API: listing and filters, review with API keys, the audit trail."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.api_support import BOB_KEY, TEXT, alice, seed_finding


def test_list_and_filter_findings(client: TestClient) -> None:
    findings = client.app.state.sw.findings  # type: ignore[attr-defined]
    first = seed_finding(findings)
    seed_finding(findings, TEXT + " A second outlet repeated it.", verdict="possible")
    data = client.get("/findings").json()
    assert data["total"] == 2 and len(data["items"]) == 2
    assert data["counts"]["verdict"] == {"possible": 1, "violation": 1}
    assert data["counts"]["regime"] == {"UN-DPRK": 2}
    assert client.get("/findings?verdict=violation").json()["total"] == 1
    assert client.get("/findings?country=kp&party=tumen").json()["total"] == 2
    assert client.get("/findings?regime=EU-RUS").json()["total"] == 0
    assert client.get("/findings?date_from=2024-03").json()["total"] == 0
    assert client.get("/findings?date=2024-02").json()["total"] == 2
    page = client.get("/findings?limit=1&offset=1").json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["items"][0]["id"] == first
    one = client.get(f"/findings/{first}").json()
    assert one["verdict"] == "violation" and one["status"] == "open"
    assert one["event"]["evidence"][0]["text"].startswith("the Tumen River")
    assert client.get("/findings/999").status_code == 404


def test_review_needs_a_key_and_records_who(client: TestClient) -> None:
    fid = seed_finding(client.app.state.sw.findings)  # type: ignore[attr-defined]
    body = {"action": "confirm", "reason": "the sedans were photographed in Pyongyang"}
    missing = client.post(f"/findings/{fid}/review", json=body)
    assert missing.status_code == 401 and missing.json()["error"] == "missing_api_key"
    wrong = client.post(f"/findings/{fid}/review", json=body, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_api_key"
    # A key in the web cookie is not enough for a review action.
    client.cookies.set("sw_key", BOB_KEY)
    assert client.post(f"/findings/{fid}/review", json=body).status_code == 401
    client.cookies.clear()
    assert client.get(f"/findings/{fid}").json()["status"] == "open"
    assert len(client.get(f"/findings/{fid}/audit").json()["items"]) == 1

    done = client.post(f"/findings/{fid}/review", json=body, headers=alice())
    assert done.status_code == 200, done.text
    assert done.json()["actor"] == "alice" and done.json()["action"] == "confirm"
    bearer = {"Authorization": f"Bearer {BOB_KEY}"}
    note = {"action": "note", "note": "customs record requested"}
    assert client.post(f"/findings/{fid}/review", json=note, headers=bearer).status_code == 200
    assign = {"action": "assign", "assignee": "carol"}
    assert client.post(f"/findings/{fid}/review", json=assign, headers=alice()).status_code == 200
    got = client.get(f"/findings/{fid}").json()
    assert got["status"] == "confirmed" and got["assignee"] == "carol"
    trail = client.get(f"/findings/{fid}/audit").json()["items"]
    assert [(e["actor"], e["action"]) for e in trail] == [
        ("system", "create"),
        ("alice", "confirm"),
        ("bob", "note"),
        ("alice", "assign"),
    ]
    assert trail[1]["reason"] == body["reason"]
    assert trail[0]["data"]["made_with"] == {"lists": []}
    assert client.get("/findings?status=confirmed").json()["total"] == 1


def test_review_body_is_checked(client: TestClient) -> None:
    fid = seed_finding(client.app.state.sw.findings)  # type: ignore[attr-defined]
    for body in (
        {"action": "dismiss"},
        {"action": "note"},
        {"action": "assign"},
        {"action": "delete", "reason": "x"},
        {"action": "confirm", "reason": " "},
        {"action": "confirm", "reason": "x", "extra": 1},
    ):
        resp = client.post(f"/findings/{fid}/review", json=body, headers=alice())
        assert resp.status_code == 422, body
    assert (
        client.post(
            "/findings/999/review", json={"action": "note", "note": "x"}, headers=alice()
        ).status_code
        == 404
    )
    assert len(client.get(f"/findings/{fid}/audit").json()["items"]) == 1
    assert client.get("/findings/999/audit").status_code == 404


def test_dismissed_finding_is_not_raised_again(client: TestClient) -> None:
    findings = client.app.state.sw.findings  # type: ignore[attr-defined]
    fid = seed_finding(findings)
    body = {"action": "dismiss", "reason": "a different company of the same name"}
    assert client.post(f"/findings/{fid}/review", json=body, headers=alice()).status_code == 200
    again = seed_finding(findings, TEXT + " Reported again later.")
    got = client.get(f"/findings/{again}").json()
    assert got["status"] == "suppressed" and got["suppressed_by"] == fid
    assert client.get("/findings?status=open").json()["total"] == 0
