"""``sanctionwatch analyze``: read a report (text or HTML) and print its transfers and findings.

One document (a file or ``-`` for standard input) gives a readable report (``--format text``,
the default), the JSON object of design.md (``json``) or a self-contained HTML page
(``html``). A folder or a ``.jsonl`` file of documents is a batch: one result per document,
in order, with progress; a bad document gives ``{"id", "error"}`` and the batch goes on.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from sanctionwatch.cli.common import console, err_console, progress_bar
from sanctionwatch.exc import InputError, SanctionwatchError
from sanctionwatch.extract.inputs import (
    Document,
    iter_folder,
    iter_jsonl,
    read_document,
    read_stdin,
)
from sanctionwatch.extract.report import print_report, render_html

log = logging.getLogger(__name__)
FORMATS = ("text", "json", "html")


def analyze(
    path: str = typer.Argument(
        ..., help="Text or HTML file, '-' for stdin, or a folder / .jsonl file of documents."
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD); relative dates use it."
    ),
    title: str | None = typer.Option(None, "--title", help="Title of the document."),
    fmt: str = typer.Option("text", "--format", help="text (readable), json or html."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here (a folder for an HTML batch)."
    ),
    html: bool | None = typer.Option(
        None, "--html/--plain", help="Read the input as HTML or as plain text (default: guess)."
    ),
) -> None:
    """Find transfers in a report, check them against the sanctions rules, show the evidence."""
    if fmt not in FORMATS:
        raise InputError(f"Unknown --format {fmt!r}; expected text, json or html", value=fmt)
    target = Path(path)
    if path != "-" and (target.is_dir() or target.suffix.lower() == ".jsonl"):
        run_batch(target, fmt, output, published, title)
        return
    doc = read_stdin(sys.stdin.buffer.read()) if path == "-" else read_document(target)
    if html is not None:
        doc.is_html = html
    data, text = analyze_document(doc, published, title, get_screening())
    write_one(data, text, fmt, output)


def get_screening() -> Any:
    """The matcher over the loaded lists, or None (with a note) when none are loaded."""
    from sanctionwatch.match import get_matcher
    from sanctionwatch.store import open_store

    try:
        matcher = get_matcher(open_store())
    except SanctionwatchError as exc:
        err_console.print(f"Parties not screened: {exc.message}")
        return None
    if not len(matcher.index):
        err_console.print("No lists are loaded: parties are not screened (`lists load PATH`).")
        return None
    return matcher


def analyze_document(
    doc: Document, published: str | None, title: str | None, matcher: Any
) -> tuple[dict[str, Any], str]:
    from sanctionwatch.extract import analyze_html, analyze_text

    run = analyze_html if doc.is_html else analyze_text
    analysis = run(
        doc.content,
        published=published or doc.published,
        title=title or doc.title,
        source=doc.source,
        matcher=matcher,
    )
    return analysis.to_dict(), analysis.text


def write_one(data: dict[str, Any], text: str, fmt: str, output: Path | None) -> None:
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        body = render_html(data, text)
    else:
        if output is None:
            print_report(data, console)
            return
        with output.open("w", encoding="utf-8") as handle:
            print_report(data, Console(file=handle, width=100, color_system=None))
        return
    if output is None:
        sys.stdout.write(body)
    else:
        output.write_text(body, encoding="utf-8")


def run_batch(
    target: Path, fmt: str, output: Path | None, published: str | None, title: str | None
) -> None:
    """One result per document; JSON lines for json, one page per document for html."""
    if not target.exists():
        raise InputError(f"{target}: no such file or folder")
    docs = list(iter_folder(target) if target.is_dir() else iter_jsonl(target))
    if fmt == "html" and output is None:
        raise InputError("An HTML batch needs --output FOLDER for its pages")
    matcher = get_screening()
    sink = output.open("w", encoding="utf-8") if output and fmt != "html" else sys.stdout
    failed = 0
    try:
        with progress_bar("Analysing", total=len(docs)) as advance:
            for doc in docs:
                failed += batch_item(doc, fmt, output, sink, published, title, matcher)
                advance()
    finally:
        if sink is not sys.stdout:
            sink.close()
    err_console.print(f"{len(docs)} documents, {failed} failed.", highlight=False)


def batch_item(
    doc: Document | InputError,
    fmt: str,
    output: Path | None,
    sink: Any,
    published: str | None,
    title: str | None,
    matcher: Any,
) -> int:
    if isinstance(doc, InputError):
        sink.write(json.dumps({"id": doc.detail.get("id"), "error": doc.message}) + "\n")
        return 1
    try:
        data, text = analyze_document(doc, published, title, matcher)
    except SanctionwatchError as exc:
        sink.write(json.dumps({"id": doc.id, "error": exc.message}, ensure_ascii=False) + "\n")
        return 1
    except Exception as exc:  # noqa: BLE001 - one failing document must not stop a batch
        log.exception("Analysis of %s failed", doc.id)
        error = f"internal error: {type(exc).__name__}: {exc}"
        sink.write(json.dumps({"id": doc.id, "error": error}, ensure_ascii=False) + "\n")
        return 1
    if fmt == "html" and output is not None:
        output.mkdir(parents=True, exist_ok=True)
        (output / f"{Path(doc.id).stem}.html").write_text(render_html(data, text), "utf-8")
    elif fmt == "text":
        print_report(data, Console(file=sink) if sink is not sys.stdout else console)
    else:
        sink.write(json.dumps({"id": doc.id, **data}, ensure_ascii=False) + "\n")
    return 0
