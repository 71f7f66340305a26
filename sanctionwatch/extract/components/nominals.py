"""Transfers told by nouns and adjectives, and the mode of a transfer.

Nouns: "the gift of Z to Y", "North Korea's exports of coal", "a shipment of Z", and a noun
after a light verb whose subject does the transfer ("the vessel X conducted a ship-to-ship
transfer of Z", "Treasury says the firm facilitated the shipment of Z"). Adjectives: "North
Korean-supplied missiles" (the country gives; the subject of the clause receives).
"""

from __future__ import annotations

from sanctionwatch.extract.components.contents import contained_goods
from sanctionwatch.extract.components.grammar import Span
from sanctionwatch.extract.components.roles import (
    BANNED,
    NOUN_DETS,
    PROHIBITIONS,
    TransferGrammar,
    country_party,
)
from sanctionwatch.extract.components.words import (
    ADVERBS,
    AUX_BE,
    CLAUSE_WORDS,
    PREPOSITIONS,
    PRONOUNS,
)
from sanctionwatch.extract.doc import Frame, Mention, PartyRef, Sentence
from sanctionwatch.extract.goods import clean_goods, is_goods


def transfer_mode(g: TransferGrammar, sent: Sentence) -> str | None:
    """ "a ship-to-ship transfer", "STS transfers": the goods changed hands between ships."""
    words = [g.low(k) for k in range(sent.tok_start, sent.tok_end)]
    for k, word in enumerate(words):
        if word == "sts" or word == "ship-to-ship":
            return "ship-to-ship"
        if word == "ship" and words[k + 1 : k + 4] == ["-", "to", "-"]:
            return "ship-to-ship"
        if word == "ship" and words[k + 1 : k + 3] == ["to", "ship"]:
            return "ship-to-ship"
    return None


def noun_frame(g: TransferGrammar, i: int, sent: Sentence) -> Frame | None:
    """ "the gift of Z to Y", "North Korea's exports of coal to China", "a shipment of Z"."""
    low = g.low(i)
    owned = g.low(i - 1) in ("'s", "’s")
    if g.prohibited(i, sent.tok_start) or (
        g.is_label(i, "VERB")
        and g.low(i - 1) not in NOUN_DETS
        and not owned
        and g.low(i + 1) != "of"
        and not requested(g, i)
    ):
        return None
    if _banned_after(g, i, sent):
        return None
    fr = Frame(i, low, g.lex.nouns[low], "noun", sent.i)
    fr.mode = transfer_mode(g, sent)
    owner = _noun_owner(g, i, sent)
    if owner is not None:
        setattr(fr, "giver" if fr.frame == "give" else "recipient", owner)
    k = i + 1
    if g.low(k) == "of" or (g.low(k) == "for" and low in REQUEST_NOUNS):
        k = g.set_goods(fr, g.np_right(k + 1, sent.tok_end))
    elif (inside := contained_goods(g, k, sent.tok_end)) is not None:
        k = g.set_goods(fr, inside)  # "a cargo that contained missiles bound for Syria"
    elif (subject := _copular_subject(g, i, sent)) is not None:
        g.set_goods(fr, subject)  # "the sugar was a donation to the North Korean people"
    else:
        fr.anaphoric = True
    g.roles_after(fr, k, sent.tok_end)
    if not fr.goods:
        _appositive_goods(g, fr, k, sent)
    return fr


def _appositive_goods(g: TransferGrammar, fr: Frame, k: int, sent: Sentence) -> None:
    """ "Putin's gift to Kim, an Aurus limousine, was delivered": the goods stand between
    commas after the noun and its roles."""
    comma = next((x for x in range(k, min(sent.tok_end, k + 8)) if g.low(x) == ","), None)
    if comma is None or g.low(comma + 1) not in NOUN_DETS | {"some"}:
        return
    span = g.np_right(comma + 1, sent.tok_end)
    if span is None or g.low(span.end) != "," or not g.goods_ok(span):
        return
    people = (g.party_at.get(x) for x in range(span.start, span.end))
    if any(p is not None and p.tok_end >= span.end for p in people):
        return  # "the gift to Kim, the North Korean leader,": a person, not goods
    g.set_goods(fr, span)


