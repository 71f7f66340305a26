"""The reference case of design.md, end to end over the real lists: every expected finding.

The bundled report must yield a violation for the car (RU -> KP, 2024-02-18), for the
North Korean-supplied missiles (KP -> RU, the arms embargo) and for the Maybachs (NL -> KP,
2018), no transfer for showing or looking at a car, and the listed parties named in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionwatch.extract import analyze_text
from sanctionwatch.lists.load import load_file
from sanctionwatch.settings import get_settings
from sanctionwatch.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "aurus-2024-02-20.txt"


@pytest.fixture(scope="module")
def result(
    lists_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, object]]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("SANCTIONWATCH_HOME", str(home))
    get_settings.cache_clear()
    store = SQLiteStore(home / "store.db")
    for name in ("ofac/sdn.xml.gz", "un/consolidated.xml"):
        load_file(lists_dir / name, store)
    text = EXAMPLE.read_text(encoding="utf-8")
    yield analyze_text(text, published="2024-02-20", store=store).to_dict()
    store.close()
    monkeypatch.undo()
    get_settings.cache_clear()


def cited(finding: dict[str, object]) -> set[str]:
    rules = finding["rules"]
    assert isinstance(rules, list)
    return {f"{r['instrument']} {r['provision']}" for r in rules if r["certainty"] != "none"}


def test_three_violations_with_their_rules(result: dict) -> None:
    flows = [(e["origin"], e["destination"]) for e in result["events"]]
    assert flows == [("RU", "KP"), ("KP", "RU"), ("NL", "KP")]
    car, missiles, maybachs = result["findings"]
    assert [f["verdict"] for f in (car, missiles, maybachs)] == ["violation"] * 3
    assert {"UNSCR 1718 (2006) para 8(a)(iii)", "UNSCR 2397 (2017) para 7"} <= cited(car)
    assert "UNSCR 1718 (2006) para 8(b)" in cited(missiles)
    assert "UNSCR 2397 (2017) para 7" in cited(maybachs)
    assert result["events"][0]["date"] == "2024-02-18"
    assert result["events"][2]["date"] == "2018"


def test_listed_parties_are_mentioned(result: dict) -> None:
    named = {m["text"]: m["matches"][0]["entity_id"] for m in result["mentions"]}
    assert named.get("Kim Jong Un") == "us_ofac_sdn-20157"
    assert named.get("Kim Yo Jong", "").startswith("us_ofac_sdn-")
    assert any(text.endswith("Putin") for text in named)


def test_parties_carry_their_list_matches(result: dict) -> None:
    recipient = result["events"][0]["recipient"]
    assert recipient["country"] == "KP"
    assert "us_ofac_sdn-20157" in {m["entity_id"] for m in recipient["matches"]}
