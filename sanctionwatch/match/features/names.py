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
from functools import lru_cache

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
    joined_keys,
    make_part,
)
from sanctionwatch.text.phonetic import consonant_skeleton
from sanctionwatch.text.tables import get_tables

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


#: What a listed name is the name of: a person (given names matter, see
#: :func:`extra_given_names`), a vessel or aircraft (the whole name identifies it), or any
#: other party.
PERSON_NAME, THING_NAME, OTHER_NAME = "person", "thing", "other"
#: A person's name score when the listed name has a given name the query lacks at its edge
#: ("Ali Saddam Hussein al-Tikriti" for "Saddam Hussein al-Tikriti": a son, not the man):
#: below the threshold, so that only a birth date or identifier can make it a match.
EXTRA_GIVEN_CAP = 0.66


@dataclass(slots=True)
class NameComparison:
    score: float
    pairs: list[tuple[Part, Part, float, str]]
    query_coverage: float
    listed_coverage: float
    information: float
    extra: tuple[str, ...] = ()

    def describe(self) -> str:
        shown = ", ".join(
            f"{q.text}={c.text}" if how == "exact" else f"{q.text}~{c.text} ({how})"
            for q, c, _, how in self.pairs
        )
        shown = shown or "no name part in common"
        if self.extra:
            shown += f"; given name {' '.join(self.extra)!r} on one side only"
        return shown


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
    needed = MIN_SPELLING_SHORT if shortest <= 4 else MIN_SPELLING
    ratio = max(
        Levenshtein.normalized_similarity(a.text, b.text),
        Levenshtein.normalized_similarity(a.key, b.key) * KEY_SPELLING,
    )
    if ratio < needed:
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


@lru_cache(maxsize=65536)
def _joined_skeletons(parts: tuple[Part, ...]) -> tuple[str, ...]:
    """The consonant skeleton of each two adjacent parts written together (abjad names)."""
    return tuple(
        consonant_skeleton(a.text + b.text) for a, b in zip(parts, parts[1:], strict=False)
    )


def _join_compounds(form: NameForm, other: tuple[Part, ...], abjad: bool) -> tuple[Part, ...]:
    """Join adjacent parts that the other name writes as one ("jong", "un" -> "jongun")."""
    parts = form.parts
    if len(parts) < 2:
        return parts
    joins = form.joins if len(form.joins) == len(parts) - 1 else joined_keys(parts)
    keys = {p.key for p in other}
    joined_skeletons: tuple[str, ...] = ()
    skeletons: set[str] = set()
    if abjad:
        joined_skeletons = _joined_skeletons(parts)
        skeletons = {p.skeleton for p in other}
        if keys.isdisjoint(joins) and skeletons.isdisjoint(joined_skeletons):
            return parts
    elif keys.isdisjoint(joins):
        return parts
    out: list[Part] = []
    index = 0
    while index < len(parts):
        if index + 1 < len(parts):
            # An initial is never the start of a word ("V. Viktorovich" is not "Vviktorovich"),
            # and a number is no syllable (sound keys drop digits: "Phyong 5" is not "Phyong").
            left, right = parts[index], parts[index + 1]
            joinable = INITIAL not in (left.kind, right.kind) and (left.text + right.text).isalpha()
            found = joins[index] in keys or (abjad and joined_skeletons[index] in skeletons)
            if joinable and found:
                out.append(make_part(left.text + right.text, NAME))
                index += 2
                continue
        out.append(parts[index])
        index += 1
    return tuple(out)


#: The query parts similar to one listed part: (query part position, similarity, how).
Row = tuple[tuple[int, float, str], ...]


class Memo:
    """What one query's comparisons share: each listed part compared with every query part
    (names of one entry, and entries of one family, repeat their parts), and part weights."""

    __slots__ = ("rows", "weights", "names", "query_weights")

    def __init__(self) -> None:
        self.rows: dict[Part, Row] = {}
        self.weights: dict[Part, float] = {}
        # The weights of the query's own parts and their sum.
        self.query_weights: tuple[list[float], float] | None = None
        # The same name is often listed by several lists: compared once.
        self.names: dict[tuple[object, ...], NameComparison] = {}

    def weight(self, part: Part, weigh: Weigher) -> float:
        found = self.weights.get(part)
        if found is None:
            found = self.weights[part] = weigh(part) * KIND_WEIGHTS[part.kind]
        return found


