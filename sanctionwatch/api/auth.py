"""API keys: named, stored only as SHA-256 hashes, checked in constant time.

Keys are configured as ``name:sha256hex`` pairs separated by commas in
``settings.api_keys`` (``SANCTIONWATCH_API_KEYS``); ``sanctionwatch keys add NAME`` makes a
key and prints the line to add. The name is who the audit trail says acted.

Review actions always need a key. Reading findings, screening and analysis need one only when
``settings.require_key`` is true. Clients send the key as ``X-API-Key: <key>`` or
``Authorization: Bearer <key>`` (``ApiKey <key>`` as yente clients do). The web UI may also
hold it in the ``sw_key`` cookie, accepted for reading only, never for review actions, so a
forged cross-site request cannot act in an analyst's name.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from fastapi import Request

from sanctionwatch.api.errors import APIError
from sanctionwatch.exc import ConfigError

COOKIE = "sw_key"
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
_HEX = re.compile(r"^[0-9a-f]{64}$")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def make_key() -> str:
    """A new random key (256 bits, URL-safe)."""
    return "sw_" + secrets.token_urlsafe(32)


def check_key_name(name: str) -> str:
    if not _NAME.match(name):
        raise ConfigError(
            f"Invalid API key name {name!r}: use 1-64 letters, digits, '_', '.', '@' or '-'",
            field="name",
        )
    return name


@dataclass(frozen=True, slots=True)
class KeyRing:
    """The configured keys: SHA-256 hex digest -> key name."""

    hashes: dict[str, str]

    @classmethod
    def parse(cls, config: str | None) -> KeyRing:
        """Read ``name:sha256hex,name2:sha256hex``; a malformed entry is a config error."""
        hashes: dict[str, str] = {}
        for n, item in enumerate(p.strip() for p in (config or "").split(",")):
            if not item:
                continue
            name, _, digest = item.partition(":")
            digest = digest.strip().lower()
            if not _HEX.match(digest):
                raise ConfigError(
                    f"api_keys entry {n + 1} ({name.strip()!r}) is not 'name:sha256hex'",
                    expected="a name, a colon and 64 hex digits",
                )
            hashes[digest] = check_key_name(name.strip())
        return cls(hashes)

    def identify(self, key: str) -> str | None:
        """The name of the key, or None; compares every hash in constant time."""
        digest = hash_key(key)
        found = None
        for known, name in self.hashes.items():
            if hmac.compare_digest(known, digest):
                found = name
        return found


def presented_key(request: Request, allow_cookie: bool) -> str | None:
    key = request.headers.get("x-api-key")
    if not key:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() in ("bearer", "apikey") and value.strip():
            key = value.strip()
    if not key and allow_cookie:
        key = request.cookies.get(COOKIE)
    return key or None


def authenticate(request: Request, keys: KeyRing, allow_cookie: bool) -> str:
    """The name of the key the request carries; 401/403 errors when there is none."""
    if not keys.hashes:
        raise APIError(
            403,
            "No API keys are configured on this server; add one with "
            "`sanctionwatch keys add NAME` and set SANCTIONWATCH_API_KEYS",
            error="no_api_keys",
        )
    key = presented_key(request, allow_cookie)
    challenge = {"WWW-Authenticate": "Bearer"}
    if key is None:
        raise APIError(
            401,
            "This action needs an API key: send it as 'X-API-Key: <key>' or "
            "'Authorization: Bearer <key>'",
            error="missing_api_key",
            headers=challenge,
        )
    name = keys.identify(key)
    if name is None:
        raise APIError(401, "The API key is not valid", error="invalid_api_key", headers=challenge)
    return name
