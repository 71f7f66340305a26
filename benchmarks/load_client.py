"""A cheap HTTP/1.1 load client for benchmarks/api_load.py.

The load client shares the machine's cores with the server, so every millisecond it spends
is taken from the server. This one sends pre-encoded requests over keep-alive connections
(raw asyncio streams) and reads back only the status line, the ``Content-Length`` header
and that many bytes of body: far less work per request than a full HTTP client.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

import orjson


@dataclass
class LoadResult:
    """What one timed run measured."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    elapsed: float = 0.0


def encode_post(host: str, path: str, body: object) -> bytes:
    """A complete POST request with a JSON body, ready to write to a keep-alive socket."""
    data = orjson.dumps(body)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(data)}\r\n\r\n"
    )
    return head.encode() + data


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one response; returns its status (the body is read and dropped)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
            break
    if length:
        await reader.readexactly(length)
    return status


async def drive(
    port: int, requests: list[bytes], concurrency: int, duration: float, max_requests: int
) -> LoadResult:
    """Send the requests (in turn) from ``concurrency`` connections for ``duration`` seconds."""
    result = LoadResult()
    counter = iter(range(max_requests))
    started = time.perf_counter()
    end = started + duration

    async def connection() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for n in counter:
                if time.perf_counter() > end:
                    return
                t0 = time.perf_counter()
                writer.write(requests[n % len(requests)])
                try:
                    status = await read_response(reader)
                except (asyncio.IncompleteReadError, ConnectionError):
                    result.statuses[0] += 1  # connection lost: counted, not timed
                    return
                result.latencies.append(time.perf_counter() - t0)
                result.statuses[status] += 1
        finally:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(concurrency)))
    result.elapsed = time.perf_counter() - started
    return result


def run_load(
    port: int, requests: list[bytes], concurrency: int, duration: float, max_requests: int
) -> LoadResult:
    return asyncio.run(drive(port, requests, concurrency, duration, max_requests))
