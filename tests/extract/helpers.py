"""Shared ways of running the extraction pipeline in tests and summarising what it found, so
that every test file reads events and their sides the same way."""

from __future__ import annotations

from datetime import date

from sanctionwatch.extract.doc import Doc
from sanctionwatch.extract.pipeline import get_pipeline
from sanctionwatch.model.event import TransferEvent

PUBLISHED = date(2024, 2, 20)


def events(text: str, published: date = PUBLISHED) -> list[TransferEvent]:
    """The transfer events the pipeline finds in `text` published on `published`."""
    return get_pipeline()(Doc(text, published=published)).events


def sides(event: TransferEvent) -> tuple[str | None, str | None]:
    """(giver, recipient) countries, falling back on origin and destination."""
    giver = event.giver.country if event.giver and event.giver.country else event.origin
    recipient = event.recipient.country if event.recipient else None
    return giver, recipient or event.destination


def only(text: str, published: date = PUBLISHED) -> TransferEvent:
    """The single event found in `text`; fails listing them when there are more or none."""
    found = events(text, published)
    assert len(found) == 1, [e.to_dict() for e in found]
    return found[0]


def goods_text(event: TransferEvent) -> str:
    """The event's goods words, lowercased, in one string."""
    return " ".join(g.text for g in event.goods).lower()
