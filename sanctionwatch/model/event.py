"""Transfer events and findings: the product of the pipeline and its JSON contract.

The shapes follow ``design.md`` ("Contracts"); ``to_dict`` produces exactly those keys, and
tests guard them. Country codes are ISO 3166-1 alpha-2 in upper case; dates are ISO 8601 as
precise as known ("2018", "2024-02", "2024-02-18").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["actual", "negated", "hypothetical", "reported"]
Verdict = Literal["violation", "possible", "none"]


@dataclass(slots=True)
class ListMatch:
    """A list entry a party (or a mention) may be."""

    entity_id: str
    dataset: str
    caption: str
    score: float
    schema: str = ""
    programs: list[str] = field(default_factory=list)
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "entity_id": self.entity_id,
            "dataset": self.dataset,
            "caption": self.caption,
            "score": round(self.score, 4),
        }
        if self.schema:
            out["schema"] = self.schema
        if self.programs:
            out["programs"] = list(self.programs)
        if self.explanation:
            out["explanation"] = self.explanation
        return out


@dataclass(slots=True)
class Party:
    """Who gave or received: the words in the text, the resolved name and country."""

    text: str
    name: str | None = None
    country: str | None = None
    kind: str = "unknown"  # person | state | organization | vessel | unknown
    matches: list[ListMatch] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "matches": [m.to_dict() for m in self.matches],
        }


@dataclass(slots=True)
class Goods:
    """What was transferred: the words, HS headings, sanction category, value and quantity."""

    text: str
    hs: list[str] = field(default_factory=list)
    category: str | None = None
    categories: list[str] = field(default_factory=list)
    value: float | None = None
    currency: str | None = None
    quantity: float | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "hs": list(self.hs),
            "category": self.category,
            "value": self.value,
        }
        if self.categories:
            out["categories"] = list(self.categories)
        if self.currency:
            out["currency"] = self.currency
        if self.quantity is not None:
            out["quantity"] = self.quantity
        if self.confidence is not None:
            out["confidence"] = round(self.confidence, 3)
        return out


@dataclass(slots=True)
class Evidence:
    """A span of the source text, by character offsets (``text == source[start:end]``)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class TransferEvent:
    """Who transferred what to whom, when, from where to where."""

    id: str
    giver: Party | None = None
    recipient: Party | None = None
    goods: list[Goods] = field(default_factory=list)
    date: str | None = None
    origin: str | None = None
    destination: str | None = None
    via: list[str] = field(default_factory=list)
    vessel: str | None = None
    imo: str | None = None
    status: Status = "actual"
    evidence: list[Evidence] = field(default_factory=list)
    #: How the goods changed hands when that matters to a rule: "ship-to-ship" (at sea,
    #: between two vessels; UNSCR 2375 (2017) para 11). ``None``: not said.
    transfer_mode: str | None = None
    #: Exemptions the evidence says apply (rule exemption ids, e.g. "committee-25" for a
    #: Committee exemption granted, "aircraft-parts", "return-flight"). Empty: none said.
    exemptions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": "transfer",
            "giver": self.giver.to_dict() if self.giver else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "goods": [g.to_dict() for g in self.goods],
            "date": self.date,
            "origin": self.origin,
            "destination": self.destination,
            "status": self.status,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.via:
            out["via"] = list(self.via)
        if self.vessel or self.imo:
            out["vessel"] = self.vessel
            out["imo"] = self.imo
        if self.transfer_mode:
            out["transfer_mode"] = self.transfer_mode
        if self.exemptions:
            out["exemptions"] = list(self.exemptions)
        return out


@dataclass(slots=True)
class RuleHit:
    """A rule the event breaks (or may break), with its citation and the reason."""

    id: str
    regime: str
    instrument: str
    provision: str
    why: str
    summary: str = ""
    in_force: str | None = None
    verified: bool = True
    certainty: Verdict = "violation"
    exemptions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "regime": self.regime,
            "instrument": self.instrument,
            "provision": self.provision,
            "why": self.why,
            "certainty": self.certainty,
        }
        if self.summary:
            out["summary"] = self.summary
        if self.in_force:
            out["in_force"] = self.in_force
        if not self.verified:
            out["verified"] = False
        if self.exemptions:
            out["exemptions"] = list(self.exemptions)
        return out


@dataclass(slots=True)
class Finding:
    """The verdict on one event: the rules broken and the list entries of its parties."""

    event: str
    verdict: Verdict
    rules: list[RuleHit] = field(default_factory=list)
    matches: list[ListMatch] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "verdict": self.verdict,
            "rules": [r.to_dict() for r in self.rules],
            "matches": [m.to_dict() for m in self.matches],
        }
