"""Transfer triggers and their roles: who gave what to whom, from where to where.

Three kinds of trigger, all from ``data/triggers.yml``:

- verbs, in two frames: *give* (the subject gives: "X gave Y Z", "X supplied Y with Z",
  "X shipped Z to Y", passive "Z was delivered by X") and *get* (the subject receives:
  "X bought Z from Y", passive "Z was bought by X");
- nouns: "the gift of Z to Y", "North Korea's exports of coal", "a shipment of Z from X";
- adjectives: "North Korean-supplied missiles" (the country gives; the clause subject gets).

"Russian-made" is an origin, not a transfer. Objects such as "a speech" or "a look" make no
transfer. Prepositions give the rest: *to* a recipient or destination, *from* a giver or
origin, *via*/*through* transit countries, *by* the agent of a passive. Nouns and adjectives
are read in :mod:`.nominals`, barters ("in exchange for") in :mod:`.exchanges`.
"""

from __future__ import annotations

from sanctionwatch.extract.components.chains import (
    chain_goods,
    coordinated_subject,
    relative_subject,
)
from sanctionwatch.extract.components.contents import contained_goods, fronted_goods
from sanctionwatch.extract.components.exchanges import counter_frame
from sanctionwatch.extract.components.nominals import (
    adjective_frame,
    included_goods,
    national_noun,
    noun_frame,
    noun_use,
    plural_noun,
    requested,
    trade_modifier,
    transfer_mode,
)
from sanctionwatch.extract.components.roles import (
    NOUN_DETS,
    RAISING,
    TransferGrammar,
)
from sanctionwatch.extract.components.sides import ship_to_ship
from sanctionwatch.extract.components.status import PLAN_NOUNS
from sanctionwatch.extract.components.when import frame_date
from sanctionwatch.extract.components.words import (
    ATTRIBUTIONS,
    AUX_BE,
    PARTICIPLES,
    PREPOSITIONS,
)
from sanctionwatch.extract.doc import Doc, Frame, Mention, PartyRef, Sentence
from sanctionwatch.extract.lexicon import get_lexicon
from sanctionwatch.extract.registry import register

#: Verbs of carriage: their object may be people, who are no goods.
CARRIERS = frozenset({"carry", "transport"})
#: Words between a passive subject and its participle ("they could not be shipped").
PASSIVE_AUX = frozenset("was were is are been be being had has have could can not never".split())
#: Verbs that take a "that" clause: the phrase before them is no antecedent of goods.
COMPLEMENT_VERBS = frozenset(
    """found find finds say know knew think thought believe believes believed suggest
    suggests suggested note notes noted add adds added confirm confirms confirmed""".split()
)


def verb_frame(g: TransferGrammar, m: Mention, sent: Sentence) -> Frame | None:
    if noun_use(g, m) or g.prohibited(m.tok_start, sent.tok_start):
        return None
    fr = Frame(m.tok_start, str(m.data["lemma"]), str(m.data["frame"]), "verb", sent.i)
    fr.mode = transfer_mode(g, sent)
    if fr.lemma == "load" and g.low(m.tok_end) == "with":
        return None  # "a truck loaded with cigarettes": a carrier, not a party to a sale
    stop = sent.tok_end
    if _people_sent(g, m):
        return None
    if fr.lemma in CARRIERS and (p := g.party_at.get(g.skip_adverbs(m.tok_end, stop))):
        if p.kind != "place":
            return None  # "the train carried Kim and his delegation": people, not goods
    if fr.lemma == "thank":
        return _thanks(g, fr, m, sent)
    if g.passive(m, sent.tok_start):
        k = _passive_left(g, fr, m, sent)
        g.roles_after(fr, k, stop)
        return fr
    subject = (
        relative_subject(g, m.tok_start, sent)
        or _offer_subject(g, m.tok_start, sent)
        or coordinated_subject(g, m, sent)
        or g.subject(m.tok_start, sent.tok_start)
    )
    obj = _shared_object(g, m.tok_end, stop)
    if fr.lemma == "offer" and g.low(obj) == "to":
        return None  # "offered to sell wheat": the verb after "to" tells the transfer
    if fr.lemma == "ask":  # "asked Moscow for fighter jets": Moscow would give
        party = g.party_at.get(obj)
        if party is None or party.kind == "place" or g.low(party.tok_end) != "for":
            return None
        fr.giver, obj = party, party.tok_end + 1
    if fr.frame == "give":
        fr.giver = subject
        k = g.object_roles(fr, obj, stop)
        if fr.lemma == "pass" and g.low(k) != "on":
            return None  # "passed the laptops on to": only with "on" a transfer
    else:
        fr.recipient = subject
        k = g.set_goods(fr, g.np_right(_fronted_source(g, fr, obj, stop), stop))
    _relative_goods(g, fr, subject, sent)
    if obj == m.tok_end:  # the roles after a shared object belong to the second verb
        g.roles_after(fr, k, stop)
    return fr


