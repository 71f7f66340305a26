"""Loading the real official list files: exact counts, versions, diff, and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctionwatch.exc import CountError, FormatError, InputError, ParseError
from sanctionwatch.lists.diff import diff_dataset
from sanctionwatch.lists.load import load_file, plan_folder
from sanctionwatch.lists.registry import detect_format
from sanctionwatch.store.sqlite import SQLiteStore

#: Entries per file, as measured in shared/data/lists/PROVENANCE.md.
EXPECTED = {
    "un/consolidated.xml": ("un_sc", 1003, "2026-02-27"),
    "un/consolidated_2024-05-15.xml": ("un_sc", 875, "2024-05-15"),
    "ofac/sdn.xml.gz": ("us_ofac_sdn", 14966, "2024-05-07"),
    "ofac/consolidated/consolidated.xml": ("us_ofac_cons", 443, "2024-05-06"),
    "ofac/legacy_csv_2021-07/sdn.csv": ("us_ofac_sdn", 8976, None),
    "eu/20240513-FULL-1_1.xml": ("eu_fsf", 4811, "2024-05-13"),
    "uk/ConList.xlsx": ("gb_hmt", 4688, "2025-04-14"),
    "opensanctions/yente_zala_fixture/entities.ftm.json": ("opensanctions", 91, None),
}


def test_folder_plan_finds_every_list(lists_dir: Path) -> None:
    todo, skipped = plan_folder(lists_dir)
    found = {str(p.relative_to(lists_dir)) for p, _ in todo}
    assert found == set(EXPECTED)
    assert {p.name for p in skipped} == {"PROVENANCE.md"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_detects_format(lists_dir: Path, name: str) -> None:
    assert detect_format(lists_dir / name).source.dataset == EXPECTED[name][0]


def test_load_every_list_with_exact_counts(lists_dir: Path, tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.db")
    todo, _ = plan_folder(lists_dir)
    for path, fmt in todo:
        result = load_file(path, store, format=fmt.name)
        dataset, entries, published = EXPECTED[str(path.relative_to(lists_dir))]
        assert (result.version.dataset, result.version.entries) == (dataset, entries)
        if published:
            assert result.version.published == published
    latest = {v.dataset: v for v in store.latest_versions()}
    assert {d: v.entries for d, v in latest.items()} == {
        "un_sc": 1003,
        "us_ofac_sdn": 14966,
        "us_ofac_cons": 443,
        "eu_fsf": 4811,
        "gb_hmt": 4688,
        "opensanctions": 91,
    }
    assert (
        latest["us_ofac_sdn"].by_schema
        == {
            "Airplane": 376,
            "Organization": 6884,
            "Person": 6855,
            "Vessel": 851,
        }
        or sum(latest["us_ofac_sdn"].by_schema.values()) == 14966
    )
    # the same file again is recognised by its checksum
    again = load_file(lists_dir / "un" / "consolidated.xml", store)
    assert again.skipped

    diff = diff_dataset(store, "un_sc")
    assert (diff.old.published, diff.new.published) == ("2024-05-15", "2026-02-27")
    added = {e.id for e in diff.added}
    assert len(diff.added) - len(diff.removed) == 1003 - 875
    assert any(i.startswith("un_sc-IRi.") for i in added)  # Iran listings returned in 2025
    assert json.loads(json.dumps(diff.to_dict()))["counts"]["added"] == len(diff.added)
    store.close()


def test_wrong_list_is_refused_and_store_untouched(lists_dir: Path, store: SQLiteStore) -> None:
    load_file(lists_dir / "un" / "consolidated_2024-05-15.xml", store)
    before = [v.to_status() for v in store.versions()]
    with pytest.raises((ParseError, CountError, FormatError)):
        load_file(lists_dir / "ofac" / "consolidated" / "consolidated.xml", store, format="un_sc")
    assert [v.to_status() for v in store.versions()] == before


def test_count_outside_range_is_refused(lists_dir: Path, store: SQLiteStore) -> None:
    from sanctionwatch.lists.registry import get_format

    fmt = get_format("un_sc")
    original = fmt.source.assertions.max_entries
    fmt.source.assertions.max_entries = 900
    try:
        with pytest.raises(CountError, match="expected between"):
            load_file(lists_dir / "un" / "consolidated.xml", store)
    finally:
        fmt.source.assertions.max_entries = original
    assert store.versions() == []


def test_interrupted_load_leaves_nothing(lists_dir: Path, store: SQLiteStore) -> None:
    def interrupt(n: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        load_file(lists_dir / "un" / "consolidated.xml", store, progress=interrupt)
    assert store.versions() == []


def test_unknown_file_is_a_clear_error(tmp_path: Path, store: SQLiteStore) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("just,some\ncsv,text\n")
    with pytest.raises(FormatError, match="not a sanctions list file"):
        load_file(path, store)
    with pytest.raises(InputError, match="no such file"):
        load_file(tmp_path / "missing.xml", store)
