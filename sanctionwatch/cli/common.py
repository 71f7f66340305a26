"""Helpers shared by the command modules: error mapping, output mode, progress."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from typer.core import TyperGroup

from sanctionwatch.exc import SanctionwatchError

#: Human output goes to stdout; progress and errors to stderr.
console = Console(soft_wrap=True)
err_console = Console(stderr=True)


@dataclass
class _State:
    debug: bool = False


state = _State()


def is_interactive() -> bool:
    """Progress bars only when a person watches (stderr is a terminal)."""
    return sys.stderr.isatty()


@contextmanager
def progress_bar(description: str, total: int | None = None) -> Iterator[Any]:
    """A progress bar on stderr when interactive; a no-op advance function otherwise."""
    if not is_interactive():
        yield lambda n=1: None
        return
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=total)
        yield lambda n=1: progress.advance(task, n)


def print_table(columns: list[str], rows: list[list[str]], title: str | None = None) -> None:
    """A table for a person at a terminal; tab-separated lines with a header when piped."""
    if not console.is_terminal:
        for row in [columns, *rows]:
            sys.stdout.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")
        return
    table = Table(title=title)
    for i, column in enumerate(columns):
        # The first column is an id people copy: never shorten it.
        table.add_column(column, no_wrap=i == 0, overflow="ignore" if i == 0 else "fold")
    for row in rows:
        table.add_row(*row)
    console.print(table)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_jsonl(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[red]Error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


class ErrorMappingGroup(TyperGroup):
    """Turns library errors into one clear line and exit code 1 (traceback with --debug)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SanctionwatchError as exc:
            if state.debug:
                raise
            err_console.print(f"[red]Error:[/red] {exc.message}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None


def run_app(app: typer.Typer) -> None:
    """Run the CLI, turning library errors into one line and exit code 1 (2 for usage)."""
    try:
        app(standalone_mode=True)
    except SanctionwatchError as exc:
        if state.debug:
            raise
        err_console.print(f"[red]Error:[/red] {exc.message}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("Interrupted; nothing was left half-written.")
        sys.exit(130)
