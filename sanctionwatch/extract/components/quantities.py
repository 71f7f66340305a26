"""Counts and money values: "two armoured cars", "worth upwards of $1 million", "EUR 300,000".

``MONEY`` mentions carry ``value`` (a float) and ``currency`` (ISO 4217); ``QTY`` mentions
carry ``value``. The transfer grammar attaches them to the goods they qualify.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from sanctionwatch.extract.doc import Doc, Frame, Mention
from sanctionwatch.extract.registry import register

CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "¥": "CNY",
    "cny": "CNY",
    "yuan": "CNY",
    "rmb": "CNY",
    "jpy": "JPY",
    "yen": "JPY",
    "rub": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "krw": "KRW",
    "won": "KRW",
    "₩": "KRW",
    "chf": "CHF",
    "francs": "CHF",
}
MULTIPLIERS = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
}
NUMBER_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000, "a pair of": 2, "several": 3}
#: "thirty", "twenty-seven", "ninety nine": the tens and their compounds.
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
NUMBER_WORDS |= TENS | {
    f"{tens}{sep}{unit}": value + NUMBER_WORDS[unit]
    for tens, value in TENS.items()
    for unit in "one two three four five six seven eight nine".split()
    for sep in ("-", " ")
}

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_MULT = r"(?:\s*(?P<mult>thousand|million|billion|mln|mn|bn|k|m|b)\b)?"
_CUR_BEFORE = r"(?P<cur>US\$|\$|€|£|¥|₩|USD|EUR|GBP|CNY|RUB|KRW|JPY|CHF)\s?"
_CUR_AFTER = (
    r"\s*(?P<cur>dollars?|euros?|pounds|sterling|yuan|rmb|roubles?|rubles?|won|yen|francs"
    r"|USD|EUR|GBP)\b"
)
MONEY_RES = [
    re.compile(_CUR_BEFORE + _NUM + _MULT, re.I),
    re.compile(r"\b" + _NUM + r"(?:\s*(?P<mult>thousand|million|billion)\b)?" + _CUR_AFTER, re.I),
]
QTY_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"|\d{1,3}(?:,\d{3})+|\d+)\b",
    re.I,
)


def parse_number(text: str) -> float | None:
    """ "1,000" -> 1000.0, "two" -> 2.0, "1.5" -> 1.5; None when it is no number."""
    low = text.lower().strip()
    if low in NUMBER_WORDS:
        return float(NUMBER_WORDS[low])
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


def _money_value(m: re.Match[str]) -> tuple[float, str] | None:
    value = parse_number(m["num"])
    if value is None:
        return None
    mult = (m["mult"] or "").lower()
    currency = CURRENCIES.get(m["cur"].lower(), m["cur"].upper())
    return value * MULTIPLIERS.get(mult, 1.0), currency


def _add(
    doc: Doc, label: str, start: int, end: int, starts: list[int], ends: list[int], **data: object
) -> None:
    i, j = bisect_left(ends, start + 1), bisect_right(starts, end - 1)
    if i < j:
        doc.mentions.append(Mention(label, i, j, start, end, doc.text[start:end], dict(data)))


#: Words after a value that make it the price of one item: "EUR 9,500 each", "$20 apiece",
#: "EUR 250 a bottle", "per unit". A range ("EUR 1,800 to EUR 4,000 each") shares them.
PER_ITEM_RE = re.compile(
    r"\s*(?:(?:to|and|-|–)\s*(?:[A-Z]{3}\s?|[$€£¥])?[\d.,]+(?:\s*(?:thousand|million|m))?\s*)?"
    r"(?:each|apiece|a piece|per (?:unit|item|piece|head|vehicle|car|bottle|set|pair)"
    r"|an? (?:unit|bottle|piece|head|vehicle|car|set|pair|tonne|ton))\b",
    re.I,
)


def _per_item(doc: Doc, end: int) -> bool:
    return PER_ITEM_RE.match(doc.text, end, min(len(doc.text), end + 40)) is not None


@register("quantities.v1")
def find_quantities(doc: Doc) -> Doc:
    """Add ``MONEY`` and ``QTY`` mentions (years and dates are left to the date component)."""
    starts = [t.start for t in doc.tokens]
    ends = [t.end for t in doc.tokens]
    taken = [(m.start, m.end) for m in doc.mentions if m.label == "DATE"]
    for pattern in MONEY_RES:
        for m in pattern.finditer(doc.text):
            found = _money_value(m)
            if found and not any(s < m.end() and m.start() < e for s, e in taken):
                taken.append(m.span())
                _add(
                    doc,
                    "MONEY",
                    *m.span(),
                    starts,
                    ends,
                    value=found[0],
                    currency=found[1],
                    per_item=_per_item(doc, m.end()),
                )
    for m in QTY_RE.finditer(doc.text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            _add(doc, "QTY", *m.span(), starts, ends, value=parse_number(m.group()))
    return doc


def total_value(doc: Doc, fr: Frame, money: Mention) -> Mention:
    """ "three yachts for EUR 2 million each": a price per item times the count of the goods
    is the value of the transfer (goods carry totals; rules divide by the quantity)."""
    if not money.data.get("per_item") or not fr.goods:
        return money
    start, end = fr.goods[0]
    count = next(
        (
            m.data.get("value")
            for m in doc.mentions
            if m.label == "QTY" and start <= m.tok_start < min(end, start + 3)
        ),
        None,
    )
    if not isinstance(count, int | float) or count <= 0:
        return money
    data = dict(money.data, value=float(money.data["value"]) * count, per_item=False)
    return replace(money, data=data)
