"""Which kinds of entity can be the same: a person is never a vessel, a company never a person.
LegalEntity (and an unknown schema) stands for any kind of party."""

from __future__ import annotations

PERSON, ORG, VESSEL, AIRPLANE, ANY = 1, 2, 3, 4, 0

_GROUPS = {
    "Person": PERSON,
    "Organization": ORG,
    "Company": ORG,
    "PublicBody": ORG,
    "Vessel": VESSEL,
    "Airplane": AIRPLANE,
}


def schema_group(schema: str | None) -> int:
    """The group of an FtM schema name (ANY for LegalEntity, unknown or none)."""
    return _GROUPS.get(schema or "", ANY)


def compatible_groups(query_schema: str | None) -> frozenset[int]:
    """The groups a query of this schema may match."""
    group = schema_group(query_schema)
    if group == ANY:
        return frozenset({ANY, PERSON, ORG, VESSEL, AIRPLANE})
    return frozenset({ANY, group})