def _row(query: tuple[Part, ...], part: Part, abjad: bool) -> Row:
    legal = part.kind == LEGAL
    row = []
    for i, q in enumerate(query):
        if (q.kind == LEGAL) == legal:
            sim, how = compare_parts(q, part, abjad)
            if sim > 0:
                row.append((i, sim, how))
    return tuple(row)


def _pair_up(
    query: tuple[Part, ...], listed: tuple[Part, ...], abjad: bool, rows: dict[Part, Row] | None
) -> list[tuple[int, int, float, str]]:
    scored = []
    for j, c in enumerate(listed):
        row = rows.get(c) if rows is not None else None
        if row is None:
            row = _row(query, c, abjad)
            if rows is not None:
                rows[c] = row
        scored.extend([(sim, i, j, how) for i, sim, how in row])
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
    of: str = OTHER_NAME,
    family_parts: frozenset[str] = frozenset(),
) -> NameComparison:
    """Compare a query name with a listed name; ``weigh`` gives a part's base weight (IDF).
    ``memo`` caches part comparisons across the names compared for one query; ``max_weight``
    is the largest base weight (the IDF of a part found once). ``of`` says whose name the
    listed one is (PERSON_NAME, THING_NAME, OTHER_NAME); ``family_parts`` are the listed
    parts known to be a family or father's name."""
    if memo is None:
        return _compare(query, listed, weigh, Memo(), max_weight, of, family_parts)
    key = (listed.parts, listed.surname_first, of, family_parts)
    found = memo.names.get(key)
    if found is None:
        found = memo.names[key] = _compare(query, listed, weigh, memo, max_weight, of, family_parts)
    return found


def _compare(
    query: NameForm,
    listed: NameForm,
    weigh: Weigher,
    memo: Memo,
    max_weight: float,
    of: str,
    family_parts: frozenset[str],
) -> NameComparison:
    if query.parts == listed.parts and query.parts:
        return _identical(query, weigh)
    abjad = query.abjad or listed.abjad
    q_parts = _join_compounds(query, listed.parts, abjad)
    c_parts = _join_compounds(listed, q_parts, abjad)
    if not q_parts or not c_parts:
        return NameComparison(0.0, [], 0.0, 0.0, 0.0)
    # Weights are nearly always known already: look them up without a call.
    known = memo.weights.get
    own = q_parts is query.parts
    if own and memo.query_weights is not None:
        q_weights, q_total = memo.query_weights
    else:
        q_weights = [known(p) or memo.weight(p, weigh) for p in q_parts]
        q_total = sum(q_weights)
        if own:
            memo.query_weights = (q_weights, q_total)
    c_weights = [known(p) or memo.weight(p, weigh) for p in c_parts]
    # Rows are shared only while the query's parts are its own (not joined for this name).
    pairs = _pair_up(q_parts, c_parts, abjad, memo.rows if own else None)
    matched_c = set()
    q_hit = c_hit = 0.0
    for i, j, sim, _ in pairs:
        matched_c.add(j)
        q_hit += sim * q_weights[i]
        c_hit += sim * c_weights[j]
    for j, part in enumerate(c_parts):
        if part.kind == PATRONYMIC and j not in matched_c:
            c_weights[j] *= MISSING_PATRONYMIC
    q_cov = q_hit / (q_total or 1.0)
    c_cov = c_hit / (sum(c_weights) or 1.0)
    damp = min(1.0, 0.55 + 0.45 * q_hit / (MIN_INFORMATION * max_weight))
    # A vessel's or aircraft's name identifies it only as a whole: a part either side lacks
    # costs in full ("Cheng Jin" is not "Jin Zheng En"), where a person's missing middle name
    # costs little.
    q_exp, c_exp = (1.0, 1.0) if of == THING_NAME else (QUERY_EXPONENT, LISTED_EXPONENT)
    score = min(1.0, q_cov**q_exp * c_cov**c_exp * damp)
    extra: tuple[str, ...] = ()
    # Only where the cap would lower the score, and some part on either side is unmatched.
    unmatched = len(pairs) < len(c_parts) or len(pairs) < len(q_parts)
    if of == PERSON_NAME and pairs and unmatched and score > EXTRA_GIVEN_CAP:
        first = min(listed.surname_first, len(c_parts)) if c_parts is listed.parts else 0
        matched_q = {i for i, _, _, _ in pairs}
        extra = extra_given_names(c_parts, matched_c, first, family_parts)
        extra += _extra_syllables(q_parts, matched_q, c_parts)
        if not extra:
            q_first = min(query.surname_first, len(q_parts)) if q_parts is query.parts else 0
            # A query may add a father's or clan name after the name the list gives
            # ("Khairullah Barakzai Khudai Nazar"), but a given name before it is another
            # person's ("Thoraya Barzan Ibrahim al-Tikriti", a daughter of the listed man).
            extra = extra_given_names(q_parts, matched_q, q_first, frozenset(), leading=True)
        if extra:
            score = min(score, EXTRA_GIVEN_CAP)
    shown = [(q_parts[i], c_parts[j], sim, how) for i, j, sim, how in pairs]
    return NameComparison(score, shown, q_cov, c_cov, q_hit, extra)


