"""Join the frames that tell one transfer: "it", "the car", "the gift" and repeated reports.

A frame whose goods are only a pronoun or a definite generic noun ("The car was delivered on
Sunday") is merged into the latest earlier frame it can refer to: a pronoun to any, a noun to
one whose goods share a sanction category or HS heading; and never when the two name parties
of different countries. Two full frames with the same giver and recipient countries and the
same HS heading (a headline and the body) are merged too. Merging fills what the earlier frame
lacks (a date, a party, a route) and adds the sentence to its evidence.
"""

from __future__ import annotations

from sanctionwatch.extract.components.chains import chained
from sanctionwatch.extract.components.exchanges import answered_date
from sanctionwatch.extract.components.grammar import Grammar, Span
from sanctionwatch.extract.components.quantities import total_value
from sanctionwatch.extract.components.sides import infer_side
from sanctionwatch.extract.components.specify import identify, specify_goods
from sanctionwatch.extract.components.status import mark_disputed
from sanctionwatch.extract.components.when import context_date, frame_date
from sanctionwatch.extract.components.words import (
    CLAUSE_WORDS,
    MEASURES,
    PREPOSITIONS,
    PRONOUNS,
    PUNCT,
)
from sanctionwatch.extract.doc import Doc, Frame, PartyRef
from sanctionwatch.extract.goods import clean_goods, goods_headings, headings_of, is_goods
from sanctionwatch.extract.lexicon import get_lexicon
from sanctionwatch.extract.registry import register

#: Anaphors that can stand for goods of any kind.
CONTAINERS = frozenset(
    """it them which that these those one they consignment consignments shipment shipments
    cargo cargoes goods items item gift gifts present presents delivery deliveries batch
    load equipment hardware materiel supplies products merchandise freight""".split()
)
#: How many sentences back an anaphor may look for its antecedent.
REACH = 4


def _country(party: PartyRef | None) -> str | None:
    return party.country if party is not None else None


def _compatible(a: Frame, b: Frame) -> bool:
    for x, y in (
        (_country(a.giver) or a.origin, _country(b.giver) or b.origin),
        (_country(a.recipient) or a.destination, _country(b.recipient) or b.destination),
    ):
        if x and y and x != y:
            return False
    return True


def _date_better(old: str | None, new: str | None) -> bool:
    return bool(new) and (old is None or (len(new or "") > len(old) and new.startswith(old[:4])))  # type: ignore[union-attr]


def merge(doc: Doc, into: Frame, other: Frame) -> None:
    """Fill ``into`` from ``other`` and add its evidence."""
    for attr in ("giver", "recipient"):
        mine, theirs = getattr(into, attr), getattr(other, attr)
        if theirs is not None and (
            mine is None
            or (mine.country is None and theirs.country)
            or (mine.kind == "unknown" and theirs.kind != "unknown")
        ):
            setattr(into, attr, theirs)
    if not into.goods and other.goods and not other.anaphoric:
        into.goods, into.anaphoric = other.goods, False
    elif _containers_only(doc, into) and (named := _named_goods(doc, other)):
        into.goods = named  # "received gifts ... The gifts, which included a tea set"
    into.origin = into.origin or other.origin
    into.destination = into.destination or other.destination
    into.via += [v for v in other.via if v not in into.via]
    if _date_better(into.date, other.date):
        into.date = other.date
    into.sentences = sorted(set(into.sentences) | set(other.sentences))
    into.money += other.money


def _containers_only(doc: Doc, fr: Frame) -> bool:
    return bool(fr.goods) and all(doc.tokens[e - 1].lower in CONTAINERS for _, e in fr.goods)


def _named_goods(doc: Doc, fr: Frame) -> list[tuple[int, int]]:
    return [(s, e) for s, e in fr.goods if doc.tokens[e - 1].lower not in CONTAINERS]


