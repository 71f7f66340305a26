"""Shared ways of running a list parser in tests and reading what it made, so that every
parser's tests build their context, write their hand-made files and read originals alike."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sanctionwatch.exc import FormatError, ParseError
from sanctionwatch.lists.base import Context, ListFormat
from sanctionwatch.model.entity import Entity


def parse_with(fmt: ListFormat, path: Path, dataset: str | None = None) -> Context:
    """Parse `path` with `fmt` into a fresh context (dataset: the format's own by default)."""
    ctx = Context(path=path, source=fmt.source, dataset=dataset or fmt.source.dataset)
    fmt.parse(ctx)
    return ctx


def originals(entity: Entity, prop: str) -> dict[str, str | None]:
    """Each value of `prop` on `entity` mapped to the text it was read from."""
    return {s.value: s.original for s in entity.statements if s.prop == prop}


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    """Write a hand-made list file `name` under `tmp_path` and return its path."""
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def parse_bytes(fmt: ListFormat, data: bytes, name: str, dataset: str) -> Context | None:
    """Parse `data` written to a fresh file `name`: the context, or None when the parser
    refused it with a ParseError or FormatError (the only ways bad input may fail)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        ctx = Context(path=path, source=fmt.source, dataset=dataset)
        try:
            fmt.parse(ctx)
        except (ParseError, FormatError):
            return None
        return ctx
