"""Transfer triggers and their roles: who gave what to whom, from where to where.

Three kinds of trigger, all from ``data/triggers.yml``:

- verbs, in two frames: *give* (the subject gives: "X gave Y Z", "X supplied Y with Z",
  "X shipped Z to Y", passive "Z was delivered by X") and *get* (the subject receives:
  "X bought Z from Y", passive "Z was bought by X");
- nouns: "the gift of Z to Y", "North Korea's exports of coal", "a shipment of Z from X";
- adjectives: "North Korean-supplied missiles" (the country gives; the clause subject gets).

"Russian-made" is an origin, not a transfer. Objects such as "a speech" or "a look" make no
transfer. Prepositions give the rest: *to* a recipient or destination, *from* a giver or
origin, *via*/*through* transit countries, *by* the agent of a passive.
"""

from __future__ import annotations

from sanctionwatch.extract.components.dates import frame_date
from sanctionwatch.extract.components.grammar import (
    ADVERBS,
    AUX_BE,
    CLAUSE_WORDS,
    DETS_QTY,
    PREPOSITIONS,
    PRONOUNS,
    PUNCT,
    Grammar,
    Span,
)
from sanctionwatch.extract.doc import Doc, Frame, Mention, PartyRef, Sentence
from sanctionwatch.extract.goods import clean_goods, is_goods
from sanctionwatch.extract.lexicon import Lexicon, get_lexicon
from sanctionwatch.extract.registry import register

#: Words before a trigger that make it a rule, not an event ("banning the supply of").
PROHIBITIONS = frozenset(
    """ban bans banned banning prohibit prohibits prohibited prohibiting forbid forbids forbade
    forbidden forbidding outlaw outlawed embargo restrict restricts restricted restricting
    bar bars""".split()
)
#: Words that make "to X" no destination ("according to X", "close to X").
NOT_RECIPIENT = frozenset(
    """according due thanks close next prior addition compared similar owing pursuant related
    linked relating referring reference attributed""".split()
)
#: Words after which a place is where goods arrived ("arrived in North Korea").
ARRIVALS = frozenset(
    """arrived arrive arrives landed docked reached reaches entered destined bound unloaded
    offloaded discharged""".split()
)
#: Predicates that make a transfer noun a rule ("Sales of luxury goods have been banned").
BANNED = frozenset("illegal unlawful banned prohibited forbidden outlawed".split())
#: "The lifts appear to have been supplied": verbs between a passive subject and its verb.
RAISING = frozenset(
    """appear appears appeared seem seems seemed said believed thought reported known alleged
    suspected understood likely expected""".split()
)
NOUN_DETS = frozenset("the a an its his her their this that these those any".split())


def _country_party(m: Mention) -> PartyRef:
    return PartyRef(m.tok_start, m.tok_end, m.text, None, m.data["country"], "state")


