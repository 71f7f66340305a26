"""Main text and metadata of an HTML page, for analysis.

Boilerplate goes first: scripts, styles, navigation, headers and footers, asides, forms, and
elements whose class or id says they are menus, share bars, related links, adverts or cookie
notices. The article (``<article>``, ``<main>`` or the body) is then read block by block
(headings, paragraphs, list items, quotes), one block per line, blank lines between.
The publication date comes from the page's metadata: ``article:published_time``, other
well-known ``<meta>`` names, JSON-LD ``datePublished``, or the first ``<time datetime>``.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from sanctionwatch.exc import InputError

log = logging.getLogger(__name__)

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "header",
    "figure",
)
BOILERPLATE = re.compile(
    r"\b(nav|navbar|menu|footer|sidebar|share|social|comment|comments|related|advert|ad|ads|"
    r"cookie|cookies|newsletter|subscribe|promo|breadcrumb|breadcrumbs|masthead|banner|popup|"
    r"modal|outbrain|taboola|recommended|byline-social)\b",
    re.I,
)
BLOCKS = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "td",
)
DATE_METAS = (
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "article.published",
    "sailthru.date",
    "parsely-pub-date",
    "citation_date",
)
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(slots=True)
class HtmlDocument:
    """The main text of a page, its title and publication date (ISO) when the page gives them."""

    text: str
    title: str | None
    published: str | None


def parse_page(html: str | bytes) -> Any:
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"Cannot parse the HTML document: {exc}") from exc
    return root


def _first_date(value: str | None) -> str | None:
    match = ISO_DATE.search(value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def _jsonld_dates(data: Any) -> list[str]:
    if isinstance(data, list):
        return [d for item in data for d in _jsonld_dates(item)]
    if not isinstance(data, dict):
        return []
    found = [str(data["datePublished"])] if data.get("datePublished") else []
    return found + _jsonld_dates(data.get("@graph"))


def find_published(root: Any) -> str | None:
    """The publication date from meta tags, JSON-LD or ``<time>``, as YYYY-MM-DD."""
    metas = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content")
    for key in DATE_METAS:
        if found := _first_date(metas.get(key)):
            return found
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except json.JSONDecodeError:
            continue
        for value in _jsonld_dates(data):
            if found := _first_date(value):
                return found
    for time in root.iter("time"):
        if found := _first_date(time.get("datetime") or time.text_content()):
            return found
    return None


def find_title(root: Any) -> str | None:
    for meta in root.iter("meta"):
        if (meta.get("property") or "").lower() == "og:title" and meta.get("content"):
            return str(meta.get("content")).strip()
    for tag in ("h1", "title"):
        for el in root.iter(tag):
            text = " ".join(el.text_content().split())
            if text:
                return text
    return None


def drop_boilerplate(root: Any) -> None:
    for el in list(root.iter(*DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None or el.tag in ("html", "body"):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
        if BOILERPLATE.search(marks.replace("-", " ").replace("_", " ")):
            el.drop_tree()


def main_text(root: Any) -> str:
    container = next(iter(root.xpath("//article | //main")), None)
    if container is None:
        container = root.find("body") if root.find("body") is not None else root
    lines: list[str] = []
    for el in container.iter(*BLOCKS):
        if any(a.tag in BLOCKS for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            lines.append(text)
    if not lines:
        lines = [" ".join(container.text_content().split())]
    return "\n\n".join(line for line in lines if line)


def extract_html(html: str | bytes) -> HtmlDocument:
    """Main text, title and publication date of an HTML page."""
    root = parse_page(html)
    published, title = find_published(root), find_title(root)
    drop_boilerplate(root)
    text = main_text(root)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return HtmlDocument(text, title, published)


def analyze_html(
    html: str | bytes,
    published: str | date | None = None,
    title: str | None = None,
    source: str | None = None,
    matcher: Any = None,
    store: Any = None,
) -> Any:
    """Analyse an HTML page: the options override the page's own title and date."""
    from sanctionwatch.extract.analysis import analyze_text

    page = extract_html(html)
    if not page.text.strip():
        raise InputError(f"The HTML document{f' {source}' if source else ''} has no text")
    return analyze_text(
        page.text,
        published=published or page.published,
        title=title or page.title,
        source=source,
        matcher=matcher,
        store=store,
    )
