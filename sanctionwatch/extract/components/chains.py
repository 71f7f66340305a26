"""Chains of transfers told in one sentence: goods bought, then sold on, then shipped.

"X bought 37 watches from a Geneva wholesaler and resold them to a Moscow company, shipping
them via Dubai" tells two transfers (the wholesaler to X, X to the Moscow company) and a route
of the second. A verb joined to an earlier one by "and", or a participle after a comma or
"before"/"after", shares its subject; "them"/"it" as its object stands for the goods of the
verb before it in the same sentence.
"""

from __future__ import annotations

from sanctionwatch.extract.components.roles import TransferGrammar
from sanctionwatch.extract.components.words import ADVERBS
from sanctionwatch.extract.doc import Frame, Mention, PartyRef, Sentence

#: Pronouns that stand for goods named earlier in the sentence.
GOODS_PRONOUNS = frozenset({"it", "them", "they", "these", "those"})


def coordinated_subject(g: TransferGrammar, m: Mention, sent: Sentence) -> PartyRef | None:
    """ "bought watches from X and resold them to Y, shipping them via Z": a second verb
    joined by "and" or a participle after a comma shares the first verb's subject."""
    k = m.tok_start - 1
    while k > sent.tok_start and g.low(k) in ADVERBS:
        k -= 1
    participle = m.text.lower().split()[0].endswith("ing")
    joined = g.low(k) == "and" or (g.low(k) in (",", "before", "after") and participle)
    if not joined:
        return None
    first = next(
        (
            x
            for x in reversed(g.doc.mentions)
            if x.label == "VERB" and sent.tok_start <= x.tok_start < k
        ),
        None,
    )
    if first is None or g.passive(first, sent.tok_start):
        return None
    return g.subject(first.tok_start, sent.tok_start)


def relative_subject(g: TransferGrammar, i: int, sent: Sentence) -> PartyRef | None:
    """ ", which then sent them on": the party just before ", which" is the subject."""
    k = i - 1
    while k > sent.tok_start and (g.low(k) in ADVERBS or g.low(k) in ("had", "has", "have")):
        k -= 1
    if g.low(k) not in ("which", "who") or g.low(k - 1) != ",":
        return None
    party = next((p for p in g.doc.parties if p.tok_end == k - 1), None)
    return party if party is not None and party.kind != "place" else None


def chain_goods(g: TransferGrammar, frames: list[Frame]) -> None:
    """Give a frame whose goods are only "them"/"it" the goods of the frame before it in the
    sentence (frames in text order)."""
    for before, fr in zip(frames, frames[1:], strict=False):
        if not _pronoun_goods(g, fr) or not before.goods or before.anaphoric:
            continue
        if before.rejected:
            continue
        fr.goods, fr.anaphoric, fr.rejected = list(before.goods), False, False
        fr.onward = before.frame == "get" and fr.frame == "give"


def _pronoun_goods(g: TransferGrammar, fr: Frame) -> bool:
    """The frame's goods are only a pronoun right after its verb ("re-exported them"); a
    pronoun read as a person ("gave them a tour") leaves the frame rejected."""
    verb = g.mention_at.get(fr.trigger)
    after = verb.tok_end if verb is not None else fr.trigger + 1
    lone = g.low(after) in GOODS_PRONOUNS and g.low(after + 1) not in ("a", "an", "the")
    if not fr.anaphoric or (fr.rejected and not lone):
        return False
    if not fr.goods:
        return g.low(after) in GOODS_PRONOUNS
    return all(e - s == 1 and g.low(s) in GOODS_PRONOUNS for s, e in fr.goods)


def _same_party(x: PartyRef | None, y: PartyRef | None) -> bool:
    """The same middleman; a vessel that loads and discharges a cargo carries one transfer."""
    if x is None or y is None or x.kind == "vessel":
        return False
    if (x.tok_start, x.tok_end) == (y.tok_start, y.tok_end):
        return True
    return bool(x.key and x.key == y.key) or (
        not x.pronoun and not y.pronoun and x.text.lower() == y.text.lower()
    )


def chained(a: Frame, b: Frame) -> bool:
    """ "The firm imported engines from Germany before re-exporting them to Iran": the
    recipient of one transfer gives the goods on in the other. Two legs of a chain, not one
    transfer, even when the middleman's country is unknown."""
    if _same_party(a.recipient, b.giver) or _same_party(b.recipient, a.giver):
        return True
    # "The broker bought drones from China. It later shipped them to Russia."
    return middleman(a.recipient) and b.giver is not None and b.giver.pronoun


def middleman(party: PartyRef | None) -> bool:
    """A party of no known country that is not a state: a firm, a broker, a person."""
    kinds = ("state", "place", "vessel")
    return party is not None and party.country is None and party.kind not in kinds