#: Nouns of a request, whose goods follow "for" ("a North Korean request for fighter jets").
REQUEST_NOUNS = frozenset({"request", "requests"})


def requested(g: TransferGrammar, i: int) -> bool:
    """ "a request for fighter jets": the noun of a request, its goods after "for"."""
    return g.low(i) in REQUEST_NOUNS and g.low(i + 1) == "for"


#: Words before a ban that make the transfer one made in spite of it, not the rule itself.
DEFIANCE = frozenset(
    """despite violation violations breach breaches violating breaching defying defiance
    evading circumventing flouting against""".split()
)


def _banned_after(g: TransferGrammar, i: int, sent: Sentence) -> bool:
    """ "Sales of luxury goods have been banned": the noun names a rule, not an event; but
    "exports of coal resumed despite the UN ban" is an event."""
    for k in range(i + 1, min(sent.tok_end, i + 20)):
        if g.low(k) in PROHIBITIONS | BANNED:
            return not any(g.low(x) in DEFIANCE for x in range(max(i, k - 5), k))
    return False


def _copular_subject(g: TransferGrammar, i: int, sent: Sentence) -> Span | None:
    """ "The car was a gift from Putin": the subject of "was a <transfer noun>" is the goods."""
    k = i - 1
    while k > sent.tok_start and g.low(k) in NOUN_DETS | {"personal", "further", "second"}:
        k -= 1
    if g.low(k) not in AUX_BE or k == i - 1:
        return None
    span = g.np_left(k, sent.tok_start)
    if span is None or not g.goods_ok(span):
        return None
    people = (g.party_at.get(x) for x in range(span.start, span.end))
    if any(p is not None and p.tok_end >= span.end for p in people):
        return None  # "the president was a guest": people are no goods
    return span


#: Verbs that take a transfer noun as their object and whose subject does the transfer:
#: "conducted a ship-to-ship transfer of", "facilitated the shipment of", "made purchases of".
LIGHT_VERBS = frozenset(
    """conducted conducts conduct conducting carried carries carry carrying made makes make
    making arranged arranges arrange arranging organised organized facilitated facilitates
    facilitate facilitating undertook undertakes undertaken handled handles completed completes
    executed executes engaged engages""".split()
)


def _light_verb_subject(g: TransferGrammar, i: int, sent: Sentence) -> PartyRef | None:
    """ "The vessel X conducted a ship-to-ship transfer of": the subject of the light verb."""
    for k in range(i - 1, max(sent.tok_start, i - 8) - 1, -1):
        low = g.low(k)
        if low in LIGHT_VERBS:
            party = g.subject(k, sent.tok_start)
            return party if party is not None and party.tok_end <= k else None
        if low in (",", ";", ":", ".") or low in CLAUSE_WORDS:
            return None
        compound = "-" in (g.low(k - 1), g.low(k + 1)) or g.low(k - 1) in NOUN_DETS
        if g.is_label(k, "VERB") and not compound:
            return None
    return None


def _noun_owner(g: TransferGrammar, i: int, sent: Sentence) -> PartyRef | None:
    light = _light_verb_subject(g, i, sent)
    if light is not None:
        return light
    k = i - 1
    while k >= sent.tok_start and g.low(k) not in PUNCT_STOP | CLAUSE_WORDS | PREPOSITIONS:
        word = g.doc.tokens[k].text
        if g.is_label(k, "VERB") or word.endswith("ed") and word[:1].islower():
            return None  # "Kim received a gift of rifles", "authorities intercepted a shipment"
        party = next(
            (
                p
                for p in g.doc.parties
                if p.tok_end - 1 == k - (1 if g.low(k) in ("'s", "’s") else 0)
            ),
            None,
        )
        m = next((x for x in g.doc.mentions if x.label == "NORP" and x.tok_end == k + 1), None)
        if m is not None:
            return country_party(m)
        if party is not None and party.kind != "place":
            return party
        if g.low(k) in NOUN_DETS or g.low(k) in ("'s", "’s"):
            k -= 1
            continue
        k -= 1
        if i - k > 4:
            break
    return None


PUNCT_STOP = frozenset([",", ".", ";", ":", "(", ")", "of", "to", "from", "and", "for", "by"])


