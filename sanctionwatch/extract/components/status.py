"""The status of each transfer claim: actual, negated, hypothetical or reported.

Cues come from ``data/status.yml``. ``before`` cues count in the few words before the trigger
(its clause: "did not deliver", "plans to ship", "reportedly sold"); ``sentence`` cues anywhere
in the sentence ("according to", "denied"). Negation wins over hypothesis, hypothesis over
report: a denied plan is still no transfer.
"""

from __future__ import annotations

from sanctionwatch.extract.components.clauses import fronted_end, rule_governed
from sanctionwatch.extract.doc import Doc, Frame
from sanctionwatch.extract.lexicon import get_lexicon
from sanctionwatch.extract.registry import register

#: How far before the trigger a ``before`` cue may stand, in tokens.
WINDOW = 8
#: How far before the trigger a word that makes it the object of a ban may stand.
GOVERN_REACH = 4
ORDER = ("rule", "negated", "hypothetical", "reported")
CLAUSE_BREAKS = frozenset({";", ":", "but", "while", "whereas", "although"})


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    if phrase[0] not in words:
        return False
    n = len(phrase)
    return any(
        words[k] == phrase[0] and tuple(words[k : k + n]) == phrase
        for k in range(len(words) - n + 1)
    )


def _date_tokens(doc: Doc) -> set[int]:
    """Tokens of date expressions: "May" in "from March to May 2019" is no modal."""
    cached = doc.meta.get("_date_tokens")
    if cached is None:
        cached = {
            k for m in doc.mentions if m.label == "DATE" for k in range(m.tok_start, m.tok_end)
        }
        doc.meta["_date_tokens"] = cached
    return set(cached)


def _words(doc: Doc, start: int, end: int) -> list[str]:
    dates = _date_tokens(doc)
    return ["" if k in dates else doc.tokens[k].lower for k in range(start, end)]


def _window(doc: Doc, fr: Frame) -> list[str]:
    sent = doc.sentences[fr.sentences[0]]
    first = fronted_end(doc, sent.tok_start, fr.trigger)
    start = max(first, fr.trigger - WINDOW)
    words = _words(doc, start, fr.trigger)
    for k, w in enumerate(words):
        if w in ADVERBS and _foreign_adverb(doc, start + k, sent.tok_end, fr.trigger):
            words[k] = ""
    for k in range(len(words) - 1, -1, -1):
        if words[k] in CLAUSE_BREAKS:
            return words[k + 1 :]
    return words


#: Hedging adverbs: they qualify the next verb, not every verb of the sentence.
ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly"})
#: How far after a hedging adverb the verb it qualifies may stand.
ADVERB_REACH = 4


def _foreign_adverb(doc: Doc, k: int, end: int, trigger: int) -> bool:
    """ "shipped fuel in March and reportedly plans to send more", "a firm that allegedly
    supplied liquor ... exported watches": the adverb qualifies another transfer verb, after
    the trigger or in a relative clause before it. A claim that continues the hedged one
    ("allegedly shipped handbags to a distributor, which then sent them on") stays hedged."""
    verbs = get_lexicon().verbs
    first = doc.sentences[doc.tokens[k].sent].tok_start
    relative = any(t.lower in ("that", "which", "who") for t in doc.tokens[max(first, k - 2) : k])
    if k < trigger and not relative:
        return False
    for j in range(k + 1, min(end, k + 1 + ADVERB_REACH)):
        if j == trigger:
            return False
        if doc.tokens[j].lower in verbs:
            return True
    return False


def _clause(doc: Doc, start: int, end: int, trigger: int) -> list[str]:
    """The words of the clause that holds the trigger: the sentence cut at semicolons and at
    words that join two claims ("Russia denied it, but Ukraine said Iran shipped drones").
    A hedging adverb of another transfer verb is left out."""
    words = _words(doc, start, end)
    for k, w in enumerate(words):
        if w in ADVERBS and _foreign_adverb(doc, start + k, end, trigger):
            words[k] = ""
    at = trigger - start
    left = max((k for k in range(at) if words[k] in CLAUSE_BREAKS), default=-1) + 1
    right = min((k for k in range(at, len(words)) if words[k] in CLAUSE_BREAKS), default=len(words))
    return words[left:right]


#: Nouns of plans before "to": "signed a contract to deliver", "a deal to sell".
PLAN_NOUNS = frozenset(
    "contract contracts deal deals agreement agreements plan plans offer offers proposal"
    " order orders bid bids request requests".split()
)


