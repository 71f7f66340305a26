"""Logging setup. Only entry points (CLI, server) call :func:`configure_logging`.

The server writes one JSON line per request, so the formatter is on every request's path: it
serialises with orjson and formats the time once per second, not once per line.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

import orjson

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any ``extra`` fields."""

    _skip = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}

    def __init__(self) -> None:
        super().__init__()
        self._second = -1
        self._time = ""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": self._format_time(record.created),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in self._skip:
                data[key] = value
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(data, default=str).decode()

    def _format_time(self, created: float) -> str:
        second = int(created)
        if second != self._second:
            self._time = time.strftime(TIME_FORMAT, self.converter(created))
            self._second = second
        return self._time


def configure_logging(level: int = logging.WARNING, json_lines: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("sanctionwatch")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
