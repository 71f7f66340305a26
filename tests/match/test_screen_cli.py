"""``sanctionwatch screen``: one name, or a batch file, as text or JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli import app
from sanctionwatch.model.entity import Entity
from sanctionwatch.store import open_store
from sanctionwatch.store.base import NewVersion

runner = CliRunner()


def person(source_id: str, name: str, birth: str) -> Entity:
    entity = Entity(f"test-{source_id}", "Person", "test", source_id)
    entity.add("name", name)
    entity.add("birthDate", birth)
    return entity


def load_small(home: Path) -> None:
    store = open_store()
    entities = [person("1", "KIM, Jong Un", "1984-01-08"), person("2", "RI WON HO", "1964")]
    store.add_version(NewVersion("test", "2024-01-01", "t", "c" * 64, "t", 2, entities))
    store.close()


def test_screen_json(home: Path) -> None:
    load_small(home)
    result = runner.invoke(app, ["screen", "김정은", "--birth-date", "1984", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == {"name": "김정은", "birth_date": "1984"}
    top = data["results"][0]
    assert set(top) == {
        "entity_id",
        "dataset",
        "schema",
        "caption",
        "score",
        "match",
        "explanation",
    }
    assert top["entity_id"] == "test-1" and top["match"] is True
    assert "gim~kim" in top["explanation"]


def test_screen_text_with_explanations(home: Path) -> None:
    load_small(home)
    result = runner.invoke(app, ["screen", "Ri Won-ho", "--explain", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "test-2" in result.stdout and "MATCH" in result.stdout
    assert "won=won" in result.stdout


def test_screen_rejects_bad_input(home: Path) -> None:
    load_small(home)
    result = runner.invoke(app, ["screen", "Kim", "--birth-date", "last year"])
    assert result.exit_code == 1
    assert "ISO date" in result.output
    assert runner.invoke(app, ["screen", "Kim", "--format", "xml"]).exit_code == 1


def test_screen_empty_store_says_so(home: Path) -> None:
    result = runner.invoke(app, ["screen", "Kim Jong Un", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"] == []
    assert "No lists are loaded" in result.output


def test_batch_jsonl_keeps_order_and_reports_bad_rows(home: Path, tmp_path: Path) -> None:
    load_small(home)
    batch = tmp_path / "parties.jsonl"
    rows = [
        {"id": "a", "name": "Kim Jong-un"},
        {"id": "b", "name": ""},
        "not json",
        {"id": "d", "name": "Ri Won Ho", "country": "Korea"},
        {"id": "e", "name": "Ri Won Ho", "identifiers": ["X1"]},
    ]
    batch.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["screen", "--batch", str(batch), "--output", str(out), "--processes", "1"]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["query"].get("id") for line in lines] == ["a", "b", None, "d", "e"]
    assert lines[0]["results"][0]["entity_id"] == "test-1"
    assert "name" in lines[1]["error"] and "line 3" in lines[2]["error"]
    assert "alpha-2" in lines[3]["error"]
    assert lines[4]["results"][0]["entity_id"] == "test-2"
    assert "3 of 5 rows could not be screened" in result.output


def test_batch_csv_to_csv(home: Path, tmp_path: Path) -> None:
    load_small(home)
    batch = tmp_path / "parties.csv"
    batch.write_text("id,name,birth_date,identifiers\n1,Kim Jong Un,1984,\n2,Ri Won Ho,,A1;B2\n")
    out = tmp_path / "out.csv"
    result = runner.invoke(
        app, ["screen", "--batch", str(batch), "--output", str(out), "--limit", "1"]
    )
    assert result.exit_code == 0, result.output
    with out.open(newline="") as fh:
        written = list(csv.DictReader(fh))
    assert [(r["id"], r["entity_id"], r["match"]) for r in written] == [
        ("1", "test-1", "True"),
        ("2", "test-2", "True"),
    ]


def test_batch_csv_needs_a_name_column(home: Path, tmp_path: Path) -> None:
    load_small(home)
    batch = tmp_path / "bad.csv"
    batch.write_text("who,when\nKim,1984\n")
    result = runner.invoke(app, ["screen", "--batch", str(batch)])
    assert result.exit_code == 1 and "'name' column" in result.output