def adjective_frame(g: TransferGrammar, m: Mention, sent: Sentence) -> Frame | None:
    """ "North Korean-supplied missiles": the country gives; the clause subject receives."""
    k = m.tok_end
    if g.low(k) != "-" or g.lex.adjectives.get(g.low(k + 1)) != "transfer":
        return None
    fr = Frame(k + 1, g.low(k + 1), "give", "adjective", sent.i, giver=country_party(m))
    span = g.np_right(k + 2, sent.tok_end)
    if span is None or not g.goods_ok(span):
        return None
    fr.goods = [(span.start, span.end)]
    subject = g.subject(m.tok_start, sent.tok_start)
    if subject is not None and subject.country != m.data["country"] and subject.kind != "unknown":
        fr.recipient = subject
    g.roles_after(fr, span.end, sent.tok_end)
    return fr


#: Nouns that stand for goods named after them ("gifts, which included a tea set").
CONTAINER_HEADS = frozenset(
    """gift gifts goods items equipment supplies products cargo cargoes consignment
    consignments shipment shipments aid presents present package packages""".split()
)
INCLUSIONS = (
    ("including",),
    ("such", "as"),
    (",", "including"),
    (",", "which", "included"),
    (",", "which", "include"),
    (",", "among", "them"),
    ("among", "them"),
)


def included_goods(g: TransferGrammar, fr: Frame, stop: int) -> None:
    """ "gifts, which included a tea set and a painting", "luxury goods including cars": the
    goods named after a container noun join it. An unknown container ("gifts") gives way to
    them, unless it refers back ("The gifts, which included ..."), which coreference needs."""
    if not fr.goods:
        return
    start, end = fr.goods[-1]
    if g.low(end - 1) not in CONTAINER_HEADS:
        return
    for words in INCLUSIONS:
        if all(g.low(end + n) == w for n, w in enumerate(words)):
            span = g.np_right(end + len(words), stop)
            if span is None or not g.goods_ok(span):
                return
            fr.goods = [*fr.goods, (span.start, span.end)]
            definite = g.low(start) in ("the", "these", "those", "this")
            if not definite and not is_goods(clean_goods(g.doc.span_text(start, end))):
                fr.goods.remove((start, end))
            return


def noun_use(g: TransferGrammar, m: Mention) -> bool:
    """ "the shipment", "Russia's supply": a determiner makes the word a noun; but "that" before
    a form that is no transfer noun is a relative pronoun ("companies that supplied")."""
    before = g.low(m.tok_start - 1)
    if before in ("'s", "’s"):
        return True
    form = m.text.lower()
    if before in ("that", "which") and form not in g.lex.nouns and not form.endswith("ing"):
        return False  # but "warned that selling through third countries": a gerund
    return before in NOUN_DETS


def plural_noun(g: TransferGrammar, m: Mention) -> bool:
    """ "deregister ships involved": a verb form in -s is a plural noun unless a subject (a
    party, a pronoun, a relative word) or an adverb stands right before it."""
    form = m.text.lower()
    if " " in form or not form.endswith("s") or form.endswith("ss"):
        return False
    k = m.tok_start - 1
    while k >= 0 and g.low(k) in ADVERBS:
        k -= 1
    before = g.low(k)
    if before in PRONOUNS or before in ("that", "which", "who") or k in g.party_ends:
        return False
    return True


def trade_modifier(g: TransferGrammar, m: Mention) -> bool:
    """ "banks and shipping firms refuse": an -ing form before a company noun names its trade,
    unless the company is the recipient ("supplying companies with parts")."""
    if not m.text.lower().endswith("ing"):
        return False
    party = g.party_at.get(m.tok_end)
    if party is None or party.kind not in ("organization", "vessel") or party.noun is None:
        return False
    return party.tok_end == m.tok_end + 1 and g.low(party.tok_end) != "with"


def national_noun(g: TransferGrammar, i: int) -> bool:
    """ "the Russian shipment to Syria", "a North Korean delivery": a determiner and a
    nationality before the transfer noun."""
    if i - 1 not in g.norp_ends:
        return False
    norp = next((m for m in g.doc.mentions if m.label == "NORP" and m.tok_end == i), None)
    return norp is not None and g.low(norp.tok_start - 1) in NOUN_DETS