def _fronted_source(g: TransferGrammar, fr: Frame, j: int, stop: int) -> int:
    """ "received from Kim Jong Un a set of vases": the giver before the goods. Returns
    where the goods start."""
    j = g.skip_adverbs(j, stop)
    if g.low(j) != "from":
        return j
    party = g.party_in_np(j + 1, min(stop, j + 4))
    if party is None or party.kind == "place" or g.np_right(party.tok_end, stop) is None:
        return j
    g.assign(fr, "from", party)
    return party.tok_end


def _thanks(g: TransferGrammar, fr: Frame, m: Mention, sent: Sentence) -> Frame | None:
    """ "Kim thanked Putin for the car": Putin gave, Kim received, the car follows "for"."""
    giver = g.party_at.get(m.tok_end)
    if giver is None or giver.kind == "place" or g.low(giver.tok_end) != "for":
        return None
    span = g.np_right(giver.tok_end + 1, sent.tok_end)
    if span is None or not g.goods_ok(span):
        return None
    fr.giver, fr.recipient = giver, g.subject(m.tok_start, sent.tok_start)
    g.set_goods(fr, span)
    return fr


def _people_sent(g: TransferGrammar, m: Mention) -> bool:
    """ "troops sent to fight in Ukraine", "workers sent abroad": people, not goods."""
    form = m.text.lower().split()[0]
    if not (form.endswith("ed") or form in PARTICIPLES):
        return False
    return g.low(m.tok_start - 1) in g.lex.non_goods and g.low(m.tok_end) in PREPOSITIONS | {
        "abroad",
        "home",
        "back",
    }


def _offer_subject(g: TransferGrammar, i: int, sent: Sentence) -> PartyRef | None:
    """ "an offer from South Korea to supply fuel": the party that offers is the subject."""
    if g.low(i - 1) != "to":
        return None
    party = next((p for p in g.doc.parties if p.tok_end == i - 1), None)
    if party is None or party.kind == "place" or g.low(party.tok_start - 1) not in ("from", "by"):
        return None
    return party if g.low(party.tok_start - 2) in PLAN_NOUNS else None


def _shared_object(g: TransferGrammar, j: int, stop: int) -> int:
    """ "bought and then resold North Korean coal": the first verb's object follows the second
    verb. Returns where the object starts."""
    if g.low(j) not in ("and", "or"):
        return j
    k = g.skip_adverbs(j + 1, stop)
    verb = g.mention_at.get(k)
    return verb.tok_end if verb is not None and verb.label == "VERB" else j


def _passive_left(g: TransferGrammar, fr: Frame, m: Mention, sent: Sentence) -> int:
    """Passive: "Z was shipped (to Y) by X" or "Y was given Z by X"."""
    aux = m.tok_start
    while aux > sent.tok_start and (
        g.low(aux - 1) in PASSIVE_AUX
        or g.low(aux - 1).endswith("ly")
        or g.low(aux - 1) in RAISING
        or (g.low(aux - 1) == "to" and g.low(aux - 2) in RAISING | AUX_BE)
        or (g.low(aux - 1) == "to" and g.low(aux) == "be")  # "caused tools to be exported"
    ):
        aux -= 1
    party = g.subject(aux, sent.tok_start)
    # "Y was given Z", "Y was presented with Z", "Y was supplied with Z"
    after = g.np_right(m.tok_end + (g.low(m.tok_end) == "with"), sent.tok_end)
    if (
        party is not None
        and party.tok_end >= aux - 1
        and party.kind != "place"
        and after
        and fr.frame == "give"
        and g.goods_ok(after)
    ):
        fr.recipient = party
        return g.set_goods(fr, after)
    left = g.np_left(aux, sent.tok_start)
    if left is not None and g.low(left.start) in ("which", "that") and left.end - left.start == 1:
        left = g.np_left(
            left.start - (2 if g.low(left.start - 1) == "," else 1) + 1, sent.tok_start
        )
        party = g.party_at.get(left.start) if left is not None else None
        to_party = left is not None and g.low(left.start - 1) in ("to", "for")
        if to_party or party is not None and party.kind not in ("place", "unknown"):
            left = None  # "sold rifles to a militia, which were delivered": the rifles
    g.set_goods(fr, left)
    return m.tok_end


