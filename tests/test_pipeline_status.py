"""The status policy of the pipeline: what a denied, planned or hedged claim means for the verdict.

Every entry point (text, records) goes through ``process_events``, so the policy is tested there.
"""

from __future__ import annotations

import pytest

from sanctionwatch.model.event import Goods, Party, TransferEvent
from sanctionwatch.pipeline import process_events


def _event(status: str, goods: str = "Aurus Senat limousine", **kw: object) -> TransferEvent:
    return TransferEvent(
        "e1",
        giver=Party("Russia", country="RU", kind="state"),
        recipient=Party("North Korea", country="KP", kind="state"),
        goods=[Goods(goods)],
        date=kw.pop("date", "2024-02-18"),  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def test_an_actual_transfer_keeps_its_violation() -> None:
    [finding] = process_events([_event("actual")])
    assert finding.verdict == "violation"
    assert all("At most possible" not in h.why for h in finding.rules)


@pytest.mark.parametrize("status", ["negated", "hypothetical"])
def test_denied_or_planned_transfers_break_nothing_but_keep_the_rules_as_context(
    status: str,
) -> None:
    [finding] = process_events([_event(status)])
    assert finding.verdict == "none"
    assert {h.id for h in finding.rules} >= {"un-kp-luxury", "un-kp-2397-supply"}
    for hit in finding.rules:
        assert hit.certainty == "none"
        assert hit.why.startswith("Not broken:") and "Had it taken place" in hit.why
        assert hit.to_dict()["certainty"] == "none"


def test_a_reported_claim_is_at_most_possible_and_says_why() -> None:
    [finding] = process_events([_event("reported")])
    assert finding.verdict == "possible"
    assert finding.rules and all(h.certainty == "possible" for h in finding.rules)
    assert all("not established" in h.why for h in finding.rules)


def test_a_reported_claim_before_the_rules_were_in_force_is_none() -> None:
    [finding] = process_events([_event("reported", date="2005-06-01")])
    assert finding.verdict == "none" and not finding.rules


def test_a_negated_lawful_transfer_stays_none_without_rules() -> None:
    event = _event("negated")
    event.recipient = Party("France", country="FR", kind="state")
    [finding] = process_events([event])
    assert finding.verdict == "none" and not finding.rules


# ---------------------------------------------------------------- publication date


def test_an_undated_claim_is_taken_as_recent_to_its_report() -> None:
    [dated] = process_events([_event("actual", date=None)], published="2024-02-20")
    assert dated.verdict == "violation"
    assert "gives no date" in next(h for h in dated.rules if h.id == "un-kp-luxury").why
    [undated] = process_events([_event("actual", date=None)])
    assert undated.verdict == "possible"


def test_no_event_is_later_than_its_report() -> None:
    """A 2017 report cannot tell of refined petroleum supplied under the 2018 cap."""
    event = _event("actual", goods="diesel", date="2017")
    [finding] = process_events([event], published="2017-10-30")
    assert "un-kp-refined-2397" not in {h.id for h in finding.rules}
    [later] = process_events(
        [_event("actual", goods="diesel", date="2018")], published="2018-06-01"
    )
    assert "un-kp-refined-2397" in {h.id for h in later.rules}


def test_an_undated_claim_near_a_rule_start_stays_possible() -> None:
    """Published within a year of UNSCR 2397: the window straddles its start."""
    [finding] = process_events([_event("actual", date=None)], published="2018-03-01")
    hit = next(h for h in finding.rules if h.id == "un-kp-2397-supply")
    assert hit.certainty == "possible" and "gives no date" in hit.why


# ---------------------------------------------------------------- ship-to-ship cue


def test_a_ship_to_ship_cue_in_the_goods_words_sets_the_mode() -> None:
    event = _event("actual", goods="diesel handed over ship-to-ship", date="2019-03")
    [finding] = process_events([event])
    assert event.transfer_mode == "ship-to-ship"
    assert event.to_dict()["transfer_mode"] == "ship-to-ship"
    assert "un-kp-ship-to-ship" in {h.id for h in finding.rules if h.certainty == "violation"}
    plain = _event("actual", goods="diesel", date="2019-03")
    [without] = process_events([plain])
    assert plain.transfer_mode is None and "transfer_mode" not in plain.to_dict()
    assert "un-kp-ship-to-ship" not in {h.id for h in without.rules}


def test_an_exempt_hit_stays_exempt_whatever_the_status() -> None:
    event = _event("reported", goods="water pumps", date="2022-12-05")
    event.exemptions = ["committee-25"]
    [finding] = process_events([event])
    para7 = next(h for h in finding.rules if h.id == "un-kp-2397-supply")
    assert para7.certainty == "none" and para7.why.startswith("Exempt:")
    assert "At most possible" not in para7.why
