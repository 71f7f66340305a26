"""The ``sanctionwatch`` command line: a Typer app with one module per command group.

Each command is a thin wrapper over a library function. Library errors are printed as one
short line on stderr with a non-zero exit code; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import logging

import typer

from sanctionwatch.cli import analyze as analyze_cli
from sanctionwatch.cli import check as check_cli
from sanctionwatch.cli import goods as goods_cli
from sanctionwatch.cli import lists as lists_cli
from sanctionwatch.cli import regimes as regimes_cli
from sanctionwatch.cli import screen as screen_cli
from sanctionwatch.cli import serve as serve_cli
from sanctionwatch.cli.common import ErrorMappingGroup, state
from sanctionwatch.logs import configure_logging
from sanctionwatch.settings import get_settings

app = typer.Typer(
    name="sanctionwatch",
    help="Find sanctions violations in evidence of transfers, and explain each finding.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=ErrorMappingGroup,
)
app.add_typer(lists_cli.app, name="lists")
# Command groups register here, one line each.
app.add_typer(goods_cli.app, name="goods")
app.add_typer(regimes_cli.app, name="regimes")
app.command("check")(check_cli.check)
app.command("serve")(serve_cli.serve)
app.command("screen")(screen_cli.screen)
app.command("analyze")(analyze_cli.analyze)
app.add_typer(serve_cli.keys_app, name="keys")


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logs."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show informational logs."),
) -> None:
    state.debug = debug
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    configure_logging(level, json_lines=get_settings().log_json)


def main() -> None:
    from sanctionwatch.cli.common import run_app

    run_app(app)
