"""The library calls behind the routes and the web pages: screen, analyse, check, store.

Routes and templates stay thin: they validate input and shape output, and everything they do
is here, over the same library functions the CLI uses. Library modules are imported where
they are used so that the service starts fast and each route fails on its own if a part is
missing.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sanctionwatch import __version__
from sanctionwatch.api.errors import APIError
from sanctionwatch.api.state import AppState
from sanctionwatch.store.findings import NewFinding

if TYPE_CHECKING:
    from sanctionwatch.extract import Analysis
    from sanctionwatch.match import Query, Result

log = logging.getLogger(__name__)


def loaded_datasets(state: AppState) -> list[str]:
    return state.datasets()


def check_datasets(state: AppState, datasets: list[str] | None, field: str) -> list[str] | None:
    """The datasets asked for, all loaded; a 404 names the unknown ones."""
    if not datasets:
        return None
    known = set(loaded_datasets(state))
    unknown = [d for d in datasets if d not in known]
    if unknown:
        raise APIError(
            404,
            f"Dataset(s) not loaded: {', '.join(unknown)}; loaded: {', '.join(sorted(known))}",
            errors=[{"field": field, "message": f"unknown dataset {d!r}"} for d in unknown],
        )
    return list(datasets)


def make_query(
    name: str,
    schema: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    identifiers: list[str] | None = None,
    datasets: list[str] | None = None,
) -> Query:
    from sanctionwatch.match import Query

    return Query(
        name=name,
        schema=schema,
        birth_date=birth_date,
        country=country.upper() if country else None,
        identifiers=list(identifiers or []),
        datasets=datasets,
    )


def screen(
    state: AppState,
    query: Query,
    limit: int | None,
    threshold: float | None,
    algorithm: str | None = None,
) -> list[Result]:
    """Screen one query; results best first."""
    limit = limit or state.settings.match_limit
    return state.matcher().screen(query, limit=limit, threshold=threshold, algorithm=algorithm)


# -- provenance ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def describe_rulebook() -> dict[str, Any]:
    """Versions of the rules: a content hash of each rule, and one of the whole rulebook.

    Rules are data without version numbers; the hash of a rule's validated content changes
    exactly when the rule does, so a stored finding says which text of each rule it used.
    """
    from sanctionwatch.regimes import load_rulebook

    versions = {
        rule.id: hashlib.sha256(rule.model_dump_json().encode()).hexdigest()[:12]
        for rule in load_rulebook().rules
    }
    book = hashlib.sha256(json.dumps(versions, sort_keys=True).encode()).hexdigest()[:12]
    return {"version": book, "rules": versions}


def made_with(state: AppState, rule_ids: set[str]) -> dict[str, Any]:
    """What a finding was made with: list versions, rule versions, algorithm, software."""
    book = describe_rulebook()
    lists = [
        {"dataset": v.dataset, "version": v.id, "published": v.published, "sha256": v.sha256}
        for v in state.store.latest_versions()
    ]
    return {
        "lists": sorted(lists, key=lambda x: str(x["dataset"])),
        "rulebook": book.get("version"),
        "rules": {r: book.get("rules", {}).get(r, "") for r in sorted(rule_ids)},
        "algorithm": state.settings.match_algorithm,
        "sanctionwatch": __version__,
    }


# -- storing findings ----------------------------------------------------------------------


def _worth_storing(finding: dict[str, Any]) -> bool:
    return finding.get("verdict") != "none" or bool(finding.get("matches"))


def store_result(
    state: AppState,
    kind: str,
    text: str,
    meta: dict[str, Any],
    result: dict[str, Any],
    actor: str,
) -> dict[str, Any]:
    """Store the document and its findings; returns ``{"document_id", "findings": [...]}``."""
    doc = state.findings.save_document(
        kind, text, meta.get("title"), meta.get("published"), meta.get("source"), result
    )
    events = {str(e.get("id")): e for e in result.get("events") or []}
    new = [
        NewFinding(events.get(str(f.get("event")), {"id": f.get("event")}), f)
        for f in result.get("findings") or []
        if _worth_storing(f)
    ]
    rule_ids = {str(r.get("id")) for n in new for r in n.finding.get("rules") or []}
    stored = state.findings.add_findings(doc, new, made_with(state, rule_ids), actor)
    return {
        "document_id": doc.id,
        "findings": [{"event": s.event_id, "id": s.id, "status": s.status} for s in stored],
    }


# -- analysis and check --------------------------------------------------------------------


def analyze(state: AppState, text: str | None, html: str | None, meta: dict[str, Any]) -> Analysis:
    """Run the report analysis of the extract package on text or HTML."""
    from sanctionwatch.extract import analyze_html, analyze_text

    published, title, source = meta.get("published"), meta.get("title"), meta.get("source")
    if html is not None:
        result: Analysis = analyze_html(html, published, title, source, state.matcher())
        return result
    return analyze_text(text or "", published, title, source, state.matcher())


def analyze_and_store(
    state: AppState,
    text: str | None,
    html: str | None,
    meta: dict[str, Any],
    actor: str,
    store: bool = True,
) -> dict[str, Any]:
    analysis = analyze(state, text, html, meta)
    result: dict[str, Any] = analysis.to_dict()
    # Evidence offsets point into the analysed text (the text of the HTML, for HTML input).
    body = getattr(analysis, "text", None) or text or html or ""
    if store:
        result["stored"] = store_result(state, "text", body, meta, result, actor)
    log.info(
        "analysed",
        extra={"events": len(result.get("events", [])), "stored": result.get("stored")},
    )
    return result


def check_and_store(
    state: AppState, records: list[dict[str, Any]], actor: str, store: bool = True
) -> list[dict[str, Any]]:
    """Check structured records, one result per record in order; store their findings."""
    from sanctionwatch.check import check_rows

    rows = [(number, record) for number, record in enumerate(records, start=1)]
    results = list(check_rows(rows, matcher=state.matcher()))
    for record, result in zip(records, results, strict=True):
        if store and "error" not in result:
            text = json.dumps(record, ensure_ascii=False, sort_keys=True)
            meta = {"title": f"Record {record.get('id') or ''}".strip(), "source": "check"}
            result["stored"] = store_result(state, "record", text, meta, result, actor)
    return results
