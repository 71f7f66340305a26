from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.goods import classify
from sanctionwatch.goods.nomenclature import get_nomenclature

#: Words from evidence -> the HS heading (first four digits) and a category they must carry.
EXAMPLES = [
    ("car", "8703", "passenger_cars"),
    ("limousine", "8703", "vehicles"),
    ("armoured sedan", "8703", "vehicles"),
    ("SUV", "8703", "vehicles"),
    ("yacht", "8903", "luxury_goods"),
    ("wristwatch", "9102", "watches"),
    ("cognac", "2208", "alcohol"),
    ("pianos", "9201", "musical_instruments"),
    ("refined petroleum", "2710", "refined_petroleum"),
    ("anthracite", "2701", "coal"),
    ("frozen crab", "0306", "seafood"),
    ("ballistic missiles", "9306", "arms"),
    ("used tanker", "8901", "vessels"),
    ("Mercedes-Maybach S600 Guard", "8703", "luxury_goods"),
    ("Aurus Senat", "8703", "luxury_goods"),
    ("Aurus Senat limousine", "8703", "luxury_goods"),
    ("Rolls-Royce Phantom", "8703", "luxury_goods"),
    ("Lexus LX", "8703", "luxury_goods"),
    ("Rolex", "9101", "luxury_goods"),
    ("Hennessy", "2208", "luxury_goods"),
    ("two Rolex watches", "910", "luxury_goods"),
    ("textiles", "50", "textiles"),
    ("iron ore", "2601", "iron"),
    ("jet fuel", "2710", "aviation_fuel"),
    ("Hwasong-11 missiles", "9306", "missiles"),
    ("KN-23", "9306", "wmd"),
    ("hand-knotted Persian rug", "5701", "luxury_goods"),
    ("bone china tableware", "6911", "tableware"),
    ("snowmobile", "8703", "snowmobiles"),
    ("statues", "9703", "statues"),
    ("helicopter", "8802", "helicopters"),
]


@pytest.mark.parametrize(("text", "heading", "category"), EXAMPLES)
def test_examples(hs_mode: str, text: str, heading: str, category: str) -> None:
    result = classify(text)
    assert not result.vague, result.message
    assert result.best is not None
    assert result.best.hs.startswith(heading), result.to_dict()
    assert category in result.categories
    assert 0.5 <= result.best.confidence <= 1.0


def test_plain_car_is_not_sure_to_be_luxury(hs_mode: str) -> None:
    result = classify("car")
    assert "luxury_goods" not in result.categories
    assert "luxury_goods" in result.maybe


@pytest.mark.parametrize(
    "text", ["equipment", "vehicle", "goods", "a gift", "supplies", "xqzv wlp"]
)
def test_vague_text_says_so(hs_mode: str, text: str) -> None:
    result = classify(text)
    assert result.vague
    assert result.message


def test_vague_vehicle_returns_candidates(hs_mode: str) -> None:
    result = classify("vehicle")
    codes = [c.hs for c in result.candidates]
    assert {"8703", "8704", "8711"} <= set(codes)
    goods = result.to_goods()
    assert set(goods.hs) == set(codes)
    assert goods.categories == []


def test_to_goods_carries_value(hs_mode: str) -> None:
    goods = classify("Aurus Senat limousine").to_goods(value=500000, currency="USD", quantity=1)
    assert goods.hs == ["8703"]
    assert "luxury_goods" in goods.categories
    assert (goods.value, goods.currency, goods.quantity) == (500000, "USD", 1)


def test_hs_code_in_text_wins(hs_mode: str) -> None:
    result = classify("cars, HS 8703.23")
    assert result.best is not None and result.best.hs == "870323"


def test_lexicon_only_says_nomenclature_is_absent(without_hs: object) -> None:
    assert get_nomenclature() is None
    result = classify("packaging machines for a factory")
    assert result.best is not None and result.best.hs == "84"
    assert not result.nomenclature
    assert "nomenclature is not available" in classify("xqzv").message


def test_nomenclature_narrows_chapter_words(with_hs: object) -> None:
    result = classify("sewing machines")
    assert result.best is not None and result.best.hs.startswith("8452")
    assert result.nomenclature


def test_nomenclature_search_when_no_lexicon_word(with_hs: object) -> None:
    result = classify("sun umbrellas")
    assert result.best is not None and result.best.hs.startswith("6601")
    assert result.best.source == "hs-search"


@pytest.mark.parametrize(
    ("text", "heading", "category"),
    [
        ("автомобиль Аурус Сенат", "8703", "luxury_goods"),
        ("баллистические ракеты", "9306", "missiles"),
        ("화성-11 탄도미사일", "9306", "wmd"),
        ("석탄", "2701", "coal"),
        ("Ролекс", "9101", "luxury_goods"),
    ],
)
def test_cyrillic_and_hangul_words(hs_mode: str, text: str, heading: str, category: str) -> None:
    result = classify(text)
    assert result.best is not None and result.best.hs.startswith(heading), result.message
    assert category in result.categories


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_classify_any_text_gives_a_result(text: str) -> None:
    result = classify(text)
    assert result.message
    assert all(0.0 <= c.confidence <= 1.0 for c in result.candidates)
    assert result.vague or result.best is not None
    confidences = [c.confidence for c in result.candidates]
    assert confidences == sorted(confidences, reverse=True)


def test_chapter_word_alone_is_not_narrowed(with_hs: object) -> None:
    for text, chapter in [("vessels", "89"), ("musical instruments", "92")]:
        result = classify(text)
        assert result.best is not None and result.best.hs == chapter, result.message


def test_category_words_without_a_code(hs_mode: str) -> None:
    luxury = classify("luxury goods")
    assert luxury.vague and luxury.candidates == [] and luxury.categories == ["luxury_goods"]
    aid = classify("humanitarian aid")
    assert aid.vague and aid.candidates == [] and aid.categories == []