def _refers(doc: Doc, ana: Frame, cand: Frame) -> bool:
    if cand.anaphoric or not cand.goods or ana.sentences[0] - cand.sentences[-1] > REACH:
        return False
    if not _compatible(ana, cand):
        return False
    if not ana.goods:
        return True
    words = [doc.span_text(*g).lower() for g in ana.goods]
    if words[0].split()[-1] in CONTAINERS:
        return True  # "it", "the consignment", "the cargo" (including ...): any goods
    return bool(goods_headings(doc, ana) & goods_headings(doc, cand))


def _overlapping(a: Frame, b: Frame) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a.goods for s2, e2 in b.goods)


def _same(doc: Doc, a: Frame, b: Frame) -> bool:
    """Two full frames tell one transfer: same goods heading, no conflicting side or date,
    and either the same two countries or the second near the first (a repeat that names
    one side only: "The SUV was driven into Belarus" after "smuggled a G-Class to Russia")."""
    if a.anaphoric or b.anaphoric or not _compatible(a, b) or chained(a, b):
        return False
    if _overlapping(a, b):
        return True  # "did send a shipment of potash": the verb and the noun tell one transfer
    if a.status != b.status:
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    heads_a = {h for h in goods_headings(doc, a) if not h.startswith("cat:")}
    heads_b = {h for h in goods_headings(doc, b) if not h.startswith("cat:")}
    if not heads_a & heads_b:
        return False
    keys_a = (_country(a.giver) or a.origin, _country(a.recipient) or a.destination)
    keys_b = (_country(b.giver) or b.origin, _country(b.recipient) or b.destination)
    if None not in keys_a and keys_a == keys_b:
        return True
    return b.sentences[0] - a.sentences[-1] <= 2


def _np_starts(g: Grammar, start: int, end: int) -> list[int]:
    starts = []
    for i in range(start, end):
        before = g.low(i - 1) if i > start else ""
        if i == start or before in PREPOSITIONS | CLAUSE_WORDS | PUNCT or g.is_label(i - 1, "VERB"):
            starts.append(i)
    return starts


def antecedent_goods(doc: Doc, g: Grammar, fr: Frame) -> tuple[Span, int] | None:
    """ "The cargo had been sold": the last goods phrase of the sentences before (or of the
    same sentence before the trigger) that the classifier knows and the anaphor agrees with."""
    wanted = goods_headings(doc, fr)
    non_goods = get_lexicon().non_goods
    first = fr.sentences[0]
    party_tokens = {
        k
        for p in doc.parties
        if p.kind in ("person", "organization", "state") and p.tok_end - p.tok_start
        for k in range(p.tok_start, p.tok_end)
    }
    for s_i in range(first, max(-1, first - 3), -1):
        sent = doc.sentences[s_i]
        end = fr.trigger if s_i == first else sent.tok_end
        for i in reversed(_np_starts(g, sent.tok_start, end)):
            span = g.np_right(i, end)
            if span is None or not g.has_content(span.start, span.end):
                continue
            if any(k in party_tokens for k in range(span.start, span.end)):
                continue  # "the public prosecutor" names a party, not goods
            if g.low(span.end - 1) in non_goods:
                continue  # "a television interview" is no goods
            text = clean_goods(doc.span_text(span.start, span.end))
            heads = headings_of(text) if is_goods(text) else frozenset()
            if heads and (not wanted or heads & wanted):
                return span, s_i
    return None


def resolve_alone(doc: Doc, g: Grammar, fr: Frame) -> None:
    """Give an anaphoric frame without an earlier frame the goods its sentence refers to."""
    found = antecedent_goods(doc, g, fr)
    if found is None:
        return
    span, s_i = found
    fr.goods, fr.anaphoric = [(span.start, span.end)], False
    if s_i not in fr.sentences:
        fr.sentences = sorted({*fr.sentences, s_i})
    if fr.date is None:
        fr.date = frame_date(doc, s_i, span.start, [])
    if fr.origin is None:
        place = g.party_at.get(span.end + 1) if g.low(span.end) in ("at", "in", "from") else None
        if place is not None and place.kind in ("place", "state") and place.country:
            fr.origin = place.country


