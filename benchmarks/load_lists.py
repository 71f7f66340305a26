"""Time parsing and loading of every official list file, and of all of them together.

Usage: python benchmarks/load_lists.py [LISTS_DIR]

Prints, per file: parse time, store write time, entries and entities per second; then the
total for loading the whole folder into a fresh on-disk store. Run on one core with
``taskset -c 0`` to compare with the "well under a minute on one core" target.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from sanctionwatch.lists.load import parse_file, plan_folder, sha256_file
from sanctionwatch.store.base import NewVersion
from sanctionwatch.store.sqlite import SQLiteStore

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "lists"


def main() -> None:
    folder = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(os.environ.get("SANCTIONWATCH_LISTS_DIR") or DEFAULT)
    )
    todo, _ = plan_folder(folder)
    print(f"{'file':52} {'entries':>8} {'parse s':>8} {'write s':>8} {'entries/s':>10}")
    total_start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        for path, fmt in todo:
            t0 = time.perf_counter()
            ctx = parse_file(path, fmt)
            t1 = time.perf_counter()
            store.add_version(
                NewVersion(
                    ctx.dataset,
                    ctx.published,
                    str(path),
                    sha256_file(path),
                    fmt.name,
                    ctx.entries,
                    list(ctx.entities.values()),
                    ctx.issues,
                )
            )
            t2 = time.perf_counter()
            name = str(path.relative_to(folder))
            rate = ctx.entries / (t1 - t0) if t1 > t0 else 0.0
            print(f"{name:52} {ctx.entries:>8} {t1 - t0:>8.2f} {t2 - t1:>8.2f} {rate:>10.0f}")
        store.close()
    total = time.perf_counter() - total_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"all {len(todo)} files parsed and stored in {total:.1f} s; peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
