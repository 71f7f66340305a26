"""OFAC legacy CSV set: the real 2021 files in place, plus small hostile sets written here."""

from __future__ import annotations

import csv
import re
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.exc import FormatError, ParseError
from sanctionwatch.lists import us_ofac_csv
from sanctionwatch.lists.base import Context
from sanctionwatch.lists.registry import get_formats
from tests.lists.helpers import parse_with

E = "-0- "


parse = partial(parse_with, us_ofac_csv.FORMAT)


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return path


def sdn_row(ent: str, name: str, kind: str = "individual", remarks: str = E) -> list[str]:
    return [ent, name, kind, "DPRK3", E, E, E, E, E, E, E, remarks]


def write_set(folder: Path, sdn: list[list[str]], add=(), alt=(), comments=()) -> Path:
    folder.mkdir(exist_ok=True)
    write_csv(folder / "add.csv", list(add))
    write_csv(folder / "alt.csv", list(alt))
    write_csv(folder / "sdn_comments.csv", list(comments))
    return write_csv(folder / "sdn.csv", sdn)


@pytest.fixture(scope="module")
def legacy(lists_dir: Path) -> Context:
    return parse(lists_dir / "ofac" / "legacy_csv_2021-07" / "sdn.csv")


@pytest.mark.slow
def test_real_counts(legacy: Context) -> None:
    assert legacy.entries == 8976
    assert legacy.by_schema == {
        "Airplane": 277, "Organization": 3673, "Person": 4620, "Vessel": 406,
    }  # fmt: skip
    assert legacy.dataset == "us_ofac_sdn"
    assert legacy.published is None
    assert any(i.level == "info" and "publication date" in i.message for i in legacy.issues)
    assert not any("missing from sdn.csv" in i.message for i in legacy.issues)
    assert [i for i in legacy.issues if i.level == "error"] == []
    addresses = sum(len(e.get("address")) for e in legacy.entities.values())
    assert 11000 < addresses <= 13837  # identical lines of one entity are merged


@pytest.mark.slow
def test_real_records(legacy: Context) -> None:
    kim = legacy.entities["us_ofac_sdn-20157"]
    assert kim.first("name") == "KIM, Jong Un"
    assert kim.get("birthDate") == ["1984-01-08"]
    assert kim.get("programId") == ["DPRK3"]
    assert kim.get("country") == ["kp"]
    bank = legacy.entities["us_ofac_sdn-306"]
    assert bank.get("weakAlias") == ["BNC"]
    assert bank.get("alias") == ["NATIONAL BANK OF CUBA"]
    assert len(bank.get("address")) == 4
    vessels = [e for e in legacy.entities.values() if e.get("imoNumber") and e.get("flag")]
    assert len(vessels) > 200
    swan = legacy.entities["us_ofac_sdn-4243"]
    assert swan.get("flag") == ["cy"] and swan.get("previousName") == ["ANA I"]
    assert swan.get("callSign") == ["P3QG3"]
    # sdn_comments.csv continues remarks cut at the column limit
    tian = legacy.entities["us_ofac_sdn-28263"]
    assert "snowsjohn" in tian.get("weakAlias")
    assert tian.get("nationality") == ["cn"]


def test_synthetic_set(tmp_path: Path) -> None:
    remarks = (
        "DOB 15 Apr 1962; alt. DOB 1963; POB Pyongyang, Korea, North; nationality Korea, North; "
        "Passport 836210029 (Korea, North) expires 01 Jan 2030; Gender Male; "
        "a.k.a. 'KIM HAN'; Linked To: KOREA EXPORT BUREAU; Tax ID No. 77"
    )
    ship = [
        "8", "SEA PEARL", "vessel", "DPRK] [SDGT", E, "HMAA7", "Oil Tanker", "2,000", "1500",
        "Korea, North", "Pearl Shipping", "Vessel Registration Identification IMO 8712345.",
    ]  # fmt: skip
    path = write_set(
        tmp_path / "set",
        [sdn_row("7", "KIM, Han Sol", remarks=remarks[:60]), ship, sdn_row("9", "ACME", E)],
        add=[["7", "1", "12 Main St", "Pyongyang", "Korea, North", E]],
        alt=[["7", "2", "aka", "KIM, Hansol", E], ["8", "3", "fka", "OCEAN PEARL", E]],
        comments=[["7", remarks[60:]]],
    )
    ctx = parse(path)
    assert ctx.entries == 3
    kim = ctx.entities["us_ofac_sdn-7"]
    assert kim.get("lastName") == ["KIM"] and kim.get("firstName") == ["Han Sol"]
    assert kim.get("birthDate") == ["1962-04-15", "1963"]
    assert kim.get("passportNumber") == ["836210029"]
    assert kim.get("nationality") == ["kp"]
    assert kim.get("gender") == ["male"]
    assert kim.get("weakAlias") == ["KIM HAN"]
    assert kim.get("alias") == ["KIM, Hansol"]
    assert kim.get("address") == ["12 Main St, Pyongyang, Korea, North"]
    ship_ent = ctx.entities["us_ofac_sdn-8"]
    assert ship_ent.schema == "Vessel"
    assert ship_ent.get("programId") == ["DPRK", "SDGT"]
    assert ship_ent.get("imoNumber") == ["8712345"]
    assert ship_ent.get("flag") == ["kp"]
    assert ship_ent.get("previousName") == ["OCEAN PEARL"]
    assert ctx.entities["us_ofac_sdn-9"].schema == "Organization"
    assert [i for i in ctx.issues if i.level != "info"] == []


