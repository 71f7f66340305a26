"""Throughput of classification and rule evaluation on generated transfer records.

Run: .venv/bin/python benchmarks/check_records.py [N]. Prints records per second for the
classifier (uncached words) and for the whole check of structured records without screening.
"""

from __future__ import annotations

import itertools
import sys
import time

from sanctionwatch.check import check_rows
from sanctionwatch.goods.classify import _classify

GOODS = ["Aurus Senat limousine", "frozen crab", "Rolex", "refined petroleum", "anthracite",
         "used tanker", "pianos", "textiles", "ballistic missiles", "sewing machines",
         "Hennessy XO", "vehicle", "iron ore", "Lexus LX 570", "jet fuel"]  # fmt: skip
COUNTRIES = [("RU", "KP"), ("KP", "CN"), ("DE", "RU"), ("DE", "FR"), ("US", "BY")]


def main(n: int) -> None:
    started = time.perf_counter()
    for i in range(n):
        _classify(f"{GOODS[i % len(GOODS)]} lot {i}")
    took = time.perf_counter() - started
    print(f"classify: {n} descriptions in {took:.2f}s ({n / took:,.0f}/s)")
    rows = []
    for i, (goods, (a, b)) in enumerate(zip(itertools.cycle(GOODS), itertools.cycle(COUNTRIES))):
        if i == n:
            break
        rows.append((i + 1, {"id": f"r{i}", "goods": goods, "giver_country": a,
                             "recipient_country": b, "date": "2023-06-01", "value": "1000",
                             "currency": "EUR"}))  # fmt: skip
    started = time.perf_counter()
    verdicts: dict[str, int] = {}
    for out in check_rows(rows):
        verdict = out["findings"][0]["verdict"]
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    took = time.perf_counter() - started
    print(f"check: {n} records in {took:.2f}s ({n / took:,.0f}/s); verdicts {verdicts}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
