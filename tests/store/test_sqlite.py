"""The SQLite store: versions, atomic writes, newest-version selection, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.lists.base import Issue
from sanctionwatch.model.entity import Entity
from sanctionwatch.store.base import NewVersion
from sanctionwatch.store.sqlite import SQLiteStore


def make_person(eid: str, name: str, dataset: str = "test_list") -> Entity:
    ent = Entity(eid, "Person", dataset)
    ent.add("name", name, original=f"  {name.upper()} ")
    ent.add("birthDate", "1984-01-08", original="08 Jan 1984")
    return ent


def new_version(published: str | None, *entities: Entity, sha: str = "x") -> NewVersion:
    return NewVersion(
        "test_list",
        published,
        "file.xml",
        sha + (published or ""),
        "test",
        len(entities),
        list(entities),
        [Issue("warning", "odd value", "r1", "??")],
    )


def test_add_version_round_trips_entities(store: SQLiteStore) -> None:
    ent = make_person("t-1", "Kim Jong Un")
    version = store.add_version(new_version("2024-05-01", ent))
    assert version.entries == 1
    assert version.by_schema == {"Person": 1}
    (back,) = list(store.iter_entities(version.id))
    assert back == ent
    assert back.statements[1].original == "08 Jan 1984"
    assert store.get_entity("t-1") == ent
    assert store.version_issues(version.id)[0].value == "??"


def test_latest_version_is_by_publication_date(store: SQLiteStore) -> None:
    newer = store.add_version(new_version("2026-02-27", make_person("t-1", "A")))
    older = store.add_version(new_version("2024-05-15", make_person("t-1", "B")))
    assert [v.id for v in store.versions("test_list")] == [newer.id, older.id]
    assert store.latest_versions()[0].id == newer.id
    # get_entity reads the current version only
    found = store.get_entity("t-1")
    assert found is not None and found.caption == "A"


def test_failed_write_leaves_store_unchanged(store: SQLiteStore) -> None:
    store.add_version(new_version("2024-01-01", make_person("t-1", "A")))
    dup = make_person("t-2", "B")
    broken = new_version("2025-01-01", dup, dup, sha="y")  # duplicate primary key
    with pytest.raises(Exception, match="UNIQUE|Cannot write"):
        store.add_version(broken)
    assert len(store.versions()) == 1
    assert store.get_entity("t-2") is None


def test_prune_keeps_newest(store: SQLiteStore) -> None:
    for year in ("2021", "2022", "2023", "2024"):
        store.add_version(new_version(f"{year}-01-01", make_person("t-1", year), sha=year))
    assert store.prune("test_list", 2) == 2
    assert [v.published for v in store.versions("test_list")] == ["2024-01-01", "2023-01-01"]


def test_store_on_disk_reopens(tmp_path: Path) -> None:
    path = tmp_path / "home" / "store.db"
    db = SQLiteStore(path)
    db.add_version(new_version("2024-01-01", make_person("t-1", "A")))
    db.close()
    again = SQLiteStore(path)
    assert again.latest_versions()[0].entries == 1
    again.close()


names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@settings(max_examples=50, deadline=None)
@given(name=names, alias=names)
def test_any_entity_reads_back_the_same(name: str, alias: str) -> None:
    db = SQLiteStore(":memory:")
    ent = Entity("t-9", "Person", "test_list")
    ent.add("name", name, original=name + " (raw)")
    ent.add("alias", alias, lang="kor")
    version = db.add_version(new_version(None, ent))
    assert list(db.iter_entities(version.id)) == [ent]
    db.close()
