"""Structured logs: one JSON object per line, with the fields a log shipper needs."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

from sanctionwatch.logs import JsonFormatter


def record(message: str, created: float, **extra: object) -> logging.LogRecord:
    rec = logging.makeLogRecord(
        {"name": "sanctionwatch.api.access", "levelname": "INFO", "msg": message, **extra}
    )
    rec.created = created
    return rec


def test_one_json_object_with_extra_fields() -> None:
    line = JsonFormatter().format(record("request", 0.0, status=200, path=Path("/x")))
    data = json.loads(line)
    assert "\n" not in line
    assert data["level"] == "info" and data["logger"] == "sanctionwatch.api.access"
    assert data["message"] == "request" and data["status"] == 200
    assert data["path"] == "/x"  # values JSON cannot hold are written as text


def test_time_follows_every_second() -> None:
    formatter = JsonFormatter()
    now = time.time()
    times = [json.loads(formatter.format(record("x", now + s)))["time"] for s in (0, 0.2, 1, 2.5)]
    expected = [
        time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(now + s)) for s in (0, 0.2, 1, 2.5)
    ]
    assert times == expected


def test_exception_is_one_field() -> None:
    try:
        raise ValueError("bad value")
    except ValueError:
        rec = logging.makeLogRecord({"msg": "failed", "levelname": "ERROR"})
        rec.exc_info = sys.exc_info()
    data = json.loads(JsonFormatter().format(rec))
    assert "ValueError: bad value" in data["exception"]
