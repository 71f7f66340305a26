"""UK OFSI Consolidated List (xlsx): the real file in place, plus small workbooks written here."""

from __future__ import annotations

import re
import struct
import zipfile
from collections import Counter
from functools import partial
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.exc import FormatError, ParseError
from sanctionwatch.lists import gb_hmt, xlsx
from sanctionwatch.lists.base import Context
from tests.lists.helpers import parse_with

DPRK = "Democratic People's Republic of Korea"
HEADER = [
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title",
    "Name Non-Latin Script", "Non-Latin Script Type", "Non-Latin Script Language", "DOB",
    "Town of Birth", "Country of Birth", "Nationality", "Passport Number", "Passport Details",
    "National Identification Number", "National Identification Details", "Position",
    "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
    "Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type",
    "Alias Quality", "Regime", "Listed On", "UK Sanctions List Date Designated", "Last Updated",
    "Group ID",
]  # fmt: skip


parse = partial(parse_with, gb_hmt.FORMAT)


def write_book(path: Path, rows: list[dict[str, str]], header: list[str] = HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Last Updated", "02/01/2025"])
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(name) for name in header])
    book.save(path)
    return path


PERSON = {
    "Name 6": "VOLKOV", "Name 1": "Ivan", "Name 2": "Petrovich", "Group Type": "Individual",
    "Regime": "Russia", "Listed On": "15/03/2022", "Last Updated": "01/06/2023",
    "Group ID": "90001", "DOB": "00/00/1970",
    "Nationality": "(1) Russia (2) Ukrainian SSR (now Ukraine)",
    "Town of Birth": "Tula", "Country of Birth": "Russia", "Passport Number": "(1) 7512 (2) 7513",
    "Other Information": "(UK Sanctions List Ref):RUS9999. (Gender):Male",
}  # fmt: skip
SHIP = {
    "Name 6": "SEA FALCON", "Group Type": "Ship", "Regime": DPRK, "Listed On": "03/04/2018",
    "Group ID": "90002", "Alias Type": "Primary name",
    "Other Information": "(UK Sanctions List Ref):DPR9999. Oil transfers at sea. (IMO number):"
    "9123456 (Flag of ship):North Korea (Previous flags):Panama (Type of ship):Oil tanker "
    "(Tonnage of ship):1500 (Year built):1986",
}  # fmt: skip


@pytest.fixture(scope="module")
def uk(lists_dir: Path) -> Context:
    return parse(lists_dir / "uk" / "ConList.xlsx")


@pytest.mark.slow
def test_real_counts(uk: Context) -> None:
    assert uk.entries == 4688
    assert uk.by_schema == {"Organization": 1010, "Person": 3663, "Vessel": 15}
    assert uk.published == "2025-04-14"
    programs = Counter(p for e in uk.entities.values() for p in e.get("programId"))
    assert programs[DPRK] == 239
    assert programs["Russia"] == 2181
    assert [i for i in uk.issues if i.level == "error"] == []
    rng = uk.source.assertions
    assert rng.min_entries <= uk.entries <= rng.max_entries


@pytest.mark.slow
def test_real_dprk_designations(uk: Context) -> None:
    person = uk.entities["gb_hmt-13420"]
    assert person.schema == "Person"
    assert person.get("programId") == [DPRK]
    assert "金铁三" in person.get("alias")
    assert person.get("birthDate") == ["1971-03-11"]
    assert person.get("nationality") == ["kp"]
    assert "KPi.035" in person.get("keywords")
    company = uk.entities["gb_hmt-13626"]
    assert company.first("name") == "CHANG AN SHIPPING & TECHNOLOGY"
    assert "長安海連技術有限公司" in company.get("alias")
    ship = uk.entities["gb_hmt-13651"]
    assert ship.schema == "Vessel"
    assert ship.first("name") == "SAM JONG 2"
    assert ship.get("imoNumber") == ["7408873"]
    assert ship.get("flag") == ["kp"]
    assert ship.get("createdAt") == ["2018-04-03"]


@pytest.mark.slow
def test_real_cyrillic_names_keep_their_language(uk: Context) -> None:
    russian = [
        s
        for e in uk.entities.values()
        for s in e.statements
        if s.prop == "alias" and s.lang == "rus"
    ]
    assert len(russian) > 1000
    assert all(any("\u0400" <= ch <= "\u04ff" for ch in s.value) for s in russian)


def test_synthetic_list(tmp_path: Path) -> None:
    rows = [
        {**PERSON, "Alias Type": "Primary name"},
        {**PERSON, "Alias Type": "AKA", "Name 1": "Vanya", "Alias Quality": "Low quality"},
        {**PERSON, "Alias Type": "FKA", "Name 6": "VOLKOFF"},
        {**PERSON, "Alias Type": "Primary name variation", "Name Non-Latin Script": "ВОЛКОВ Иван",
         "Non-Latin Script Language": "Russian"},
        SHIP,
    ]  # fmt: skip
    ctx = parse(write_book(tmp_path / "ConList.xlsx", rows))
    assert ctx.entries == 2
    assert ctx.published == "2025-01-02"
    person = ctx.entities["gb_hmt-90001"]
    assert person.get("name") == ["Ivan Petrovich VOLKOV"]
    assert person.get("firstName") == ["Ivan"] and person.get("lastName") == ["VOLKOV"]
    assert person.get("weakAlias") == ["Vanya Petrovich VOLKOV"]
    assert person.get("previousName") == ["Ivan Petrovich VOLKOFF"]
    cyrillic = next(s for s in person.statements if s.value == "ВОЛКОВ Иван")
    assert (cyrillic.prop, cyrillic.lang) == ("alias", "rus")
    assert person.get("birthDate") == ["1970"]
    assert person.get("nationality") == ["ru", "ua"]
    assert person.get("birthPlace") == ["Tula, Russia"]
    assert person.get("passportNumber") == ["7512", "7513"]
    assert person.get("gender") == ["male"]
    assert person.get("createdAt") == ["2022-03-15"]
    assert "RUS9999" in person.get("keywords")
    ship = ctx.entities["gb_hmt-90002"]
    assert ship.schema == "Vessel"
    assert ship.get("imoNumber") == ["9123456"]
    assert ship.get("flag") == ["kp"] and ship.get("pastFlags") == ["pa"]
    assert ship.get("type") == ["Oil tanker"] and ship.get("buildDate") == ["1986"]
    assert [i for i in ctx.issues if i.level != "info"] == []


