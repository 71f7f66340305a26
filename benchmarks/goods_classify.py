"""Cost of one uncached goods classification, by the path it takes.

Run: .venv/bin/python benchmarks/goods_classify.py [N]. Each description gets a distinct
suffix so that the cache never answers; prints microseconds per call for lexicon hits,
description searches (words the lexicon lacks) and refusals (text that names no goods).
"""

from __future__ import annotations

import sys
import time

from sanctionwatch.goods.classify import _classify

PATHS = {
    "lexicon": ["Aurus Senat limousine", "frozen crab", "Rolex watches", "refined petroleum",
                "MiG-21s", "Pungsan hunting dogs", "cars, pianos and cognac", "Lexus LX 570"],
    "search": ["walking sticks", "artificial flowers", "sun umbrellas", "glass beads"],
    "refused": ["White House", "monitors add", "papers only", "Central Zoo"],
}  # fmt: skip


def time_path(words: list[str], n: int) -> float:
    """Microseconds per uncached call over ``n`` calls."""
    started = time.perf_counter()
    for i in range(n):
        _classify(f"{i} {words[i % len(words)]}")
    return (time.perf_counter() - started) / n * 1e6


def main(n: int) -> None:
    _classify("warm up the lexicon and the nomenclature")
    for name, words in PATHS.items():
        print(f"classify {name:8} {time_path(words, n):8.1f} us/call (uncached, n={n})")
    _classify.cache_clear()
    _classify("Rolex watches")
    started = time.perf_counter()
    for _ in range(n):
        _classify("Rolex watches")
    cached = (time.perf_counter() - started) / n * 1e6
    print(f"classify cached   {cached:8.2f} us/call")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
