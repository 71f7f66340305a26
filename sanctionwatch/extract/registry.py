"""The registry of extraction components, by versioned name.

A component is a callable ``Doc -> Doc``. Registering under a versioned name
(``"tokenizer.v1"``) keeps old pipelines reproducible when a component changes: the new
behaviour gets a new name and the config chooses. Built-in components register themselves
when :mod:`sanctionwatch.extract.components` is imported, exactly as a plugin would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sanctionwatch.exc import ConfigError
from sanctionwatch.extract.doc import Doc

Component = Callable[[Doc], Doc]
F = TypeVar("F", bound=Component)

COMPONENTS: dict[str, Component] = {}


def register(name: str) -> Callable[[F], F]:
    """Decorator: register a component under ``name`` (e.g. ``"dates.v1"``)."""

    def wrap(func: F) -> F:
        if name in COMPONENTS and COMPONENTS[name] is not func:
            raise ConfigError(f"Extraction component {name!r} is registered twice", name=name)
        COMPONENTS[name] = func
        return func

    return wrap


def get_component(name: str) -> Component:
    """Look a component up by name; the error lists the known names."""
    import sanctionwatch.extract.components  # noqa: F401  (registers the built-ins)

    try:
        return COMPONENTS[name]
    except KeyError:
        known = ", ".join(sorted(COMPONENTS))
        raise ConfigError(
            f"Unknown extraction component {name!r} (known: {known})", name=name
        ) from None
