"""The role grammar of a transfer trigger: objects, prepositional roles, routes and goods.

:class:`TransferGrammar` extends the shallow :class:`Grammar` with what the transfer frames
need: whether a phrase is goods or a non-goods object ("a speech"), whether it only refers
back ("it", "the car"), and which party or place a preposition introduces: *to* a recipient
or destination, *from* a giver or origin, *via*/*through* a transit country or an
intermediary, *by* the agent of a passive, *in*/*at* after a verb of arrival.
"""

from __future__ import annotations

from sanctionwatch.extract.components.grammar import Grammar, Span
from sanctionwatch.extract.components.words import CLAUSE_WORDS, DETS_QTY, PREPOSITIONS, PUNCT
from sanctionwatch.extract.doc import Doc, Frame, Mention, PartyRef
from sanctionwatch.extract.goods import clean_goods, is_goods
from sanctionwatch.extract.lexicon import Lexicon

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
#: Verbs of a ship putting cargo ashore: the port after "at"/"in" is the destination.
UNLOADING = frozenset({"discharge", "unload", "offload"})
NOUN_DETS = frozenset("the a an its his her their this that these those any".split())


def country_party(m: Mention) -> PartyRef:
    return PartyRef(m.tok_start, m.tok_end, m.text, None, m.data["country"], "state")


class TransferGrammar(Grammar):
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        super().__init__(doc)
        self.lex = lex
        self.party_ends = {p.tok_end - 1 for p in doc.parties}
        self.norp_ends = {m.tok_end - 1 for m in doc.mentions if m.label == "NORP"}
        self.norp_at = {m.tok_start: m for m in doc.mentions if m.label == "NORP"}

    def prohibited(self, i: int, start: int) -> bool:
        """A ban word shortly before the verb governs it ("banned Russia from exporting"),
        unless a comma or semicolon closes the ban's clause first ("Before the embargo took
        effect, Russia delivered tanks") or the verb's own subject stands between them ("Before
        the embargo took effect Russia delivered tanks")."""
        finite = not self.low(i).endswith("ing")
        for k in range(i - 1, max(start, i - 6) - 1, -1):
            if self.low(k) in (",", ";", ":"):
                return False
            if finite and k == i - 1 and k in self.party_ends and self.low(k - 1) not in BANNED:
                return False
            if self.low(k) in PROHIBITIONS:
                return True
        return False

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
            if k > fr.trigger + 1 and low in ("that", "which", "who", "whom", "whose"):
                break  # "the ferry that brought musicians to ...": another clause
            if low in ARRIVALS and (place := self.party_in_np(self._after_for(k), stop)):
                if place.country and fr.destination is None:
                    fr.destination = place.country
                k = place.tok_end
                continue
            sts = fr.mode or fr.lemma in ("transfer", "transfers")
            if low == "with" and sts and (party := self.party_in_np(k + 1, stop)):
                self.sts_partner(fr, party)  # "a ship-to-ship transfer with the Yu Jong 2"
                k = party.tok_end
                continue
            if low == "behalf" and self.low(k + 1) == "of":
                if (party := self.party_in_np(k + 2, stop)) is not None and party.kind != "place":
                    # "procured parts on behalf of Mahan Air": for whom one gets;
                    # "presented on behalf of the president": in whose name one gives
                    side = "recipient" if fr.frame == "get" else "giver"
                    held = getattr(fr, side)
                    if held is None or not held.country or held.kind == "authority":
                        setattr(fr, side, party)
                    k = party.tok_end
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

    def _after_for(self, k: int) -> int:
        """ "bound for Vietnam", "destined for Nampo": the place follows "for"."""
        return k + 2 if self.low(k + 1) == "for" else k + 1

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
        elif prep == "for" and party.country and not (fr.recipient and fr.recipient.country):
            fr.destination = fr.destination or party.country  # "for Russian drone makers"
        elif prep in ("in", "at") and fr.lemma in UNLOADING:
            if party.country and fr.destination is None:
                fr.destination = party.country  # "discharged the coal at Lianyungang"
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

    def sts_partner(self, fr: Frame, party: PartyRef) -> None:
        """The other ship of a ship-to-ship transfer takes the goods the subject gives (or
        gives the goods the subject takes)."""
        if party.kind == "place":
            return
        side = "recipient" if fr.frame == "give" else "giver"
        if getattr(fr, side) is None:
            setattr(fr, side, party)

    def object_roles(self, fr: Frame, j: int, stop: int) -> int:
        """After an active give verb: "Y Z", "Y with Z", "Z (to Y)". Returns where roles go on."""
        j = self.skip_adverbs(j, stop)
        if self.low(j) == "to" and (shifted := self._shifted_object(fr, j, stop)) is not None:
            return shifted
        party = self.party_at.get(j)
        if party is not None and self.low(party.tok_end) in ("-", "–"):
            party = None  # "military-grade sensors": a compound word of the goods
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

    def _shifted_object(self, fr: Frame, j: int, stop: int) -> int | None:
        """ "handed over to the United States a bulk carrier": the recipient before the
        goods. Returns where roles go on, or None when no goods follow the recipient."""
        party = self.party_at.get(j + 1) or self._first_party(j + 1, min(stop, j + 4))
        if party is None or party.kind == "place":
            return None
        k = party.tok_end
        if self.low(k) in ("in", "on", "during") and k + 1 in self.date_tokens:
            while k + 1 < stop and k + 1 in self.date_tokens:
                k += 1  # "sent to North Korea in March a shipment of wheat"
            k += 1
        span = self.np_right(k, stop)
        if span is None or not self.goods_ok(span) or self.low(span.start) not in DETS_QTY:
            return None
        fr.recipient = party
        return self.set_goods(fr, span)

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
