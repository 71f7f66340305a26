"""Stores: the interface and the embedded SQLite implementation."""

from __future__ import annotations

from sanctionwatch.settings import Settings, get_settings
from sanctionwatch.store.base import NewVersion, Store, Version
from sanctionwatch.store.sqlite import SQLiteStore

__all__ = ["NewVersion", "SQLiteStore", "Store", "Version", "open_store"]


def open_store(settings: Settings | None = None) -> SQLiteStore:
    """Open the store the settings point at (creating the data home if needed)."""
    settings = settings or get_settings()
    return SQLiteStore(settings.store_path)
