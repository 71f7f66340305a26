"""Dates in text, resolved to ISO 8601 as precise as the words allow.

Absolute dates ("February 20, 2024", "20 Feb 2024", "2024-02-20", "In 2018") stand alone;
relative ones are resolved against the publication date ("Sunday" -> the last Sunday on or
before it, "last September", "in recent weeks" -> the month, "last year") or against the last
year the text named ("earlier that year"). Without a publication date they stay unresolved
(``value`` None) rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sanctionwatch.extract.components.when import mark_roles
from sanctionwatch.extract.doc import Doc, Mention
from sanctionwatch.extract.registry import register

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|"
        "september sep sept|october oct|november nov|december dec".split("|")
    )
    for m in names.split()
}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "an": 1,
}
_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_M2 = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"


@dataclass(slots=True)
class _State:
    published: date | None
    last_year: int | None = None
    last_month: str | None = None


Resolver = Callable[[re.Match[str], _State], str | None]


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _abs_full(m: re.Match[str], st: _State) -> str | None:
    return _ymd(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))


def _iso(m: re.Match[str], st: _State) -> str | None:
    return _ymd(int(m["year"]), int(m["mm"]), int(m["dd"]))


def _month_year(m: re.Match[str], st: _State) -> str | None:
    return f"{int(m['year']):04d}-{MONTHS[m['month'].lower()]:02d}"


def _year(m: re.Match[str], st: _State) -> str | None:
    return m["year"]


def _past_month(month: int, pub: date, strict: bool) -> int:
    return pub.year - 1 if month > pub.month or (strict and month == pub.month) else pub.year


def _day_month(m: re.Match[str], st: _State) -> str | None:
    if st.published is None:
        return None
    month = MONTHS[m["month"].lower()]
    year = st.published.year
    found = _ymd(year, month, int(m["day"]))
    if found and found > st.published.isoformat():
        return _ymd(year - 1, month, int(m["day"]))
    return found


def _month_only(m: re.Match[str], st: _State) -> str | None:
    if st.published is None:
        return None
    month = MONTHS[m["month"].lower()]
    rel = (m["rel"] or "").lower()
    if rel.startswith("next"):
        year = st.published.year + (1 if month <= st.published.month else 0)
    elif rel in ("this",):
        year = st.published.year
    else:
        year = _past_month(month, st.published, strict=rel.startswith("last"))
    return f"{year:04d}-{month:02d}"


def _month_range(m: re.Match[str], st: _State) -> str | None:
    """ "from March to May 2019", "between May and December 2022": the first month, in the
    year given at the end."""
    return f"{int(m['year']):04d}-{MONTHS[m['month'].lower()]:02d}"


def _weekday(m: re.Match[str], st: _State) -> str | None:
    if st.published is None:
        return None
    target = WEEKDAYS.index(m["wd"].lower())
    rel = (m["rel"] or "").lower()
    if rel == "next":
        ahead = (target - st.published.weekday()) % 7 or 7
        return (st.published + timedelta(days=ahead)).isoformat()
    back = (st.published.weekday() - target) % 7
    if back == 0 and rel in ("last", "past"):
        back = 7
    return (st.published - timedelta(days=back)).isoformat()


def _relative(m: re.Match[str], st: _State) -> str | None:
    words = m.group().lower()
    pub, last = st.published, st.last_year
    if "that month" in words or "same month" in words:
        return st.last_month
    if "that year" in words or "same year" in words:
        return str(last) if last else None
    if "following year" in words or "a year later" in words or "next year" in words and not pub:
        return str(last + 1) if last else None
    if "previous year" in words or "year before" in words or "a year earlier" in words:
        return str(last - 1) if last else None
    if pub is None:
        return None
    if "yesterday" in words:
        return (pub - timedelta(days=1)).isoformat()
    if "today" in words or "this week" in words:
        return pub.isoformat() if "today" in words else pub.isoformat()[:7]
    if "last week" in words or "recent" in words or "this month" in words:
        return (pub - timedelta(days=7 if "last week" in words else 0)).isoformat()[:7]
    if "last month" in words:
        return (pub.replace(day=1) - timedelta(days=1)).isoformat()[:7]
    if "last year" in words or "previous year" in words:
        return str(pub.year - 1)
    if "this year" in words:
        return str(pub.year)
    return None


#: The month in which each season ends (northern hemisphere), for "last summer".
SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}


def _season(m: re.Match[str], st: _State) -> str | None:
    """ "this summer" -> the publication year; "last summer" -> the year of the last summer
    that ended before publication. Seasons are too coarse for a month."""
    if st.published is None:
        return None
    rel, season = m["rel"].lower(), m["season"].lower()
    year = st.published.year
    if rel == "last" and st.published.month <= SEASON_END[season]:
        year -= 1
    elif rel not in ("this", "last") and st.published.month < SEASON_START[season]:
        year -= 1  # "over the summer" in a report of May: the summer before
    return str(year)


#: The month in which each season starts; winter counts from December.
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 1}


def _years_ago(m: re.Match[str], st: _State) -> str | None:
    if st.published is None:
        return None
    n, unit = m["n"].lower(), m["unit"].lower().rstrip("s")
    count = int(n) if n.isdigit() else NUMBERS.get(n, 0)
    if not count:
        return None
    pub = st.published
    if unit == "day":
        return (pub - timedelta(days=count)).isoformat()
    if unit == "week":
        return (pub - timedelta(days=7 * count)).isoformat()[:7]
    if unit == "month":
        months = pub.year * 12 + pub.month - 1 - count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return str(pub.year - count)


PATTERNS: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(r"\b(?P<year>\d{4})-(?P<mm>\d\d)-(?P<dd>\d\d)\b"), _iso),
    (
        re.compile(
            rf"\b(?:from|between)\s+{_M}\s+(?:to|and|until|through|till)\s+{_M2},?\s+{_Y}\b",
            re.I,
        ),
        _month_range,
    ),
    (re.compile(rf"\b{_WD}{_M}\s+{_D},?\s+{_Y}\b", re.I), _abs_full),
    (re.compile(rf"\b{_WD}{_D}\s+(?:of\s+)?{_M},?\s+{_Y}\b", re.I), _abs_full),
    (re.compile(rf"\b{_M},?\s+(?:of\s+)?{_Y}\b", re.I), _month_year),
    (re.compile(rf"\b{_M}\s+{_D}\b(?![,.]?\d)", re.I), _day_month),
    (re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}\b", re.I), _day_month),
    (
        re.compile(
            r"\b(?P<rel>last|this|past|next|on)?\s*(?P<wd>" + "|".join(WEEKDAYS) + r")\b", re.I
        ),
        _weekday,
    ),
    (
        re.compile(
            r"\b(?P<rel>last|this|next|early last|late last|in|since|until|by|between|from"
            rf"|(?:early|late|mid)(?: in)?)(?:\s+|(?<=early)-|(?<=late)-|(?<=mid)-){_M}(?!\s*\d)",
            re.I,
        ),
        _month_only,
    ),
    (
        re.compile(
            r"\b(?:(?:earlier|later|late|early)\s+(?:that|this|last)\s+year"
            r"|that (?:same )?year|the same year"
            r"|the (?:following|previous) year|a year (?:later|earlier|before)|last year|this year"
            r"|in recent (?:weeks|days|months)|recently|last (?:week|month)|this (?:week|month)"
            r"|yesterday|today|earlier this month|(?:earlier|later|late|early) that month"
            r"|that (?:same )?month|the same month)\b",
            re.I,
        ),
        _relative,
    ),
    (
        re.compile(
            r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<unit>years?|months?|weeks?|days?)"
            r"\s+ago\b",
            re.I,
        ),
        _years_ago,
    ),
    (
        re.compile(
            r"\b(?P<rel>this|last|past|over the|during the|in the|earlier this)"
            r"\s+(?P<season>spring|summer|autumn|fall|winter)\b(?!\s+of\b)",
            re.I,
        ),
        _season,
    ),
    (re.compile(rf"(?<![$€£\d.,])\b{_Y}\b(?![.,]?\d|\s*%)"), _year),
]


_MONTH_KEYS = frozenset(MONTHS)
_RELATIVE_KEYS = frozenset("year week month recent recently yesterday today".split())
#: Words one of which a sentence must hold for each pattern to be tried (speed only).
KEYS: list[frozenset[str] | None] = [
    None,
    _MONTH_KEYS,
    _MONTH_KEYS,
    _MONTH_KEYS,
    _MONTH_KEYS,
    _MONTH_KEYS,
    _MONTH_KEYS,
    frozenset(WEEKDAYS),
    _MONTH_KEYS,
    _RELATIVE_KEYS,
    frozenset({"ago"}),
    frozenset(SEASON_END),
    None,
]


def _find_spans(doc: Doc) -> list[tuple[int, int, re.Match[str], Resolver]]:
    """All date expressions, earlier patterns winning over overlapping later ones."""
    taken: list[tuple[int, int, re.Match[str], Resolver]] = []
    for sent in doc.sentences:
        words = {t.lower for t in doc.tokens[sent.tok_start : sent.tok_end]}
        digits = any(w.isdigit() and len(w) == 4 for w in words)
        for (pattern, resolver), keys in zip(PATTERNS, KEYS, strict=True):
            if (keys is None and not digits) or (keys is not None and not keys & words):
                continue
            for m in pattern.finditer(doc.text, sent.start, sent.end):
                start, end = m.span()
                start += len(m.group()) - len(m.group().lstrip())
                if not any(s < end and start < e for s, e, _, _ in taken):
                    taken.append((start, end, m, resolver))
    return sorted(taken, key=lambda x: x[0])


#: Resolvers whose dates anchor later "that year" / "that month".
ABSOLUTE = (_abs_full, _iso, _month_year, _year, _month_only, _day_month, _month_range)


@register("dates.v1")
def find_dates(doc: Doc) -> Doc:
    """Add ``DATE`` mentions with ``data["value"]`` (ISO string or None)."""
    starts = [t.start for t in doc.tokens]
    ends = [t.end for t in doc.tokens]
    state = _State(doc.published)
    for start, end, match, resolver in _find_spans(doc):
        value = resolver(match, state)
        if value and resolver in ABSOLUTE:
            state.last_year = int(value[:4])
            state.last_month = value[:7] if len(value) >= 7 else state.last_month
        i, j = bisect_left(ends, start + 1), bisect_right(starts, end - 1)
        if i >= j:
            continue
        mention = Mention("DATE", i, j, start, end, doc.text[start:end], {"value": value})
        mark_roles(doc, mention)
        if mention.data.get("dateline") and doc.published is None and value and len(value) == 10:
            doc.published = date.fromisoformat(value)
            state.published = doc.published
        doc.mentions.append(mention)
    return doc
