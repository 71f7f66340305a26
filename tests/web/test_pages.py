"""The web pages render the stored findings, the screening and the entities."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from sanctionwatch.settings import Settings
from sanctionwatch.store.sqlite import SQLiteStore
from tests.api.api_support import ALICE_KEY, EVIDENCE, TEXT, alice, seed_finding


def test_inbox_lists_findings_with_counts_and_filters(client: TestClient) -> None:
    empty = client.get("/ui/")
    assert empty.status_code == 200 and "No findings" in empty.text
    fid = seed_finding(client.app.state.sw.findings)  # type: ignore[attr-defined]
    seed_finding(client.app.state.sw.findings, TEXT + " Again.", "possible")  # type: ignore[attr-defined]
    page = client.get("/ui/").text
    assert f'href="/ui/findings/{fid}"' in page
    assert "UNSCR 2397 (2017)" in page
    assert re.search(r"violation <b>1</b>", page) and re.search(r"UN-DPRK <b>2</b>", page)
    filtered = client.get("/ui/?verdict=possible").text
    assert f'href="/ui/findings/{fid}"' not in filtered
    assert client.get("/").status_code == 200  # the root leads to the inbox


def test_finding_page_shows_evidence_rules_parties_and_audit(client: TestClient) -> None:
    fid = seed_finding(client.app.state.sw.findings)  # type: ignore[attr-defined]
    body = {"action": "note", "note": "asked customs for the manifest"}
    client.post(f"/findings/{fid}/review", json=body, headers=alice())
    page = client.get(f"/ui/findings/{fid}").text
    assert '<mark class="ev-main" data-event="e1"' in page and EVIDENCE in page
    assert "UNSCR 2397 (2017)</b> para 7" in page
    assert "States must not supply vehicles" in page  # the plain-words summary
    assert 'href="/ui/entities/test_a-E1"' in page
    assert "asked customs for the manifest" in page and "<b>alice</b>" in page
    assert 'id="review-form"' in page
    missing = client.get("/ui/findings/999")
    assert missing.status_code == 404 and "No finding with id 999" in missing.text


def test_document_page_links_findings(client: TestClient) -> None:
    findings = client.app.state.sw.findings  # type: ignore[attr-defined]
    fid = seed_finding(findings)
    doc_id = findings.get_finding(fid).document["id"]
    page = client.get(f"/ui/documents/{doc_id}").text
    assert "Sedans for Pyongyang" in page and '<mark class="ev"' in page
    assert f'<a class="evlink" href="/ui/findings/{fid}">' in page
    assert client.get("/ui/documents/999").status_code == 404


def test_screen_and_entity_pages(client: TestClient) -> None:
    page = client.get("/ui/screen", params={"name": "Ivan Petrovsky", "birth_date": "1961"}).text
    assert 'href="/ui/entities/test_a-P1"' in page and "threshold" in page
    assert "No list entry" in client.get("/ui/screen", params={"name": "Zzyzx Qwv"}).text
    entity = client.get("/ui/entities/test_a-P1").text
    assert "Ivan Sergeyevich Petrovsky" in entity and "1961-03-14" in entity
    assert client.get("/ui/entities/nope").status_code == 404


def test_analyze_form_refuses_empty_and_bad_dates(client: TestClient) -> None:
    assert "<textarea" in client.get("/ui/analyze").text
    empty = client.post("/ui/analyze", data={"text": "  "})
    assert empty.status_code == 422 and "Paste a report" in empty.text
    bad = client.post("/ui/analyze", data={"text": "x", "published": "Feb 2024"})
    assert bad.status_code == 422 and "2024-02-20" in bad.text


def test_key_page_when_reading_needs_a_key(settings: Settings, loaded_store: SQLiteStore) -> None:
    from sanctionwatch.api.app import create_app

    closed = settings.model_copy(update={"require_key": True})
    with TestClient(create_app(closed, loaded_store), follow_redirects=False) as client:
        resp = client.get("/ui/")
        assert resp.status_code == 303 and resp.headers["location"].startswith("/ui/key")
        bad = client.post("/ui/key", data={"key": "wrong", "next": "/ui/"})
        assert bad.status_code == 401 and "not valid" in bad.text
        good = client.post("/ui/key", data={"key": ALICE_KEY, "next": "//evil.example/"})
        assert good.status_code == 303 and good.headers["location"] == "/ui/"
        assert "httponly" in good.headers["set-cookie"].lower()
        assert client.get("/ui/").status_code == 200
        assert client.get("/findings").status_code == 200  # the cookie reads the API too


def test_upload_an_html_report(client: TestClient) -> None:
    from tests.api.api_support import REPORT

    html = f"<html><head><title>Gift</title></head><body><p>{REPORT}</p></body></html>"
    files = {"upload": ("gift.html", html.encode(), "text/html")}
    resp = client.post(
        "/ui/analyze", data={"published": "2024-02-20"}, files=files, follow_redirects=False
    )
    assert resp.status_code == 303, resp.text
    page = client.get(resp.headers["location"]).text
    assert "gift.html" in page and "Aurus Senat" in page and "<mark" in page
    assert "<p>" not in page.split('class="doctext"')[1]  # the text of the page, not its HTML
    empty = {"upload": ("e.html", b"<html><body> </body></html>", "text/html")}
    refused = client.post("/ui/analyze", files=empty)
    assert refused.status_code == 422 and "no text" in refused.text
    binary = {"upload": ("x.txt", b"\xff\xfe\x00bad", "text/plain")}
    assert client.post("/ui/analyze", files=binary).status_code == 422


def test_inbox_leaves_out_suppressed_findings_unless_asked(client: TestClient) -> None:
    findings = client.app.state.sw.findings  # type: ignore[attr-defined]
    first = seed_finding(findings)
    findings.review(first, "dismiss", "alice", reason="another company of that name")
    again = seed_finding(findings, TEXT + " Repeated by a second outlet.")
    assert findings.get_finding(again).status == "suppressed"
    inbox = client.get("/ui/").text
    assert f'href="/ui/findings/{again}"' not in inbox and f'href="/ui/findings/{first}"' in inbox
    assert re.search(r"suppressed <b>1</b>", inbox)
    shown = client.get("/ui/?status=suppressed").text
    assert f'href="/ui/findings/{again}"' in shown
