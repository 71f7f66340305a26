"""yente-compatible matching: ``POST /match/{dataset}`` and ``GET /search/{dataset}``.

``default`` names the collection of every loaded dataset; any other name must be a loaded
dataset. Existing yente clients work unchanged: same request, same response shape.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import orjson
from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field

from sanctionwatch.api import service, yente
from sanctionwatch.api.errors import APIError
from sanctionwatch.api.query import list_fields, openapi_parameters, read_query
from sanctionwatch.api.schemas import ERRORS
from sanctionwatch.api.state import AppState, Reader, StateDep
from sanctionwatch.api.yente import (
    EntityExample,
    EntityMatchQuery,
    EntityMatchResponse,
    SearchResponse,
)

if TYPE_CHECKING:
    from sanctionwatch.match import Query as MatchQuery

log = logging.getLogger(__name__)
router = APIRouter(tags=["Matching"])
MAX_BATCH = 100
# Requests of up to this many names are screened on the event loop, larger ones in the
# screening thread (see run_screening).
INLINE_NAMES = 32
SCREENER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sanctionwatch-screen")
DatasetPath = Annotated[
    str, Path(description="A loaded dataset, or `default` for all of them.", max_length=100)
]


def select_datasets(
    state: AppState, dataset: str, include: list[str], exclude: list[str]
) -> list[str]:
    """The datasets a request screens: the path's scope, narrowed by include/exclude."""
    loaded = service.loaded_datasets(state)
    if dataset == "default":
        scope = loaded
    else:
        service.check_datasets(state, [dataset], "dataset")
        scope = [dataset]
    if include:
        scope = [d for d in scope if d in include]
    return [d for d in scope if d not in exclude]


def check_algorithm(state: AppState, algorithm: str | None) -> str | None:
    """The algorithm to use (``best`` and ``default`` name the default, as in yente)."""
    from sanctionwatch.api.routers.data import list_algorithms

    if algorithm in (None, "", "best", "default"):
        return None
    names = [a["name"] for a in list_algorithms(state)]
    if algorithm not in names:
        raise APIError(
            422,
            f"Unknown algorithm {algorithm!r}; available: {', '.join(names)}, best, default",
            errors=[{"field": "algorithm", "message": "unknown algorithm"}],
        )
    return algorithm


@dataclass(slots=True)
class MatchOptions:
    """What applies to every query of one /match request."""

    datasets: list[str] | None
    limit: int
    threshold: float
    algorithm: str | None
    exclude_schema: set[str]
    exclude_ids: set[str]


def match_one(
    state: AppState, key: str, example: EntityExample, opts: MatchOptions
) -> dict[str, Any]:
    """The yente ``EntityMatches`` object of one query."""
    fields = yente.parse_example(key, example.schema_, example.properties)
    # Results of several names are merged, and exclusions drop some: ask for more then.
    single = len(fields.names) == 1 and not (opts.exclude_schema or opts.exclude_ids)
    batches = [
        service.screen(
            state,
            _query(fields, name, opts.datasets),
            opts.limit if single else opts.limit * 2,
            opts.threshold,
            opts.algorithm,
        )
        for name in fields.names
    ]
    kept = [
        [
            r
            for r in batch
            if r.schema not in opts.exclude_schema and r.entity_id not in opts.exclude_ids
        ]
        for batch in batches
    ]
    results = yente.merge_results(kept, opts.limit)
    return {
        "status": 200,
        "results": [
            yente.scored_response(r, opts.threshold, state.entity_fields(r)) for r in results
        ],
        "total": {"value": len(results), "relation": "eq"},
        "query": example.model_dump(by_alias=True),
    }


class MatchParams(BaseModel):
    """The query parameters of ``/match`` (read by :func:`read_query`, see api/query.py)."""

    limit: int = Field(5, ge=1, le=500, description="Results per query.")
    threshold: float | None = Field(
        None, ge=0.0, le=1.0, description="Score from which `match` is true."
    )
    algorithm: str | None = Field(None, description="Scoring algorithm name.")
    include_dataset: list[str] | None = None
    exclude_dataset: list[str] | None = None
    exclude_schema: list[str] | None = None
    exclude_entity_ids: list[str] | None = Field(
        None, max_length=500, description="e.g. decided false positives"
    )


MATCH_LISTS = list_fields(MatchParams)


