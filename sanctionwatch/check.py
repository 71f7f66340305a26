"""Structured transfer records (JSON lines or CSV) -> events -> findings.

A record uses the column names of design.md (all optional, but it needs goods or a party)::

    {"id", "giver", "giver_country", "recipient", "recipient_country", "goods", "hs", "value",
     "currency", "quantity", "date", "origin", "destination", "via": [...], "vessel", "imo"}

and optionally ``status`` (actual, negated, hypothetical, reported), ``transfer_mode``
("ship-to-ship", also written "sts") and ``exemptions`` (ids of rule exemptions the record
says apply, e.g. "committee-25" for a Committee exemption granted; `regimes show` lists them).

Each record yields one output object, in input order: ``{"id", "events", "findings"}`` for a
good record, ``{"id", "error"}`` for a bad one (saying which field held which value and what
was expected); the batch goes on either way.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from sanctionwatch.countries import clean_country
from sanctionwatch.exc import InputError, ParseError
from sanctionwatch.goods.hs import parse_hs
from sanctionwatch.model.event import Goods, Party, TransferEvent
from sanctionwatch.pipeline import make_matcher, process_events
from sanctionwatch.regimes.facts import date_bounds

if TYPE_CHECKING:
    from sanctionwatch.match import Matcher
    from sanctionwatch.regimes import Rulebook
    from sanctionwatch.store.base import Store

log = logging.getLogger(__name__)

FIELDS = (
    "id", "giver", "giver_country", "recipient", "recipient_country", "goods", "hs", "value",
    "currency", "quantity", "date", "origin", "destination", "via", "vessel", "imo", "status",
    "transfer_mode", "exemptions",
)  # fmt: skip
STATUSES = ("actual", "negated", "hypothetical", "reported")
#: Accepted spellings of each transfer mode.
MODES = {"ship-to-ship": "ship-to-ship", "ship to ship": "ship-to-ship", "sts": "ship-to-ship"}
_SPLIT = re.compile(r"[;|,]\s*")

#: One input record: its position, and either its fields or why it could not be read.
Row = tuple[int, dict[str, Any] | ParseError]


def read_records(handle: IO[str], source: str = "-") -> Iterator[Row]:
    """Rows of a JSON-lines or CSV stream (decided by the first character), by line number."""
    text = handle.read()
    if text.lstrip().startswith(("{", "[")):
        yield from read_jsonl(text, source)
    else:
        yield from read_csv(text, source)


def read_jsonl(text: str, source: str) -> Iterator[Row]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, ParseError(f"invalid JSON: {exc.msg}", path=source, line=number)
            continue
        if not isinstance(data, dict):
            yield number, ParseError("a record must be a JSON object", path=source, line=number)
            continue
        yield number, data


def read_csv(text: str, source: str) -> Iterator[Row]:
    reader = csv.DictReader(io.StringIO(text))
    unknown = [f for f in reader.fieldnames or [] if f not in FIELDS]
    if unknown:
        raise ParseError(
            f"unknown CSV columns {unknown}", path=source, line=1, expected=", ".join(FIELDS)
        )
    for row in reader:
        yield reader.line_num, {k: v for k, v in row.items() if v not in (None, "")}


def parse_record(data: dict[str, Any], number: int) -> TransferEvent:
    """Turn one record into an event; :class:`InputError` names the bad field and value."""
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise InputError(f"unknown fields {unknown} (expected some of {', '.join(FIELDS)})")
    goods = parse_goods(data)
    giver = parse_party(data, "giver")
    recipient = parse_party(data, "recipient")
    if not goods and giver is None and recipient is None:
        raise InputError("a record needs goods or a party (giver or recipient)")
    return TransferEvent(
        id=str(data.get("id") or f"record-{number}"),
        giver=giver,
        recipient=recipient,
        goods=goods,
        date=parse_date(data.get("date")),
        origin=parse_country(data, "origin"),
        destination=parse_country(data, "destination"),
        via=[parse_country({"via": v}, "via") or "" for v in as_list(data.get("via"))],
        vessel=text_or_none(data.get("vessel")),
        imo=parse_imo(data.get("imo")),
        status=parse_status(data.get("status")),
        transfer_mode=parse_mode(data.get("transfer_mode")),
        exemptions=parse_exemptions(data.get("exemptions")),
    )


def text_or_none(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v for v in _SPLIT.split(str(value).strip()) if v]


def parse_country(data: dict[str, Any], field: str) -> str | None:
    raw = text_or_none(data.get(field))
    if raw is None:
        return None
    code = clean_country(raw)
    if code is None:
        raise InputError(
            f"{field}: {raw!r} is not a country (expected an ISO 3166-1 alpha-2 code or a name)"
        )
    return code


def parse_party(data: dict[str, Any], role: str) -> Party | None:
    name = text_or_none(data.get(role))
    country = parse_country(data, f"{role}_country")
    if name is None and country is None:
        return None
    return Party(text=name or country or "", name=name, country=country)


def parse_goods(data: dict[str, Any]) -> list[Goods]:
    text = text_or_none(data.get("goods")) or ""
    codes = []
    for raw in as_list(data.get("hs")):
        code = parse_hs(raw)
        if code is None:
            raise InputError(f"hs: {raw!r} is not an HS code (expected 2, 4 or 6 digits)")
        codes.append(code)
    if not text and not codes:
        if any(data.get(k) not in (None, "") for k in ("value", "quantity")):
            raise InputError("value or quantity given without goods or hs")
        return []
    currency = text_or_none(data.get("currency"))
    if currency is not None and not re.fullmatch(r"[A-Za-z]{3}", currency):
        raise InputError(f"currency: {currency!r} is not an ISO 4217 code (e.g. EUR, USD)")
    return [
        Goods(
            text=text,
            hs=codes,
            value=parse_number(data.get("value"), "value"),
            currency=currency.upper() if currency else None,
            quantity=parse_number(data.get("quantity"), "quantity"),
        )
    ]


def parse_number(value: Any, field: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InputError(f"{field}: {value!r} is not a number")
    try:
        number = float(str(value).replace(",", "").replace("_", "").strip())
    except ValueError:
        raise InputError(f"{field}: {value!r} is not a number") from None
    if number < 0 or number != number:
        raise InputError(f"{field}: {value!r} must be a positive number")
    return number


def parse_date(value: Any) -> str | None:
    text = text_or_none(value)
    if text is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) or date_bounds(text) is None:
        raise InputError(f"date: {text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return text


def parse_imo(value: Any) -> str | None:
    text = text_or_none(value)
    if text is None:
        return None
    digits = re.sub(r"^IMO\s*", "", text, flags=re.IGNORECASE).strip()
    if not re.fullmatch(r"\d{7}", digits):
        raise InputError(f"imo: {text!r} is not an IMO number (expected 7 digits)")
    return digits


def parse_status(value: Any) -> Any:
    text = text_or_none(value) or "actual"
    if text not in STATUSES:
        raise InputError(f"status: {text!r} is not one of {', '.join(STATUSES)}")
    return text


def parse_mode(value: Any) -> str | None:
    text = text_or_none(value)
    if text is None:
        return None
    mode = MODES.get(text.lower())
    if mode is None:
        raise InputError(f"transfer_mode: {text!r} is not a known mode (expected ship-to-ship)")
    return mode


def parse_exemptions(value: Any) -> list[str]:
    from sanctionwatch.regimes import load_rulebook

    ids = as_list(value)
    known = {e.id for rule in load_rulebook().rules for e in rule.exemptions}
    unknown = sorted(set(ids) - known)
    if unknown:
        expected = ", ".join(sorted(known))
        raise InputError(f"exemptions: {unknown} are not exemption ids (expected: {expected})")
    return ids


def check_rows(
    rows: Iterable[Row],
    matcher: Matcher | None = None,
    store: Store | None = None,
    rulebook: Rulebook | None = None,
    rates: dict[str, float] | None = None,
) -> Iterator[dict[str, Any]]:
    """One output object per row, in order; bad rows give ``{"id", "error"}``."""
    screener = matcher if matcher is not None else make_matcher(store)
    for number, data in rows:
        yield check_row(number, data, screener, rulebook, rates)


def check_row(
    number: int,
    data: dict[str, Any] | ParseError,
    matcher: Matcher | None,
    rulebook: Rulebook | None,
    rates: dict[str, float] | None = None,
) -> dict[str, Any]:
    if isinstance(data, ParseError):
        return {"id": f"line-{number}", "error": data.message}
    record_id = str(data.get("id") or f"record-{number}")
    try:
        event = parse_record(data, number)
    except InputError as exc:
        return {"id": record_id, "error": f"line {number}: {exc.message}"}
    finding = process_events([event], matcher, rulebook=rulebook, rates=rates)[0]
    return {"id": record_id, "events": [event.to_dict()], "findings": [finding.to_dict()]}


def check_one(
    record: dict[str, Any],
    matcher: Matcher | None = None,
    store: Store | None = None,
    rates: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Check a single record given as a dict (the CLI options, an API body)."""
    return next(check_rows([(1, record)], matcher, store, rates=rates))


def parse_rates(values: Iterable[str]) -> dict[str, float]:
    """Read "USD/EUR=0.92" (EUR per USD) items; :class:`InputError` for anything else."""
    rates: dict[str, float] = {}
    for value in values:
        match = re.fullmatch(r"\s*([A-Za-z]{3})/([A-Za-z]{3})\s*=\s*([0-9.]+)\s*", value)
        if match is None or float(match.group(3)) <= 0:
            raise InputError(f"rate {value!r} is not like USD/EUR=0.92 (units of EUR per USD)")
        rates[f"{match.group(1).upper()}/{match.group(2).upper()}"] = float(match.group(3))
    return rates
