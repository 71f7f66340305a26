"""Every variant class of screening, against real list entries.

Each case names the query and the listed entity it must find as the best result, at or above
the default threshold, with an explanation that says which parts matched.
"""

from __future__ import annotations

import pytest

from sanctionwatch.match import Matcher, Query
from sanctionwatch.settings import get_settings

KIM_JONG_UN = "us_ofac_sdn-20157"
PUTIN_OFAC = "us_ofac_sdn-35096"
AURUS = "us_ofac_sdn-47956"
RI_WON_HO = "un_sc-KPi.033"
YUN_HO_JIN = "un_sc-KPi.001"
KOMID = "un_sc-KPe.001"
LI_FANGWEI = "us_ofac_sdn-11447"
ARTAVIL = "us_ofac_sdn-15036"


def best(matcher: Matcher, query: Query) -> str:
    results = matcher.screen(query, limit=10)
    assert results, f"no result for {query}"
    top = results[0]
    assert top.match, f"{query.name}: best {top.entity_id} {top.score} {top.explanation}"
    return top.entity_id


def best_in(matcher: Matcher, query: Query, dataset: str) -> str:
    return best(matcher, Query(query.name, query.schema, datasets=[dataset]))


@pytest.mark.parametrize(
    "name",
    [
        "Kim Jong Un",  # as listed
        "Kim Jong-un",  # hyphenated
        "Kim Jongun",  # written together
        "Jong Un Kim",  # given name first
        "Kim Chong-un",  # McCune-Reischauer
        "Gim Jeong-eun",  # Revised Romanisation
        "김정은",  # Hangul
        "Supreme Leader Kim Jong Un",  # title
    ],
)
def test_korean_leader_variants(real_matcher: Matcher, name: str) -> None:
    assert best_in(real_matcher, Query(name), "us_ofac_sdn") == KIM_JONG_UN


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ri Won Ho", RI_WON_HO),
        ("Ri Won-ho", RI_WON_HO),
        ("Lee Won Ho", RI_WON_HO),
        ("리원호", RI_WON_HO),
        ("Yun Ho Jin", YUN_HO_JIN),
        ("윤호진", YUN_HO_JIN),
        ("Korea Mining Development Trading Corp.", KOMID),
    ],
)
def test_un_1718_list_entries(real_matcher: Matcher, name: str, expected: str) -> None:
    assert best_in(real_matcher, Query(name), "un_sc") == expected


@pytest.mark.parametrize(
    "name",
    [
        "Путин Владимир Владимирович",  # Cyrillic, surname first, with patronymic
        "Vladimir Vladimirovich Putin",
        "Vladimir Putin",  # no patronymic
        "Putin, Vladimir",  # surname first, comma
        "President Vladimir Putin",  # title
        "V. V. Putin",  # initials
        "Wladimir Wladimirowitsch Putin",  # German transliteration
    ],
)
def test_russian_variants(real_matcher: Matcher, name: str) -> None:
    assert best_in(real_matcher, Query(name, schema="Person"), "us_ofac_sdn") == PUTIN_OFAC


def test_french_poutine_finds_putin_somewhere(real_matcher: Matcher) -> None:
    results = real_matcher.screen(Query("Vladimir Poutine"), limit=5)
    assert results[0].match
    assert "putin" in results[0].caption.lower()


@pytest.mark.parametrize("name", ["李方伟", "Li Fang-wei", "Li Fangwei", "Fangwei Li"])
def test_chinese_han_pinyin_and_wade_giles(real_matcher: Matcher, name: str) -> None:
    assert best_in(real_matcher, Query(name), "us_ofac_sdn") == LI_FANGWEI


def test_arabic_script_finds_romanised_entry(real_matcher: Matcher) -> None:
    results = real_matcher.screen(Query("صدام حسين التكريتي", datasets=["us_ofac_sdn"]))
    assert results and "SADDAM" in results[0].caption.upper()
    assert "same consonants" in results[0].explanation or results[0].match


@pytest.mark.parametrize(
    "name", ["Aurus LLC", "OOO Aurus", "Aurus Limited Liability Company", "LLC AURUS"]
)
def test_company_legal_forms(real_matcher: Matcher, name: str) -> None:
    assert best_in(real_matcher, Query(name), "us_ofac_sdn") == AURUS


