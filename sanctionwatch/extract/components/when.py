"""The date of a transfer: which date expression of the text governs it.

The dates component finds and resolves every date expression; this module picks the one
that dates a transfer. The nearest date of its sentence wins, except datelines, dates of
statements ("said on Tuesday"), ends of ranges and dates of a reporting clause before "that".
A sentence without one takes the last date of the sentence before it in its paragraph.
Otherwise the date stays unknown: neither the publication date nor a tense ("Beijing has
delivered") is a date the text gives.
"""

from __future__ import annotations

from sanctionwatch.extract.doc import Doc, Mention
from sanctionwatch.extract.lexicon import get_lexicon

LEADS = frozenset({"on", "last", "this", "late", "early", "earlier"})
REPORTING = frozenset(
    """said says reported reports told announced stated confirmed added wrote published revealed
    disclosed found showed heard charged sentenced complained warned noted""".split()
)


def mark_roles(doc: Doc, m: Mention) -> None:
    """A dateline ("SEOUL, May 14, 2019 -") dates the report; "said on Tuesday" dates a
    statement. Neither dates a transfer."""
    toks = doc.tokens
    sent = doc.sentences[toks[m.tok_start].sent]
    if m.tok_start - sent.tok_start <= 6 and _dash_after(doc, m.tok_end, sent.tok_end):
        m.data["dateline"] = True
        for g in doc.mentions:
            if g.label == "GPE" and sent.tok_start <= g.tok_start < m.tok_start:
                doc.meta.setdefault("dateline_country", g.data["country"])
                break
        return
    if _is_range_end(doc, m, sent.tok_start):
        m.data["range_end"] = True
        return
    k = m.tok_start - 1
    while k >= sent.tok_start and toks[k].lower in LEADS:
        k -= 1
    if k >= sent.tok_start and toks[k].lower in REPORTING:
        m.data["report"] = True
    elif _after_act(doc, m.tok_start, sent.tok_start):
        m.data["report"] = True  # "was sentenced in May 2020 for shipping": the sentence's date
    elif (k < sent.tok_start or toks[k].text in ("-", "–", "—")) and _acts_after(
        doc, m.tok_end, sent.tok_end
    ):
        m.data["report"] = True  # "Today, OFAC designated ...": the date of the designation


#: Verbs of authorities and speakers whose date is not that of the transfer they speak of.
ACTS = frozenset(
    """designated designates sanctioned sanctions charged convicted sentenced fined indicted
    seized arrested detained blacklisted imposed""".split()
)


def _acts_after(doc: Doc, j: int, stop: int) -> bool:
    """ "Today, the Treasury designated ...": a date that opens the sentence and whose clause
    verb is a statement or an act of an authority."""
    if j >= stop or doc.tokens[j].lower != ",":
        return False
    for k in range(j + 1, min(stop, j + 24)):
        low = doc.tokens[k].lower
        if low in ACTS:
            return True
        verb = low.endswith("ed") and doc.tokens[k].text[:1].islower()
        if low in (",", ";", ":") or verb:
            return False
    return False


DASHES = ("-", "–", "—", ":")


def _dash_after(doc: Doc, j: int, stop: int) -> bool:
    """A dateline's date ends in a dash, maybe after the agency: "Aug 19 (Wire) -"."""
    toks = doc.tokens
    if j < stop and toks[j].text == "(":
        close = next((k for k in range(j, min(stop, j + 6)) if toks[k].text == ")"), None)
        j = close + 1 if close is not None else j
    return j < stop and toks[j].text in DASHES


#: Acts of courts and authorities whose date is theirs, not that of the transfer they judge.
JUDGING = frozenset(
    """sentenced convicted charged fined indicted designated sanctioned blacklisted jailed
    penalised penalized published issued""".split()
)


#: Verbs of speaking whose object may stand before the date: "told reporters on Monday".
SPEAKING = frozenset("told tells briefed informed".split())


