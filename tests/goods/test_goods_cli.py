from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli import app

runner = CliRunner()


def test_goods_classify_json(home: Path) -> None:
    result = runner.invoke(app, ["goods", "classify", "Aurus Senat limousine", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["candidates"][0]["hs"] == "8703"
    assert "luxury_goods" in data["categories"] and data["vague"] is False


def test_goods_classify_vague_text(home: Path) -> None:
    result = runner.invoke(app, ["goods", "classify", "some equipment"])
    assert result.exit_code == 0, result.output
    assert "Vague" in result.stdout


def test_goods_lookup(home: Path, with_hs: Path) -> None:
    result = runner.invoke(app, ["goods", "lookup", "8703.23", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["hs"] == "870323" and "vehicles" in data["categories"]


def test_goods_lookup_bad_code(home: Path) -> None:
    result = runner.invoke(app, ["goods", "lookup", "cars"])
    assert result.exit_code == 1 and "not an HS code" in result.output
