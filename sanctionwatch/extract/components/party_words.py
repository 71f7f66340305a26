"""The words around a party's role noun: what may come before it and what places it.

"a Hong Kong-registered shell company", "Dandong-based traders", "a Bordeaux wine merchant":
country words, "X-based" compounds, adjectives and plain nouns before the role; "in Dalian",
"from Antwerp", "based in Shenyang", "headquartered in Dubai" after it. Each gives the party
the country of the place (through the places gazetteer), never a guess.
"""

from __future__ import annotations

from sanctionwatch.extract.components.people import PRONOUNS, Ctx
from sanctionwatch.extract.doc import Doc

DETS = frozenset("the a an this these those some several".split())
POSSESSIVE = {"his": "m", "her": "f", "their": None, "its": None}
MODIFIERS = frozenset(
    """former then late current new top senior visiting acting outgoing incoming de facto
    younger older elder little own ruling powerful sitting veteran retired unnamed unidentified
    local foreign private state-owned small large major big used-car car arms""".split()
)
BASED = frozenset("based registered flagged owned headquartered controlled run".split())
NOUN_ROLE_KINDS = frozenset({"organization", "person", "state", "authority"})
LOCATED = frozenset("located incorporated operating situated domiciled".split())
#: Prepositions after which a capital is where something happens, not the state it stands for.
LOCATIVE = frozenset("in at near outside inside around within across".split())
#: Words that end a party phrase: no noun can stand between them and a role noun.
NOT_NOUNS = frozenset(
    """to from in at on of for by with and or but as than that which who whom whose into onto
    via through is was were are be been being has have had not no also said says""".split()
)


def place_of_role(doc: Doc, ctx: Ctx, j: int, stop: int) -> tuple[str, int] | None:
    """ "a firm in Dalian", "a businessman from Antwerp", "a company based in Shenyang",
    "traders registered in Hong Kong": the country of the place after a role, and its end."""
    toks = doc.tokens
    k = j + 1 if j < stop and toks[j].lower in BASED | LOCATED else j
    if k + 1 < stop and toks[k].lower in ("of", "from", "in", "at", "near"):
        place = ctx.at.get(k + 1)
        if place is not None and place.label == "GPE":
            return str(place.data["country"]), place.tok_end
    return None


def place_after(doc: Doc, ctx: Ctx, j: int, stop: int) -> str | None:
    """ "the Moranbong Theatre in Pyongyang": the country of a place right after a name."""
    if j + 1 < stop and doc.tokens[j].lower in ("in", "of"):
        m = ctx.at.get(j + 1)
        if m is not None and m.label == "GPE":
            return str(m.data["country"])
    return None


def modifiers(
    doc: Doc, ctx: Ctx, j: int, stop: int, country: str | None, started: bool = False
) -> tuple[int, str | None]:
    """Skip country words, "X-based", adjectives and plain nouns before a role noun;
    ``started`` says a determiner or possessor came first, so nouns may follow."""
    toks = doc.tokens
    first = j
    while j < stop:
        started = started or j > first
        m = ctx.at.get(j)
        after = m.tok_end if m else j + 1
        if m and m.label in ("GPE", "NORP"):
            hyphen_based = (
                after + 1 < stop and toks[after].text == "-" and toks[after + 1].lower in BASED
            )
            if hyphen_based:
                country, j = m.data["country"], after + 2
                continue
            if m.label == "NORP" or ctx.at.get(after, m).label == "ROLE":
                country, j = m.data["country"], after
                continue
            role_at = _role_after_nouns(doc, ctx, after, stop)
            if role_at is not None:
                country, j = m.data["country"], role_at
                continue
            break
        if m is not None and m.label == "ROLE":
            if after + 1 < stop and toks[after].text == "-" and toks[after + 1].text.isalpha():
                j = after + 2  # "state-owned", "state-run": a compound modifier
                continue
            break  # "foreign minister", "state media": the role itself, no modifier
        if toks[j].lower in MODIFIERS or (
            toks[j].text == "-" and j > 0 and toks[j - 1].lower in MODIFIERS
        ):
            j += 1
            continue
        if started and (role_at := _role_after_nouns(doc, ctx, j, stop)) is not None:
            j = role_at  # "a trading firm", "a Hong Kong-registered shell company"
            continue
        break
    return j, country


def _role_after_nouns(doc: Doc, ctx: Ctx, j: int, stop: int) -> int | None:
    """ "a Bordeaux wine merchant": up to two plain nouns between a place and its role."""
    for k in range(j, min(j + 2, stop)):
        low = doc.tokens[k].lower
        if not low.isalpha() or low in DETS or low in POSSESSIVE or low in PRONOUNS:
            return None
        if low in NOT_NOUNS or k in ctx.at:
            return None
        if (m := ctx.at.get(k + 1)) is not None and m.label == "ROLE":
            # "an oil tanker", "a bulk carrier" are as often goods as parties
            return k + 1 if m.data.get("party_kind") in NOUN_ROLE_KINDS else None
    return None


#: Verbs of saying: a party right before or after one is the source of a claim, not a side.
SPEECH = frozenset(
    """said say says told tell tells reported reports claimed claims stated states announced
    announces added adds alleged alleges confirmed confirms noted notes warned warns wrote
    writes estimated estimates believes believe concluded concludes found finds argued
    argues insisted insists acknowledged acknowledges disclosed discloses revealed
    reveals""".split()
)
INVERTED = frozenset("said says added adds wrote writes noted notes stated states".split())
QUOTE_END = frozenset({",", '"', "”", "'", "’"})
ADVERBS_OF_SAYING = frozenset("also later earlier previously separately publicly".split())


def is_source(doc: Doc, tok_start: int, tok_end: int) -> bool:
    """ "..., Japanese officials said", "said the ministry", "according to US officials":
    the party names who told of a transfer, which makes it no side of that transfer."""
    toks = doc.tokens
    sent = toks[tok_start].sent
    k = tok_end
    while k < len(toks) and toks[k].sent == sent and toks[k].lower in ADVERBS_OF_SAYING:
        k += 1
    after = toks[k].lower if k < len(toks) and toks[k].sent == sent else ""
    before = [t.lower for t in toks[max(0, tok_start - 2) : tok_start] if t.sent == sent]
    if after in SPEECH:
        return True
    if (
        before[-1:]
        and before[-1] in INVERTED
        and (tok_start < 2 or toks[tok_start - 2].text in QUOTE_END)
    ):
        return True  # ', said the ministry'; never "…, told his counterpart" (an object)
    return before == ["according", "to"]
