"""Parties placed by town, port, flag and nationality; guests; authorities; known bodies."""

from __future__ import annotations

from datetime import date

import pytest

from sanctionwatch.extract.doc import Doc, PartyRef
from sanctionwatch.extract.lexicon import read_yaml
from sanctionwatch.extract.pipeline import Pipeline, build_pipeline

STEPS = ["tokenizer.v1", "gazetteer.v1", "dates.v1", "quantities.v1", "parties.v1"]


def parties(text: str, published: date = date(2024, 6, 20)) -> list[PartyRef]:
    full = build_pipeline()
    pipeline = Pipeline("parties", [(n, c) for n, c in full.steps if n in STEPS])
    return pipeline(Doc(text, published=published)).parties


def first(text: str) -> tuple[str | None, str]:
    found = parties(text)
    assert found, text
    return found[0].country, found[0].kind


@pytest.mark.parametrize(
    ("text", "country", "kind"),
    [
        ("A Vilnius company bought the engines.", "LT", "organization"),
        ("A trading firm in Dalian forwarded the wine.", "CN", "organization"),
        ("A businessman from Antwerp sold the diamonds.", "BE", "person"),
        ("A man from Kotka drove the lorry.", "FI", "person"),
        ("A Hong Kong-registered shell company paid for the oil.", "HK", "organization"),
        ("Dandong-based traders bought the coal.", "CN", "person"),
        ("A Singapore-flagged tanker took on the fuel.", "SG", "vessel"),
        ("The Sierra Leone-registered ship sailed on.", "SL", "vessel"),
        ("A company headquartered in Dubai arranged the deal.", "AE", "organization"),
        ("An exporter based in Hamburg shipped the presses.", "DE", "organization"),
        ("A Chinese national was charged.", "CN", "person"),
        ("The Kazakh distributor resold the bags.", "KZ", "organization"),
        ("The Wagner group received the shells.", "RU", "organization"),
        ("Air Koryo bought spare parts.", "KP", "organization"),
    ],
)
def test_party_phrases_get_the_country_of_their_place(text: str, country: str, kind: str) -> None:
    assert first(text) == (country, kind)


def test_an_unknown_town_gives_no_country() -> None:
    assert first("A company in Zzyzxville bought it.")[0] is None


def test_guest_is_the_other_side_never_the_host() -> None:
    found = parties("Sergei Shoigu arrived in Pyongyang. Kim Jong Un gave his guest a rifle.")
    guest = found[-1]
    assert guest.text == "his guest" and guest.country == "RU"
    alone = parties("Kim Jong Un gave his guest a rifle.")[-1]
    assert alone.text == "his guest" and alone.country is None


def test_offices_resolve_on_the_date() -> None:
    minister = parties("The Russian defence minister visited Pyongyang.")[0]
    assert minister.name == "Andrei Belousov"
    earlier = parties("The Russian defence minister visited Pyongyang.", date(2023, 7, 26))[0]
    assert earlier.name == "Sergei Shoigu"
    assert parties("Sergey Shoygu arrived.")[0].name == "Sergei Shoigu"
    assert parties("Putin's spokesman spoke.")[0].name == "Dmitry Peskov"


def test_authorities_are_marked_and_capitals_as_venues_are_places() -> None:
    kinds = [
        (p.text, p.kind)
        for p in parties("The UN Panel of Experts and South Korean customs met in Hanoi.")
    ]
    assert kinds == [
        ("The UN Panel of Experts", "authority"),
        ("South Korean customs", "authority"),
        ("Hanoi", "place"),
    ]
    assert parties("Moscow sold arms to Pyongyang.")[-1].kind == "state"


def test_gazetteers_use_iso_codes_and_places_are_no_country_names() -> None:
    countries = read_yaml("countries.yml")
    taken = {
        n.lower() for e in countries.values() for k in ("names", "capitals") for n in e[k] or []
    }
    places = read_yaml("places.yml")["places"]
    assert sum(len(v) for v in places.values()) > 800
    for code, names in places.items():
        assert isinstance(code, str) and len(code) == 2 and code.isupper(), code
        assert not taken & {n.lower() for n in names}, code
    assert all(isinstance(c, str) and len(c) == 2 for c in countries)


def test_offices_after_modifier_words_and_compounds() -> None:
    assert parties("Japan's foreign minister spoke.")[0].name == "Yoko Kamikawa"
    assert parties("The Russian foreign minister met Choe Son Hui.")[0].name == "Sergei Lavrov"
    owned = parties("A Chinese state-owned company sold it.")[0]
    assert (owned.text, owned.country, owned.kind) == (
        "A Chinese state-owned company",
        "CN",
        "organization",
    )
    assert parties("The Russian deputy defence minister spoke.")[0].name is None


def test_the_north_is_north_korea_only_in_a_text_about_the_koreas() -> None:
    found = parties("North Korea denied it. Officials said the North had never sold arms.")
    assert [(p.text, p.country) for p in found if p.text == "the North"] == [("the North", "KP")]
    other = parties("Wool came from the North of England.")
    assert all(p.country != "KP" for p in other)
