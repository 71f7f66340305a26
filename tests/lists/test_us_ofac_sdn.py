"""OFAC SDN and consolidated (non-SDN) XML: real files in place, plus small hostile files."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.exc import CountError, FormatError, ParseError
from sanctionwatch.lists import us_ofac_cons, us_ofac_sdn
from sanctionwatch.lists.base import Context
from sanctionwatch.lists.ofac import parse_dates
from tests.lists.helpers import parse_with as parse

NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"


def write_list(tmp_path: Path, entries: str, count: int = 1, name: str = "sdn.xml") -> Path:
    path = tmp_path / name
    path.write_text(
        f'<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns="{NS}">'
        f"<publshInformation><Publish_Date>03/15/2023</Publish_Date>"
        f"<Record_Count>{count}</Record_Count></publshInformation>{entries}</sdnList>",
        encoding="utf-8",
    )
    return path


def entry(uid: str, body: str, sdn_type: str = "Individual") -> str:
    return f"<sdnEntry><uid>{uid}</uid>{body}<sdnType>{sdn_type}</sdnType></sdnEntry>"


@pytest.fixture(scope="module")
def sdn(lists_dir: Path) -> Context:
    return parse(us_ofac_sdn.FORMAT, lists_dir / "ofac" / "sdn.xml.gz")


@pytest.fixture(scope="module")
def cons(lists_dir: Path) -> Context:
    return parse(us_ofac_cons.FORMAT, lists_dir / "ofac" / "consolidated" / "consolidated.xml")


@pytest.mark.slow
def test_sdn_counts(sdn: Context) -> None:
    assert sdn.entries == 14966
    assert sdn.by_schema == {"Airplane": 376, "Organization": 6884, "Person": 6855, "Vessel": 851}
    assert sdn.published == "2024-05-07"
    assert [i for i in sdn.issues if i.level == "error"] == []
    dprk = [
        e for e in sdn.entities.values() if any(p.startswith("DPRK") for p in e.get("programId"))
    ]
    assert len(dprk) == 484
    rng = sdn.source.assertions
    assert rng.min_entries <= sdn.entries <= rng.max_entries


@pytest.mark.slow
def test_sdn_kim_jong_un(sdn: Context) -> None:
    kim = sdn.entities["us_ofac_sdn-20157"]
    assert kim.schema == "Person"
    assert kim.first("name") == "KIM, Jong Un"
    assert kim.get("birthDate") == ["1984-01-08"]
    assert kim.get("programId") == ["DPRK3"]
    assert kim.get("country") == ["kp"]
    assert kim.get("keywords") == ["20157"]
    dob = next(s for s in kim.statements if s.prop == "birthDate")
    assert dob.original == "08 Jan 1984"


@pytest.mark.slow
def test_sdn_vessel_weak_alias_and_aircraft(sdn: Context) -> None:
    vessel = sdn.entities["us_ofac_sdn-4243"]
    assert vessel.schema == "Vessel"
    assert vessel.get("imoNumber") == ["7406784"]
    assert vessel.get("flag") == ["pa"]
    assert set(vessel.get("previousName")) == {"ANA I", "SAND SWAN"}
    imo = next(s for s in vessel.statements if s.prop == "imoNumber")
    assert imo.original == "IMO 7406784"
    bank = sdn.entities["us_ofac_sdn-306"]
    assert bank.get("weakAlias") == ["BNC"]
    assert "NATIONAL BANK OF CUBA" in bank.get("alias")
    plane = sdn.entities["us_ofac_sdn-15432"]
    assert plane.schema == "Airplane"
    assert plane.get("model") == ["IL-76TD"]
    assert "1013409297" in plane.get("serialNumber")
    aurus = sdn.entities["us_ofac_sdn-47956"]
    assert aurus.first("name") == "LIMITED LIABILITY COMPANY AURUS"
    assert "RUSSIA-EO14024" in aurus.get("programId")


@pytest.mark.slow
def test_sdn_values_are_clean(sdn: Context) -> None:
    iso = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for ent in sdn.entities.values():
        assert all(iso.match(v) for v in ent.get("birthDate")), ent
        assert all(re.fullmatch(r"\d{7}", v) for v in ent.get("imoNumber")), ent
        assert all(re.fullmatch(r"[a-z]{2}(-[a-z]+)?", v) for v in ent.get("flag")), ent


@pytest.mark.slow
def test_cons_counts(cons: Context) -> None:
    assert cons.entries == 443
    assert cons.by_schema == {"Organization": 364, "Person": 79}
    assert cons.published == "2024-05-06"
    assert cons.dataset == "us_ofac_cons"
    assert all(e.id.startswith("us_ofac_cons-") for e in cons.entities.values())
    assert not any(p.startswith("DPRK") for e in cons.entities.values() for p in e.get("programId"))
    assert [i for i in cons.issues if i.level == "error"] == []


def test_sniff_tells_sdn_from_consolidated() -> None:
    head = f'<?xml version="1.0"?>\n<sdnList xmlns="{NS}">'.encode()
    assert us_ofac_sdn.sniff(head, Path("sdn.xml.gz"))
    assert not us_ofac_sdn.sniff(head, Path("consolidated.xml"))
    assert us_ofac_cons.sniff(head, Path("consolidated.xml"))
    assert not us_ofac_cons.sniff(head, Path("sdn.xml"))
    assert not us_ofac_sdn.sniff(b"<CONSOLIDATED_LIST>", Path("sdn.xml"))


def test_synthetic_entry_values(tmp_path: Path) -> None:
    body = (
        "<firstName>Ok Sun</firstName><lastName>PAK</lastName>"
        "<akaList><aka><uid>1</uid><type>a.k.a.</type><category>weak</category>"
        "<lastName>MADAME P</lastName></aka>"
        "<aka><uid>2</uid><type>f.k.a.</type><category>strong</category>"
        "<lastName>RI</lastName><firstName>Ok Sun</firstName></aka></akaList>"
        "<programList><program>DPRK2</program><program>DPRK3</program></programList>"
        "<dateOfBirthList><dateOfBirthItem><dateOfBirth>1962 to 1964</dateOfBirth>"
        "</dateOfBirthItem><dateOfBirthItem><dateOfBirth>circa Mar 1960</dateOfBirth>"
        "</dateOfBirthItem></dateOfBirthList>"
        "<idList><id><uid>5</uid><idType>Passport</idType><idNumber>P123</idNumber></id>"
        "<id><uid>6</uid><idType>Gender</idType><idNumber>Female</idNumber></id></idList>"
        "<nationalityList><nationality><uid>7</uid><country>Korea, North</country>"
        "</nationality></nationalityList>"
    )
    ctx = parse(us_ofac_sdn.FORMAT, write_list(tmp_path, entry("900", body)))
    ent = ctx.entities["us_ofac_sdn-900"]
    assert ctx.published == "2023-03-15"
    assert ent.get("weakAlias") == ["MADAME P"]
    assert ent.get("previousName") == ["RI, Ok Sun"]
    assert ent.get("birthDate") == ["1962", "1963", "1964", "1960-03"]
    assert ent.get("programId") == ["DPRK2", "DPRK3"]
    assert ent.get("passportNumber") == ["P123"]
    assert ent.get("gender") == ["female"]
    assert ent.get("nationality") == ["kp"]
    assert ctx.issues == []


def test_unknown_values_are_issues_and_kept(tmp_path: Path) -> None:
    body = (
        "<lastName>ACME SHIPPING</lastName>"
        "<idList><id><uid>5</uid><idType>Galactic Registry</idType><idNumber>GX-1</idNumber>"
        "</id></idList>"
    )
    bad_date = "<lastName>X</lastName><dateOfBirthList><dateOfBirthItem>"
    bad_date += "<dateOfBirth>31 Feb 1984</dateOfBirth></dateOfBirthItem></dateOfBirthList>"
    entries = entry("1", body, "Entity") + entry("2", bad_date) + entry("3", "", "Spaceship")
    ctx = parse(us_ofac_sdn.FORMAT, write_list(tmp_path, entries, count=3))
    org = ctx.entities["us_ofac_sdn-1"]
    assert org.get("idNumber") == ["GX-1"]
    assert next(s for s in org.statements if s.prop == "idNumber").original == (
        "Galactic Registry: GX-1"
    )
    found = {(i.record, i.value) for i in ctx.issues}
    assert ("1", "Galactic Registry: GX-1") in found
    assert ("2", "31 Feb 1984") in found
    assert ("3", "Spaceship") in found
    assert ctx.entities["us_ofac_sdn-3"].schema == "LegalEntity"
    assert ctx.entities["us_ofac_sdn-2"].get("birthDate") == []


def test_record_count_mismatch_refuses_the_file(tmp_path: Path) -> None:
    path = write_list(tmp_path, entry("1", "<lastName>A</lastName>"), count=2)
    with pytest.raises(CountError, match="announces 2 records"):
        parse(us_ofac_sdn.FORMAT, path)


def test_gzipped_file(tmp_path: Path) -> None:
    plain = write_list(tmp_path, entry("1", "<lastName>A</lastName>"))
    packed = tmp_path / "sdn.xml.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert parse(us_ofac_sdn.FORMAT, packed).entries == 1


def test_wrong_root_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_text("<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>", encoding="utf-8")
    with pytest.raises(FormatError, match="expected <sdnList>"):
        parse(us_ofac_sdn.FORMAT, path)


def test_truncated_file_is_a_parse_error(tmp_path: Path) -> None:
    path = write_list(tmp_path, entry("1", "<lastName>A</lastName>"))
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(ParseError, match="truncated"):
        parse(us_ofac_sdn.FORMAT, path)


def test_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE sdnList [<!ENTITY x "xx">]>'
        "<sdnList><sdnEntry><uid>1</uid><lastName>&x;</lastName></sdnEntry></sdnList>",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="DTD"):
        parse(us_ofac_sdn.FORMAT, path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08 Jan 1984", ["1984-01-08"]),
        ("Jan 1984", ["1984-01"]),
        ("1984", ["1984"]),
        ("circa 1960", ["1960"]),
        ("circa 08 Jan 1984", ["1984-01-08"]),
        ("1962 to 1964", ["1962", "1963", "1964"]),
        ("01 Jan 1970 to 31 Dec 1970", ["1970"]),
        ("01 Mar 1970 to 31 Mar 1970", ["1970-03"]),
        ("31 Feb 1984", []),
        ("1964 to 1962", []),
        ("1900 to 1990", []),
        ("08 1984", []),
        ("soon", []),
    ],
)
def test_parse_dates(text: str, expected: list[str]) -> None:
    assert parse_dates(text) == expected


@given(st.text(max_size=40))
def test_parse_dates_never_fails(text: str) -> None:
    for value in parse_dates(text):
        assert re.fullmatch(r"[12]\d{3}(-\d{2}(-\d{2})?)?", value)
