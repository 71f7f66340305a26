"""Load the HTTP API on loopback and compare it with screening in process.

Usage: python benchmarks/api_load.py [--home DIR] [--lists FILE ...] [--duration 10]
                                     [--concurrency 16] [--workers 1] [--max-requests 20000]

Starts ``sanctionwatch serve`` on 127.0.0.1 (a free port) over a data home (by default a
temporary one loaded with the UN and OFAC SDN lists from ``../shared/data/lists``), then for a
bounded time sends many concurrent requests: ``POST /match/default`` (one yente query per
request, names drawn from the loaded lists and misspelt) and ``POST /analyze`` (short reports
written for this benchmark, stored with ``store=false`` so the store does not grow). Prints
throughput and latency percentiles per endpoint, and the same queries screened in process
(one thread), so the cost of HTTP, JSON and the server is visible. The server's CPU time per
request is printed too: on a busy machine (the load client shares the cores) it says more
than the wall-clock rate.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

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
MAX_DURATION = 120.0
MAX_CONCURRENCY = 256


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, help="Data home with lists already loaded.")
    parser.add_argument("--lists", type=Path, nargs="*", default=DEFAULT_LISTS)
    parser.add_argument("--duration", type=float, default=10.0, help="Seconds per endpoint.")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--max-requests", type=int, default=20000)
    args = parser.parse_args()
    args.duration = min(args.duration, MAX_DURATION)
    args.concurrency = max(1, min(args.concurrency, MAX_CONCURRENCY))
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


def sample_names(home: Path, count: int = 300) -> list[tuple[str, str]]:
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
        name = str(caption)
        if n % 3 == 0 and len(name) > 5:
            i = rng.randrange(1, len(name) - 1)
            name = name[:i] + name[i + 1 :]
        out.append((str(schema) if schema in ("Person", "Vessel") else "LegalEntity", name))
    return out


def in_process(home: Path, names: list[tuple[str, str]], duration: float) -> list[float]:
    """Latencies of screening the names in this process, one thread, for ``duration``."""
    os.environ["SANCTIONWATCH_HOME"] = str(home)
    from sanctionwatch.match import Query, get_matcher
    from sanctionwatch.settings import get_settings
    from sanctionwatch.store.sqlite import SQLiteStore

    get_settings.cache_clear()
    store = SQLiteStore(home / "store.db")
    matcher = get_matcher(store)
    latencies: list[float] = []
    end = time.perf_counter() + duration
    while time.perf_counter() < end:
        schema, name = names[len(latencies) % len(names)]
        started = time.perf_counter()
        matcher.screen(Query(name=name, schema=schema), limit=5)
        latencies.append(time.perf_counter() - started)
    store.close()
    return latencies


def process_cpu(pid: int) -> float:
    """CPU seconds used so far by a process and its direct children (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(home: Path, port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SANCTIONWATCH_HOME": str(home)}
    env.pop("SANCTIONWATCH_DATABASE_URL", None)
    exe = Path(sys.executable).parent / "sanctionwatch"
    cmd = [
        str(exe),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-format",
        "json",
    ]
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.terminate()
    raise SystemExit("the server did not start")


async def drive(
    base: str, make: Callable[[int], tuple[str, dict[str, Any]]], args: argparse.Namespace
) -> tuple[list[float], Counter[int], float]:
    """Send requests from ``concurrency`` tasks until the time or request budget runs out."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    counter = iter(range(args.max_requests))
    limits = httpx.Limits(max_connections=args.concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        started = time.perf_counter()
        end = started + args.duration

        async def worker() -> None:
            for n in counter:
                if time.perf_counter() > end:
                    return
                path, body = make(n)
                t0 = time.perf_counter()
                try:
                    resp = await client.post(path, json=body)
                except httpx.TransportError:
                    statuses[0] += 1  # connection failed: counted, not timed
                    continue
                latencies.append(time.perf_counter() - t0)
                statuses[resp.status_code] += 1

        await asyncio.gather(*(worker() for _ in range(args.concurrency)))
        elapsed = time.perf_counter() - started
    return latencies, statuses, elapsed


def warm(
    base: str, makers: list[Callable[[int], tuple[str, dict[str, Any]]]], workers: int
) -> None:
    """Let every worker build its index and gazetteers before anything is timed."""

    async def run() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=600) as client:
            for make in makers:
                await asyncio.gather(
                    *(client.post(make(n)[0], json=make(n)[1]) for n in range(4 * workers))
                )

    asyncio.run(run())


def report(label: str, latencies: list[float], elapsed: float, extra: str = "") -> float:
    if not latencies:
        print(f"{label:26} no requests completed")
        return 0.0
    ms = sorted(x * 1000 for x in latencies)
    pct = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    rate = len(ms) / elapsed
    print(
        f"{label:26} {len(ms):7d} req {rate:9.1f}/s   p50 {pct[49]:7.1f}  p90 {pct[89]:7.1f}"
        f"  p99 {pct[98]:7.1f}  max {ms[-1]:7.1f} ms  {extra}"
    )
    return rate


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = prepare_home(args, tmp)
        names = sample_names(home)
        if not names:
            raise SystemExit(f"no list entities in {home}; load lists first")
        print(
            f"{len(names)} query names; {args.concurrency} concurrent clients; "
            f"{args.duration:.0f}s per endpoint; {args.workers} server worker(s)"
        )
        local = in_process(home, names, min(args.duration, 10.0))
        local_rate = report("in-process screen", local, sum(local))

        def match(n: int) -> tuple[str, dict[str, Any]]:
            schema, name = names[n % len(names)]
            query = {"schema": schema, "properties": {"name": [name]}}
            return "/match/default?limit=5", {"queries": {"q": query}}

        def analyze(n: int) -> tuple[str, dict[str, Any]]:
            return "/analyze?store=false", {
                "text": REPORTS[n % len(REPORTS)],
                "published": "2024-05-20",
            }

        port = free_port()
        log = Path(tmp) / "server.log"
        proc = start_server(home, port, args.workers, log)
        base = f"http://127.0.0.1:{port}"
        try:
            warm(base, [match, analyze], args.workers)
            for label, make in (("POST /match/default", match), ("POST /analyze", analyze)):
                cpu, own = process_cpu(proc.pid), time.process_time()
                lat, statuses, elapsed = asyncio.run(drive(base, make, args))
                cpu_ms = (process_cpu(proc.pid) - cpu) * 1000 / max(1, len(lat))
                own_ms = (time.process_time() - own) * 1000 / max(1, len(lat))
                rate = report(label, lat, elapsed, f"status {dict(statuses)}")
                print(
                    f"{'':26} server CPU {cpu_ms:.1f} ms per request "
                    f"(load client CPU {own_ms:.1f} ms, same cores)"
                )
                if make is match and local_rate:
                    print(
                        f"{'':26} {rate / local_rate:.0%} of the in-process screening rate; "
                        f"in-process CPU {1000 / local_rate:.1f} ms per query"
                    )
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            errors = [line for line in log.read_text().splitlines() if '"level": "error"' in line]
            print(f"server log: {len(errors)} error line(s)", *errors[:5], sep="\n  ")


if __name__ == "__main__":
    main()
