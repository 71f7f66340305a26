"""Build the extraction pipeline from its config (``data/pipeline.yml``) and run it.

The config names the components in order; :func:`get_pipeline` builds it once per process,
because the gazetteers behind the components are compiled on first use and cached.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.exc import ConfigError
from sanctionwatch.extract.doc import Doc
from sanctionwatch.extract.registry import Component, get_component

log = logging.getLogger(__name__)

DEFAULT_CONFIG = Path(__file__).parent / "data" / "pipeline.yml"


class Pipeline:
    """An ordered list of named components; calling it runs them over a Doc."""

    def __init__(self, name: str, steps: list[tuple[str, Component]]) -> None:
        self.name = name
        self.steps = steps

    @property
    def component_names(self) -> list[str]:
        return [name for name, _ in self.steps]

    def __call__(self, doc: Doc) -> Doc:
        for _name, component in self.steps:
            doc = component(doc)
        return doc


def load_config(path: Path) -> dict[str, Any]:
    """Read and check a pipeline config: a ``name`` and a list of ``components``."""
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Cannot read pipeline config {path}: {exc}", path=str(path)) from exc
    comps = data.get("components") if isinstance(data, dict) else None
    if not isinstance(comps, list) or not all(isinstance(c, str) for c in comps):
        raise ConfigError(f"{path}: 'components' must be a list of component names", path=str(path))
    return dict(data)


def build_pipeline(path: Path | None = None) -> Pipeline:
    """Build a pipeline from a config file (the default one when ``path`` is None)."""
    config = load_config(path or DEFAULT_CONFIG)
    steps = [(name, get_component(name)) for name in config["components"]]
    return Pipeline(str(config.get("name", "custom")), steps)


@lru_cache(maxsize=4)
def get_pipeline(path: Path | None = None) -> Pipeline:
    """The pipeline of a config, built once per process."""
    return build_pipeline(path)
