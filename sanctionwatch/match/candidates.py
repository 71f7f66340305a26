"""Candidate retrieval (blocking): which indexed names are worth scoring for a query.

Every indexed name is filed under keys: the sound key of each part, the sound key of each pair
of adjacent parts written together ("Jong Un" is also filed under the key of "Jongun", and
"Jongun" under its own), a short prefix of long keys (typos at the end of a word) and, for
abjad-script queries, consonant skeletons. Postings are one int32 array in CSR layout, so the
index pickles and loads quickly. A query adds up the inverse document frequency of the keys each
name shares with it and keeps the best few hundred names; scoring does the rest.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from sanctionwatch.text.names import LEGAL, NameForm
from sanctionwatch.text.phonetic import consonant_skeleton, phonetic_key

IntArray = npt.NDArray[np.int32]

#: Keys found in more names than this only rank names that rarer keys found.
MAX_POSTING = 20000
PREFIX_LEN = 4


def name_keys(form: NameForm, skeletons: bool = False) -> set[str]:
    """The blocking keys of a parsed name."""
    parts = [p for p in form.parts if p.kind != LEGAL]
    keys = {"k:" + p.key for p in parts}
    keys.update("p:" + p.key[:PREFIX_LEN] for p in parts if len(p.key) > PREFIX_LEN + 1)
    for left, right in zip(parts, parts[1:], strict=False):
        keys.add("k:" + phonetic_key(left.text + right.text))
    if skeletons:
        keys.update("s:" + p.skeleton for p in parts if len(p.skeleton) >= 2)
        for left, right in zip(parts, parts[1:], strict=False):
            keys.add("s:" + consonant_skeleton(left.text + right.text))
    return keys


class BlockingIndex:
    """Keys to name numbers, in CSR layout."""

    def __init__(
        self, keys: dict[str, int], offsets: IntArray, postings: IntArray, size: int
    ) -> None:
        self.keys = keys
        self.offsets = offsets
        self.postings = postings
        self.size = size
        self.mass = np.zeros(size, dtype=np.float32)

    @classmethod
    def build(cls, names: Iterable[tuple[int, set[str]]]) -> BlockingIndex:
        filed: dict[str, list[int]] = defaultdict(list)
        size = 0
        for number, keys in names:
            size = max(size, number + 1)
            for key in keys:
                filed[key].append(number)
        index = cls._from_filed(filed, size)
        for key, numbers in filed.items():
            index.mass[numbers] += index.idf(key)
        return index

    @classmethod
    def _from_filed(cls, filed: dict[str, list[int]], size: int) -> BlockingIndex:
        keys = {key: i for i, key in enumerate(filed)}
        lengths = np.fromiter((len(v) for v in filed.values()), dtype=np.int64, count=len(filed))
        offsets = np.zeros(len(filed) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        postings = np.fromiter(
            (n for v in filed.values() for n in v), dtype=np.int32, count=int(offsets[-1])
        )
        return cls(keys, offsets.astype(np.int32), postings, size)

    def frequency(self, key: str) -> int:
        index = self.keys.get(key)
        if index is None:
            return 0
        return int(self.offsets[index + 1] - self.offsets[index])

    def idf(self, key: str) -> float:
        return math.log((self.size + 1) / (self.frequency(key) + 1)) + 1.0

    def posting(self, key: str) -> IntArray:
        index = self.keys.get(key)
        if index is None:
            return np.empty(0, dtype=np.int32)
        return self.postings[self.offsets[index] : self.offsets[index + 1]]

    def search(
        self,
        keys: Iterable[str],
        limit: int,
        shortlist: int,
        allowed: npt.NDArray[np.bool_] | None = None,
    ) -> IntArray:
        """Numbers of the best ``shortlist`` names for these keys, best first.

        The ``limit`` names sharing the most key weight with the query are re-ranked by the
        share of weight they have in common (Dice), so that short exact names come before
        long names that merely contain the query."""
        keys = list(keys)
        rare: list[IntArray] = []
        weights: list[float] = []
        common: list[IntArray] = []
        for key in keys:
            posting = self.posting(key)
            if not len(posting):
                continue
            (common if len(posting) > MAX_POSTING else rare).append(posting)
            if len(posting) <= MAX_POSTING:
                weights.append(math.log((self.size + 1) / (len(posting) + 1)) + 1.0)
        if not rare:
            rare, weights = [p[:MAX_POSTING] for p in common], [1.0] * len(common)
        if not rare:
            return np.empty(0, dtype=np.int32)
        ids = np.concatenate(rare)
        gains = np.repeat(np.asarray(weights), [len(p) for p in rare])
        unique, inverse = np.unique(ids, return_inverse=True)
        totals = np.bincount(inverse, weights=gains)
        if allowed is not None:
            totals[~allowed[unique]] = -1.0
        if len(unique) > limit:
            top = np.argpartition(-totals, limit)[:limit]
        else:
            top = np.arange(len(unique))
        top = top[totals[top] > 0]
        found = unique[top]
        query_mass = sum(self.idf(key) for key in keys)
        dice = 2.0 * totals[top] / (query_mass + self.mass[found])
        order = np.argsort(-dice, kind="stable")[:shortlist]
        return found[order].astype(np.int32)
