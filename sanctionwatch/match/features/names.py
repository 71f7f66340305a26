"""Name similarity across spellings, scripts, word order and missing parts.

Parts of the two names are paired greedily by similarity, in any order (surname first or last).
A pair is exact, sounds alike (same sound key: Jong/Chong/Jeong), is a close spelling
(Levenshtein), shares a consonant skeleton (abjad script against a romanisation) or is an
initial of the other. Parts written together on one side and apart on the other ("Jongun" /
"Jong Un") are joined first. Each part weighs its rarity in the lists (inverse document
frequency) times a factor for its kind, so "Kim" counts less than "Jong", "Trading" almost
nothing, and an unmatched patronymic little. The score is the geometric mean of how much of
each name was covered, damped when what matched carries little information (one common
surname, a generic word): a query for one Kim does not match every Kim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from sanctionwatch.text.names import (
    GENERIC,
    GENERIC_NAME,
    INITIAL,
    LEGAL,
    NAME,
    PARTICLE,
    PATRONYMIC,
    NameForm,
    Part,
    make_part,
)
from sanctionwatch.text.phonetic import consonant_skeleton, phonetic_key

#: Weight factor per kind of part.
KIND_WEIGHTS = {
    NAME: 1.0,
    PATRONYMIC: 1.0,
    INITIAL: 0.5,
    PARTICLE: 0.2,
    GENERIC: 0.3,
    GENERIC_NAME: 0.5,
    LEGAL: 0.1,
}
#: How much the covered share of each name counts: a listed name with a part the query lacks
#: (another given name, a second surname) is more likely someone else than a query with
#: an extra part is.
QUERY_EXPONENT, LISTED_EXPONENT = 0.5, 0.7
#: An unmatched patronymic on the listed side weighs this much of its usual weight.
MISSING_PATRONYMIC = 0.3
#: Below this much matched information (sum of IDF, as a share of the largest IDF in the
#: index: about one rare part and a common one) the score is damped.
MIN_INFORMATION = 0.8
EXACT, SOUND, SPELLING, SKELETON, INITIALS = 1.0, 0.95, 0.0, 0.88, 0.75
MIN_SPELLING = 0.75
#: Four-letter parts need more than three letters in four to be similar ("Song" is not "Yong").
MIN_SPELLING_SHORT = 0.8
#: Sound keys are coarser than spellings, so a near-equal key is worth less.
KEY_SPELLING = 0.92

Weigher = Callable[[Part], float]


@dataclass(slots=True)
class NameComparison:
    score: float
    pairs: list[tuple[Part, Part, float, str]]
    query_coverage: float
    listed_coverage: float
    information: float

    def describe(self) -> str:
        shown = ", ".join(
            f"{q.text}={c.text}" if how == "exact" else f"{q.text}~{c.text} ({how})"
            for q, c, _, how in self.pairs
        )
        return shown or "no name part in common"


def compare_parts(a: Part, b: Part, abjad: bool) -> tuple[float, str]:
    """Similarity of two name parts in [0, 1] and how it was found."""
    if a.text == b.text:
        return EXACT, "exact"
    if a.key == b.key:
        return SOUND, "sounds alike"
    if a.kind == INITIAL or b.kind == INITIAL:
        if a.text[:1] == b.text[:1]:
            return INITIALS, "initial"
        return 0.0, ""
    if abjad and _same_skeleton(a, b):
        return SKELETON, "same consonants"
    shortest = min(len(a.text), len(b.text))
    if shortest <= 3:
        return 0.0, ""
    ratio = max(
        Levenshtein.normalized_similarity(a.text, b.text),
        Levenshtein.normalized_similarity(a.key, b.key) * KEY_SPELLING,
    )
    if ratio < (MIN_SPELLING_SHORT if shortest <= 4 else MIN_SPELLING):
        return 0.0, ""
    return ratio * 0.95, "similar spelling"


def _same_skeleton(a: Part, b: Part) -> bool:
    """Equal consonant skeletons, allowing a final t on one side (Arabic ta marbuta, which
    romanisations mostly leave out: "khlyft" / "Khalifa"). One consonant is enough only for
    short parts ("ly" / "Ali")."""
    x, y = a.skeleton, b.skeleton
    if not x or not y or (min(len(x), len(y)) < 2 and min(len(a.text), len(b.text)) > 3):
        return False
    return x == y or (x[-1] == "t" and x[:-1] == y) or (y[-1] == "t" and y[:-1] == x)


def _join_compounds(
    parts: tuple[Part, ...], other: tuple[Part, ...], abjad: bool
) -> tuple[Part, ...]:
    """Join adjacent parts that the other name writes as one ("jong", "un" -> "jongun")."""
    if len(parts) < 2:
        return parts
    keys = {p.key for p in other}
    out: list[Part] = []
    index = 0
    joined_any = False
    while index < len(parts):
        if index + 1 < len(parts):
            text = parts[index].text + parts[index + 1].text
            if phonetic_key(text) in keys or (
                abjad and consonant_skeleton(text) in {p.skeleton for p in other}
            ):
                out.append(make_part(text, NAME))
                index += 2
                joined_any = True
                continue
        out.append(parts[index])
        index += 1
    return tuple(out) if joined_any else parts


Memo = dict[tuple[Part, Part], tuple[float, str]]


def _pair_up(
    query: tuple[Part, ...], listed: tuple[Part, ...], abjad: bool, memo: Memo
) -> list[tuple[int, int, float, str]]:
    scored = []
    for i, q in enumerate(query):
        for j, c in enumerate(listed):
            found = memo.get((q, c))
            if found is None:
                found = memo[(q, c)] = compare_parts(q, c, abjad)
            if found[0] > 0:
                scored.append((found[0], i, j, found[1]))
    if len(scored) > 1:
        scored.sort(key=lambda s: -s[0])
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for sim, i, j, how in scored:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            pairs.append((i, j, sim, how))
    return pairs


def _identical(name: NameForm, weigh: Weigher) -> NameComparison:
    information = sum(weigh(p) * KIND_WEIGHTS[p.kind] for p in name.parts)
    pairs = [(p, p, EXACT, "exact") for p in name.parts]
    return NameComparison(1.0, pairs, 1.0, 1.0, information)


def compare_names(
    query: NameForm,
    listed: NameForm,
    weigh: Weigher,
    memo: Memo | None = None,
    max_weight: float = 12.0,
) -> NameComparison:
    """Compare a query name with a listed name; ``weigh`` gives a part's base weight (IDF).
    ``memo`` caches part comparisons across the names compared for one query; ``max_weight``
    is the largest base weight (the IDF of a part found once)."""
    if query.parts == listed.parts and query.parts:
        return _identical(query, weigh)
    abjad = query.abjad or listed.abjad
    q_parts = _join_compounds(query.parts, listed.parts, abjad)
    c_parts = _join_compounds(listed.parts, q_parts, abjad)
    if not q_parts or not c_parts:
        return NameComparison(0.0, [], 0.0, 0.0, 0.0)
    q_weights = [weigh(p) * KIND_WEIGHTS[p.kind] for p in q_parts]
    c_weights = [weigh(p) * KIND_WEIGHTS[p.kind] for p in c_parts]
    pairs = _pair_up(q_parts, c_parts, abjad, {} if memo is None else memo)
    matched_c = {j for _, j, _, _ in pairs}
    for j, part in enumerate(c_parts):
        if part.kind == PATRONYMIC and j not in matched_c:
            c_weights[j] *= MISSING_PATRONYMIC
    q_hit = sum(sim * q_weights[i] for i, _, sim, _ in pairs)
    c_hit = sum(sim * c_weights[j] for _, j, sim, _ in pairs)
    q_cov = q_hit / (sum(q_weights) or 1.0)
    c_cov = c_hit / (sum(c_weights) or 1.0)
    damp = min(1.0, 0.55 + 0.45 * q_hit / (MIN_INFORMATION * max_weight))
    score = q_cov**QUERY_EXPONENT * c_cov**LISTED_EXPONENT * damp
    shown = [(q_parts[i], c_parts[j], sim, how) for i, j, sim, how in pairs]
    return NameComparison(min(1.0, score), shown, q_cov, c_cov, q_hit)
