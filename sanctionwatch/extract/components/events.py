"""Turn the frames into :class:`TransferEvent` objects with classified goods and evidence.

Evidence is the whole sentences of the frame, cut from the source by offset, so that
``text == source[start:end]`` always holds. Origin and destination default to the giver's and
recipient's countries when the text names no route.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract.components.exemptions import frame_exemptions
from sanctionwatch.extract.components.requests import REQUESTS, settle_request
from sanctionwatch.extract.doc import Doc, Frame, PartyRef
from sanctionwatch.extract.goods import make_goods, names_goods, split_items
from sanctionwatch.extract.registry import register
from sanctionwatch.model.event import Evidence, Goods, Party, TransferEvent

QTY_LABEL = "QTY"


def to_party(ref: PartyRef | None) -> Party | None:
    if ref is None or ref.kind == "authority":
        return None  # customs, courts, the UN panel: they seize and report, never trade
    return Party(text=ref.text, name=ref.name, country=ref.country, kind=ref.kind)


def frame_goods(doc: Doc, fr: Frame) -> list[Goods]:
    out: list[Goods] = []
    money = fr.money[0] if fr.money else None
    for start, end in fr.goods:
        qty = next(
            (
                m.data.get("value")
                for m in doc.mentions
                if m.label == QTY_LABEL and start <= m.tok_start < min(end, start + 3)
            ),
            None,
        )
        text = doc.span_text(start, end)
        if fr.named and not out:
            text = f"{text} ({', '.join(fr.named)})"
        for item in split_items(text):
            value = money.data["value"] if money is not None and len(out) == 0 else None
            currency = money.data["currency"] if money is not None and len(out) == 0 else None
            out.append(make_goods(item, qty, value, currency))
    return out


def local_case(doc: Doc, home: str) -> bool:
    """A report of a case before the dateline country's police, customs, prosecutors or
    courts: only there are the unnamed traders it speaks of that country's own (a Washington
    dateline on a report about front companies in Asia says nothing of where they are)."""
    return any(p.kind == "authority" and p.country in (None, home) for p in doc.parties)


def home_country(doc: Doc, fr: Frame) -> None:
    """A named actor without a country, in a report datelined in a country, is taken to be of
    that country ("TOKYO - ... the president of a trading company exported cars to North
    Korea"), unless that would make both sides the same country."""
    home = doc.meta.get("dateline_country")
    if not home or not local_case(doc, home):
        return
    for side, other in (("giver", fr.recipient), ("recipient", fr.giver)):
        party = getattr(fr, side)
        other_country = (other.country if other else None) or (
            fr.destination if side == "giver" else fr.origin
        )
        if party is not None and party.country is None and not party.pronoun:
            if party.kind in ("organization", "person") and other_country not in (None, home):
                setattr(fr, side, replace(party, country=home))


IMO_RE = re.compile(r"\bIMO\s*(?:No\.?|number)?\s*:?\s*(\d{7})\b")


def frame_vessel(doc: Doc, fr: Frame) -> tuple[str | None, str | None]:
    """The vessel that gives or takes the goods, and its IMO number when the text gives one
    (in the frame's sentences, or right after the vessel's name anywhere in the text)."""
    sides = [p for p in (fr.giver, fr.recipient) if p is not None and p.kind == "vessel"]
    name = next((p.name for p in sides if p.name), None)
    for s_i in fr.sentences:
        sent = doc.sentences[s_i]
        if found := IMO_RE.search(doc.text, sent.start, sent.end):
            return name, found.group(1)
    if name:
        at = doc.text.find(name)
        found = IMO_RE.search(doc.text, at, at + len(name) + 40) if at >= 0 else None
        return name, found.group(1) if found else None
    return None, None


def frame_mode(doc: Doc, fr: Frame) -> str | None:
    """Ship-to-ship when the frame's sentence says so, or when both sides are ships in a
    report that speaks of ship-to-ship transfers ("it handed diesel to the North Korean ship")."""
    if fr.mode:
        return fr.mode
    sides = [p for p in (fr.giver, fr.recipient) if p is not None]
    if len(sides) == 2 and all(p.kind == "vessel" for p in sides):
        if STS_RE.search(doc.text):
            return "ship-to-ship"
    return None


STS_RE = re.compile(r"\b(?:ship[\s-]*to[\s-]*ship|STS)\b", re.IGNORECASE)


def frame_event(doc: Doc, fr: Frame, number: int) -> TransferEvent:
    home_country(doc, fr)
    vessel, imo = frame_vessel(doc, fr)
    giver, recipient = to_party(fr.giver), to_party(fr.recipient)
    evidence = [
        Evidence(doc.text[s.start : s.end], s.start, s.end)
        for s in (doc.sentences[i] for i in fr.sentences)
    ]
    event = TransferEvent(
        id=f"e{number}",
        giver=giver,
        recipient=recipient,
        goods=frame_goods(doc, fr),
        date=fr.date,
        origin=fr.origin or (giver.country if giver else None),
        destination=fr.destination or (recipient.country if recipient else None),
        via=list(fr.via),
        vessel=vessel,
        imo=imo,
        status=fr.status,  # type: ignore[arg-type]
        evidence=evidence,
        transfer_mode=frame_mode(doc, fr),
    )
    event.exemptions = frame_exemptions(doc, fr, " ".join(g.text for g in event.goods))
    return event


@register("events.v1")
def make_events(doc: Doc) -> Doc:
    """Fill ``doc.events`` from ``doc.meta["frames"]``."""
    frames = [fr for fr in doc.meta.get("frames", []) if names_goods(doc, fr)]
    for fr in frames:
        if fr.lemma in REQUESTS:
            settle_request(doc, fr)
    doc.events = [frame_event(doc, fr, n) for n, fr in enumerate(frames, start=1)]
    return doc