@pytest.mark.parametrize(
    "name",
    ["Korea Trading", "Korea General Trading Corporation Ltd", "International Trading Company"],
)
def test_generic_words_do_not_drive_a_match(real_matcher: Matcher, name: str) -> None:
    results = real_matcher.screen(Query(name), limit=5)
    assert not any(r.match and r.score >= 0.9 for r in results), [
        (r.caption, r.score) for r in results
    ]


def test_one_kim_does_not_match_every_kim(real_matcher: Matcher) -> None:
    results = real_matcher.screen(Query("Kim", schema="Person"), limit=10)
    assert not any(r.match for r in results)
    # ... and a different Kim is not Kim Jong Un.
    other = real_matcher.screen(Query("Kim Jong Nam", datasets=["us_ofac_sdn"]), limit=10)
    assert all(r.entity_id != KIM_JONG_UN or not r.match for r in other)


def test_short_parts_count(real_matcher: Matcher) -> None:
    with_un = real_matcher.screen(Query("Kim Jong Un", datasets=["us_ofac_sdn"]), limit=3)
    assert with_un[0].entity_id == KIM_JONG_UN
    assert "un=un" in with_un[0].explanation
    assert with_un[0].score > with_un[1].score + 0.2


def test_weak_alias_counts_less(real_matcher: Matcher) -> None:
    results = real_matcher.screen(Query("KOGEN", datasets=["us_ofac_sdn"]), limit=3)
    assert results[0].entity_id == "us_ofac_sdn-19611"
    assert "weak alias" in results[0].explanation
    assert results[0].score < 0.9
    strong = real_matcher.screen(
        Query("Korea General Corporation for External Construction", datasets=["us_ofac_sdn"]),
        limit=1,
    )
    assert strong[0].entity_id == "us_ofac_sdn-19611" and strong[0].score > results[0].score


def test_identifier_decides_on_its_own(real_matcher: Matcher) -> None:
    results = real_matcher.screen(Query("Unknown Tanker", identifiers=["IMO 9187629"]))
    assert results[0].entity_id == ARTAVIL
    assert results[0].match and results[0].score >= 0.98
    assert "9187629" in results[0].explanation
    # The same man is listed by the UN and the EU with the same passport: both are found.
    passport = real_matcher.screen(Query("R. W. H.", identifiers=["381310014"]))
    assert RI_WON_HO in {r.entity_id for r in passport if r.match}


def test_vessel_by_former_name(real_matcher: Matcher) -> None:
    results = real_matcher.screen(Query("Abadan", schema="Vessel", datasets=["us_ofac_sdn"]))
    assert results[0].entity_id == ARTAVIL and results[0].match
    assert "former name" in results[0].explanation


def test_schema_keeps_persons_from_vessels(real_matcher: Matcher) -> None:
    results = real_matcher.screen(Query("Artavil", schema="Person"))
    assert all(r.entity_id != ARTAVIL for r in results)


def test_birth_year_corroborates_or_contradicts(real_matcher: Matcher) -> None:
    def score(birth_date: str | None) -> float:
        query = Query("Kim Jong-un", birth_date=birth_date, datasets=["us_ofac_sdn"])
        found = [r for r in real_matcher.screen(query) if r.entity_id == KIM_JONG_UN]
        return found[0].score

    plain = score(None)
    assert score("1984") >= plain
    assert score("1984-01-08") >= score("1984")
    assert score("1990") < plain - 0.1  # contradicting year lowers, not just fails to raise
    assert score("1985") <= plain  # one year off is no corroboration


def test_country_corroborates_or_contradicts(real_matcher: Matcher) -> None:
    def score(country: str | None) -> float:
        query = Query("Ri Won-ho", country=country, datasets=["un_sc"])
        return next(r.score for r in real_matcher.screen(query) if r.entity_id == RI_WON_HO)

    assert score("KP") >= score(None) > score("RU")


def test_dataset_filter(real_matcher: Matcher) -> None:
    results = real_matcher.screen(Query("Vladimir Putin", datasets=["gb_hmt", "eu_fsf"]))
    assert results and {r.dataset for r in results} <= {"gb_hmt", "eu_fsf"}


def test_every_result_explains_itself(real_matcher: Matcher) -> None:
    threshold = get_settings().match_threshold
    for result in real_matcher.screen(Query("Kim Chong Un"), limit=10):
        assert 0.0 <= result.score <= 1.0
        assert result.match == (result.score >= threshold)
        assert "threshold" in result.explanation
        assert any(label in result.explanation for label in ("name '", "alias", "former name"))
        assert result.entity.id == result.entity_id
        assert result.to_list_match().entity_id == result.entity_id
