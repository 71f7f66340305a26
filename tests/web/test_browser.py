"""End to end in a real browser: paste a report, analyse it, open a finding, confirm it.

Drives Debian's Chromium (``apt-get install chromium``) headless through Playwright against
the app served by uvicorn on loopback. Without /usr/bin/chromium the test is skipped, except
under CI (``CI=true``) where it fails. A screenshot of the reviewed finding is saved to
``artifacts/`` as a test artefact.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.api_support import ALICE_KEY, REPORT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture()
def page() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context.new_page()
        context.close()
        browser.close()


def test_paste_analyse_review_audit(page: Any, live_server: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{live_server}/ui/analyze")
    page.fill("textarea[name=text]", REPORT)
    page.fill("input[name=title]", "A limousine for Pyongyang")
    page.fill("input[name=published]", "2024-02-20")
    page.click("button[type=submit]")
    page.wait_for_url("**/ui/documents/*")
    expect(page.locator("h1")).to_have_text("A limousine for Pyongyang")
    expect(page.locator("mark").first).to_be_visible()

    page.locator(".finding-line:has(.verdict-violation) a").first.click()
    page.wait_for_url("**/ui/findings/*")
    expect(page.locator(".badge.verdict-violation")).to_be_visible()
    expect(page.locator("mark.ev-main").first).to_be_visible()
    expect(page.locator(".rule .cite").first).to_contain_text("UNSCR")

    # Without a key the review is refused and nothing is recorded.
    page.fill("textarea[name=reason]", "Delivery confirmed by photographs")
    page.click("#review-form button[type=submit]")
    expect(page.locator("#review-form .msg")).to_contain_text("API key")
    expect(page.locator("#audit li")).to_have_count(1)

    page.fill("input[name=key]", ALICE_KEY)
    page.click("#review-form button[type=submit]")
    expect(page.locator("#audit li")).to_have_count(2)
    expect(page.locator("#audit li").last).to_contain_text("confirm by alice")
    expect(page.locator("#audit li").last).to_contain_text("Delivery confirmed by photographs")
    expect(page.locator(".meta .badge.status-confirmed")).to_be_visible()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "finding-reviewed.png"), full_page=True)

    page.goto(f"{live_server}/ui/?status=confirmed")
    expect(page.locator("table.list tbody tr")).to_have_count(1)
    page.screenshot(path=str(ARTIFACTS / "inbox.png"), full_page=True)


def test_inbox_filter_dismiss_and_screen(page: Any, live_server: str, loaded_store: Any) -> None:
    from playwright.sync_api import expect

    # The live server shares the store; findings are written through its findings store.
    from sanctionwatch.store.findings_sqlite import SQLiteFindings
    from tests.api.api_support import TEXT, seed_finding

    findings = SQLiteFindings(loaded_store)
    seed_finding(findings, verdict="possible")
    violation = seed_finding(findings, TEXT + " Confirmed by a second source.")
    page.goto(f"{live_server}/ui/")
    expect(page.locator("table.list tbody tr")).to_have_count(2)
    page.click("a.chip.f-verdict-violation")
    expect(page.locator("table.list tbody tr")).to_have_count(1)
    page.locator("table.list tbody tr a").first.click()
    page.wait_for_url(f"**/ui/findings/{violation}")

    page.check("input[name=action][value=dismiss]")
    expect(page.locator("textarea[name=note]")).to_be_hidden()
    page.fill("textarea[name=reason]", "Another company with the same name")
    page.fill("input[name=key]", ALICE_KEY)
    page.click("#review-form button[type=submit]")
    expect(page.locator("#audit li").last).to_contain_text("dismiss by alice")
    expect(page.locator(".meta .badge.status-dismissed")).to_be_visible()

    page.goto(f"{live_server}/ui/screen")
    page.fill("input[name=name]", "Иван Петровский")
    page.click("button[type=submit]")
    expect(page.locator("table.list tbody tr").first).to_contain_text("Petrovsky")
    page.locator("table.list tbody tr a").first.click()
    expect(page.locator("h1")).to_contain_text("Petrovsky")