def _relative_goods(
    g: TransferGrammar, fr: Frame, subject: PartyRef | None, sent: Sentence
) -> None:
    """ "missiles that North Korea supplied": the goods stand before the relative word."""
    if fr.goods and not fr.anaphoric or subject is None:
        return
    rel = subject.tok_start - 1
    if g.low(rel) in ("that", "which"):
        span = g.np_left(rel, sent.tok_start)
        last = g.low(span.end - 1) if span is not None else ""
        if last in ATTRIBUTIONS or last in COMPLEMENT_VERBS or last.endswith("ed"):
            return  # "the Panel found that the vessel ...": "that" opens a clause
        if span is not None and g.goods_ok(span):
            fr.goods, fr.anaphoric = [(span.start, span.end)], g.is_anaphor(span)


def sentence_frames(g: TransferGrammar, sent: Sentence) -> list[Frame]:
    frames: list[Frame | None] = []
    inside: set[int] = set()  # words inside a verb of several words ("took delivery of")
    for m in g.doc.mentions:
        if not sent.tok_start <= m.tok_start < sent.tok_end:
            continue
        if m.label == "VERB":
            inside.update(range(m.tok_start + 1, m.tok_end))
        # "ship-to-ship" holds no verb, "re-exported" does
        prefixed = g.low(m.tok_start - 1) == "-" and g.low(m.tok_start - 2) != "re"
        hyphened = prefixed or g.low(m.tok_end) == "-"
        if m.label == "VERB" and not noun_use(g, m) and not hyphened and not trade_modifier(g, m):
            if g.low(m.tok_end) == "of":
                continue  # "a transfer of", "halted imports of": the noun, not the verb
            if not plural_noun(g, m) and m.tok_start - 1 not in g.norp_ends:
                frames.append(verb_frame(g, m, sent))
        elif m.label in ("GPE", "NORP"):
            frames.append(adjective_frame(g, m, sent))
    for i in range(sent.tok_start, sent.tok_end):
        if i in inside:
            continue
        if g.low(i) in g.lex.nouns and (
            g.low(i - 1) in NOUN_DETS
            or g.low(i + 1) == "of"
            or g.low(i - 1) in ("'s", "’s")
            or requested(g, i)
            or contained_goods(g, i + 1, sent.tok_end) is not None
            or national_noun(g, i)
        ):
            frames.append(noun_frame(g, i, sent))
    found = [f for f in frames if f is not None]
    fronted_goods(g, found, sent)
    return found


def _money(doc: Doc, sent: Sentence) -> list[Mention]:
    return [
        m
        for m in doc.mentions
        if m.label == "MONEY" and sent.tok_start <= m.tok_start < sent.tok_end
    ]


def _goods_origin(g: TransferGrammar, fr: Frame) -> None:
    """ "North Korean coal", "Russian-made car": a country word in the goods is their origin,
    unless the goods are sent on by the one who got them ("imported German lathes and
    re-exported them": the re-export leaves from the importer, not from Germany)."""
    for start, end in [] if fr.onward else fr.goods:
        for k in range(start, end):
            m = g.norp_at.get(k) or next(
                (x for x in g.doc.mentions if x.tok_start == k and x.label == "GPE"), None
            )
            if m is None:
                continue
            made = (
                g.low(m.tok_end) == "-" and g.lex.adjectives.get(g.low(m.tok_end + 1)) == "origin"
            )
            if made:
                fr.made_in = m.data["country"]
            if (
                fr.origin is None
                and (made or m.label == "NORP")
                and not (fr.giver and fr.giver.country)
            ):
                fr.origin = m.data["country"]
            return


@register("transfers.v1")
def find_transfers(doc: Doc) -> Doc:
    """Fill ``doc.meta["frames"]`` with the transfers of every sentence, in text order."""
    g = TransferGrammar(doc, get_lexicon())
    frames: list[Frame] = []
    for sent in doc.sentences:
        found_here = sorted(sentence_frames(g, sent), key=lambda f: f.trigger)
        chain_goods(g, found_here)
        for fr in found_here:
            if fr.rejected:
                continue
            included_goods(g, fr, sent.tok_end)
            ship_to_ship(fr)
            if fr.lemma == "smuggle" and fr.destination is None and fr.via:
                fr.destination = fr.via.pop()  # "smuggled through Dhaka airport": into it
            back = counter_frame(g, fr, sent)
            for found in (fr, back) if back is not None else (fr,):
                found.sentences = [sent.i]
                found.date = frame_date(doc, sent.i, found.trigger, found.goods)
                found.money = _money(doc, sent) if found is fr else []
                _goods_origin(g, found)
                frames.append(found)
    frames.sort(key=lambda f: f.trigger)
    doc.meta["frames"] = frames
    return doc
