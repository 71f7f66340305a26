"""What the evaluator needs to know about an event: dates, sides, nexus and goods facts.

Evidence is partial: a date may be "2017-12" or missing, a party's country unknown, goods
described in words only. Each helper here answers "yes", "no" or "unknown" rather than
guessing, and the evaluator turns "unknown" into a *possible* verdict with the reason.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from sanctionwatch.goods.categories import categories_for_code
from sanctionwatch.goods.classify import Candidate, Classification, classify
from sanctionwatch.goods.hs import parse_hs
from sanctionwatch.goods.lexicon import fold_text
from sanctionwatch.model.event import Goods, TransferEvent

Tri = Literal["yes", "no", "unknown"]

#: How findings name the usual targets ("supplied to the DPRK").
TARGET_NAMES = {"KP": "the DPRK", "RU": "Russia", "BY": "Belarus", "IR": "Iran", "SY": "Syria"}


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date prefix may mean ("2017-12" -> Dec 1..31)."""
    if not value:
        return None
    parts = value.strip()[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2]))
        return day, day
    except ValueError:
        return None


#: An undated claim in a report is taken to lie within this many days before publication.
RECENT_DAYS = 365


def event_bounds(event_date: str | None, published: str | None = None) -> tuple[date, date] | None:
    """The days an event may fall on, given its date and the publication date of its report.

    A report cannot tell of a transfer after its own publication, so ``published`` caps the
    last day. An undated claim is taken as recent: within :data:`RECENT_DAYS` before the
    report (news reports tell of the recent past; older events come with a date).
    """
    bounds = date_bounds(event_date)
    limit = date_bounds(published)
    if limit is None:
        return bounds
    if bounds is None:
        return limit[1] - timedelta(days=RECENT_DAYS), limit[1]
    first, last = bounds
    return (first, min(last, limit[1])) if first <= limit[1] else bounds


def in_period(
    event_date: str | None, start: date | None, end: date | None, published: str | None = None
) -> Tri:
    """Whether an event of that (possibly partial) date falls on/after start and before end."""
    bounds = event_bounds(event_date, published)
    if bounds is None:
        return "unknown"
    first, last = bounds
    if (start and last < start) or (end and first >= end):
        return "no"
    if (start and first < start) or (end and last >= end):
        return "unknown"
    return "yes"


def giver_side(event: TransferEvent) -> set[str]:
    """Countries the goods come from: the giver's country and the origin."""
    return {c for c in (event.giver.country if event.giver else None, event.origin) if c}


def recipient_side(event: TransferEvent) -> set[str]:
    """Countries the goods go to: the recipient's country and the destination."""
    return {
        c for c in (event.recipient.country if event.recipient else None, event.destination) if c
    }


def flows(event: TransferEvent, targets: set[str]) -> list[tuple[str, str]]:
    """("to", country) when goods go to a target, ("from", country) when they leave one.

    A transfer that stays inside the target (both sides known and all in it) is neither.
    """
    out: list[tuple[str, str]] = []
    gives, gets = giver_side(event), recipient_side(event)
    for country in sorted(gets & targets):
        if not (gives and gives <= targets):
            out.append(("to", country))
    for country in sorted(gives & targets):
        if not (gets and gets <= targets):
            out.append(("from", country))
    return out


def nexus(event: TransferEvent, flow: str, countries: frozenset[str]) -> Tri:
    """Whether the exporting (to) or importing (from) side lies in the rule's jurisdiction."""
    if not countries:
        return "yes"
    if flow == "to":
        side = giver_side(event) | set(event.via)
    else:
        side = recipient_side(event)
    if side & countries:
        return "yes"
    return "unknown" if not side else "no"


#: Words that say goods are new, or that they are used (folded tokens; "30-year-old" gives
#: "30 year old"). Words only: a goods text rarely says either, and silence decides nothing.
NEW_WORDS = frozenset({"new", "newbuild", "newbuilding", "unused", "newly"})
USED_WORDS = frozenset(
    {"used", "old", "secondhand", "ageing", "aging", "decommissioned", "retired", "refurbished"}
)
USED_PHRASES = (("second", "hand"), ("pre", "owned"))