class TransferGrammar(Grammar):
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        super().__init__(doc)
        self.lex = lex
        self.party_ends = {p.tok_end - 1 for p in doc.parties}
        self.norp_ends = {m.tok_end - 1 for m in doc.mentions if m.label == "NORP"}
        self.norp_at = {m.tok_start: m for m in doc.mentions if m.label == "NORP"}

    def prohibited(self, i: int, start: int) -> bool:
        return any(self.low(k) in PROHIBITIONS for k in range(max(start, i - 6), i))

    def goods_ok(self, span: Span | None) -> bool:
        if span is None:
            return False
        head = self.doc.tokens[span.end - 1].lower
        return head not in self.lex.non_goods

    def is_anaphor(self, span: Span | None) -> bool:
        if span is None:
            return True
        words = [t.lower for t in self.doc.tokens[span.start : span.end]]
        if len(words) == 1 and words[0] in self.lex.pronoun_goods | {"which", "that", "they"}:
            return True
        return (
            words[0] in ("the", "this", "that", "these", "those")
            and len(words) <= 3
            and words[-1] in self.lex.generic_goods
        )

    def roles_after(self, fr: Frame, k: int, stop: int) -> None:
        """Prepositional roles to the right: to / from / via / through / by / for / in."""
        while k < stop:
            low = self.low(k)
            if k > fr.trigger + 1 and self.is_label(k, "VERB"):
                break
            if low in ARRIVALS and (place := self.party_in_np(k + 1, stop)) is not None:
                if place.country and fr.destination is None:
                    fr.destination = place.country
                k = place.tok_end
                continue
            if low == "to" and self.low(k - 1) in NOT_RECIPIENT:
                k += 1  # "according to US officials", "close to Moscow": no recipient
                continue
            if low in ("to", "from", "via", "through", "by", "for", "in", "into", "at"):
                # "for"/"by" name a party right after them, not one deep in their phrase
                near = min(stop, k + 3) if low in ("for", "by") else stop
                party = self.party_in_np(k + 1, near)
                if party is not None:
                    self.assign(fr, low, party)
                    k = party.tok_end
                    while self.low(k) in (",", "and") and (nxt := self.party_at.get(k + 1)):
                        self.assign(fr, low, nxt)
                        k = nxt.tok_end
                    continue
            k += 1

    def party_in_np(self, j: int, stop: int) -> PartyRef | None:
        """The first party in the phrase after a preposition ("the Dutch port of Rotterdam",
        "department stores in Pyongyang"); a party without a country takes the country of a
        place named just after it ("UNICEF's hub in Copenhagen")."""
        party = self._first_party(j, stop)
        if party is None or party.country or party.kind == "place":
            return party
        place = None
        for k in range(party.tok_end, min(stop, party.tok_end + 5)):
            low = self.low(k)
            if low in ("in", "at", "near", "of") and k > party.tok_end - 1:
                place = self._first_party(k + 1, min(stop, k + 3))
                break
            if low in PUNCT or low in CLAUSE_WORDS or low in ARRIVALS or low.endswith("ed"):
                break
        if place is not None and place.country and place.kind in ("place", "state"):
            return PartyRef(
                party.tok_start,
                party.tok_end,
                party.text,
                party.name,
                place.country,
                party.kind,
                party.gender,
                party.key,
            )
        return party

    def _first_party(self, j: int, stop: int) -> PartyRef | None:
        k = j
        while k < min(stop, j + 7):
            if (party := self.party_at.get(k)) is not None:
                if party.kind == "place" and not party.country:
                    k = party.tok_end  # "the port of Matadi": the port says nothing, Matadi does
                    continue
                return party
            norp = self.norp_at.get(k)
            if norp is not None and self.low(norp.tok_end) != "-":
                return PartyRef(k, norp.tok_end, norp.text, None, norp.data["country"], "place")
            low = self.low(k)
            inner = low in ("of", "in", "at", "near", "'s", "’s")
            if low in PUNCT or low in CLAUSE_WORDS or low in PREPOSITIONS and not inner:
                return None
            if self.is_label(k, "VERB"):
                return None
            k += 1
        return None

    def assign(self, fr: Frame, prep: str, party: PartyRef) -> None:
        place = party.kind == "place"
        if prep in ("to", "into") or (prep == "for" and not place and fr.recipient is None):
            if not place and fr.recipient is None:
                fr.recipient = party
            if party.country and fr.destination is None:
                fr.destination = party.country
        elif prep == "from" or (prep in ("in", "at") and fr.frame == "get"):
            if fr.frame == "get" and not place and fr.giver is None and prep == "from":
                fr.giver = party
            elif fr.giver is None and not place and prep == "from" and party.kind != "state":
                fr.giver = party
            if party.country and fr.origin is None:
                fr.origin = party.country
        elif prep in ("via", "through") and fr.frame == "get" and not place and fr.giver is None:
            fr.giver = party  # "procured ... through a front company in Hong Kong"
        elif prep in ("via", "through") and party.country and party.country not in fr.via:
            fr.via.append(party.country)
        elif prep == "by" and not place:
            if fr.frame == "give" and fr.giver is None:
                fr.giver = party
            elif fr.frame == "get" and fr.recipient is None:
                fr.recipient = party

    def object_roles(self, fr: Frame, j: int, stop: int) -> int:
        """After an active give verb: "Y Z", "Y with Z", "Z (to Y)". Returns where roles go on."""
        j = self.skip_adverbs(j, stop)
        party = self.party_at.get(j)
        if party is not None and party.kind == "unknown" and not self._goods_follow(party, stop):
            party = None  # "sold a Mercedes-Maybach S 680": a name without a role is goods
        if party is not None and party.kind != "place" and self.low(j) != "it":
            after = party.tok_end
            if self.low(after) == "with":
                fr.recipient, span = party, self.np_right(after + 1, stop)
            else:
                span = self.np_right(after, stop)
                if span is None or not self.goods_ok(span):
                    span = self._brand_object(party, stop)
                else:
                    fr.recipient = party
            return self.set_goods(fr, span)
        return self.set_goods(fr, self.np_right(j, stop))

    def _goods_follow(self, party: PartyRef, stop: int) -> bool:
        """ "sell Air Koryo two aircraft": known goods right after a name make it the recipient."""
        span = self.np_right(party.tok_end, stop)
        if span is None or not self.goods_ok(span):
            return False
        first = self.doc.tokens[span.start]
        if first.lower not in DETS_QTY and not first.text[:1].isdigit():
            return False  # "Shahed drones": a name before its product is part of the goods
        return is_goods(clean_goods(self.doc.span_text(span.start, span.end)))

    def _brand_object(self, party: PartyRef, stop: int) -> Span | None:
        """ "sold an Aurus": an unknown proper name after the verb is the goods, not a party."""
        if party.kind == "unknown":
            return self.np_right(party.tok_start, stop)
        return None

    def set_goods(self, fr: Frame, span: Span | None) -> int:
        if span is not None and self.goods_ok(span):
            fr.goods.append((span.start, span.end))
            fr.anaphoric = self.is_anaphor(span)
            return span.end
        fr.anaphoric = True
        fr.rejected = span is not None
        return fr.trigger + 1


