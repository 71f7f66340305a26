from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.exc import ConfigError
from sanctionwatch.goods.categories import load_categories
from sanctionwatch.goods.lexicon import DATA_DIR, fold_text, load_lexicon
from sanctionwatch.goods.nomenclature import load_nomenclature


def test_fold_text() -> None:
    assert fold_text("Mercedes-Maybach S600 GUARD") == ["mercede", "maybach", "s600", "guard"]
    assert fold_text("Moët & Chandon") == ["moet", "and", "chandon"]
    assert fold_text("watches") == fold_text("watch")
    assert fold_text("Аурус Сенат, 석탄!") == ["аурус", "сенат", "석탄"]  # other scripts kept


def test_lexicon_loads_with_every_category_defined() -> None:
    lexicon = load_lexicon()
    categories = load_categories()
    assert len(lexicon.entries) > 150
    for entry in lexicon.entries:
        assert set(entry.categories + entry.maybe) <= set(categories)


def test_every_sanction_category_is_reachable_from_words() -> None:
    lexicon = load_lexicon()
    reached = {c for e in lexicon.entries for c in e.categories + e.maybe}
    for name in [
        "arms",
        "wmd",
        "luxury_goods",
        "coal",
        "iron",
        "lead",
        "seafood",
        "textiles",
        "gold",
        "rare_earths",
        "copper",
        "nickel",
        "silver",
        "zinc",
        "statues",
        "crude_oil",
        "refined_petroleum",
        "aviation_fuel",
        "condensates_ngl",
        "earth_stone",
        "wood",
        "food_agricultural",
        "machinery",
        "electrical_equipment",
        "vessels",
        "helicopters",
    ]:
        assert name in reached, name


def test_duplicate_phrase_is_refused(tmp_path: Path) -> None:
    (tmp_path / "brands.yml").write_text("brands: []\n")
    (tmp_path / "terms.yml").write_text(
        "terms:\n"
        "  - {terms: [car], hs: ['8703'], label: a}\n"
        "  - {terms: [cars], hs: ['8704'], label: b}\n"
    )
    with pytest.raises(ConfigError, match="two entries"):
        load_lexicon(tmp_path)


def test_unknown_category_is_refused(tmp_path: Path) -> None:
    (tmp_path / "brands.yml").write_text("brands: []\n")
    (tmp_path / "terms.yml").write_text(
        "terms:\n  - {terms: [car], hs: ['8703'], categories: [flying_cars], label: a}\n"
    )
    with pytest.raises(ConfigError, match="flying_cars"):
        load_lexicon(tmp_path)


def test_lexicon_codes_exist_in_the_nomenclature(hs_dir: Path) -> None:
    nomenclature = load_nomenclature(hs_dir)
    missing = []
    for entry in load_lexicon(DATA_DIR).entries:
        for spec in entry.hs:
            for code in spec.split("-"):
                if nomenclature.get(code) is None:
                    missing.append((entry.label, code))
    assert missing == []


def test_category_codes_exist_in_the_nomenclature(hs_dir: Path) -> None:
    nomenclature = load_nomenclature(hs_dir)
    for category in load_categories().values():
        for r in category.ranges:
            assert nomenclature.get(r.low) or r.low == "77", (category.name, r.low)
            assert nomenclature.get(r.high), (category.name, r.high)


def test_nomenclature_counts(hs_dir: Path) -> None:
    nomenclature = load_nomenclature(hs_dir)
    levels = [c.level for c in nomenclature.codes.values()]
    assert (levels.count(2), levels.count(4), levels.count(6)) == (96, 1228, 5612)


def test_missing_nomenclature_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SANCTIONWATCH_HS_DIR"):
        load_nomenclature(tmp_path)
