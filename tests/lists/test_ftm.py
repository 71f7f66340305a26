"""FollowTheMoney JSON lines: the OpenSanctions test cluster, a round trip, hostile lines."""

from __future__ import annotations

import io
import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.exc import ParseError
from sanctionwatch.lists.ftm import FORMAT, write_ftm
from sanctionwatch.model.entity import Entity
from tests.lists.helpers import parse_bytes, parse_with

parse_file = partial(parse_with, FORMAT)


@pytest.fixture(scope="module")
def zala_path(lists_dir: Path) -> Path:
    return lists_dir / "opensanctions" / "yente_zala_fixture" / "entities.ftm.json"


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_counts(zala_path: Path) -> None:
    ctx = parse_file(zala_path)
    assert ctx.entries == 91
    assert ctx.by_schema == {
        "Address": 11,
        "Company": 11,
        "Directorship": 3,
        "Family": 4,
        "Ownership": 14,
        "Passport": 1,
        "Person": 6,
        "Sanction": 41,
    }
    assert ctx.issues == []
    assert all(e.dataset == "opensanctions" for e in ctx.entities.values())


def test_keeps_own_ids_and_dataset_given(zala_path: Path) -> None:
    ctx = parse_file(zala_path, dataset="os_zala")
    person = ctx.entities["NK-2Tbri3s6GgNtAwsSXh4qpL"]
    assert person.schema == "Person"
    assert person.dataset == "os_zala"
    assert "Мария Александровна Осетрова" in person.get("name")
    assert person.get("birthDate") == ["1988-01-07"]
    assert person.get("innCode") == ["183116181362"]


def test_round_trip(zala_path: Path, tmp_path: Path) -> None:
    ctx = parse_file(zala_path)
    out = io.StringIO()
    assert write_ftm(ctx.entities.values(), out) == 91
    written = {d["id"]: d for d in map(json.loads, out.getvalue().splitlines())}
    for original in read_lines(zala_path):
        again = written[original["id"]]
        assert again["schema"] == original["schema"]
        assert again["properties"] == original["properties"]
    # and what we write reads back as the same entities
    path = tmp_path / "out.ftm.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert parse_file(path).entities == ctx.entities


def test_sniff(zala_path: Path, tmp_path: Path) -> None:
    assert FORMAT.sniff(zala_path.read_bytes()[:4096], zala_path)
    assert FORMAT.sniff(b'\n  {"id": "x", "schema": "Person"}\n', tmp_path / "a.json")
    assert not FORMAT.sniff(b'{"id": "r1", "giver": "Acme"}\n', tmp_path / "a.json")
    assert not FORMAT.sniff(b"<CONSOLIDATED_LIST>", tmp_path / "a.xml")


def write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "in.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = '{"id": "p1", "schema": "Person", "properties": {"name": ["Pak Song Chol"]}}'


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"id": "p2", "schema": "Person", "properties": {', "not valid JSON"),
        ('["p2", "Person"]', "JSON list, not an object"),
        ('{"id": "p2", "schema": "Spaceship", "properties": {}}', "unknown FollowTheMoney"),
        ('{"schema": "Person", "properties": {}}', "no usable id"),
        ('{"id": "p2", "schema": "Person", "properties": ["x"]}', '"properties" is not'),
    ],
)
def test_bad_line_names_the_line(tmp_path: Path, bad: str, message: str) -> None:
    path = write_lines(tmp_path, GOOD, "", bad)
    with pytest.raises(ParseError, match=message) as err:
        parse_file(path)
    assert err.value.detail["line"] == 3
    assert err.value.detail["path"] == str(path)


def test_deep_nesting(tmp_path: Path) -> None:
    path = write_lines(tmp_path, GOOD, "[" * 100_000 + "]" * 100_000)
    with pytest.raises(ParseError, match="nested too deeply") as err:
        parse_file(path)
    assert err.value.detail["line"] == 2


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(GOOD.encode() + b'\n{"id": "\xe9", "schema": "Person"}\n')
    with pytest.raises(ParseError, match="not UTF-8") as err:
        parse_file(path)
    assert err.value.detail["line"] == 2


def test_recoverable_problems_are_issues(tmp_path: Path) -> None:
    line = json.dumps(
        {
            "id": "c1",
            "schema": "Company",
            "properties": {
                "name": ["Example Trading"],
                "birthDate": ["1990"],
                "country": "kp",
                "imoNumber": [9179127],
                "notes": {"a": 1},
            },
        }
    )
    ctx = parse_file(write_lines(tmp_path, line))
    company = ctx.entities["c1"]
    assert company.properties == {"name": ["Example Trading"], "country": ["kp"]}
    assert {(i.record, i.message, i.value) for i in ctx.issues} == {
        ("c1", "Property 'birthDate' is not in schema Company", "['1990']"),
        ("c1", "Value of 'imoNumber' is not text", "9179127"),
        ("c1", "Values of 'notes' are not a list", "{'a': 1}"),
    }


def test_write_ftm_of_parsed_list_entity() -> None:
    entity = Entity("un_sc-KPi.033", "Person", "un_sc", "KPi.033")
    entity.add("name", "RI WON HO")
    entity.add("birthDate", "1964-07-17", original="EXACT 1964-07-17")
    out = io.StringIO()
    write_ftm([entity], out)
    assert json.loads(out.getvalue()) == {
        "id": "un_sc-KPi.033",
        "schema": "Person",
        "caption": "RI WON HO",
        "datasets": ["un_sc"],
        "properties": {"name": ["RI WON HO"], "birthDate": ["1964-07-17"]},
    }


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(
            st.dictionaries(
                st.sampled_from(["id", "schema", "properties"]),
                st.one_of(
                    st.text(max_size=10),
                    st.sampled_from(["Person", "Sanction"]),
                    st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=8))),
                ),
            ),
            max_size=4,
        ).map(lambda ds: "\n".join(json.dumps(d) for d in ds).encode()),
    )
)
def test_any_input_parses_or_raises_parse_error(data: bytes) -> None:
    ctx = parse_bytes(FORMAT, data, "in.json", "x")
    if ctx is not None:
        assert ctx.entries >= len(ctx.entities)