def test_orphans_and_unknown_values_are_issues(tmp_path: Path) -> None:
    path = write_set(
        tmp_path / "set",
        [sdn_row("1", "X", kind="spaceship", remarks="DOB 31 Feb 1970; Galaxy ID 5")],
        add=[["99", "1", E, "Nowhere", "Atlantis", E]],
        alt=[["98", "2", "aka", "GHOST", E]],
    )
    ctx = parse(path)
    found = {(i.record, i.message) for i in ctx.issues}
    assert ("99", "add.csv rows for an ent_num missing from sdn.csv") in found
    assert ("98", "alt.csv rows for an ent_num missing from sdn.csv") in found
    assert any(i.value == "spaceship" for i in ctx.issues)
    assert any(i.value == "31 Feb 1970" for i in ctx.issues)
    assert ctx.entities["us_ofac_sdn-1"].schema == "LegalEntity"
    # free text is kept in the remarks note
    assert "Galaxy ID 5" in ctx.entities["us_ofac_sdn-1"].first("notes")


def test_missing_companions_are_issues(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "sdn.csv", [sdn_row("1", "A, B")])
    ctx = parse(path)
    assert ctx.entries == 1
    assert sum("not found beside" in i.message for i in ctx.issues) == 3


def test_wrong_column_count_names_the_line(tmp_path: Path) -> None:
    path = write_set(tmp_path / "set", [sdn_row("1", "A"), sdn_row("2", "B")[:9]])
    with pytest.raises(ParseError, match=r"line 2.*9 columns.*expected 12 columns"):
        parse(path)


def test_bad_companion_names_its_file(tmp_path: Path) -> None:
    path = write_set(tmp_path / "set", [sdn_row("1", "A")], alt=[["1", "2", "aka"]])
    with pytest.raises(ParseError, match=r"alt\.csv, line 1"):
        parse(path)


def test_non_numeric_ent_num(tmp_path: Path) -> None:
    path = write_set(tmp_path / "set", [sdn_row("one", "A")])
    with pytest.raises(ParseError, match="not a number"):
        parse(path)


def test_unclosed_quote_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_text('1,"A,individual' + ",x" * 10 + "\n" + "\x00" * 5, encoding="utf-8")
    with pytest.raises(ParseError):
        parse(path)


def test_sniffing(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    write_set(folder, [sdn_row("1", "A")], add=[["1", "2", E, E, "Cuba", E]],
              alt=[["1", "3", "aka", "B", E]], comments=[["1", "more"]])  # fmt: skip
    formats = [f for f in get_formats() if f.name.startswith("us_ofac_csv")]
    assert {f.name for f in formats} == {"us_ofac_csv", "us_ofac_csv_part"}
    for name, expected in [("sdn.csv", "us_ofac_csv"), ("add.csv", "us_ofac_csv_part"),
                           ("alt.csv", "us_ofac_csv_part"),
                           ("sdn_comments.csv", "us_ofac_csv_part")]:  # fmt: skip
        path = folder / name
        head = path.read_bytes()[:4096]
        assert [f.name for f in formats if f.sniff(head, path)] == [expected]
    assert not us_ofac_csv.sniff(b"name,country\nA,B\n", Path("people.csv"))
    part = us_ofac_csv.COMPANION_FORMAT
    ctx = Context(path=folder / "add.csv", source=part.source, dataset="us_ofac_sdn")
    with pytest.raises(FormatError, match="load sdn.csv"):
        part.parse(ctx)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_text_parses_or_raises_a_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "sdn.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        ctx = parse(path)
    except (ParseError, FormatError):
        return
    assert all(re.fullmatch(r"us_ofac_sdn-\d+", key) for key in ctx.entities)
    assert ctx.entries >= len(ctx.entities)


cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.tuples(st.integers(1, 10**6), st.lists(cell, min_size=11, max_size=11)),
                     max_size=5))  # fmt: skip
def test_any_well_shaped_rows_parse(tmp_path: Path, rows: list[tuple[int, list[str]]]) -> None:
    lines = [[str(ent), *cells] for ent, cells in rows]
    path = write_csv(tmp_path / "sdn.csv", lines)
    ctx = parse(path)
    assert set(ctx.entities) == {f"us_ofac_sdn-{ent}" for ent, _ in rows}