def verb_frame(g: TransferGrammar, m: Mention, sent: Sentence) -> Frame | None:
    if g.low(m.tok_start - 1) in NOUN_DETS or g.prohibited(m.tok_start, sent.tok_start):
        return None
    fr = Frame(m.tok_start, str(m.data["lemma"]), str(m.data["frame"]), "verb", sent.i)
    stop = sent.tok_end
    if g.passive(m, sent.tok_start):
        k = _passive_left(g, fr, m, sent)
        g.roles_after(fr, k, stop)
        return fr
    subject = _relative_subject(g, m.tok_start, sent) or g.subject(m.tok_start, sent.tok_start)
    if fr.frame == "give":
        fr.giver = subject
        k = g.object_roles(fr, m.tok_end, stop)
    else:
        fr.recipient = subject
        k = g.set_goods(fr, g.np_right(g.skip_adverbs(m.tok_end, stop), stop))
    _relative_goods(g, fr, subject, sent)
    g.roles_after(fr, k, stop)
    return fr


def _relative_subject(g: TransferGrammar, i: int, sent: Sentence) -> PartyRef | None:
    """ ", which then sent them on": the party just before ", which" is the subject."""
    k = i - 1
    while k > sent.tok_start and (g.low(k) in ADVERBS or g.low(k) in ("had", "has", "have")):
        k -= 1
    if g.low(k) not in ("which", "who") or g.low(k - 1) != ",":
        return None
    party = next((p for p in g.doc.parties if p.tok_end == k - 1), None)
    return party if party is not None and party.kind != "place" else None


def _passive_left(g: TransferGrammar, fr: Frame, m: Mention, sent: Sentence) -> int:
    """Passive: "Z was shipped (to Y) by X" or "Y was given Z by X"."""
    aux = m.tok_start
    while aux > sent.tok_start and (
        g.low(aux - 1) in ("was", "were", "is", "are", "been", "be", "being", "had", "has", "have")
        or g.low(aux - 1).endswith("ly")
        or g.low(aux - 1) in RAISING
        or (g.low(aux - 1) == "to" and g.low(aux - 2) in RAISING | AUX_BE)
    ):
        aux -= 1
    party = g.subject(aux, sent.tok_start)
    after = g.np_right(m.tok_end, sent.tok_end)
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
        if span is not None and g.goods_ok(span):
            fr.goods, fr.anaphoric = [(span.start, span.end)], g.is_anaphor(span)


