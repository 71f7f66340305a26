"""How fast report analysis runs: articles per second and milliseconds per 1,000 words.

Builds 1,000-word articles from the bundled example and the development-set reports, warms
the lexicons, the goods classifier and the rulebook once (as a long-running process would),
then times the extraction pipeline alone and the full analysis (extraction, goods, rules).

    .venv/bin/python benchmarks/analyze_speed.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from sanctionwatch.extract import analyze_text
from sanctionwatch.extract.doc import Doc
from sanctionwatch.extract.pipeline import get_pipeline

REPO = Path(__file__).resolve().parent.parent
SOURCES = [
    REPO / "examples" / "aurus-2024-02-20.txt",
    *sorted((REPO / "examples" / "devset").glob("*.txt")),
]


def make_articles(words: int = 1000) -> list[str]:
    """Articles of about ``words`` words, each a run of consecutive reports."""
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    articles, current, count = [], [], 0
    for text in texts * 2:
        current.append(text)
        count += len(text.split())
        if count >= words:
            articles.append("\n\n".join(current))
            current, count = [], 0
    return articles


def time_runs(articles: list[str], run: object, rounds: int) -> list[float]:
    """Wall-clock seconds per article; the CPU seconds are printed too, since a shared
    machine's load inflates wall time but not the work done."""
    timings, cpu = [], 0.0
    for _ in range(rounds):
        for article in articles:
            started, cpu_started = time.perf_counter(), time.process_time()
            run(article)  # type: ignore[operator]
            timings.append(time.perf_counter() - started)
            cpu += time.process_time() - cpu_started
    words = sum(len(a.split()) for a in articles) * rounds
    print(f"{'':12} CPU {cpu / words * 1000 * 1000:6.1f} ms per 1,000 words (mean)")
    return timings


def report(name: str, timings: list[float], words: list[int]) -> None:
    per_1000 = [
        t / w * 1000 for t, w in zip(timings, words * (len(timings) // len(words)), strict=True)
    ]
    print(
        f"{name:<12} {len(timings) / sum(timings):7.1f} articles/s   "
        f"{statistics.median(per_1000) * 1000:6.1f} ms per 1,000 words (median), "
        f"p95 {sorted(per_1000)[int(len(per_1000) * 0.95) - 1] * 1000:6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    articles = make_articles()
    words = [len(a.split()) for a in articles]
    started = time.perf_counter()
    analyze_text(articles[0], published="2024-02-20")
    print(f"warm-up (lexicons, classifier, rulebook): {time.perf_counter() - started:.2f} s")
    print(f"{len(articles)} articles of {min(words)}-{max(words)} words, {args.rounds} rounds")
    pipeline = get_pipeline()

    def extract(text: str) -> None:
        pipeline(Doc(text))

    report("extraction", time_runs(articles, extract, args.rounds), words)
    report(
        "full",
        time_runs(articles, lambda t: analyze_text(t, published="2024-02-20"), args.rounds),
        words,
    )


if __name__ == "__main__":
    main()
