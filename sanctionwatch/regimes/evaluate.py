"""Evaluate a transfer event against the rulebook: which rules does it break, and why.

A trade rule fires when the event falls in the rule's period, the goods move to (or from) a
target country, the rule's jurisdiction is engaged, and a goods item of the rule matches.
A dealing rule fires when a party matches an entry of a listed dataset and programme that
was listed on the event's date. Whatever the evidence leaves open (a partial date, a value
below a threshold that could not be converted, a car that may or may not be a luxury car)
lowers the hit from "violation" to "possible" and is said in the hit's ``why``. Exemptions
are never applied: they are listed on the hit as conditions that could apply.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sanctionwatch.goods.categories import categories_for_code
from sanctionwatch.goods.hs import best_overlap
from sanctionwatch.model.event import Finding, ListMatch, RuleHit, TransferEvent, Verdict
from sanctionwatch.regimes.facts import (
    TARGET_NAMES,
    GoodsFacts,
    flows,
    giver_side,
    in_period,
    make_goods_facts,
    nexus,
    recipient_side,
)
from sanctionwatch.regimes.rules import GoodsItem, Rule, Rulebook, Threshold, load_rulebook

log = logging.getLogger(__name__)

#: Screening score at or above which a list match is taken as the listed party itself.
CERTAIN_MATCH = 0.95


@dataclass(slots=True)
class Context:
    """Facts from outside the event: listing dates, vessel matches, exchange rates."""

    listed_since: dict[str, str] = field(default_factory=dict)
    vessel_matches: list[ListMatch] = field(default_factory=list)
    rates: dict[str, float] = field(default_factory=dict)  # "USD/EUR": EUR per USD


@dataclass(slots=True)
class GoodsMatch:
    """A goods entry caught by a rule item, with what keeps it from being certain."""

    facts: GoodsFacts
    item: GoodsItem | None
    code: str | None
    doubts: list[str]


def evaluate(
    event: TransferEvent, rulebook: Rulebook | None = None, *, context: Context | None = None
) -> Finding:
    """The finding for one event: every rule it breaks or may break, and the verdict."""
    book = rulebook or load_rulebook()
    ctx = context or Context()
    matches = party_matches(event, ctx)
    if event.status == "negated":
        return Finding(event.id, "none", [], matches)
    facts = [make_goods_facts(g) for g in event.goods]
    hits: list[RuleHit] = []
    for rule in book.rules:
        hit = check_dealing(rule, event, facts, ctx) if rule.direction == "dealing" else None
        if rule.direction != "dealing":
            hit = check_trade(rule, event, facts, ctx)
        if hit is not None:
            if event.status == "hypothetical":
                hit.certainty = "possible"
            hits.append(hit)
    return Finding(event.id, verdict_of(hits), hits, matches)


def verdict_of(hits: list[RuleHit]) -> Verdict:
    if any(h.certainty == "violation" for h in hits):
        return "violation"
    return "possible" if hits else "none"


def party_matches(event: TransferEvent, ctx: Context) -> list[ListMatch]:
    seen: dict[str, ListMatch] = {}
    for _, _, found in parties(event, ctx):
        for m in found:
            seen.setdefault(m.entity_id, m)
    return list(seen.values())


def parties(event: TransferEvent, ctx: Context) -> list[tuple[str, str, list[ListMatch]]]:
    out = []
    for role, party in (("giver", event.giver), ("recipient", event.recipient)):
        if party is not None:
            out.append((role, party.name or party.text, party.matches))
    if ctx.vessel_matches:
        out.append(("vessel", event.vessel or event.imo or "vessel", ctx.vessel_matches))
    return out


# ---------------------------------------------------------------- trade rules


def check_trade(
    rule: Rule, event: TransferEvent, facts: list[GoodsFacts], ctx: Context
) -> RuleHit | None:
    period = in_period(event.date, rule.in_force, rule.ends)
    if period == "no" or not facts:
        return None
    best: RuleHit | None = None
    for flow, country in flows(event, set(rule.target.countries)):
        if rule.direction not in (flow, "both"):
            continue
        link = nexus(event, flow, rule.jurisdiction_countries)
        if link == "no":
            continue
        for goods in facts:
            found = match_goods(rule, goods, event.date, ctx)
            if found is None:
                continue
            doubts = period_doubts(rule, event, period) + nexus_doubts(rule, link) + found.doubts
            hit = make_trade_hit(rule, event, flow, country, found, doubts)
            if best is None or rank(hit) < rank(best):
                best = hit
    return best


def rank(hit: RuleHit) -> int:
    return 0 if hit.certainty == "violation" else 1


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
        if found is not None and (best is None or len(found.doubts) < len(best.doubts)):
            best = found
    return best


def match_item(
    item: GoodsItem, goods: GoodsFacts, event_date: str | None, ctx: Context
) -> GoodsMatch | Literal["below"] | None:
    """The goods caught by one item; "below" when they are but their value is too low."""
    doubts: list[str] = []
    if item.since is not None:
        listed = in_period(event_date, item.since, None)
        if listed == "no":
            return None
        if listed == "unknown":
            doubts.append(f"{item.cites or 'the item'} applies only from {item.since}")
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
    if item.condition:
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


def period_doubts(rule: Rule, event: TransferEvent, period: str) -> list[str]:
    if period != "unknown":
        return []
    if not event.date:
        return [f"the date is unknown; the rule is in force since {rule.in_force}"]
    return [f"the date {event.date} is not precise enough for the rule's start {rule.in_force}"]


def nexus_doubts(rule: Rule, link: str) -> list[str]:
    if link != "unknown":
        return []
    return [
        f"the rule binds only {'/'.join(rule.jurisdiction)} territory or persons, "
        "and the evidence does not say where the goods came from"
    ]


def names(categories: set[str]) -> str:
    return " or ".join(sorted(c.replace("_", " ") for c in categories))


def make_trade_hit(
    rule: Rule, event: TransferEvent, flow: str, country: str, found: GoodsMatch, doubts: list[str]
) -> RuleHit:
    item = found.item
    since = max(d for d in (rule.in_force, item.since if item else None) if d is not None)
    why = f"{describe_goods(found)} {describe_flow(event, flow, country)}; "
    why += f"{rule.citation} {describe_ban(rule, item, flow, country)} since {since}"
    if rule.cap:
        why += f" (cap: {rule.cap}; one shipment cannot show the cap was exceeded)"
    certain = not doubts and rule.max_certainty == "violation"
    if doubts:
        why += ". Possible rather than certain: " + "; ".join(doubts)
    return RuleHit(
        id=rule.id,
        regime=rule.regime,
        instrument=rule.instrument,
        provision=rule.provision,
        why=why + ".",
        summary=rule.summary,
        in_force=since.isoformat(),
        verified=rule.verified and (item.verified if item else True),
        certainty="violation" if certain else "possible",
        exemptions=[e.describe() for e in rule.exemptions],
    )


def describe_goods(found: GoodsMatch) -> str:
    goods = found.facts
    parts = [f"HS {found.code}"] if found.code else []
    category = main_category(found)
    if category:
        parts.append(category.replace("_", " "))
    return f"{goods.label} ({', '.join(parts)})" if parts else goods.label


def main_category(found: GoodsMatch) -> str | None:
    item, sure = found.item, found.facts.sure
    if item is not None:
        if item.qualifier and item.qualifier in sure:
            return item.qualifier
        for name in item.categories:
            if name in sure:
                return name
        for selector in item.ranges:
            for name in categories_for_code(selector.low):
                if name in sure:
                    return name
    return sorted(sure)[0] if sure else None


def describe_flow(event: TransferEvent, flow: str, country: str) -> str:
    when = f"on {event.date}" if event.date else "at an unknown date"
    if flow == "to":
        source = sorted(giver_side(event) - {country})
        origin = f" from {'/'.join(source)}" if source else ""
        return f"supplied{origin} to {country} {when}"
    dest = sorted(recipient_side(event) - {country})
    to = f" into {'/'.join(dest)}" if dest else ""
    return f"procured from {country}{to} {when}"


def describe_ban(rule: Rule, item: GoodsItem | None, flow: str, country: str) -> str:
    what = "any goods" if item is None else item.label
    if item is not None and item.hs:
        what += f" (HS {', '.join(item.hs)})"
    if item is not None and item.cites:
        what += f", as listed in {item.cites},"
    target = TARGET_NAMES.get(country, country)
    if rule.cap:
        return f"caps the supply of {what} to {target}"
    return (
        f"bans supplying {what} to {target}"
        if flow == "to"
        else (f"bans procuring {what} from {target}")
    )


# ---------------------------------------------------------------- dealing rules


def check_dealing(
    rule: Rule, event: TransferEvent, facts: list[GoodsFacts], ctx: Context
) -> RuleHit | None:
    best: RuleHit | None = None
    for role, name, found in parties(event, ctx):
        if role not in rule.target.roles:
            continue
        for match in found:
            hit = dealing_hit(rule, event, facts, ctx, (role, name, match))
            if hit is not None and (best is None or rank(hit) < rank(best)):
                best = hit
    return best


def listed_programs(rule: Rule, match: ListMatch) -> list[str] | None:
    """The match's programmes if the rule covers them; ``None`` when it does not."""
    if match.dataset not in rule.target.lists:
        return None
    programs = list(match.programs)
    if rule.target.programs and not set(programs) & set(rule.target.programs):
        return None
    if (
        rule.target.exclude_programs
        and programs
        and set(programs) <= set(rule.target.exclude_programs)
    ):
        return None
    return programs


