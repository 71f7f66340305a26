"""The application factory: the HTTP API and the analyst web UI in one FastAPI app.

``create_app(settings, store)`` builds an app over a given store (tests pass an in-memory
one); ``make_app()`` is the factory ``sanctionwatch serve`` hands to uvicorn, which opens the
store the settings point at in each worker process.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from sanctionwatch import __version__
from sanctionwatch.api.auth import KeyRing
from sanctionwatch.api.errors import install_error_handlers
from sanctionwatch.api.middleware import AccessLogMiddleware, BodyLimitMiddleware
from sanctionwatch.api.routers import data, health, matching, screening
from sanctionwatch.api.routers import findings as findings_router
from sanctionwatch.api.shortcut import MatchShortcut
from sanctionwatch.api.state import AppState
from sanctionwatch.exc import ConfigError
from sanctionwatch.settings import Settings, get_settings
from sanctionwatch.store.base import Store
from sanctionwatch.store.findings import FindingsStore

log = logging.getLogger(__name__)

DESCRIPTION = """
Screens parties against official sanctions lists, checks transfers against regime rules,
analyses reports into findings, and keeps those findings for review with a full audit trail.

* **Matching** is compatible with the yente API (`/match/{dataset}`, `/search/{dataset}`,
  `/entities/{id}`, `/catalog`, `/algorithms`).
* **Review actions** need an API key (`X-API-Key` or `Authorization: Bearer`); reading,
  screening and analysis need one too when the server sets `SANCTIONWATCH_REQUIRE_KEY`.
* **Errors** always have the shape `{"error", "message", "errors": [{"field", "message"}]}`.
"""


def _findings_for(store: Store) -> FindingsStore:
    from sanctionwatch.store.findings_sqlite import SQLiteFindings
    from sanctionwatch.store.sqlite import SQLiteStore

    if isinstance(store, SQLiteStore):
        return SQLiteFindings(store)
    raise ConfigError(f"No findings store for {type(store).__name__}; pass one to create_app")


def create_app(
    settings: Settings | None = None,
    store: Store | None = None,
    findings: FindingsStore | None = None,
) -> FastAPI:
    """Build the app over ``store`` (default: the store the settings point at)."""
    settings = settings or get_settings()
    if store is None:
        from sanctionwatch.store import open_store

        store = open_store(settings)
    state = AppState(
        settings, store, findings or _findings_for(store), KeyRing.parse(settings.api_keys)
    )
    # The OpenAPI pages (/docs, /redoc) are served from packaged assets, not from a CDN, so
    # they work on machines without internet access.
    app = FastAPIOffline(title="sanctionwatch", version=__version__, description=DESCRIPTION)
    app.state.sw = state
    install_error_handlers(app)
    for router in (
        matching.router,
        data.router,
        screening.router,
        findings_router.router,
        health.router,
    ):
        app.include_router(router)
    _add_web(app)
    # The last added runs first: log, limit the body, then take the short way for /match.
    app.add_middleware(MatchShortcut, state=state)
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_input_bytes)
    app.add_middleware(AccessLogMiddleware)
    return app


def _add_web(app: FastAPI) -> None:
    from sanctionwatch.web.views import STATIC_DIR, router

    app.include_router(router)
    app.add_api_route("/", _home, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


def _home() -> RedirectResponse:
    return RedirectResponse("/ui/")


def make_app() -> FastAPI:
    """The app over the configured store (uvicorn factory for ``sanctionwatch serve``)."""
    from sanctionwatch.logs import configure_logging

    settings = get_settings()
    configure_logging(logging.INFO, json_lines=settings.log_json)
    return create_app(settings)
