"""EU Consolidated Financial Sanctions File parser: the real 2024 file and hand-written files."""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.exc import ParseError
from sanctionwatch.lists.base import Context
from sanctionwatch.lists.eu_fsf import FORMAT
from tests.lists.helpers import originals, parse_bytes, parse_with, write

NS = "http://eu.europa.ec/fpi/fsd/export"


parse_file = partial(parse_with, FORMAT)


@pytest.fixture(scope="module")
def eu(lists_dir: Path) -> Context:
    return parse_file(lists_dir / "eu" / "20240513-FULL-1_1.xml")


@pytest.mark.slow
def test_counts(eu: Context) -> None:
    assert eu.published == "2024-05-13"
    assert eu.entries == 4811
    # three logicalIds are listed twice (under two programmes) and merged into one entity
    merged = [i.record for i in eu.issues if i.message.startswith("Duplicate entity id")]
    assert sorted(merged) == ["eu_fsf-120128", "eu_fsf-547", "eu_fsf-593"]
    records = Counter(eu.by_schema) + Counter(eu.entities[r].schema for r in merged)
    assert records == {"Person": 3755, "Organization": 1056}
    assert len(eu.entities) == 4808
    prk = Counter(e.schema for e in eu.entities.values() if "PRK" in e.get("programId"))
    assert prk == {"Person": 153, "Organization": 92}
    # 82 records carry a unitedNationId, kept as a keyword beside the EU reference number
    with_un_id = [
        e for e in eu.entities.values() if any(not k.startswith("EU.") for k in e.get("keywords"))
    ]
    assert len(with_un_id) == 82


@pytest.mark.slow
def test_every_record_is_named(eu: Context) -> None:
    for entity in eu.entities.values():
        assert entity.first("name"), entity.id
        assert entity.first("createdAt"), entity.id
        assert entity.get("programId"), entity.id
    assert all(i.record for i in eu.issues)
    assert len(eu.issues) < 20


@pytest.mark.slow
def test_dprk_person_with_korean_name(eu: Context) -> None:
    pak = eu.entities["eu_fsf-5607"]
    assert pak.schema == "Person"
    assert pak.get("name") == ["Jae-gyong PAK"]
    assert pak.get("programId") == ["PRK"]
    assert "EU.4156.52" in pak.get("keywords")
    korean = [(s.prop, s.value, s.lang) for s in pak.statements if s.lang == "ko"]
    assert korean == [("alias", "박재경", "ko")]
    assert pak.get("birthDate") == ["1933-06-10"]
    assert originals(pak, "passportNumber") == {
        "554410661": "National passport 554410661 (KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF)"
    }
    assert pak.get("createdAt") == ["2009-12-22"]
    assert pak.get("gender") == ["male"]


@pytest.mark.slow
def test_dprk_companies(eu: Context) -> None:
    ship = eu.entities["eu_fsf-107840"]
    assert ship.schema == "Organization"
    assert ship.get("imoNumber") == ["5342883"]
    bank = eu.entities["eu_fsf-5815"]
    assert bank.get("swiftBic") == ["KDBKKPPY"]
    assert "daesong@star-co.net.kp" in eu.entities["eu_fsf-5816"].get("email")
    assert set(eu.entities["eu_fsf-5810"].get("email")) == {
        "pac@silibank.com",
        "kndic@co.chesin.com",
    }


@pytest.mark.slow
def test_person_details(eu: Context) -> None:
    saddam = eu.entities["eu_fsf-13"]
    assert saddam.get("birthDate") == ["1937-04-28"]
    assert saddam.get("nationality") == ["iq"]
    assert saddam.get("birthPlace") == ["al-Awja, near Tikrit, IRAQ"]
    assert "Abou Ali" in saddam.get("alias")
    assert [s.lang for s in saddam.statements if s.value == "Abou Ali"] == ["fr"]
    circa = originals(eu.entities["eu_fsf-521"], "birthDate")
    assert circa["1953"] == circa["1958"] == "circa between 1953 and 1958"
    twice = eu.entities["eu_fsf-547"]
    assert twice.get("programId") == ["AFG", "TAQA"]


# --- hand-written files -------------------------------------------------------------------

