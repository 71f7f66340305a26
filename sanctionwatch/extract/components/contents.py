"""Goods told by what a transfer noun holds: "a cargo that contained missiles bound for Syria".

Reports of seizures and inspections often name the goods as the contents of a cargo, a
consignment or a shipment rather than as its "of" phrase. The words after the containment
verb are the goods; the roles after them ("bound for Syria", "from North Korea") are the
transfer's, read by the usual prepositional grammar.
"""

from __future__ import annotations

from sanctionwatch.extract.components.grammar import Span
from sanctionwatch.extract.components.roles import TransferGrammar

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
