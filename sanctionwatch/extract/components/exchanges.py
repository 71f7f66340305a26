"""Counter-transfers: "X could supply jets in exchange for artillery ammunition".

A barter names two transfers in one clause: the goods of the trigger go from giver to
recipient, and the goods after "in exchange for" / "in return for" go back the other way. The
counter-frame takes the opposite sides and routes of the frame it answers; its status comes
from the same clause ("could", "plans to"), so a mooted barter stays hypothetical on both sides.
"""

from __future__ import annotations

from sanctionwatch.extract.components.requests import REQUESTS
from sanctionwatch.extract.components.roles import TransferGrammar
from sanctionwatch.extract.doc import Frame, Sentence

#: "in exchange for", "in return for": the word after "in" and the preposition after it.
EXCHANGE_WORDS = frozenset({"exchange", "return"})


def _exchange_at(g: TransferGrammar, start: int, stop: int) -> int | None:
    """The index of "exchange" in "in exchange for" between ``start`` and ``stop``."""
    for k in range(start, stop - 2):
        if g.low(k) == "in" and g.low(k + 1) in EXCHANGE_WORDS and g.low(k + 2) == "for":
            return k + 1
    return None


def counter_frame(g: TransferGrammar, fr: Frame, sent: Sentence) -> Frame | None:
    """The transfer that pays for ``fr``, when its clause names one."""
    if fr.frame != "give" or not fr.goods:
        return None
    after = max(end for _, end in fr.goods)
    at = _exchange_at(g, after, sent.tok_end)
    if at is None:
        return None
    span = g.np_right(at + 2, sent.tok_end)
    if span is None or not g.goods_ok(span) or g.is_anaphor(span):
        return None
    # the counter-gift of a request or an offer is asked or offered too: it keeps the lemma
    lemma = fr.lemma if fr.lemma in REQUESTS else "exchange"
    back = Frame(at, lemma, "give", "exchange", sent.i)
    back.giver, back.recipient = fr.recipient, fr.giver
    back.origin, back.destination = fr.destination, fr.origin
    back.goods = [(span.start, span.end)]
    return back
