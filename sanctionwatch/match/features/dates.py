"""Birth dates corroborate or contradict.

Lists give full dates, months, years or ranges (ranges arrive as one year per value). A shared
full date or year raises the score a little; a birth year more than a year away from every
listed one lowers it, because it is evidence of a different person, not a mere absence of
evidence. A year off by one (calendar differences, list errors) is neither.
"""

from __future__ import annotations

SAME_DAY, SAME_YEAR, NEAR_YEAR, OTHER_YEAR = 0.06, 0.04, -0.04, -0.2


def _year(value: str) -> int | None:
    head = value[:4]
    return int(head) if head.isdigit() else None


def compare_birth_dates(query: str | None, listed: tuple[str, ...]) -> tuple[float, str]:
    """The score adjustment for a queried birth date against the listed ones."""
    if not query or not listed:
        return 0.0, ""
    if any(_same_date(query, value) for value in listed):
        return SAME_DAY, f"birth date {query} matches {_show(listed)}"
    year = _year(query)
    years = {y for y in (_year(v) for v in listed) if y is not None}
    if year is None or not years:
        return 0.0, ""
    if year in years:
        return SAME_YEAR, f"birth year {year} matches {_show(listed)}"
    if min(abs(year - y) for y in years) <= 1:
        return NEAR_YEAR, f"birth year {year} is one year off {_show(listed)}"
    return OTHER_YEAR, f"birth year {year} contradicts listed {_show(listed)}"


def _same_date(query: str, value: str) -> bool:
    """Both at least month-precise and one a prefix of the other ("1984-01" / "1984-01-08")."""
    if len(query) < 7 or len(value) < 7:
        return False
    return value.startswith(query) or query.startswith(value)


def _show(values: tuple[str, ...]) -> str:
    return ", ".join(values[:3]) + (" ..." if len(values) > 3 else "")
