"""``sanctionwatch screen``: screen one party, or a batch file of parties, against the lists."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import typer
from rich.table import Table

from sanctionwatch.cli.common import console, err_console, print_json, progress_bar
from sanctionwatch.exc import InputError
from sanctionwatch.match import Matcher, Query, Result, get_matcher
from sanctionwatch.match.batch import read_batch, row_output, screen_rows
from sanctionwatch.store import open_store

CSV_COLUMNS = (
    "id",
    "name",
    "rank",
    "entity_id",
    "dataset",
    "schema",
    "caption",
    "score",
    "match",
    "explanation",
    "error",
)


def screen(
    name: str | None = typer.Argument(None, help="The name to screen (omit with --batch)."),
    schema: str | None = typer.Option(None, "--schema", help="Person, Company, Vessel, ..."),
    birth_date: str | None = typer.Option(None, "--birth-date", help="YYYY, YYYY-MM or date."),
    country: str | None = typer.Option(None, "--country", help="ISO 3166-1 alpha-2 code."),
    ids: list[str] = typer.Option([], "--id", help="An identifier (IMO, passport ...)."),
    datasets: list[str] = typer.Option([], "--dataset", help="Screen only this dataset."),
    threshold: float | None = typer.Option(
        None, "--threshold", min=0.0, max=1.0, help="Match threshold (default from settings)."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Results per query."),
    explain: bool = typer.Option(False, "--explain", help="Show why each result scored."),
    algorithm: str | None = typer.Option(None, "--algorithm", help="Algorithm, e.g. sw-v1."),
    fmt: str = typer.Option("text", "--format", help="text (a table) or json."),
    batch: Path | None = typer.Option(None, "--batch", help="CSV or JSON-lines file to screen."),
    output: Path | None = typer.Option(None, "--output", help="Batch output (.csv or .jsonl)."),
    processes: int | None = typer.Option(None, "--processes", min=1, help="Batch processes."),
) -> None:
    """Screen a name (or every row of --batch) against the newest version of every list."""
    if fmt not in ("text", "json"):
        raise InputError(f"Unknown --format {fmt!r}; expected text or json", value=fmt)
    matcher = _matcher(algorithm)
    if batch is not None:
        _screen_batch(matcher, batch, output, limit, threshold, processes)
        return
    if not name and not ids:
        raise InputError("Give a NAME to screen, an --id, or --batch FILE")
    query = Query(
        name or "",
        schema=schema,
        birth_date=birth_date,
        country=country,
        identifiers=list(ids),
        datasets=list(datasets) or None,
    )
    results = matcher.screen(query, limit=limit, threshold=threshold)
    if fmt == "json":
        print_json({"query": query.to_dict(), "results": [r.to_dict() for r in results]})
    else:
        _print_table(results, explain)


def _matcher(algorithm: str | None) -> Matcher:
    store = open_store()
    matcher = get_matcher(store, algorithm)
    if not len(matcher.index):
        err_console.print("No lists are loaded: run `sanctionwatch lists load PATH` first.")
    return matcher


def _print_table(results: list[Result], explain: bool) -> None:
    if not results:
        console.print("No listed entity resembles this name.")
        return
    table = Table("score", "match", "entity", "schema", "name")
    for result in results:
        table.add_row(
            f"{result.score:.2f}",
            "MATCH" if result.match else "",
            result.entity_id,
            result.schema,
            result.caption,
        )
    console.print(table)
    if explain:
        for result in results:
            console.print(
                f"[bold]{result.entity_id}[/bold]: {result.explanation}",
                highlight=False,
                soft_wrap=True,
            )


@contextmanager
def _open_output(output: Path | None) -> Iterator[IO[str]]:
    if output is None or str(output) == "-":
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8", newline="") as fh:
        yield fh


def _screen_batch(
    matcher: Matcher,
    batch: Path,
    output: Path | None,
    limit: int | None,
    threshold: float | None,
    processes: int | None,
) -> None:
    rows = list(read_batch(batch))
    as_csv = output is not None and output.suffix.lower() == ".csv"
    bad = 0
    with _open_output(output) as out, progress_bar("Screening", total=len(rows)) as advance:
        writer = csv.DictWriter(out, CSV_COLUMNS) if as_csv else None
        if writer is not None:
            writer.writeheader()
        for row, results in screen_rows(matcher, rows, limit, threshold, None, processes):
            record = row_output(row, results)
            if "error" in record:
                bad += 1
                err_console.print(f"{batch}: {row.error}", highlight=False, soft_wrap=True)
            if writer is not None:
                writer.writerows(_csv_rows(record))
            else:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            advance(1)
    if bad:
        err_console.print(f"{bad} of {len(rows)} rows could not be screened (see above).")


def _csv_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    query = record["query"]
    base = {"id": query.get("id", ""), "name": query.get("name", "")}
    if "error" in record:
        return [{**base, "error": record["error"]}]
    return [
        {**base, "rank": rank, **{k: r[k] for k in CSV_COLUMNS[3:10]}}
        for rank, r in enumerate(record["results"], start=1)
    ] or [base]
