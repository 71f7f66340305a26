from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.exc import ConfigError, NotFoundError
from sanctionwatch.regimes.rules import DATA_DIR, load_rulebook, read_regime, rule_files

REQUIRED_REGIMES = {"un_kp", "eu_kp", "eu_ru", "us_ear", "designations"}


def test_every_rule_file_loads() -> None:
    files = rule_files()
    assert {p.stem for p in files} == REQUIRED_REGIMES
    for path in files:
        regime = read_regime(path)
        assert regime.rules, path


def test_every_rule_has_a_citation_and_summary() -> None:
    for rule in load_rulebook().rules:
        assert rule.instrument.strip(), rule.id
        assert rule.provision.strip(), rule.id
        assert rule.summary.strip().endswith("."), rule.id
        if rule.direction != "dealing":
            assert rule.in_force is not None, rule.id


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in load_rulebook().rules]
    assert len(ids) == len(set(ids))


def test_unverified_rules_say_what_is_unverified() -> None:
    rules = load_rulebook().rules
    unverified = [r for r in rules if not r.verified]
    assert unverified, "the notes mark several paragraph numbers as unverified"
    assert all(r.unverified for r in unverified)
    assert load_rulebook().get("un-kp-2397-supply").verified is False
    assert load_rulebook().get("un-kp-luxury").verified is True


def test_un_rulebook_covers_the_resolutions() -> None:
    instruments = {r.instrument for r in load_rulebook().for_regime("un_kp")}
    for number in ["1718", "1874", "2270", "2321", "2371", "2375", "2397"]:
        assert any(number in i for i in instruments), number
    cited = " ".join(item.cites or "" for r in load_rulebook().rules for item in r.goods)
    assert "UNSCR 2094 (2013) Annex IV" in cited


def test_designation_rules_for_every_list() -> None:
    lists = {
        name
        for rule in load_rulebook().rules
        if rule.direction == "dealing"
        for name in rule.target.lists
    }
    assert {"un_sc", "us_ofac_sdn", "us_ofac_cons", "eu_fsf", "gb_hmt"} <= lists


def test_unknown_rule_id() -> None:
    with pytest.raises(NotFoundError, match="regimes list"):
        load_rulebook().get("no-such-rule")


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bad.yml"
    path.write_text("id: bad\ntitle: t\nauthority: a\nrules:\n" + body)
    return path


RULE = """  - id: bad-rule
    title: t
    instrument: X
    provision: p
    in_force: 2020-01-01
    direction: to
    target: {countries: [%s]}
    goods: [{label: cars, hs: ["%s"], categories: [%s]}]
    summary: s.
"""


@pytest.mark.parametrize(
    ("country", "hs", "category", "message"),
    [
        ("kp", "8703", "vehicles", "alpha-2"),
        ("KP", "87x3", "vehicles", "HS selector"),
        ("KP", "8703", "flying_cars", "flying_cars"),
    ],
)
def test_invalid_rules_are_refused_with_file_and_rule(
    tmp_path: Path, country: str, hs: str, category: str, message: str
) -> None:
    path = _write(tmp_path, RULE % (country, hs, category))
    with pytest.raises(ConfigError, match=message) as info:
        read_regime(path)
    assert "bad.yml" in info.value.message


def test_rule_dates_must_be_in_order(tmp_path: Path) -> None:
    body = (RULE % ("KP", "8703", "vehicles")).replace(
        "    in_force: 2020-01-01\n", "    in_force: 2020-01-01\n    ends: 2019-01-01\n"
    )
    with pytest.raises(ConfigError, match="bad-rule"):
        read_regime(_write(tmp_path, body))


def test_duplicate_ids_across_files_are_refused(tmp_path: Path) -> None:
    for name in ("a.yml", "b.yml"):
        (tmp_path / name).write_text(
            f"id: {name[0]}x\ntitle: t\nauthority: a\nrules:\n" + RULE % ("KP", "87", "vehicles")
        )
    with pytest.raises(ConfigError, match="Duplicate rule id"):
        load_rulebook(tmp_path)


def test_data_dir_is_inside_the_package() -> None:
    assert DATA_DIR.parent.name == "regimes"
