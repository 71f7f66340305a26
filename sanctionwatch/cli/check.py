"""``sanctionwatch check``: check a transfer (options) or a file of records (CSV/JSON lines)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

import typer
from rich.markup import escape

from sanctionwatch.check import check_one, check_rows, parse_rates, read_records
from sanctionwatch.cli.common import console, err_console, print_json, print_jsonl, progress_bar
from sanctionwatch.exc import InputError
from sanctionwatch.settings import get_settings
from sanctionwatch.store import open_store


def check(
    file: str | None = typer.Argument(None, help="CSV or JSON-lines records; '-' for stdin."),
    fmt: str = typer.Option("text", "--format", help="text or json (JSON lines for a file)."),
    giver: str | None = typer.Option(None, "--giver", help="Who gave, sold or shipped."),
    giver_country: str | None = typer.Option(None, "--giver-country", help="ISO code or name."),
    recipient: str | None = typer.Option(None, "--recipient", help="Who received or bought."),
    recipient_country: str | None = typer.Option(
        None, "--recipient-country", help="ISO code or name."
    ),
    goods: str | None = typer.Option(None, "--goods", help="Goods description."),
    hs: str | None = typer.Option(None, "--hs", help="HS code(s), separated by ';'."),
    value: str | None = typer.Option(None, "--value", help="Total value."),
    currency: str | None = typer.Option(None, "--currency", help="ISO 4217, e.g. EUR."),
    quantity: str | None = typer.Option(None, "--quantity", help="Number of items."),
    date: str | None = typer.Option(None, "--date", help="YYYY, YYYY-MM or YYYY-MM-DD."),
    origin: str | None = typer.Option(None, "--origin", help="Country of departure."),
    destination: str | None = typer.Option(None, "--destination", help="Country of arrival."),
    via: list[str] = typer.Option([], "--via", help="Transit country (repeatable)."),
    vessel: str | None = typer.Option(None, "--vessel", help="Vessel name."),
    imo: str | None = typer.Option(None, "--imo", help="Vessel IMO number."),
    rate: list[str] = typer.Option(
        [], "--rate", help="Exchange rate for value thresholds, e.g. USD/EUR=0.92 (repeatable)."
    ),
    no_screen: bool = typer.Option(False, "--no-screen", help="Do not screen the parties."),
) -> None:
    """Check transfers against the regime rules and screen their parties against the lists."""
    if fmt not in ("text", "json"):
        raise InputError(f"Unknown --format {fmt!r}; expected text or json", value=fmt)
    rates = parse_rates(rate)
    store = None if no_screen else open_store()
    if file is not None:
        check_file(file, fmt, store, rates)
        return
    record = {k: v for k, v in {
        "giver": giver, "giver_country": giver_country, "recipient": recipient,
        "recipient_country": recipient_country, "goods": goods, "hs": hs, "value": value,
        "currency": currency, "quantity": quantity, "date": date, "origin": origin,
        "destination": destination, "via": via or None, "vessel": vessel, "imo": imo,
    }.items() if v is not None}  # fmt: skip
    if not record:
        raise InputError("Give a FILE of records, or --goods / --giver / --recipient options")
    result = check_one(record, store=store, rates=rates)
    if "error" in result:
        raise InputError(result["error"])
    if fmt == "json":
        print_json(result)
    else:
        show_result(result)


def open_input(file: str) -> IO[str]:
    if file == "-":
        return sys.stdin
    path = Path(file)
    if not path.is_file():
        raise InputError(f"No such file: {file}", path=file)
    limit = get_settings().max_input_bytes
    if path.stat().st_size > limit:
        raise InputError(f"{file} is larger than {limit} bytes (SANCTIONWATCH_MAX_INPUT_BYTES)")
    return path.open(encoding="utf-8-sig", newline="")


def check_file(file: str, fmt: str, store: Any, rates: dict[str, float]) -> None:
    with open_input(file) as handle:
        rows = list(read_records(handle, file))
    errors = 0
    with progress_bar("Checking records", total=len(rows)) as advance:
        for result in check_rows(rows, store=store, rates=rates):
            errors += "error" in result
            if fmt == "json":
                print_jsonl(result)
            else:
                show_result(result)
            advance()
    if errors:
        err_console.print(f"{errors} of {len(rows)} records could not be read (see 'error').")


COLOURS = {"violation": "red", "possible": "yellow", "none": "green"}


def show_result(result: dict[str, Any]) -> None:
    out = console.print
    if "error" in result:
        out(f"[bold]{result['id']}[/bold]: [red]error[/red] {result['error']}", highlight=False)
        return
    for finding in result["findings"]:
        colour = COLOURS[finding["verdict"]]
        out(
            f"[bold]{result['id']}[/bold]: [{colour}]{finding['verdict']}[/{colour}]",
            highlight=False,
        )
        for rule in finding["rules"]:
            mark = "" if rule.get("verified", True) else " [yellow](unverified)[/yellow]"
            out(
                f"  {rule['instrument']} {rule['provision']}{mark} " + escape(f"[{rule['id']}]"),
                highlight=False,
            )
            out(f"    {rule['why']}", highlight=False)
            for exemption in rule.get("exemptions", []):
                out(f"    could apply: {exemption}", highlight=False)
        for match in finding["matches"]:
            out(
                f"  listed: {match['caption']} ({match['entity_id']}, {match['dataset']}, "
                f"score {match['score']})",
                highlight=False,
            )
