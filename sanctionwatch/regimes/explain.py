"""The words of a hit: what moved where and when, and what the rule bans since when.

Every hit carries a "why" sentence built from the event, e.g. "Aurus Senat limousine (HS
8703, vehicles) supplied from RU to KP on 2024-02-18; UNSCR 2397 (2017) para 7 bans
supplying transportation vehicles (HS 86-89) to the DPRK since 2017-12-22."
"""

from __future__ import annotations

import logging

from sanctionwatch.goods.categories import categories_for_code
from sanctionwatch.model.event import RuleHit, TransferEvent
from sanctionwatch.regimes.facts import TARGET_NAMES, giver_side, recipient_side
from sanctionwatch.regimes.goodsmatch import GoodsMatch
from sanctionwatch.regimes.rules import GoodsItem, Rule

log = logging.getLogger(__name__)


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


def describe_date(date: str | None) -> str:
    """ "on 2024-02-18", "in 2024-02", "in 2018", or "at an unknown date"."""
    if not date:
        return "at an unknown date"
    return f"on {date}" if len(date) >= 10 else f"in {date}"


def describe_flow(event: TransferEvent, flow: str, country: str) -> str:
    when = describe_date(event.date)
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
