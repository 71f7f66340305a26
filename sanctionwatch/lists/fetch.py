"""Download official lists from their official addresses, then load them.

Downloads are conditional (ETag / Last-Modified remembered per dataset), streamed to a
temporary file under the data home with a size cap, checksummed, and only then loaded; the
load itself is one transaction. Without a network the update fails with a clear message and
the store is left as it was.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from sanctionwatch.exc import FetchError, NotFoundError
from sanctionwatch.lists.base import ListFormat
from sanctionwatch.lists.load import LoadResult, load_file
from sanctionwatch.lists.reader import MAX_LIST_BYTES
from sanctionwatch.lists.registry import get_formats
from sanctionwatch.settings import Settings
from sanctionwatch.store.base import Store

log = logging.getLogger(__name__)

USER_AGENT = "sanctionwatch (sanctions list updater)"


@dataclass(slots=True)
class UpdateResult:
    dataset: str
    url: str
    status: str  # "loaded" | "not-modified" | "unchanged"
    load: LoadResult | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"dataset": self.dataset, "url": self.url, "status": self.status}
        if self.load is not None:
            out.update(self.load.to_dict())
        return out


def updatable_formats(datasets: list[str] | None = None) -> list[ListFormat]:
    """Formats with an official download address (one per dataset), optionally filtered."""
    found: dict[str, ListFormat] = {}
    for fmt in get_formats():
        if fmt.source.url and not fmt.companion:
            found.setdefault(fmt.source.dataset, fmt)
    if datasets:
        unknown = sorted(set(datasets) - set(found))
        if unknown:
            raise NotFoundError(
                f"No official download address for {', '.join(unknown)}; "
                f"known: {', '.join(sorted(found))}",
                datasets=unknown,
            )
        return [found[d] for d in datasets]
    return list(found.values())


def _conditional_headers(store: Store, dataset: str) -> dict[str, str]:
    raw = store.get_meta(f"fetch:{dataset}")
    if not raw:
        return {}
    state = json.loads(raw)
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    return headers


def download(
    client: httpx.Client, url: str, target: Path, headers: dict[str, str]
) -> httpx.Response:
    """Stream ``url`` to ``target``; returns the response (304 leaves ``target`` empty)."""
    try:
        with client.stream("GET", url, headers=headers) as resp:
            if resp.status_code == 304:
                return resp
            if resp.status_code != 200:
                raise FetchError(
                    f"{url} answered HTTP {resp.status_code}", url=url, status=resp.status_code
                )
            size = 0
            with open(target, "wb") as fh:
                for chunk in resp.iter_bytes(1 << 16):
                    size += len(chunk)
                    if size > MAX_LIST_BYTES:
                        raise FetchError(f"{url} sent more than {MAX_LIST_BYTES} bytes", url=url)
                    fh.write(chunk)
            return resp
    except httpx.HTTPError as exc:
        raise FetchError(
            f"Cannot download {url}: {exc.__class__.__name__}: {exc}. Is there a network? "
            "The store was left as it was; `sanctionwatch lists load PATH` loads local files.",
            url=url,
        ) from exc


def update_dataset(
    fmt: ListFormat,
    store: Store,
    settings: Settings,
    client: httpx.Client,
    force: bool = False,
) -> UpdateResult:
    url = str(fmt.source.url)
    dataset = fmt.source.dataset
    folder = settings.home / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f"{dataset}-", dir=folder)
    os.close(fd)
    target = Path(name)
    try:
        resp = download(client, url, target, {} if force else _conditional_headers(store, dataset))
        if resp.status_code == 304:
            return UpdateResult(dataset, url, "not-modified")
        result = load_file(target, store, dataset=dataset, format=fmt.name, force=force, source=url)
        store.set_meta(
            f"fetch:{dataset}",
            json.dumps(
                {
                    "etag": resp.headers.get("etag"),
                    "last_modified": resp.headers.get("last-modified"),
                    "sha256": result.version.sha256,
                }
            ),
        )
        return UpdateResult(dataset, url, "unchanged" if result.skipped else "loaded", result)
    finally:
        target.unlink(missing_ok=True)


def update_lists(
    store: Store,
    settings: Settings,
    datasets: list[str] | None = None,
    force: bool = False,
    transport: httpx.BaseTransport | None = None,
    on_result: Callable[[UpdateResult], None] | None = None,
) -> list[UpdateResult]:
    """Download and load each list; stops at the first failure (earlier loads are kept)."""
    results = []
    with httpx.Client(
        timeout=settings.http_timeout,
        follow_redirects=True,
        transport=transport,
        headers={"User-Agent": USER_AGENT},
    ) as client:
        for fmt in updatable_formats(datasets):
            result = update_dataset(fmt, store, settings, client, force)
            results.append(result)
            if on_result is not None:
                on_result(result)
    return results