def dealing_hit(
    rule: Rule,
    event: TransferEvent,
    facts: list[GoodsFacts],
    ctx: Context,
    party: tuple[str, str, ListMatch],
) -> RuleHit | None:
    role, name, match = party
    programs = listed_programs(rule, match)
    if programs is None:
        return None
    since_text = ctx.listed_since.get(match.entity_id)
    since = _parse_day(since_text)
    doubts: list[str] = []
    listed = in_period(event.date, since, None) if since else "yes"
    if listed == "no":
        return None
    if listed == "unknown":
        doubts.append(f"the event date does not show it was after the listing on {since}")
    if match.score < CERTAIN_MATCH:
        doubts.append(f"the name matches with score {match.score:.2f}, not an identity")
    goods_found = dealing_goods(rule, event, facts, ctx, doubts)
    if goods_found is False:
        return None
    link = nexus_any(event, rule)
    if link != "yes":
        doubts.append(
            f"the list binds {'/'.join(rule.jurisdiction)} persons and territory, and no such "
            "link is shown"
        )
    return make_dealing_hit(rule, event, (role, name, match), programs, since_text, doubts)


def dealing_goods(
    rule: Rule, event: TransferEvent, facts: list[GoodsFacts], ctx: Context, doubts: list[str]
) -> bool:
    if not rule.goods:
        return True
    for goods in facts:
        found = match_goods(rule, goods, event.date, ctx)
        if found is not None:
            doubts += found.doubts
            return True
    return False


