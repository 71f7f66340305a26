"""Labelled screening cases derived from the real lists and our own variants.

See ``screening_eval.py`` for what each slice means; this module links entries across lists,
builds the cases of every slice and picks hard negatives for them.
"""

from __future__ import annotations

import csv
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sanctionwatch.match import Query
from sanctionwatch.match.features.schemas import schema_group
from sanctionwatch.match.records import clean_identifier
from sanctionwatch.model.entity import Entity
from sanctionwatch.text import is_latin, normalize_name, text_scripts, tokenize_name

VARIANTS_CSV = Path(__file__).with_name("screening_variants.csv")
UN_REF = re.compile(r"^[A-Z]{2}[ie]\.\d{3}$")
LINK_PROPS = (
    "passportNumber",
    "imoNumber",
    "registrationNumber",
    "innCode",
    "ogrnCode",
    "swiftBic",
)
NEGATIVES = 5
SLICES = (
    "cross-list",
    "cross-list-hard",
    "alias",
    "cross-script-lists",
    "cross-script-own",
    "perturbed",
)


@dataclass
class Case:
    slice: str
    query: Query
    target: str
    dataset: str
    negatives: list[str] = field(default_factory=list)


# -- linking entries across lists ---------------------------------------------------------


def _link_keys(entity: Entity) -> Iterator[str]:
    group = schema_group(entity.schema)
    for keyword in entity.get("keywords"):
        if UN_REF.match(keyword):
            yield f"un:{keyword}"
    for prop in LINK_PROPS:
        for value in entity.get(prop):
            cleaned = clean_identifier(value)
            if cleaned and len(cleaned) >= 7:
                yield f"{group}:{prop}:{cleaned}"


