"""Counter-transfers: "X could supply jets in exchange for artillery ammunition".

A barter names two transfers in one clause: the goods of the trigger go from giver to
recipient, and the goods after "in exchange for" / "in return for" go back the other way. The
counter-frame takes the opposite sides and routes of the frame it answers; its status comes
from the same clause ("could", "plans to"), so a mooted barter stays hypothetical on both sides.
"""

from __future__ import annotations

from sanctionwatch.extract.components.requests import REQUESTS
from sanctionwatch.extract.components.roles import TransferGrammar
from sanctionwatch.extract.doc import Doc, Frame, Sentence

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


#: Sentence openers that make a transfer the answer to an earlier one: "In return, Kim gave".
REPLY_OPENERS = (("in", "return"), ("in", "exchange"), ("reciprocating",), ("to", "reciprocate"))


def _sides(fr: Frame) -> tuple[str | None, str | None]:
    return (
        (fr.giver.country if fr.giver else None) or fr.origin,
        (fr.recipient.country if fr.recipient else None) or fr.destination,
    )


def answered_date(doc: Doc, fr: Frame, earlier: list[Frame]) -> str | None:
    """ "Putin gave Kim a car on 3 March 2023. ... In return, Kim gave Putin two dogs": a
    transfer told as the answer to another takes the date of the last earlier transfer that
    went the other way between the same two countries."""
    sent = doc.sentences[fr.sentences[0]]
    words = tuple(t.lower for t in doc.tokens[sent.tok_start : sent.tok_start + 2])
    if not any(words[: len(o)] == o for o in REPLY_OPENERS):
        return None
    giver, recipient = _sides(fr)
    if not giver or not recipient:
        return None
    for prev in reversed(earlier):
        if prev.sentences[0] < fr.sentences[0] and prev.date and _sides(prev) == (recipient, giver):
            return prev.date
    return None
