"""A token trie: finds the longest known phrase starting at each token, in one pass.

Keys are lower-case token tuples; hyphens are ignored on both sides, so "Kim Jong-un" and
"Kim Jong Un" are one key. Each entry says how strictly case must match: ``exact`` for
acronyms ("US" is not "us"), ``title`` for proper names (first letter upper case), ``any``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.extract.tokens import TOKEN_RE

SKIP = frozenset({"-", "–", "‐"})


@dataclass(slots=True, frozen=True)
class Entry:
    label: str
    surface: str
    case: str = "any"
    data: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.data:
            if k == key:
                return v
        return default


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)


def split_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in TOKEN_RE.findall(phrase) if t not in SKIP)


def case_of(surface: str) -> str:
    letters = [c for c in surface if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
        return "exact"
    return "title" if surface[:1].isupper() else "any"


class Trie:
    """Phrases -> entries; :meth:`match_at` returns the longest match at a position."""

    def __init__(self) -> None:
        self.root = _Node()
        self.size = 0

    def add(self, phrase: str, label: str, case: str | None = None, **data: Any) -> None:
        key = split_key(phrase)
        if not key:
            return
        node = self.root
        for tok in key:
            node = node.children.setdefault(tok, _Node())
        entry = Entry(label, phrase, case or case_of(phrase), tuple(sorted(data.items())))
        if entry not in node.entries:
            node.entries.append(entry)
            self.size += 1

    def match_at(self, words: list[str], lowers: list[str], i: int) -> tuple[int, list[Entry]]:
        """Longest match starting at token ``i``: (end index exclusive, entries that fit case)."""
        node = self.root
        best: tuple[int, list[Entry]] = (i, [])
        j = i
        while j < len(lowers):
            if lowers[j] in SKIP and j > i:
                j += 1
                continue
            nxt = node.children.get(lowers[j])
            if nxt is None:
                break
            node = nxt
            j += 1
            if node.entries:
                fits = [e for e in node.entries if _case_fits(e, words[i:j])]
                if fits:
                    best = (j, fits)
        return best


def _case_fits(entry: Entry, words: list[str]) -> bool:
    if entry.case == "any":
        return True
    text = "".join(w for w in words if w not in SKIP)
    if entry.case == "exact":
        return text.replace(".", "") == entry.surface.replace(".", "").replace(" ", "")
    return words[0][:1].isupper()
