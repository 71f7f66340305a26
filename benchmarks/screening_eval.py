"""Evaluation of screening quality: sanctionwatch against nomenklatura, in one process.

Labelled cases are derived at run time from the real lists, plus a CSV of our own:

- cross-list: the same person or company in two lists (UN, OFAC, EU, UK), linked by UN
  reference numbers (UN, EU ``unitedNationId``, UK "UN Ref") or shared strong identifiers
  (passport, IMO, registration number). The query is the name in one list; the answer is the
  entry in another list, screened against that list only.
- cross-list-hard: those cross-list cases whose query name is spelt differently from every name
  of the answer (after case and punctuation folding).
- alias: an alias of an entry, screened against another list that holds the same entry.
- cross-script-lists: a non-Latin name of an entry (EU Cyrillic, Greek, Arabic, Chinese ...,
  UN original script), screened against a list that has the entry in Latin letters only.
- cross-script-own: ``screening_variants.csv`` (Hangul with McCune-Reischauer and Revised
  Romanisation, Cyrillic and foreign transliterations, Han and Wade-Giles, Arabic script and
  romanisations), written by us.
- perturbed: list names rewritten as people write them (order swapped, parts joined or
  hyphenated, middle names or patronymics dropped, initials, titles, other legal forms).

Hard negatives: for each case, entries of the answer's list that share a name part with the
query but are other entries. Each algorithm scores every (query, answer) and (query, negative)
pair; precision, recall and F1 are computed at the threshold (sanctionwatch's default, and the
same value for nomenklatura). recall@10: sanctionwatch retrieves 30 candidates from the whole
list, each algorithm ranks them (plus nothing else) by its own score, and we count how often the
answer is in its top 10; sanctionwatch's own full-index recall@10 is shown too.

Run: ``.venv/bin/python benchmarks/screening_eval.py [--per-slice 150] [--json]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screening_common import NomenklaturaScorer, load_entities  # noqa: E402

from sanctionwatch.match import Matcher, Query, ScreeningIndex  # noqa: E402
from sanctionwatch.match.features.schemas import schema_group  # noqa: E402
from sanctionwatch.match.records import clean_identifier  # noqa: E402
from sanctionwatch.model.entity import Entity  # noqa: E402
from sanctionwatch.settings import get_settings  # noqa: E402
from sanctionwatch.text import is_latin, normalize_name, text_scripts, tokenize_name  # noqa: E402

VARIANTS_CSV = Path(__file__).with_name("screening_variants.csv")
UN_REF = re.compile(r"^[A-Z]{2}[ie]\.\d{3}$")
LINK_PROPS = (
    "passportNumber",
    "imoNumber",
    "registrationNumber",
    "innCode",
    "ogrnCode",
    "swiftBic",
)
NEGATIVES = 5
RECALL_POOL = 30
SLICES = (
    "cross-list",
    "cross-list-hard",
    "alias",
    "cross-script-lists",
    "cross-script-own",
    "perturbed",
)


@dataclass
class Case:
    slice: str
    query: Query
    target: str
    dataset: str
    negatives: list[str] = field(default_factory=list)


# -- linking entries across lists ---------------------------------------------------------


def _link_keys(entity: Entity) -> Iterator[str]:
    group = schema_group(entity.schema)
    for keyword in entity.get("keywords"):
        if UN_REF.match(keyword):
            yield f"un:{keyword}"
    for prop in LINK_PROPS:
        for value in entity.get(prop):
            cleaned = clean_identifier(value)
            if cleaned and len(cleaned) >= 7:
                yield f"{group}:{prop}:{cleaned}"


def link_groups(entities: list[Entity]) -> list[list[Entity]]:
    """Groups of entries (two or more lists) that are the same person, company or vessel."""
    parent = list(range(len(entities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for number, entity in enumerate(entities):
        for key in _link_keys(entity):
            other = first.setdefault(key, number)
            parent[find(number)] = find(other)
    groups: dict[int, list[Entity]] = defaultdict(list)
    for number, entity in enumerate(entities):
        groups[find(number)].append(entity)
    # Two entries of one list in a group mean a shared document (a family, a front company),
    # not one party: such groups are left out.
    return [g for g in groups.values() if len({e.dataset for e in g}) == len(g) >= 2]


# -- cases ----------------------------------------------------------------------------------


def _pairs(groups: list[list[Entity]]) -> Iterator[tuple[Entity, Entity]]:
    for group in groups:
        for source in group:
            for target in group:
                if source.dataset != target.dataset:
                    yield source, target


def _folded(entity: Entity) -> set[str]:
    return {normalize_name(n) for n in entity.names + entity.get("weakAlias")}


def cases_from_lists(groups: list[list[Entity]]) -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = defaultdict(list)
    for source, target in _pairs(groups):
        schema = source.schema if source.schema != "LegalEntity" else None
        primary = source.first("name")
        if primary and is_latin(primary):
            case = Case("cross-list", Query(primary, schema), target.id, target.dataset)
            out["cross-list"].append(case)
            if normalize_name(primary) not in _folded(target):
                out["cross-list-hard"].append(
                    Case("cross-list-hard", case.query, target.id, target.dataset)
                )
        for alias in source.get("alias"):
            if is_latin(alias) and alias != primary:
                out["alias"].append(Case("alias", Query(alias, schema), target.id, target.dataset))
        target_scripts = set().union(*(text_scripts(n) for n in target.names)) or {"Latin"}
        for name in source.names:
            scripts = text_scripts(name)
            if not is_latin(name) and not scripts & target_scripts:
                out["cross-script-lists"].append(
                    Case("cross-script-lists", Query(name, schema), target.id, target.dataset)
                )
    return out


def cases_from_csv(path: Path = VARIANTS_CSV) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Case(
                "cross-script-own",
                Query(row["query"], row["schema"] or None),
                row["target"],
                row["target"].split("-", 1)[0],
            )
            for row in csv.DictReader(fh)
        ]


_TITLES = ("Mr", "Dr", "General", "Sheikh", "President")
_FORMS = ("LLC", "Co., Ltd.", "Corporation", "Limited", "JSC", "OOO")


def perturb(name: str, schema: str, rng: random.Random) -> str | None:
    """A way people write this name that the list does not."""
    tokens = [t for t in re.split(r"[\s,]+", name) if t]
    if len(tokens) < 2:
        return None
    if schema == "Person":
        choice = rng.randrange(5)
        if choice == 0:
            return " ".join(tokens[1:] + tokens[:1])
        if choice == 1 and len(tokens) >= 3:
            return " ".join([tokens[0], tokens[-1]])
        if choice == 2:
            return " ".join([tokens[0][0] + "."] + tokens[1:]) if len(tokens) >= 3 else None
        if choice == 3:
            return f"{rng.choice(_TITLES)} {' '.join(tokens)}"
        return " ".join(tokens[:-2] + ["-".join(tokens[-2:])])
    cut = [
        t
        for t in tokens
        if normalize_name(t) not in ("llc", "ltd", "co", "corp", "inc", "limited", "company", "jsc")
    ]
    return (
        " ".join(cut + [rng.choice(_FORMS)])
        if cut != tokens or rng.random() < 0.5
        else (" ".join(cut).replace(" ", "", 1))
    )


def cases_perturbed(entities: list[Entity], rng: random.Random, count: int) -> list[Case]:
    pool = [e for e in entities if e.schema in ("Person", "Company", "Organization")]
    out: list[Case] = []
    for entity in rng.sample(pool, min(len(pool), count * 3)):
        name = entity.first("name")
        if not name or not is_latin(name):
            continue
        variant = perturb(name, entity.schema, rng)
        if variant and normalize_name(variant) != normalize_name(name):
            out.append(Case("perturbed", Query(variant, entity.schema), entity.id, entity.dataset))
        if len(out) >= count:
            break
    return out


def add_negatives(
    cases: list[Case], entities: list[Entity], groups: list[list[Entity]], rng: random.Random
) -> None:
    """Hard negatives: other entries of the answer's list sharing a name part with the query."""
    same: dict[str, set[str]] = {}
    for group in groups:
        ids = {e.id for e in group}
        for entity in group:
            same[entity.id] = ids
    by_token: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entity in entities:
        for token in {t for n in entity.names for t in tokenize_name(n) if len(t) > 1}:
            by_token[(entity.dataset, token)].append(entity.id)
    for case in cases:
        related = same.get(case.target, {case.target})
        found: list[str] = []
        for token in tokenize_name(case.query.name):
            pool = [i for i in by_token.get((case.dataset, token), []) if i not in related]
            found.extend(rng.sample(pool, min(len(pool), NEGATIVES)))
        case.negatives = list(dict.fromkeys(found))[:NEGATIVES]


