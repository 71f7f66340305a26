"""Request and response models of the HTTP API, with examples for the OpenAPI page.

They carry the JSON contracts of design.md (screen results, analysis, check) plus the
findings, review and audit records of the service, and the one error shape. The models of the
yente-compatible endpoints live with their translation in :mod:`sanctionwatch.api.yente`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class ErrorItem(BaseModel):
    field: str = Field(examples=["queries.q1.schema"])
    message: str = Field(examples=["Field required"])


class ErrorResponse(BaseModel):
    """The one shape of every error response."""

    error: str = Field(examples=["invalid_request"])
    message: str = Field(examples=["The request is not valid: check queries.q1.schema"])
    errors: list[ErrorItem] = Field(default_factory=list)


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in (
        (401, "Missing or invalid API key"),
        (404, "Not found"),
        (413, "Request body too large"),
        (422, "Invalid request"),
        (500, "Server error"),
    )
}

# -- screening, check, analysis ------------------------------------------------------------


class ScreenRequest(BaseModel):
    """One name to screen, with what else is known about it (design.md batch line shape)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "Kim Jong Un", "birth_date": "1984"}]},
    )
    id: str | None = None
    name: str = Field(min_length=1, max_length=500)
    schema_: str | None = Field(None, alias="schema", examples=["Person"])
    birth_date: str | None = Field(None, pattern=ISO_DATE)
    country: str | None = Field(None, min_length=2, max_length=2)
    identifiers: list[str] = Field(default_factory=list, max_length=50)
    datasets: list[str] | None = None
    limit: int | None = Field(None, ge=1, le=100)
    threshold: float | None = Field(None, ge=0.0, le=1.0)


class ScreenResult(BaseModel):
    entity_id: str
    dataset: str
    schema_: str = Field(alias="schema")
    caption: str
    score: float
    match: bool
    explanation: str


class ScreenResponse(BaseModel):
    query: dict[str, Any]
    results: list[ScreenResult]


class CheckRecord(BaseModel):
    """A structured transfer record (design.md column names; all optional but goods or a party)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "r1",
                    "giver": "Example Motors LLC",
                    "giver_country": "RU",
                    "recipient": "Korea Ryonbong General Corporation",
                    "recipient_country": "KP",
                    "goods": "armoured limousine",
                    "hs": "8703",
                    "date": "2024-02-18",
                }
            ]
        },
    )
    id: str | None = None
    giver: str | None = None
    giver_country: str | None = None
    recipient: str | None = None
    recipient_country: str | None = None
    goods: str | None = None
    hs: str | list[str] | None = None
    value: float | str | None = None
    currency: str | None = None
    quantity: float | str | None = None
    date: str | None = None
    origin: str | None = None
    destination: str | None = None
    via: list[str] | str | None = None
    vessel: str | None = None
    imo: str | None = None
    status: Literal["actual", "negated", "hypothetical", "reported"] | None = None


class AnalyzeRequest(BaseModel):
    """A report to analyse: its text or its HTML, and what is known about it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "On 18 February the president gave the leader a Russian-made car.",
                    "published": "2024-02-20",
                    "title": "A gift of a car",
                }
            ]
        },
    )
    text: str | None = Field(None, min_length=1)
    html: str | None = Field(None, min_length=1)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=ISO_DATE)
    source: str | None = Field(None, max_length=2000)

    @model_validator(mode="after")
    def _one_body(self) -> AnalyzeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class StoredRef(BaseModel):
    document_id: int = Field(examples=[7])
    findings: list[dict[str, Any]] = Field(
        examples=[[{"event": "e1", "id": 12, "status": "open"}]],
        description="Each stored finding: its event, id and review status.",
    )


class AnalysisResponse(BaseModel):
    """The `analyze --format json` object of design.md, plus where its findings were stored."""

    model_config = ConfigDict(extra="allow")
    document: dict[str, Any] = Field(
        examples=[{"title": "A gift of a car", "published": "2024-02-20", "source": None}]
    )
    events: list[dict[str, Any]]
    findings: list[dict[str, Any]] = Field(
        examples=[
            [
                {
                    "event": "e1",
                    "verdict": "violation",
                    "rules": [
                        {
                            "id": "un-kp-2397-supply",
                            "regime": "un_kp",
                            "instrument": "UNSCR 2397 (2017)",
                            "provision": "para 7",
                            "why": "transportation vehicles (HS 87) supplied to the DPRK",
                        }
                    ],
                    "matches": [],
                }
            ]
        ]
    )
    mentions: list[dict[str, Any]] = Field(default_factory=list)
    stored: StoredRef | None = None


class CheckResult(BaseModel):
    """One record's result: events and findings, or the error that stopped it."""

    model_config = ConfigDict(extra="allow")
    id: str = Field(examples=["r1"])
    events: list[dict[str, Any]] | None = None
    findings: list[dict[str, Any]] | None = None
    error: str | None = Field(None, examples=["line 2: a record needs goods or a party"])
    stored: StoredRef | None = None


# -- findings, review, audit ---------------------------------------------------------------


class FindingItem(BaseModel):
    id: int = Field(examples=[1])
    document: dict[str, Any]
    event_id: str = Field(examples=["e1"])
    verdict: Literal["violation", "possible", "none"]
    status: Literal["open", "confirmed", "dismissed", "suppressed"]
    assignee: str | None = None
    created_at: str
    updated_at: str
    regimes: list[str] = Field(examples=[["UN-DPRK"]])
    event: dict[str, Any]
    finding: dict[str, Any]
    made_with: dict[str, Any]
    suppressed_by: int | None = None


class FindingList(BaseModel):
    items: list[FindingItem]
    total: int = Field(examples=[1])
    limit: int = Field(examples=[50])
    offset: int = Field(0, examples=[0])
    counts: dict[str, dict[str, int]] = Field(
        default_factory=dict, examples=[{"verdict": {"violation": 1}, "regime": {"UN-DPRK": 1}}]
    )


class ReviewRequest(BaseModel):
    """A review action; confirm and dismiss need a reason, note a note, assign an assignee."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"action": "dismiss", "reason": "Same name, different person"}]
        },
    )
    action: Literal["confirm", "dismiss", "note", "assign"]
    reason: str | None = Field(None, max_length=4000)
    note: str | None = Field(None, max_length=20000)
    assignee: str | None = Field(None, max_length=200)

    @model_validator(mode="after")
    def _needs(self) -> ReviewRequest:
        need = {"confirm": "reason", "dismiss": "reason", "note": "note", "assign": "assignee"}
        field = need[self.action]
        if not (getattr(self, field) or "").strip():
            raise ValueError(f"'{self.action}' needs a non-empty '{field}'")
        return self


class AuditItem(BaseModel):
    id: int
    finding_id: int
    at: str
    actor: str = Field(examples=["alice"])
    action: str = Field(examples=["dismiss"])
    reason: str | None = None
    note: str | None = None
    assignee: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class AuditResponse(BaseModel):
    finding_id: int
    items: list[AuditItem]


class HealthResponse(BaseModel):
    status: str = Field(examples=["ok"])
    detail: dict[str, Any] = Field(default_factory=dict)
