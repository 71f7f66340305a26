"""Load the HTTP API on loopback and compare it with screening in process.

Usage: python benchmarks/api_load.py [--home DIR] [--lists FILE ...] [--duration 10]
                                     [--concurrency 16] [--workers 1 2] [--batch 1 20]
                                     [--max-requests 50000]

Starts ``sanctionwatch serve`` on 127.0.0.1 (a free port) over a data home (by default a
temporary one loaded with the UN and OFAC SDN lists from ``../shared/data/lists``), once per
``--workers`` count, and for a bounded time sends many concurrent requests:
``POST /match/default?limit=5`` with ``--batch`` yente queries per request (names drawn from
the loaded lists, every third one misspelt) and ``POST /analyze`` (short reports written for
this benchmark, ``store=false`` so the store does not grow). Prints throughput and latency
percentiles per endpoint.

The same names are screened in process before and after the servers run (one thread,
limit 5, the query the API makes of a yente example), which gives the library's rate and
CPU per query; the summary compares each /match run with their mean: the share of the
in-process rate the API keeps, and the server's CPU per query against the library's. On a
shared machine (the load client uses the same cores) the CPU ratio says more about the cost
of the API than the wall-clock rate. The load client (load_client.py) sends pre-encoded
requests over keep-alive connections so that it takes little of the cores itself; the
server's CPU time and memory are read from /proc (server_process.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from load_client import LoadResult, encode_post, run_load
from server_process import free_port, process_cpu, process_rss_mb, start_server

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "lists"
DEFAULT_LISTS = [SHARED / "un" / "consolidated.xml", SHARED / "ofac" / "sdn.xml.gz"]
REPORTS = [
    "Moscow, 3 March. A trading house in Vladivostok shipped forty used trucks to a state "
    "company in Pyongyang last week, customs data seen by reporters showed.",
    "The foreign minister denied that any luxury watches had been sold to North Korean buyers, "
    "calling the claim an invention of hostile media.",
    "On 12 May the leader received a gift of two armoured limousines from a visiting "
    "delegation, state television reported the following day.",
    "A tanker delivered refined petroleum to Nampo in a ship-to-ship transfer in October, "
    "according to a panel of experts report published in 2024.",
]
LIMIT = 5
MAX_DURATION = 120.0
MAX_CONCURRENCY = 256
MAX_BATCH = 100  # the API's own limit of queries per /match request
WARM_ROUNDS = 20
WARM_S = 1.0
Names = list[tuple[str, str]]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, help="Data home with lists already loaded.")
    parser.add_argument("--lists", type=Path, nargs="*", default=DEFAULT_LISTS)
    parser.add_argument("--duration", type=float, default=10.0, help="Seconds per endpoint.")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--batch", type=int, nargs="+", default=[1, 20], help="Queries per request."
    )
    parser.add_argument("--max-requests", type=int, default=50000)
    args = parser.parse_args()
    args.duration = min(args.duration, MAX_DURATION)
    args.concurrency = max(1, min(args.concurrency, MAX_CONCURRENCY))
    args.batch = [max(1, min(b, MAX_BATCH)) for b in args.batch]
    return args


def prepare_home(args: argparse.Namespace, tmp: str) -> Path:
    """The data home to serve: the given one, or a temporary one loaded with the lists."""
    if args.home:
        return Path(args.home)
    from sanctionwatch.lists.load import load_file
    from sanctionwatch.store.sqlite import SQLiteStore

    home = Path(tmp) / "home"
    store = SQLiteStore(home / "store.db")
    for path in args.lists:
        started = time.perf_counter()
        result = load_file(path, store)
        print(
            f"loaded {path.name}: {result.version.entries} entries "
            f"in {time.perf_counter() - started:.1f}s"
        )
    store.close()
    return home


def sample_names(home: Path, count: int = 300) -> Names:
    """(schema, name) pairs from the loaded lists; every third one misspelt."""
    from sanctionwatch.store.sqlite import SQLiteStore

    store = SQLiteStore(home / "store.db")
    rows = store.db.execute(
        "SELECT schema, caption FROM entities ORDER BY random() LIMIT ?", (count,)
    ).fetchall()
    store.close()
    rng = random.Random(7)
    out = []
    for n, (schema, caption) in enumerate(rows):
        name = str(caption).strip()
        if n % 3 == 0 and len(name) > 5:
            i = rng.randrange(1, len(name) - 1)
            name = name[:i] + name[i + 1 :]
        out.append((str(schema) if schema in ("Person", "Vessel") else "LegalEntity", name))
    return out


def in_process(home: Path, names: Names, duration: float) -> tuple[float, float]:
    """Screen the names in this process (one thread, limit 5) for ``duration`` seconds:
    returns (queries per second, CPU ms per query)."""
    os.environ["SANCTIONWATCH_HOME"] = str(home)
    from sanctionwatch.match import Query, get_matcher
    from sanctionwatch.settings import get_settings
    from sanctionwatch.store.sqlite import SQLiteStore

    get_settings.cache_clear()
    store = SQLiteStore(home / "store.db")
    matcher = get_matcher(store)
    for schema, name in names:  # warm caches as the server's warm-up does
        matcher.screen(Query(name=name, schema=schema), limit=LIMIT)
    done, cpu, started = 0, time.process_time(), time.perf_counter()
    while time.perf_counter() - started < duration:
        schema, name = names[done % len(names)]
        matcher.screen(Query(name=name, schema=schema), limit=LIMIT)
        done += 1
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    store.close()
    return done / elapsed, cpu * 1000 / done


def warm(port: int, requests: list[list[bytes]], workers: int) -> None:
    """Let every worker build its index and analysis pipeline before anything is timed.

    Rounds of new connections (which the kernel spreads over the workers) until a round's
    slowest answer is quick: a worker that has not built them yet takes seconds."""
    for reqs in requests:
        for _ in range(WARM_ROUNDS):
            result = run_load(port, reqs, 4 * workers, 600.0, 8 * workers)
            if set(result.statuses) != {200}:
                raise SystemExit(f"warm-up requests failed: {dict(result.statuses)}")
            if max(result.latencies) < WARM_S:
                break


def match_requests(host: str, names: Names, batch: int) -> list[bytes]:
    """One pre-encoded /match request per name, each with ``batch`` consecutive names."""
    out = []
    for n in range(len(names)):
        queries = {}
        for j in range(batch):
            schema, name = names[(n * batch + j) % len(names)]
            queries[f"q{j}"] = {"schema": schema, "properties": {"name": [name]}}
        out.append(encode_post(host, f"/match/default?limit={LIMIT}", {"queries": queries}))
    return out


def analyze_requests(host: str) -> list[bytes]:
    body = [{"text": text, "published": "2024-05-20"} for text in REPORTS]
    return [encode_post(host, "/analyze?store=false", b) for b in body]


def timed_run(
    proc: subprocess.Popen[bytes], port: int, requests: list[bytes], args: argparse.Namespace
) -> tuple[LoadResult, float, float]:
    """The load result, the server's CPU seconds and the load client's CPU seconds."""
    server, client = process_cpu(proc.pid), time.process_time()
    result = run_load(port, requests, args.concurrency, args.duration, args.max_requests)
    return result, process_cpu(proc.pid) - server, time.process_time() - client


def report(label: str, result: LoadResult, queries: int = 1) -> float:
    """Print throughput and latency percentiles; returns queries per second."""
    if not result.latencies:
        print(f"{label:28} no requests completed  status {dict(result.statuses)}")
        return 0.0
    ms = sorted(x * 1000 for x in result.latencies)
    pct = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    rate = len(ms) / result.elapsed
    print(
        f"{label:28} {len(ms):6d} req {rate:7.1f} req/s {rate * queries:7.1f} q/s"
        f"   p50 {pct[49]:6.1f}  p90 {pct[89]:6.1f}  p99 {pct[98]:6.1f}  max {ms[-1]:6.1f} ms"
        f"  status {dict(result.statuses)}"
    )
    return rate * queries


def run_workers(
    workers: int, home: Path, names: Names, args: argparse.Namespace
) -> list[tuple[int, int, float, float, float]]:
    """Serve with ``workers`` processes and load each endpoint; returns for each batch size
    (workers, batch, queries per second, server CPU ms per query, server memory MB)."""
    port = free_port()
    host = f"127.0.0.1:{port}"
    log = Path(tempfile.gettempdir()) / f"sanctionwatch-api-load-{os.getpid()}.log"
    proc = start_server(home, port, workers, log)
    rows = []
    try:
        batches = {b: match_requests(host, names, b) for b in args.batch}
        warm(port, [*batches.values(), analyze_requests(host)], workers)
        memory = process_rss_mb(proc.pid)
        print(f"-- {workers} server worker(s), {memory:.0f} MB resident after warm-up")
        for batch, requests in batches.items():
            result, server, client = timed_run(proc, port, requests, args)
            rate = report(f"POST /match/default batch {batch}", result, batch)
            done = max(1, len(result.latencies))
            cpu = server * 1000 / (done * batch)
            print(
                f"{'':28} server CPU {cpu:.2f} ms per query;"
                f" load client CPU {client * 1000 / done:.2f} ms per request"
            )
            rows.append((workers, batch, rate, cpu, memory))
        result, server, client = timed_run(proc, port, analyze_requests(host), args)
        report("POST /analyze", result)
        done = max(1, len(result.latencies))
        print(f"{'':28} server CPU {server * 1000 / done:.1f} ms per request")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    errors = [line for line in log.read_text().splitlines() if is_error_line(line)]
    log.unlink()
    print(f"{'':28} server log: {len(errors)} error line(s)", *errors[:5], sep="\n  ")
    return rows


def is_error_line(line: str) -> bool:
    """Whether a server log line (JSON, one object per line) is at level error or above."""
    try:
        data = json.loads(line)
    except ValueError:
        return "error" in line.lower()
    return isinstance(data, dict) and data.get("level") in ("error", "critical")


def print_summary(
    rows: list[tuple[int, int, float, float, float]], local: tuple[float, float]
) -> None:
    print(f"in-process (mean): {local[0]:.0f} q/s, {local[1]:.2f} ms CPU per query", end="")
    print(f" (1 thread, limit {LIMIT})")
    print("workers batch     q/s  API/in-process   server CPU ms/q  CPU ratio  server MB")
    for workers, batch, rate, cpu, memory in rows:
        print(
            f"{workers:7d} {batch:5d} {rate:7.0f} {rate / local[0]:15.0%}"
            f" {cpu:17.2f} {cpu / local[1]:9.2f}x {memory:10.0f}"
        )


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = prepare_home(args, tmp)
        names = sample_names(home)
        if not names:
            raise SystemExit(f"no list entities in {home}; load lists first")
        print(
            f"{len(names)} query names; {args.concurrency} concurrent connections; "
            f"{args.duration:.0f}s per endpoint; batches {args.batch}; workers {args.workers}"
        )
        # Measured before and after the servers, and averaged: the machine's load may change.
        before = in_process(home, names, min(args.duration, 10.0))
        print(f"in-process screen: {before[0]:.1f} q/s, CPU {before[1]:.2f} ms per query")
        rows = []
        for workers in args.workers:
            rows += run_workers(workers, home, names, args)
        after = in_process(home, names, min(args.duration, 10.0))
        print(f"\nin-process screen again: {after[0]:.1f} q/s, CPU {after[1]:.2f} ms per query")
        print_summary(rows, ((before[0] + after[0]) / 2, (before[1] + after[1]) / 2))


if __name__ == "__main__":
    main()
