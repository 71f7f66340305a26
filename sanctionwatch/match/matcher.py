"""The matcher: retrieve candidates, score them with an algorithm, explain every result.

``get_matcher(store)`` gives one matcher per process for the newest version of every dataset,
loading the index from disk when it was built before (see :mod:`.cache`). Batches of queries
are spread over processes by :mod:`.parallel`.
"""

from __future__ import annotations

import gc
import logging
from typing import Any

from sanctionwatch.match.algorithms import PreparedQuery, get_algorithm
from sanctionwatch.match.candidates import name_keys
from sanctionwatch.match.index import ScreeningIndex
from sanctionwatch.match.query import Query
from sanctionwatch.match.types import Result, Score
from sanctionwatch.settings import get_settings

log = logging.getLogger(__name__)

#: How many names retrieval considers, and how many of them it hands to scoring.
CANDIDATE_NAMES = 80
SHORTLIST = 12
#: Candidates scoring below this are noise, not results.
MIN_SCORE = 0.3


class Matcher:
    """Screens queries against one index with one default algorithm."""

    def __init__(
        self, index: ScreeningIndex, algorithm: str | None = None, signature: str = ""
    ) -> None:
        self.index = index
        # The index is millions of long-lived objects: keep the cyclic collector from
        # scanning them on every collection (and from touching pages shared after fork).
        gc.collect()
        gc.freeze()
        self.algorithm = get_algorithm(algorithm or get_settings().match_algorithm)
        self.signature = signature

    def screen(
        self,
        query: Query,
        limit: int | None = None,
        threshold: float | None = None,
        algorithm: str | None = None,
    ) -> list[Result]:
        """The best ``limit`` listed entities for a query, best first."""
        ranked, threshold, name = self.rank(query, limit, threshold, algorithm)
        return [self._result(score, entity, threshold, name) for score, entity in ranked]

    def screen_dicts(
        self,
        query: Query,
        limit: int | None = None,
        threshold: float | None = None,
        algorithm: str | None = None,
    ) -> list[dict[str, Any]]:
        """As :meth:`screen`, each result as its ``Result.to_dict()``, without building it."""
        ranked, threshold, _ = self.rank(query, limit, threshold, algorithm)
        out = []
        for score, entity in ranked:
            record = self.index.record(entity)
            value, match, explanation = decide(score, threshold)
            out.append(
                {
                    "entity_id": record.id,
                    "dataset": record.dataset,
                    "schema": record.schema,
                    "caption": record.caption,
                    "score": value,
                    "match": match,
                    "explanation": explanation,
                }
            )
        return out

    def rank(
        self,
        query: Query,
        limit: int | None = None,
        threshold: float | None = None,
        algorithm: str | None = None,
    ) -> tuple[list[tuple[Score, int]], float, str]:
        """The scores and entity numbers of the best ``limit`` candidates, best first, with the
        threshold and the name of the algorithm that applied."""
        settings = get_settings()
        limit = limit or settings.match_limit
        threshold = settings.match_threshold if threshold is None else threshold
        scorer = get_algorithm(algorithm) if algorithm else self.algorithm
        prepared = PreparedQuery.from_query(query)
        scored: list[tuple[Score, int]] = []
        for entity, names in self._candidates(prepared, max(SHORTLIST, limit + 2)).items():
            record = self.index.record(entity)
            scored.append((scorer.score(self.index, prepared, record, names), entity))
        scored = [s for s in scored if s[0].value >= MIN_SCORE]
        scored.sort(key=lambda s: (-s[0].value, self.index.record(s[1]).id))
        return scored[:limit], threshold, scorer.NAME

    def score_entities(
        self,
        query: Query,
        entity_ids: list[str],
        threshold: float | None = None,
        algorithm: str | None = None,
    ) -> list[Result]:
        """Score a query against named entities, without retrieval (all their names count):
        answers "why did, or didn't, this party match that entry?". Unknown ids are skipped."""
        threshold = get_settings().match_threshold if threshold is None else threshold
        scorer = get_algorithm(algorithm) if algorithm else self.algorithm
        prepared = PreparedQuery.from_query(query)
        results = []
        for entity_id in entity_ids:
            number = self.index.entity_number(entity_id)
            if number is not None:
                record = self.index.record(number)
                names = self.index.entity_names(number)
                score = scorer.score(self.index, prepared, record, names)
                results.append(self._result(score, number, threshold, scorer.NAME))
        return results

    def _candidates(self, prepared: PreparedQuery, shortlist: int) -> dict[int, list[int]]:
        index = self.index
        datasets = frozenset(prepared.query.datasets) if prepared.query.datasets else None
        allowed = index.allowed(datasets, prepared.groups)
        found: dict[int, list[int]] = {}
        seen: set[int] = set()
        # Each reading of the name (as written, then Korean readings) is looked up alone, so
        # that one reading's keys do not dilute another's.
        for form in prepared.forms:
            keys = name_keys(form, form.abjad, query=True, known=index.blocking.keys.__contains__)
            for number in index.blocking.search(
                keys, max(CANDIDATE_NAMES, shortlist), shortlist, allowed
            ).tolist():
                if number not in seen:
                    seen.add(number)
                    found.setdefault(index.name_entity[number], []).append(number)
        for identifier in prepared.identifiers:
            for entity in index.identifiers.get(identifier, ()):
                names = index.entity_names(entity)
                if allowed is None or not names or allowed[names[0]]:
                    found.setdefault(entity, names)
        return found

    def _result(self, score: Score, entity: int, threshold: float, algorithm: str) -> Result:
        record = self.index.record(entity)
        value, match, explanation = decide(score, threshold)
        return Result(
            entity_id=record.id,
            dataset=record.dataset,
            schema=record.schema,
            caption=record.caption,
            score=value,
            match=match,
            explanation=explanation,
            features=score.explanation.values(),
            programs=list(record.programs),
            algorithm=algorithm,
            entity_json=record.json,
        )


def decide(score: Score, threshold: float) -> tuple[float, bool, str]:
    """The rounded score, the decision at the threshold and the sentence that says why."""
    value = round(score.value, 4)
    decision = "match" if value >= threshold else "no match"
    text = score.explanation.to_text()
    return value, value >= threshold, f"{value:.3f} {decision} (threshold {threshold:.2f}): {text}"
