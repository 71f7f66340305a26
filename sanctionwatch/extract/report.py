"""Readable reports of an analysis: the terminal (rich) and a self-contained HTML page.

Both read the ``to_dict`` form, so they show exactly what the JSON contract says. The HTML
report highlights every event's evidence in the full text (by its character offsets) and
needs no server, scripts or external files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from rich.console import Console
from rich.markup import escape

TEMPLATES = Path(__file__).parent / "templates"
VERDICT_STYLE = {"violation": "bold red", "possible": "yellow", "none": "green"}


@dataclass(slots=True)
class Segment:
    text: str
    event: str | None = None


def party_label(party: dict[str, Any] | None, fallback: str | None) -> str:
    if not party:
        return fallback or "?"
    name = party.get("name") or party.get("text") or "?"
    country = party.get("country") or fallback
    return f"{name} ({country})" if country and country != name else str(name)


def goods_label(goods: list[dict[str, Any]]) -> str:
    if not goods:
        return "unknown goods"
    parts = []
    for g in goods:
        hs = f" [HS {', '.join(g['hs'])}]" if g.get("hs") else ""
        parts.append(f"{g.get('text')}{hs}")
    return "; ".join(parts)


def segments(text: str, events: list[dict[str, Any]]) -> list[Segment]:
    """The text cut into plain and evidence segments (first event wins on overlaps)."""
    spans = sorted(
        (ev["start"], ev["end"], str(event["id"]))
        for event in events
        for ev in event.get("evidence") or []
        if 0 <= ev["start"] < ev["end"] <= len(text)
    )
    out, pos = [], 0
    for start, end, event_id in spans:
        if start < pos:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], event_id))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def print_report(data: dict[str, Any], console: Console) -> None:
    """The default terminal report: events, verdicts with rules, evidence, listed parties."""
    doc = data["document"]
    console.print(f"[bold]{escape(doc.get('title') or doc.get('source') or 'Document')}[/bold]")
    console.print(f"published {doc.get('published') or 'unknown'}", style="dim")
    findings = {f["event"]: f for f in data["findings"]}
    if not data["events"]:
        console.print("\nNo transfer found in this text.")
    for event in data["events"]:
        print_event(event, findings.get(event["id"]), console)
    if data["mentions"]:
        console.print("\n[bold]Listed parties named in the text[/bold]")
        for m in data["mentions"]:
            best = m["matches"][0]
            console.print(
                f"  {escape(m['text'])} -> {escape(best['caption'])} "
                f"({best['dataset']}, {best['entity_id']}, score {best['score']:.2f})",
                highlight=False,
            )


def print_event(event: dict[str, Any], finding: dict[str, Any] | None, console: Console) -> None:
    giver = party_label(event.get("giver"), event.get("origin"))
    recipient = party_label(event.get("recipient"), event.get("destination"))
    verdict = finding["verdict"] if finding else "none"
    console.print(
        f"\n[bold]{event['id']}[/bold] {escape(giver)} -> {escape(recipient)}: "
        f"{escape(goods_label(event['goods']))}",
        highlight=False,
    )
    route = " via " + ", ".join(event["via"]) if event.get("via") else ""
    console.print(
        f"   date {event.get('date') or 'unknown'} · {event['status']} · "
        f"{event.get('origin') or '?'} -> {event.get('destination') or '?'}{route}",
        style="dim",
        highlight=False,
    )
    style = VERDICT_STYLE.get(verdict, "")
    console.print(f"   verdict: [{style}]{verdict.upper()}[/{style}]")
    for rule in (finding or {}).get("rules", []):
        certainty = rule.get("certainty", verdict)
        rstyle = VERDICT_STYLE.get(certainty, "")
        unverified = " [dim](legal text unverified)[/dim]" if rule.get("verified") is False else ""
        console.print(
            f"     [{rstyle}]{certainty}[/{rstyle}] {escape(rule['instrument'])} "
            f"{escape(rule['provision'])}{unverified}: {escape(rule['why'])}",
            highlight=False,
        )
    for match in (finding or {}).get("matches", []):
        console.print(f"     listed: {escape(match['caption'])} ({match['dataset']})")
    for ev in event["evidence"]:
        console.print(f"   [italic]“{escape(ev['text'])}”[/italic] [{ev['start']}:{ev['end']}]")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(data: dict[str, Any], text: str) -> str:
    """A self-contained HTML report with the evidence highlighted in the text."""
    findings = {f["event"]: f for f in data["findings"]}
    template = _environment().get_template("report.html")
    return template.render(
        data=data,
        findings=findings,
        segments=segments(text, data["events"]),
        party_label=party_label,
        goods_label=goods_label,
    )