def noun_frame(g: TransferGrammar, i: int, sent: Sentence) -> Frame | None:
    """ "the gift of Z to Y", "North Korea's exports of coal to China", "a shipment of Z"."""
    low = g.low(i)
    owned = g.low(i - 1) in ("'s", "’s")
    if g.prohibited(i, sent.tok_start) or (
        g.is_label(i, "VERB") and g.low(i - 1) not in NOUN_DETS and not owned
    ):
        return None
    if any(g.low(k) in PROHIBITIONS | BANNED for k in range(i + 1, min(sent.tok_end, i + 20))):
        return None
    fr = Frame(i, low, g.lex.nouns[low], "noun", sent.i)
    owner = _noun_owner(g, i, sent)
    if owner is not None:
        setattr(fr, "giver" if fr.frame == "give" else "recipient", owner)
    k = i + 1
    if g.low(k) == "of":
        k = g.set_goods(fr, g.np_right(k + 1, sent.tok_end))
    else:
        fr.anaphoric = True
    g.roles_after(fr, k, sent.tok_end)
    return fr


def _noun_owner(g: TransferGrammar, i: int, sent: Sentence) -> PartyRef | None:
    k = i - 1
    while k >= sent.tok_start and g.low(k) not in PUNCT_STOP | CLAUSE_WORDS:
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
            return _country_party(m)
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
    fr = Frame(k + 1, g.low(k + 1), "give", "adjective", sent.i, giver=_country_party(m))
    span = g.np_right(k + 2, sent.tok_end)
    if span is None or not g.goods_ok(span):
        return None
    fr.goods = [(span.start, span.end)]
    subject = g.subject(m.tok_start, sent.tok_start)
    if subject is not None and subject.country != m.data["country"] and subject.kind != "unknown":
        fr.recipient = subject
    g.roles_after(fr, span.end, sent.tok_end)
    return fr


def _plural_noun(g: TransferGrammar, m: Mention) -> bool:
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


def sentence_frames(g: TransferGrammar, sent: Sentence) -> list[Frame]:
    frames: list[Frame | None] = []
    for m in g.doc.mentions:
        if not sent.tok_start <= m.tok_start < sent.tok_end:
            continue
        if m.label == "VERB" and g.low(m.tok_start - 1) not in NOUN_DETS | {"-", "'s", "’s"}:
            if not _plural_noun(g, m) and m.tok_start - 1 not in g.norp_ends:
                frames.append(verb_frame(g, m, sent))
        elif m.label in ("GPE", "NORP"):
            frames.append(adjective_frame(g, m, sent))
    for i in range(sent.tok_start, sent.tok_end):
        if g.low(i) in g.lex.nouns and (
            g.low(i - 1) in NOUN_DETS or g.low(i + 1) == "of" or g.low(i - 1) in ("'s", "’s")
        ):
            frames.append(noun_frame(g, i, sent))
    return [f for f in frames if f is not None]


def _money(doc: Doc, sent: Sentence) -> list[Mention]:
    return [
        m
        for m in doc.mentions
        if m.label == "MONEY" and sent.tok_start <= m.tok_start < sent.tok_end
    ]


def _goods_origin(g: TransferGrammar, fr: Frame) -> None:
    """ "North Korean coal", "Russian-made car": a country word in the goods is their origin."""
    for start, end in fr.goods:
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
        for fr in sentence_frames(g, sent):
            if fr.rejected:
                continue
            fr.sentences = [sent.i]
            fr.date = frame_date(doc, sent.i, fr.trigger, fr.goods)
            fr.money = _money(doc, sent)
            _goods_origin(g, fr)
            frames.append(fr)
    frames.sort(key=lambda f: f.trigger)
    doc.meta["frames"] = frames
    return doc