def build_cases(entities: list[Entity], per_slice: int, seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    entities = sorted(entities, key=lambda e: e.id)  # the same cases whatever the load order
    groups = link_groups(entities)
    found = cases_from_lists(groups)
    found["cross-script-own"] = cases_from_csv()
    found["perturbed"] = cases_perturbed(entities, rng, per_slice)
    cases: list[Case] = []
    for name in SLICES:
        pool = found.get(name, [])
        cases.extend(pool if len(pool) <= per_slice else rng.sample(pool, per_slice))
    add_negatives(cases, entities, groups, rng)
    return cases


# -- scoring --------------------------------------------------------------------------------


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    hits10: int = 0
    cases: int = 0

    def add(self, positive: bool, predicted: bool) -> None:
        if positive and predicted:
            self.tp += 1
        elif positive:
            self.fn += 1
        elif predicted:
            self.fp += 1
        else:
            self.tn += 1

    def figures(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "recall@10": self.hits10 / self.cases if self.cases else 0.0,
            "cases": self.cases,
            "pairs": self.tp + self.fp + self.fn + self.tn,
        }


def evaluate(
    cases: list[Case],
    entities: list[Entity],
    matcher: Matcher,
    reference: list[str],
    threshold: float | None = None,
    show_misses: bool = False,
) -> dict[str, dict[str, Any]]:
    """Figures per algorithm and slice: {algorithm: {slice: figures}}."""
    threshold = get_settings().match_threshold if threshold is None else threshold
    by_id = {e.id: e for e in entities}
    scorers = [NomenklaturaScorer(name) for name in reference]
    for scorer in scorers:
        scorer.warm_up(entities[0])
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    full_index = defaultdict(Tally)
    for case in cases:
        query = Query(case.query.name, case.query.schema, datasets=[case.dataset])
        pool = [r.entity_id for r in matcher.screen(query, limit=RECALL_POOL, threshold=1.1)]
        full_index[case.slice].cases += 1
        full_index[case.slice].hits10 += case.target in pool[:10]
        ids = [case.target, *case.negatives]
        own = {r.entity_id: r.score for r in matcher.score_entities(query, ids + pool)}
        _tally(tallies["sanctionwatch sw-v1"][case.slice], case, own, pool, threshold)
        if show_misses:
            _print_misses(case, own, by_id, threshold)
        for scorer in scorers:
            q = scorer.query_entity(query)
            scores = {i: scorer.score(q, by_id[i]) for i in dict.fromkeys(ids + pool) if i in by_id}
            _tally(
                tallies[f"nomenklatura {scorer.name}"][case.slice], case, scores, pool, threshold
            )
    out = {algo: {s: t.figures() for s, t in slices.items()} for algo, slices in tallies.items()}
    out["sanctionwatch full-index retrieval"] = {s: t.figures() for s, t in full_index.items()}
    return out


def _tally(
    tally: Tally, case: Case, scores: dict[str, float], pool: list[str], threshold: float
) -> None:
    tally.cases += 1
    tally.add(True, scores.get(case.target, 0.0) >= threshold)
    for negative in case.negatives:
        tally.add(False, scores.get(negative, 0.0) >= threshold)
    ranked = sorted(pool, key=lambda i: -scores.get(i, 0.0))[:10]
    tally.hits10 += case.target in ranked


def _print_misses(
    case: Case, scores: dict[str, float], by_id: dict[str, Entity], threshold: float
) -> None:
    wrong = [(case.target, "missed")] if scores.get(case.target, 0.0) < threshold else []
    wrong += [(n, "false match") for n in case.negatives if scores.get(n, 0.0) >= threshold]
    for entity_id, what in wrong:
        caption = by_id[entity_id].caption if entity_id in by_id else "?"
        print(
            f"{case.slice}: {what} {case.query.name!r} -> {entity_id} {caption!r} "
            f"{scores.get(entity_id, 0.0):.2f}",
            file=sys.stderr,
        )


def print_table(results: dict[str, dict[str, Any]]) -> None:
    slices = [s for s in SLICES if any(s in r for r in results.values())]
    print(f"{'algorithm':36} {'slice':20} {'cases':>5} {'P':>6} {'R':>6} {'F1':>6} {'R@10':>6}")
    for algo, by_slice in results.items():
        for name in slices:
            f = by_slice.get(name)
            if f and "retrieval" in algo:
                print(
                    f"{algo:36} {name:20} {f['cases']:5d} {'-':>6} {'-':>6} {'-':>6} "
                    f"{f['recall@10']:6.3f}"
                )
            elif f:
                print(
                    f"{algo:36} {name:20} {f['cases']:5d} {f['precision']:6.3f} "
                    f"{f['recall']:6.3f} {f['f1']:6.3f} {f['recall@10']:6.3f}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-slice", type=int, default=150)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--reference", nargs="*", default=["logic-v1", "logic-v2"])
    parser.add_argument("--json", action="store_true", help="Print figures as JSON.")
    parser.add_argument("--misses", action="store_true", help="List sw-v1 errors on stderr.")
    args = parser.parse_args()
    entities, parse_seconds = load_entities()
    matcher = Matcher(ScreeningIndex.build(entities))
    cases = build_cases(entities, args.per_slice, args.seed)
    print(
        f"{len(entities)} entities parsed in {parse_seconds:.1f}s; {len(cases)} cases",
        file=sys.stderr,
    )
    results = evaluate(cases, entities, matcher, args.reference, args.threshold, args.misses)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)


if __name__ == "__main__":
    main()
