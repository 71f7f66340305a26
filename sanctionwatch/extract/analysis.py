"""Analyse a report: text in, events, findings and listed mentions out.

:func:`analyze_text` runs the extraction pipeline, then hands the events to the shared
pipeline (party screening, goods classification, rule evaluation) and screens the listed
parties named anywhere in the text. :class:`Analysis` serialises to exactly the
``analyze --format json`` object of ``design.md``.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sanctionwatch.exc import InputError
from sanctionwatch.extract.doc import Doc
from sanctionwatch.extract.listed import ListedMention, find_listed
from sanctionwatch.extract.pipeline import get_pipeline
from sanctionwatch.model.event import Finding, TransferEvent
from sanctionwatch.settings import get_settings

log = logging.getLogger(__name__)


@dataclass
class Analysis:
    """The result of analysing one document."""

    text: str
    title: str | None
    published: str | None
    source: str | None
    events: list[TransferEvent] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    mentions: list[ListedMention] = field(default_factory=list)
    doc: Doc | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": {"title": self.title, "published": self.published, "source": self.source},
            "events": [e.to_dict() for e in self.events],
            "findings": [f.to_dict() for f in self.findings],
            "mentions": [m.to_dict() for m in self.mentions],
        }


def parse_published(value: str | date | None) -> date | None:
    """ "2024-02-20", "2024-02-20T08:00:00Z" or a date; None stays None."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(
            f"Publication date {value!r} is not an ISO date (expected YYYY-MM-DD)", value=value
        ) from None


def check_text(text: str, source: str | None) -> None:
    where = f" ({source})" if source else ""
    if not isinstance(text, str):
        raise InputError(f"Document{where} must be text, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"Document{where} is empty: there is no text to analyse", source=source)
    limit = get_settings().max_input_bytes
    if len(text) > limit or len(text.encode("utf-8", "surrogatepass")) > limit:
        raise InputError(
            f"Document{where} is larger than the limit of {limit:,} bytes"
            " (settings: SANCTIONWATCH_MAX_INPUT_BYTES)",
            source=source,
            limit=limit,
        )


def judge_events(
    events: list[TransferEvent], matcher: Any, store: Any, published: str | None = None
) -> list[Finding]:
    """Findings from the shared pipeline (screening, goods, rules); degrade gracefully.

    ``published`` bounds the events' dates: a report cannot tell of a transfer after it."""
    if not events:
        return []
    try:
        shared = importlib.import_module("sanctionwatch.pipeline")
    except ImportError:
        shared = None
    if shared is not None:
        findings: list[Finding] = shared.process_events(
            events, matcher=matcher, store=store, published=published
        )
        return findings
    from sanctionwatch.regimes import evaluate

    return [evaluate(event) for event in events]


def analyze_text(
    text: str,
    published: str | date | None = None,
    title: str | None = None,
    source: str | None = None,
    matcher: Any = None,
    store: Any = None,
) -> Analysis:
    """Analyse a plain-text report. ``published`` anchors relative dates ("on Sunday").

    Parties and mentions are screened with ``matcher`` (or one built over ``store``); with
    neither, the analysis runs without screening."""
    check_text(text, source)
    if matcher is None and store is not None:
        from sanctionwatch.match import get_matcher

        matcher = get_matcher(store)
    doc = Doc(text, parse_published(published), title, source)
    doc = get_pipeline()(doc)
    pub = doc.published.isoformat() if doc.published else None
    findings = judge_events(doc.events, matcher, store, pub)
    mentions = find_listed(doc, matcher) if matcher is not None else []
    return Analysis(text, title, pub, source, doc.events, findings, mentions, doc)
