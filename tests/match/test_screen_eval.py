"""A small run of the evaluation harness (benchmarks/screening_eval.py) as a test.

It derives labelled cases from the real lists and our own cross-script variants, scores them
with sw-v1 and nomenklatura's logic-v1, and holds sw-v1 to F1 floors measured with this
harness (a little below the measured figures, so that sampling noise does not fail it), and to
being clearly ahead of the reference on the cross-script cases.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.match import Matcher
from sanctionwatch.model.entity import Entity

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import screening_eval  # noqa: E402

#: F1 floors per slice (measured at 25 cases a slice, seed 7: see the report of this change).
FLOORS = {
    "cross-list": 0.85,
    "cross-list-hard": 0.75,
    "alias": 0.8,
    "cross-script-lists": 0.6,
    "cross-script-own": 0.85,
    "perturbed": 0.8,
}


@pytest.fixture(scope="module")
def figures(real_entities: list[Entity], real_matcher: Matcher) -> dict[str, Any]:
    pytest.importorskip("nomenklatura")
    cases = screening_eval.build_cases(real_entities, per_slice=25, seed=7)
    return screening_eval.evaluate(cases, real_entities, real_matcher, ["logic-v1"])


def test_every_slice_has_cases(figures: dict[str, Any]) -> None:
    ours = figures["sanctionwatch sw-v1"]
    assert set(ours) == set(screening_eval.SLICES)
    assert all(f["cases"] >= 20 for f in ours.values())


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_floor(figures: dict[str, Any], name: str) -> None:
    assert figures["sanctionwatch sw-v1"][name]["f1"] >= FLOORS[name]


def test_ahead_of_reference_on_cross_script(figures: dict[str, Any]) -> None:
    for name in ("cross-script-lists", "cross-script-own"):
        ours = figures["sanctionwatch sw-v1"][name]["f1"]
        theirs = figures["nomenklatura logic-v1"][name]["f1"]
        assert ours >= theirs + 0.1, (name, ours, theirs)


def test_not_behind_reference_anywhere(figures: dict[str, Any]) -> None:
    for name in screening_eval.SLICES:
        ours = figures["sanctionwatch sw-v1"][name]["f1"]
        theirs = figures["nomenklatura logic-v1"][name]["f1"]
        assert ours >= theirs - 0.02, (name, ours, theirs)
