"""Compile the YAML lexicons into one :class:`Lexicon` with its token trie.

Labels put in the trie: ``GPE`` (country names, capitals, metonyms; data: country),
``NORP`` (demonyms; data: country), ``PERSON`` (officials; data: person id), ``ROLE``
(office, relation, counterpart and group nouns; data: role kind), ``VERB`` and ``NOUN``
(transfer triggers; data: frame). Countries missing from ``countries.yml`` are still known by
their English names from FollowTheMoney.
"""

from __future__ import annotations

from typing import Any

from followthemoney.types import registry

from sanctionwatch.exc import ConfigError
from sanctionwatch.extract.lexicon import Lexicon, Person, _cue_table, parse_person, read_yaml
from sanctionwatch.extract.trie import Trie, split_key

#: FollowTheMoney codes that are no country (the EU, the UN, "unknown", the USSR ...).
NOT_COUNTRIES = {"EU", "UN", "ZZ", "SU", "YU", "CS", "DD", "XK", "AC", "TA", "EA", "IC", "DG", "CP"}


def add_countries(trie: Trie, raw: dict[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    for code, entry in raw.items():
        if not isinstance(entry, dict) or len(code) != 2:
            raise ConfigError(f"countries.yml: bad entry {code!r} (expected a 2-letter code)")
        for name in entry.get("names") or []:
            trie.add(name, "GPE", country=code, how="name")
        for name in entry.get("capitals") or []:
            trie.add(name, "GPE", country=code, how="capital")
        for name in entry.get("metonyms") or []:
            trie.add(name, "GPE", country=code, how="metonym")
        for name in entry.get("demonyms") or []:
            trie.add(name, "NORP", country=code)
        names[code] = (entry.get("names") or [code])[0]
    for code, items in (read_yaml("places.yml").get("places") or {}).items():
        for name in items:
            trie.add(name, "GPE", country=code, how="place")
    for code, name in registry.country.names.items():
        if (
            len(code) == 2
            and code.isalpha()
            and code.upper() not in NOT_COUNTRIES
            and code.upper() not in names
        ):
            trie.add(name, "GPE", country=code.upper(), how="name")
            names[code.upper()] = name
    return names


def add_people(trie: Trie, raw: dict[str, Any]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for item in raw.get("people") or []:
        person = parse_person(item)
        people[person.id] = person
        for name in [person.name, *person.aliases]:
            trie.add(name, "PERSON", "title", person=person.id)
        for name in person.short:
            trie.add(name, "PERSON", "title", person=person.id, short=True)
    for person in people.values():
        for rel, other in person.relations.items():
            if other not in people:
                raise ConfigError(f"officials.yml: {person.id}.{rel} names unknown {other!r}")
    return people


def add_roles(trie: Trie, raw: dict[str, Any]) -> tuple[dict[str, list[str]], dict[str, str]]:
    offices = {k: list(v) for k, v in (raw.get("office") or {}).items()}
    for noun in offices:
        trie.add(noun, "ROLE", "any", kind="office", noun=noun)
    for noun in raw.get("relation") or []:
        trie.add(noun, "ROLE", "any", kind="relation", noun=noun)
    for noun in raw.get("counterpart") or []:
        trie.add(noun, "ROLE", "any", kind="counterpart", noun=noun)
    groups = dict(raw.get("group") or {})
    for noun, kind in groups.items():
        trie.add(noun, "ROLE", "any", kind="group", noun=noun, party_kind=kind)
    return offices, groups


def add_triggers(
    trie: Trie, raw: dict[str, Any]
) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    verbs: dict[str, tuple[str, str]] = {}
    for frame, lemmas in (raw.get("verbs") or {}).items():
        for lemma, forms in lemmas.items():
            for form in forms:
                trie.add(form, "VERB", "any", frame=frame, lemma=lemma)
                verbs[" ".join(split_key(form))] = (frame, lemma)
    nouns: dict[str, str] = {}
    for frame, words in (raw.get("nouns") or {}).items():
        for word in words:
            nouns[word] = frame
    return verbs, nouns


def build_lexicon() -> Lexicon:
    trie = Trie()
    countries = add_countries(trie, read_yaml("countries.yml"))
    people = add_people(trie, read_yaml("officials.yml"))
    roles = read_yaml("roles.yml")
    offices, groups = add_roles(trie, roles)
    triggers = read_yaml("triggers.yml")
    verbs, nouns = add_triggers(trie, triggers)
    adjectives = {word: kind for kind, words in triggers["adjectives"].items() for word in words}
    anaphors = triggers.get("anaphors") or {}
    return Lexicon(
        trie=trie,
        countries=countries,
        people=people,
        offices=offices,
        groups=groups,
        org_suffixes={s.lower().rstrip(".") for s in roles.get("org_suffixes") or []},
        verbs=verbs,
        nouns=nouns,
        adjectives=adjectives,
        non_goods=set(triggers.get("non_goods") or []),
        pronoun_goods=set(anaphors.get("pronouns") or []),
        generic_goods=set(anaphors.get("generic") or []),
        cues=_cue_table(read_yaml("status.yml")),
    )
