"""Data access: ``GET /entities/{id}``, ``GET /catalog`` and ``GET /algorithms`` (yente shapes)."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Path

from sanctionwatch.api import yente
from sanctionwatch.api.errors import APIError
from sanctionwatch.api.schemas import ERRORS
from sanctionwatch.api.state import AppState, Reader, StateDep
from sanctionwatch.api.yente import AlgorithmResponse, CatalogResponse, EntityResponse

log = logging.getLogger(__name__)
router = APIRouter(tags=["Data access"])


@router.get("/entities/{entity_id}", response_model=EntityResponse, responses=ERRORS)
def fetch_entity(
    entity_id: Annotated[str, Path(max_length=200, description="e.g. un_sc-KPi.033")],
    *,
    state: StateDep,
    actor: Reader,
) -> dict[str, Any]:
    """One list entity by id, from the newest loaded version of its list."""
    entity = state.store.get_entity(entity_id)
    if entity is None:
        raise APIError(404, f"No entity with id {entity_id!r} in the loaded lists")
    return yente.entity_response(entity)


def _list_meta(dataset: str) -> dict[str, Any]:
    """Title, publisher and address of a list from its parser's metadata, when known."""
    try:
        from sanctionwatch.lists.registry import get_format

        source = get_format(dataset).source
    except Exception:  # noqa: BLE001 - any unknown or FtM dataset just has no metadata
        return {"title": dataset}
    return {"title": source.title, "publisher": source.publisher, "url": source.url}


@router.get("/catalog", response_model=CatalogResponse, responses=ERRORS)
def catalog(*, state: StateDep, actor: Reader) -> dict[str, Any]:
    """The loaded datasets (newest version of each) and the `default` collection of all."""
    datasets = []
    for version in state.store.latest_versions():
        datasets.append(
            {
                "name": version.dataset,
                **_list_meta(version.dataset),
                "version": str(version.id),
                "published": version.published,
                "loaded_at": version.loaded_at,
                "entity_count": sum(version.by_schema.values()),
            }
        )
    names = [d["name"] for d in datasets]
    default = {
        "name": "default",
        "title": "All loaded lists",
        "version": "+".join(d["version"] for d in datasets) or "0",
        "entity_count": sum(d["entity_count"] for d in datasets),
        "children": names,
    }
    return {"datasets": [default, *datasets], "current": ["default", *names], "outdated": []}


def list_algorithms(state: AppState) -> list[dict[str, Any]]:
    """The matcher's registered algorithms, each with its description."""
    from sanctionwatch.match import ALGORITHMS

    return [
        {"name": a.NAME, "description": a.DESCRIPTION, "features": dict(getattr(a, "WEIGHTS", {}))}
        for a in ALGORITHMS
    ]


@router.get("/algorithms", response_model=AlgorithmResponse, responses=ERRORS)
def algorithms(*, state: StateDep, actor: Reader) -> dict[str, Any]:
    """The screening algorithms this server offers, and which is the default."""
    algos = list_algorithms(state)
    default = state.settings.match_algorithm
    return {"algorithms": algos, "default": default, "best": default}