# This route defines the endpoint (its docs, its errors). Valid requests are mostly answered
# before it is reached, by api/shortcut.py with the same answer_match.
@router.post(
    "/match/{dataset}",
    response_model=EntityMatchResponse,
    responses=ERRORS,
    openapi_extra={"parameters": openapi_parameters(MatchParams)},
)
async def match(
    body: EntityMatchQuery,
    dataset: DatasetPath,
    request: Request,
    state: StateDep,
    actor: Reader,
) -> Response:
    """Match example entities (name, birth date, nationality, identifiers) against the lists.

    Each query is keyed by a name the client chooses; its response comes back under the same
    key with the scored results, best first. Every result explains its score: per-feature
    scores under `explanations` and the reasoning in words under `explanation`.
    """
    params = read_query(MatchParams, request, MATCH_LISTS)
    data, count = await answer_match(state, dataset, body, params)
    # Said in the request's access log line: a second line per request costs more than it tells.
    request.state.log = {"dataset": dataset, "queries": count, "actor": actor}
    return Response(data, media_type="application/json", headers={"x-batch-size": str(count)})


async def answer_match(
    state: AppState, dataset: str, body: EntityMatchQuery, params: MatchParams
) -> tuple[bytes, int]:
    """The JSON answer of a /match request and its number of queries."""
    if not 0 < len(body.queries) <= MAX_BATCH:
        raise APIError(
            422,
            f"Give between 1 and {MAX_BATCH} queries (got {len(body.queries)})",
            errors=[{"field": "queries", "message": "wrong number of queries"}],
        )
    datasets = select_datasets(
        state, dataset, params.include_dataset or [], params.exclude_dataset or []
    )
    opts = MatchOptions(
        # All loaded datasets: no filter, which the matcher screens faster.
        None if datasets == service.loaded_datasets(state) else datasets,
        params.limit,
        state.settings.match_threshold if params.threshold is None else params.threshold,
        check_algorithm(state, params.algorithm),
        set(params.exclude_schema or []),
        set(params.exclude_entity_ids or []),
    )
    if datasets:
        responses = await run_screening(state, body.queries, opts)
    else:
        responses = {key: _empty(example) for key, example in body.queries.items()}
    # Serialised directly: the shape is fixed above, and validating every entity's properties
    # again through the response model would cost more than the screening itself.
    return orjson.dumps({"responses": responses, "limit": params.limit}), len(responses)


def match_all(
    state: AppState, queries: dict[str, EntityExample], opts: MatchOptions
) -> dict[str, dict[str, Any]]:
    """The ``EntityMatches`` of every query, under the client's keys."""
    return {key: match_one(state, key, example, opts) for key, example in queries.items()}


async def run_screening(
    state: AppState, queries: dict[str, EntityExample], opts: MatchOptions
) -> dict[str, dict[str, Any]]:
    """Screen a small request on the event loop, a larger one in a worker thread.

    Screening holds the GIL, so a thread does not let a process screen more at once; handing
    work to one costs more CPU than screening a name, and the event loop and the thread then
    take turns at the GIL (a batch of 20 names took 10% more CPU per name in the thread than
    on the loop). So a request of up to ``INLINE_NAMES`` names (some 15 ms) is screened at
    once, and only a larger batch goes to a thread, so that the server keeps answering other
    requests (health checks) while it runs. That is one thread per process: several threads
    screening at once only take turns, at a cost (a batch of 20 took twice the CPU per name
    with 16 batches in 16 threads).
    """
    names = sum(max(1, len(yente.example_names(e.properties))) for e in queries.values())
    if names <= INLINE_NAMES:
        return match_all(state, queries, opts)
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(SCREENER, match_all, state, queries, opts)


def _empty(example: EntityExample) -> dict[str, Any]:
    query = example.model_dump(by_alias=True)
    return {"status": 200, "results": [], "total": {"value": 0, "relation": "eq"}, "query": query}


def _query(fields: yente.ExampleFields, name: str, datasets: list[str] | None) -> MatchQuery:
    return service.make_query(
        name, fields.schema, fields.birth_date, fields.country, fields.identifiers, datasets
    )


@router.get("/search/{dataset}", response_model=SearchResponse, responses=ERRORS)
def search(
    dataset: DatasetPath,
    q: Annotated[str, Query(min_length=1, max_length=500, description="A name.")],
    schema: Annotated[str | None, Query(description="Only this FtM schema.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=1000)] = 0,
    *,
    state: StateDep,
    actor: Reader,
) -> dict[str, object]:
    """Search the entities of a dataset by name: a simple, user-facing lookup."""
    datasets = select_datasets(state, dataset, [], [])
    results = []
    if datasets:
        query = service.make_query(q, schema=schema, datasets=datasets)
        results = service.screen(state, query, limit + offset, 0.0)[offset:]
    return {
        "limit": limit,
        "offset": offset,
        "total": {"value": offset + len(results), "relation": "gte" if results else "eq"},
        "results": [state.entity_fields(r) for r in results],
        "facets": {},
    }