def extra_given_names(
    parts: tuple[Part, ...],
    matched: set[int],
    surname_first: int,
    family_parts: frozenset[str],
    leading: bool = False,
) -> tuple[str, ...]:
    """Given names of a listed person that the query lacks, where a query for someone else of
    the same family would lack them.

    In natural order (a family name written first before a comma moved to the end), a given
    name left unmatched before the first or after the last matched part is another person's
    ("Ali Saddam Hussein al-Tikriti", the son of the queried "Saddam Hussein al-Tikriti"; "Jo
    Chol Song" for "Jo Chol"), while one between matched parts is a middle name the query may
    leave out ("John Michael Smith" for "John Smith"). Patronymics, family names the list
    gives as such, initials and particles may always be missing. With ``leading``, only
    given names before the first matched part count (the query side). In a name of single
    syllables with an East Asian family name ("Kim Jong Un"), every syllable of the given
    name counts: "Kim Jong" is not "Kim Jong Un"."""
    order = list(range(surname_first, len(parts))) + list(range(surname_first))
    positions = [k for k, j in enumerate(order) if j in matched]
    low, high = positions[0], positions[-1]
    syllabic = not leading and is_syllabic_name(parts)
    missing = []
    for k, j in enumerate(order):
        part = parts[j]
        if j in matched or part.kind != NAME or (part.text in family_parts and not syllabic):
            continue
        if syllabic or k < low or (k > high and not leading):
            missing.append(part.text)
    return tuple(missing)


def _extra_syllables(
    query: tuple[Part, ...], matched: set[int], listed: tuple[Part, ...]
) -> tuple[str, ...]:
    """Syllables of a Korean- or Chinese-style query name that the listed one lacks ("Kim Il
    Song" is not "KIM, Song"); in such names every syllable of the given name counts."""
    if len(matched) == len(query) or not is_syllabic_name(query) or not is_syllabic_name(listed):
        return ()
    return tuple(p.text for i, p in enumerate(query) if i not in matched and p.kind == NAME)


def is_syllabic_name(parts: tuple[Part, ...]) -> bool:
    """A Korean- or Chinese-style name: two to four parts of one syllable each, one of them
    a known East Asian family name."""
    if not 2 <= len(parts) <= 4 or any(len(p.text) > 6 or p.kind != NAME for p in parts):
        return False
    surnames = get_tables().east_asian_surnames
    return any(p.text in surnames for p in parts) and all(_one_syllable(p.text) for p in parts)


def _one_syllable(text: str) -> bool:
    vowels = [c in "aeiouwy" for c in text]
    groups = sum(1 for k, v in enumerate(vowels) if v and (k == 0 or not vowels[k - 1]))
    return groups == 1
