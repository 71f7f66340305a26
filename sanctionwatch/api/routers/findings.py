"""Stored findings: list and filter, read one, review it, read its audit trail."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from sanctionwatch.api.errors import APIError
from sanctionwatch.api.schemas import (
    ERRORS,
    AuditItem,
    AuditResponse,
    FindingItem,
    FindingList,
    ReviewRequest,
)
from sanctionwatch.api.state import AppState, Reader, Reviewer, StateDep
from sanctionwatch.store.findings import FindingFilter, StoredFinding

log = logging.getLogger(__name__)
router = APIRouter(tags=["Findings"])
FindingId = Annotated[int, Path(ge=1, description="The finding's id.")]
ISO_PREFIX = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def make_filter(
    verdict: Annotated[str | None, Query(pattern="^(violation|possible|none)$")] = None,
    regime: Annotated[str | None, Query(max_length=100)] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    party: Annotated[str | None, Query(max_length=200, description="Part of a name.")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="A list entity id.")] = None,
    status: Annotated[str | None, Query(pattern="^(open|confirmed|dismissed|suppressed)$")] = None,
    date: Annotated[str | None, Query(pattern=ISO_PREFIX, description="e.g. 2024-02")] = None,
    date_from: Annotated[str | None, Query(pattern=ISO_PREFIX)] = None,
    date_to: Annotated[str | None, Query(pattern=ISO_PREFIX)] = None,
    document: Annotated[int | None, Query(ge=1)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> FindingFilter:
    return FindingFilter(
        verdict=verdict,
        regime=regime,
        country=country,
        party=party,
        entity=entity,
        status=status,
        date=date,
        date_from=date_from,
        date_to=date_to,
        document_id=document,
        limit=limit,
        offset=offset,
    )


Filters = Annotated[FindingFilter, Depends(make_filter)]


def require_finding(state: AppState, finding_id: int) -> StoredFinding:
    found = state.findings.get_finding(finding_id)
    if found is None:
        raise APIError(404, f"No finding with id {finding_id}")
    return found


@router.get("/findings", response_model=FindingList, responses=ERRORS)
def list_findings(
    filters: Filters,
    *,
    state: StateDep,
    actor: Reader,
) -> dict[str, Any]:
    """Stored findings, newest first, filtered and paginated, with counts by facet."""
    items, total = state.findings.list_findings(filters)
    counts = {by: state.findings.count_findings(filters, by) for by in ("verdict", "regime")}
    return {
        "items": [i.to_dict() for i in items],
        "total": total,
        "limit": filters.limit,
        "offset": filters.offset,
        "counts": counts,
    }


@router.get("/findings/{finding_id}", response_model=FindingItem, responses=ERRORS)
def get_finding(finding_id: FindingId, *, state: StateDep, actor: Reader) -> dict[str, Any]:
    """One finding: the event, verdict, rules, list matches and what it was made with."""
    return require_finding(state, finding_id).to_dict()


@router.post("/findings/{finding_id}/review", response_model=AuditItem, responses=ERRORS)
def review(
    finding_id: FindingId,
    body: ReviewRequest,
    *,
    state: StateDep,
    actor: Reviewer,
) -> dict[str, Any]:
    """Confirm, dismiss, annotate or assign a finding. Needs an API key; audited.

    A dismissed finding's parties, list entities and evidence are remembered: the same
    combination is stored as `suppressed` next time, unless the evidence differs.
    """
    require_finding(state, finding_id)
    entry = state.findings.review(
        finding_id, body.action, actor, body.reason, body.note, body.assignee
    )
    log.info("review", extra={"finding": finding_id, "action": body.action, "actor": actor})
    return entry.to_dict()


@router.get("/findings/{finding_id}/audit", response_model=AuditResponse, responses=ERRORS)
def audit(finding_id: FindingId, *, state: StateDep, actor: Reader) -> dict[str, Any]:
    """Everything that happened to a finding, oldest first: who, when, what and why."""
    require_finding(state, finding_id)
    return {
        "finding_id": finding_id,
        "items": [e.to_dict() for e in state.findings.audit_trail(finding_id)],
    }
