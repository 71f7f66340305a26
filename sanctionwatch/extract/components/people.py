"""Who a party phrase means: the dated table of officials, relatives, last-named people.

The resolution context of the party grammar: which people were named so far (a surname
alone means the person last named with it), who held an office on the date of the sentence
("the Russian president" in 2010 is Dmitry Medvedev), who is whose relative ("Kim's sister"),
and what a pronoun stands for ("him" is not the subject of its own clause).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sanctionwatch.extract.doc import Mention, PartyRef
from sanctionwatch.extract.lexicon import Lexicon, Person

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": None, "them": None, "it": None}


@dataclass
class Ctx:
    lex: Lexicon
    at: dict[int, Mention]
    when: date
    seen: list[str] = field(default_factory=list)
    sent_start: int = 0
    parties: list[PartyRef] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)  # every country the text names
    topic: PartyRef | None = None  # the party that opened the sentence before this one


def person_party(ctx: Ctx, person: Person, i: int, j: int, text: str) -> PartyRef:
    if person.id in ctx.seen:
        ctx.seen.remove(person.id)
    ctx.seen.append(person.id)
    return PartyRef(i, j, text, person.name, person.country, "person", person.gender, person.id)


def pick_person(ctx: Ctx, ids: list[str]) -> Person:
    for pid in reversed(ctx.seen):
        if pid in ids:
            return ctx.lex.people[pid]
    for pid in ids:
        if ctx.lex.people[pid].roles_on(ctx.when):
            return ctx.lex.people[pid]
    return ctx.lex.people[ids[0]]


def last_person(ctx: Ctx, gender: str | None, skip_from: int | None = None) -> PartyRef | None:
    """The person last named (a known person of that gender first); ``skip_from`` excludes
    the subject of the clause an object pronoun stands in ("Putin walked him": not Putin)."""
    people = [p for p in ctx.parties if p.kind == "person" and p.name]
    if skip_from is not None and people and people[-1].tok_start >= skip_from:
        subject = people[-1].key or people[-1].name
        people = [p for p in people if (p.key or p.name) != subject]
    for party in reversed(people):
        if gender is None or party.gender == gender:
            return party
    return None


def last_office(ctx: Ctx, roles: list[str]) -> PartyRef | None:
    """ "the leader": the person last named who holds that office on the date, one of the
    country the sentence is about (its last party) first."""
    holders = [
        p for p in ctx.parties if p.key and set(roles) & ctx.lex.people[p.key].roles_on(ctx.when)
    ]
    here = [p for p in ctx.parties if p.tok_start >= ctx.sent_start and p.country]
    if here:
        same = [p for p in holders if p.country == here[-1].country]
        holders = same or holders
    return holders[-1] if holders else None


def last_of_kind(ctx: Ctx, kinds: tuple[str, ...]) -> PartyRef | None:
    for party in reversed(ctx.parties):
        if party.kind in kinds and (party.country or party.kind == "vessel" and party.name):
            return party
    return None


def resolve_role(
    ctx: Ctx, role: Mention, country: str | None, owner: PartyRef | None
) -> Person | None:
    kind, noun = role.data.get("kind"), str(role.data.get("noun"))
    if kind == "office" and country:
        found = ctx.lex.holders(country, ctx.lex.offices.get(noun, []), ctx.when)
        return found[0] if found else None
    if kind == "office":
        last = last_office(ctx, ctx.lex.offices.get(noun, []))
        return ctx.lex.people[last.key] if last and last.key else None
    if kind == "relation" and owner is not None and owner.key:
        other = ctx.lex.people[owner.key].relations.get(noun)
        return ctx.lex.people[other] if other else None
    if kind == "counterpart" and country:
        roles = ["leader", "head_of_state", "president", "prime_minister"]
        last = last_person(ctx, None)
        if last is not None and last.key:
            roles = sorted(ctx.lex.people[last.key].roles_on(ctx.when)) + roles
        found = ctx.lex.holders(country, roles, ctx.when)
        return found[0] if found else None
    return None


def other_side(ctx: Ctx, owner: PartyRef | None) -> PartyRef | None:
    """ "Kim gave his guest a rifle": a guest, host or visitor is of the other country in
    the context, the most recent party whose country is not the owner's; with no owner, or no
    such party, nothing is guessed (never the owner's own country)."""
    if owner is None or owner.country is None:
        return None
    for party in reversed(ctx.parties):
        if party.country and party.country != owner.country and not party.pronoun:
            if party.kind in ("person", "state", "organization"):
                return party
    return None


def pronoun(ctx: Ctx, i: int, low: str, sent_start: int = -1) -> PartyRef | None:
    gender = PRONOUNS[low]
    if gender is not None:
        ante = last_person(ctx, gender, sent_start if low in ("him", "her") else None)
    elif low == "it" and i == sent_start and _it_topic(ctx):
        ante = ctx.topic  # "The broker bought drones from China. It shipped them on"
    elif low == "it":
        ante = last_of_kind(ctx, ("vessel",)) or last_of_kind(ctx, ("organization", "state"))
    else:
        ante = last_of_kind(ctx, ("state", "organization"))
    if ante is None:
        return None
    return PartyRef(
        i, i + 1, low, ante.name, ante.country, ante.kind, ante.gender, ante.key, pronoun=True
    )


def _it_topic(ctx: Ctx) -> bool:
    """A sentence opened by "It" continues the subject of the sentence before, when that
    subject is a state, a firm, a vessel or an unnamed actor ("the broker")."""
    topic = ctx.topic
    if topic is None or topic.kind == "place":
        return False
    return topic.kind != "person" or not topic.name