SYNTHETIC = f"""<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="{NS}" generationDate="2030-03-04T05:06:07.000+01:00">
 <sanctionEntity euReferenceNumber="EU.9001.1" unitedNationId="KPi.901" logicalId="9001">
  <remark>Listed as an example.</remark>
  <regulation publicationDate="2030-01-15" programme="PRK" numberTitle="2030/1">
   <publicationUrl>https://eur-lex.example/2030-1</publicationUrl></regulation>
  <regulation publicationDate="2029-12-31" programme="XYZ"/>
  <subjectType code="person" classificationCode="P"/>
  <nameAlias firstName="Song Chol" lastName="PAK" wholeName="PAK Song Chol" gender="M"
   function="Trade official" nameLanguage="" strong="true" title="Dr"/>
  <nameAlias wholeName="박성철" nameLanguage="KO" strong="true"/>
  <nameAlias wholeName="Pak S." nameLanguage="QQ" strong="false"/>
  <birthdate circa="true" calendarType="GREGORIAN" yearRangeFrom="1960" yearRangeTo="1961"
   countryIso2Code="KP" countryDescription="KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF" city="Nampo"/>
  <birthdate circa="false" calendarType="GREGORIAN" birthdate="1961-02-30"
   countryIso2Code="00" countryDescription="UNKNOWN"/>
  <citizenship countryIso2Code="KP" countryDescription="KOREA"/>
  <citizenship countryIso2Code="QZ" countryDescription="NOWHERE"/>
  <identification number="PS 123" identificationTypeCode="passport"
   identificationTypeDescription="National passport" countryIso2Code="KP"
   countryDescription="KOREA" issueDate="2020-01-01" knownExpired="true"/>
  <identification number="IMO 9179127" identificationTypeCode="imo"
   identificationTypeDescription="IMO" countryIso2Code="00" countryDescription="UNKNOWN"/>
  <address street="Sungri Street" city="Pyongyang" countryIso2Code="KP" countryDescription="KOREA">
   <contactInfo key="EMAIL" value="trade@ example.kp and info@example.kp"/>
   <contactInfo key="PAGER" value="77"/>
  </address>
 </sanctionEntity>
 <sanctionEntity euReferenceNumber="EU.9002.2" logicalId="9002">
  <regulation publicationDate="not a date" programme="PRK"/>
  <subjectType code="enterprise" classificationCode="E"/>
  <nameAlias wholeName="EXAMPLE SHIPPING CO" strong="true" function="ships coal"/>
  <identification number="IMO 5342883" identificationTypeCode="imo"/>
  <identification number="X-1" identificationTypeCode="spaceport"/>
  <citizenship countryIso2Code="KP"/>
 </sanctionEntity>
</export>
"""


def issue_values(ctx: Context, record: str) -> set[tuple[str, str | None]]:
    return {(i.message, i.value) for i in ctx.issues if i.record == record}


def test_synthetic_person(tmp_path: Path) -> None:
    ctx = parse_file(write(tmp_path, "eu.xml", SYNTHETIC))
    assert ctx.published == "2030-03-04"
    assert ctx.entries == 2
    pak = ctx.entities["eu_fsf-9001"]
    assert pak.get("name") == ["PAK Song Chol"]
    assert [(s.value, s.lang) for s in pak.statements if s.prop == "alias"] == [("박성철", "ko")]
    assert pak.get("weakAlias") == ["Pak S."]
    assert pak.get("firstName") == ["Song Chol"] and pak.get("lastName") == ["PAK"]
    assert pak.get("title") == ["Dr"] and pak.get("position") == ["Trade official"]
    assert pak.get("programId") == ["PRK", "XYZ"]
    assert pak.get("createdAt") == ["2029-12-31"]
    assert pak.get("keywords") == ["EU.9001.1", "KPi.901"]
    assert originals(pak, "birthDate") == {
        "1960": "circa between 1960 and 1961",
        "1961": "circa between 1960 and 1961",
    }
    assert pak.get("birthCountry") == ["kp"]
    assert pak.get("nationality") == ["kp"]
    assert originals(pak, "passportNumber") == {
        "PS 123": "National passport PS 123 (KOREA; issued 2020-01-01; knownExpired)"
    }
    assert pak.get("idNumber") == ["IMO 9179127"]  # a person has no imoNumber
    assert pak.get("email") == ["trade@example.kp", "info@example.kp"]
    assert "PAGER: 77" in pak.get("notes")
    assert issue_values(ctx, "eu_fsf-9001") == {
        ("Unknown value in lookup 'programmes'", "XYZ"),
        ("Unknown value in lookup 'languages'", "QQ"),
        ("Unparseable date for birthDate", "1961-02-30"),
        ("Unknown country", "QZ"),
        ("Unknown value in lookup 'contact_type'", "PAGER"),
    }


