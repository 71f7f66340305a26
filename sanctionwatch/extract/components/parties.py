"""Party phrases: mentions joined into the parties of a transfer, each resolved to a country.

A small grammar over the gazetteer's mentions::

    [det | POSSESSOR 's | his/her] (COUNTRY | COUNTRY-based | modifier)* ROLE* [NAME]
    ROLE of COUNTRY · ROLE from/in PLACE · PRONOUN

"the North Korean leader" resolves through the dated table of officials to Kim Jong Un,
"Russia's president" to whoever held the office on the date of the sentence, "Kim's sister"
through the relations of the table, "his Russian counterpart" to the holder of the office of
the other party, "a Russian delegation" to an organisation of RU. Names alone resolve through
the table ("Putin"), surnames to the person last named ("Kim").
"""

from __future__ import annotations

from datetime import date

from sanctionwatch.extract.components.party_words import (
    DETS,
    LOCATIVE,
    POSSESSIVE,
    is_source,
    modifiers,
    place_after,
    place_of_role,
)
from sanctionwatch.extract.components.people import (
    PRONOUNS,
    Ctx,
    last_of_kind,
    last_person,
    other_side,
    person_party,
    pick_person,
    pronoun,
    resolve_role,
)
from sanctionwatch.extract.doc import Doc, Mention, PartyRef, Sentence
from sanctionwatch.extract.lexicon import get_lexicon
from sanctionwatch.extract.registry import register

STATE_HOW = frozenset({"name", "capital", "metonym"})
PARTY_LABELS = frozenset({"GPE", "NORP", "PERSON", "ROLE", "PROPN"})


def parse_party(
    doc: Doc, ctx: Ctx, i: int, stop: int, owner: PartyRef | None = None
) -> PartyRef | None:
    """The party phrase starting at token ``i`` (or at the role after ``owner 's``), or None."""
    toks = doc.tokens
    j, first, chained = i, ctx.at.get(i), owner is not None
    country = owner.country if owner else None
    low = toks[i].lower
    if owner is not None:
        j = i = owner.tok_end + 1
        low = ""
    elif low in PRONOUNS and not (low == "her" and _role_at(ctx, i + 1, stop)):
        return pronoun(ctx, i, low, ctx.sent_start)
    if low in DETS:
        j += 1
    elif low in POSSESSIVE:
        g = POSSESSIVE[low]
        owner = last_person(ctx, g) if g else last_of_kind(ctx, ("state", "organization"))
        j += 1
    m = ctx.at.get(j)
    if (
        m
        and m.label in ("GPE", "PERSON", "PROPN")
        and m.tok_end < stop
        and toks[m.tok_end].lower in ("'s", "’s")
    ):
        owner = _simple_party(doc, ctx, m)
        country = owner.country if owner else None
        j = m.tok_end + 1
    j, country = modifiers(doc, ctx, j, stop, country, started=j > i)
    roles: list[Mention] = []
    while (m := ctx.at.get(j)) and m.label == "ROLE" and j < stop:
        roles.append(m)
        j = m.tok_end
    if roles and (found := place_of_role(doc, ctx, j, stop)) is not None:
        found_country, j = found
        country = country or found_country
    name = ctx.at.get(j) if j < stop else None
    name = name if name and name.label in ("PERSON", "PROPN") else None
    end = name.tok_end if name else j
    if not roles and name is None:
        if chained:
            return None
        if owner is not None and first is not None and first.label in ("PERSON", "PROPN"):
            return owner  # "UNICEF's supply hub": the possessor is the party
        return _bare(doc, ctx, i, first, j, stop)
    if not roles and name is not None and name.label == "PROPN" and country is None:
        country = place_after(doc, ctx, name.tok_end, stop)
    if chained and owner is not None:
        i = owner.tok_start
    text = doc.span_text(i, end)
    if name is not None:
        party = _named(doc, ctx, name, i, end, text)
        if party.country is None:
            party.country = country or place_after(doc, ctx, end, stop)
        if roles and party.kind == "unknown":
            party.kind = _role_kind(roles[-1])
        return party
    person = resolve_role(ctx, roles[-1], country, owner)
    if person is not None:
        return person_party(ctx, person, i, end, text)
    if roles[-1].data.get("kind") == "counterpart" and country is None:
        return _counterpart(ctx, roles[-1], owner, i, end, text)
    return _group(ctx, roles[-1], country, i, end, text, definite=low in ("the", "its"))


