"""Batch screening of a CSV or JSON-lines file of parties.

Rows are read by column name (``id, name, schema, birth_date, country, identifiers``; only
``name`` is required; identifiers in CSV are separated by ``;`` or ``|``). A row that cannot be
used becomes an error record in its place, in input order, and the batch goes on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sanctionwatch.exc import FormatError, InputError
from sanctionwatch.match.matcher import Matcher
from sanctionwatch.match.parallel import screen_many_dicts
from sanctionwatch.match.query import Query


@dataclass(slots=True)
class BatchRow:
    """One input row: its line number, and either a query or why it cannot be screened."""

    line: int
    raw: dict[str, Any]
    query: Query | None = None
    error: str | None = None


def _rows_csv(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise FormatError(
                f"{path}: a CSV batch needs a header with a 'name' column", path=str(path)
            )
        for row in reader:
            yield reader.line_num, {k: v for k, v in row.items() if k is not None}


def _rows_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, InputError(f"not JSON ({exc.msg} at column {exc.colno})")


def read_batch(path: Path) -> Iterator[BatchRow]:
    """The rows of a batch file; the format follows the suffix (.csv, else JSON lines)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file", path=str(path))
    rows = _rows_csv(path) if path.suffix.lower() == ".csv" else _rows_jsonl(path)
    for line, raw in rows:
        yield _make_row(line, raw)


def _make_row(line: int, raw: Any) -> BatchRow:
    if isinstance(raw, InputError):
        return BatchRow(line, {}, error=f"line {line}: {raw.message}")
    if not isinstance(raw, dict):
        return BatchRow(line, {}, error=f"line {line}: expected an object with a 'name'")
    try:
        return BatchRow(line, raw, query=Query.from_dict(raw))
    except InputError as exc:
        return BatchRow(line, raw, error=f"line {line}: {exc.message}")


def screen_rows(
    matcher: Matcher,
    rows: list[BatchRow],
    limit: int | None = None,
    threshold: float | None = None,
    algorithm: str | None = None,
    processes: int | None = None,
) -> Iterator[tuple[BatchRow, list[dict[str, Any]]]]:
    """Screen the valid rows (on several processes), yielding every row in input order with
    its results as ``Result.to_dict()`` objects."""
    queries = [row.query for row in rows if row.query is not None]
    results = screen_many_dicts(matcher, queries, limit, threshold, algorithm, processes)
    for row in rows:
        yield row, (next(results) if row.query is not None else [])


def row_output(row: BatchRow, results: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON object of one batch row: ``{"query", "results"}`` or ``{"query", "error"}``."""
    if row.query is None:
        query = {k: row.raw[k] for k in ("id", "name") if row.raw.get(k) not in (None, "")}
        return {"query": query, "error": row.error}
    return {"query": row.query.to_dict(), "results": results}
