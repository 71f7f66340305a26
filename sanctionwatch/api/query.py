"""Query parameters read with one pydantic model, for routes where every microsecond counts.

FastAPI resolves each declared query parameter on every request in Python, which for the
eight parameters of ``/match`` costs about as much as the rest of the framework's work on
the request. A route can instead read them with :func:`read_query` (one pydantic validation
of the query string) and declare them for the OpenAPI docs with :func:`openapi_parameters`.
Invalid values raise FastAPI's ``RequestValidationError``, so they get the same 422 answer
(field ``limit``, message from pydantic) as declared parameters.
"""

from __future__ import annotations

import typing
from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(typing.get_origin(arg) is list for arg in typing.get_args(annotation))


def list_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields given by repeating the parameter (``?exclude_dataset=a&exclude_dataset=b``)."""
    return frozenset(n for n, f in model.model_fields.items() if _is_list(f.annotation))


def read_query(model: type[Model], request: Request, lists: frozenset[str]) -> Model:
    """The query string of ``request`` validated as ``model``; ``lists`` are its list fields."""
    data: dict[str, Any] = {}
    for key, value in request.query_params.multi_items():
        if key in lists:
            data.setdefault(key, []).append(value)
        else:
            data[key] = value
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [{**e, "loc": ("query", *e["loc"])} for e in exc.errors(include_url=False)]
        raise RequestValidationError(errors) from None


def openapi_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The model's fields as OpenAPI query parameters (for a route's ``openapi_extra``)."""
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    out = []
    for name, prop in schema["properties"].items():
        prop = dict(prop)
        description = prop.pop("description", None)
        prop.pop("title", None)
        param = {"name": name, "in": "query", "required": name in required, "schema": prop}
        if description:
            param["description"] = description
        out.append(param)
    return out
