"""Shared ways of running a list parser in tests and reading what it made, so that every
parser's tests build their context, write their hand-made files and read originals alike."""

from __future__ import annotations

from pathlib import Path

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
