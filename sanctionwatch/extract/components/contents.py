"""Goods told by what a transfer noun holds: "a cargo that contained missiles bound for Syria",
or after an inverted copula: "Among the gifts Kim received from Putin was a rifle".

Reports of seizures and inspections often name the goods as the contents of a cargo, a
consignment or a shipment rather than as its "of" phrase. The words after the containment
verb are the goods; the roles after them ("bound for Syria", "from North Korea") are the
transfer's, read by the usual prepositional grammar.
"""

from __future__ import annotations

from sanctionwatch.extract.components.grammar import Span
from sanctionwatch.extract.components.roles import TransferGrammar
from sanctionwatch.extract.doc import Frame, Sentence

#: Verbs and participles that introduce what a cargo holds.
CONTAINS = frozenset(
    "contained contains containing contain holding held holds carrying carried".split()
)
#: Participles that take "with" before the contents: "loaded with", "laden with".
FILLED = frozenset("loaded laden packed filled stuffed".split())
#: Relative words that may stand before the verb ("a cargo that contained").
RELATIVES = frozenset({"that", "which"})


def contained_goods(g: TransferGrammar, k: int, stop: int) -> Span | None:
    """The goods a transfer noun ending before ``k`` holds, or None when none are told."""
    if g.low(k) == "," and g.low(k + 1) in RELATIVES:
        k += 1  # "the shipment, which contained 3,000 rifles, was routed via Turkey"
    if g.low(k) in RELATIVES:
        k += 1
    if g.low(k) in CONTAINS:
        k += 1
    elif g.low(k) in FILLED and g.low(k + 1) == "with":
        k += 2
    else:
        return None
    span = g.np_right(k, stop)
    if span is None or not g.goods_ok(span) or g.is_anaphor(span):
        return None
    return span


#: Words that front the phrase holding the transfer before an inverted copula.
FRONTED = frozenset({"among", "included"})
#: The inverted copula: "Among the gifts Kim received from Putin was a rifle".
COPULAS = frozenset({"was", "were", "is", "are"})


def fronted_goods(g: TransferGrammar, frames: list[Frame], sent: Sentence) -> None:
    """ "Among the gifts Kim received from Putin was a rifle", "Among the items delivered were
    two cars", "Included in the shipment were shells": a transfer told inside a fronted phrase
    has for goods the subject after the inverted copula, not the fronted noun."""
    start = sent.tok_start + (g.low(sent.tok_start) in ("and", "but"))
    if g.low(start) not in FRONTED:
        return
    copula = next((k for k in range(start + 2, sent.tok_end) if g.low(k) in COPULAS | {";"}), None)
    if copula is None or g.low(copula) == ";":
        return
    span = g.np_right(copula + 1, sent.tok_end)
    if span is None or not g.goods_ok(span) or g.is_anaphor(span):
        return
    for fr in frames:
        if start < fr.trigger < copula:
            fr.goods, fr.anaphoric, fr.rejected = [(span.start, span.end)], False, False
