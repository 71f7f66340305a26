"""Requests and offers of goods: no transfer took place, but the report tells of one sought.

"A North Korean delegation requested spare parts; Kazakhstan refused" is a claim of a
transfer that did not happen (negated); a request with no answer in the text is a transfer
that may happen (hypothetical). The refusal may stand later in the sentence or open the next
one, and the party that refuses is the one that would have given.
"""

from __future__ import annotations

from sanctionwatch.extract.doc import Doc, Frame, PartyRef
from sanctionwatch.extract.lexicon import get_lexicon

#: Trigger lemmas (verbs and nouns) of a request or an offer.
REQUESTS = frozenset({"request", "requests", "ask", "ask for", "offer"})
#: How many words of the next sentence may hold its refusal ("Kazakhstan refused.").
NEXT_WINDOW = 8


def _phrases() -> list[tuple[str, ...]]:
    cues = get_lexicon().cues.get("negated", {})
    return [tuple(p) for p in cues.get("refused_after", [])]


def _find(words: list[str], phrase: tuple[str, ...]) -> int | None:
    n = len(phrase)
    return next((k for k in range(len(words) - n + 1) if tuple(words[k : k + n]) == phrase), None)


def _refusal(doc: Doc, fr: Frame) -> int | None:
    """The token where a refusal of the request starts, or None."""
    sent = doc.sentences[fr.sentences[0]]
    spans = [(fr.trigger + 1, sent.tok_end)]
    if sent.i + 1 < len(doc.sentences):
        nxt = doc.sentences[sent.i + 1]
        spans.append((nxt.tok_start, min(nxt.tok_end, nxt.tok_start + NEXT_WINDOW)))
    for start, end in spans:
        words = [t.lower for t in doc.tokens[start:end]]
        hits = [k for p in _phrases() if (k := _find(words, p)) is not None]
        if hits:
            return start + min(hits)
    return None


def _refuser(doc: Doc, fr: Frame, at: int) -> PartyRef | None:
    """The party just before the refusal, in its clause ("; Kazakhstan refused")."""
    start = doc.sentences[doc.tokens[at].sent].tok_start
    best = None
    for p in doc.parties:
        if start <= p.tok_start and p.tok_end <= at and p.kind != "place" and p.country:
            if best is None or p.tok_start > best.tok_start:
                best = p
    recipient = fr.recipient.country if fr.recipient else fr.destination
    return best if best is not None and best.country != recipient else None


def settle_request(doc: Doc, fr: Frame) -> None:
    """Make a request hypothetical, or negated when the text refuses it."""
    at = _refusal(doc, fr)
    if at is None:
        if fr.status in ("actual", "reported"):
            fr.status = "hypothetical"  # "reportedly offered": still only an offer
        return
    fr.status = "negated"
    refuser = _refuser(doc, fr, at)
    if refuser is not None and (fr.giver is None or not fr.giver.country):
        fr.giver = refuser
        fr.origin = fr.origin or refuser.country
        if at >= doc.sentences[fr.sentences[0]].tok_end:
            fr.sentences = sorted({*fr.sentences, doc.tokens[at].sent})
