"""``sanctionwatch goods``: classify a goods description, look up an HS code."""

from __future__ import annotations

import typer
from rich.table import Table

from sanctionwatch.cli.common import console, print_json
from sanctionwatch.exc import InputError, NotFoundError
from sanctionwatch.goods import classify, load_nomenclature, parse_hs
from sanctionwatch.goods.categories import categories_for_code

app = typer.Typer(
    help="Classify goods descriptions into HS codes and categories.", no_args_is_help=True
)


def _check_format(fmt: str) -> None:
    if fmt not in ("text", "json"):
        raise InputError(f"Unknown --format {fmt!r}; expected text or json", value=fmt)


@app.command("classify")
def classify_cli(
    text: str = typer.Argument(..., help="The goods, e.g. 'Aurus Senat limousine'."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Map a goods description to HS candidates with confidence and sanction categories."""
    _check_format(fmt)
    result = classify(text)
    if fmt == "json":
        print_json(result.to_dict())
        return
    console.print(
        ("[yellow]Vague:[/yellow] " if result.vague else "") + result.message, highlight=False
    )
    if not result.nomenclature:
        console.print("[dim](HS nomenclature not available: lexicons only)[/dim]")
    table = Table("HS", "confidence", "categories", "maybe", "description", "source")
    for c in result.candidates:
        table.add_row(
            c.hs,
            f"{c.confidence:.2f}",
            ", ".join(c.categories),
            ", ".join(c.maybe),
            c.description[:70],
            c.source,
        )
    if result.candidates:
        console.print(table)


@app.command("lookup")
def lookup_cli(
    code: str = typer.Argument(..., help="An HS code: 87, 8703, 8703.23 ..."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Show an HS code's description (from the nomenclature) and its sanction categories."""
    _check_format(fmt)
    parsed = parse_hs(code)
    if parsed is None:
        raise InputError(f"{code!r} is not an HS code (expected 2, 4 or 6 digits)", value=code)
    found = load_nomenclature().get(parsed)
    if found is None:
        raise NotFoundError(f"HS {parsed} is not in the nomenclature", value=parsed)
    categories = categories_for_code(parsed)
    data = {
        "hs": parsed,
        "description": found.description,
        "level": found.level,
        "parent": found.parent,
        "categories": categories,
    }
    if fmt == "json":
        print_json(data)
    else:
        console.print(f"HS {parsed}: {found.description}", highlight=False)
        console.print(f"categories: {', '.join(categories) or '-'}", highlight=False)