def infinitive_plan(doc: Doc, fr: Frame, party_ends: set[int]) -> bool:
    """ "Russia to supply Iran" (a headline's future) or "a contract to deliver"."""
    k = fr.trigger - 1
    if fr.form != "verb" or k < 1 or doc.tokens[k].lower != "to":
        return False
    return k - 1 in party_ends or doc.tokens[k - 1].lower in PLAN_NOUNS


def _refused_later(doc: Doc, fr: Frame) -> bool:
    """ "asked about buying a second instrument, but says he turned them down"."""
    sent = doc.sentences[fr.sentences[0]]
    after = _words(doc, fr.trigger + 1, sent.tok_end)
    phrases = get_lexicon().cues.get("negated", {}).get("refused_after", [])
    return any(_contains(after, p) for p in phrases)


def claim_status(doc: Doc, fr: Frame, party_ends: set[int] | None = None) -> str:
    status = _cue_status(doc, fr, party_ends)
    attempt = get_lexicon().cues.get("negated", {}).get("attempt", [])
    tried = any(_contains(_window(doc, fr), p) for p in attempt)
    if (status == "hypothetical" or tried) and _refused_later(doc, fr):
        return "negated"
    if status in ("actual", "hypothetical") and _stopped_later(doc, fr, tried):
        return "negated"
    if status == "actual" and _negated_here(doc, fr):
        return "negated"
    return status


def _negated_here(doc: Doc, fr: Frame) -> bool:
    """ "received no fighter jets", "sold drones without delivering them", "The shipment of
    rifles was blocked before it left Valletta": negation of the goods, right before the
    trigger, or in the predicate of a transfer noun."""
    table = get_lexicon().cues.get("negated", {})
    if any(doc.tokens[s].lower == "no" for s, _ in fr.goods):
        return True
    sent = doc.sentences[fr.sentences[0]]
    adjacent = _words(doc, max(sent.tok_start, fr.trigger - 2), fr.trigger)
    if any(_contains(adjacent, p) for p in table.get("adjacent", [])):
        return True
    if fr.form != "noun":
        return False
    after = _clause(doc, fr.trigger, sent.tok_end, fr.trigger)
    return any(_contains(after, p) for p in table.get("after_noun", []))


#: How many sentences after a transfer a sentence may tell that it was stopped.
STOP_REACH = 2


def _stopped_later(doc: Doc, fr: Frame, tried: bool) -> bool:
    """ "An Italian firm tried to export two limousines. They were seized before they could
    leave Italy.": a later sentence of the paragraph, with no transfer of its own, stops the
    goods before they left (or stops an attempt at all). A seizure in transit or on arrival
    leaves the transfer actual."""
    table = get_lexicon().cues.get("negated", {})
    verbs = {p[0] for p in table.get("stopped_verbs", [])}
    own = {f.sentences[0] for f in doc.meta.get("frames", [])}
    first = fr.sentences[0]
    for s_i in range(first + 1, min(len(doc.sentences), first + 1 + STOP_REACH)):
        prev, sent = doc.sentences[s_i - 1], doc.sentences[s_i]
        if s_i in own or "\n" in doc.text[prev.end : sent.start]:
            return False  # another transfer, or a new paragraph: the stop is not this one's
        words = _words(doc, sent.tok_start, sent.tok_end)
        if not verbs & set(words):
            continue
        if tried or any(_contains(words, p) for p in table.get("stopped_before", [])):
            return True
    return False


def _cue_status(doc: Doc, fr: Frame, party_ends: set[int] | None = None) -> str:
    if fr.form == "noun" and doc.tokens[fr.trigger - 1].lower in ("any", "every"):
        return "rule"  # "any sale of combat aircraft would breach the embargo"
    cues = get_lexicon().cues
    party_ends = party_ends if party_ends is not None else {p.tok_end - 1 for p in doc.parties}
    sent = doc.sentences[fr.sentences[0]]
    before = _window(doc, fr)
    main = fronted_end(doc, sent.tok_start, fr.trigger)
    whole = _clause(doc, main, sent.tok_end, fr.trigger)
    near = _words(doc, max(sent.tok_start, fr.trigger - GOVERN_REACH), fr.trigger)
    governing = cues.get("rule", {}).get("governing", [])
    if not {",", ";", ":"} & set(near) and any(_contains(near, p) for p in governing):
        return "rule"  # "the Council banned the purchase of statues in November 2016"
    if rule_governed(doc, fr.trigger, governing):
        return "rule"  # "a ban on the sale, supply or transfer of arms"
    for status in ORDER:
        if any(_contains(before, p) for p in cues.get(status, {}).get("override", [])):
            return status  # "did not deny that", "may have sold", "unclear whether"
    for status in ORDER:
        table = cues.get(status, {})
        if any(_contains(before, p) for p in table.get("before", [])):
            return status
        if any(_contains(whole, p) for p in table.get("sentence", [])):
            return status
        if status == "hypothetical" and infinitive_plan(doc, fr, party_ends):
            return status
    return "actual"


