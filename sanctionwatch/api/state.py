"""What every request needs: settings, the list store, the findings store, keys, the matcher.

One :class:`AppState` lives on ``app.state.sw``. The matcher is built on first use (and then
cached by :func:`sanctionwatch.match.get_matcher`), so the server starts at once even with
large lists loaded. FastAPI dependencies here resolve the state and the caller's identity.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from sanctionwatch.api.auth import COOKIE, KeyRing, authenticate, presented_key
from sanctionwatch.api.errors import APIError
from sanctionwatch.settings import Settings
from sanctionwatch.store.base import Store
from sanctionwatch.store.findings import FindingsStore

if TYPE_CHECKING:
    from sanctionwatch.match import Matcher

ANONYMOUS = "anonymous"
REFRESH_S = 5.0


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

                    self._matcher = get_matcher(self.store)
                    self._checked = now
        return self._matcher

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


StateDep = Annotated[AppState, Depends(get_state)]
Reader = Annotated[str, Depends(reader)]
Reviewer = Annotated[str, Depends(reviewer)]
