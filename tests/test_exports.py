"""The public API: every name in ``sanctionwatch.__all__`` resolves, and nothing else leaks."""

from __future__ import annotations

import importlib

import pytest

import sanctionwatch


@pytest.mark.parametrize("name", sanctionwatch.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(sanctionwatch, name) is not None


def test_exports_come_from_their_modules() -> None:
    from sanctionwatch.extract import analyze_text
    from sanctionwatch.match import get_matcher

    assert sanctionwatch.analyze_text is analyze_text
    assert sanctionwatch.get_matcher is get_matcher


def test_all_lists_exactly_the_lazy_exports() -> None:
    assert set(sanctionwatch.__all__) == {"__version__", *sanctionwatch._EXPORTS}


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = sanctionwatch.nothing_here  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "package",
    [
        "sanctionwatch.match",
        "sanctionwatch.goods",
        "sanctionwatch.regimes",
        "sanctionwatch.extract",
        "sanctionwatch.model",
        "sanctionwatch.store",
    ],
)
def test_subpackage_all_is_accurate(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        assert hasattr(module, name), f"{package}.{name}"
