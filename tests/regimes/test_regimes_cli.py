from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli import app
from sanctionwatch.regimes import load_rulebook

runner = CliRunner()


def test_regimes_list_json_has_every_rule(home: Path) -> None:
    result = runner.invoke(app, ["regimes", "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["id"] for r in data] == [r.id for r in load_rulebook().rules]
    assert all(r["instrument"] and r["provision"] for r in data)


def test_regimes_list_one_regime(home: Path) -> None:
    result = runner.invoke(app, ["regimes", "list", "--regime", "eu_ru", "--format", "json"])
    assert [r["id"] for r in json.loads(result.stdout)] == ["eu-ru-luxury"]
    missing = runner.invoke(app, ["regimes", "list", "--regime", "xx"])
    assert missing.exit_code == 1 and "known regimes" in missing.output


def test_regimes_show(home: Path) -> None:
    result = runner.invoke(app, ["regimes", "show", "un-kp-2397-supply"])
    assert result.exit_code == 0, result.output
    assert "UNSCR 2397 (2017) para 7" in result.stdout
    assert "unverified" in result.stdout and "HS 86-89" in result.stdout
    missing = runner.invoke(app, ["regimes", "show", "nope"])
    assert missing.exit_code == 1 and "No rule" in missing.output
