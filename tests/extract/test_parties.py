"""Parties by name and by role, resolved through the dated table of officials."""

from __future__ import annotations

from datetime import date

from sanctionwatch.extract.doc import Doc, PartyRef
from sanctionwatch.extract.pipeline import Pipeline, build_pipeline

STEPS = ["tokenizer.v1", "gazetteer.v1", "dates.v1", "quantities.v1", "parties.v1"]


def parties(text: str, published: date = date(2024, 2, 20)) -> list[PartyRef]:
    full = build_pipeline()
    pipeline = Pipeline("parties", [(n, c) for n, c in full.steps if n in STEPS])
    return pipeline(Doc(text, published=published)).parties


def names(text: str, published: date = date(2024, 2, 20)) -> list[tuple[str | None, str | None]]:
    return [(p.name, p.country) for p in parties(text, published)]


def test_leaders_by_role_depend_on_the_date() -> None:
    text = "The Russian president met the North Korean leader."
    assert names(text) == [("Vladimir Putin", "RU"), ("Kim Jong Un", "KP")]
    assert names(text, date(2010, 6, 1))[0] == ("Dmitry Medvedev", "RU")
    assert names("The US president spoke.", date(2018, 6, 12)) == [("Donald Trump", "US")]


def test_possessive_country_roles_and_relatives() -> None:
    found = names("Russia's president thanked Kim Jong Un. Kim's sister replied.")
    assert found == [("Vladimir Putin", "RU"), ("Kim Jong Un", "KP"), ("Kim Yo Jong", "KP")]


def test_counterpart_is_the_holder_of_the_same_office() -> None:
    found = names("Kim Jong Un wrote to his Russian counterpart.")
    assert found[-1] == ("Vladimir Putin", "RU")


def test_groups_places_and_capitals_resolve_to_countries() -> None:
    found = parties("A Russian delegation flew to Pyongyang from the Kremlin.")
    kinds = [(p.text, p.country, p.kind) for p in found]
    assert kinds == [
        ("A Russian delegation", "RU", "organization"),
        ("Pyongyang", "KP", "state"),
        ("the Kremlin", "RU", "state"),
    ]


def test_object_pronoun_is_not_the_subject() -> None:
    found = parties("Kim Jong Un met Vladimir Putin. Putin walked him around the car.")
    assert found[-1].pronoun and found[-1].name == "Kim Jong Un"


def test_country_adjectives_before_hyphen_are_no_parties() -> None:
    assert names("The Russian-made car arrived.") == []
