"""sanctionwatch: find sanctions violations in evidence of transfers, and explain each finding.

The library behind the CLI, the HTTP API and the web UI::

    from sanctionwatch import analyze_text, open_store
    analysis = analyze_text(text, published="2024-02-20", store=open_store())
    analysis.to_dict()          # the ``analyze --format json`` object of docs/contracts.md

    from sanctionwatch import Query, get_matcher, classify, check_rows, load_file

Names are imported on first use (PEP 562), so ``import sanctionwatch`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> module that defines it.
_EXPORTS = {
    "Analysis": "sanctionwatch.extract",
    "analyze_text": "sanctionwatch.extract",
    "analyze_html": "sanctionwatch.extract",
    "Query": "sanctionwatch.match",
    "Result": "sanctionwatch.match",
    "Matcher": "sanctionwatch.match",
    "get_matcher": "sanctionwatch.match",
    "screen_many": "sanctionwatch.match",
    "classify": "sanctionwatch.goods",
    "evaluate": "sanctionwatch.regimes",
    "load_rulebook": "sanctionwatch.regimes",
    "process_events": "sanctionwatch.pipeline",
    "check_rows": "sanctionwatch.check",
    "parse_record": "sanctionwatch.check",
    "load_file": "sanctionwatch.lists.load",
    "update_lists": "sanctionwatch.lists.fetch",
    "diff_dataset": "sanctionwatch.lists.diff",
    "open_store": "sanctionwatch.store",
    "SQLiteStore": "sanctionwatch.store",
    "Settings": "sanctionwatch.settings",
    "get_settings": "sanctionwatch.settings",
    "Entity": "sanctionwatch.model",
    "TransferEvent": "sanctionwatch.model",
    "Party": "sanctionwatch.model",
    "Goods": "sanctionwatch.model",
    "Finding": "sanctionwatch.model",
    "RuleHit": "sanctionwatch.model",
    "ListMatch": "sanctionwatch.model",
    "Evidence": "sanctionwatch.model",
    "SanctionwatchError": "sanctionwatch.exc",
    "InputError": "sanctionwatch.exc",
    "ParseError": "sanctionwatch.exc",
}

__all__ = [
    "__version__",
    "Analysis",
    "Entity",
    "Evidence",
    "Finding",
    "Goods",
    "InputError",
    "ListMatch",
    "Matcher",
    "ParseError",
    "Party",
    "Query",
    "Result",
    "RuleHit",
    "SQLiteStore",
    "SanctionwatchError",
    "Settings",
    "TransferEvent",
    "analyze_html",
    "analyze_text",
    "check_rows",
    "classify",
    "diff_dataset",
    "evaluate",
    "get_matcher",
    "get_settings",
    "load_file",
    "load_rulebook",
    "open_store",
    "parse_record",
    "process_events",
    "screen_many",
    "update_lists",
]

if TYPE_CHECKING:
    from sanctionwatch.check import check_rows, parse_record
    from sanctionwatch.exc import InputError, ParseError, SanctionwatchError
    from sanctionwatch.extract import Analysis, analyze_html, analyze_text
    from sanctionwatch.goods import classify
    from sanctionwatch.lists.diff import diff_dataset
    from sanctionwatch.lists.fetch import update_lists
    from sanctionwatch.lists.load import load_file
    from sanctionwatch.match import Matcher, Query, Result, get_matcher, screen_many
    from sanctionwatch.model import (
        Entity,
        Evidence,
        Finding,
        Goods,
        ListMatch,
        Party,
        RuleHit,
        TransferEvent,
    )
    from sanctionwatch.pipeline import process_events
    from sanctionwatch.regimes import evaluate, load_rulebook
    from sanctionwatch.settings import Settings, get_settings
    from sanctionwatch.store import SQLiteStore, open_store


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sanctionwatch' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