def test_synthetic_enterprise(tmp_path: Path) -> None:
    ctx = parse_file(write(tmp_path, "eu.xml", SYNTHETIC))
    ship = ctx.entities["eu_fsf-9002"]
    assert ship.schema == "Organization"
    assert ship.get("imoNumber") == ["5342883"]
    assert ship.get("idNumber") == ["X-1"]
    assert ship.get("country") == ["kp"]
    assert ship.get("notes") == ["ships coal"]
    assert ship.get("createdAt") == []
    assert issue_values(ctx, "eu_fsf-9002") == {
        ("Unparseable designation or publication date", "not a date"),
        ("Unknown value in lookup 'identification_type'", "spaceport"),
    }


def test_sniff(tmp_path: Path) -> None:
    assert FORMAT.sniff(SYNTHETIC.encode(), tmp_path / "x.xml")
    assert not FORMAT.sniff(b"<export><sanctionEntity/></export>", tmp_path / "x.xml")
    assert not FORMAT.sniff(b"<CONSOLIDATED_LIST>", tmp_path / "x.xml")


def test_truncated_file(tmp_path: Path) -> None:
    cut = SYNTHETIC[: SYNTHETIC.index("<citizenship")]
    with pytest.raises(ParseError, match="truncated") as err:
        parse_file(write(tmp_path, "cut.xml", cut))
    assert err.value.detail["line"] == cut.count("\n") + 1


def test_wrong_root(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="<CONSOLIDATED_LIST>") as err:
        parse_file(write(tmp_path, "un.xml", "\n<CONSOLIDATED_LIST/>"))
    assert err.value.detail["line"] == 2


def test_foreign_namespace_is_an_issue(tmp_path: Path) -> None:
    xml = SYNTHETIC.replace(NS, "urn:example:other")
    ctx = parse_file(write(tmp_path, "ns.xml", xml))
    assert ctx.entries == 2
    assert ("Root element is not in the FSD export namespace", "{urn:example:other}export") in {
        (i.message, i.value) for i in ctx.issues
    }


def test_xml_bomb_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        f'<export xmlns="{NS}"><sanctionEntity logicalId="1">'
        '<nameAlias wholeName="&b;" strong="true"/></sanctionEntity></export>'
    )
    with pytest.raises(ParseError, match="DTD"):
        parse_file(write(tmp_path, "bomb.xml", bomb))


EU_ATTRS = st.sampled_from(
    [
        "birthdate birthdate",
        "birthdate year",
        "birthdate monthOfYear",
        "birthdate yearRangeFrom",
        "birthdate yearRangeTo",
        "birthdate calendarType",
        "nameAlias wholeName",
        "nameAlias nameLanguage",
        "nameAlias strong",
        "nameAlias gender",
        "identification number",
        "identification identificationTypeCode",
        "citizenship countryIso2Code",
        "regulation publicationDate",
        "regulation programme",
        "subjectType code",
        "address countryIso2Code",
    ]
)
XML_ATTR = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='<&"'), max_size=12
)


def render(fields: list[tuple[str, str]]) -> str:
    children = "".join(f'<{k.split()[0]} {k.split()[1]}="{v}"/>' for k, v in fields)
    return (
        f'<export xmlns="{NS}"><sanctionEntity logicalId="1">{children}</sanctionEntity></export>'
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(st.tuples(EU_ATTRS, XML_ATTR), max_size=8).map(render).map(str.encode),
    )
)
def test_any_input_parses_or_raises_parse_error(data: bytes) -> None:
    ctx = parse_bytes(FORMAT, data, "in.xml", "eu_fsf")
    if ctx is not None:
        assert ctx.entries >= len(ctx.entities)


def test_odd_month_and_calendar(tmp_path: Path) -> None:
    xml = (
        f'<export xmlns="{NS}"><sanctionEntity logicalId="7"><subjectType code="person"/>'
        '<nameAlias wholeName="A B" strong="true"/>'
        '<birthdate calendarType="GREGORIAN" year="1970" monthOfYear="²"/>'
        '<birthdate calendarType="GREGORIAN" year="1971" monthOfYear="3"/>'
        '<birthdate calendarType="ISLAMIC" year="1390"/></sanctionEntity></export>'
    )
    ctx = parse_file(write(tmp_path, "odd.xml", xml))
    assert ctx.entities["eu_fsf-7"].get("birthDate") == ["1970", "1971-03"]
    assert issue_values(ctx, "eu_fsf-7") == {
        ("Birth year in a non-Gregorian calendar", "ISLAMIC 1390")
    }
