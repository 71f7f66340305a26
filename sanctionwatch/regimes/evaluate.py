"""Evaluate a transfer event against the rulebook: which rules does it break, and why.

A trade rule fires when the event falls in the rule's period, the goods move to (or from) a
target country, the rule's jurisdiction is engaged, and a goods item of the rule matches.
A dealing rule fires when a party matches an entry of a listed dataset and programme that
was listed on the event's date. Whatever the evidence leaves open (a partial date, a value
below a threshold that could not be converted, a car that may or may not be a luxury car)
lowers the hit from "violation" to "possible" and is said in the hit's ``why``. Exemptions
are never applied: they are listed on the hit as conditions that could apply.

The evaluator judges the transfer as described, whatever the status of the claim; what a
denied, planned or hedged claim means for the verdict is the pipeline's status policy
(:func:`sanctionwatch.pipeline.apply_status`), applied to every event alike.
"""

from __future__ import annotations

import logging

from sanctionwatch.model.event import Finding, ListMatch, RuleHit, TransferEvent, Verdict
from sanctionwatch.regimes.dealing import check_dealing, parties, rank
from sanctionwatch.regimes.explain import make_trade_hit
from sanctionwatch.regimes.facts import GoodsFacts, flows, in_period, make_all_goods_facts, nexus
from sanctionwatch.regimes.goodsmatch import Context, match_goods
from sanctionwatch.regimes.rules import Rule, Rulebook, load_rulebook

__all__ = ["Context", "evaluate"]

log = logging.getLogger(__name__)


def evaluate(
    event: TransferEvent, rulebook: Rulebook | None = None, *, context: Context | None = None
) -> Finding:
    """The finding for one event: every rule it breaks or may break, and the verdict."""
    book = rulebook or load_rulebook()
    ctx = context or Context()
    matches = party_matches(event, ctx)
    facts = [f for g in event.goods for f in make_all_goods_facts(g)]
    hits: list[RuleHit] = []
    for rule in book.rules:
        hit = check_dealing(rule, event, facts, ctx) if rule.direction == "dealing" else None
        if rule.direction != "dealing":
            hit = check_trade(rule, event, facts, ctx)
        if hit is not None:
            hits.append(apply_exemptions(rule, event, hit))
    return Finding(event.id, verdict_of(hits), hits, matches)


def apply_exemptions(rule: Rule, event: TransferEvent, hit: RuleHit) -> RuleHit:
    """A hit the evidence says is exempt (an exemption of this rule) breaks nothing.

    Exemptions are never presumed: only those the event names (``event.exemptions``, from
    the evidence or the record) apply, and only when the rule lists them.
    """
    granted = [e for e in rule.exemptions if e.id in event.exemptions]
    if not granted:
        return hit
    hit.certainty = "none"
    hit.why = f"Exempt: {'; '.join(e.describe() for e in granted)}. Otherwise: {hit.why}"
    return hit


def verdict_of(hits: list[RuleHit]) -> Verdict:
    """The strongest certainty among the hits ("none" hits are context only)."""
    if any(h.certainty == "violation" for h in hits):
        return "violation"
    return "possible" if any(h.certainty == "possible" for h in hits) else "none"


def party_matches(event: TransferEvent, ctx: Context) -> list[ListMatch]:
    seen: dict[str, ListMatch] = {}
    for _, _, found in parties(event, ctx):
        for m in found:
            seen.setdefault(m.entity_id, m)
    return list(seen.values())


def check_trade(
    rule: Rule, event: TransferEvent, facts: list[GoodsFacts], ctx: Context
) -> RuleHit | None:
    period = in_period(event.date, rule.in_force, rule.ends, ctx.published)
    if period == "no" or not facts or (rule.needs_vessel and not (event.vessel or event.imo)):
        return None
    if rule.modes and event.transfer_mode not in rule.modes:
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
            doubts = period_doubts(rule, event, period, ctx) + nexus_doubts(rule, link)
            doubts += found.doubts
            if rule.condition:
                doubts.append(f"the rule applies only if {rule.condition}")
            hit = make_trade_hit(rule, event, flow, country, found, doubts)
            if period == "yes" and not event.date and ctx.published:
                hit.why += (
                    f" The report gives no date: taken as within the year before {ctx.published}."
                )
            if best is None or rank(hit) < rank(best):
                best = hit
    return best


def period_doubts(rule: Rule, event: TransferEvent, period: str, ctx: Context) -> list[str]:
    if period != "unknown":
        return []
    if not event.date and ctx.published:
        return [
            f"the report gives no date (taken as within the year before {ctx.published}); "
            f"the rule is in force from {rule.in_force}" + (f" to {rule.ends}" if rule.ends else "")
        ]
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