def _role_at(ctx: Ctx, j: int, stop: int) -> bool:
    m = ctx.at.get(j)
    return bool(m and m.label in ("ROLE", "NORP", "GPE") and j < stop)


def _role_kind(role: Mention) -> str:
    if role.data.get("kind") == "group":
        return str(role.data.get("party_kind", "organization"))
    return "person"


#: "the North" and "the South" in a text about the two Koreas.
KOREA_HALVES = {"North": "KP", "South": "KR"}


def _named(doc: Doc, ctx: Ctx, m: Mention, i: int, j: int, text: str) -> PartyRef:
    if m.label == "PERSON":
        return person_party(ctx, pick_person(ctx, list(m.data["people"])), i, j, text)
    half = KOREA_HALVES.get(m.text)
    if half and m.tok_start > 0 and doc.tokens[m.tok_start - 1].lower == "the":
        if {"KP", "KR"} & ctx.countries:
            return PartyRef(i, j, text, None, half, "state")
    last = doc.tokens[m.tok_end - 1].lower.rstrip(".")
    if m.data.get("country"):  # a known organisation ("Air Koryo")
        return PartyRef(i, j, text, m.text, str(m.data["country"]), "organization")
    kind = "organization" if last in ctx.lex.org_suffixes else "unknown"
    return PartyRef(i, j, text, m.text, None, kind)


def _simple_party(doc: Doc, ctx: Ctx, m: Mention) -> PartyRef | None:
    if m.label == "GPE":
        return PartyRef(m.tok_start, m.tok_end, m.text, None, m.data["country"], "state")
    return _named(doc, ctx, m, m.tok_start, m.tok_end, m.text)


def _bare(doc: Doc, ctx: Ctx, i: int, first: Mention | None, j: int, stop: int) -> PartyRef | None:
    """A country word alone: a state ("Russia", "Pyongyang"), a place, or plural nationals."""
    m = ctx.at.get(j) if first is None or first.label not in ("GPE", "NORP") else first
    if m is None or m.label not in ("GPE", "NORP"):
        return None
    if m.tok_end < stop and doc.tokens[m.tok_end].text == "-":
        return None  # "Russian-made", "Hong Kong-registered": a modifier, not a party
    text = doc.span_text(i, m.tok_end)
    if m.label == "NORP":
        if not m.text.endswith("s") or m.text.endswith("ss"):
            return None
        return PartyRef(i, m.tok_end, text, None, m.data["country"], "state")
    kind = "state" if m.data.get("how") in STATE_HOW else "place"
    if kind == "state" and m.data.get("how") == "capital" and i == m.tok_start and i > 0:
        if doc.tokens[i - 1].lower in LOCATIVE:
            kind = "place"  # "talks in Hanoi": where it happened, not the state acting
    return PartyRef(i, m.tok_end, text, None, m.data["country"], kind)


def _counterpart(
    ctx: Ctx, role: Mention, owner: PartyRef | None, i: int, j: int, text: str
) -> PartyRef:
    """ "his guest", "the visitors": the other side of the owner, else a person unknown."""
    other = other_side(ctx, owner)
    if other is None:
        return PartyRef(i, j, text, None, None, "person", noun=str(role.data.get("noun")))
    return PartyRef(i, j, text, other.name, other.country, other.kind, other.gender, other.key)


