"""Goods lists and goods words: which words of a description name goods, and how many.

"coal and pig iron" names two goods; "Mercedes-Benz sedans" one (brand and word agree);
"iron ore imported by a Hebei steel mill" one, because the steel belongs to the clause
about the buyer. The classifier uses these to return one candidate per good.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sanctionwatch.goods.lexicon import Hit, fold_text, split_words

if TYPE_CHECKING:
    from sanctionwatch.goods.result import Candidate

log = logging.getLogger(__name__)

#: Words that open a clause after the goods words (route, agent, value, relative clause).
CLAUSE_WORDS = frozenset(
    "by from to via at for through into onto aboard toward towards bound destined "
    "which that who whose worth valued under after before while when where".split()
)


def words_at(text: str, start: int, end: int) -> str:
    """The original words at folded-token positions ``start:end`` (folded if they differ)."""
    original = split_words(text)
    folded = fold_text(text)
    source = original if len(original) == len(folded) else folded
    return " ".join(source[start:end])


def head_hits(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits of the goods words themselves, not of a clause that follows them.

    In "iron ore imported by a Hebei steel mill" the goods are the iron ore; "steel" belongs
    to the agent. Once a specific goods word has been seen, a word that opens a modifier
    (a preposition of route or agent, a relative pronoun, a value) ends the goods words.
    A vague head ("a shipment of", "equipment for") keeps the words after it.
    """
    tokens = fold_text(text)
    seen_specific = False
    for index, token in enumerate(tokens):
        if seen_specific and token in CLAUSE_WORDS:
            return [h for h in hits if h.start < index]
        seen_specific = seen_specific or any(h.end == index + 1 and not h.entry.vague for h in hits)
    return hits


def split_parts(
    candidates: list[Candidate], hits: list[Hit]
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """One candidate per distinct good the words name, in the order of the text.

    Specific lexicon hits that share a candidate code name one good ("Mercedes-Benz
    sedans": brand and word agree on 8703); hits with no code in common name different
    goods ("coal and pig iron"). Each good is represented by its best candidate, with the
    token span of its words.
    """
    groups: list[tuple[set[str], list[Candidate], list[int]]] = []
    for hit in sorted((h for h in hits if not h.entry.vague and h.entry.hs), key=lambda h: h.start):
        own = [c for c in candidates if hit.phrase in c.matched]
        joined = [g for g in groups if g[0] & {c.hs for c in own}]
        if not own:
            continue
        if joined:
            joined[0][0].update(c.hs for c in own)
            joined[0][1].extend(c for c in own if c not in joined[0][1])
            joined[0][2].extend((hit.start, hit.end))
        else:
            groups.append(({c.hs for c in own}, list(own), [hit.start, hit.end]))
    parts = [max(group, key=lambda c: c.confidence) for _, group, _ in groups]
    return parts, [(min(span), max(span)) for _, _, span in groups]
