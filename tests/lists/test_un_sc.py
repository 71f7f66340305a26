"""UN Security Council Consolidated List parser: real files, hand-written hostile files."""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.exc import ParseError
from sanctionwatch.lists.base import Context
from sanctionwatch.lists.un_sc import FORMAT
from tests.lists.helpers import originals, parse_bytes, parse_with, write

parse_file = partial(parse_with, FORMAT)


@pytest.fixture(scope="module")
def un_2026(lists_dir: Path) -> Context:
    return parse_file(lists_dir / "un" / "consolidated.xml")


@pytest.fixture(scope="module")
def un_2024(lists_dir: Path) -> Context:
    return parse_file(lists_dir / "un" / "consolidated_2024-05-15.xml")


def dprk_counts(ctx: Context) -> Counter[str]:
    return Counter(e.source_id[:3] for e in ctx.entities.values() if "DPRK" in e.get("programId"))


def test_counts_2026(un_2026: Context) -> None:
    assert un_2026.published == "2026-02-27"
    assert un_2026.entries == 1003
    assert un_2026.by_schema == {"Organization": 273, "Person": 730}
    assert dprk_counts(un_2026) == {"KPi": 80, "KPe": 75}
    assert FORMAT.source.assertions.min_entries <= un_2026.entries
    assert un_2026.entries <= FORMAT.source.assertions.max_entries


def test_counts_2024(un_2024: Context) -> None:
    assert un_2024.published == "2024-05-15"
    assert un_2024.entries == 875
    assert un_2024.by_schema == {"Organization": 193, "Person": 682}
    assert dprk_counts(un_2024) == {"KPi": 80, "KPe": 75}
    programs = Counter(p for e in un_2024.entities.values() for p in e.get("programId"))
    assert "Iran" not in programs


def test_programmes_2026(un_2026: Context) -> None:
    programs = Counter(p for e in un_2026.entities.values() for p in e.get("programId"))
    assert programs["Al-Qaida"] == 341
    assert programs["DPRK"] == 155
    assert programs["Iran"] == 121
    assert sum(programs.values()) == 1003


def test_every_entry_is_named_and_sourced(un_2026: Context) -> None:
    for entity in un_2026.entities.values():
        assert entity.first("name"), entity.id
        assert entity.get("keywords") == [entity.source_id]
        assert entity.get("topics") == ["sanction"]
        assert entity.first("createdAt") is not None, entity.id
    # only values the parser could not interpret are issues, and each says where
    assert all(i.record and i.value for i in un_2026.issues)
    assert len(un_2026.issues) < 20


def test_dprk_individual(un_2026: Context) -> None:
    ri = un_2026.entities["un_sc-KPi.033"]
    assert ri.schema == "Person"
    assert ri.get("name") == ["RI WON HO"]
    assert ri.get("birthDate") == ["1964-07-17"]
    assert ri.get("passportNumber") == ["381310014"]
    assert originals(ri, "passportNumber") == {"381310014": "Passport 381310014"}
    assert ri.get("nationality") == ["kp"]
    assert ri.get("programId") == ["DPRK"]
    assert ri.get("createdAt") == ["2016-11-30"]
    assert ri.get("position") == ["DPRK Ministry of State Security Official"]


def test_dprk_entity(un_2026: Context) -> None:
    komid = un_2026.entities["un_sc-KPe.001"]
    assert komid.schema == "Organization"
    assert komid.get("name") == ["KOREA MINING DEVELOPMENT TRADING CORPORATION"]
    assert "CHANGGWANG SINYONG CORPORATION" in komid.get("alias")
    assert komid.get("country") == ["kp"]
    assert "Pyongyang" in komid.first("address")  # type: ignore[operator]


def test_birth_date_qualifiers(un_2026: Context, un_2024: Context) -> None:
    between = un_2026.entities["un_sc-CDi.030"]
    assert originals(between, "birthDate") == {
        "1973": "BETWEEN 1973 AND 1974",
        "1974": "BETWEEN 1973 AND 1974",
    }
    taliban = un_2024.entities["un_sc-TAi.005"]
    assert originals(taliban, "birthDate") == {"1961": "APPROXIMATELY 1961"}
    assert "Haji Mudir" in taliban.get("weakAlias")
    assert "Haji Mudir" not in taliban.get("alias")
    assert taliban.get("title") == ["Mullah"]
    arabic = [s for s in taliban.statements if s.lang == "und-Arab"]
    assert [s.value for s in arabic] == ["محمد طاهر أنوري"]


