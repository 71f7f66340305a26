"""Shared ways of running the extraction pipeline in tests and summarising what it found, so
that every test file reads events and their sides the same way, and one loader of the
extraction benchmark for the development and held-out set tests."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

from sanctionwatch.extract.doc import Doc
from sanctionwatch.extract.pipeline import get_pipeline
from sanctionwatch.model.event import TransferEvent

REPO = Path(__file__).resolve().parents[2]
PUBLISHED = date(2024, 2, 20)


def load_benchmark() -> ModuleType:
    """benchmarks/evaluate_extract.py imported as the module ``evaluate_extract``."""
    path = REPO / "benchmarks" / "evaluate_extract.py"
    spec = importlib.util.spec_from_file_location("evaluate_extract", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


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
