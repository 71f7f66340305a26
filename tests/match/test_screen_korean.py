"""Korean names written in Han characters or Cyrillic, against the real lists; Chinese and
Russian names keep working, and a vessel is not a person's name."""

from __future__ import annotations

import pytest

from sanctionwatch.match import Matcher, Query

KIM_JONG_UN = "us_ofac_sdn-20157"
PUTIN_OFAC = "us_ofac_sdn-35096"
LI_FANGWEI = "us_ofac_sdn-11447"


def top(matcher: Matcher, name: str, dataset: str | None = None) -> list[tuple[str, float, bool]]:
    query = Query(name, datasets=[dataset] if dataset else None)
    return [(r.entity_id, r.score, r.match) for r in matcher.screen(query, limit=5)]


@pytest.mark.parametrize("name", ["金正恩", "Ким Чен Ын", "Ким Чон Ын", "Ким Чен-Ын", "Ким Чонын"])
def test_korean_name_in_han_or_cyrillic_finds_kim_jong_un(real_matcher: Matcher, name: str) -> None:
    found = top(real_matcher, name, "us_ofac_sdn")
    assert found[0][0] == KIM_JONG_UN and found[0][2], found


def test_han_name_explains_its_korean_reading(real_matcher: Matcher) -> None:
    result = real_matcher.screen(Query("金正恩", datasets=["us_ofac_sdn"]))[0]
    assert "kim=kim" in result.explanation and "un=un" in result.explanation


def test_no_vessel_matches_a_personal_name(real_matcher: Matcher) -> None:
    # "金正恩" read in Mandarin ("jin zheng en") once matched a vessel's alias "CHENG JIN".
    for result in real_matcher.screen(Query("金正恩"), limit=10):
        assert result.schema not in ("Vessel", "Airplane") or not result.match, result.explanation


@pytest.mark.parametrize(
    "name", ["Путин Владимир Владимирович", "Vladimir Poutine", "Владимир Путин"]
)
def test_russian_names_are_not_read_as_korean(real_matcher: Matcher, name: str) -> None:
    found = top(real_matcher, name, "us_ofac_sdn")
    assert found[0][0] == PUTIN_OFAC and found[0][2], found


def test_chinese_names_keep_their_pinyin_reading(real_matcher: Matcher) -> None:
    found = top(real_matcher, "李方伟", "us_ofac_sdn")
    assert found[0][0] == LI_FANGWEI and found[0][2], found
