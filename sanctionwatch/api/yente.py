"""Translation between yente's matching API shapes and sanctionwatch's matcher.

The request and response models follow yente's (``/match``, ``/search``, ``/entities``,
``/catalog``, ``/algorithms``) so that its clients work unchanged.

A yente example entity (``{"schema", "properties": {"name": [...], ...}}``) becomes one
matcher query per name (names, aliases); results of all names are merged, best score per
entity. Results go back as yente's scored entities, with each feature score under
``explanations`` and the matcher's words under ``explanation``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from sanctionwatch.api.errors import APIError
from sanctionwatch.model.entity import Entity

if TYPE_CHECKING:
    from sanctionwatch.match import Result

# -- the shapes of the yente API ---------------------------------------------------------


class EntityExample(BaseModel):
    """An example entity to match, shaped like the entities the API returns."""

    model_config = ConfigDict(populate_by_name=True)
    id: str | None = Field(None, examples=["my-entity-id"])
    schema_: str = Field(alias="schema", examples=["Person"])
    properties: dict[str, str | list[Any]] = Field(
        examples=[{"name": ["Kim Jong Un"], "birthDate": ["1984-01-08"], "nationality": ["kp"]}]
    )


class EntityMatchQuery(BaseModel):
    """A batch of example entities keyed by a name the client chooses."""

    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    queries: dict[str, EntityExample]

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "queries": {
                        "q1": {
                            "schema": "Person",
                            "properties": {
                                "name": ["Kim Jong Un"],
                                "birthDate": ["1984"],
                                "nationality": ["kp"],
                            },
                        }
                    }
                }
            ]
        }
    )


class EntityResponse(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    id: str = Field(examples=["un_sc-KPi.033"])
    caption: str = Field(examples=["KIM JONG UN"])
    schema_: str = Field(alias="schema", examples=["Person"])
    properties: dict[str, list[Any]] = Field(examples=[{"name": ["KIM JONG UN"]}])
    datasets: list[str] = Field(default_factory=list, examples=[["un_sc"]])
    referents: list[str] = Field(default_factory=list)
    target: bool = True
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None


class FeatureResult(BaseModel):
    score: float = Field(examples=[0.93])
    detail: str | None = Field(None, examples=["name: 'Kim Jong Un' ~ 'KIM JONG UN'"])


class ScoredEntityResponse(EntityResponse):
    score: float = Field(examples=[0.93])
    match: bool = Field(description="Whether the score is at or above the match threshold.")
    features: dict[str, float] = Field(default_factory=dict, deprecated=True)
    explanations: dict[str, FeatureResult] = Field(default_factory=dict)
    explanation: str = Field("", description="The whole score explained in words.")


class TotalSpec(BaseModel):
    value: int = Field(examples=[3])
    relation: str = Field("eq", examples=["eq"])


class EntityMatches(BaseModel):
    status: int = Field(200, examples=[200])
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    limit: int = Field(examples=[5])


class SearchResponse(BaseModel):
    limit: int
    offset: int = 0
    total: TotalSpec
    results: list[EntityResponse]
    facets: dict[str, Any] = Field(default_factory=dict)


class DatasetModel(BaseModel):
    name: str = Field(examples=["un_sc"])
    title: str = Field(examples=["UN Security Council Consolidated List"])
    summary: str | None = None
    url: str | None = None
    publisher: str | None = None
    load: bool = True
    version: str = Field(examples=["3"])
    published: str | None = None
    loaded_at: str | None = None
    entity_count: int = 0
    index_current: bool = True
    children: list[str] = Field(default_factory=list)


class CatalogResponse(BaseModel):
    datasets: list[DatasetModel]
    current: list[str]
    outdated: list[str] = Field(default_factory=list)
    index_stale: bool = False


class Algorithm(BaseModel):
    name: str = Field(examples=["sw-v1"])
    description: str | None = None
    features: dict[str, Any] = Field(default_factory=dict)


class AlgorithmResponse(BaseModel):
    algorithms: list[Algorithm]
    default: str
    best: str


# -- translation ---------------------------------------------------------------------------

NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
COUNTRY_PROPS = ("nationality", "citizenship", "country", "jurisdiction", "flag")
ID_PROPS = (
    "idNumber",
    "passportNumber",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "leiCode",
    "swiftBic",
    "imoNumber",
    "mmsi",
    "callSign",
    "vatCode",
)
MAX_NAMES = 10


def _values(props: dict[str, Any], names: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for prop in names:
        raw = props.get(prop)
        if raw is None:
            continue
        for value in raw if isinstance(raw, list) else [raw]:
            if isinstance(value, str | int | float) and str(value).strip():
                out.append(str(value).strip())
    return out


@dataclass(slots=True)
class ExampleFields:
    """What the matcher is asked about one yente example: one query per name."""

    names: list[str]
    schema: str
    birth_date: str | None
    country: str | None
    identifiers: list[str]


def example_names(props: dict[str, Any]) -> list[str]:
    """The distinct names of a yente example that are screened (at most ``MAX_NAMES``)."""
    return list(dict.fromkeys(_values(props, NAME_PROPS)))[:MAX_NAMES]


def parse_example(key: str, schema: str, props: dict[str, Any]) -> ExampleFields:
    """The matcher's query fields from a yente example; 422 when it has no name."""
    names = example_names(props)
    identifiers = list(dict.fromkeys(_values(props, ID_PROPS)))
    if not names and identifiers:
        names = [""]  # the matcher screens identifiers alone
    if not names:
        raise APIError(
            422,
            f"Query {key!r} has no name or identifier to match: give properties.name",
            errors=[{"field": f"queries.{key}.properties.name", "message": "required"}],
        )
    countries = [c for c in _values(props, COUNTRY_PROPS) if len(c) == 2]
    births = _values(props, ("birthDate", "incorporationDate", "buildDate"))
    return ExampleFields(
        names,
        schema,
        births[0] if births else None,
        countries[0].upper() if countries else None,
        identifiers,
    )


def merge_results(batches: list[list[Result]], limit: int) -> list[Result]:
    """Best result per entity over the queries of all names, best first."""
    best: dict[str, Result] = {}
    for results in batches:
        for result in results:
            old = best.get(result.entity_id)
            if old is None or result.score > old.score:
                best[result.entity_id] = result
    return sorted(best.values(), key=lambda r: (-r.score, r.entity_id))[:limit]


def entity_response(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "caption": entity.caption,
        "schema": entity.schema,
        "properties": entity.properties,
        "datasets": [entity.dataset],
        "referents": [],
        "target": True,
    }


def scored_response(
    result: Result, threshold: float, fields: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A yente scored entity; ``fields`` are the entity's, when already made."""
    features: dict[str, float] = {k: float(v) for k, v in (result.features or {}).items()}
    data = dict(fields or entity_response(result.entity))
    data.update(
        {
            "caption": result.caption,
            "score": float(result.score),
            "match": float(result.score) >= threshold,
            "features": features,
            "explanations": {k: {"score": v, "detail": None} for k, v in features.items()},
            "explanation": result.explanation,
        }
    )
    return data
