"""The registry of screening algorithms: an explicit list and lookup by versioned name."""

from __future__ import annotations

from sanctionwatch.exc import NotFoundError
from sanctionwatch.match.algorithms.base import Algorithm, PreparedQuery
from sanctionwatch.match.algorithms.sw_v1 import SwV1

ALGORITHMS: tuple[Algorithm, ...] = (SwV1(),)


def get_algorithm(name: str) -> Algorithm:
    """The algorithm registered under ``name``, e.g. "sw-v1"."""
    for algorithm in ALGORITHMS:
        if algorithm.NAME == name:
            return algorithm
    known = ", ".join(a.NAME for a in ALGORITHMS)
    raise NotFoundError(f"Unknown screening algorithm {name!r}; known: {known}", name=name)


__all__ = ["ALGORITHMS", "Algorithm", "PreparedQuery", "get_algorithm"]
