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
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screening_cases import SLICES, Case, build_cases  # noqa: E402
from screening_common import NomenklaturaScorer, load_entities  # noqa: E402

from sanctionwatch.match import Matcher, Query, ScreeningIndex  # noqa: E402
from sanctionwatch.model.entity import Entity  # noqa: E402
from sanctionwatch.settings import get_settings  # noqa: E402

RECALL_POOL = 30
__all__ = ["SLICES", "Case", "build_cases", "evaluate"]


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