def link_groups(entities: list[Entity]) -> list[list[Entity]]:
    """Groups of entries (two or more lists) that are the same person, company or vessel."""
    parent = list(range(len(entities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for number, entity in enumerate(entities):
        for key in _link_keys(entity):
            other = first.setdefault(key, number)
            parent[find(number)] = find(other)
    groups: dict[int, list[Entity]] = defaultdict(list)
    for number, entity in enumerate(entities):
        groups[find(number)].append(entity)
    # Two entries of one list in a group mean a shared document (a family, a front company),
    # not one party: such groups are left out.
    return [g for g in groups.values() if len({e.dataset for e in g}) == len(g) >= 2]


# -- cases ----------------------------------------------------------------------------------


def _pairs(groups: list[list[Entity]]) -> Iterator[tuple[Entity, Entity]]:
    for group in groups:
        for source in group:
            for target in group:
                if source.dataset != target.dataset:
                    yield source, target


def _folded(entity: Entity) -> set[str]:
    return {normalize_name(n) for n in entity.names + entity.get("weakAlias")}


def cases_from_lists(groups: list[list[Entity]]) -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = defaultdict(list)
    for source, target in _pairs(groups):
        schema = source.schema if source.schema != "LegalEntity" else None
        primary = source.first("name")
        if primary and is_latin(primary):
            case = Case("cross-list", Query(primary, schema), target.id, target.dataset)
            out["cross-list"].append(case)
            if normalize_name(primary) not in _folded(target):
                out["cross-list-hard"].append(
                    Case("cross-list-hard", case.query, target.id, target.dataset)
                )
        for alias in source.get("alias"):
            if is_latin(alias) and alias != primary:
                out["alias"].append(Case("alias", Query(alias, schema), target.id, target.dataset))
        target_scripts = set().union(*(text_scripts(n) for n in target.names)) or {"Latin"}
        for name in source.names:
            scripts = text_scripts(name)
            if not is_latin(name) and not scripts & target_scripts:
                out["cross-script-lists"].append(
                    Case("cross-script-lists", Query(name, schema), target.id, target.dataset)
                )
    return out


def cases_from_csv(path: Path = VARIANTS_CSV) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Case(
                "cross-script-own",
                Query(row["query"], row["schema"] or None),
                row["target"],
                row["target"].split("-", 1)[0],
            )
            for row in csv.DictReader(fh)
        ]


_TITLES = ("Mr", "Dr", "General", "Sheikh", "President")
_FORMS = ("LLC", "Co., Ltd.", "Corporation", "Limited", "JSC", "OOO")


def _natural_order(name: str) -> list[str] | None:
    """The parts of a "SURNAME, Given Middle" name in natural order, or None without a comma."""
    if name.count(",") != 1:
        return None
    head, tail = name.split(",")
    return [t for t in re.split(r"\s+", tail.strip() + " " + head.strip()) if t]


def perturb(name: str, schema: str, rng: random.Random) -> str | None:
    """A way people write this name that the list does not."""
    tokens = [t for t in re.split(r"[\s,]+", name) if t]
    if len(tokens) < 2:
        return None
    if schema == "Person":
        choice = rng.randrange(5)
        if choice == 0:
            return " ".join(tokens[1:] + tokens[:1])
        if choice == 1 and len(tokens) >= 3:
            # Middle names dropped: first and last part in natural order ("SURNAME, Given
            # Middle" is "Given Middle SURNAME"), not the surname and the last given name.
            natural = _natural_order(name) or tokens
            return " ".join([natural[0], natural[-1]])
        if choice == 2:
            return " ".join([tokens[0][0] + "."] + tokens[1:]) if len(tokens) >= 3 else None
        if choice == 3:
            return f"{rng.choice(_TITLES)} {' '.join(tokens)}"
        return " ".join(tokens[:-2] + ["-".join(tokens[-2:])])
    cut = [
        t
        for t in tokens
        if normalize_name(t) not in ("llc", "ltd", "co", "corp", "inc", "limited", "company", "jsc")
    ]
    return (
        " ".join(cut + [rng.choice(_FORMS)])
        if cut != tokens or rng.random() < 0.5
        else (" ".join(cut).replace(" ", "", 1))
    )


def cases_perturbed(entities: list[Entity], rng: random.Random, count: int) -> list[Case]:
    pool = [e for e in entities if e.schema in ("Person", "Company", "Organization")]
    out: list[Case] = []
    for entity in rng.sample(pool, min(len(pool), count * 3)):
        name = entity.first("name")
        if not name or not is_latin(name):
            continue
        variant = perturb(name, entity.schema, rng)
        if variant and normalize_name(variant) != normalize_name(name):
            out.append(Case("perturbed", Query(variant, entity.schema), entity.id, entity.dataset))
        if len(out) >= count:
            break
    return out


def add_negatives(
    cases: list[Case], entities: list[Entity], groups: list[list[Entity]], rng: random.Random
) -> None:
    """Hard negatives: other entries of the answer's list sharing a name part with the query."""
    same: dict[str, set[str]] = {}
    for group in groups:
        ids = {e.id for e in group}
        for entity in group:
            same[entity.id] = ids
    by_token: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entity in entities:
        for token in {t for n in entity.names for t in tokenize_name(n) if len(t) > 1}:
            by_token[(entity.dataset, token)].append(entity.id)
    for case in cases:
        related = same.get(case.target, {case.target})
        found: list[str] = []
        for token in tokenize_name(case.query.name):
            pool = [i for i in by_token.get((case.dataset, token), []) if i not in related]
            found.extend(rng.sample(pool, min(len(pool), NEGATIVES)))
        case.negatives = list(dict.fromkeys(found))[:NEGATIVES]


def build_cases(entities: list[Entity], per_slice: int, seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    entities = sorted(entities, key=lambda e: e.id)  # the same cases whatever the load order
    groups = link_groups(entities)
    found = cases_from_lists(groups)
    found["cross-script-own"] = cases_from_csv()
    found["perturbed"] = cases_perturbed(entities, rng, per_slice)
    cases: list[Case] = []
    for name in SLICES:
        pool = found.get(name, [])
        cases.extend(pool if len(pool) <= per_slice else rng.sample(pool, per_slice))
    add_negatives(cases, entities, groups, rng)
    return cases
