"""Screening results: a score, the decision at the threshold, and an explanation.

A :class:`Result` is small and picklable (batch screening sends results between processes): it
keeps the listed entity as serialised JSON and builds the :class:`Entity` only when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.match.records import load_entity
from sanctionwatch.model.entity import Entity
from sanctionwatch.model.event import ListMatch

Detail = str | Callable[[], str]


@dataclass(slots=True)
class FeatureScore:
    """One feature's contribution: its value and a human-readable reason (a callable when the
    reason is costly to write and may never be shown)."""

    name: str
    value: float
    detail: Detail

    def text(self) -> str:
        return self.detail if isinstance(self.detail, str) else self.detail()


@dataclass(slots=True)
class Explanation:
    """Why a result scored as it did: the features in the order they were applied."""

    features: list[FeatureScore] = field(default_factory=list)

    def add(self, name: str, value: float, detail: Detail) -> None:
        self.features.append(FeatureScore(name, value, detail))

    def to_text(self) -> str:
        return "; ".join(text for text in (f.text() for f in self.features) if text)

    def values(self) -> dict[str, float]:
        return {f.name: round(f.value, 4) for f in self.features}


@dataclass(slots=True)
class Score:
    """The score of one candidate entity before it becomes a result."""

    value: float
    explanation: Explanation
    name: str = ""


class Result:
    """One listed entity a query may be."""

    __slots__ = (
        "entity_id",
        "dataset",
        "schema",
        "caption",
        "score",
        "match",
        "explanation",
        "features",
        "programs",
        "algorithm",
        "_entity_json",
        "_entity",
    )

    def __init__(
        self,
        *,
        entity_id: str,
        dataset: str,
        schema: str,
        caption: str,
        score: float,
        match: bool,
        explanation: str,
        features: dict[str, float],
        programs: list[str],
        algorithm: str,
        entity_json: bytes,
    ) -> None:
        self.entity_id = entity_id
        self.dataset = dataset
        self.schema = schema
        self.caption = caption
        self.score = score
        self.match = match
        self.explanation = explanation
        self.features = features
        self.programs = programs
        self.algorithm = algorithm
        self._entity_json = entity_json
        self._entity: Entity | None = None

    @property
    def entity(self) -> Entity:
        if self._entity is None:
            self._entity = load_entity(self._entity_json)
        return self._entity

    def to_dict(self) -> dict[str, Any]:
        """One item of ``results`` in the ``screen --format json`` output of design.md."""
        return {
            "entity_id": self.entity_id,
            "dataset": self.dataset,
            "schema": self.schema,
            "caption": self.caption,
            "score": round(self.score, 4),
            "match": self.match,
            "explanation": self.explanation,
        }

    def to_list_match(self) -> ListMatch:
        return ListMatch(
            self.entity_id,
            self.dataset,
            self.caption,
            self.score,
            self.schema,
            list(self.programs),
            self.explanation,
        )

    def __getstate__(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if k != "_entity"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            setattr(self, key, value)
        self._entity = None

    def __repr__(self) -> str:
        return f"<Result {self.entity_id} {self.score:.3f} {'match' if self.match else '-'}>"
