"""The rulebook: regime rules as validated data, each citing its legal source.

Each file in ``regimes/data/`` (``categories.yml`` aside) holds one regime: an authority, a
title and its rules. A rule says which transfers it forbids (direction, target, goods), since
when (and until when, if lifted), where it binds (``jurisdiction``: every State for the UN,
EU or US nexus otherwise), which exemptions could apply, and where it comes from
(instrument and provision). Facts not checked against the official text are encoded with
``verified: false`` and every finding built from them shows that mark.

Loading validates everything a rule refers to (HS selectors, categories, country codes,
dates in order, unique ids) so that a broken rule stops the load with its file and id
instead of silently never firing.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from sanctionwatch.exc import ConfigError, NotFoundError
from sanctionwatch.goods.categories import check_category_names
from sanctionwatch.goods.hs import HSRange

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
Direction = Literal["to", "from", "both", "dealing"]
Certainty = Literal["violation", "possible"]
Role = Literal["giver", "recipient", "vessel"]
_COUNTRY = re.compile(r"^[A-Z]{2}$")

#: Named groups usable in ``jurisdiction`` (EU member states, ISO alpha-2).
GROUPS: dict[str, frozenset[str]] = {
    "EU": frozenset(
        "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU".split()
    ),
}


def _check_countries(values: list[str]) -> list[str]:
    for value in values:
        if value not in GROUPS and not _COUNTRY.match(value):
            raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 code in upper case")
    return values


def _all_roles() -> list[Role]:
    return ["giver", "recipient", "vessel"]


class Threshold(BaseModel):
    """Goods are caught only when their value per item exceeds ``amount`` ``currency``."""

    amount: float = Field(gt=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    basis: str = "value per item"


class Exemption(BaseModel):
    """A condition under which the transfer may be allowed; shown, never applied silently."""

    id: str
    text: str
    provision: str | None = None
    verified: bool = True

    def describe(self) -> str:
        where = f" ({self.provision})" if self.provision else ""
        mark = " [unverified]" if not self.verified else ""
        return f"{self.text}{where}{mark}"


class GoodsItem(BaseModel):
    """One kind of goods a rule catches, by HS selectors and/or categories."""

    label: str
    hs: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    qualifier: str | None = Field(
        default=None, description="A category the goods must also be in (e.g. luxury_goods)."
    )
    threshold: Threshold | None = None
    cites: str | None = Field(default=None, description="Annex or list naming the item.")
    since: date | None = None
    condition: str | None = Field(
        default=None, description="A fact the evidence rarely gives (e.g. 'the vessel is new')."
    )
    except_categories: list[str] = Field(
        default_factory=list, description="Goods sure to be in one of these are not caught."
    )
    age: Literal["new", "used"] | None = Field(
        default=None,
        description="Only goods of this age: words saying otherwise exclude them, words "
        "saying so settle the condition, silence leaves it open.",
    )
    verified: bool = True

    @field_validator("hs")
    @classmethod
    def _check_hs(cls, value: list[str]) -> list[str]:
        for spec in value:
            HSRange.parse(spec)
        return value

    @model_validator(mode="after")
    def _selects_something(self) -> GoodsItem:
        if not self.hs and not self.categories:
            raise ValueError(f"goods item {self.label!r} needs hs codes or categories")
        return self

    @property
    def ranges(self) -> list[HSRange]:
        return [HSRange.parse(spec) for spec in self.hs]


class Target(BaseModel):
    """Who the rule protects against: countries, or parties on named lists."""

    countries: list[str] = Field(default_factory=list)
    lists: list[str] = Field(default_factory=list)
    programs: list[str] = Field(default_factory=list)
    exclude_programs: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=lambda: _all_roles())

    @field_validator("countries")
    @classmethod
    def _check_targets(cls, value: list[str]) -> list[str]:
        return _check_countries(value)


class Rule(BaseModel):
    """One prohibition, with its citation and the facts needed to test an event against it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]+$")
    regime: str = ""
    title: str
    instrument: str
    provision: str
    adopted: date | None = None
    in_force: date | None = None
    ends: date | None = None
    direction: Direction
    target: Target
    jurisdiction: list[str] = Field(default_factory=list, description="Empty: every State.")
    goods: list[GoodsItem] = Field(default_factory=list)
    any_goods: bool = False
    except_categories: list[str] = Field(default_factory=list)
    max_certainty: Certainty = "violation"
    needs_vessel: bool = Field(default=False, description="Only events that name a vessel.")
    modes: list[str] = Field(
        default_factory=list, description="Only events of these transfer modes (ship-to-ship)."
    )
    condition: str | None = Field(
        default=None, description="A fact the evidence rarely gives; shown, lowers to possible."
    )
    cap: str | None = None
    exemptions: list[Exemption] = Field(default_factory=list)
    summary: str
    verified: bool = True
    unverified: str = ""
    sources: list[str] = Field(default_factory=list)

    @field_validator("jurisdiction")
    @classmethod
    def _check_jurisdiction(cls, value: list[str]) -> list[str]:
        return _check_countries(value)

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if self.direction == "dealing":
            if not self.target.lists:
                raise ValueError("a 'dealing' rule needs target.lists")
        else:
            if not self.target.countries:
                raise ValueError("a trade rule needs target.countries")
            if not self.goods and not self.any_goods:
                raise ValueError("a trade rule needs goods items or any_goods: true")
            if self.in_force is None:
                raise ValueError("a trade rule needs its in_force date")
        if self.adopted and self.in_force and self.in_force < self.adopted:
            raise ValueError("in_force is before adopted")
        if self.ends and self.in_force and self.ends <= self.in_force:
            raise ValueError("ends is not after in_force")
        if not self.verified and not self.unverified:
            raise ValueError("an unverified rule must say what is unverified")
        return self

    @property
    def citation(self) -> str:
        return f"{self.instrument} {self.provision}"

    @property
    def jurisdiction_countries(self) -> frozenset[str]:
        out: set[str] = set()
        for code in self.jurisdiction:
            out |= GROUPS.get(code, frozenset({code}))
        return frozenset(out)

    def categories_used(self) -> list[str]:
        names = list(self.except_categories)
        for item in self.goods:
            names += item.categories + ([item.qualifier] if item.qualifier else [])
            names += item.except_categories
        return names


