"""The one pipeline every entry point feeds: resolve parties, classify goods, evaluate rules.

Extraction from text and parsing of structured records both produce
:class:`~sanctionwatch.model.event.TransferEvent` objects; :func:`process_events` turns each
into exactly one :class:`~sanctionwatch.model.event.Finding`. States (a party that is a
country, such as "Russian Federation") are not screened: sanctions lists name persons,
companies and vessels. Everyone else is screened when a matcher (or a store to build one
from) is given; without one, or with no lists loaded, findings rest on the transfer alone.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sanctionwatch.countries import clean_country
from sanctionwatch.goods import classify
from sanctionwatch.model.event import Finding, Goods, ListMatch, Party, TransferEvent
from sanctionwatch.regimes import Context, Rulebook, evaluate
from sanctionwatch.regimes.evaluate import verdict_of

if TYPE_CHECKING:
    from sanctionwatch.match import Matcher, Result
    from sanctionwatch.store.base import Store

log = logging.getLogger(__name__)

#: Why each status other than "actual" changes the verdict, as said in every hit.
STATUS_REASONS = {
    "negated": "the report says this transfer did not take place (denied, refused or stopped)",
    "hypothetical": "the transfer is only planned, promised, offered or under discussion",
    "reported": "the claim is reported, not established (hedged, unattributed or disputed)",
}
#: Words in the goods text that say the goods moved between two ships at sea.
_SHIP_TO_SHIP = re.compile(r"\b(ship[\s-]*to[\s-]*ship|STS\s+transfer)", re.IGNORECASE)

#: Party kinds and the list schema screened for each.
SCHEMAS = {"person": "Person", "organization": "Organization", "vessel": "Vessel"}


def process_events(
    events: Iterable[TransferEvent],
    matcher: Matcher | None = None,
    store: Store | None = None,
    *,
    rulebook: Rulebook | None = None,
    rates: dict[str, float] | None = None,
    published: str | None = None,
) -> list[Finding]:
    """One finding per event, in order; events are completed in place (countries, matches, HS).

    ``rates`` are exchange rates for value thresholds, as ``{"USD/EUR": 0.92}`` (EUR per USD);
    without a rate a threshold in another currency is reported as not checked. ``published``
    is the date of the report the events come from: no event is later, and an undated one is
    taken as within the year before it.
    """
    screener = matcher if matcher is not None else make_matcher(store)
    findings = []
    for event in events:
        context = prepare_event(event, screener)
        context.rates = dict(rates or {})
        context.published = published
        findings.append(apply_status(event, evaluate(event, rulebook, context=context)))
    return findings


def apply_status(event: TransferEvent, finding: Finding) -> Finding:
    """Lower the finding to what the claim supports (see the module docstring)."""
    reason = STATUS_REASONS.get(event.status)
    if reason is None:
        return finding
    for hit in finding.rules:
        if hit.certainty == "none":
            continue  # already context only (an exemption the evidence names)
        if event.status == "reported":
            hit.certainty = "possible"
            hit.why += f" At most possible: {reason}."
        else:
            hit.certainty = "none"
            hit.why = f"Not broken: {reason}. Had it taken place: {hit.why}"
    finding.verdict = verdict_of(finding.rules)
    return finding


def make_matcher(store: Store | None) -> Matcher | None:
    """A matcher over the store's lists, or ``None`` when there is no store to screen against."""
    if store is None:
        return None
    from sanctionwatch.match import get_matcher  # imported late: screening is optional

    return get_matcher(store)


def prepare_event(event: TransferEvent, matcher: Matcher | None) -> Context:
    """Normalise countries, screen parties and vessel, classify goods without HS codes."""
    context = Context()
    event.origin = clean_country(event.origin) or event.origin
    event.destination = clean_country(event.destination) or event.destination
    event.via = [clean_country(v) or v for v in event.via]
    for party in (event.giver, event.recipient):
        if party is not None:
            resolve_party(party, matcher, context)
    if matcher is not None and (event.vessel or event.imo):
        context.vessel_matches = screen_vessel(event, matcher, context)
    for goods in event.goods:
        complete_goods(goods)
    if event.transfer_mode is None and any(_SHIP_TO_SHIP.search(g.text) for g in event.goods):
        event.transfer_mode = "ship-to-ship"
    return context


def resolve_party(party: Party, matcher: Matcher | None, context: Context) -> None:
    """Fill the country; screen the party unless it is a state."""
    party.country = clean_country(party.country) or party.country
    as_country = clean_country(party.name or party.text)
    if party.kind == "state" or (as_country and party.kind == "unknown"):
        party.kind = "state"
        party.country = party.country or as_country
        return
    if matcher is None or not (party.name or party.text).strip():
        return
    results = matcher.screen(make_query(party))
    party.matches = keep_matches(results, context)


def make_query(party: Party) -> Any:
    from sanctionwatch.match import Query

    country = party.country if party.country and len(party.country) == 2 else None
    return Query(party.name or party.text, schema=SCHEMAS.get(party.kind), country=country)


def screen_vessel(event: TransferEvent, matcher: Matcher, context: Context) -> list[ListMatch]:
    from sanctionwatch.match import Query

    imo = "".join(ch for ch in (event.imo or "") if ch.isdigit())
    if not (event.vessel or imo):
        return []
    query = Query(event.vessel or "", schema="Vessel", identifiers=[imo] if imo else [])
    return keep_matches(matcher.screen(query), context)


def keep_matches(results: list[Result], context: Context) -> list[ListMatch]:
    """Matches above the threshold, remembering each entry's listing date for the rules."""
    kept = []
    for result in results:
        if not result.match:
            continue
        listed = result.entity.first("createdAt")
        if listed:
            context.listed_since[result.entity_id] = listed
        kept.append(result.to_list_match())
    return kept


def complete_goods(goods: Goods) -> None:
    """Classify goods that carry words but no HS code; keep codes given by the evidence."""
    if goods.hs or not goods.text.strip():
        return
    found = classify(goods.text).to_goods(goods.value, goods.currency, goods.quantity)
    goods.hs = found.hs
    goods.category = goods.category or found.category
    goods.categories = goods.categories or found.categories
    goods.confidence = found.confidence
