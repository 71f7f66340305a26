"""Exemptions a report says apply to a transfer, as rule exemption ids.

Three are told in news prose often enough to read: a case-by-case exemption granted by the
Security Council committee ("committee-25": "the sanctions committee granted an exemption",
"cleared in advance by the committee"), spare parts for civilian passenger aircraft
("aircraft-parts") and jet fuel sold abroad to an airliner for its flight home
("return-flight"). A sentence that denies the exemption ("cannot go ahead without an
exemption", "none had been requested") grants nothing.
"""

from __future__ import annotations

import re

from sanctionwatch.extract.doc import Doc, Frame

COMMITTEE_RE = re.compile(
    r"\b(?:exemption|exempted|cleared|approved|authori[sz]ed)\b.{0,120}\bcommittee\b"
    r"|\bcommittee\b.{0,120}\b(?:exemption|exempted|cleared|approved|authori[sz]ed)\b",
    re.I | re.S,
)
DENIAL_RE = re.compile(
    r"\b(?:without|not|no|none|cannot|never|refused|rejected|denied|pending)\b", re.I
)
AIRLINER_RE = re.compile(
    r"\b(?:airliners?|passenger (?:aircraft|jets?|planes?)|civil(?:ian)? (?:aircraft|aviation)"
    r"|airlines?|air koryo)\b",
    re.I,
)
PARTS_RE = re.compile(r"\b(?:parts|spares|components)\b", re.I)
FUEL_RE = re.compile(r"\b(?:fuel|kerosene|jet a-1|avgas)\b", re.I)
RETURN_RE = re.compile(
    r"\b(?:return (?:flights?|journey|trip)|flights? (?:home|back)|journey home)\b", re.I
)
AIRCRAFT_BUYER_RE = re.compile(r"\b(?:jets|airliners?|aircraft|planes|flights)\b", re.I)


def _context(doc: Doc, fr: Frame) -> list[str]:
    """The frame's sentences and the one after the last of them, in the same paragraph."""
    last = max(fr.sentences)
    ids = list(fr.sentences)
    if last + 1 < len(doc.sentences):
        nxt = doc.sentences[last + 1]
        if "\n" not in doc.text[doc.sentences[last].end : nxt.start]:
            ids.append(last + 1)
    return [doc.text[doc.sentences[i].start : doc.sentences[i].end] for i in ids]


def frame_exemptions(doc: Doc, fr: Frame, goods_text: str) -> list[str]:
    """The exemption ids the text around ``fr`` says apply to it."""
    found: list[str] = []
    context = _context(doc, fr)
    if any(COMMITTEE_RE.search(s) and not DENIAL_RE.search(s) for s in context):
        found.append("committee-25")
    own = " ".join(doc.text[doc.sentences[i].start : doc.sentences[i].end] for i in fr.sentences)
    if PARTS_RE.search(goods_text) and AIRLINER_RE.search(own):
        found.append("aircraft-parts")
    buyer = fr.recipient.text if fr.recipient is not None else ""
    if FUEL_RE.search(goods_text) and (RETURN_RE.search(own) or AIRCRAFT_BUYER_RE.search(buyer)):
        found.append("return-flight")
    return found