def _group(
    ctx: Ctx, role: Mention, country: str | None, i: int, j: int, text: str, definite: bool
) -> PartyRef:
    kind = _role_kind(role)
    noun = str(role.data.get("noun"))
    if country is None and definite:
        stem = noun.rstrip("s")
        same = [p for p in ctx.parties if p.noun and p.noun.rstrip("s") == stem and p.country]
        antecedent = same[-1] if same else None
        if antecedent is None and kind == "state":
            antecedent = last_of_kind(ctx, ("state",))
        if antecedent is not None:
            return PartyRef(i, j, text, antecedent.name, antecedent.country, kind, noun=noun)
    return PartyRef(i, j, text, None, country, kind, noun=noun)


def _share_apposition(doc: Doc, parties: list[PartyRef], party: PartyRef) -> None:
    """ "the governor of Primorsky Krai, Oleg Kozhemyako," and "X, a Chinese company,": two
    parties side by side, one naming the other, share country and kind."""
    if not parties:
        return
    prev = parties[-1]
    between = [t.text for t in doc.tokens[prev.tok_end : party.tok_start]]
    if between != [","] or prev.pronoun or party.pronoun:
        return
    for a, b in ((prev, party), (party, prev)):
        if b.country is None and a.country and b.kind in ("unknown", a.kind):
            b.country = a.country
            b.kind = a.kind if b.kind == "unknown" else b.kind


def _extend_possessive(doc: Doc, ctx: Ctx, party: PartyRef, stop: int) -> PartyRef:
    """ "the leader's younger sister": a party followed by 's and a role is its relative."""
    end = party.tok_end
    if end + 1 < stop and doc.tokens[end].lower in ("'s", "’s") and not party.pronoun:
        longer = parse_party(doc, ctx, party.tok_start, stop, owner=party)
        if longer is not None:
            return longer
    return party


def sentence_date(doc: Doc, sent: Sentence) -> date:
    """The date roles are resolved on: a full date in the sentence, else publication, else today."""
    for m in doc.mentions:
        value = m.data.get("value") if m.label == "DATE" else None
        if value and sent.tok_start <= m.tok_start < sent.tok_end and not m.data.get("dateline"):
            year, month, day = (value.split("-") + ["07", "01"])[:3]
            return date(int(year), int(month), int(day))
    return doc.published or date.today()


@register("parties.v1")
def find_parties(doc: Doc) -> Doc:
    """Fill ``doc.parties`` in text order."""
    at: dict[int, Mention] = {}
    numeric = {
        k
        for m in doc.mentions
        if m.label in ("MONEY", "DATE")
        for k in range(m.tok_start, m.tok_end)
    }
    for m in doc.mentions:
        if m.label in PARTY_LABELS and not (m.label == "PROPN" and m.tok_start in numeric):
            at.setdefault(m.tok_start, m)
    for m in doc.mentions:  # "MOSCOW, 5 May 2024 -": the dateline names no party
        if m.label == "DATE" and m.data.get("dateline"):
            first = doc.sentences[doc.tokens[m.tok_start].sent].tok_start
            for k in range(first, m.tok_start):
                at.pop(k, None)
    ctx = Ctx(get_lexicon(), at, doc.published or date.today())
    ctx.countries = {str(m.data["country"]) for m in doc.mentions if m.label in ("GPE", "NORP")}
    for sent in doc.sentences:
        ctx.when = sentence_date(doc, sent)
        ctx.topic = _sentence_opener(ctx.parties, ctx.sent_start)
        ctx.sent_start = sent.tok_start
        k = sent.tok_start
        while k < sent.tok_end:
            party = parse_party(doc, ctx, k, sent.tok_end)
            if party is None:
                k += 1
                continue
            party = _extend_possessive(doc, ctx, party, sent.tok_end)
            _share_apposition(doc, ctx.parties, party)
            ctx.parties.append(party)
            k = max(party.tok_end, k + 1)
    doc.parties = ctx.parties
    doc.meta["sources"] = {
        (p.tok_start, p.tok_end) for p in ctx.parties if is_source(doc, p.tok_start, p.tok_end)
    }
    return doc


def _sentence_opener(parties: list[PartyRef], start: int) -> PartyRef | None:
    """The party that opens the sentence starting at ``start`` (its subject), if any."""
    return next((p for p in parties if p.tok_start == start and not p.pronoun), None)