def _after_act(doc: Doc, start: int, first: int) -> bool:
    """ "was sentenced in May 2020", "convicted the captain on Monday", "published its report
    in March 2021": the date follows a court's or authority's act within a few words."""
    for k in range(start - 1, max(first - 1, start - 5), -1):
        low = doc.tokens[k].lower
        if low in JUDGING or low in SPEAKING:
            return True
        if low in (",", ";", ":") or low.endswith("ed"):
            return False
    return False


def _is_range_end(doc: Doc, m: Mention, first: int) -> bool:
    """The second date of "between 2010 and 2017" or "from 2010 to 2017"."""
    prev = [t.lower for t in doc.tokens[max(first, m.tok_start - 3) : m.tok_start]]
    if not prev or prev[-1] not in ("and", "to", "until"):
        return False
    return any(p in ("between", "from") for p in prev[:-1])


SKIPPED_DATES = ("dateline", "report", "range_end")


def frame_date(doc: Doc, sent_i: int, trigger: int, skip: list[tuple[int, int]]) -> str | None:
    """The date of a transfer: the nearest usable date of its sentence.

    Datelines, dates of statements ("said on Tuesday"), ends of ranges and dates of a
    reporting clause before "that" ("figures released this week show that ...") are passed
    over or count as far away."""
    sent = doc.sentences[sent_i]
    best: tuple[int, str] | None = None
    for m in doc.mentions:
        if m.label != "DATE" or not sent.tok_start <= m.tok_start < sent.tok_end:
            continue
        if not m.data.get("value") or any(m.data.get(k) for k in SKIPPED_DATES):
            continue
        if any(a <= m.tok_start < b for a, b in skip):
            continue
        if _other_event(doc, m, trigger) or _bounding_clause(doc, sent.tok_start, m, trigger):
            continue
        dist = abs(m.tok_start - trigger)
        if _verb_between(doc, m, trigger):
            dist += 50  # "a firm that supplied liquor in 2017 exported watches last year"
        if m.tok_end <= trigger and any(
            t.lower in ("that", "said", "says") for t in doc.tokens[m.tok_end : trigger]
        ):
            dist += 100
        if best is None or dist < best[0]:
            best = (dist, m.data["value"])
    return best[1] if best else None


#: Words that open a fronted clause whose date bounds the transfer, not dates it:
#: "Before the ban took effect in 2016, Russia delivered ...".
BOUNDING = frozenset({"before", "until", "till", "since"})


def _bounding_clause(doc: Doc, start: int, m: Mention, trigger: int) -> bool:
    """The date stands in a fronted clause of "before", "until" or "since" closed by a comma
    before the trigger. A bare prepositional date ("Since 2011, Russia has sent") is kept."""
    if doc.tokens[start].lower not in BOUNDING or not start + 1 < m.tok_start < trigger:
        return False
    return any(doc.tokens[k].lower == "," for k in range(m.tok_end, trigger))


DETERMINERS = frozenset("a an the its their his her this that".split())
#: Words that open a clause of its own: a date before them belongs to the clause it stands in.
SUBORDINATORS = frozenset({"that", "which", "who", "whom", "whose"})


def _other_event(doc: Doc, m: Mention, trigger: int) -> bool:
    """The date belongs to another event: it modifies another noun ("at a June 2024 summit,
    Kim recalled the rifle Putin gave him") or stands in the main clause of a transfer told in
    a relative clause ("during talks on 12 March, officials discussed the jets that Russia
    had delivered")."""
    toks = doc.tokens
    if m.tok_end == trigger:
        return False  # "a 2019 shipment of coal": the trigger's own date
    nxt = toks[m.tok_end] if m.tok_end < len(toks) else None
    attributive = (
        m.tok_start > 0
        and toks[m.tok_start - 1].lower in DETERMINERS
        and nxt is not None
        and nxt.text.isalpha()
        and nxt.text.islower()
    )
    if attributive:
        return True
    if m.tok_start > trigger:
        return _other_verb(doc, m, trigger)
    between = [t.lower for t in toks[m.tok_end : trigger]]
    # "the jets that Russia had delivered", not ", which then sent them on" (a continuation)
    return "," in between and any(
        w in SUBORDINATORS and k > 0 and between[k - 1] != "," for k, w in enumerate(between)
    )


