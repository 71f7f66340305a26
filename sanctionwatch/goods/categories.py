"""Sanction categories ("luxury_goods", "coal", "vehicles" ...) and the HS codes behind them.

The categories are data (``sanctionwatch/regimes/data/categories.yml``), shared by the goods
classifier (which tags goods with them) and the rulebook (whose goods selectors name them).
Some categories follow from the tariff code alone (coal is HS 2701); others (luxury goods,
aviation fuel) only from the words of the description, so their HS list may be empty.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from sanctionwatch.exc import ConfigError
from sanctionwatch.goods.hs import HSRange

log = logging.getLogger(__name__)

CATEGORIES_FILE = Path(__file__).resolve().parent.parent / "regimes" / "data" / "categories.yml"


class Category(BaseModel):
    """One sanction category: a title, the HS codes that belong to it, and their origin."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    hs: list[str] = Field(default_factory=list)
    source: Literal["instrument", "interpretation"]
    notes: str = ""

    @field_validator("hs")
    @classmethod
    def _check_hs(cls, value: list[str]) -> list[str]:
        for spec in value:
            HSRange.parse(spec)
        return value

    @property
    def ranges(self) -> list[HSRange]:
        return [HSRange.parse(spec) for spec in self.hs]


@lru_cache(maxsize=4)
def load_categories(path: Path = CATEGORIES_FILE) -> dict[str, Category]:
    """Read and validate the category file; a broken file is a :class:`ConfigError`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        raw = data["categories"]
        return {name: Category(name=name, **body) for name, body in raw.items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValidationError) as exc:
        raise ConfigError(f"Invalid category file {path}: {exc}", path=str(path)) from exc


def categories_for_code(code: str) -> list[str]:
    """Names of the categories an HS code lies in completely (e.g. "870323" -> vehicles ...)."""
    return list(_categories_for_code(code))


@lru_cache(maxsize=8192)
def _categories_for_code(code: str) -> tuple[str, ...]:
    return tuple(
        name
        for name, ranges in _category_ranges()
        if any(r.overlap(code) == "full" for r in ranges)
    )


@lru_cache(maxsize=1)
def _category_ranges() -> tuple[tuple[str, tuple[HSRange, ...]], ...]:
    """Each category's selectors, parsed once (the category file does not change at run time)."""
    return tuple((name, tuple(c.ranges)) for name, c in load_categories().items())


def check_category_names(names: list[str], where: str) -> None:
    """Raise :class:`ConfigError` naming ``where`` when a category name is not defined."""
    known = load_categories()
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise ConfigError(
            f"{where}: unknown categories {unknown} (defined in {CATEGORIES_FILE.name})",
            path=where,
        )
