"""Many clients at once on the live server: analyses and reviews all succeed, none is lost."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.api.api_support import ALICE_KEY, REPORT


def test_concurrent_analyses_and_reviews(live_server: str) -> None:
    texts = [f"{REPORT} Report number {n} of the series." for n in range(12)]
    with httpx.Client(base_url=live_server, timeout=60) as client:

        def analyze(text: str) -> dict[str, object]:
            resp = client.post("/analyze", json={"text": text, "published": "2024-02-20"})
            assert resp.status_code == 200, resp.text
            return dict(resp.json()["stored"])

        with ThreadPoolExecutor(max_workers=6) as pool:
            stored = list(pool.map(analyze, texts))
        ids = [f["id"] for s in stored for f in s["findings"]]  # type: ignore[attr-defined]
        assert len(ids) == len(set(ids)) >= len(texts)
        assert client.get("/findings?limit=500").json()["total"] == len(ids)

        def review(fid: int) -> int:
            body = {"action": "note", "note": f"seen {fid}"}
            headers = {"X-API-Key": ALICE_KEY}
            return client.post(f"/findings/{fid}/review", json=body, headers=headers).status_code

        with ThreadPoolExecutor(max_workers=6) as pool:
            assert set(pool.map(review, ids)) == {200}
        for fid in ids[:3]:
            trail = client.get(f"/findings/{fid}/audit").json()["items"]
            assert [e["action"] for e in trail] == ["create", "note"]
