"""The other side of a transfer, from the sentences that tell it.

"[Kim] told his North Korean counterpart that Moscow was ready to deliver X": the grammar
finds the giver; the recipient is the one other country's party of the sentence. Authorities
that seize, charge, judge or designate are never a side: they act on a transfer, they do not
make it.
"""

from __future__ import annotations

from dataclasses import replace

from sanctionwatch.extract.doc import Doc, Frame, PartyRef


def _country(party: PartyRef | None) -> str | None:
    return party.country if party is not None else None


#: Authorities that seize, charge and judge: never taken for a side of a transfer.
ENFORCERS = frozenset(
    """customs customs officers police prosecutor prosecutors public prosecutor court judge
    investigators investigator officers coast guard navy""".split()
) | {"customs officers", "public prosecutor", "coast guard"}


#: Verbs of authorities acting on a transfer: their subject is no side of it.
ENFORCING = frozenset(
    """designate designates designated designating sanction sanctions sanctioned sanctioning
    seize seizes seized seizing charge charges charged charging convict convicts convicted
    fine fines fined indict indicts indicted accuse accuses accused penalised penalized
    blacklisted arrest arrests arrested detain detains detained prosecute prosecuted
    sentenced froze freeze freezes frozen impounded confiscated intercepted investigate
    investigates investigated investigating targeted targets target""".split()
)


def _enforcing(doc: Doc, party: PartyRef) -> bool:
    """ "OFAC is designating X for ...", "Customs seized": the party acts as an authority."""
    for k in range(party.tok_end, min(len(doc.tokens), party.tok_end + 4)):
        low = doc.tokens[k].lower
        if low in ENFORCING:
            return True
        if low not in ("is", "are", "was", "were", "has", "have", "had", "on", "also", "today"):
            return False
    return False


def infer_side(doc: Doc, fr: Frame) -> None:
    """ "[Kim] told his North Korean counterpart that Moscow was ready to deliver X": when one
    side is known and the sentence names exactly one other country's party, that party is
    the other side. With two or more candidates nothing is guessed."""
    giver = _country(fr.giver) or fr.origin
    recipient = _country(fr.recipient) or fr.destination
    if bool(giver) == bool(recipient):
        return
    known = giver or recipient
    own = {doc.tokens[fr.trigger].sent, *fr.sentences}
    others = _candidates(doc, fr, own, known)
    if not others and min(own) > 0:
        # "... a pipeline from Dandong to a refinery near Sinuiju. Beijing supplies 500,000
        # tonnes a year through it": the sentence before may name the other side
        others = _candidates(doc, fr, {min(own) - 1}, known)
    if len({p.country for p in others}) != 1:
        return
    if giver and _replaceable(fr.recipient):
        fr.recipient = others[0]
    elif recipient and _replaceable(fr.giver):
        fr.giver = others[0]


def _candidates(doc: Doc, fr: Frame, sent_ids: set[int], known: str | None) -> list[PartyRef]:
    """The parties of the sentences that could be the other side of the frame."""
    sents = [doc.sentences[i] for i in sent_ids]
    sources = doc.meta.get("sources", set())  # "Japanese officials said": no side
    # "bought the printers and sent them on to buyers in Moscow": the buyers are a side of
    # the second transfer, not the seller of the first
    # (a barter's two sides are the same two parties)
    barter = fr.form == "exchange"
    taken = {
        (p.tok_start, p.tok_end)
        for other in doc.meta.get("frames", [])
        if other is not fr and not barter and other.form != "exchange"
        for p in (other.giver, other.recipient)
        if p is not None
    }
    return [
        p
        for p in doc.parties
        if any(s.tok_start <= p.tok_start < s.tok_end for s in sents)
        and (p.tok_start, p.tok_end) not in sources | taken
        and p.country
        and p.country != known
        and p.kind in ("person", "state", "organization")
        and not p.pronoun
        and p.country not in fr.via
        and p.noun not in ENFORCERS
        and not _enforcing(doc, p)
    ]


def _replaceable(party: PartyRef | None) -> bool:
    """No party, or a bare name of unknown kind: a guess from the sentence may take its place;
    a role without a country ("the dealer") stays for the dateline to place."""
    return party is None or (party.kind == "unknown" and not party.country)


#: Verbs of cargo moving from one hull to another when both sides are ships ("delivered
#: fuel to the ship" may be a port call, so "deliver" is not one of them).
STS_LEMMAS = frozenset({"transfer", "transfers", "discharge", "offload", "unload", "load"})


def _vessel_like(party: PartyRef | None) -> bool:
    """A ship by its role ("the tanker X"), its flag ("the DPRK-flagged X") or a name in
    capitals as registers and panel reports write ship names ("the YUK TUNG")."""
    if party is None or party.pronoun:
        return False
    if party.kind == "vessel":
        return True
    if party.kind != "unknown":
        return False
    letters = [c for c in (party.name or party.text) if c.isalpha()]
    capitals = len(letters) >= 4 and all(c.isupper() for c in letters)
    return capitals or "flagged" in party.text.lower()


def ship_to_ship(fr: Frame) -> None:
    """ "Petroleum was transferred from the YUK TUNG to the RYE SONG GANG": when both sides
    of a transfer are ships, the goods changed hands at sea, ship to ship."""
    if fr.lemma not in STS_LEMMAS or fr.giver is None or fr.recipient is None:
        return
    if not (_vessel_like(fr.giver) and _vessel_like(fr.recipient)):
        return
    fr.giver = replace(fr.giver, kind="vessel")
    fr.recipient = replace(fr.recipient, kind="vessel")
    fr.mode = fr.mode or "ship-to-ship"
