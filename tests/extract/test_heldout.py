"""The held-out set: its data is well formed, and the extractor clears low floors on it.

``examples/heldout`` holds reports written apart from the development set, in other styles
(wire briefs, features, panel excerpts, press releases, judgments, HTML pages), and never used
for tuning. The data tests always run. The scoring test runs the real extractor once over every
report, prints the figures and asserts only low floors: the set measures generalisation, so
its floors are set from measurements, never by fitting the extractor to these reports.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from typing import Any

import pytest
from babel import Locale
from followthemoney.types import registry

from tests.extract.helpers import REPO, load_benchmark

HELDOUT = REPO / "examples" / "heldout"
DEVSET = REPO / "examples" / "devset"

# Low on purpose; they are raised to measured figures, never reached by tuning on this set.
# First measurement (no lists loaded): events P 0.288 R 0.283 F1 0.286, verdicts 0.467 on
# matched events, rules P 0.381 R 0.320. Measured 2026-11-29: events P 0.652 R 0.566 F1 0.606,
# violations F1 0.667, rules F1 0.630; the floor sits a few points under the events figure.
FLOORS = {"events_f1": 0.55}

# Codes that CLDR or FollowTheMoney know but ISO 3166-1 does not assign to a country.
NOT_ISO = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}

META_DATE = re.compile(
    r"""<meta\s+property=["']article:published_time["']\s+content=["'](\d{4}-\d{2}-\d{2})"""
)
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


bench = load_benchmark()


def iso_countries() -> set[str]:
    cldr = {code for code in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", code)}
    ftm = {code.upper() for code in registry.country.names if len(code) == 2}
    return (cldr & ftm) - NOT_ISO


@pytest.fixture(scope="module")
def gold() -> list[Any]:
    return list(bench.load_gold(bench.SETS["heldout"]))


def read(doc: Any) -> str:
    return str(doc.path.read_text(encoding="utf-8"))


def is_html(doc: Any) -> bool:
    return bool(doc.path.suffix == ".html")


def page_date(html: str) -> str | None:
    """The publication date a page states in its metadata: meta tag or JSON-LD."""
    if match := META_DATE.search(html):
        return match.group(1)
    for block in JSONLD.findall(html):
        published = json.loads(block).get("datePublished")
        if published:
            return str(published)[:10]
    return None


# --- the data --------------------------------------------------------------------------------


def test_expected_outputs_are_well_formed(gold: list[Any]) -> None:
    assert bench.validate_gold(gold, iso_countries()) == []


def test_every_report_has_exactly_one_expected_line(gold: list[Any]) -> None:
    listed = [doc.data["file"] for doc in gold]
    on_disk = sorted(p.name for p in HELDOUT.iterdir() if p.suffix in (".txt", ".html"))
    assert sorted(listed) == on_disk
    assert len(listed) == len(set(listed))
    assert len(on_disk) >= 25
    assert sum(name.endswith(".html") for name in on_disk) >= 5


def test_text_reports_open_with_their_headline(gold: list[Any]) -> None:
    for doc in gold:
        if not is_html(doc):
            assert read(doc).splitlines()[0].strip() == doc.data["title"], doc.name


def test_html_pages_carry_boilerplate_and_date_only_in_metadata(gold: list[Any]) -> None:
    for doc in (d for d in gold if is_html(d)):
        html = read(doc)
        assert page_date(html) == doc.data["published"], doc.name
        assert "<h1" in html and doc.data["title"] in html, doc.name
        for part in ("<nav", "<footer", "<script", "cookie"):
            assert part in html.lower(), f"{doc.name}: no {part}"
        visible = re.sub(r"<script.*?</script>|<meta[^>]*>", "", html, flags=re.S)
        assert doc.data["published"] not in visible, f"{doc.name}: date visible in the page"


def test_goods_words_mentions_and_dates_fit_the_text(gold: list[Any]) -> None:
    for doc in gold:
        text, published = read(doc), doc.data["published"]
        for name in doc.data["mentions"]:
            assert name.casefold() in text.casefold(), f"{doc.name}: {name!r} not in the text"
        for event in doc.data["events"]:
            assert event["goods_text"] in text, f"{doc.name}: {event['goods_text']!r}"
            assert event["date"] is None or event["date"] <= published, doc.name
        date.fromisoformat(published)


def test_the_set_covers_every_status_verdict_and_kind_of_report(gold: list[Any]) -> None:
    statuses = Counter(e["status"] for doc in gold for e in doc.data["events"])
    verdicts = Counter(f["verdict"] for doc in gold for f in doc.data["findings"])
    assert set(statuses) == set(bench.STATUSES) and min(statuses.values()) >= 3
    assert set(verdicts) == set(bench.VERDICTS) and min(verdicts.values()) >= 5
    assert sum(not doc.data["events"] for doc in gold) >= 3
    only_unreal = [
        doc
        for doc in gold
        if doc.data["events"]
        and all(e["status"] in ("hypothetical", "negated") for e in doc.data["events"])
    ]
    assert only_unreal, "no report whose only transfers are planned or denied"
    assert any(len(doc.data["events"]) >= 3 for doc in gold)


@pytest.mark.parametrize(
    "pattern",
    [
        r"Kim Jong-un",
        r"Kim Jong Un",
        r"Sergey Shoygu",
        r"Sergei Shoigu",
        r"Choe Son Hui",
        r"\bIMO \d{7}\b",
        r"\bdenied\b|\brejected\b|\bdismissed\b",
        r"\bis believed to\b|\bmay have\b",
        r"luxury items",
        r"military equipment",
        r"\bon (Wednesday|Tuesday|Friday)\b",
        r"\blast year\b",
        r"\bin recent weeks\b",
    ],
)
def test_the_set_covers_the_language_it_is_meant_to_probe(gold: list[Any], pattern: str) -> None:
    assert any(re.search(pattern, read(doc)) for doc in gold), f"no report uses {pattern!r}"


def shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_held_out_reports_share_no_sentences_with_the_development_set(gold: list[Any]) -> None:
    dev = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in DEVSET.glob("*.txt")))
    for doc in gold:
        shared = shingles(read(doc)) & dev
        assert not shared, f"{doc.name} repeats dev-set wording: {' '.join(next(iter(shared)))}"


# --- the extractor ---------------------------------------------------------------------------


def test_extractor_clears_the_floors_on_held_out_reports(gold: list[Any]) -> None:
    extract = pytest.importorskip("sanctionwatch.extract")
    if not (hasattr(extract, "analyze_text") and hasattr(extract, "analyze_html")):
        pytest.skip("sanctionwatch.extract.analyze_text / analyze_html are not written yet")
    summary, results = bench.evaluate(bench.load_analyzer(), gold)
    figures = {
        "events": summary["events"],
        "verdict_accuracy": summary["verdict_accuracy"],
        "rules": summary["rules"],
        "errors": [r.error for r in results if r.error],
    }
    print("held-out", json.dumps(figures))
    assert summary["events"]["f1"] >= FLOORS["events_f1"], json.dumps(summary, indent=1)
