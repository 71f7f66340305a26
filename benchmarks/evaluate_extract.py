"""Score report analysis against the development set.

Runs ``sanctionwatch.extract.analyze_text`` on the bundled example and on every report of
``examples/devset`` and compares the output with the expected events and findings written by
hand (``extract_devset``; matching and scores in ``extract_scoring``). The figures say how well
the extractor turns prose into transfers and how often the verdicts and the cited rules are
right, so that a change to the extractor, the goods classifier or the rulebook can be judged by
numbers. ``--rules-only`` skips extraction and judges the rulebook alone.

``--set heldout`` scores ``examples/heldout`` instead: reports written apart from the
development set and never used for tuning, so that its figures measure how extraction
generalises (``--set all`` scores both). HTML reports are read with ``analyze_html`` and get no
title or date from the expected outputs: the page's own metadata must supply them.

    .venv/bin/python benchmarks/evaluate_extract.py [--set devset|heldout|all] [--verbose]
        [--json] [--rules-only]
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The sibling modules are found when this file runs as a script or is loaded by its path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_devset import (  # noqa: E402
    EXAMPLES,
    GOLD_FILES,
    STATUSES,
    VERDICTS,
    GoldDoc,
    load_gold,
    validate_gold,
)
from extract_scoring import (  # noqa: E402
    DocResult,
    hs_overlap,
    key_matches,
    normalize_rule,
    read_predictions,
    score_document,
    summarize,
    value_matches,
)

__all__ = [
    "SETS",
    "STATUSES",
    "VERDICTS",
    "GoldDoc",
    "evaluate",
    "hs_overlap",
    "key_matches",
    "load_analyzer",
    "load_gold",
    "main",
    "normalize_rule",
    "read_predictions",
    "route_html",
    "score_document",
    "summarize",
    "validate_gold",
    "value_matches",
]

Analyzer = Callable[..., Any]

HELDOUT = EXAMPLES / "heldout"
SETS: dict[str, tuple[Path, ...]] = {
    "devset": tuple(GOLD_FILES),
    "heldout": (HELDOUT / "expected.jsonl",),
    "all": (*GOLD_FILES, HELDOUT / "expected.jsonl"),
}
HTML_SUFFIXES = (".html", ".htm")


def load_analyzer() -> Analyzer:
    """``sanctionwatch.extract.analyze_text``, or a clear error while it does not exist."""
    try:
        from sanctionwatch import extract
    except ImportError as err:
        raise SystemExit(
            f"cannot import sanctionwatch.extract ({err}); is the package installed?"
        ) from err
    analyzer = getattr(extract, "analyze_text", None)
    if analyzer is None:
        raise SystemExit(
            "sanctionwatch.extract.analyze_text does not exist yet: the extractor "
            "(contracts.md section 5) must be in place before the dev set can be scored"
        )
    return route_html(analyzer, getattr(extract, "analyze_html", None))


def route_html(analyze_text: Analyzer, analyze_html: Analyzer | None) -> Analyzer:
    """One analyzer for both kinds of report: HTML pages go to ``analyze_html``.

    A page gets no title or publication date from the expected outputs, so that its own
    metadata (``article:published_time``, JSON-LD) has to supply them.
    """

    def analyze(text: str, **meta: Any) -> Any:
        if str(meta.get("source", "")).lower().endswith(HTML_SUFFIXES):
            if analyze_html is None:
                raise RuntimeError("sanctionwatch.extract.analyze_html does not exist yet")
            page_meta = {k: v for k, v in meta.items() if k not in ("published", "title")}
            return analyze_html(text, **page_meta)
        return analyze_text(text, **meta)

    return analyze


def make_gold_goods(goods_type: Any, gold: dict[str, Any]) -> Any:
    """The goods of a gold event as the pipeline would fill them: words, codes, total value."""
    value, quantity = gold.get("value"), gold.get("quantity")
    if value is not None and quantity and gold.get("value_basis") == "item":
        value = value * quantity
    return goods_type(
        text=gold.get("goods_text") or gold.get("goods", ""),
        hs=list(gold["hs"]),
        value=value,
        currency=gold.get("currency"),
        quantity=quantity,
    )


def make_rules_only_analyzer(docs: list[GoldDoc]) -> Analyzer:
    """An analyzer that skips extraction: it hands the gold events to the pipeline.

    Scores from it measure the rulebook (and the goods classifier it calls) alone, so that a
    wrong verdict can be told apart from a wrong extraction.
    """
    from sanctionwatch.model.event import Goods, Party, TransferEvent
    from sanctionwatch.pipeline import process_events

    by_name = {doc.name: doc for doc in docs}

    def analyze(text: str, **meta: Any) -> dict[str, Any]:
        doc = by_name[str(meta["source"])]
        events, findings = [], []
        for index, gold in enumerate(doc.data["events"]):
            event = TransferEvent(
                id=f"e{index}",
                giver=Party(text="giver", country=gold["giver_country"]),
                recipient=Party(text="recipient", country=gold["recipient_country"]),
                goods=[make_gold_goods(Goods, gold)],
                date=gold["date"],
                origin=gold.get("origin"),
                status=gold["status"],
                transfer_mode=gold.get("transfer_mode"),
                exemptions=list(gold.get("exemptions") or []),
            )
            [finding] = process_events([event], published=meta.get("published"))
            events.append(event.to_dict())
            findings.append(finding.to_dict())
        return {"events": events, "findings": findings, "mentions": []}

    return analyze


def load_matcher() -> Any:
    """The matcher over the lists in the default store (``sanctionwatch lists load`` fills it)."""
    from sanctionwatch.match import get_matcher
    from sanctionwatch.store import open_store

    store = open_store()
    if not store.latest_versions():
        raise SystemExit("the default store holds no lists: run `sanctionwatch lists load` first")
    return get_matcher(store)


def run_document(analyze: Analyzer, doc: GoldDoc) -> DocResult:
    text = doc.path.read_text(encoding="utf-8")
    started = time.perf_counter()
    error: str | None = None
    output: dict[str, Any] = {}
    try:
        analysis = analyze(
            text, published=doc.data["published"], title=doc.data["title"], source=doc.name
        )
        output = analysis.to_dict() if hasattr(analysis, "to_dict") else analysis
    except Exception as err:  # noqa: BLE001 - one failing report is scored as all missed
        error = f"{type(err).__name__}: {err}"
    elapsed = time.perf_counter() - started
    result = score_document(doc, output)
    result.error, result.seconds = error, elapsed
    return result


def evaluate(analyze: Analyzer, docs: list[GoldDoc]) -> tuple[dict[str, Any], list[DocResult]]:
    results = [run_document(analyze, doc) for doc in docs]
    return summarize(results), results


def print_table(results: list[DocResult]) -> None:
    """One row per report: gold events found, missed, extra, and right verdicts."""
    print(f"{'report':<36} {'found':>5} {'missed':>6} {'extra':>5} {'dup':>3} {'verdicts':>8}")
    for r in results:
        right = f"{sum(r.verdicts)}/{len(r.verdicts)}"
        flag = "  error" if r.error else ""
        print(
            f"{r.name[:36]:<36} {r.events.tp:>5} {r.events.fn:>6} {r.events.fp:>5} "
            f"{r.duplicates:>3} {right:>8}{flag}"
        )


def print_misses(results: list[DocResult]) -> None:
    for r in results:
        if r.misses or r.error:
            print(f"\n{r.name}")
            if r.error:
                print(f"  error   {r.error}")
            for miss in r.misses:
                print(f"  {miss}")


def print_report(summary: dict[str, Any], results: list[DocResult], verbose: bool) -> None:
    if verbose:
        print_table(results)
        print_misses(results)
        print()
    print(
        f"documents {summary['documents']}  errors {summary['errors']}  "
        f"time {summary['seconds']} s ({summary['docs_per_second']} docs/s)"
    )
    for label in ("events", "violations", "rules", "mentions"):
        s = summary[label]
        print(
            f"{label:<11} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
            f"(tp {s['tp']} fp {s['fp']} fn {s['fn']})"
        )
    print(f"duplicates  {summary['events']['duplicates']}")
    by_status = "  ".join(f"{k} {v:.3f}" for k, v in summary["recall_by_status"].items())
    print(f"recall by status  {by_status}")
    negative = summary["negative_documents"]
    print(
        f"documents without transfers  {negative['documents']}, "
        f"events wrongly found in them {negative['false_events']}"
    )
    for label in ("date_accuracy", "status_accuracy", "value_accuracy", "verdict_accuracy"):
        print(f"{label:<17} {summary[label]:.3f}  (on matched events)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list the misses of every document")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument(
        "--with-lists",
        action="store_true",
        help="screen parties and mentions against the lists loaded in the default store",
    )
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="skip extraction: evaluate the gold events with the rulebook (scores the rules alone)",
    )
    parser.add_argument(
        "--set",
        choices=sorted(SETS),
        default="devset",
        help="which reports to score: the development set (default), the held-out set, or both",
    )
    args = parser.parse_args(argv)
    docs = load_gold(SETS[args.set])
    analyze = make_rules_only_analyzer(docs) if args.rules_only else load_analyzer()
    if args.with_lists and not args.rules_only:
        analyze = functools.partial(analyze, matcher=load_matcher())
    summary, results = evaluate(analyze, docs)
    if args.json:
        per_doc = [{"file": r.name, "error": r.error, "misses": r.misses} for r in results]
        print(json.dumps({**summary, "documents_detail": per_doc}, indent=2))
    else:
        print_report(summary, results, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
