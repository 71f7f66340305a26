"""``sanctionwatch serve`` (the HTTP API and web UI) and ``sanctionwatch keys`` (API keys).

The server runs on the embedded store with nothing else to set up. Keys are never stored in
clear: ``keys add`` prints a new key once, with the ``name:sha256`` line the server is
configured with (``SANCTIONWATCH_API_KEYS``).
"""

from __future__ import annotations

import logging
import os

import typer

from sanctionwatch.cli.common import console, fail, print_json
from sanctionwatch.logs import configure_logging
from sanctionwatch.settings import get_settings

log = logging.getLogger(__name__)
keys_app = typer.Typer(help="Make and list API keys (review actions need one).")


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, max=64, help="Worker processes."),
    log_format: str = typer.Option("json", help="Log lines as 'json' or 'text'."),
) -> None:
    """Start the HTTP API (OpenAPI at /docs) and the analyst web UI (at /ui/)."""
    import uvicorn

    from sanctionwatch.api.auth import KeyRing
    from sanctionwatch.store import open_store

    if log_format not in ("json", "text"):
        raise fail(f"--log-format must be 'json' or 'text', not {log_format!r}", 2)
    settings = get_settings()
    KeyRing.parse(settings.api_keys)  # a malformed key setting stops here, not per request
    open_store(settings).close()  # applies migrations once, before any worker starts
    # Worker processes read their logging format from the environment.
    os.environ["SANCTIONWATCH_LOG_JSON"] = "true" if log_format == "json" else "false"
    get_settings.cache_clear()
    configure_logging(logging.INFO, json_lines=log_format == "json")
    _share_handlers("uvicorn", "uvicorn.error")
    log.info(
        "serving",
        extra={"host": host, "port": port, "workers": workers, "store": str(settings.store_path)},
    )
    uvicorn.run(
        "sanctionwatch.api.app:make_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=None,
    )


def _share_handlers(*names: str) -> None:
    handlers = logging.getLogger("sanctionwatch").handlers
    for name in names:
        logger = logging.getLogger(name)
        logger.handlers[:] = list(handlers)
        logger.setLevel(logging.INFO)
        logger.propagate = False


@keys_app.command("add")
def add_key(
    name: str = typer.Argument(..., help="Who the key is for; the audit trail shows it."),
    output: str = typer.Option("text", "--format", help="'text' or 'json'."),
) -> None:
    """Make a new key for NAME: prints the key once and the configuration line to add."""
    from sanctionwatch.api.auth import KeyRing, check_key_name, hash_key, make_key

    check_key_name(name)
    current = get_settings().api_keys
    if name in KeyRing.parse(current).hashes.values():
        raise fail(f"A key named {name!r} is already configured; pick another name")
    key = make_key()
    line = f"{name}:{hash_key(key)}"
    config = ",".join(p for p in ((current or "").strip(), line) if p)
    if output == "json":
        print_json({"name": name, "key": key, "hash": hash_key(key), "config": config})
        return
    console.print(f"New API key for [b]{name}[/b] (shown once; keep it secret):", highlight=False)
    console.print(f"  {key}", highlight=False, soft_wrap=True)
    console.print("Configure the server with (the key itself is not stored):", highlight=False)
    console.print(f'  SANCTIONWATCH_API_KEYS="{config}"', highlight=False, soft_wrap=True)


@keys_app.command("list")
def list_keys() -> None:
    """The names of the keys the server is configured with."""
    from sanctionwatch.api.auth import KeyRing

    names = sorted(KeyRing.parse(get_settings().api_keys).hashes.values())
    for name in names:
        console.print(name, highlight=False)
    if not names:
        console.print("No API keys configured (SANCTIONWATCH_API_KEYS).", highlight=False)
