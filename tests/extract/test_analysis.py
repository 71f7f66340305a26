"""The bundled example end to end, and the JSON contract of ``analyze --format json``."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.exc import InputError
from sanctionwatch.extract import analyze_text
from sanctionwatch.settings import get_settings

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "aurus-2024-02-20.txt"

EVENT_KEYS = {
    "id", "kind", "giver", "recipient", "goods", "date", "origin", "destination", "status",
    "evidence",
}  # fmt: skip
PARTY_KEYS = {"text", "name", "country", "matches"}


@pytest.fixture(scope="module")
def result() -> dict:
    text = EXAMPLE.read_text(encoding="utf-8")
    return analyze_text(text, published="2024-02-20", title="Aurus", source="example").to_dict()


def test_three_transfers_with_countries_goods_dates_and_statuses(result: dict) -> None:
    found = [
        (e["origin"], e["destination"], e["goods"][0]["hs"][0][:4], e["date"], e["status"])
        for e in result["events"]
    ]
    assert found == [
        ("RU", "KP", "8703", "2024-02-18", "actual"),
        ("KP", "RU", "9306", None, "actual"),
        ("NL", "KP", "8703", "2018", "actual"),
    ]


def test_parties_resolved_by_name_and_role(result: dict) -> None:
    gift = result["events"][0]
    assert gift["giver"]["name"] == "Vladimir Putin"
    assert gift["recipient"]["name"] == "Kim Jong Un"


def test_no_event_for_showing_or_looking(result: dict) -> None:
    quoted = " ".join(ev["text"] for e in result["events"] for ev in e["evidence"])
    assert "walked him around" not in quoted
    assert "look inside" not in quoted


def test_evidence_offsets_cut_whole_sentences(result: dict) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for event in result["events"]:
        for ev in event["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
            assert ev["text"][-1] in ".!?" or text[ev["end"] :].startswith("\n")


def test_json_is_the_design_contract(result: dict) -> None:
    assert set(result) == {"document", "events", "findings", "mentions"}
    assert result["document"] == {"title": "Aurus", "published": "2024-02-20", "source": "example"}
    for event in result["events"]:
        assert EVENT_KEYS <= set(event) and event["kind"] == "transfer"
        for side in ("giver", "recipient"):
            assert event[side] is None or set(event[side]) == PARTY_KEYS
        for goods in event["goods"]:
            assert {"text", "hs", "category", "value"} <= set(goods)
    assert [f["event"] for f in result["findings"]] == [e["id"] for e in result["events"]]
    for finding in result["findings"]:
        assert finding["verdict"] in ("violation", "possible", "none")
        assert set(finding) == {"event", "verdict", "rules", "matches"}


def test_the_gift_breaks_the_luxury_and_vehicle_bans(result: dict) -> None:
    gift = result["findings"][0]
    cited = {f"{r['instrument']} {r['provision']}" for r in gift["rules"]}
    assert gift["verdict"] == "violation"
    assert {"UNSCR 1718 (2006) para 8(a)(iii)", "UNSCR 2397 (2017) para 7"} <= cited


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        analyze_text(text)


def test_bad_publication_date_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not an ISO date"):
        analyze_text("Russia sold cars to Iran.", published="20/02/2024")


def test_text_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONWATCH_MAX_INPUT_BYTES", "2048")
    get_settings.cache_clear()
    try:
        with pytest.raises(InputError, match="larger than the limit"):
            analyze_text("x" * 3000)
    finally:
        get_settings.cache_clear()
