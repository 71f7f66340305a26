"""Liveness and readiness: ``/healthz`` (the process answers) and ``/readyz`` (it can work)."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from sanctionwatch.api.errors import error_body
from sanctionwatch.api.schemas import HealthResponse
from sanctionwatch.api.state import StateDep

router = APIRouter(tags=["Health"])


@router.get("/healthz", response_model=HealthResponse)
def healthz(state: StateDep) -> dict[str, Any]:
    """The process is up."""
    return {"status": "ok", "detail": {"uptime_s": round(time.time() - state.started, 1)}}


def _unready(message: str, detail: dict[str, Any]) -> JSONResponse:
    body = {"status": "unavailable", "detail": detail, **error_body("not_ready", message)}
    return JSONResponse(body, status_code=503)


@router.get(
    "/readyz",
    response_model=HealthResponse,
    responses={503: {"description": "Not ready, with the reason"}},
)
def readyz(state: StateDep) -> Any:
    """The store answers and lists are loaded (503 with the reason otherwise)."""
    try:
        versions = state.store.latest_versions()
    except Exception as exc:  # noqa: BLE001 - readiness reports any store failure
        return _unready(f"The store cannot be read ({type(exc).__name__})", {"store": "error"})
    detail = {
        "store": "ok",
        "datasets": sorted(v.dataset for v in versions),
        "matcher": "ready" if state.matcher_ready else "built on first use",
    }
    if not versions:
        return _unready("No lists are loaded: run `sanctionwatch lists load PATH`", detail)
    return {"status": "ok", "detail": detail}
