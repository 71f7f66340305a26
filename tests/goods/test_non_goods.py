"""The classifier refuses text that names no goods, and finds goods words in their phrase."""

from __future__ import annotations

import pytest

from sanctionwatch.goods import classify
from sanctionwatch.goods.heads import find_head, names_no_goods

#: Phrases an extractor may hand over that are not goods descriptions: places and offices,
#: people and a verb, a noun with an adverb, words of talk and law, sport, dates.
NOT_GOODS = [
    "White House",
    "the State Department",
    "Central Zoo",
    "New York",
    "Victory Day",
    "Mkrtychev worked",
    "monitors add",
    "papers only",
    "controls",
    "further",
    "now called Paek Yang San 2",
    "South Korean centre-back",
    "Kim Jong Un",
    "the agreement",
    "sanctions",
    "the report",
    "talks",
    "officials",
    "Korean People's Army",
    "Golden Star",
    "last year",
    "the Foreign Ministry said",
    "back",
    "Pyongyang",
    "his Russian counterpart",
    "the deal",
    "Security Council members",
    "earlier this month",
    "a letter of thanks",
    "warm greetings",
    "cash payments",
    "North Korean workers",
    "the Sunan complex",
    "technical assistance",
]


@pytest.mark.parametrize("text", NOT_GOODS)
def test_text_that_names_no_goods_is_refused(hs_mode: str, text: str) -> None:
    result = classify(text)
    assert result.candidates == [], result.message
    assert result.goods_confidence == 0.0


#: Goods phrases the earlier classifier missed or misread -> an HS heading they must give.
GOODS = [
    ("MiG-21s", "8802"),
    ("two MiG-21 fighter jets", "8802"),
    ("Pungsan hunting dogs", "0106"),
    ("pair of hunting dogs", "0106"),
    ("purebred horses", "0101"),
    ("battlefield radio equipment", "8525"),
    ("potash fertiliser", "3104"),
    ("5,000 tonnes of chemical fertilizer", "3105"),
    ("four servo press lines", "8462"),
    ("brown sugar", "1701"),
    ("nine-year-old Skoda Octavia", "8703"),
    ("a 1973 Porsche 911", "8703"),
    ("Mi-17 helicopter", "8802"),
    ("Il-76 transport plane", "8802"),
    ("An-148", "8802"),
    ("millions of shells", "9306"),
    ("152mm artillery shells", "9306"),
    ("MANPADS", "9301"),
    ("Shahed-136 drones", "8806"),
    ("explosive drones", "8806"),
    ("T-72 tanks", "8710"),
    ("fuel tanks", "7309"),
    ("Soviet-era tanks", "8710"),
    ("water tanks", "7309"),
    ("LNG", "2711"),
    ("diesel", "2710"),
    ("jet fuel", "2710"),
    ("bituminous coal", "2701"),
    ("anthracite", "2701"),
    ("iron ore", "2601"),
    ("rare earths", "2846"),
    ("copper concentrate", "2603"),
    ("gold bars", "7108"),
    ("frozen pollock", "0303"),
    ("clams", "0307"),
    ("wigs and false eyelashes", "6704"),
    ("bronze statues", "9703"),
    ("Toyota Hilux pickups", "8704"),
    ("KamAZ trucks", "8704"),
    ("Sunseeker yacht", "8903"),
    ("Patek Philippe watches", "910"),
    ("Glenfiddich", "2208"),
    ("Ararat brandy", "2208"),
    ("landing-gear spare parts", "8807"),
    ("night-vision sights", "9013"),
    ("bulletproof vests", "6307"),
    ("447 goats", "0104"),
    ("Korean ginseng wine", "2204"),
    ("fuel trucks", "8704"),
    ("bronze statue of a leader", "9703"),
    ("jet skis", "8903"),
    ("transporter erector launchers", "8705"),
    ("truck tyres", "4011"),
    ("trolleybuses", "8702"),
    ("trams", "8603"),
    ("CCTV cameras", "8525"),
]


