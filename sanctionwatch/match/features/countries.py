"""Countries (nationality, citizenship, jurisdiction, flag) corroborate or contradict, weakly:
people live, trade and register companies abroad, so a different country lowers the score only
a little."""

from __future__ import annotations

SAME, OTHER = 0.03, -0.06


def compare_countries(query: str | None, listed: frozenset[str]) -> tuple[float, str]:
    if not query or not listed:
        return 0.0, ""
    code = query.lower()
    shown = ", ".join(sorted(c.upper() for c in listed))
    if code in listed:
        return SAME, f"country {query.upper()} matches"
    return OTHER, f"country {query.upper()} differs from listed {shown}"
