"""``sanctionwatch regimes``: print the rulebook (every rule with its citation)."""

from __future__ import annotations

from typing import Any

import typer
from rich.markup import escape

from sanctionwatch.cli.common import console, print_json, print_table
from sanctionwatch.exc import InputError, NotFoundError
from sanctionwatch.regimes import Rule, load_rulebook

app = typer.Typer(help="List and show the regime rules.", no_args_is_help=True)


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    return rule.model_dump(mode="json", exclude_defaults=False)


@app.command("list")
def list_cli(
    regime: str | None = typer.Option(None, "--regime", help="Only this regime, e.g. un_kp."),
    fmt: str = typer.Option("text", "--format", help="text (a table) or json."),
) -> None:
    """List the rules: id, citation, dates in force, direction and target."""
    if fmt not in ("text", "json"):
        raise InputError(f"Unknown --format {fmt!r}; expected text or json", value=fmt)
    book = load_rulebook()
    rules = book.for_regime(regime) if regime else book.rules
    if regime and not rules:
        known = ", ".join(r.id for r in book.regimes)
        raise NotFoundError(f"No regime {regime!r}; known regimes: {known}", value=regime)
    if fmt == "json":
        print_json([rule_to_dict(r) for r in rules])
        return
    rows = []
    for r in rules:
        target = ", ".join(r.target.countries or r.target.lists)
        period = f"{r.in_force or 'listing date'}" + (f" to {r.ends}" if r.ends else "")
        rows.append([r.id, r.citation, period, r.direction, target, "yes" if r.verified else "no"])
    print_table(["id", "citation", "in force", "direction", "target", "verified"], rows)


@app.command("show")
def show_cli(
    rule_id: str = typer.Argument(..., help="A rule id from `regimes list`."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Show one rule in full: citation, dates, goods, thresholds, exemptions."""
    rule = load_rulebook().get(rule_id)
    if fmt == "json":
        print_json(rule_to_dict(rule))
        return
    out = console.print
    out(f"[bold]{rule.id}[/bold] ({rule.regime}): {rule.title}", highlight=False)
    out(f"  {rule.citation}", highlight=False)
    out(
        f"  in force {rule.in_force or 'from each listing date'}"
        + (f" until {rule.ends}" if rule.ends else ""),
        highlight=False,
    )
    out(
        f"  direction {rule.direction}; target {rule.target.model_dump(exclude_defaults=True)}",
        highlight=False,
    )
    if rule.jurisdiction:
        out(f"  binds {', '.join(rule.jurisdiction)} territory and persons", highlight=False)
    if rule.modes:
        out(f"  only transfers made {', '.join(rule.modes)}", highlight=False)
    out(f"  {rule.summary}", highlight=False)
    for item in rule.goods:
        out("  - " + describe_item(item), highlight=False)
    if rule.cap:
        out(f"  cap: {rule.cap}", highlight=False)
    for exemption in rule.exemptions:
        out(
            "  exemption that could apply " + escape(f"[{exemption.id}]: {exemption.describe()}"),
            highlight=False,
        )
    if not rule.verified:
        out(f"  [yellow]unverified:[/yellow] {rule.unverified}", highlight=False)


def describe_item(item: Any) -> str:
    parts = [item.label]
    if item.hs:
        parts.append(f"HS {', '.join(item.hs)}")
    if item.categories:
        parts.append(f"categories {', '.join(item.categories)}")
    if item.qualifier:
        parts.append(f"if {item.qualifier}")
    if item.except_categories:
        parts.append(f"except {', '.join(item.except_categories)}")
    if item.age:
        parts.append(f"only {item.age}")
    if item.threshold:
        parts.append(f"above {item.threshold.currency} {item.threshold.amount:,.0f}")
    if item.cites:
        parts.append(f"listed in {item.cites}")
    if item.since:
        parts.append(f"from {item.since}")
    if not item.verified:
        parts.append("unverified")
    return "; ".join(parts)
