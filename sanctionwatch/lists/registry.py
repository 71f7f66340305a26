"""The registry of list formats: an explicit list, lookup by name, and detection by content."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

from sanctionwatch.exc import FormatError, NotFoundError
from sanctionwatch.lists.base import ListFormat
from sanctionwatch.lists.reader import read_head

#: Built-in list modules, each defining ``FORMAT`` (or ``FORMATS``). Order matters for detection.
MODULES = (
    "sanctionwatch.lists.un_sc",
    "sanctionwatch.lists.us_ofac_cons",
    "sanctionwatch.lists.us_ofac_sdn",
    "sanctionwatch.lists.us_ofac_csv",
    "sanctionwatch.lists.eu_fsf",
    "sanctionwatch.lists.gb_hmt",
    "sanctionwatch.lists.ftm",
)


@lru_cache(maxsize=1)
def get_formats() -> tuple[ListFormat, ...]:
    """Every format, in module order; a module defines ``FORMAT`` or a ``FORMATS`` tuple."""
    formats: list[ListFormat] = []
    for name in MODULES:
        module = importlib.import_module(name)
        formats.extend(getattr(module, "FORMATS", None) or (module.FORMAT,))
    return tuple(formats)


def get_format(name: str) -> ListFormat:
    for fmt in get_formats():
        if name == fmt.name or name in fmt.aliases or name == fmt.source.dataset:
            return fmt
    known = ", ".join(f.name for f in get_formats())
    raise NotFoundError(f"Unknown list format {name!r}; known formats: {known}", format=name)


def detect_format(path: Path) -> ListFormat:
    """Recognise a list file from its first bytes (and name, where formats share a layout)."""
    head = read_head(path)
    for fmt in get_formats():
        if fmt.sniff(head, path):
            return fmt
    known = ", ".join(f"{f.name} ({f.source.title})" for f in get_formats())
    raise FormatError(
        f"{path}: not a sanctions list file sanctionwatch can read; known formats: {known}",
        path=str(path),
    )