#: Words of a denial: a claim that the other side denies is reported, not actual.
DENIALS = frozenset(
    """denied denies deny denying rejected rejects rejecting dismissed dismisses dismissing
    refuted refutes refuting groundless baseless absurd fabricated fabrication fabrications
    slander""".split()
)


def _sides(fr: Frame) -> tuple[str | None, str | None]:
    return (
        (fr.giver.country if fr.giver else None) or fr.origin,
        (fr.recipient.country if fr.recipient else None) or fr.destination,
    )


def mark_disputed(doc: Doc, frames: list[Frame]) -> None:
    """ "Washington says Pyongyang sold shells to Russia ... Pyongyang denied it": when the
    report holds a negated transfer between the same countries, or one side denies such
    transfers ("Moscow denied the claims"), the transfers it states as fact are in dispute.
    A denial of "such claims" or "these reports" answers the claims just told (the sentences
    before it), not every transfer of the report."""
    if not any(t.lower in DENIALS for t in doc.tokens):
        return
    denied = [_sides(f) for f in frames if f.status == "negated" and all(_sides(f))]
    deniers = _deniers(doc)
    for fr in frames:
        sides = _sides(fr)
        if fr.status != "actual" or not all(sides):
            continue
        if sides in denied or any(
            country in sides and (reach is None or 0 <= at - fr.sentences[-1] <= reach)
            for country, at, reach in deniers
        ):
            fr.status = "reported"


#: What a denial must speak of to dispute transfers ("denied any arms transfers").
DENIED_THINGS = frozenset(
    """transfer transfers deliveries delivery shipments shipment supplies supply sales sale
    exports imports trade claims claim allegations allegation reports report accusations
    accusation involvement wrongdoing deal deals charges charge""".split()
)
#: Words that make the denied thing the claim just told ("such claims", "these reports").
DEMONSTRATIVES = frozenset({"such", "these", "those", "this", "that"})
#: How many sentences back a denial of "such claims" reaches.
LOCAL_REACH = 2


def _deniers(doc: Doc) -> list[tuple[str, int, int | None]]:
    """The parties' countries that deny transfers, with the sentence of the denial and how far
    back it reaches (None: the whole report): "Moscow and Pyongyang have denied any arms
    transfers", "the foreign ministry called such claims absurd", "Tehran denied receiving"."""
    found: list[tuple[str, int, int | None]] = []
    for t in doc.tokens:
        if t.lower not in DENIALS:
            continue
        sent = doc.sentences[t.sent]
        near = [x.lower for x in doc.tokens[max(sent.tok_start, t.i - 4) : t.i]]
        near += [x.lower for x in doc.tokens[t.i + 1 : min(sent.tok_end, t.i + 6)]]
        gerunds = {w for w in near[-5:] if w.endswith("ing") and w in get_lexicon().verbs}
        things = [k for k, w in enumerate(near) if w in DENIED_THINGS or w in gerunds]
        if not things:
            continue
        local = any(k > 0 and near[k - 1] in DEMONSTRATIVES for k in things)
        found.extend(
            (p.country, t.sent, LOCAL_REACH if local else None)
            for p in doc.parties
            if p.country and sent.tok_start <= p.tok_start and p.tok_end <= t.i
        )
    return found


@register("status.v1")
def set_status(doc: Doc) -> Doc:
    """Set ``Frame.status`` for every frame found so far; drop statements of rules."""
    frames = doc.meta.get("frames", [])
    party_ends = {p.tok_end - 1 for p in doc.parties}
    for fr in frames:
        fr.status = claim_status(doc, fr, party_ends)
    doc.meta["frames"] = [fr for fr in frames if fr.status != "rule"]
    return doc