def goods_age(text: str) -> Literal["new", "used"] | None:
    """ "new" or "used" when the words say so ("brand-new", "30-year-old", "second-hand")."""
    tokens = fold_text(text)
    pairs = set(zip(tokens, tokens[1:], strict=False))
    if any(t in USED_WORDS for t in tokens) or pairs & set(USED_PHRASES):
        return "used"
    return "new" if any(t in NEW_WORDS for t in tokens) else None


@dataclass(slots=True)
class GoodsFacts:
    """The codes and categories one goods entry has, and how sure they are."""

    goods: Goods
    codes: list[str]
    sure: set[str] = field(default_factory=set)
    maybe: set[str] = field(default_factory=set)
    described: bool = False
    vague: bool = False
    age: Literal["new", "used"] | None = None

    name: str | None = None  # the words of this good when the goods text lists several

    @property
    def label(self) -> str:
        if self.name:
            return f"{self.name} (in {self.goods.text!r})"
        return self.goods.text or (f"HS {', '.join(self.codes)}" if self.codes else "goods")

    def per_item_value(self) -> float | None:
        if self.goods.value is None:
            return None
        quantity = self.goods.quantity
        return self.goods.value / quantity if quantity and quantity > 0 else self.goods.value


def make_all_goods_facts(goods: Goods) -> list[GoodsFacts]:
    """The facts of each good a goods entry names: one, or one per good of a list.

    "coal and pig iron" is two goods, judged each on its own, so that the categories of one
    (coal) are never lent to the other (pig iron) or to a qualifier meant for the other.
    """
    result = classify(goods.text) if goods.text.strip() else None
    if result is None or not result.several or result.vague:
        return [make_goods_facts(goods)]
    given = [c for c in (parse_hs(h) for h in goods.hs) if c]
    out = [
        make_part_facts(goods, part, given, words)
        for part, words in zip(result.parts, result.part_words, strict=True)
    ]
    kept = [facts for facts in out if facts is not None]
    return kept or [make_goods_facts(goods)]


def make_part_facts(
    goods: Goods, part: Candidate, given: list[str], words: str
) -> GoodsFacts | None:
    """Facts of one good of a list; ``None`` when the given HS codes exclude it."""
    codes = [c for c in given if _compatible(part.hs, [c])] if given else [part.hs]
    if not codes:
        return None
    facts = GoodsFacts(goods, codes, described=True, age=goods_age(goods.text))
    facts.name = words or None
    facts.sure |= set(goods.categories) | set(part.categories)
    for code in codes:
        facts.sure |= set(categories_for_code(code))
    facts.maybe = set(part.maybe) - facts.sure
    return facts


def make_goods_facts(goods: Goods) -> GoodsFacts:
    """Combine given HS codes, given categories and what the words of the goods say."""
    result: Classification | None = classify(goods.text) if goods.text.strip() else None
    given = [c for c in (parse_hs(h) for h in goods.hs) if c]
    candidates = [c.hs for c in result.candidates] if result else []
    vague = bool(result and result.vague and (not given or set(given) <= set(candidates)))
    codes = (
        given or candidates
        if vague
        else given or ([result.best.hs] if result and result.best else [])
    )
    if given and not vague and result and result.best:
        codes = [narrow(code, result.best.hs) for code in codes]
    facts = GoodsFacts(goods, codes, vague=vague, age=goods_age(goods.text))
    facts.sure |= set(goods.categories) | ({goods.category} if goods.category else set())
    if result is not None and result.word_categories:
        facts.sure |= set(result.word_categories)
        facts.described = True
    if not vague:
        for code in codes:
            facts.sure |= set(categories_for_code(code))
        if result and result.best and _compatible(result.best.hs, codes):
            facts.sure |= set(result.categories)
            facts.maybe |= set(result.maybe)
            facts.described = True
    facts.maybe -= facts.sure
    return facts


def narrow(given: str, words: str) -> str:
    """The code the words decide when it lies inside a broader given code (9301 -> 930190)."""
    return words if words.startswith(given) and len(words) > len(given) else given


def _compatible(code: str, codes: list[str]) -> bool:
    return not codes or any(code.startswith(c) or c.startswith(code) for c in codes)
