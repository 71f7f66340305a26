"""Goods of a frame: the words, split into items, classified with :mod:`sanctionwatch.goods`.

The frame's goods words are a noun phrase with its modifiers (quantity, brand, model, age:
"two nine-year-old Skoda Octavias"); what follows it (a route "to North Korea", a purpose
"for his personal use", a value "worth $1 million", a participle clause "delivered as aid")
is cut off, and a list ("cars, pianos and cognac") gives one item per good. Items the
classifier refuses as goods ("a breed native", "South Korean centre-back") are dropped.
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

LEADING = re.compile(
    r"^(?:(?:a|an|the|its|his|her|their|our|this|that|these|those|some|any|all)\s+)+", re.I
)
SPLIT = re.compile(
    r"\s*(?:[,;:]\s+(?:and\s+|or\s+|including\s+|notably\s+|namely\s+)?|\s+and\s+|\s+or\s+"
    r"|\s+as\s+well\s+as\s+|\s+including\s+|\s+such\s+as\s+|\s+notably\s+)\s*",
    re.I,
)
#: A dangling piece of a quantity the phrase lost its first word of ("least 1,200 tonnes").
DANGLING = re.compile(r"^(?:least|most|than|of)\s+(?=\d)", re.I)
#: Words that open the clause after the goods words: route, purpose, value, relative clause.
CLAUSE = frozenset(
    "to from via through into onto aboard toward towards for worth valued priced costing "
    "which that who whose while when where after before under bound destined "
    "excluding".split()
)
#: Words after a participle that show it opens a clause ("delivered as aid", "sent by rail").
PARTICIPLE_NEXT = frozenset(CLAUSE | {"as", "by", "in", "at", "on", "with", "under", "last"})
#: A model designation: letters joined to digits or to a capital ("Su-57", "KN23", "Tigr-M").
MODEL = re.compile(r"\b(?:[A-Za-z]+-?\d+[A-Za-z]*|\d+[A-Za-z]+|[A-Z][A-Za-z]*-[A-Z]{1,3})\b")
#: Words that refer to goods named elsewhere; a classifier refusal says nothing about them.
ANAPHORS = frozenset(
    "it they them this that these those which one ones two three four five six seven eight "
    "nine ten dozen dozens hundreds thousands more others another rest remainder bulk".split()
)


#: Irregular participles that end a clause, not a goods phrase ("Tanker caught").
PARTICIPLES = frozenset(
    "caught made built sold sent bought held found seen taken given brought left kept told paid"
    " shown known hit struck shot stolen driven flown".split()
)


def clean_goods(text: str) -> str:
    """ "a Russian-made car" -> "Russian-made car"; "least 1,200 tonnes" -> "1,200 tonnes"."""
    cleaned = LEADING.sub("", text.strip()).strip() or text.strip()
    return DANGLING.sub("", cleaned)


def trim_goods(text: str) -> str:
    """The goods noun phrase without the clause that follows it.

    "two luxury yachts bound for Nampo" -> "two luxury yachts"; "a new Toyota Land Cruiser
    for his personal use" -> "a new Toyota Land Cruiser"; "120 tractors delivered as aid"
    -> "120 tractors". A parenthesis (named goods the frame adds) is kept.
    """
    words = text.split()
    for index, word in enumerate(words[1:], start=1):
        low = word.lower().strip(",;:")
        if word.startswith("("):
            break
        nxt = words[index + 1].lower() if index + 1 < len(words) else ""
        participle = (low.endswith("ed") or low in PARTICIPLES) and nxt in PARTICIPLE_NEXT
        if low in CLAUSE or participle:
            kept = " ".join(words[:index]).rstrip(",;:")
            rest = " ".join(w for w in words[index:] if w.startswith("(") or ")" in w)
            return f"{kept} {rest}".strip() if rest.startswith("(") else kept
    return text


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


def unknown(text: str) -> bool:
    """The classifier finds no goods words in ``text`` (and it refers to nothing before)."""
    found = classify_text(text)
    if found is None or found.goods_confidence > 0:
        return False
    words = text.lower().split()
    return not words or words[-1] not in ANAPHORS


def refused(text: str) -> bool:
    """``text`` names no goods at all: no goods words, and its head is a proper name, a verb
    or a function word ("White House", "South Korean centre-back", "monitors add").

    Words that refer to goods named elsewhere ("they", "which") are not refused, nor are
    common nouns the lexicons lack: coreference or the reader decides what they are.
    """
    if not unknown(text) or MODEL.search(text):
        return False  # "the Hwasong-19", "a Tigr-M": an unknown model is goods all the same
    from sanctionwatch.goods.heads import find_head, names_no_goods

    return names_no_goods(find_head(text))


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
    """ "Swiss watches, French cognac and perfume" -> three items (when each is goods).

    The clause after the goods words is cut first; items that name no goods ("new" in "new
    and used cars", "a breed native" after a comma) are dropped, and when every item is
    refused, so is the phrase (an empty list).
    """
    listed = named_list(text)
    if listed:
        return listed
    whole = clean_goods(trim_goods(text))
    parts = [clean_goods(p) for p in SPLIT.split(trim_goods(text)) if p.strip()]
    if len(parts) < 2 or not any(headings_of(p) for p in parts):
        return [] if refused(whole) else [whole]
    return [p for p in parts if not unknown(p)]


#: Vague goods words followed by the list that names them: "luxury items (perfume, shoes)".
NAMED_LIST = re.compile(r"^(?P<head>[^()]*?)\s*\((?P<inner>[^()]+)\)$")


def named_list(text: str) -> list[str]:
    """ "luxury items (perfume, handbags and shoes)" -> the three named goods, when the words
    before the parenthesis are vague (the list then says what they were)."""
    m = NAMED_LIST.match(text.strip())
    if m is None:
        return []
    head = classify_text(clean_goods(trim_goods(m["head"])) or "goods")
    if head is not None and head.candidates and not head.vague:
        return []  # "Aurus (Aurus Senat)": the words before already name the goods
    parts = [clean_goods(p) for p in SPLIT.split(m["inner"]) if p.strip()]
    return [p for p in parts if headings_of(p)]


def names_goods(doc: Doc, fr: Frame) -> bool:
    """The frame names goods, or names none at all (then coreference may fill them); False
    when every goods phrase of the frame is refused ("sold its South Korean centre-back")."""
    texts = [clean_goods(doc.span_text(start, end)) for start, end in fr.goods]
    return not texts or not all(refused(trim_goods(t)) for t in texts)


def make_goods(
    text: str, quantity: float | None, value: float | None, currency: str | None
) -> Goods:
    found = classify_text(text)
    if found is None:
        return Goods(text=text, quantity=quantity, value=value, currency=currency)
    goods: Goods = found.to_goods(value=value, currency=currency, quantity=quantity)
    goods.text = text
    return goods