@pytest.mark.parametrize(("text", "heading"), GOODS)
def test_goods_words_give_their_heading(hs_mode: str, text: str, heading: str) -> None:
    result = classify(text)
    assert result.best is not None and result.best.hs.startswith(heading), result.message
    assert not result.vague, result.message
    assert result.goods_confidence >= 0.8


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("military equipment", "arms"),
        ("modern means of defence", "arms"),
        ("luxury items", "luxury_goods"),
        ("alcoholic beverages", "alcohol"),
    ],
)
def test_vague_goods_words_keep_their_category(hs_mode: str, text: str, category: str) -> None:
    result = classify(text)
    assert result.vague
    assert category in result.word_categories
    assert category in result.to_goods().categories
    assert result.goods_confidence > 0


def test_vague_military_equipment_lists_arms_candidates(hs_mode: str) -> None:
    found = {c.hs for c in classify("military equipment").candidates}
    assert {"93", "8710", "8802"} <= found


def test_an_age_is_no_antiquity(with_hs: object) -> None:
    """ "nine-year-old" meets "exceeding one hundred years of age" in the descriptions."""
    result = classify("a nine-year-old car")
    assert result.best is not None and result.best.hs == "8703"
    assert all(not c.hs.startswith("97") for c in result.candidates)


def test_goods_word_before_goods_word_is_a_modifier(hs_mode: str) -> None:
    result = classify("Korean ginseng wine")
    assert not result.several
    assert [c.hs for c in result.candidates] == ["2204"]


def test_a_list_still_names_several_goods(hs_mode: str) -> None:
    result = classify("cars, pianos and cognac")
    assert result.several
    assert {p.hs[:4] for p in result.parts} == {"8703", "9201", "2208"}


def test_goods_word_followed_by_a_clause_is_kept(hs_mode: str) -> None:
    result = classify("machinery your country needs")
    assert result.best is not None and result.best.hs == "84"


def test_description_search_needs_the_head_noun(with_hs: object) -> None:
    """ "worked" and "White" meet HS descriptions; only a matching head word counts."""
    assert classify("artificial flowers").best is not None
    assert classify("flowers worked").candidates == []


@pytest.mark.parametrize(
    ("text", "head", "refused"),
    [
        ("armoured cars to Pyongyang", "car", False),
        ("White House", "house", True),
        ("Central Zoo", "zoo", True),
        ("Coal", "coal", False),
        ("papers only", "only", True),
        ("Mkrtychev worked", "worked", True),
        ("LNG", "lng", False),
    ],
)
def test_head_word(text: str, head: str, refused: bool) -> None:
    found = find_head(text)
    assert found is not None and found.folded == head
    assert names_no_goods(found) is refused


@pytest.mark.parametrize("text", ["more expensive bottles", "containers", "200 crates"])
def test_packages_alone_are_goods_named_elsewhere(hs_mode: str, text: str) -> None:
    """A package is the goods it holds, not glass bottles or shipping containers."""
    result = classify(text)
    assert result.vague and result.candidates == []
    assert result.goods_confidence > 0


@pytest.mark.parametrize(
    ("text", "heading"),
    [("2,000 bottles of cognac", "2208"), ("6,700 containers of munitions", "9306")],
)
def test_packages_of_goods_are_their_contents(hs_mode: str, text: str, heading: str) -> None:
    result = classify(text)
    assert result.best is not None and result.best.hs.startswith(heading)
    assert not result.vague


def test_goods_words_that_agree_both_count(hs_mode: str) -> None:
    """ "grand cru" (luxury wine) and "Bordeaux" (wine) name one good; neither is dropped."""
    result = classify("grand cru Bordeaux")
    assert result.best is not None and result.best.hs == "2204"
    assert "luxury_goods" in result.categories


def test_an_apposition_after_the_goods_refuses_nothing(hs_mode: str) -> None:
    result = classify("the ship, now called Paek Yang San 2")
    assert result.best is not None and result.best.hs == "89"


@pytest.mark.parametrize(
    ("text", "heading"),
    [("arms sales", "93"), ("crude oil imports", "2709"), ("fuel deliveries", "2710")],
)
def test_goods_before_a_noun_of_transfer(hs_mode: str, text: str, heading: str) -> None:
    result = classify(text)
    assert result.best is not None and result.best.hs.startswith(heading)


@pytest.mark.parametrize(
    "text", ["missile tests", "weapons programme", "oil revenue", "the launch", "the bulk", "two"]
)
def test_goods_words_before_other_nouns_or_alone_numbers_name_no_goods(
    hs_mode: str, text: str
) -> None:
    assert classify(text).goods_confidence == 0.0
