"""The algorithm contract: score one listed entity against a prepared query.

Candidate retrieval is shared by all algorithms (:mod:`sanctionwatch.match.candidates`); an
algorithm decides how the features of :mod:`sanctionwatch.match.features` combine. Algorithms
have versioned names ("sw-v1") and never change behaviour under the same name, so a stored
score can be reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sanctionwatch.match.features.identifiers import clean_query_identifiers
from sanctionwatch.match.features.names import Memo
from sanctionwatch.match.features.schemas import compatible_groups
from sanctionwatch.match.index import ScreeningIndex
from sanctionwatch.match.query import Query
from sanctionwatch.match.records import EntityRecord
from sanctionwatch.match.types import Score
from sanctionwatch.text.names import NameForm, context_of, parse_variants


@dataclass(slots=True)
class PreparedQuery:
    """A query with its name parsed and its identifiers cleaned, done once per query."""

    query: Query
    forms: tuple[NameForm, ...]
    identifiers: set[str]
    groups: frozenset[int]
    memos: tuple[Memo, ...] = ()

    def __post_init__(self) -> None:
        if len(self.memos) != len(self.forms):
            self.memos = tuple(Memo() for _ in self.forms)

    @property
    def form(self) -> NameForm:
        """The name as written (other forms are its Korean readings, if any)."""
        return self.forms[0]

    @classmethod
    def from_query(cls, query: Query) -> PreparedQuery:
        return cls(
            query=query,
            forms=parse_variants(query.name, context_of(query.schema)),
            identifiers=clean_query_identifiers(query.identifiers),
            groups=compatible_groups(query.schema),
        )


class Algorithm(Protocol):
    """A named, versioned way to score a candidate."""

    NAME: str
    DESCRIPTION: str

    def score(
        self, index: ScreeningIndex, prepared: PreparedQuery, record: EntityRecord, names: list[int]
    ) -> Score:
        """Score ``record``; ``names`` are the numbers of its names that retrieval found."""
        ...
