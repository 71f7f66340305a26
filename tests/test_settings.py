"""Every setting has help text and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.settings import Settings, get_settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_setting_is_documented(name: str) -> None:
    field = Settings.model_fields[name]
    assert field.description, f"setting {name} has no description"
    assert f"SANCTIONWATCH_{name.upper()}" in README


def test_environment_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONWATCH_HOME", str(tmp_path))
    monkeypatch.setenv("SANCTIONWATCH_MATCH_THRESHOLD", "0.8")
    get_settings.cache_clear()
    try:
        settings = get_settings()
        assert settings.home == tmp_path
        assert settings.store_path == tmp_path / "store.db"
        assert settings.match_threshold == 0.8
    finally:
        get_settings.cache_clear()


def test_bad_setting_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONWATCH_MATCH_THRESHOLD", "2")
    with pytest.raises(ValueError, match="less than or equal to 1"):
        Settings()
