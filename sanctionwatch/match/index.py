"""The screening index: entity records, their parsed names and the blocking index.

Built from entities (a store's newest versions, or any iterable), then pickled to disk by
:mod:`sanctionwatch.match.cache` so that a new process loads it instead of rebuilding it.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from sanctionwatch.match.candidates import BlockingIndex, IntArray, name_keys
from sanctionwatch.match.features.schemas import schema_group
from sanctionwatch.match.records import EntityRecord, make_record
from sanctionwatch.model.entity import Entity
from sanctionwatch.text.names import NameForm, Part, context_of, parse_name, parse_variants

log = logging.getLogger(__name__)

#: Bump when the layout or the parsing of names changes: cached indexes are then rebuilt.
INDEX_FORMAT = 3


class ScreeningIndex:
    """Everything a matcher needs in memory."""

    def __init__(self, records: list[EntityRecord]) -> None:
        self.records = records
        self.name_entity: list[int] = []
        self.name_prop: list[str] = []
        self.name_form: list[NameForm] = []
        self.identifiers: dict[str, list[int]] = {}
        self._weights: dict[str, float] = {}
        self._numbers: dict[str, int] | None = None
        self._warm = False
        self.entity_start: list[int] = []
        datasets = sorted({r.dataset for r in records})
        self.dataset_codes = {d: i for i, d in enumerate(datasets)}
        self._add_names()
        self.blocking = BlockingIndex.build(
            (number, name_keys(form, skeletons=True)) for number, form in enumerate(self.name_form)
        )
        entity = np.asarray(self.name_entity, dtype=np.int32)
        self.name_dataset = np.asarray(
            [self.dataset_codes[records[e].dataset] for e in self.name_entity], dtype=np.int16
        )
        self.name_group = np.asarray(
            [schema_group(records[e].schema) for e in self.name_entity], dtype=np.int8
        )
        self.name_entity_array: IntArray = entity

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> ScreeningIndex:
        return cls([make_record(e) for e in entities])

    def _add_names(self) -> None:
        for number, record in enumerate(self.records):
            self.entity_start.append(len(self.name_form))
            context = context_of(record.schema)
            for prop, text in record.names:
                # A Korean name in Han or Cyrillic letters is filed under each reading too.
                for form in parse_variants(text, context):
                    if form.parts:
                        self.name_entity.append(number)
                        self.name_prop.append(prop)
                        self.name_form.append(form)
            for identifier in record.identifiers:
                self.identifiers.setdefault(identifier, []).append(number)
        self.entity_start.append(len(self.name_form))
        parse_name.cache_clear()

    def entity_number(self, entity_id: str) -> int | None:
        """The number of the entity with this id (the lookup table is built on first use)."""
        if self._numbers is None:
            self._numbers = {self.record(i).id: i for i in range(len(self.records))}
        return self._numbers.get(entity_id)

    def entity_names(self, entity: int) -> list[int]:
        """Numbers of all indexed names of an entity."""
        return list(range(self.entity_start[entity], self.entity_start[entity + 1]))

    def weigh(self, part: Part) -> float:
        """The base weight of a name part: the IDF of its sound key among indexed names."""
        weight = self._weights.get(part.key)
        if weight is None:
            weight = self._weights[part.key] = self.blocking.idf("k:" + part.key)
        return weight

    @property
    def max_weight(self) -> float:
        """The largest base weight a name part can have (the IDF of a part seen once)."""
        return math.log(self.blocking.size + 1) + 1.0

    def form(self, number: int) -> NameForm:
        """The parsed name ``number`` (revived from its pickled plain-tuple form on first use)."""
        form = self.name_form[number]
        if type(form) is not NameForm:
            form = self.name_form[number] = _revive(form)
        return form

    def warm(self) -> None:
        """Revive every name and record and weigh every name part now, instead of on first
        use: done before worker processes are forked, so that they share the work and its
        memory instead of each doing it again."""
        if self._warm:
            return
        for number in range(len(self.name_form)):
            for part in self.form(number).parts:
                self.weigh(part)
        for number in range(len(self.records)):
            self.record(number)
        self._warm = True

    def __getstate__(self) -> dict[str, object]:
        # Plain tuples load several times faster than named tuples: forms are revived lazily.
        state = dict(self.__dict__)
        state["_weights"] = {}
        state["_numbers"] = None
        state["_warm"] = False
        state["name_form"] = [
            (f[0], tuple(tuple(p) for p in f[1]), f[2], f[3], f[4]) for f in self.name_form
        ]
        state["records"] = [tuple(r) for r in self.records]
        return state

    def record(self, number: int) -> EntityRecord:
        """The record of entity ``number`` (revived from its pickled plain tuple on first use)."""
        record = self.records[number]
        if type(record) is not EntityRecord:
            record = self.records[number] = tuple.__new__(EntityRecord, record)
        return record

    def allowed(
        self, datasets: frozenset[str] | None, groups: frozenset[int]
    ) -> npt.NDArray[np.bool_] | None:
        """A mask of names a query may match, or ``None`` when all may."""
        return _allowed(self, datasets, groups)

    def __len__(self) -> int:
        return len(self.records)


@lru_cache(maxsize=64)
def _revive(
    raw: tuple[str, tuple[tuple[str, ...], ...], bool, int, tuple[str, ...]],
) -> NameForm:
    parts = tuple(tuple.__new__(Part, p) for p in raw[1])
    return tuple.__new__(NameForm, (raw[0], parts, raw[2], raw[3], raw[4]))


def _allowed(
    index: ScreeningIndex, datasets: frozenset[str] | None, groups: frozenset[int]
) -> npt.NDArray[np.bool_] | None:
    mask: npt.NDArray[np.bool_] | None = None
    if datasets is not None:
        codes = [index.dataset_codes[d] for d in datasets if d in index.dataset_codes]
        mask = np.isin(index.name_dataset, np.asarray(codes, dtype=np.int16))
    if len(groups) < 5:
        in_group = np.isin(index.name_group, np.asarray(sorted(groups), dtype=np.int8))
        mask = in_group if mask is None else mask & in_group
    return mask
