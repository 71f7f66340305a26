"""One JSON shape for every error the API returns, and the handlers that enforce it.

Every non-2xx response body is ``{"error", "message", "errors": [{"field", "message"}]}``:
``error`` is a stable machine-readable name (``not_found``, ``invalid_request``,
``missing_api_key`` ...), ``message`` says what was wrong and what was expected, and
``errors`` lists field-level problems (empty when there are none). Unexpected exceptions are
logged with their traceback and answered with a 500 that carries no internal detail.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sanctionwatch.exc import (
    ConfigError,
    FetchError,
    InputError,
    NotFoundError,
    SanctionwatchError,
    StoreError,
)

log = logging.getLogger(__name__)

_STATUS_NAMES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "server_error",
    503: "unavailable",
}


class APIError(Exception):
    """An error raised by a route with its status, name, message and field errors."""

    def __init__(
        self,
        status: int,
        message: str,
        error: str | None = None,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error or _STATUS_NAMES.get(status, "error")
        self.message = message
        self.errors = errors or []
        self.headers = headers


def error_body(
    error: str, message: str, errors: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    return {"error": error, "message": message, "errors": errors or []}


def error_response(
    status: int,
    message: str,
    error: str | None = None,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = error_body(error or _STATUS_NAMES.get(status, "error"), message, errors)
    return JSONResponse(body, status_code=status, headers=headers)


_CONTAINER_ERRORS = {"list_type", "dict_type", "model_type", "model_attributes_type"}
_UNION_TAG = re.compile(r"^(list\[)?[A-Z]\w*\]?$")


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    """``("body", "ScreenRequest", "limit")`` -> ``"limit"``; ``queries.q1.schema`` etc."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:] or parts
    if parts and _UNION_TAG.match(parts[0]):  # the branch of a `Model | list[Model]` body
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    raw = list(exc.errors())
    # For a one-or-many body, drop "wrong container" errors of the branch that does not apply.
    specific = [e for e in raw if not (e.get("type") in _CONTAINER_ERRORS and len(e["loc"]) <= 2)]
    out = []
    for err in specific or raw:
        message = str(err.get("msg", "invalid value"))
        if err.get("type") == "json_invalid":
            ctx = err.get("ctx") or {}
            message = f"Malformed JSON: {ctx.get('error', 'cannot be parsed')}"
        out.append({"field": _field_name(err.get("loc", ())), "message": message})
    return out


def library_status(exc: SanctionwatchError) -> int:
    """The HTTP status a library error maps to."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, FetchError | StoreError):
        return 503
    if isinstance(exc, ConfigError):
        return 500
    return 400


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, APIError)
    return error_response(exc.status, exc.message, exc.error, exc.errors, exc.headers)


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"No such address: {request.method} {request.url.path}"
    elif exc.status_code == 405:
        message = f"Method {request.method} is not allowed on {request.url.path}"
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = validation_errors(exc)
    fields = ", ".join(e["field"] for e in errors[:5])
    return error_response(422, f"The request is not valid: check {fields}", errors=errors)


async def _on_library(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SanctionwatchError)
    status = library_status(exc)
    if status >= 500:
        log.error("request failed", extra={"path": request.url.path, "error": exc.message})
        message = "The server could not complete the request; see the server log."
        if status == 503:
            message = f"A resource the server needs is unavailable: {type(exc).__name__}"
        return error_response(status, message)
    errors = []
    if exc.detail.get("field"):
        errors.append({"field": str(exc.detail["field"]), "message": exc.message})
    return error_response(status, exc.message, errors=errors)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    # The boundary: log the traceback for operators, give the client no internals.
    log.exception("unhandled error", extra={"path": request.url.path})
    return error_response(500, "The server could not complete the request; see the server log.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(APIError, _on_api_error)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(SanctionwatchError, _on_library)
    app.add_exception_handler(Exception, _on_unexpected)
