"""``lists update``: conditional downloads, no network, bad payloads; the store stays whole."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from sanctionwatch.exc import FetchError, ParseError
from sanctionwatch.lists.fetch import updatable_formats, update_lists
from sanctionwatch.settings import Settings
from sanctionwatch.store.sqlite import SQLiteStore


def settings_for(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home")


def test_every_official_list_has_an_address() -> None:
    datasets = {f.source.dataset for f in updatable_formats()}
    assert {"un_sc", "us_ofac_sdn", "us_ofac_cons", "eu_fsf", "gb_hmt"} <= datasets


def test_no_network_fails_clearly_and_changes_nothing(tmp_path: Path, store: SQLiteStore) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Name or service not known", request=request)

    with pytest.raises(FetchError, match="Is there a network") as err:
        update_lists(
            store, settings_for(tmp_path), ["un_sc"], transport=httpx.MockTransport(refuse)
        )
    assert "scsanctions.un.org" in str(err.value)
    assert store.versions() == []
    assert list((tmp_path / "home" / "downloads").iterdir()) == []


def test_download_then_not_modified(tmp_path: Path, store: SQLiteStore, lists_dir: Path) -> None:
    body = (lists_dir / "un" / "consolidated.xml").read_bytes()
    seen: list[httpx.Request] = []

    def serve(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, content=body, headers={"ETag": '"v1"'})

    transport = httpx.MockTransport(serve)
    (first,) = update_lists(store, settings_for(tmp_path), ["un_sc"], transport=transport)
    assert first.status == "loaded" and first.load is not None
    assert first.load.version.entries == 1003
    assert first.load.version.source.startswith("https://")
    (second,) = update_lists(store, settings_for(tmp_path), ["un_sc"], transport=transport)
    assert second.status == "not-modified"
    assert seen[1].headers["if-none-match"] == '"v1"'
    assert len(store.versions("un_sc")) == 1


def test_truncated_download_leaves_store_as_it_was(
    tmp_path: Path, store: SQLiteStore, lists_dir: Path
) -> None:
    body = (lists_dir / "un" / "consolidated.xml").read_bytes()
    transport = httpx.MockTransport(lambda r: httpx.Response(200, content=body[: len(body) // 3]))
    with pytest.raises(ParseError, match="truncated"):
        update_lists(store, settings_for(tmp_path), ["un_sc"], transport=transport)
    assert store.versions() == []


def test_http_error_status(tmp_path: Path, store: SQLiteStore) -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(503))
    with pytest.raises(FetchError, match="HTTP 503"):
        update_lists(store, settings_for(tmp_path), ["eu_fsf"], transport=transport)
