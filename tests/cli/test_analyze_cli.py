"""``sanctionwatch analyze`` end to end: formats, batch, and clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli import app

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "aurus-2024-02-20.txt"
runner = CliRunner()


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_json_output_of_the_bundled_example(home: Path) -> None:
    code, out, _ = invoke("analyze", str(EXAMPLE), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["document"]["published"] == "2024-02-20"  # from the sidecar .json
    assert [f["verdict"] for f in data["findings"]][:1] == ["violation"]


def test_text_report_names_the_findings(home: Path) -> None:
    code, out, _ = invoke("analyze", str(EXAMPLE))
    assert code == 0
    assert "Vladimir Putin (RU) -> Kim Jong Un (KP)" in out
    assert "VIOLATION" in out and "UNSCR 2397 (2017) para 7" in out


def test_html_report_is_self_contained_with_highlighted_evidence(
    home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    code, _, _ = invoke("analyze", str(EXAMPLE), "--format", "html", "--output", str(target))
    assert code == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<mark" in page
    assert "<script" not in page and "http" not in page.split("<body>")[1]


def test_stdin_with_published_option(home: Path) -> None:
    text = b"On Sunday a Belarusian firm shipped four tractors to Syria."
    code, out, _ = invoke(
        "analyze", "-", "--published", "2024-02-20", "--format", "json", stdin=text
    )
    assert code == 0
    (event,) = json.loads(out)["events"]
    assert (event["origin"], event["destination"], event["date"]) == ("BY", "SY", "2024-02-18")


def test_batch_folder_gives_one_line_per_document(home: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Minsk sold four tractors to Syria in 2016.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text("Nothing happened here.")
    code, out, err = invoke("analyze", str(tmp_path), "--format", "json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a.txt", "b.txt", "c.txt"]
    assert len(rows[0]["events"]) == 1 and "binary" in rows[1]["error"]
    assert rows[2]["events"] == []
    assert "3 documents, 1 failed" in err


def test_batch_jsonl(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps(
            {"id": "x", "text": "Minsk sold four tractors to Syria.", "published": "2020-01-01"}
        )
        + "\n"
        + json.dumps({"id": "y", "text": ""})
        + "\n"
    )
    code, out, _ = invoke("analyze", str(path), "--format", "json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0]["id"] == "x" and rows[0]["document"]["published"] == "2020-01-01"
    assert rows[1]["id"] == "y" and "empty" in rows[1]["error"]


def test_bad_inputs_fail_with_one_clear_line(home: Path, tmp_path: Path) -> None:
    binary = tmp_path / "scan.bin"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    for path, words in ((binary, "binary"), (empty, "empty"), (tmp_path / "nope.txt", "no such")):
        code, out, err = invoke("analyze", str(path))
        assert code == 1, out
        assert words in err and "Traceback" not in err + out


def test_unknown_format_is_refused(home: Path) -> None:
    code, _, err = invoke("analyze", str(EXAMPLE), "--format", "pdf")
    assert code == 1 and "Unknown --format" in err
