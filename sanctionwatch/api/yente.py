"""Translation between yente's matching API shapes and sanctionwatch's matcher.

A yente example entity (``{"schema", "properties": {"name": [...], ...}}``) becomes one
matcher query per name (names, aliases); results of all names are merged, best score per
entity. Results go back as yente's scored entities, with each feature score under
``explanations`` and the matcher's words under ``explanation``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sanctionwatch.api.errors import APIError
from sanctionwatch.model.entity import Entity

if TYPE_CHECKING:
    from sanctionwatch.match import Result

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


def parse_example(key: str, schema: str, props: dict[str, Any]) -> ExampleFields:
    """The matcher's query fields from a yente example; 422 when it has no name."""
    names = list(dict.fromkeys(_values(props, NAME_PROPS)))[:MAX_NAMES]
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


def scored_response(result: Result, threshold: float) -> dict[str, Any]:
    features: dict[str, float] = {k: float(v) for k, v in (result.features or {}).items()}
    data = entity_response(result.entity)
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
