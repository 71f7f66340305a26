"""The ``lists`` commands end to end on the real files, in a fresh data home."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli import app

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_load_status_diff_export(home: Path, lists_dir: Path) -> None:
    out = run("lists", "load", str(lists_dir / "un" / "consolidated_2024-05-15.xml"))
    assert "un_sc" in out and "875 entries" in out
    run("lists", "load", str(lists_dir / "un" / "consolidated.xml"))
    run("lists", "load", str(lists_dir / "opensanctions"))
    status = json.loads(run("lists", "status", "--format", "json"))
    by_ds = {row["dataset"]: row for row in status}
    assert by_ds["un_sc"]["entries"] == 1003 and by_ds["un_sc"]["published"] == "2026-02-27"
    assert by_ds["opensanctions"]["entries"] == 91
    assert set(by_ds["un_sc"]) >= {"dataset", "published", "entries", "loaded_at", "by_schema"}
    diff = json.loads(run("lists", "diff", "un_sc", "--format", "json"))
    assert diff["counts"]["added"] > 0
    lines = run("lists", "export", "--format", "ftm").splitlines()
    assert len(lines) == 1003 + 91
    first = json.loads(lines[0])
    assert {"id", "schema", "properties"} <= set(first)
    assert (home / "store.db").exists()


def test_errors_are_one_line_without_traceback(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>")
    result = runner.invoke(app, ["lists", "load", str(bad)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["lists", "diff", "un_sc"])
    assert result.exit_code != 0
