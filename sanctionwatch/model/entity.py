"""A listed entity: FollowTheMoney schema + properties, with the original text of each value.

Hot path object (millions may be built while loading and indexing), so it is a plain slotted
class, not a pydantic model. Properties are lists of cleaned values, as in FtM; each value is
backed by a :class:`Statement` that keeps the raw text it was cleaned from and its language.
Schema and property names are checked against the FollowTheMoney model, so an entity written
by a parser is always valid FtM.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypedDict

from sanctionwatch.exc import ConfigError


@dataclass(slots=True, frozen=True)
class Statement:
    """One value of one property, with the text it was read from."""

    prop: str
    value: str
    original: str | None = None
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"prop": self.prop, "value": self.value}
        if self.original is not None and self.original != self.value:
            out["original"] = self.original
        if self.lang:
            out["lang"] = self.lang
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        return cls(data["prop"], data["value"], data.get("original"), data.get("lang"))


class EntityDict(TypedDict, total=False):
    id: str
    schema: str
    caption: str
    datasets: list[str]
    properties: dict[str, list[str]]
    statements: list[dict[str, Any]]
    source_id: str
    first_seen: str
    last_seen: str


@lru_cache(maxsize=64)
def _props_of(schema: str) -> frozenset[str]:
    # Imported here: loading the FtM model takes about a second, which commands that never
    # build an entity (``--help``, ``goods classify``) should not pay.
    from followthemoney import model as ftm_model

    found = ftm_model.get(schema)
    if found is None:
        raise ConfigError(f"Unknown FollowTheMoney schema: {schema!r}", schema=schema)
    return frozenset(found.properties)


def check_schema(schema: str) -> str:
    _props_of(schema)
    return schema


class Entity:
    """An entity of one dataset. ``id`` is the dataset-scoped id, e.g. ``un-sc-KPi.033``."""

    __slots__ = ("id", "schema", "dataset", "source_id", "statements", "_index")

    def __init__(self, id: str, schema: str, dataset: str, source_id: str | None = None) -> None:
        self.id = id
        self.schema = check_schema(schema)
        self.dataset = dataset
        self.source_id = source_id or id
        self.statements: list[Statement] = []
        self._index: set[tuple[str, str]] = set()

    def add(
        self,
        prop: str,
        value: str | None,
        original: str | None = None,
        lang: str | None = None,
    ) -> None:
        """Add a cleaned value (skipped when empty or a duplicate), with its raw text."""
        if value is None:
            return
        value = value.strip()
        if not value:
            return
        if prop not in _props_of(self.schema):
            raise ConfigError(
                f"Property {prop!r} is not in FtM schema {self.schema}",
                prop=prop,
                schema=self.schema,
            )
        key = (prop, value)
        if key in self._index:
            return
        self._index.add(key)
        if original is not None:
            original = original.strip()
        self.statements.append(Statement(prop, value, original, lang))

    def add_many(self, prop: str, values: Iterable[str | None]) -> None:
        for value in values:
            self.add(prop, value)

    def get(self, prop: str) -> list[str]:
        return [s.value for s in self.statements if s.prop == prop]

    def first(self, prop: str) -> str | None:
        for s in self.statements:
            if s.prop == prop:
                return s.value
        return None

    @property
    def properties(self) -> dict[str, list[str]]:
        props: dict[str, list[str]] = {}
        for s in self.statements:
            props.setdefault(s.prop, []).append(s.value)
        return props

    @property
    def caption(self) -> str:
        for prop in ("name", "alias", "imoNumber", "registrationNumber"):
            value = self.first(prop)
            if value:
                return value
        return self.id

    @property
    def names(self) -> list[str]:
        return self.get("name") + self.get("alias") + self.get("previousName")

    def iter_originals(self) -> Iterator[Statement]:
        """Values whose raw text in the list differs from the cleaned value."""
        return (s for s in self.statements if s.original is not None and s.original != s.value)

    def to_dict(self) -> EntityDict:
        """Our storage form: FtM fields plus the statements with original values."""
        return {
            "id": self.id,
            "schema": self.schema,
            "caption": self.caption,
            "datasets": [self.dataset],
            "source_id": self.source_id,
            "properties": self.properties,
            "statements": [s.to_dict() for s in self.statements],
        }

    def to_ftm(self) -> dict[str, Any]:
        """Plain FollowTheMoney JSON, as in OpenSanctions' ``entities.ftm.json``."""
        return {
            "id": self.id,
            "schema": self.schema,
            "caption": self.caption,
            "datasets": [self.dataset],
            "properties": self.properties,
        }

    @classmethod
    def from_dict(cls, data: EntityDict | dict[str, Any], dataset: str | None = None) -> Entity:
        datasets = data.get("datasets") or []
        ent = cls(
            data["id"],
            data["schema"],
            dataset or (datasets[0] if datasets else "unknown"),
            data.get("source_id"),
        )
        if data.get("statements"):
            for raw in data["statements"]:
                st = Statement.from_dict(raw)
                ent.add(st.prop, st.value, st.original, st.lang)
        else:
            for prop, values in (data.get("properties") or {}).items():
                for value in values:
                    if isinstance(value, str):
                        ent.add(prop, value)
        return ent

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Entity)
            and self.id == other.id
            and self.schema == other.schema
            and self.dataset == other.dataset
            and self.statements == other.statements
        )

    def __hash__(self) -> int:
        return hash((self.dataset, self.id))

    def __repr__(self) -> str:
        return f"<Entity {self.id} {self.schema} {self.caption!r}>"