def test_bad_values_are_issues(tmp_path: Path) -> None:
    rows = [
        {**PERSON, "Alias Type": "Primary name", "DOB": "31/02/1970", "Nationality": "Atlantis"},
        {**PERSON, "Alias Type": "Nickname", "Group Type": "Robot", "Group ID": "90003"},
        {**PERSON, "Group ID": None},
    ]  # fmt: skip
    ctx = parse(write_book(tmp_path / "ConList.xlsx", rows))
    found = {(i.record, i.value) for i in ctx.issues}
    assert ("90001", "31/02/1970") in found
    assert ("90001", "Atlantis") in found
    assert ("90003", "Nickname") in found and ("90003", "Robot") in found
    assert ctx.entities["gb_hmt-90003"].schema == "LegalEntity"
    assert ctx.entries == 2
    assert any("no Group ID" in i.message for i in ctx.issues)
    # the rows of a group repeat their details; each issue is kept once
    assert len(ctx.issues) == len({(i.message, i.record, i.value) for i in ctx.issues})


def test_missing_columns_are_named(tmp_path: Path) -> None:
    header = [h for h in HEADER if h not in ("Regime", "Group ID")]
    path = write_book(tmp_path / "ConList.xlsx", [PERSON], header=header)
    with pytest.raises(ParseError, match="Regime, Group ID"):
        parse(path)


def test_other_workbook_is_a_format_error(tmp_path: Path) -> None:
    path = write_book(tmp_path / "budget.xlsx", [], header=["Item", "Cost", "Owner"])
    with pytest.raises(FormatError, match="Group ID"):
        parse(path)


def test_not_a_zip_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "ConList.xlsx"
    path.write_text("Name 6,Group ID\nX,1\n", encoding="utf-8")
    with pytest.raises(ParseError, match="not a readable xlsx"):
        parse(path)


def test_truncated_workbook_is_a_parse_error(tmp_path: Path) -> None:
    path = write_book(tmp_path / "ConList.xlsx", [PERSON])
    path.write_bytes(path.read_bytes()[:-300])
    with pytest.raises(ParseError):
        parse(path)


def test_garbled_sheet_is_a_parse_error(tmp_path: Path) -> None:
    good = write_book(tmp_path / "good.xlsx", [PERSON])
    path = tmp_path / "ConList.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2] + b"<<garbled"
            dst.writestr(info, data)
    with pytest.raises(ParseError, match="cannot read worksheet"):
        parse(path)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = write_book(tmp_path / "ConList.xlsx", [PERSON])
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")  # first central directory entry
    struct.pack_into("<I", data, central + 24, 3_000_000_000)  # its declared unpacked size
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive:
        assert sum(i.file_size for i in archive.infolist()) > xlsx.MAX_XLSX_BYTES
    with pytest.raises(ParseError, match="zip bomb"):
        parse(path)


def test_sniff() -> None:
    assert gb_hmt.sniff(b"PK\x03\x04rest", Path("ConList.xlsx"))
    assert not gb_hmt.sniff(b"PK\x03\x04rest", Path("archive.zip"))
    assert not gb_hmt.sniff(b"Name 6,Group ID", Path("ConList.xlsx"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("14/04/2025", "2025-04-14"),
        ("00/05/1970", "1970-05"),
        ("00/00/1970", "1970"),
        ("05/1970", "1970-05"),
        ("1970", "1970"),
        ("2025-04-14", "2025-04-14"),
        ("31/02/1970", None),
        ("12/00/1970", None),
        ("1/2/3/1970", None),
        ("soon", None),
    ],
)
def test_parse_uk_date(raw: str, expected: str | None) -> None:
    assert gb_hmt.parse_uk_date(raw) == expected


COLUMNS = [*gb_hmt.REQUIRED, *gb_hmt.OPTIONAL]
PIECES = st.sampled_from(
    ["(1)", "(2)", "(IMO number):", "(Flag of ship):", "(Year built):", "(UN Ref):", "now",
     "Russia", "00/", "12/", "1970", "/", " ", ".", "Ship", "Entity", "AKA", "Low quality", ":"]
)  # fmt: skip
CELL = st.one_of(st.text(min_size=1, max_size=15), st.lists(PIECES, min_size=1).map("".join))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(COLUMNS), CELL, max_size=12), min_size=1))
def test_any_cells_give_an_entity_or_issues(records: list[dict[str, str]]) -> None:
    ctx = Context(path=Path("ConList.xlsx"), source=gb_hmt.SOURCE, dataset="gb_hmt")
    entity = gb_hmt.make_group(ctx, "1", records)
    assert entity.id == "gb_hmt-1"
    for value in entity.get("birthDate") + entity.get("createdAt"):
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value)
