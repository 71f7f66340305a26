"""What is screened: a name plus whatever else is known about the party.

Every field but the name is optional. ``from_dict`` reads the batch input shape of design.md
(``{"id", "name", "schema", "birth_date", "country", "identifiers": [...]}``) and says exactly
which field is wrong when a row cannot be used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.exc import InputError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SCHEMAS = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane", "PublicBody")


@dataclass(slots=True)
class Query:
    """A party to screen."""

    name: str
    schema: str | None = None
    birth_date: str | None = None
    country: str | None = None
    identifiers: list[str] = field(default_factory=list)
    datasets: list[str] | None = None
    id: str | None = None

    def __post_init__(self) -> None:
        self.name = (self.name or "").strip()
        if not self.name and not self.identifiers:
            raise InputError("A query needs a name (or an identifier)", field="name")
        if self.schema is not None and self.schema not in _SCHEMAS:
            raise InputError(
                f"Unknown schema {self.schema!r}; expected one of {', '.join(_SCHEMAS)}",
                field="schema",
                value=self.schema,
            )
        if self.birth_date is not None:
            self.birth_date = self.birth_date.strip() or None
        if self.birth_date is not None and not _DATE.match(self.birth_date):
            raise InputError(
                f"Birth date {self.birth_date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
                field="birth_date",
                value=self.birth_date,
            )
        if self.country is not None:
            self.country = self.country.strip().upper() or None
        if self.country is not None and not re.fullmatch(r"[A-Z]{2}", self.country):
            raise InputError(
                f"Country {self.country!r} is not an ISO 3166-1 alpha-2 code",
                field="country",
                value=self.country,
            )
        self.identifiers = [i.strip() for i in self.identifiers if i and i.strip()]

    def to_dict(self) -> dict[str, Any]:
        """The ``query`` object of the screen JSON output (empty fields left out)."""
        out: dict[str, Any] = {"name": self.name}
        for key in ("id", "schema", "birth_date", "country"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.identifiers:
            out["identifiers"] = list(self.identifiers)
        if self.datasets:
            out["datasets"] = list(self.datasets)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Query:
        """A query from a batch row; raises InputError naming the bad field."""
        ids = data.get("identifiers") or []
        if isinstance(ids, str):
            ids = [i for i in re.split(r"[;|]", ids) if i.strip()]
        if not isinstance(ids, list) or not all(isinstance(i, str | int) for i in ids):
            raise InputError("identifiers must be a list of strings", field="identifiers")
        for key in ("name", "schema", "birth_date", "country", "id"):
            value = data.get(key)
            if value is not None and not isinstance(value, str | int):
                raise InputError(f"{key} must be a string, got {type(value).__name__}", field=key)
        return cls(
            name=str(data.get("name") or ""),
            schema=data.get("schema") or None,
            birth_date=str(data["birth_date"]) if data.get("birth_date") else None,
            country=data.get("country") or None,
            identifiers=[str(i) for i in ids],
            id=str(data["id"]) if data.get("id") not in (None, "") else None,
        )
