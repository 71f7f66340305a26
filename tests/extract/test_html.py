"""HTML pages: main text without boilerplate, and the publication date from metadata."""

from __future__ import annotations

import pytest

from sanctionwatch.extract import analyze_html, extract_html

PAGE = """<!doctype html><html><head>
<meta property="og:title" content="Tractors for Damascus">
{meta}
<script>var tracking = "Russia sold tanks to Iran";</script></head>
<body><nav><a href="/">Home</a> Moscow sold jets to Iran</nav>
<div class="share-bar">Share this</div>
<article><h1>Tractors for Damascus</h1>
<p>Four tractors were exported from Belarus to Syria on Sunday.</p>
<aside>Related: Minsk shipped buses to Caracas.</aside>
<p>The buyer paid in cash.</p></article>
<footer>Copyright 2024 Example News, Minsk sold trucks to Havana</footer></body></html>"""


@pytest.mark.parametrize(
    "meta",
    [
        '<meta property="article:published_time" content="2024-02-20T08:00:00Z">',
        '<script type="application/ld+json">{"@graph": [{"datePublished": "2024-02-20"}]}</script>',
        "",
    ],
)
def test_date_comes_from_meta_json_ld_or_time(meta: str) -> None:
    page = PAGE.format(meta=meta)
    if not meta:
        page = page.replace("<article>", '<article><time datetime="2024-02-20">20 Feb</time>')
    assert extract_html(page).published == "2024-02-20"


def test_boilerplate_is_dropped_and_blocks_kept() -> None:
    page = extract_html(PAGE.format(meta=""))
    assert page.title == "Tractors for Damascus"
    assert "Four tractors were exported" in page.text
    assert "The buyer paid in cash." in page.text
    for noise in ("Home", "Share this", "Related", "Copyright", "tracking"):
        assert noise not in page.text


def test_analysis_of_a_page_uses_its_date_and_only_its_article() -> None:
    meta = '<meta property="article:published_time" content="2024-02-20T08:00:00Z">'
    result = analyze_html(PAGE.format(meta=meta)).to_dict()
    assert result["document"]["published"] == "2024-02-20"
    assert [(e["origin"], e["destination"], e["date"]) for e in result["events"]] == [
        ("BY", "SY", "2024-02-18")
    ]


def test_the_published_option_overrides_the_page() -> None:
    meta = '<meta property="article:published_time" content="2024-02-20">'
    result = analyze_html(PAGE.format(meta=meta), published="2024-03-05").to_dict()
    assert result["document"]["published"] == "2024-03-05"
