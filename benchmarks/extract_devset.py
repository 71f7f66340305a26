"""The development set of report analysis: expected outputs, read and checked.

The expected events and findings of the bundled example and of ``examples/devset`` are written
by hand (format: ``examples/README.md``). This module reads them and lists every problem in
them with the file, line and field, so that a typo in the data fails a test instead of
silently changing the scores.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
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
