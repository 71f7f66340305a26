"""docs/cli.md is written from the commands; it must match them, and every option has help."""

from __future__ import annotations

from pathlib import Path

from sanctionwatch.cli.reference import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run `python -m sanctionwatch.cli.reference > docs/cli.md`"
    )


def test_every_option_has_help() -> None:
    undocumented = [line for line in render().splitlines() if line.endswith("|  |")]
    assert undocumented == []
