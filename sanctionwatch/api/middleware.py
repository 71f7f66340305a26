"""ASGI middleware: the request body size limit and one structured log line per request.

Both are plain ASGI (no ``BaseHTTPMiddleware``) so they add little to each request. The size
limit refuses a declared ``Content-Length`` over the limit before reading anything, and
stops reading a chunked body as soon as it passes the limit (the body is read up to the limit
before the route runs); either way the answer is a 413 in the one error shape and the route
never runs.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sanctionwatch.api.errors import error_body

log = logging.getLogger("sanctionwatch.api.access")


async def _send_error(send: Send, status: int, error: str, message: str) -> None:
    body = json.dumps(error_body(error, message)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def replay_body(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body already read as one message, then the real one's."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _message(self) -> str:
        return f"The request body is larger than the limit of {self.limit} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _send_error(send, 413, "payload_too_large", self._message())
            return
        body = await self._read_body(receive)
        if body is None:
            await _send_error(send, 413, "payload_too_large", self._message())
            return
        await self.app(scope, replay_body(body, receive), send)

    async def _read_body(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it passes the limit."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


class AccessLogMiddleware:
    """Log method, path, status, duration and a request id; echo the id as ``x-request-id``.

    A route adds its own fields to the line by setting ``request.state.log`` to a dict.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        request_id = uuid.uuid4().hex[:16]
        status: dict[str, Any] = {"code": 500}

        async def logging_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, logging_send)
        finally:
            log.info(
                "%s %s %s",
                scope["method"],
                scope["path"],
                status["code"],
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status["code"],
                    "request_id": request_id,
                    "duration_ms": round((time.perf_counter() - start) * 1000, 2),
                    **scope.get("state", {}).get("log", {}),
                },
            )
