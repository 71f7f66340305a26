"""The analyst web UI: server-rendered pages over the same service functions as the API.

Pages live under ``/ui``: the inbox of findings, a finding (document with evidence
highlighted, parties and list matches, rules with citations, review and audit history), a
page to paste or upload a report, a document's analysis, screening, and list entities.
Review actions are sent by a few lines of JavaScript to the JSON API with the analyst's key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from sanctionwatch.api import service
from sanctionwatch.api.auth import COOKIE
from sanctionwatch.api.errors import APIError
from sanctionwatch.api.routers.findings import Filters
from sanctionwatch.api.state import AppState, get_state, reader
from sanctionwatch.exc import InputError
from sanctionwatch.store.findings import STATUSES, FindingFilter
from sanctionwatch.web import render

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(
    highlight=render.highlight,
    summarize_event=render.summarize_event,
    party_label=render.party_label,
    percent=render.percent,
    party_matches=render.party_matches,
    extra_matches=render.extra_matches,
)
templates.env.filters.update(label=render.prop_label, when=render.when)
router = APIRouter(prefix="/ui", include_in_schema=False)


def web_reader(request: Request) -> str:
    """Like the API's reader, but sends a browser without a key to the key page."""
    try:
        return reader(request)
    except APIError as exc:
        if exc.status != 401:
            raise
        target = f"/ui/key?next={quote(str(request.url.path))}"
        raise APIError(303, "An API key is needed", headers={"Location": target}) from exc


Actor = Annotated[str, Depends(web_reader)]
State = Annotated[AppState, Depends(get_state)]


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def not_found(request: Request, what: str) -> HTMLResponse:
    return page(request, "error.html", 404, title="Not found", message=what)


@router.get("", response_class=HTMLResponse)
@router.get("/", response_class=HTMLResponse)
def inbox(
    request: Request,
    state: State,
    actor: Actor,
    filters: Filters,
) -> HTMLResponse:
    # Suppressed findings (dismissed before) stay out of the inbox unless asked for;
    # the review counts still show how many there are.
    counts = {"status": state.findings.count_findings(filters, "status")}
    filters.hide_suppressed = filters.status is None
    items, total = state.findings.list_findings(filters)
    counts.update({by: state.findings.count_findings(filters, by) for by in ("verdict", "regime")})
    active = {k: v for k, v in request.query_params.items() if v and k != "offset"}
    return page(
        request,
        "inbox.html",
        items=items,
        total=total,
        counts=counts,
        filters=filters,
        active=active,
        statuses=STATUSES,
        urlencode=urlencode,
    )


@router.get("/findings/{finding_id}", response_class=HTMLResponse)
def finding_page(request: Request, finding_id: int, state: State, actor: Actor) -> HTMLResponse:
    found = state.findings.get_finding(finding_id)
    if found is None:
        return not_found(request, f"No finding with id {finding_id}.")
    document = state.findings.get_document(int(found.document["id"]))
    events = (document.analysis.get("events") if document else None) or [found.event]
    return page(
        request,
        "finding.html",
        f=found,
        document=document,
        events=events,
        audit=state.findings.audit_trail(finding_id),
    )


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request, actor: Actor) -> HTMLResponse:
    return page(request, "analyze.html", error=None, form={})


@router.post("/analyze", response_model=None)
async def analyze_submit(
    request: Request,
    state: State,
    actor: Actor,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
    source: Annotated[str, Form()] = "",
    upload: Annotated[UploadFile | None, File()] = None,
) -> Response:
    form = {"text": text, "title": title, "published": published, "source": source}
    html: str | None = None
    if upload is not None and upload.filename:
        raw = await upload.read()
        try:
            content = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return page(
                request, "analyze.html", 422, error="The file is not UTF-8 text.", form=form
            )
        is_html = upload.filename.lower().endswith((".html", ".htm"))
        html, text = (content, "") if is_html else (None, content)
        form["title"] = form["title"] or upload.filename
    if not (text.strip() or html):
        return page(
            request, "analyze.html", 422, error="Paste a report or choose a file.", form=form
        )
    meta = {k: (v.strip() or None) for k, v in form.items() if k != "text"}
    if meta["published"] and not _is_iso(meta["published"]):
        return page(
            request,
            "analyze.html",
            422,
            form=form,
            error="The publication date must look like 2024-02-20.",
        )
    try:
        result = service.analyze_and_store(state, text if html is None else None, html, meta, actor)
    except InputError as exc:
        return page(request, "analyze.html", 422, error=exc.message, form=form)
    return RedirectResponse(f"/ui/documents/{result['stored']['document_id']}", 303)


def _is_iso(value: str) -> bool:
    parts = value.split("-")
    return 1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: int, state: State, actor: Actor) -> HTMLResponse:
    document = state.findings.get_document(document_id)
    if document is None:
        return not_found(request, f"No document with id {document_id}.")
    stored, _ = state.findings.list_findings(FindingFilter(document_id=document_id, limit=500))
    by_event = {s.event_id: s for s in stored}
    return page(
        request, "document.html", document=document, analysis=document.analysis, by_event=by_event
    )


@router.get("/screen", response_class=HTMLResponse)
def screen_page(
    request: Request,
    state: State,
    actor: Actor,
    name: Annotated[str, Query(max_length=500)] = "",
    schema: Annotated[str, Query(max_length=50)] = "",
    birth_date: Annotated[str, Query(max_length=10)] = "",
    country: Annotated[str, Query(max_length=2)] = "",
) -> HTMLResponse:
    results: list[Any] = []
    if name.strip():
        query = service.make_query(
            name.strip(), schema or None, birth_date or None, country or None
        )
        results = service.screen(state, query, 20, None)
    form = {"name": name, "schema": schema, "birth_date": birth_date, "country": country}
    return page(
        request, "screen.html", form=form, results=results, datasets=service.loaded_datasets(state)
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, state: State, actor: Actor) -> HTMLResponse:
    entity = state.store.get_entity(entity_id)
    if entity is None:
        return not_found(request, f"No entity with id {entity_id} in the loaded lists.")
    related, total = state.findings.list_findings(FindingFilter(entity=entity_id, limit=50))
    return page(request, "entity.html", entity=entity, related=related, total=total)


@router.get("/key", response_class=HTMLResponse)
def key_form(request: Request, next: str = "/ui/") -> HTMLResponse:
    return page(request, "key.html", next=next if next.startswith("/") else "/ui/", error=None)


@router.post("/key", response_model=None)
def key_submit(
    request: Request, state: State, key: Annotated[str, Form()], next: Annotated[str, Form()]
) -> Response:
    target = next if next.startswith("/") and not next.startswith("//") else "/ui/"
    if state.keys.identify(key) is None:
        return page(request, "key.html", 401, next=target, error="That key is not valid.")
    response = RedirectResponse(target, 303)
    response.set_cookie(COOKIE, key, httponly=True, samesite="strict", max_age=8 * 3600)
    return response
