"""Score report analysis against the development set.

Runs ``sanctionwatch.extract.analyze_text`` on the bundled example and on every report of
``examples/devset`` and compares the output with the expected events and findings written by
hand (format: ``examples/README.md``). The figures say how well the extractor turns prose into
transfers and how often the verdicts and the cited rules are right, so that a change to the
extractor, the goods classifier or the rulebook can be judged by numbers.

Matching: a predicted event matches a gold event when the giver country, the recipient country
and at least one HS heading agree. A party's country is taken from the party, or else from the
event's origin (giver) or destination (recipient); a gold country of ``null`` accepts anything.
HS codes are compared on their first four digits; a two-digit chapter matches every heading in
it. Each gold event matches at most one prediction; further predictions of an already matched
transfer are counted as duplicates, not as false positives.

    .venv/bin/python benchmarks/evaluate_extract.py [--verbose] [--json]
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
DEVSET = EXAMPLES / "devset"
GOLD_FILES = (EXAMPLES / "aurus-2024-02-20.expected.json", DEVSET / "expected.jsonl")

STATUSES = ("actual", "negated", "hypothetical", "reported")
VERDICTS = ("violation", "possible", "none")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HS_RE = re.compile(r"^\d{4}$")

Analyzer = Callable[..., Any]


# --- gold data -------------------------------------------------------------------------------


@dataclass
class GoldDoc:
    """One report and what a careful analyst finds in it."""

    path: Path
    data: dict[str, Any]
    line: int = 0

    @property
    def name(self) -> str:
        return str(self.data.get("file", self.path.name))


def load_gold(files: Iterable[Path] = GOLD_FILES) -> list[GoldDoc]:
    """Read the expected outputs: a ``.json`` object or ``.jsonl`` lines, paths relative to it."""
    docs: list[GoldDoc] = []
    for gold_file in files:
        if gold_file.suffix == ".jsonl":
            lines = gold_file.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    docs.append(parse_gold(gold_file, line, number))
        else:
            docs.append(parse_gold(gold_file, gold_file.read_text(encoding="utf-8"), 1))
    return docs


def parse_gold(gold_file: Path, text: str, line: int) -> GoldDoc:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"{gold_file}:{line}: not valid JSON ({err})") from err
    if not isinstance(data, dict):
        raise ValueError(f"{gold_file}:{line}: expected a JSON object, got {type(data).__name__}")
    path = gold_file.parent / str(data.get("file", ""))
    return GoldDoc(path=path, data=data, line=line)


def validate_gold(docs: list[GoldDoc], countries: set[str]) -> list[str]:
    """Every problem in the expected outputs, each saying where and what was expected."""
    errors: list[str] = []
    for doc in docs:
        where = f"{doc.name} (line {doc.line})"
        errors.extend(f"{where}: {e}" for e in validate_doc(doc, countries))
    return errors


def validate_doc(doc: GoldDoc, countries: set[str]) -> list[str]:
    data = doc.data
    errors: list[str] = []
    if not doc.path.is_file():
        errors.append(f"file {doc.path} does not exist")
    if not isinstance(data.get("published"), str) or not DATE_RE.match(data["published"]):
        errors.append(f"published {data.get('published')!r} is not an ISO date")
    if not isinstance(data.get("title"), str) or not data["title"].strip():
        errors.append("title is missing")
    for key in ("events", "findings", "non_events", "mentions"):
        if not isinstance(data.get(key), list):
            errors.append(f"{key} must be a list, got {data.get(key)!r}")
    if errors:
        return errors
    if len(data["events"]) != len(data["findings"]):
        errors.append(f"{len(data['events'])} events but {len(data['findings'])} findings")
    for index, event in enumerate(data["events"]):
        errors.extend(f"event {index}: {e}" for e in validate_event(event, countries))
    for index, finding in enumerate(data["findings"]):
        errors.extend(f"finding {index}: {e}" for e in validate_finding(finding))
    for key in ("non_events", "mentions"):
        if not all(isinstance(v, str) and v.strip() for v in data[key]):
            errors.append(f"{key} must hold non-empty strings")
    return errors


def validate_event(event: Any, countries: set[str]) -> list[str]:
    if not isinstance(event, dict):
        return [f"expected an object, got {event!r}"]
    errors = []
    for key in ("giver_country", "recipient_country"):
        code = event.get(key)
        if code is not None and code not in countries:
            errors.append(f"{key} {code!r} is not an ISO 3166-1 alpha-2 code")
    hs = event.get("hs")
    if (
        not isinstance(hs, list)
        or not hs
        or not all(isinstance(h, str) and HS_RE.match(h) for h in hs)
    ):
        errors.append(f"hs {hs!r} must be a non-empty list of 4-digit headings")
    date = event.get("date")
    if date is not None and not (isinstance(date, str) and DATE_RE.match(date)):
        errors.append(f"date {date!r} must be YYYY, YYYY-MM, YYYY-MM-DD or null")
    if event.get("status") not in STATUSES:
        errors.append(f"status {event.get('status')!r} must be one of {', '.join(STATUSES)}")
    if not isinstance(event.get("category"), str):
        errors.append(f"category {event.get('category')!r} must be a string")
    return errors + validate_event_extras(event, countries)


def validate_event_extras(event: dict[str, Any], countries: set[str]) -> list[str]:
    """The optional fields: goods words, stated value and quantity, origin of the goods."""
    errors = []
    for key in ("goods", "goods_text"):
        if key in event and not (isinstance(event[key], str) and event[key].strip()):
            errors.append(f"{key} {event[key]!r} must be a non-empty string")
    for key in ("value", "quantity"):
        if key in event and not (isinstance(event[key], int | float) and event[key] > 0):
            errors.append(f"{key} {event[key]!r} must be a positive number")
    if "value" in event and not re.fullmatch(r"[A-Z]{3}", str(event.get("currency", ""))):
        errors.append(f"currency {event.get('currency')!r} must be an ISO 4217 code")
    if "value" in event and event.get("value_basis") not in ("item", "total"):
        errors.append(f"value_basis {event.get('value_basis')!r} must be 'item' or 'total'")
    if "origin" in event and event["origin"] not in countries:
        errors.append(f"origin {event['origin']!r} is not an ISO 3166-1 alpha-2 code")
    return errors


def validate_finding(finding: Any) -> list[str]:
    if not isinstance(finding, dict):
        return [f"expected an object, got {finding!r}"]
    verdict, rules = finding.get("verdict"), finding.get("rules")
    if verdict not in VERDICTS:
        return [f"verdict {verdict!r} must be one of {', '.join(VERDICTS)}"]
    if not isinstance(rules, list) or not all(isinstance(r, str) and r.strip() for r in rules):
        return [f"rules {rules!r} must be a list of 'instrument provision' strings"]
    if verdict == "none" and rules:
        return [f"verdict none cites rules {rules}"]
    if verdict != "none" and not rules:
        return [f"verdict {verdict} cites no rule"]
    return []


# --- normalising predictions -----------------------------------------------------------------


def normalize_rule(text: str) -> str:
    """One spelling per citation: 'UNSCR 2397 (2017) OP 7' == 'unscr 2397 (2017) para 7'.

    The annex a provision applies ("Art. 3h, Annex XVIII") is part of its reading, not of its
    identity, so it is dropped.
    """
    out = text.casefold().replace("\u00a0", " ")
    out = re.sub(r",\s*(annex|supplement)\b.*$", "", out)
    out = re.sub(r"\b(paragraph|para|op)\b\.?", "para", out)
    out = re.sub(r"\b(article|art)\b\.?", "art.", out)
    out = re.sub(r"\b(council|no\.?)\s+", "", out)
    out = re.sub(r"\s*\(\s*", "(", out)
    out = re.sub(r"\s*\)", ")", out)
    out = re.sub(r"(\d{4})\(", r"\1 (", out)
    out = re.sub(r"\)(para|art\.)", r") \1", out)
    return re.sub(r"\s+", " ", out).strip()


def normalize_hs(code: str) -> str:
    digits = re.sub(r"\D", "", str(code))
    return digits[:4]


def hs_overlap(gold: Iterable[str], predicted: Iterable[str]) -> bool:
    pred = {normalize_hs(p) for p in predicted if len(normalize_hs(p)) >= 2}
    for heading in gold:
        for code in pred:
            if heading == code or (len(code) == 2 and heading.startswith(code)):
                return True
    return False


@dataclass
class Predicted:
    """The parts of one predicted event (and its finding) that are scored."""

    id: str
    givers: set[str]
    recipients: set[str]
    hs: list[str]
    date: str | None
    status: str | None
    verdict: str
    rules: set[str]
    summary: str
    values: list[tuple[float, float | None]] = field(default_factory=list)  # (value, quantity)


def party_countries(party: Any, fallback: Any) -> set[str]:
    codes = set()
    if isinstance(party, dict) and party.get("country"):
        codes.add(str(party["country"]).upper())
    if fallback:
        codes.add(str(fallback).upper())
    return codes


def read_predictions(analysis: dict[str, Any]) -> list[Predicted]:
    findings = {f.get("event"): f for f in analysis.get("findings") or [] if isinstance(f, dict)}
    out = []
    for index, event in enumerate(analysis.get("events") or []):
        event_id = str(event.get("id", index))
        finding = findings.get(event.get("id"), {})
        goods = [g for g in event.get("goods") or [] if isinstance(g, dict)]
        rules = {
            normalize_rule(f"{r.get('instrument', '')} {r.get('provision', '')}")
            for r in finding.get("rules") or []
        }
        out.append(
            Predicted(
                id=event_id,
                givers=party_countries(event.get("giver"), event.get("origin")),
                recipients=party_countries(event.get("recipient"), event.get("destination")),
                hs=[str(h) for g in goods for h in g.get("hs") or []],
                date=event.get("date"),
                status=event.get("status"),
                verdict=str(finding.get("verdict", "none")),
                rules=rules,
                summary=describe_prediction(event, goods),
                values=[read_value(g) for g in goods if read_value(g)[0]],
            )
        )
    return out


def read_value(goods: dict[str, Any]) -> tuple[float, float | None]:
    value, quantity = goods.get("value"), goods.get("quantity")
    number = float(value) if isinstance(value, int | float) else 0.0
    return number, float(quantity) if isinstance(quantity, int | float) else None


def value_matches(event: dict[str, Any], pred: Predicted) -> bool:
    """The stated value, read as total or per item: within 2 % of the gold figure."""
    stated, quantity = float(event["value"]), event.get("quantity")
    wanted = {stated}
    if quantity:
        wanted.add(stated * quantity if event["value_basis"] == "item" else stated / quantity)
    for value, pred_quantity in pred.values:
        candidates = {value} | ({value / pred_quantity} if pred_quantity else set())
        if any(abs(c - w) <= 0.02 * w for c in candidates for w in wanted):
            return True
    return False


def describe_prediction(event: dict[str, Any], goods: list[dict[str, Any]]) -> str:
    def side(party: Any, fallback: Any) -> str:
        country = party.get("country") if isinstance(party, dict) else None
        return str(country or fallback or "?")

    giver = side(event.get("giver"), event.get("origin"))
    recipient = side(event.get("recipient"), event.get("destination"))
    words = "; ".join(f"{g.get('text', '')} {g.get('hs') or []}" for g in goods)
    return f"{giver}->{recipient} {words} date={event.get('date')} status={event.get('status')}"


# --- matching and scores ---------------------------------------------------------------------


def key_matches(gold: dict[str, Any], pred: Predicted) -> bool:
    giver, recipient = gold.get("giver_country"), gold.get("recipient_country")
    if giver is not None and giver not in pred.givers:
        return False
    if recipient is not None and recipient not in pred.recipients:
        return False
    return hs_overlap(gold["hs"], pred.hs)


def match_events(gold: list[dict[str, Any]], preds: list[Predicted]) -> dict[int, int]:
    """Gold index -> prediction index, one to one, preferring agreeing status and date."""
    pairs = []
    for g, event in enumerate(gold):
        for p, pred in enumerate(preds):
            if key_matches(event, pred):
                bonus = (pred.status == event["status"]) * 2 + (pred.date == event["date"])
                pairs.append((-bonus, g, p))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in sorted(pairs):
        if g not in matched and p not in used:
            matched[g] = p
            used.add(p)
    return matched


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rounded = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
        return {**rounded, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class DocResult:
    """The comparison of one report: counts and the misses, for the verbose table."""

    name: str
    events: Counts = field(default_factory=Counts)
    rules: Counts = field(default_factory=Counts)
    violations: Counts = field(default_factory=Counts)
    duplicates: int = 0
    dates: list[bool] = field(default_factory=list)
    statuses: list[bool] = field(default_factory=list)
    verdicts: list[bool] = field(default_factory=list)
    values: list[bool] = field(default_factory=list)
    mentions: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    found_by_status: list[tuple[str, bool]] = field(default_factory=list)


def score_document(doc: GoldDoc, analysis: dict[str, Any]) -> DocResult:
    """Compare one analysis (the ``to_dict`` of design.md) with the gold document."""
    result = DocResult(name=doc.name)
    gold, findings = doc.data["events"], doc.data["findings"]
    preds = read_predictions(analysis)
    matched = match_events(gold, preds)
    for g, event in enumerate(gold):
        result.found_by_status.append((event["status"], g in matched))
        if g in matched:
            compare_pair(result, event, findings[g], preds[matched[g]])
        else:
            result.events.fn += 1
            result.rules.fn += len(findings[g]["rules"])
            result.violations.fn += findings[g]["verdict"] == "violation"
            result.misses.append(f"missed  {describe_gold(event, findings[g])}")
    for p, pred in enumerate(preds):
        if p in matched.values():
            continue
        if any(key_matches(event, pred) for event in gold):
            result.duplicates += 1
            continue
        result.events.fp += 1
        result.rules.fp += len(pred.rules)
        result.violations.fp += pred.verdict == "violation"
        result.misses.append(f"extra   {pred.summary} verdict={pred.verdict}")
    mentions = analysis.get("mentions") or []
    result.mentions = score_mentions(doc.data["mentions"], mentions)
    result.misses.extend(mention_misses(doc.data["mentions"], mentions))
    return result


def compare_pair(
    result: DocResult, event: dict[str, Any], finding: dict[str, Any], pred: Predicted
) -> None:
    result.events.tp += 1
    result.dates.append(pred.date == event["date"])
    result.statuses.append(pred.status == event["status"])
    result.verdicts.append(pred.verdict == finding["verdict"])
    if "value" in event:
        result.values.append(value_matches(event, pred))
    gold_rules = {normalize_rule(r) for r in finding["rules"]}
    result.rules.add(
        Counts(
            len(gold_rules & pred.rules), len(pred.rules - gold_rules), len(gold_rules - pred.rules)
        )
    )
    gold_violation, pred_violation = finding["verdict"] == "violation", pred.verdict == "violation"
    result.violations.add(
        Counts(
            gold_violation and pred_violation,
            pred_violation and not gold_violation,
            gold_violation and not pred_violation,
        )
    )
    wrong = [
        f"{name} {want!r} != {got!r}"
        for name, want, got in (
            ("date", event["date"], pred.date),
            ("status", event["status"], pred.status),
            ("verdict", finding["verdict"], pred.verdict),
        )
        if want != got
    ]
    if gold_rules != pred.rules:
        missing, extra = sorted(gold_rules - pred.rules), sorted(pred.rules - gold_rules)
        wrong.append(f"rules missing {missing} extra {extra}")
    if wrong:
        result.misses.append(f"differs {describe_gold(event, finding)}: " + "; ".join(wrong))


def describe_gold(event: dict[str, Any], finding: dict[str, Any]) -> str:
    giver, recipient = event.get("giver_country") or "?", event.get("recipient_country") or "?"
    status = f"({event['status']}, {finding['verdict']})"
    return f"{giver}->{recipient} {event.get('goods', '')} {event['hs']} {status}"


def name_tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))


def same_name(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and (a <= b or b <= a)


def mention_names(predicted: list[Any]) -> list[str]:
    return [str(m.get("text", "")) for m in predicted if isinstance(m, dict) and m.get("text")]


def score_mentions(gold: list[str], predicted: list[Any]) -> Counts:
    """A gold name is found when a predicted mention has the same words (any order)."""
    pred = [name_tokens(n) for n in mention_names(predicted)]
    found = sum(any(same_name(name_tokens(g), p) for p in pred) for g in gold)
    extra = sum(not any(same_name(name_tokens(g), p) for g in gold) for p in pred)
    return Counts(tp=found, fp=extra, fn=len(gold) - found)


def mention_misses(gold: list[str], predicted: list[Any]) -> list[str]:
    names = mention_names(predicted)
    if not names:
        return []  # no lists loaded: nothing to compare
    out = [
        f"mention missed {g!r}"
        for g in gold
        if not any(same_name(name_tokens(g), name_tokens(n)) for n in names)
    ]
    return out + [
        f"mention extra  {n!r}"
        for n in names
        if not any(same_name(name_tokens(g), name_tokens(n)) for g in gold)
    ]


# --- running ---------------------------------------------------------------------------------


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
    return analyzer  # type: ignore[no-any-return]


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
    """An analyzer that skips extraction: it hands the gold events to the rulebook.

    Scores from it measure the rulebook (and the goods classifier it calls) alone, so that a
    wrong verdict can be told apart from a wrong extraction.
    """
    from sanctionwatch.model.event import Goods, Party, TransferEvent
    from sanctionwatch.regimes import evaluate as evaluate_event

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
            )
            events.append(event.to_dict())
            findings.append(evaluate_event(event).to_dict())
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


def summarize(results: list[DocResult]) -> dict[str, Any]:
    """The totals over all documents, as printed and as ``--json`` gives them."""
    events, rules, violations, mentions = Counts(), Counts(), Counts(), Counts()
    for r in results:
        events.add(r.events)
        rules.add(r.rules)
        violations.add(r.violations)
        mentions.add(r.mentions)

    def accuracy(values: list[bool]) -> float:
        return round(sum(values) / len(values), 4) if values else 0.0

    seconds = sum(r.seconds for r in results)
    return {
        "documents": len(results),
        "errors": sum(r.error is not None for r in results),
        "events": {**events.scores(), "duplicates": sum(r.duplicates for r in results)},
        "date_accuracy": accuracy([d for r in results for d in r.dates]),
        "status_accuracy": accuracy([s for r in results for s in r.statuses]),
        "verdict_accuracy": accuracy([v for r in results for v in r.verdicts]),
        "value_accuracy": accuracy([v for r in results for v in r.values]),
        "violations": violations.scores(),
        "rules": rules.scores(),
        "mentions": mentions.scores(),
        "recall_by_status": recall_by_status(results),
        "negative_documents": {
            "documents": sum(not r.found_by_status for r in results),
            "false_events": sum(r.events.fp for r in results if not r.found_by_status),
        },
        "seconds": round(seconds, 3),
        "docs_per_second": round(len(results) / seconds, 1) if seconds else None,
    }


def recall_by_status(results: list[DocResult]) -> dict[str, float]:
    """How many gold events of each status were found: are denials and plans seen at all?"""
    out = {}
    for status in STATUSES:
        found = [hit for r in results for s, hit in r.found_by_status if s == status]
        if found:
            out[status] = round(sum(found) / len(found), 4)
    return out


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
    args = parser.parse_args(argv)
    docs = load_gold()
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