#: Words between a verb and its date: "signed in June", "set on 22 December".
DATE_PREPS = frozenset(LEADS | {"in", "at", "during", "by", "until", "since"})
#: Irregular past participles that date an event of their own ("the cap set in 2017").
IRREGULAR = frozenset("set made held seen built taken found told paid hit shown".split())


def _other_verb(doc: Doc, m: Mention, trigger: int) -> bool:
    """ "the limit the Security Council set in December 2017", "the treaty signed in June":
    a date after the transfer that a verb of another event, nearer to it, governs."""
    k = m.tok_start - 1
    while k > trigger and doc.tokens[k].lower in DATE_PREPS and m.tok_start - k <= 2:
        k -= 1
    if k <= trigger + 1:
        return False
    tok, lex = doc.tokens[k], get_lexicon()
    low = tok.lower
    if not tok.text.isalpha() or not tok.text.islower() or low in lex.verbs:
        return False
    if not (low.endswith("ed") or low in IRREGULAR):
        return False
    noun = _noun_trigger(doc, trigger)
    between = {t.lower for t in doc.tokens[trigger + 1 : k]}
    # "Exports of leather goods nearly tripled last year": the verb of a noun trigger is its own
    return not noun or bool(between & {",", "that", "which", "who"})


def _noun_trigger(doc: Doc, trigger: int) -> bool:
    """ "Exports of ...", "the shipment of ...", "arms deliveries to ...": a trigger noun."""
    toks, lex = doc.tokens, get_lexicon()
    low = toks[trigger].lower
    if low not in lex.nouns:
        return False
    first = doc.sentences[toks[trigger].sent].tok_start
    after = toks[trigger + 1].lower if trigger + 1 < len(toks) else ""
    before = toks[trigger - 1].lower if trigger > first else ""
    return low not in lex.verbs or after == "of" or before in DETERMINERS or trigger == first


def _verb_between(doc: Doc, m: Mention, trigger: int) -> bool:
    """Another transfer verb stands between the date and the trigger, or governs the date in a
    relative clause before the trigger: the date is that verb's."""
    verbs = get_lexicon().verbs
    lo, hi = (m.tok_end, trigger) if m.tok_end <= trigger else (trigger + 1, m.tok_start)
    if any(doc.tokens[k].lower in verbs for k in range(lo, hi)):
        return True
    if m.tok_end > trigger:
        return False
    first = doc.sentences[doc.tokens[trigger].sent].tok_start
    for k in range(m.tok_start - 1, max(first - 1, m.tok_start - 10), -1):
        if doc.tokens[k].lower in verbs:  # "a firm that supplied liquor in 2017 exported"
            return any(t.lower in SUBORDINATORS for t in doc.tokens[max(first, k - 3) : k])
    return False


def context_date(doc: Doc, sent_i: int) -> str | None:
    """The date that governs a sentence without one: the last usable date of the sentence
    before it, when both stand in one paragraph ("The ship was stopped last week. Havana said
    the jets had been sent for repair.")."""
    for back in range(sent_i - 1, max(-1, sent_i - 1 - CONTEXT_REACH), -1):
        prev, nxt = doc.sentences[back], doc.sentences[back + 1]
        if "\n" in doc.text[prev.end : nxt.start]:
            return None  # a new paragraph
        found = [
            m
            for m in doc.mentions
            if m.label == "DATE"
            and prev.tok_start <= m.tok_start < prev.tok_end
            and m.data.get("value")
            and not any(m.data.get(k) for k in SKIPPED_DATES)
        ]
        if found:
            return str(found[-1].data["value"])
    return None


#: How many sentences back, within the paragraph, a date may govern a sentence without one.
CONTEXT_REACH = 1
