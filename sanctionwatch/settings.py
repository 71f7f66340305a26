"""One Settings object, read from ``SANCTIONWATCH_*`` environment variables.

The default data directory is the platform's user data directory
(``~/.local/share/sanctionwatch`` on Linux); ``SANCTIONWATCH_HOME`` overrides it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_home() -> Path:
    return Path(platformdirs.user_data_dir("sanctionwatch", appauthor=False))


class Settings(BaseSettings):
    """Settings of sanctionwatch; every field is documented in the README."""

    model_config = SettingsConfigDict(env_prefix="SANCTIONWATCH_", extra="ignore")

    home: Path = Field(
        default_factory=_default_home,
        description="Data directory holding the store and the match index.",
    )
    database_url: str | None = Field(
        default=None,
        description="Store location, e.g. sqlite:////path/to/store.db. Defaults to HOME/store.db.",
    )
    lists_dir: Path | None = Field(
        default=None,
        description="Folder of official list files used by tests and `lists load` examples.",
    )
    hs_dir: Path | None = Field(
        default=None,
        description="Folder of the HS nomenclature (harmonized-system.csv).",
    )
    match_threshold: float = Field(
        default=0.7,
        ge=0.0,
        le=1.0,
        description="Score at or above which a screening result counts as a match.",
    )
    match_algorithm: str = Field(
        default="sw-v1",
        description="Name of the default screening algorithm.",
    )
    match_limit: int = Field(default=10, ge=1, description="Default number of screening results.")
    max_input_bytes: int = Field(
        default=50 * 1024 * 1024,
        ge=1024,
        description="Largest document, record file or request body accepted, in bytes.",
    )
    http_timeout: float = Field(
        default=60.0, gt=0, description="Timeout in seconds for downloads of official lists."
    )
    api_keys: str | None = Field(
        default=None,
        description="API keys as 'name:sha256hex' pairs separated by commas (see `serve --help`).",
    )
    require_key: bool = Field(
        default=False,
        description="When true, reading, screening and analysis also need an API key.",
    )
    log_json: bool = Field(default=False, description="Write logs as JSON lines.")

    @property
    def store_path(self) -> Path:
        if self.database_url and self.database_url.startswith("sqlite:///"):
            return Path(self.database_url.removeprefix("sqlite:///"))
        return self.home / "store.db"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once. Tests call ``get_settings.cache_clear()``."""
    return Settings()