def test_dates_given_as_text_are_issues(un_2026: Context) -> None:
    text_dobs = {i.record: i.value for i in un_2026.issues if "only as text" in i.message}
    assert text_dobs["un_sc-LYi.022"] == "APPROXIMATELY 30-35 years old"
    assert "Date of birth: APPROXIMATELY 30-35 years old" in (
        un_2026.entities["un_sc-LYi.022"].get("notes")
    )


def test_former_names(un_2026: Context) -> None:
    former = [e for e in un_2026.entities.values() if e.get("previousName")]
    assert len(former) >= 10
    assert all(e.schema == "Organization" for e in former)


# --- hand-written files -------------------------------------------------------------------

SYNTHETIC = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2030-01-02T03:04:05Z">
 <INDIVIDUALS>
  <INDIVIDUAL>
   <DATAID>1</DATAID><FIRST_NAME>PAK</FIRST_NAME><SECOND_NAME>SONG  CHOL</SECOND_NAME>
   <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.901</REFERENCE_NUMBER>
   <LISTED_ON>2030-13-45</LISTED_ON><GENDER>Male</GENDER>
   <NAME_ORIGINAL_SCRIPT>박성철</NAME_ORIGINAL_SCRIPT>
   <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE><VALUE>Atlantis</VALUE>
   </NATIONALITY>
   <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Pak</ALIAS_NAME></INDIVIDUAL_ALIAS>
   <INDIVIDUAL_ALIAS><QUALITY>Medium</QUALITY><ALIAS_NAME>Song Chol Pak</ALIAS_NAME>
   </INDIVIDUAL_ALIAS>
   <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>
    <FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1962</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
   <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>31.02.1961</DATE>
   </INDIVIDUAL_DATE_OF_BIRTH>
   <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1963</NOTE>
   </INDIVIDUAL_DATE_OF_BIRTH>
   <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>927000001</NUMBER>
    <ISSUING_COUNTRY>Democratic People's Republic of Korea</ISSUING_COUNTRY>
    <NOTE>Expires 2035</NOTE></INDIVIDUAL_DOCUMENT>
   <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Seaman book</TYPE_OF_DOCUMENT><NUMBER>S-77</NUMBER>
   </INDIVIDUAL_DOCUMENT>
  </INDIVIDUAL>
 </INDIVIDUALS>
 <ENTITIES>
  <ENTITY>
   <FIRST_NAME>EXAMPLE SHIPPING CO</FIRST_NAME><UN_LIST_TYPE>Atlantis</UN_LIST_TYPE>
   <REFERENCE_NUMBER>KPe.901</REFERENCE_NUMBER><LISTED_ON>2031-05-06</LISTED_ON>
   <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>OLD SHIPPING CO</ALIAS_NAME></ENTITY_ALIAS>
   <ENTITY_ADDRESS><CITY>Nampo</CITY><COUNTRY>Democratic People's Republic of Korea</COUNTRY>
   </ENTITY_ADDRESS>
  </ENTITY>
 </ENTITIES>
