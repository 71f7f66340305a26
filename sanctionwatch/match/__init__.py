"""Screening: who on the sanctions lists a party may be, with a score and an explanation.

    matcher = get_matcher(store)
    results = matcher.screen(Query(name="Kim Jong Un", birth_date="1984"), limit=10)

Layout: :mod:`.query` (what is screened), :mod:`.candidates` (blocking), :mod:`.features` (name,
identifier, date, country, schema comparisons), :mod:`.algorithms` (versioned combinations),
:mod:`.index` and :mod:`.cache` (the in-memory index and its on-disk copy), :mod:`.types`.
"""

from sanctionwatch.match.algorithms import ALGORITHMS, get_algorithm
from sanctionwatch.match.cache import get_matcher
from sanctionwatch.match.index import ScreeningIndex
from sanctionwatch.match.matcher import Matcher
from sanctionwatch.match.parallel import screen_many, screen_many_dicts
from sanctionwatch.match.query import Query
from sanctionwatch.match.types import Explanation, Result, Score

__all__ = [
    "ALGORITHMS",
    "Explanation",
    "Matcher",
    "Query",
    "Result",
    "Score",
    "ScreeningIndex",
    "get_algorithm",
    "get_matcher",
    "screen_many",
    "screen_many_dicts",
]
