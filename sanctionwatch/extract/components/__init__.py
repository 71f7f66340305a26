"""Built-in extraction components; importing this package registers them by name."""

from sanctionwatch.extract.components import (
    coref,
    dates,
    events,
    gazetteer,
    parties,
    quantities,
    status,
    tokenize,
    transfers,
)

__all__ = [
    "coref",
    "dates",
    "events",
    "gazetteer",
    "parties",
    "quantities",
    "status",
    "tokenize",
    "transfers",
]
