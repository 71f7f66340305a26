"""Screening speed: index build, memory, latency percentiles, batch throughput, 1M names.

Prints, against all the lists in the shared data folder loaded together: the index build
time, its memory and on-disk size and load time, single-query latency p50/p95/p99, batch
throughput on all cores, then the same at about one million synthetic name variants, and the
cost of scoring the same candidates with nomenklatura's logic-v1/logic-v2 measured in this
run (the ratio says how many times slower a query is when its candidates are scored that way).

Run: ``.venv/bin/python benchmarks/screening_bench.py [--queries 3000] [--million 1000000]``
(``--million 0 --reference-queries 0`` skips the synthetic index and nomenklatura).
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screening_common import NomenklaturaScorer, load_entities, timed  # noqa: E402

from sanctionwatch.match import (  # noqa: E402
    Matcher,
    Query,
    ScreeningIndex,
    screen_many,
    screen_many_dicts,
)
from sanctionwatch.match.cache import load_index, save_index  # noqa: E402
from sanctionwatch.match.records import EntityRecord  # noqa: E402
from sanctionwatch.model.entity import Entity  # noqa: E402


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def make_queries(entities: list[Entity], count: int, rng: random.Random) -> list[Query]:
    """A third exact list names, a third misspelt or reordered, a third names not listed."""
    names = [n for e in entities for n in e.names if n.isascii()]
    words = [w for n in rng.sample(names, min(len(names), 5000)) for w in n.split()]
    queries = []
    for i in range(count):
        name = rng.choice(names)
        if i % 3 == 1:
            parts = name.split()
            rng.shuffle(parts)
            chars = list(" ".join(parts))
            spot = rng.randrange(len(chars))
            chars[spot] = rng.choice("aeiouy")
            name = "".join(chars)
        elif i % 3 == 2:
            name = " ".join(rng.sample(words, 2 + rng.randrange(2)))
        queries.append(Query(name))
    return queries


def latencies(matcher: Matcher, queries: list[Query]) -> list[float]:
    for query in queries[:200]:  # warm the caches a server would have warm
        matcher.screen(query)
    out = []
    for query in queries:
        started = time.perf_counter()
        matcher.screen(query)
        out.append(time.perf_counter() - started)
    return out


def percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return (
        f"p50 {cuts[49] * 1000:.3f} ms  p95 {cuts[94] * 1000:.3f} ms  "
        f"p99 {cuts[98] * 1000:.3f} ms  mean {statistics.mean(values) * 1000:.3f} ms"
    )


def throughput(
    matcher: Matcher, queries: list[Query], processes: int, dicts: bool = False
) -> float:
    """Queries per second of a batch: results as ``Result`` objects, or with ``dicts`` as the
    JSON objects the batch writer needs (``screen_many_dicts``)."""
    screen = screen_many_dicts if dicts else screen_many
    started = time.perf_counter()
    count = sum(1 for _ in screen(matcher, queries, processes=processes, chunk_size=500))
    return count / (time.perf_counter() - started)


def synthetic_records(
    entities: list[Entity], target: int, rng: random.Random
) -> list[EntityRecord]:
    """About ``target`` names: list names with parts recombined across entries, four a record."""
    parts = [n.split() for e in entities for n in e.names if n.isascii() and " " in n]
    records = []
    for number in range(target // 4):
        base = rng.choice(parts)
        names = []
        for _ in range(4):
            other = rng.choice(parts)
            names.append(
                " ".join(base[:-1] + other[-1:])
                if rng.random() < 0.5
                else " ".join(other[:1] + base[1:])
            )
        entity_id = f"synthetic-{number}"
        data = orjson.dumps(
            [entity_id, "Person", "synthetic", entity_id, [["name", n, None, None] for n in names]]
        )
        records.append(
            EntityRecord(
                entity_id,
                "synthetic",
                "Person",
                names[0],
                tuple(("name", n) for n in names),
                frozenset(),
                (),
                frozenset(),
                (),
                data,
            )
        )
    return records


def nomenklatura_cost(
    matcher: Matcher, entities: list[Entity], queries: list[Query], name: str
) -> tuple[float, float]:
    """Seconds per pair and per query (scoring the 10 candidates sanctionwatch returns)."""
    scorer = NomenklaturaScorer(name)
    scorer.warm_up(entities[0])
    by_id = {e.id: e for e in entities}
    pairs = 0
    started = time.perf_counter()
    for query in queries:
        q = scorer.query_entity(query)
        for result in matcher.screen(query, limit=10):
            scorer.score(q, by_id[result.entity_id])
            pairs += 1
    elapsed = time.perf_counter() - started
    return elapsed / max(pairs, 1), elapsed / len(queries)


def bench_lists(
    entities: list[Entity], args: argparse.Namespace, rng: random.Random
) -> tuple[Matcher, list[Query], list[float]]:
    before = rss_mb()
    started = time.perf_counter()
    index = ScreeningIndex.build(entities)
    build_seconds = time.perf_counter() - started
    gc.collect()
    print(
        f"index: {len(index.name_form)} names of {len(index)} entities built in "
        f"{build_seconds:.2f} s; memory +{rss_mb() - before:.0f} MB"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.pkl"
        _, save_seconds = timed(partial(save_index, index, path))
        loaded, load_seconds = timed(partial(load_index, path))
        assert loaded is not None
        print(
            f"index on disk: {path.stat().st_size / 1e6:.0f} MB, saved in "
            f"{save_seconds:.2f} s, loaded in {load_seconds:.2f} s"
        )
    matcher = Matcher(index)
    queries = make_queries(entities, args.queries, rng)
    times = latencies(matcher, queries)
    print(f"single query ({len(queries)} queries, limit 10): {percentiles(times)}")
    batch = make_queries(entities, args.batch, rng)
    cores = multiprocessing.cpu_count()
    print(
        f"batch: {throughput(matcher, batch, 1):.0f} queries/s on 1 process, "
        f"{throughput(matcher, batch, cores):.0f} queries/s on {cores} processes; as dicts "
        f"(batch writer): {throughput(matcher, batch, 1, True):.0f} queries/s on 1 process, "
        f"{throughput(matcher, batch, cores, True):.0f} queries/s on {cores} processes"
    )
    return matcher, queries, times


def bench_reference(
    matcher: Matcher, entities: list[Entity], queries: list[Query], times: list[float], count: int
) -> None:
    sample = queries[:count]
    if not sample:
        return
    sw_per_query = statistics.mean(times[:count])
    for name in ("logic-v1", "logic-v2"):
        per_pair, per_query = nomenklatura_cost(matcher, entities, sample, name)
        print(
            f"nomenklatura {name}: {per_pair * 1000:.3f} ms per pair, "
            f"{per_query * 1000:.2f} ms per query scoring its 10 candidates = "
            f"{per_query / sw_per_query:.0f}x the sanctionwatch query (retrieval + scoring "
            f"{sw_per_query * 1000:.3f} ms)"
        )


def bench_million(entities: list[Entity], target: int, rng: random.Random) -> None:
    before = rss_mb()
    records = synthetic_records(entities, target, rng)
    big, seconds = timed(partial(ScreeningIndex, records))
    print(
        f"synthetic: {len(big.name_form)} names of {len(big)} records indexed in "
        f"{seconds:.1f} s; memory +{rss_mb() - before:.0f} MB"
    )
    matcher = Matcher(big)
    queries = [
        Query(" ".join(n.split()[::-1]))
        for n in (rng.choice(r.names)[1] for r in rng.sample(records, 1000))
    ]
    queries += make_queries(entities, 2000, rng)
    print(f"single query at {len(big.name_form)} names: {percentiles(latencies(matcher, queries))}")
    cores = multiprocessing.cpu_count()
    print(
        f"batch at {len(big.name_form)} names: "
        f"{throughput(matcher, queries * 3, cores):.0f} queries/s on {cores} processes"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=30000)
    parser.add_argument("--million", type=int, default=1_000_000, help="synthetic names")
    parser.add_argument("--reference-queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    entities, parse_seconds = load_entities()
    print(f"lists: {len(entities)} entities parsed in {parse_seconds:.1f} s")
    matcher, queries, times = bench_lists(entities, args, rng)
    bench_reference(matcher, entities, queries, times, args.reference_queries)
    del matcher
    gc.unfreeze()
    gc.collect()
    if args.million:
        bench_million(entities, args.million, rng)


if __name__ == "__main__":
    main()
