"""Goods of a frame: the words, split into items, classified with :mod:`sanctionwatch.goods`.

Classification results are cached by text: the same few goods words recur across a report
and across a batch.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from sanctionwatch.extract.doc import Doc, Frame
from sanctionwatch.model.event import Goods

log = logging.getLogger(__name__)

LEADING = re.compile(r"^(?:(?:a|an|the|its|his|her|their|this|these|those|some|any|all)\s+)+", re.I)
SPLIT = re.compile(r"\s*(?:,\s+(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)\s*")


#: Irregular participles that end a clause, not a goods phrase ("Tanker caught").
PARTICIPLES = frozenset(
    "caught made built sold sent bought held found seen taken given brought left kept told paid"
    " shown known hit struck shot stolen driven flown".split()
)


def clean_goods(text: str) -> str:
    """ "a Russian-made car" -> "Russian-made car"."""
    return LEADING.sub("", text.strip()).strip() or text.strip()


@lru_cache(maxsize=4096)
def classify_text(text: str) -> Any:
    """The goods classifier's answer, or None when the classifier is not available."""
    try:
        from sanctionwatch.goods import classify
    except ImportError:  # the goods package is optional for extraction alone
        return None
    return classify(text)


def headings_of(text: str) -> frozenset[str]:
    found = classify_text(text)
    if found is None or not found.candidates:
        return frozenset()
    best = found.candidates[0]
    return frozenset({best.hs[:4], *(f"cat:{c}" for c in best.categories)})


def is_goods(text: str) -> bool:
    """The classifier recognises ``text`` as goods with some confidence (not "they", "year")."""
    found = classify_text(text)
    if found is None or not found.candidates or found.vague:
        return False
    words = text.lower().split()
    if not words or words[-1].endswith("ed") or words[-1] in PARTICIPLES:
        return False
    if words[0] in ("that", "which", "who", "they"):
        return False
    return bool(found.candidates[0].confidence >= 0.6)


def goods_headings(doc: Doc, fr: Frame) -> frozenset[str]:
    """HS headings and categories of a frame's goods (for coreference)."""
    out: frozenset[str] = frozenset()
    for start, end in fr.goods:
        out |= headings_of(clean_goods(doc.span_text(start, end)))
    return out


def split_items(text: str) -> list[str]:
    """ "Swiss watches, French cognac and perfume" -> three items (when each is goods)."""
    parts = [clean_goods(p) for p in SPLIT.split(text) if p.strip()]
    if len(parts) < 2:
        return [clean_goods(text)]
    return parts if any(headings_of(p) for p in parts) else [clean_goods(text)]


def make_goods(
    text: str, quantity: float | None, value: float | None, currency: str | None
) -> Goods:
    found = classify_text(text)
    if found is None:
        return Goods(text=text, quantity=quantity, value=value, currency=currency)
    goods: Goods = found.to_goods(value=value, currency=currency, quantity=quantity)
    goods.text = text
    return goods
