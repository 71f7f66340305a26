"""Blocking: summing key weights per name gives the same names and sums on both paths."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.match.candidates import _sum_weights

postings = st.lists(
    st.sets(st.integers(0, 300), min_size=1, max_size=60).map(
        lambda s: np.asarray(sorted(s), dtype=np.int32)
    ),
    min_size=2,
    max_size=5,
)


@given(postings, st.lists(st.floats(1.0, 12.0), min_size=5, max_size=5))
def test_dense_and_sorted_sums_agree(found: list[np.ndarray], weights: list[float]) -> None:
    weights = weights[: len(found)]
    sparse_ids, sparse_totals = _sum_weights(found, weights, 10**9)  # sorts the hits
    dense_ids, dense_totals = _sum_weights(found, weights, 1)  # one sum per name
    assert sparse_ids.tolist() == dense_ids.tolist()
    assert sparse_totals.tolist() == dense_totals.tolist()
    expected = {int(i) for p in found for i in p}
    assert set(dense_ids.tolist()) == expected
