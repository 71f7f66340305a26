"""The errors sanctionwatch raises.

Every error the library raises on purpose derives from one base class and carries
data (where it happened, what was found, what was expected), so that the CLI and
the API can say exactly what went wrong without a traceback::

    SanctionwatchError
     ├── ConfigError          a setting or a data file of the project is wrong
     ├── InputError           input given by the user cannot be used
     │    ├── ParseError      a list/record/document file is malformed (file, line, record)
     │    ├── FormatError     the file is not of the expected (or any known) format
     │    └── CountError      a list parsed to a count outside its expected range
     ├── NotFoundError        a dataset, entity, rule or finding does not exist
     ├── StoreError           the store cannot be read or written
     └── FetchError           a list could not be downloaded (no network, bad status, checksum)
"""

from __future__ import annotations

from typing import Any


class SanctionwatchError(Exception):
    """Base class: a message plus structured detail for machine-readable output."""

    def __init__(self, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.message = message
        self.detail: dict[str, Any] = {k: v for k, v in detail.items() if v is not None}

    def to_dict(self) -> dict[str, Any]:
        return {"error": type(self).__name__, "message": self.message, **self.detail}


class ConfigError(SanctionwatchError):
    """A setting, rule file or lexicon shipped with the project is invalid."""


class InputError(SanctionwatchError):
    """Input supplied by the user cannot be used."""


class ParseError(InputError):
    """A file is malformed. ``path``, ``line`` and ``record`` say where."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        record: str | None = None,
        expected: str | None = None,
    ) -> None:
        where = ", ".join(
            p
            for p in (
                path,
                f"line {line}" if line is not None else None,
                f"record {record}" if record is not None else None,
            )
            if p
        )
        full = f"{where}: {message}" if where else message
        if expected:
            full = f"{full} (expected {expected})"
        super().__init__(full, path=path, line=line, record=record, expected=expected)


class FormatError(InputError):
    """The file is not of the expected format, or of no known format."""


class CountError(InputError):
    """A list parsed to a number of entries outside its expected range."""


class NotFoundError(SanctionwatchError):
    """A named dataset, entity, rule or finding does not exist."""


class StoreError(SanctionwatchError):
    """The store cannot be opened, read or written."""


class FetchError(SanctionwatchError):
    """A download failed: no network, a bad HTTP status, or a checksum mismatch."""
