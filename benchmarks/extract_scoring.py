"""Compare one analysis with the expected output of its report, and add the scores up.

Matching: a predicted event matches a gold event when the giver country, the recipient country
and at least one HS heading agree. A party's country is taken from the party, or else from the
event's origin (giver) or destination (recipient); a gold country of ``null`` accepts anything.
HS codes are compared on their first four digits; a two-digit chapter matches every heading in
it. Each gold event matches at most one prediction; further predictions of an already matched
transfer are counted as duplicates, not as false positives. Cited rules are compared as
"instrument provision" strings in one spelling (``normalize_rule``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extract_devset import STATUSES, GoldDoc


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
            if r.get("certainty") != "none"  # listed for context only: not broken
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
