"""Screening and analysis: ``POST /screen``, ``POST /check`` and ``POST /analyze``.

``/screen`` and ``/check`` take one object or a list of them and answer in kind (a list in
input order). ``/analyze`` and ``/check`` store the findings they make, so that analysts can
review them (``stored`` in the answer gives their ids).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query

from sanctionwatch.api import service
from sanctionwatch.api.errors import APIError
from sanctionwatch.api.schemas import (
    ERRORS,
    AnalysisResponse,
    AnalyzeRequest,
    CheckRecord,
    CheckResult,
    ScreenRequest,
    ScreenResponse,
)
from sanctionwatch.api.state import AppState, Reader, StateDep

log = logging.getLogger(__name__)
router = APIRouter(tags=["Screening and analysis"])
MAX_BATCH = 1000


def _batch(items: list[Any]) -> None:
    if len(items) > MAX_BATCH:
        raise APIError(422, f"Too many items in one request: {len(items)} (at most {MAX_BATCH})")


def screen_one(state: AppState, req: ScreenRequest) -> dict[str, Any]:
    datasets = service.check_datasets(state, req.datasets, "datasets")
    query = service.make_query(
        req.name, req.schema_, req.birth_date, req.country, req.identifiers, datasets
    )
    results = service.screen(state, query, req.limit, req.threshold)
    return {
        "query": req.model_dump(by_alias=True, exclude_none=True),
        "results": [r.to_dict() for r in results],
    }


@router.post("/screen", response_model=ScreenResponse | list[ScreenResponse], responses=ERRORS)
def screen(
    body: Annotated[ScreenRequest | list[ScreenRequest], Body()],
    *,
    state: StateDep,
    actor: Reader,
) -> Any:
    """Screen a name (or a list of them) against the loaded lists, each result explained."""
    if isinstance(body, list):
        _batch(body)
        return [screen_one(state, item) for item in body]
    return screen_one(state, body)


@router.post(
    "/check",
    response_model=CheckResult | list[CheckResult],
    response_model_exclude_none=True,
    responses=ERRORS,
)
def check(
    body: Annotated[CheckRecord | list[CheckRecord], Body()],
    store: Annotated[bool, Query(description="Store the findings for review.")] = True,
    *,
    state: StateDep,
    actor: Reader,
) -> Any:
    """Check structured transfer records against the rules and lists (design.md shapes).

    One result per record, in order: `{"id", "events", "findings"}`, or `{"id", "error"}` for
    a record that cannot be checked (the others go on).
    """
    items = body if isinstance(body, list) else [body]
    _batch(items)
    records = [r.model_dump(exclude_none=True) for r in items]
    results = service.check_and_store(state, records, actor, store)
    return results if isinstance(body, list) else results[0]


@router.post(
    "/analyze",
    response_model=AnalysisResponse,
    response_model_exclude_unset=True,
    responses=ERRORS,
)
def analyze(
    body: AnalyzeRequest,
    store: Annotated[bool, Query(description="Store the findings for review.")] = True,
    *,
    state: StateDep,
    actor: Reader,
) -> dict[str, Any]:
    """Analyse a report (text or HTML): the `analyze --format json` object of design.md.

    The findings worth review (verdict other than `none`, or a party on a list) are stored;
    `stored` gives the document id and each finding's id and review status.
    """
    meta = {"title": body.title, "published": body.published, "source": body.source}
    return service.analyze_and_store(state, body.text, body.html, meta, actor, store)
