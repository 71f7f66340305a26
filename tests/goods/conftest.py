"""Fixtures for the goods tests: the classifier with and without the HS nomenclature."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionwatch.goods.classify import _classify
from sanctionwatch.settings import get_settings


def _clear() -> None:
    get_settings.cache_clear()
    _classify.cache_clear()


@pytest.fixture()
def without_hs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An installed-package situation: the HS folder does not exist."""
    monkeypatch.setenv("SANCTIONWATCH_HS_DIR", str(tmp_path / "no-hs"))
    _clear()
    yield tmp_path / "no-hs"
    _clear()


@pytest.fixture()
def with_hs(hs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The real HS nomenclature, read in place."""
    monkeypatch.setenv("SANCTIONWATCH_HS_DIR", str(hs_dir))
    _clear()
    yield hs_dir
    _clear()


@pytest.fixture(params=["lexicon-only", "nomenclature"])
def hs_mode(request: pytest.FixtureRequest) -> str:
    """Run a test once without the nomenclature and once with it."""
    request.getfixturevalue("without_hs" if request.param == "lexicon-only" else "with_hs")
    return str(request.param)