def pass_on(fr: Frame, kept: list[Frame]) -> None:
    """ "A Dutch firm bought 12 cars in Germany. The goods were later exported to North
    Korea": goods sent on after an earlier transfer leave from its recipient."""
    if fr.giver is not None or fr.anaphoric:
        return
    earlier = next((c for c in reversed(kept) if _overlapping(c, fr)), None)
    if earlier is None or earlier.recipient is None or not earlier.recipient.country:
        return
    onward = _country(fr.recipient) or fr.destination
    if onward and earlier.recipient.country != onward:
        fr.giver = earlier.recipient


@register("coref.v1")
def join_frames(doc: Doc) -> Doc:
    """Merge anaphoric and repeated frames into the frames they continue."""
    kept: list[Frame] = []
    g = Grammar(doc)
    for fr in doc.meta.get("frames", []):
        target = None
        if fr.goods and not fr.anaphoric and _no_goods_words(doc, fr):
            fr.goods, fr.anaphoric = [], True  # "The goods were later exported": not "later"
        if fr.anaphoric:
            target = next((c for c in reversed(kept) if _refers(doc, fr, c)), None)
            if target is not None and chained(target, fr):
                fr.goods, fr.anaphoric = list(target.goods), False  # the next leg
                target = None
            elif target is None:
                resolve_alone(doc, g, fr)
                pass_on(fr, kept)
        else:
            target = next((c for c in reversed(kept) if _same(doc, c, fr)), None)
        if target is not None:
            merge(doc, target, fr)
        else:
            kept.append(fr)
    specify_goods(doc, kept)
    doc.meta["frames"] = [f for f in kept if _informative(doc, f)]
    for n, fr in enumerate(doc.meta["frames"]):
        identify(doc, g, fr)
        infer_side(doc, fr)
        if fr.date is None:
            fr.date = answered_date(doc, fr, doc.meta["frames"][:n])
        if fr.date is None:
            fr.date = context_date(doc, fr.sentences[0])
        fr.money = [total_value(doc, fr, m) for m in fr.money]
    mark_disputed(doc, doc.meta["frames"])
    return doc


#: Words that cannot name goods alone ("then", "later", "14").
NOT_GOODS_WORDS = frozenset(
    "then later now also still once again more less this that these those it they them here"
    " there which what who one ones some further extra additional other another".split()
)


def _no_goods_words(doc: Doc, fr: Frame) -> bool:
    """Goods words that are only an adverb after a passive auxiliary ("The goods were later
    exported"): the subject was misread; the goods are those the subject refers to."""
    after_aux = all(s > 0 and doc.tokens[s - 1].lower in AUXILIARIES for s, _ in fr.goods)
    return after_aux and all(
        t.lower in NOT_GOODS_WORDS | PRONOUNS for s, e in fr.goods for t in doc.tokens[s:e]
    )


AUXILIARIES = frozenset("was were is are been be".split())


def _goods_like(doc: Doc, start: int, end: int) -> bool:
    """Known to the classifier, or a phrase with a real noun in it (not "then", "14")."""
    text = clean_goods(doc.span_text(start, end))
    if all(t.lower in PRONOUNS | NOT_GOODS_WORDS for t in doc.tokens[start:end]):
        return False
    if headings_of(text):
        return True
    words = [t.lower for t in doc.tokens[start:end] if t.lower.isalpha()]
    if not words or words[-1].endswith("ed") or words[0] in ("that", "which", "who"):
        return False
    content = [w for w in words if w not in NOT_GOODS_WORDS and len(w) > 2]
    return len(content) >= 2 or any(w in MEASURES for w in words)


def _informative(doc: Doc, fr: Frame) -> bool:
    """A frame needs real goods and at least one country on either side to be an event."""
    if not fr.goods or (fr.anaphoric and len(fr.goods) and not fr.giver and not fr.recipient):
        return False
    if not fr.named and not any(_goods_like(doc, start, end) for start, end in fr.goods):
        return False
    sides = (_country(fr.giver) or fr.origin, _country(fr.recipient) or fr.destination)
    if sides[0] and sides[0] == sides[1]:
        return False  # within one country: no cross-border transfer (or a misread one)
    return any(sides)
