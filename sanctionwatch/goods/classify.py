"""Goods description -> HS candidates and sanction categories, with a confidence.

Evidence rarely gives a tariff code; it says "an Aurus Senat limousine", "Rolex watches" or
"frozen crab". The classifier tries, in order: HS codes written in the text, the brand and
model lexicon, the plain-word lexicon, and (when the nomenclature file is available) a word
search over the HS descriptions. Candidates for the same code are merged, their evidence
combined. When the words do not decide the heading (a "vehicle", "equipment", or nothing
known), the result is marked vague and the candidates are returned instead of a guess.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from sanctionwatch.goods.age import is_antique
from sanctionwatch.goods.categories import categories_for_code
from sanctionwatch.goods.heads import (
    Head,
    drop_modifiers,
    find_head,
    names_no_goods,
    trailing_non_goods,
)
from sanctionwatch.goods.hs import find_hs_in_text, parse_hs
from sanctionwatch.goods.lexicon import Hit, load_lexicon
from sanctionwatch.goods.nomenclature import Nomenclature, content_words, get_nomenclature
from sanctionwatch.goods.parts import head_hits, split_parts, words_at
from sanctionwatch.goods.result import Candidate, Classification

__all__ = ["Candidate", "Classification", "classify", "goods_confidence", "judge"]

log = logging.getLogger(__name__)

#: Confidence of the first code of a lexicon entry, by the kind of entry.
KIND_CONFIDENCE = {"model": 0.92, "brand": 0.8, "term": 0.85}
VAGUE_CONFIDENCE = 0.35
CODE_IN_TEXT_CONFIDENCE = 0.95
SEARCH_WEIGHT = 0.6
#: Description-search score below which a heading is not worth proposing at all.
SEARCH_MIN = 0.45
#: Description-search score needed to narrow a chapter-level word to a heading.
REFINE_SCORE = 0.6
#: Below this the best candidate does not decide the goods.
DECIDED = 0.5
#: Antiques of an age exceeding one hundred years, whatever they are, and how sure an age is.
ANTIQUES = "9706"
AGE_CONFIDENCE = 0.97
#: Goods confidence of goods words that name no particular goods ("equipment").
VAGUE_GOODS = 0.6


def classify(text: str) -> Classification:
    """Classify a goods description (cached: the same words always give the same answer)."""
    return _classify(" ".join(text.split()))


@lru_cache(maxsize=4096)
def _classify(text: str) -> Classification:
    nomenclature = get_nomenclature()
    pool: dict[str, Candidate] = {}
    for code in find_hs_in_text(text):
        _merge(pool, Candidate(code, "", CODE_IN_TEXT_CONFIDENCE, source="hs-code"))
    hits = drop_modifiers(text, head_hits(text, load_lexicon().find(text)))
    if trailing_non_goods(text, hits):
        hits = []  # "monitors add": the goods word is the subject of a clause, not goods
    for hit in hits:
        for candidate in candidates_from_hit(hit):
            _merge(pool, candidate)
    if hits and is_antique(text):
        _merge(pool, Candidate(ANTIQUES, "", AGE_CONFIDENCE, source="age", matched=[text]))
    head = find_head(text)
    if nomenclature is not None and not hits and not pool and not names_no_goods(head):
        assert head is not None
        # words no description knows ("flibber kits") make the match less telling
        weight = SEARCH_WEIGHT * nomenclature.coverage(text)
        for code, score in nomenclature.search(text, must={head.folded}):
            if score >= SEARCH_MIN:
                _merge(pool, Candidate(code, "", score * weight, source="hs-search"))
    elif nomenclature is not None and hits:
        refine_chapters(pool, text, hits, nomenclature)
    candidates = finish_candidates(pool)
    parts, spans = split_parts(candidates, hits)
    vague, message = judge(text, candidates, hits, nomenclature is not None, parts)
    if not candidates and not hits:
        message = refusal(text, head) or message
    words = [c for h in hits if h.entry.vague or not h.entry.hs for c in h.entry.categories]
    several = len(parts) > 1
    return Classification(
        text,
        candidates,
        vague,
        message,
        nomenclature is not None,
        list(dict.fromkeys(words)),
        parts if several else [],
        [words_at(text, *span) for span in spans] if several else [],
        goods_confidence(candidates, hits),
    )


def refusal(text: str, head: Head | None) -> str | None:
    """Why ``text`` is no goods description, when its head word says so."""
    if head is None or not names_no_goods(head):
        return None
    why = "a proper name" if head.proper else "no goods noun"
    return f"{text!r} names no goods: its head word {head.written!r} is {why}"


def goods_confidence(candidates: list[Candidate], hits: list[Hit]) -> float:
    """How sure the words name goods at all (not which goods): 0 for "White House".

    A specific lexicon word or a code in the text is near certain; goods words that name no
    particular goods ("equipment", "luxury items") are goods all the same; a description
    search alone is as sure as its score.
    """
    if any(not h.entry.vague for h in hits) or any(c.source == "hs-code" for c in candidates):
        return max([c.confidence for c in candidates] + [KIND_CONFIDENCE["brand"]])
    if hits:
        return VAGUE_GOODS
    return candidates[0].confidence if candidates else 0.0


def refine_chapters(
    pool: dict[str, Candidate], text: str, hits: list[Hit], nomenclature: Nomenclature
) -> None:
    """Narrow a chapter-level word ("machine") by the other words ("sewing machines").

    Only words the lexicon did not match can narrow: "vessels" alone stays chapter 89.
    """
    matched = {t for h in hits for t in h.phrase.split()}
    extra = content_words(text) - matched
    if not extra:
        return
    for code in [c for c in pool if len(c) == 2]:
        parent = pool[code]
        for found, score in nomenclature.search(text, limit=3, must=extra):
            if found.startswith(code) and score >= REFINE_SCORE:
                narrower = Candidate(found, "", parent.confidence * score, source="hs-search")
                _merge(pool, narrower)
                break


def candidates_from_hit(hit: Hit) -> list[Candidate]:
    """One candidate per code of the entry; later codes are less likely than the first."""
    entry = hit.entry
    base = VAGUE_CONFIDENCE if entry.vague else KIND_CONFIDENCE[entry.kind]
    found: list[Candidate] = []
    for rank, spec in enumerate(entry.hs):
        code = parse_hs(spec.split("-")[0]) or spec
        found.append(
            Candidate(
                hs=code,
                description=entry.label,
                confidence=base * (0.7**rank),
                categories=list(entry.categories),
                maybe=list(entry.maybe),
                source=entry.kind,
                matched=[hit.phrase],
            )
        )
    return found


def _merge(pool: dict[str, Candidate], new: Candidate) -> None:
    old = pool.get(new.hs)
    if old is None:
        pool[new.hs] = new
        return
    old.confidence = min(0.99, 1 - (1 - old.confidence) * (1 - new.confidence))
    old.categories += [c for c in new.categories if c not in old.categories]
    old.maybe += [c for c in new.maybe if c not in old.maybe]
    old.matched += [m for m in new.matched if m not in old.matched]
    if old.source != new.source:
        old.source = f"{old.source}+{new.source}"
    if not old.description:
        old.description = new.description


def finish_candidates(pool: dict[str, Candidate]) -> list[Candidate]:
    """Fold broader codes into narrower ones they contain, add code categories, sort."""
    for code in sorted(pool, key=len):
        narrower = [c for c in pool if c != code and c.startswith(code)]
        if narrower and code in pool:
            target = max(narrower, key=lambda c: pool[c].confidence)
            _merge(pool, Candidate(target, **_without_hs(pool.pop(code))))
    nomenclature = get_nomenclature()
    for candidate in pool.values():
        by_code = [c for c in categories_for_code(candidate.hs) if c not in candidate.categories]
        candidate.categories += by_code
        candidate.maybe = [c for c in candidate.maybe if c not in candidate.categories]
        official = nomenclature.describe(candidate.hs) if nomenclature else None
        candidate.description = official or candidate.description or f"HS {candidate.hs}"
    return sorted(pool.values(), key=lambda c: (-c.confidence, c.hs))


def _without_hs(candidate: Candidate) -> dict[str, Any]:
    return {
        "description": candidate.description,
        "confidence": candidate.confidence,
        "categories": candidate.categories,
        "maybe": candidate.maybe,
        "source": candidate.source,
        "matched": candidate.matched,
    }


def judge(
    text: str,
    candidates: list[Candidate],
    hits: list[Hit],
    have_hs: bool,
    parts: list[Candidate] | None = None,
) -> tuple[bool, str]:
    """Decide whether the candidates settle the goods, and say why in one sentence."""
    if parts and len(parts) > 1 and all(p.confidence >= DECIDED for p in parts):
        names = ", ".join(f"HS {p.hs} ({', '.join(repr(m) for m in p.matched)})" for p in parts)
        return False, f"several goods: {names}"
    if not candidates and hits:
        words = ", ".join(repr(h.phrase) for h in hits)
        return True, f"{words} names no particular goods; give a description or an HS code"
    if not candidates:
        where = "" if have_hs else "; the HS nomenclature is not available, lexicons only"
        return True, f"No known goods words in {text!r}{where}"
    best = candidates[0]
    specific = [h for h in hits if not h.entry.vague]
    if best.confidence < DECIDED or (hits and not specific):
        names = ", ".join(f"HS {c.hs}" for c in candidates[:5])
        return True, f"{text!r} is too vague to decide the HS heading; candidates: {names}"
    close = [
        c
        for c in candidates[1:]
        if c.hs[:2] != best.hs[:2] and c.confidence >= 0.9 * best.confidence
    ]
    if close:
        names = ", ".join(f"HS {c.hs}" for c in [best, *close])
        return True, f"{text!r} fits several chapters equally well: {names}"
    how = f"matched {', '.join(repr(m) for m in best.matched)}" if best.matched else best.source
    return False, f"HS {best.hs} ({best.description}) from {how}"
