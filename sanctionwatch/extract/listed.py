"""Listed parties named anywhere in the text: a gazetteer of every listed name, then the matcher.

The gazetteer holds the normalised parts of every name and alias in the screening index
(two parts or more: single words are too ambiguous to scan prose for), in both the listed
order and surname-last order, in a token trie built once per index and cached. A scan of the
text finds candidate spans in one pass; each span is then screened, and only matches are kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.extract.doc import Doc
from sanctionwatch.model.event import ListMatch

log = logging.getLogger(__name__)

_END = "\x00"
_CACHE: dict[str, dict[str, Any]] = {}


@dataclass(slots=True)
class ListedMention:
    """A span of the text that names a listed party, with the entries it matched."""

    text: str
    start: int
    end: int
    matches: list[ListMatch] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "matches": [m.to_dict() for m in self.matches],
        }


def _add(trie: dict[str, Any], parts: tuple[str, ...]) -> None:
    node = trie
    for part in parts:
        node = node.setdefault(part, {})
    node[_END] = True


def build_gazetteer(matcher: Any) -> dict[str, Any]:
    """A nested-dict trie of listed names (normalised parts) from the matcher's index."""
    trie: dict[str, Any] = {}
    index = matcher.index
    for number in range(len(index.name_form)):
        parts = tuple(p.text for p in index.form(number).parts)
        if len(parts) < 2 or sum(map(len, parts)) < 6:
            continue
        _add(trie, parts)
        _add(trie, parts[1:] + parts[:1])
    return trie


def get_gazetteer(matcher: Any) -> dict[str, Any]:
    key = f"{id(matcher.index)}:{getattr(matcher, 'signature', '')}"
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = build_gazetteer(matcher)
    return _CACHE[key]


def _parts(doc: Doc) -> list[tuple[str, int]]:
    from sanctionwatch.text.tokenize import tokenize_name

    out: list[tuple[str, int]] = []
    for tok in doc.tokens:
        out.extend((part, tok.i) for part in tokenize_name(tok.text))
    return out


def scan_names(doc: Doc, trie: dict[str, Any]) -> list[tuple[int, int]]:
    """Token spans whose words form a listed name (longest, non-overlapping)."""
    parts = _parts(doc)
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(parts):
        node, best, j = trie, -1, k
        while j < len(parts) and parts[j][0] in node:
            node = node[parts[j][0]]
            j += 1
            if _END in node and doc.tokens[parts[k][1]].text[:1].isupper():
                best = j
        if best > k:
            spans.append((parts[k][1], parts[best - 1][1] + 1))
            k = best
        else:
            k += 1
    return spans


def find_listed(doc: Doc, matcher: Any) -> list[ListedMention]:
    """Listed parties named in the text, each confirmed by screening its span."""
    from sanctionwatch.match import Query

    trie = get_gazetteer(matcher)
    found: list[ListedMention] = []
    screened: dict[str, list[ListMatch]] = {}
    for i, j in scan_names(doc, trie):
        start, end = doc.tokens[i].start, doc.tokens[j - 1].end
        text = doc.text[start:end]
        if text not in screened:
            results = matcher.screen(Query(name=text), limit=5)
            screened[text] = [r.to_list_match() for r in results if r.match]
        if screened[text]:
            found.append(ListedMention(text, start, end, screened[text]))
    return found
