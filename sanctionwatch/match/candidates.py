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
from collections.abc import Callable, Iterable

import numpy as np
import numpy.typing as npt

from sanctionwatch.text.names import GENERIC, LEGAL, PARTICLE, NameForm
from sanctionwatch.text.phonetic import consonant_skeleton, phonetic_key

IntArray = npt.NDArray[np.int32]

#: Keys found in more names than this only rank names that rarer keys found.
MAX_POSTING = 20000
PREFIX_LEN = 4
WEAK_KINDS = frozenset({GENERIC, PARTICLE})
#: Names sharing less of their key weight with the query than this are not worth scoring.
MIN_DICE = 0.1
#: Summing weights per indexed name is faster than sorting the hits once there are more hits
#: than this share of the names (about 1/8).
DENSE_SHARE = 8


def name_keys(
    form: NameForm,
    skeletons: bool = False,
    query: bool = False,
    known: Callable[[str], bool] | None = None,
) -> set[str]:
    """The blocking keys of a parsed name.

    Indexed names are filed under the sound keys of their parts and the first letters of those
    keys; a query also looks up its adjacent parts written together. So "Jong Un" finds
    "Jongun" through the joined key, and "Jongun" finds "Jong Un" through the prefix "cunk"."""
    parts = [p for p in form.parts if p.kind != LEGAL]
    if query:
        # Generic words and particles find thousands of names; a query leaves them to
        # scoring when it has other parts to look up.
        distinctive = [p for p in parts if p.kind not in WEAK_KINDS]
        parts = distinctive or parts
    keys = {"k:" + p.key for p in parts}
    # A query part whose own key is indexed needs no prefix (only misspelt or joined parts do).
    keys.update(
        "p:" + p.key[:PREFIX_LEN]
        for p in parts
        if len(p.key) >= PREFIX_LEN and (known is None or not known("k:" + p.key))
    )
    if skeletons:
        keys.update("s:" + p.skeleton for p in parts if len(p.skeleton) >= 2)
    if query:
        for left, right in zip(parts, parts[1:], strict=False):
            keys.add("k:" + phonetic_key(left.text + right.text))
            if skeletons:
                keys.add("s:" + consonant_skeleton(left.text + right.text))
    return keys


class BlockingIndex:
    """Keys to name numbers, in CSR layout."""

    def __init__(
        self, keys: dict[str, int], offsets: npt.NDArray[np.int64], postings: IntArray, size: int
    ) -> None:
        self.keys = keys
        self.offsets = offsets
        self.postings = postings
        self.size = size
        self.mass = np.zeros(size, dtype=np.float32)

    @classmethod
    def build(cls, names: Iterable[tuple[int, set[str]]]) -> BlockingIndex:
        keys: dict[str, int] = {}
        key_ids: list[int] = []
        numbers: list[int] = []
        size = 0
        for number, name_keys_ in names:
            size = number + 1
            for key in name_keys_:
                key_ids.append(keys.setdefault(key, len(keys)))
                numbers.append(number)
        key_array = np.asarray(key_ids, dtype=np.int32)
        order = np.argsort(key_array, kind="stable")
        postings = np.asarray(numbers, dtype=np.int32)[order]
        lengths = np.bincount(key_array, minlength=len(keys))
        offsets = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        index = cls(keys, offsets, postings, size)
        idfs = np.log((size + 1) / (lengths + 1.0)) + 1.0
        mass = np.bincount(postings, weights=np.repeat(idfs, lengths), minlength=size)
        index.mass = mass.astype(np.float32)
        return index

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
        rare: list[IntArray] = []
        weights: list[float] = []
        common: list[IntArray] = []
        query_mass = 0.0
        for key in keys:
            posting = self.posting(key)
            weight = math.log((self.size + 1) / (len(posting) + 1)) + 1.0
            query_mass += weight
            if not len(posting):
                continue
            (common if len(posting) > MAX_POSTING else rare).append(posting)
            if len(posting) <= MAX_POSTING:
                weights.append(weight)
        if not rare:
            rare, weights = [p[:MAX_POSTING] for p in common], [1.0] * len(common)
        if not rare:
            return np.empty(0, dtype=np.int32)
        unique, totals = _sum_weights(rare, weights, self.size)
        if allowed is not None:
            totals[~allowed[unique]] = -1.0
        if len(unique) > limit:
            top = np.argpartition(-totals, limit)[:limit]
        else:
            top = np.arange(len(unique))
        top = top[totals[top] > 0]
        found = unique[top]
        dice = 2.0 * totals[top] / (query_mass + self.mass[found])
        order = np.argsort(-dice, kind="stable")[:shortlist]
        order = order[dice[order] >= MIN_DICE]
        return found[order].astype(np.int32)


def _sum_weights(
    postings: list[IntArray], weights: list[float], size: int
) -> tuple[IntArray, npt.NDArray[np.float64]]:
    """The distinct names of the postings and the summed weight of the keys that found each.
    Postings are sorted and distinct within a key, so one posting needs no de-duplication."""
    if len(postings) == 1:
        return postings[0], np.full(len(postings[0]), weights[0])
    ids = np.concatenate(postings)
    gains = np.repeat(np.asarray(weights), [len(p) for p in postings])
    if len(ids) * DENSE_SHARE > size:
        # Many hits: one sum per indexed name beats sorting them (same sums, same order;
        # every weight is positive, so the names with a sum are exactly those found).
        dense = np.bincount(ids, weights=gains).astype(np.float64, copy=False)
        found = np.flatnonzero(dense).astype(np.int32)
        return found, dense[found]
    # Sorting once and summing runs of equal numbers is several times faster than
    # np.unique(return_inverse=True) (the sort is stable and the postings are sorted runs).
    order = np.argsort(ids, kind="stable")
    ids = ids[order]
    starts = np.empty(len(ids), dtype=np.bool_)
    starts[0] = True
    np.not_equal(ids[1:], ids[:-1], out=starts[1:])
    # bincount adds in input order, as the dense path does: the sums are equal to the bit.
    run = np.cumsum(starts) - 1
    totals = np.bincount(run, weights=gains[order]).astype(np.float64, copy=False)
    return ids[starts], totals
