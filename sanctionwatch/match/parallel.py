"""Batch screening on several processes.

The index is shared with the workers by fork, not copied through pipes. What comes back is
kept small, because the parent is a serial step that competes with the workers for the same
cores: a worker sends each result as a tuple holding the entity's number (the parent adds the
listed entity from its own index), or, for callers that only write JSON, the result's finished
``to_dict()`` so that the parent builds nothing at all.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from sanctionwatch.match.matcher import Matcher, decide
from sanctionwatch.match.query import Query
from sanctionwatch.match.types import Result

T = TypeVar("T")

_WORKER: dict[str, Matcher] = {}

#: What a worker sends back per result: entity number, score, match, explanation, features,
#: algorithm.
Compact = tuple[int, float, bool, str, dict[str, float], str]
Job = tuple[list[Query], int | None, float | None, str | None]


def _screen_chunk(job: Job) -> list[list[Compact]]:
    matcher = _WORKER["matcher"]
    queries, limit, threshold, algorithm = job
    out = []
    for query in queries:
        ranked, cut, name = matcher.rank(query, limit, threshold, algorithm)
        compact = []
        for score, entity in ranked:
            value, match, explanation = decide(score, cut)
            compact.append((entity, value, match, explanation, score.explanation.values(), name))
        out.append(compact)
    return out


def _screen_chunk_dicts(job: Job) -> list[list[dict[str, Any]]]:
    matcher = _WORKER["matcher"]
    queries, limit, threshold, algorithm = job
    return [matcher.screen_dicts(q, limit, threshold, algorithm) for q in queries]


def _expand(matcher: Matcher, compact: list[Compact]) -> list[Result]:
    record_of = matcher.index.record
    results = []
    for number, score, match, explanation, features, algorithm in compact:
        record = record_of(number)
        results.append(
            Result(
                entity_id=record.id,
                dataset=record.dataset,
                schema=record.schema,
                caption=record.caption,
                score=score,
                match=match,
                explanation=explanation,
                features=features,
                programs=list(record.programs),
                algorithm=algorithm,
                entity_json=record.json,
            )
        )
    return results


def _chunks(queries: Iterable[Query], size: int) -> Iterator[list[Query]]:
    chunk: list[Query] = []
    for query in queries:
        chunk.append(query)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def screen_many(
    matcher: Matcher,
    queries: Iterable[Query],
    limit: int | None = None,
    threshold: float | None = None,
    algorithm: str | None = None,
    processes: int | None = None,
    chunk_size: int = 500,
) -> Iterator[list[Result]]:
    """Screen many queries, in input order, on ``processes`` processes (default: all cores).

    A party repeated in the batch (the same counterparty on many records) is screened once."""

    def run(unique: list[Query]) -> Iterator[list[Result]]:
        job = (limit, threshold, algorithm)
        if (processes or multiprocessing.cpu_count()) <= 1:
            return (matcher.screen(q, *job) for q in unique)
        done = _pool_map(matcher, _screen_chunk, unique, job, processes, chunk_size)
        return (_expand(matcher, compact) for compact in done)

    return _deduplicated(list(queries), run)


def screen_many_dicts(
    matcher: Matcher,
    queries: Iterable[Query],
    limit: int | None = None,
    threshold: float | None = None,
    algorithm: str | None = None,
    processes: int | None = None,
    chunk_size: int = 500,
) -> Iterator[list[dict[str, Any]]]:
    """As :func:`screen_many`, each result given as its ``Result.to_dict()`` (for writers of
    JSON or CSV, which need nothing else and spare the parent process building results)."""

    def run(unique: list[Query]) -> Iterator[list[dict[str, Any]]]:
        job = (limit, threshold, algorithm)
        if (processes or multiprocessing.cpu_count()) <= 1:
            return (matcher.screen_dicts(q, *job) for q in unique)
        return _pool_map(matcher, _screen_chunk_dicts, unique, job, processes, chunk_size)

    return _deduplicated(list(queries), run)


def _pool_map(
    matcher: Matcher,
    work: Callable[[Job], list[T]],
    queries: list[Query],
    job: tuple[int | None, float | None, str | None],
    processes: int | None,
    chunk_size: int,
) -> Iterator[T]:
    jobs = ((chunk, *job) for chunk in _chunks(queries, chunk_size))
    matcher.index.warm()
    _WORKER["matcher"] = matcher
    context = multiprocessing.get_context("fork")
    with context.Pool(processes or multiprocessing.cpu_count()) as pool:
        for done in pool.imap(work, jobs):
            yield from done


def _deduplicated(queries: list[Query], run: Callable[[list[Query]], Iterator[T]]) -> Iterator[T]:
    """``run`` over the distinct queries, its answers repeated for every copy, in order."""
    keys = [_query_key(q) for q in queries]
    remaining = Counter(keys)
    first: dict[tuple[object, ...], Query] = {}
    for key, query in zip(keys, queries, strict=True):
        first.setdefault(key, query)
    results = run(list(first.values()))
    kept: dict[tuple[object, ...], T] = {}
    for key in keys:
        found = kept.get(key)
        if found is None:
            found = next(results)
        remaining[key] -= 1
        if remaining[key]:
            kept[key] = found
        else:
            kept.pop(key, None)
        yield found


def _query_key(query: Query) -> tuple[object, ...]:
    return (
        query.name,
        query.schema,
        query.birth_date,
        query.country,
        tuple(query.identifiers),
        tuple(query.datasets or ()),
    )
