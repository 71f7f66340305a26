"""Does a rule's goods selector catch these goods, and what keeps that from being certain?

A rule names goods by HS selectors and categories, sometimes with a qualifier ("luxury
goods"), a value threshold per item, an annex date or a condition. Each open question (a
maybe-category, a broader HS code, a value in another currency, vague words) becomes a
"doubt" sentence; the evaluator turns a match with doubts into a *possible* hit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

from sanctionwatch.goods.hs import best_overlap
from sanctionwatch.model.event import ListMatch
from sanctionwatch.regimes.facts import GoodsFacts, in_period
from sanctionwatch.regimes.rules import GoodsItem, Rule, Threshold

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Context:
    """Facts from outside the event: listing dates, vessel matches, exchange rates."""

    listed_since: dict[str, str] = field(default_factory=dict)
    vessel_matches: list[ListMatch] = field(default_factory=list)
    rates: dict[str, float] = field(default_factory=dict)  # "USD/EUR": EUR per USD
    published: str | None = None  # the report's date: no event after it, undated ones recent


@dataclass(slots=True)
class GoodsMatch:
    """A goods entry caught by a rule item, with what keeps it from being certain."""

    facts: GoodsFacts
    item: GoodsItem | None
    code: str | None
    doubts: list[str]


def match_goods(
    rule: Rule, goods: GoodsFacts, event_date: str | None, ctx: Context
) -> GoodsMatch | None:
    """The rule item that catches the goods with the fewest doubts, or ``None``."""
    if rule.any_goods:
        if goods.sure & set(rule.except_categories):
            return None
        return GoodsMatch(goods, None, goods.codes[0] if goods.codes else None, [])
    best: GoodsMatch | None = None
    for item in rule.goods:
        found = match_item(item, goods, event_date, ctx)
        if found == "below":
            # the value test of the most specific item governs ("unless the annex says
            # otherwise"): goods below it are not caught by a broader item either
            return None
        if found is not None and (best is None or _weight(found) < _weight(best)):
            best = found
    return best


def _weight(found: GoodsMatch) -> tuple[int, int]:
    """Fewer doubts first; then an item whose facts are verified over one that is not."""
    return len(found.doubts), 0 if found.item is None or found.item.verified else 1


def match_item(
    item: GoodsItem, goods: GoodsFacts, event_date: str | None, ctx: Context
) -> GoodsMatch | Literal["below"] | None:
    """The goods caught by one item; "below" when they are but their value is too low."""
    doubts: list[str] = []
    if item.since is not None:
        listed = in_period(event_date, item.since, None, ctx.published)
        if listed == "no":
            return None
        if listed == "unknown":
            doubts.append(f"{item.cites or 'the item'} applies only from {item.since}")
    if goods.sure & set(item.except_categories):
        return None  # e.g. small arms under a ban on "all arms except small arms"
    level, code = best_overlap(item.ranges, goods.codes)
    cats = set(item.categories)
    if level == "none" and not cats & (goods.sure | goods.maybe):
        return None
    if level == "none" and not cats & goods.sure:
        doubts.append(f"{goods.label} may or may not be {names(cats & goods.maybe)}")
    if level == "partial":
        doubts.append(f"HS {code} is broader than the goods of the rule ({', '.join(item.hs)})")
    if goods.vague:
        doubts.append(f"the description {goods.label!r} is too vague to be sure of the goods")
    qualifier = qualifier_doubt(item, goods)
    if qualifier is False:
        return None
    if isinstance(qualifier, str):
        doubts.append(qualifier)
    value = threshold_doubt(item.threshold, goods, ctx) if item.threshold else None
    if value is False:
        return "below"
    if isinstance(value, str):
        doubts.append(value)
    if item.age is not None and goods.age is not None and goods.age != item.age:
        return None  # the words say the goods are not of the age the rule needs
    if item.condition and not (item.age is not None and goods.age == item.age):
        doubts.append(f"the rule applies only if {item.condition}")
    return GoodsMatch(goods, item, code or (goods.codes[0] if goods.codes else None), doubts)


def qualifier_doubt(item: GoodsItem, goods: GoodsFacts) -> str | bool | None:
    """None when the qualifier holds, a doubt when open, False when the words exclude it."""
    wanted = item.qualifier
    if wanted is None or wanted in goods.sure:
        return None
    if wanted in goods.maybe:
        return f"{goods.label} may or may not be {names({wanted})}"
    if goods.described:
        return False
    return f"the evidence does not say whether the goods are {names({wanted})}"


def threshold_doubt(threshold: Threshold, goods: GoodsFacts, ctx: Context) -> str | bool | None:
    """None when the value per item is above the threshold, False below, a doubt if unknown."""
    limit = f"{threshold.currency} {threshold.amount:,.0f}"
    value = goods.per_item_value()
    if value is None:
        return (
            f"no value was given, so the {limit} threshold ({threshold.basis}) could not be checked"
        )
    currency = (goods.goods.currency or "").upper()
    if not currency:
        return f"the value has no currency, so the {limit} threshold could not be checked"
    converted = convert(value, currency, threshold.currency, ctx.rates)
    if converted is None:
        return (
            f"the value is in {currency} and no {currency}/{threshold.currency} rate is known, "
            f"so the {limit} threshold could not be checked"
        )
    return None if converted > threshold.amount else False


def convert(value: float, source: str, target: str, rates: dict[str, float]) -> float | None:
    if source == target:
        return value
    if f"{source}/{target}" in rates:
        return value * rates[f"{source}/{target}"]
    if f"{target}/{source}" in rates:
        return value / rates[f"{target}/{source}"]
    return None


def names(categories: set[str]) -> str:
    return " or ".join(sorted(c.replace("_", " ") for c in categories))
