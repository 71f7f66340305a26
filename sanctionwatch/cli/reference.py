"""The CLI reference (docs/cli.md), written from the commands themselves.

``python -m sanctionwatch.cli.reference > docs/cli.md`` regenerates it; a test fails when the
committed file differs, so the reference cannot fall behind the commands.
"""

from __future__ import annotations

import sys
from typing import Any

import typer


def _rows(command: Any) -> list[str]:
    rows = []
    for param in command.params:
        if getattr(param, "hidden", False) or param.name in ("help",):
            continue
        if param.param_type_name == "argument":
            name = f"`{str(param.name).upper()}`"
        else:
            name = ", ".join(f"`{opt}`" for opt in [*param.opts, *param.secondary_opts])
        text = (getattr(param, "help", None) or "").replace("|", "\\|").replace("\n", " ")
        default = param.default
        if default not in (None, False, (), []) and not callable(default):
            text += f" (default: `{default}`)"
        rows.append(f"| {name} | {text} |")
    return rows


def _walk(command: Any, path: list[str]) -> list[str]:
    lines: list[str] = []
    subcommands: dict[str, Any] = getattr(command, "commands", None) or {}
    if path:
        lines += [f"## `{' '.join(path)}`", ""]
        if command.help:
            lines += [command.help.strip().split("\n\n")[0].replace("\n", " "), ""]
        rows = _rows(command)
        if rows and not subcommands:
            lines += ["| argument / option | meaning |", "|---|---|", *rows, ""]
    for name in sorted(subcommands):
        lines += _walk(subcommands[name], [*path, name])
    return lines


def render() -> str:
    from sanctionwatch.cli import app

    root = typer.main.get_command(app)
    head = [
        "# Command-line reference",
        "",
        "Written from the commands by `python -m sanctionwatch.cli.reference > docs/cli.md`;",
        "a test keeps it current. Every command also takes `--help`; `sanctionwatch --debug`",
        "shows tracebacks.",
        "",
    ]
    return "\n".join(head + _walk(root, ["sanctionwatch"])).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
