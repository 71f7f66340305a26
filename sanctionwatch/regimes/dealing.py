"""Dealing rules: a party (giver, recipient, vessel) matches an entry of a listed dataset.

The hit names the list and the programmes that list the entry (e.g. OFAC "DPRK3"), and
counts only if the entry was listed on the event's date. A name match below
``CERTAIN_MATCH`` is not an identity, and a list that binds one jurisdiction (EU, UK, US)
without a link to it gives a *possible* hit.
"""

from __future__ import annotations

import logging
from datetime import date

from sanctionwatch.model.event import ListMatch, RuleHit, TransferEvent
from sanctionwatch.regimes.explain import describe_date
from sanctionwatch.regimes.facts import GoodsFacts, giver_side, in_period, recipient_side
from sanctionwatch.regimes.goodsmatch import Context, match_goods
from sanctionwatch.regimes.rules import Rule

log = logging.getLogger(__name__)

#: Screening score at or above which a list match is taken as the listed party itself.
CERTAIN_MATCH = 0.95


def parties(event: TransferEvent, ctx: Context) -> list[tuple[str, str, list[ListMatch]]]:
    out = []
    for role, party in (("giver", event.giver), ("recipient", event.recipient)):
        if party is not None:
            out.append((role, party.name or party.text, party.matches))
    if ctx.vessel_matches:
        out.append(("vessel", event.vessel or event.imo or "vessel", ctx.vessel_matches))
    return out


def rank(hit: RuleHit) -> int:
    return 0 if hit.certainty == "violation" else 1


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
    listed = in_period(event.date, since, None, ctx.published) if since else "yes"
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
    when = describe_date(event.date)
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
