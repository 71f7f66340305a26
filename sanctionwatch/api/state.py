"""What every request needs: settings, the list store, the findings store, keys, the matcher.

One :class:`AppState` lives on ``app.state.sw``. The matcher is built on first use (and then
cached by :func:`sanctionwatch.match.get_matcher`), so the server starts at once even with
large lists loaded. FastAPI dependencies here resolve the state and the caller's identity.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request

from sanctionwatch.api.auth import COOKIE, KeyRing, authenticate, presented_key
from sanctionwatch.api.errors import APIError
from sanctionwatch.api.yente import entity_response
from sanctionwatch.settings import Settings
from sanctionwatch.store.base import Store
from sanctionwatch.store.findings import FindingsStore

if TYPE_CHECKING:
    from sanctionwatch.match import Matcher, Result

ANONYMOUS = "anonymous"
REFRESH_S = 5.0
MAX_CACHED_ENTITIES = 200_000


@dataclass
class AppState:
    settings: Settings
    store: Store
    findings: FindingsStore
    keys: KeyRing
    started: float = field(default_factory=time.time)
    _matcher: Matcher | None = None
    _checked: float = 0.0
    _datasets: list[str] | None = None
    _datasets_checked: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _entities: dict[str, dict[str, Any]] = field(default_factory=dict)

    def matcher(self) -> Matcher:
        """The screening matcher over the newest version of each loaded list.

        Rechecked at most every ``REFRESH_S`` seconds, so lists loaded while the server runs
        are screened soon after without a restart (the matcher rebuilds only on a change).
        """
        now = time.monotonic()
        if self._matcher is None or now - self._checked > REFRESH_S:
            with self._lock:
                if self._matcher is None or now - self._checked > REFRESH_S:
                    from sanctionwatch.match import get_matcher

                    matcher = get_matcher(self.store)
                    if matcher is not self._matcher:
                        self._entities = {}  # new list versions: entities may have changed
                    self._matcher = matcher
                    self._checked = now
        return self._matcher

    def entity_fields(self, result: Result) -> dict[str, Any]:
        """The yente fields of a result's entity (id, schema, properties ...), to be copied.

        Parsed once per entity while the matcher stays the same: parsing the stored entity
        costs more per result than anything else the API does with it.
        """
        found = self._entities.get(result.entity_id)
        if found is None:
            if len(self._entities) >= MAX_CACHED_ENTITIES:
                self._entities = {}
            found = self._entities[result.entity_id] = entity_response(result.entity)
        return found

    def datasets(self) -> list[str]:
        """The loaded datasets (newest versions), rechecked as often as the matcher."""
        now = time.monotonic()
        if self._datasets is None or now - self._datasets_checked > REFRESH_S:
            self._datasets = sorted(v.dataset for v in self.store.latest_versions())
            self._datasets_checked = now
        return list(self._datasets)

    @property
    def matcher_ready(self) -> bool:
        return self._matcher is not None


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.sw
    return state


def reader(request: Request) -> str:
    """Who reads: the key's name; anonymous on an open install (``require_key`` off)."""
    state = get_state(request)
    if state.settings.require_key:
        return authenticate(request, state.keys, allow_cookie=True)
    key = presented_key(request, allow_cookie=False)
    if key is None:
        # A stale web cookie on an open install reads anonymously rather than failing.
        cookie = request.cookies.get(COOKIE)
        return (state.keys.identify(cookie) if cookie else None) or ANONYMOUS
    name = state.keys.identify(key)
    if name is None:
        raise APIError(401, "The API key is not valid", error="invalid_api_key")
    return name


def reviewer(request: Request) -> str:
    """Who reviews: always a key, sent in a header (never a cookie)."""
    return authenticate(request, get_state(request).keys, allow_cookie=False)


# The dependencies are coroutines although they do no I/O: FastAPI runs a plain function
# dependency in a worker thread, and three thread hops cost more than screening a name.


async def state_dependency(request: Request) -> AppState:
    return get_state(request)


async def reader_dependency(request: Request) -> str:
    return reader(request)


async def reviewer_dependency(request: Request) -> str:
    return reviewer(request)


StateDep = Annotated[AppState, Depends(state_dependency)]
Reader = Annotated[str, Depends(reader_dependency)]
Reviewer = Annotated[str, Depends(reviewer_dependency)]
