"""Helpers shared by the list parsers: the root-element check and value cleaning.

Official lists spell the same things many ways (country names, partial dates, scripts). The
cleaners here turn one raw value into the FtM form or return ``None``; the caller decides
whether a ``None`` is an issue to report (it always is for a non-empty raw value), so that no
unknown value is ever dropped silently.
"""

from __future__ import annotations

import datetime
import logging
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from followthemoney import model as ftm_model
from followthemoney.types import registry

from sanctionwatch.exc import ParseError
from sanctionwatch.lists.base import Context
from sanctionwatch.lists.reader import local_name, read_head
from sanctionwatch.model.entity import Entity

log = logging.getLogger(__name__)

#: ISO date prefix, optionally with the time-zone suffix XSD dates may carry ("2015-04-07-04:00").
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:Z|[+-]\d{2}:\d{2})?)?)?$")
_ROOT_RE = re.compile(rb"<(?![?!])")

#: First word of a Unicode character name -> ISO 15924 script code.
_SCRIPTS = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "HANGUL": "Hang",
    "CJK": "Hani",
    "HIRAGANA": "Jpan",
    "KATAKANA": "Jpan",
    "GREEK": "Grek",
    "HEBREW": "Hebr",
    "GEORGIAN": "Geor",
    "ARMENIAN": "Armn",
    "DEVANAGARI": "Deva",
    "THAI": "Thai",
    "ETHIOPIC": "Ethi",
    "BENGALI": "Beng",
    "MYANMAR": "Mymr",
    "SYRIAC": "Syrc",
}


def find_root_line(path: Path) -> int | None:
    """Line number of the root element's start tag, read from the head of the file."""
    head = read_head(path, 65536)
    match = _ROOT_RE.search(head)
    return None if match is None else head.count(b"\n", 0, match.start()) + 1


def require_root(path: Path, root: ET.Element, expected: str, what: str) -> None:
    """Refuse a well-formed XML file whose root element is not the list's own."""
    found = local_name(root.tag)
    if found != expected:
        raise ParseError(
            f"root element is <{found}>, so this is not the {what}",
            path=str(path),
            line=find_root_line(path),
            expected=f"<{expected}> as root element",
        )


def parse_date(raw: str | None) -> str | None:
    """An ISO date prefix ("1984", "1984-01", "1984-01-08") from ISO-like text, else None."""
    if raw is None:
        return None
    match = _DATE_RE.match(raw.strip())
    if match is None:
        return None
    year, month, day = (int(p) if p else None for p in match.groups())
    try:
        datetime.date(year or 0, month or 1, day or 1)
    except ValueError:
        return None
    if year is None or year < 1000:
        return None
    parts = [f"{year:04d}"] + [f"{p:02d}" for p in (month, day) if p is not None]
    return "-".join(parts)


def add_date(
    ctx: Context, entity: Entity, prop: str, raw: str | None, original: str | None = None
) -> None:
    """Add an ISO date, or report the raw text as an issue when it is not one."""
    if raw is None:
        return
    value = parse_date(raw)
    if value is None:
        ctx.issue(f"Unparseable date for {prop}", entity.id, raw)
        return
    entity.add(prop, value, original=original or raw)


def date_part(raw: str | None) -> str | None:
    """The date of an ISO timestamp ("2024-05-13T17:44:28+02:00" -> "2024-05-13")."""
    if raw is None:
        return None
    return parse_date(raw.strip().split("T")[0])


def clean_country(ctx: Context, raw: str | None, record: str | None) -> str | None:
    """FtM country code for a name or ISO code; the list's ``countries`` lookup comes first."""
    if raw is None or not raw.strip():
        return None
    overrides = ctx.source.lookups.get("countries", {})
    if raw.strip() in overrides:
        return overrides[raw.strip()]
    code = registry.country.clean_text(raw.strip())
    if code is None:
        ctx.issue("Unknown country", record, raw)
    return code


def detect_script(text: str) -> str | None:
    """ISO 15924 code of the script most letters of ``text`` are written in."""
    counts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            word = unicodedata.name(char, "?").split(" ")[0]
            counts[_SCRIPTS.get(word, "Zyyy")] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def squash(value: str | None) -> str | None:
    """Collapse runs of white space (list files wrap long values over lines)."""
    if value is None:
        return None
    return " ".join(value.split()) or None


def join_text(parts: Iterable[str | None], sep: str = ", ") -> str | None:
    """Join the non-blank parts, or None if there are none."""
    kept = [p.strip() for p in parts if p is not None and p.strip()]
    return sep.join(kept) if kept else None


@lru_cache(maxsize=64)
def _schema_props(schema: str) -> frozenset[str]:
    found = ftm_model.get(schema)
    return frozenset(found.properties) if found is not None else frozenset()


def has_prop(entity: Entity, prop: str) -> bool:
    return prop in _schema_props(entity.schema)
