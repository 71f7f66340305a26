"""Pure helpers the templates use: evidence highlighting, one-line event summaries, labels.

Kept apart from the views so they can be tested without a server: given a text and evidence
offsets, :func:`highlight` returns the segments to render, never failing on offsets that
are out of range or overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Segment:
    text: str
    mark: str | None = None  # None: plain text; else a CSS class ("ev" or "ev-main")
    label: str | None = None  # the event id the span is evidence for


def _spans(
    events: list[dict[str, Any]], main: str | None, size: int
) -> list[tuple[int, int, str, str]]:
    spans = []
    for event in events:
        kind = "ev-main" if main is not None and str(event.get("id")) == main else "ev"
        for ev in event.get("evidence") or []:
            start, end = ev.get("start"), ev.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size:
                spans.append((start, end, kind, str(event.get("id"))))
    # The main event's evidence wins where spans overlap; then earlier, longer spans.
    spans.sort(key=lambda s: (s[0], s[2] != "ev-main", -s[1]))
    return spans


def highlight(text: str, events: list[dict[str, Any]], main: str | None = None) -> list[Segment]:
    """Split ``text`` into plain and highlighted segments from the events' evidence offsets."""
    out: list[Segment] = []
    pos = 0
    for start, end, kind, label in _spans(events, main, len(text)):
        if start < pos:  # overlaps a span already shown
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], kind, label))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def party_label(party: dict[str, Any] | None) -> str:
    if not party:
        return "?"
    name = party.get("name") or party.get("text") or "?"
    country = party.get("country")
    return f"{name} ({country})" if country and country not in name else str(name)


def summarize_event(event: dict[str, Any]) -> str:
    """ "Russia (RU) → Kim Jong Un (KP): car, 2024-02-18"."""
    goods = ", ".join(str(g.get("text")) for g in event.get("goods") or [] if g.get("text"))
    line = f"{party_label(event.get('giver'))} → {party_label(event.get('recipient'))}"
    if goods:
        line += f": {goods}"
    if event.get("date"):
        line += f", {event['date']}"
    return line


def percent(score: Any) -> int:
    try:
        return max(0, min(100, round(float(score) * 100)))
    except (TypeError, ValueError):
        return 0


def party_matches(event: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(role, party) for the giver and the recipient that are present."""
    return [
        (role, party)
        for role in ("giver", "recipient")
        if isinstance(party := event.get(role), dict)
    ]


def extra_matches(event: dict[str, Any], finding: dict[str, Any]) -> list[dict[str, Any]]:
    """The finding's list matches not already shown under the giver or the recipient."""
    shown = {
        str(m.get("entity_id"))
        for _, party in party_matches(event)
        for m in party.get("matches") or []
    }
    return [m for m in finding.get("matches") or [] if str(m.get("entity_id")) not in shown]


def prop_label(prop: str) -> str:
    """``birthDate`` -> ``Birth date``."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", prop).lower()
    return words[:1].upper() + words[1:]


def when(stamp: str | None) -> str:
    """``2024-02-20T08:01:02+00:00`` -> ``2024-02-20 08:01 UTC``."""
    if not stamp or "T" not in stamp:
        return stamp or ""
    day, _, clock = stamp.partition("T")
    return f"{day} {clock[:5]} UTC"
