"""The pipeline is built from its config: registered, versioned components in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.exc import ConfigError
from sanctionwatch.extract.doc import Doc
from sanctionwatch.extract.pipeline import DEFAULT_CONFIG, build_pipeline, load_config
from sanctionwatch.extract.registry import COMPONENTS, get_component


def test_default_config_names_registered_versioned_components() -> None:
    pipeline = build_pipeline()
    assert pipeline.component_names == load_config(DEFAULT_CONFIG)["components"]
    for name in pipeline.component_names:
        assert name.rsplit(".", 1)[1].startswith("v") and name in COMPONENTS


def test_a_custom_config_builds_a_shorter_pipeline(tmp_path: Path) -> None:
    config = tmp_path / "p.yml"
    config.write_text("name: dates-only\ncomponents: [tokenizer.v1, dates.v1]\n")
    pipeline = build_pipeline(config)
    doc = pipeline(Doc("Shipped on 2024-02-18."))
    assert pipeline.name == "dates-only"
    assert [m.data["value"] for m in doc.mentions] == ["2024-02-18"]
    assert doc.events == []


def test_unknown_component_is_a_config_error_listing_the_known_ones(tmp_path: Path) -> None:
    config = tmp_path / "bad.yml"
    config.write_text("components: [tokenizer.v1, magic.v9]\n")
    with pytest.raises(ConfigError, match=r"magic\.v9.*known: .*tokenizer\.v1"):
        build_pipeline(config)


def test_malformed_config_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.yml"
    config.write_text("components: tokenizer.v1\n")
    with pytest.raises(ConfigError, match="must be a list"):
        build_pipeline(config)
    with pytest.raises(ConfigError, match="Unknown extraction component"):
        get_component("nothing.v1")