def nexus_any(event: TransferEvent, rule: Rule) -> str:
    countries = rule.jurisdiction_countries
    if not countries:
        return "yes"
    side = giver_side(event) | recipient_side(event) | set(event.via)
    return "yes" if side & countries else "unknown"


def make_dealing_hit(
    rule: Rule,
    event: TransferEvent,
    party: tuple[str, str, ListMatch],
    programs: list[str],
    since: str | None,
    doubts: list[str],
) -> RuleHit:
    role, name, match = party
    under = f" under {', '.join(programs)}" if programs else ""
    listed = f" since {since}" if since else ""
    when = f"on {event.date}" if event.date else "at an unknown date"
    why = (
        f"The {role} {name!r} matches {match.caption} ({match.entity_id}), listed on "
        f"{match.dataset}{under}{listed}; dealing {when}. {rule.summary}"
    )
    certain = not doubts and rule.max_certainty == "violation"
    if doubts:
        why = why.rstrip(".") + ". Possible rather than certain: " + "; ".join(doubts) + "."
    provision = f"{rule.provision} ({', '.join(programs)})" if programs else rule.provision
    return RuleHit(
        id=rule.id,
        regime=rule.regime,
        instrument=rule.instrument,
        provision=provision,
        why=why,
        summary=rule.summary,
        in_force=since or (rule.in_force.isoformat() if rule.in_force else None),
        verified=rule.verified,
        certainty="violation" if certain else "possible",
        exemptions=[e.describe() for e in rule.exemptions],
    )


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