</CONSOLIDATED_LIST>
"""


def issue_values(ctx: Context, record: str) -> dict[str, str | None]:
    return {i.message: i.value for i in ctx.issues if i.record == record}


def test_synthetic_mapping(tmp_path: Path) -> None:
    ctx = parse_file(write(tmp_path, "un.xml", SYNTHETIC))
    assert ctx.published == "2030-01-02"
    assert ctx.entries == 2
    pak = ctx.entities["un_sc-KPi.901"]
    assert pak.get("name") == ["PAK SONG CHOL"]
    assert pak.get("weakAlias") == ["Pak"]
    assert "Song Chol Pak" in pak.get("alias")  # unknown quality: kept as alias, reported
    assert [(s.value, s.lang) for s in pak.statements if s.lang] == [("박성철", "und-Hang")]
    assert pak.get("gender") == ["male"]
    assert pak.get("nationality") == ["kp"]
    assert originals(pak, "birthDate") == {
        "1960": "BETWEEN 1960 AND 1962",
        "1961": "BETWEEN 1960 AND 1962",
        "1962": "BETWEEN 1960 AND 1962",
        "1963-11": "EXACT Nov. 1963",
    }
    assert originals(pak, "passportNumber") == {
        "927000001": "Passport 927000001 (Democratic People's Republic of Korea; Expires 2035)"
    }
    assert pak.get("idNumber") == ["S-77"]
    assert pak.get("createdAt") == []
    issues = issue_values(ctx, "un_sc-KPi.901")
    assert issues == {
        "Unparseable date for createdAt": "2030-13-45",
        "Unknown country": "Atlantis",
        "Unknown value in lookup 'alias_quality'": "Medium",
        "Unparseable date for birthDate": "31.02.1961",
        "Unknown value in lookup 'document_type'": "Seaman book",
    }
    ship = ctx.entities["un_sc-KPe.901"]
    assert ship.get("previousName") == ["OLD SHIPPING CO"]
    assert ship.get("programId") == ["Atlantis"]
    assert issue_values(ctx, "un_sc-KPe.901") == {
        "Unknown value in lookup 'un_list_type'": "Atlantis"
    }


def test_sniff(tmp_path: Path) -> None:
    assert FORMAT.sniff(SYNTHETIC.encode()[:4096], tmp_path / "x.xml")
    assert not FORMAT.sniff(b'<?xml version="1.0"?><sdnList>', tmp_path / "x.xml")


def test_truncated_file(tmp_path: Path) -> None:
    cut = SYNTHETIC[: SYNTHETIC.index("<INDIVIDUAL_DOCUMENT>")]
    with pytest.raises(ParseError) as err:
        parse_file(write(tmp_path, "cut.xml", cut))
    assert "truncated" in str(err.value)
    assert err.value.detail["line"] == cut.count("\n") + 1
    assert err.value.detail["path"].endswith("cut.xml")


def test_wrong_root(tmp_path: Path) -> None:
    other = '<?xml version="1.0"?>\n\n<sdnList><sdnEntry/></sdnList>\n'
    with pytest.raises(ParseError) as err:
        parse_file(write(tmp_path, "other.xml", other))
    assert "<sdnList>" in str(err.value)
    assert err.value.detail["line"] == 3


def test_xml_bomb_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&c;</FIRST_NAME>"
        "<REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    ctx = Context(path=write(tmp_path, "bomb.xml", bomb), source=FORMAT.source, dataset="un_sc")
    with pytest.raises(ParseError, match="DTD"):
        FORMAT.parse(ctx)
    assert ctx.entities == {}


def test_record_without_reference(tmp_path: Path) -> None:
    xml = (
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>77</DATAID><FIRST_NAME>A</FIRST_NAME>"
        "</INDIVIDUAL><INDIVIDUAL><FIRST_NAME>B</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>"
        "</CONSOLIDATED_LIST>"
    )
    ctx = parse_file(write(tmp_path, "noref.xml", xml))
    assert list(ctx.entities) == ["un_sc-77"]
    assert [(i.level, i.record) for i in ctx.issues] == [
        ("warning", None),
        ("warning", "un_sc-77"),
        ("error", None),
    ]


UN_TAGS = st.sampled_from(
    [
        "FIRST_NAME",
        "REFERENCE_NUMBER",
        "LISTED_ON",
        "GENDER",
        "NATIONALITY/VALUE",
        "INDIVIDUAL_DATE_OF_BIRTH/DATE",
        "INDIVIDUAL_DATE_OF_BIRTH/FROM_YEAR",
        "INDIVIDUAL_DATE_OF_BIRTH/TYPE_OF_DATE",
        "INDIVIDUAL_DATE_OF_BIRTH/NOTE",
        "INDIVIDUAL_DOCUMENT/NUMBER",
        "INDIVIDUAL_DOCUMENT/TYPE_OF_DOCUMENT",
        "INDIVIDUAL_ALIAS/QUALITY",
        "INDIVIDUAL_ALIAS/ALIAS_NAME",
        "INDIVIDUAL_ADDRESS/COUNTRY",
    ]
)
XML_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="<&\x00"), max_size=20
).filter(lambda s: all(c in "\t\n\r" or ord(c) >= 32 for c in s))


def nest(path: str, value: str) -> str:
    parts = path.split("/")
    return "".join(f"<{p}>" for p in parts) + value + "".join(f"</{p}>" for p in reversed(parts))


UN_LIKE = st.lists(st.tuples(UN_TAGS, XML_TEXT), max_size=8).map(
    lambda fields: (
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>"
        + "".join(nest(tag, value) for tag, value in fields)
        + "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"
    )
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300), UN_LIKE.map(str.encode)))
def test_any_input_parses_or_raises_parse_error(data: bytes) -> None:
    ctx = parse_bytes(FORMAT, data, "in.xml", "un_sc")
    if ctx is not None:
        assert ctx.entries == len(ctx.entities) or ctx.issues
