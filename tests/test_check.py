"""Structured records: parsing, bad rows in place, and the check command on single and batch."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from sanctionwatch.check import check_one, check_rows, parse_record, read_records
from sanctionwatch.cli import app
from sanctionwatch.exc import InputError, ParseError

AURUS = {
    "id": "aurus",
    "giver": "Russian Federation",
    "giver_country": "RU",
    "recipient": "Kim Jong Un",
    "recipient_country": "KP",
    "goods": "Aurus Senat limousine",
    "date": "2024-02-18",
}


def test_parse_record_fields() -> None:
    event = parse_record(
        {"goods": "Rolex", "hs": "9101; 9102", "value": "20,000", "currency": "eur",
         "quantity": "2", "giver_country": "Germany", "recipient_country": "ru",
         "via": "Latvia;LT", "imo": "IMO 9179127", "vessel": "Sample", "date": "2023-05"},
        7,
    )  # fmt: skip
    assert event.id == "record-7"
    assert event.goods[0].hs == ["9101", "9102"]
    assert (event.goods[0].value, event.goods[0].currency, event.goods[0].quantity) == (
        20000.0, "EUR", 2.0,
    )  # fmt: skip
    assert event.giver is not None and event.giver.country == "DE"
    assert event.recipient is not None and event.recipient.country == "RU"
    assert event.via == ["LV", "LT"] and event.imo == "9179127" and event.date == "2023-05"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"goods": "coal", "date": "18/02/2024"}, "date"),
        ({"goods": "coal", "date": "2024-02-30"}, "date"),
        ({"goods": "coal", "value": "a lot"}, "value"),
        ({"goods": "coal", "value": "-5"}, "value"),
        ({"goods": "coal", "currency": "euros"}, "currency"),
        ({"goods": "coal", "hs": "27x1"}, "hs"),
        ({"goods": "coal", "origin": "Narnia"}, "origin"),
        ({"goods": "coal", "imo": "12345"}, "imo"),
        ({"goods": "coal", "colour": "black"}, "colour"),
        ({"goods": "coal", "transfer_mode": "by air"}, "transfer_mode"),
        ({"goods": "coal", "exemptions": "friendship"}, "exemptions"),
        ({"goods": "coal", "status": "rumoured"}, "status"),
        ({"date": "2024-01-01"}, "goods or a party"),
        ({"value": "10"}, "value"),
    ],
)
def test_bad_records_say_which_field(record: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_record(record, 1)


@given(
    st.dictionaries(
        st.sampled_from(["goods", "value", "date", "origin", "hs", "imo"]), st.text(max_size=12)
    )
)
def test_any_record_gives_an_event_or_an_input_error(record: dict[str, str]) -> None:
    try:
        parse_record(record, 1)
    except InputError:
        pass


def test_check_one_reference_case() -> None:
    result = check_one(AURUS)
    assert result["id"] == "aurus"
    [finding] = result["findings"]
    assert finding["verdict"] == "violation"
    cited = {(r["instrument"], r["provision"]) for r in finding["rules"]}
    assert {("UNSCR 1718 (2006)", "para 8(a)(iii)"), ("UNSCR 2397 (2017)", "para 7")} <= cited
    assert result["events"][0]["goods"][0]["hs"] == ["8703"]
    assert finding["event"] == "aurus"


def test_record_status_and_transfer_mode_reach_the_verdict() -> None:
    sts = {"giver_country": "CN", "recipient_country": "KP", "goods": "diesel",
           "date": "2019-03-02", "vessel": "Sample Star", "transfer_mode": "STS"}  # fmt: skip
    result = check_one(sts)
    assert result["events"][0]["transfer_mode"] == "ship-to-ship"
    cited = {(r["provision"], r["certainty"]) for r in result["findings"][0]["rules"]}
    assert ("para 11", "violation") in cited
    denied = check_one({**AURUS, "status": "negated"})["findings"][0]
    assert denied["verdict"] == "none" and denied["rules"]
    assert {r["certainty"] for r in denied["rules"]} == {"none"}
    hedged = check_one({**AURUS, "status": "reported"})["findings"][0]
    assert hedged["verdict"] == "possible"


def test_an_exemption_the_record_names_clears_the_rules_that_list_it() -> None:
    parts = {"giver_country": "RU", "recipient_country": "KP", "date": "2018-05-01",
             "goods": "aircraft engine", "hs": "8411"}  # fmt: skip
    plain = check_one(parts)["findings"][0]
    assert plain["verdict"] == "violation"
    exempt = check_one({**parts, "exemptions": ["aircraft-parts"]})
    assert exempt["events"][0]["exemptions"] == ["aircraft-parts"]
    finding = exempt["findings"][0]
    assert finding["verdict"] == "none"
    para7 = next(r for r in finding["rules"] if r["provision"] == "para 7")
    assert para7["certainty"] == "none" and para7["why"].startswith("Exempt:")


def test_batch_keeps_order_and_reports_bad_rows_in_place() -> None:
    lines = [
        json.dumps(AURUS),
        "{not json",
        json.dumps({"id": "x", "goods": "coal", "date": "yesterday"}),
        "[1, 2]",
        json.dumps(
            {
                **AURUS,
                "id": "de-fr",
                "giver_country": "DE",
                "recipient_country": "FR",
                "giver": "A",
                "recipient": "B",
            }
        ),
    ]
    rows = list(read_records(io.StringIO("\n".join(lines)), "batch.jsonl"))
    out = list(check_rows(rows))
    assert [o["id"] for o in out] == ["aurus", "line-2", "x", "line-4", "de-fr"]
    assert "error" in out[1] and "line 2" in out[1]["error"]
    assert "date" in out[2]["error"]
    assert out[4]["findings"][0]["verdict"] == "none"


def test_csv_records() -> None:
    text = (
        "id,giver_country,recipient_country,goods,value,currency,date\n"
        "r1,DE,RU,Rolex,20000,EUR,2023-05-01\n"
        "r2,DE,RU,Rolex,200,EUR,2023-05-01\n"
        "r3,DE,RU,Rolex,lots,EUR,2023-05-01\n"
    )
    out = list(check_rows(read_records(io.StringIO(text), "t.csv")))
    rules = [{r["id"] for r in o["findings"][0]["rules"]} if "findings" in o else None for o in out]
    assert "eu-ru-luxury" in rules[0] and "eu-ru-luxury" not in rules[1]
    assert "value" in out[2]["error"] and "line 4" in out[2]["error"]


def test_csv_with_unknown_columns_is_refused() -> None:
    with pytest.raises(ParseError, match="colour"):
        list(read_records(io.StringIO("goods,colour\ncoal,black\n"), "t.csv"))


# ---------------------------------------------------------------- the command


runner = CliRunner()


def test_cli_single_transfer_json(home: Path) -> None:
    result = runner.invoke(app, [
        "check", "--giver", "Russian Federation", "--giver-country", "RU",
        "--recipient", "Kim Jong Un", "--recipient-country", "KP",
        "--goods", "Aurus Senat limousine", "--date", "2024-02-18", "--format", "json",
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["findings"][0]["verdict"] == "violation"
    assert any(
        r["id"] == "un-kp-2397-supply" and r["verified"] is False
        for r in data["findings"][0]["rules"]
    )


def test_cli_single_transfer_text(home: Path) -> None:
    result = runner.invoke(
        app,
        [
            "check",
            "--giver-country",
            "DE",
            "--recipient-country",
            "FR",
            "--goods",
            "Aurus Senat limousine",
            "--date",
            "2024-02-18",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "none" in result.stdout


def test_cli_bad_single_transfer_fails_cleanly(home: Path) -> None:
    result = runner.invoke(app, ["check", "--goods", "coal", "--date", "Feb 2024"])
    assert result.exit_code == 1
    assert "date" in result.output and "Traceback" not in result.output


def test_cli_batch_file_and_stdin(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(
        json.dumps(AURUS)
        + "\nbroken\n"
        + json.dumps(
            {"goods": "frozen crab", "origin": "KP", "destination": "CN", "date": "2019-01-01"}
        )
        + "\n"
    )
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("error") is None for o in out] == [True, False, True]
    assert out[2]["findings"][0]["verdict"] == "violation"
    piped = runner.invoke(app, ["check", "-", "--format", "json"], input=path.read_text())
    from_stdin = [json.loads(line) for line in piped.stdout.splitlines()]
    assert [o.get("findings") for o in from_stdin] == [o.get("findings") for o in out]


def test_cli_missing_file(home: Path) -> None:
    result = runner.invoke(app, ["check", "/no/such/file.jsonl"])
    assert result.exit_code == 1 and "No such file" in result.output


def test_cli_rate_lets_a_usd_value_meet_a_eur_threshold(home: Path) -> None:
    args = [
        "check",
        "--giver-country",
        "DE",
        "--recipient-country",
        "RU",
        "--goods",
        "Rolex",
        "--value",
        "20000",
        "--currency",
        "USD",
        "--date",
        "2023-05-01",
        "--format",
        "json",
    ]
    unrated = json.loads(runner.invoke(app, args).stdout)
    assert unrated["findings"][0]["verdict"] == "possible"
    rated = json.loads(runner.invoke(app, [*args, "--rate", "USD/EUR=0.9"]).stdout)
    assert rated["findings"][0]["verdict"] == "violation"
    bad = runner.invoke(app, [*args, "--rate", "dollars"])
    assert bad.exit_code == 1 and "USD/EUR=0.92" in bad.output