class Regime(BaseModel):
    """One regime file."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]+$")
    title: str
    authority: str
    rules: list[Rule]


class Rulebook:
    """All regimes; rules in file order, retrievable by id."""

    def __init__(self, regimes: list[Regime]) -> None:
        self.regimes = regimes
        self.rules: list[Rule] = [rule for regime in regimes for rule in regime.rules]
        self._by_id: dict[str, Rule] = {}
        for rule in self.rules:
            if rule.id in self._by_id:
                raise ConfigError(f"Duplicate rule id {rule.id!r} ({rule.regime})", rule=rule.id)
            self._by_id[rule.id] = rule

    def get(self, rule_id: str) -> Rule:
        try:
            return self._by_id[rule_id]
        except KeyError:
            raise NotFoundError(
                f"No rule {rule_id!r}; `sanctionwatch regimes list` shows the ids", rule=rule_id
            ) from None

    def for_regime(self, regime: str) -> list[Rule]:
        return [rule for rule in self.rules if rule.regime == regime]


def read_regime(path: Path) -> Regime:
    """Read and validate one regime file; errors name the file and the rule."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        regime = Regime.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Cannot read rule file {path}: {exc}", path=str(path)) from exc
    except ValidationError as exc:
        raise ConfigError(
            f"Invalid rule file {path}: {_explain(exc, data)}", path=str(path)
        ) from exc
    for rule in regime.rules:
        rule.regime = regime.id
        check_category_names(rule.categories_used(), f"{path.name} rule {rule.id}")
    return regime


def _explain(exc: ValidationError, data: object) -> str:
    parts = []
    for error in exc.errors():
        loc = list(error["loc"])
        where = ".".join(str(p) for p in loc)
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(data, dict):
            try:
                where = f"rule {data['rules'][loc[1]]['id']}: " + ".".join(str(p) for p in loc[2:])
            except (KeyError, IndexError, TypeError):
                pass
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


def rule_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(p for p in data_dir.glob("*.yml") if p.name != "categories.yml")


@lru_cache(maxsize=4)
def load_rulebook(data_dir: Path = DATA_DIR) -> Rulebook:
    """Load every regime file of ``data_dir`` (cached)."""
    regimes = [read_regime(path) for path in rule_files(data_dir)]
    book = Rulebook(regimes)
    log.debug("rulebook: %d regimes, %d rules", len(regimes), len(book.rules))
    return book
