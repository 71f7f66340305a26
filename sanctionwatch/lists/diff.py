"""What changed between two loaded versions of a dataset: entities added, removed, changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.exc import NotFoundError
from sanctionwatch.model.entity import Entity
from sanctionwatch.store.base import Store, Version


@dataclass(slots=True)
class Change:
    """One entity present in both versions with different values."""

    entity_id: str
    caption: str
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "caption": self.caption,
            "added": self.added,
            "removed": self.removed,
        }


@dataclass(slots=True)
class Diff:
    dataset: str
    old: Version
    new: Version
    added: list[Entity] = field(default_factory=list)
    removed: list[Entity] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def brief(e: Entity) -> dict[str, str]:
            return {"entity_id": e.id, "schema": e.schema, "caption": e.caption}

        return {
            "dataset": self.dataset,
            "old": {"version": self.old.id, "published": self.old.published},
            "new": {"version": self.new.id, "published": self.new.published},
            "counts": {
                "added": len(self.added),
                "removed": len(self.removed),
                "changed": len(self.changed),
            },
            "added": [brief(e) for e in self.added],
            "removed": [brief(e) for e in self.removed],
            "changed": [c.to_dict() for c in self.changed],
        }


def compare_entities(old: Entity, new: Entity) -> Change | None:
    before, after = old.properties, new.properties
    change = Change(new.id, new.caption)
    for prop in sorted(set(before) | set(after)):
        was, now = set(before.get(prop, [])), set(after.get(prop, []))
        if now - was:
            change.added[prop] = sorted(now - was)
        if was - now:
            change.removed[prop] = sorted(was - now)
    if old.schema != new.schema:
        change.added["schema"], change.removed["schema"] = [new.schema], [old.schema]
    return change if change.added or change.removed else None


def diff_versions(store: Store, old: Version, new: Version) -> Diff:
    before = {e.id: e for e in store.iter_entities(old.id)}
    after = {e.id: e for e in store.iter_entities(new.id)}
    result = Diff(new.dataset, old, new)
    result.added = [after[i] for i in sorted(set(after) - set(before))]
    result.removed = [before[i] for i in sorted(set(before) - set(after))]
    for eid in sorted(set(before) & set(after)):
        change = compare_entities(before[eid], after[eid])
        if change is not None:
            result.changed.append(change)
    return result


def diff_dataset(store: Store, dataset: str) -> Diff:
    """Diff the two most recent versions of a dataset (older -> newer)."""
    versions = store.versions(dataset)
    if not versions:
        raise NotFoundError(f"No versions of dataset {dataset!r} are loaded", dataset=dataset)
    if len(versions) < 2:
        raise NotFoundError(
            f"Only one version of {dataset!r} is loaded (published {versions[0].published}); "
            "load another file of the same list to diff",
            dataset=dataset,
        )
    return diff_versions(store, versions[1], versions[0])
