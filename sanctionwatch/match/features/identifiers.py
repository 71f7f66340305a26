"""Strong identifiers: an IMO number, passport or registration number shared with a listed
entity identifies it whatever the name says (ships are renamed; companies re-register names)."""

from __future__ import annotations

from sanctionwatch.match.records import clean_identifier


def clean_query_identifiers(values: list[str]) -> set[str]:
    return {c for c in (clean_identifier(v) for v in values) if c}


def compare_identifiers(query: set[str], listed: frozenset[str]) -> tuple[float, str]:
    """1.0 and the shared identifier when one is shared; 0.0 otherwise."""
    shared = sorted(query & listed)
    if shared:
        return 1.0, f"identifier {shared[0]} is listed for this entry"
    return 0.0, ""
