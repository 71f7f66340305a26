"""Shared by the screening benchmark and evaluation: the real lists, and nomenklatura adapters.

The lists are parsed in place from the shared data folder (never copied). nomenklatura is a
development-only dependency: its logic-v1 and logic-v2 algorithms score one pair of
FollowTheMoney entities, and serve as the reference the issue asks us to measure against.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sanctionwatch.lists.load import parse_file, resolve_format
from sanctionwatch.match import Query
from sanctionwatch.model.entity import Entity

REPO = Path(__file__).resolve().parent.parent
DEFAULT_LISTS = REPO.parent / "shared" / "data" / "lists"
LIST_FILES = (
    "un/consolidated.xml",
    "ofac/sdn.xml.gz",
    "ofac/consolidated/consolidated.xml",
    "eu/20240513-FULL-1_1.xml",
    "uk/ConList.xlsx",
)


def lists_dir() -> Path:
    return Path(os.environ.get("SANCTIONWATCH_LISTS_DIR") or DEFAULT_LISTS)


def load_entities(folder: Path | None = None) -> tuple[list[Entity], float]:
    """All entities of the newest file of each list, and the seconds parsing took."""
    folder = folder or lists_dir()
    started = time.perf_counter()
    entities: list[Entity] = []
    for name in LIST_FILES:
        path = folder / name
        ctx = parse_file(path, resolve_format(path, None))
        entities.extend(ctx.entities.values())
    return entities, time.perf_counter() - started


class NomenklaturaScorer:
    """Scores (query, listed entity) pairs with a nomenklatura algorithm."""

    def __init__(self, name: str) -> None:
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig

        self.name = name
        self.algorithm: Any = get_algorithm(name)
        self.config = ScoringConfig.defaults()
        self._entities: dict[str, Any] = {}
        self._ids = itertools.count()

    def query_entity(self, query: Query) -> Any:
        from followthemoney import ValueEntity

        props: dict[str, list[str]] = {"name": [query.name]}
        if query.birth_date:
            props["birthDate"] = [query.birth_date]
        if query.country:
            props["country"] = [query.country.lower()]
        schema = query.schema or "LegalEntity"
        # Unique ids: nomenklatura caches parsed names by entity id.
        data = {"id": f"q{next(self._ids)}", "schema": schema, "properties": props}
        return ValueEntity.from_dict(data)

    def listed_entity(self, entity: Entity) -> Any:
        found = self._entities.get(entity.id)
        if found is None:
            from followthemoney import ValueEntity

            found = ValueEntity.from_dict(entity.to_ftm())
            self._entities[entity.id] = found
        return found

    def score(self, query: Any, entity: Entity) -> float:
        result = self.algorithm.compare(query, self.listed_entity(entity), self.config)
        return float(result.score)

    def warm_up(self, entity: Entity) -> None:
        """The first call loads nomenklatura's name data; keep it out of timings."""
        self.score(self.query_entity(Query(entity.caption)), entity)


def timed(func: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = func()
    return value, time.perf_counter() - started
