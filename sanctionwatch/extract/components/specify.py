"""What vague goods were: a list that names them later in the report.

Reports often name goods vaguely first ("46 crates of 'luxury items'", "luxury goods worth
EUR 2.3 million") and say what they were after a dash or a colon in the same sentence
("... to Nampo - perfume, handbags and watches, according to the manifest") or in a later
sentence whose subject refers back to them ("The goods included perfume and jewellery",
"The consignments contained watches"). Without the list the classifier knows no heading and
the rules cannot judge the transfer; with it the goods are classified as the list names them.
The list is added to ``Frame.named`` and its sentence to the evidence. A later "it was an
Aurus" names goods the same way, and "each car was worth $500,000" gives their value.
"""

from __future__ import annotations

from sanctionwatch.extract.components.grammar import Grammar
from sanctionwatch.extract.doc import Doc, Frame
from sanctionwatch.extract.goods import (
    classify_text,
    clean_goods,
    goods_headings,
    headings_of,
    trim_goods,
)

#: Nouns and pronouns by which a later sentence refers back to goods named before.
BACK_REFS = frozenset(
    """goods items item consignment consignments shipment shipments cargo cargoes crates boxes
    containers packages parcels products merchandise freight load loads delivery deliveries
    gifts gift they it these those""".split()
)
#: Verbs after such a subject that open the list of what the goods were.
LIST_VERBS = frozenset(
    """included includes include including comprised comprises comprise contained contains
    contain consisted consists were was are is""".split()
)
#: Marks after the goods in their own sentence that open a list of what they were.
LIST_MARKS = frozenset({"-", "–", "—", ":", "(", "including", "namely", "notably", "mainly"})
#: Words that end the list: its source ("according to the manifest") or another clause.
LIST_ENDS = frozenset({"according", ";", ")", "-", "–", "—", "which", "that", "who", "worth"})
#: How many sentences after the frame a list may name its goods.
REACH = 3


def is_vague(doc: Doc, fr: Frame) -> bool:
    """Every goods phrase of the frame is one the classifier cannot place ("luxury items",
    "the goods", "46 crates")."""
    if not fr.goods or fr.named:
        return False
    for start, end in fr.goods:
        found = classify_text(clean_goods(trim_goods(doc.span_text(start, end))))
        if found is None or (found.candidates and not found.vague):
            return False
    return True


def _list_text(doc: Doc, start: int, stop: int) -> str | None:
    """The goods list from ``start`` to the first word that ends it, when the classifier
    places it (not vague)."""
    end = start
    while end < stop and doc.tokens[end].lower not in LIST_ENDS:
        end += 1
    if end - start < 1:
        return None
    text = clean_goods(doc.span_text(start, end).strip(" ,.;:'\"‘’“”"))
    found = classify_text(text)
    if not text or found is None or found.vague or not found.candidates:
        return None
    return text


def _same_sentence(doc: Doc, fr: Frame) -> str | None:
    """ "shipped 46 crates of 'luxury items' to Nampo - perfume, handbags and watches"."""
    sent = doc.sentences[fr.sentences[0]]
    after = max(e for _, e in fr.goods)
    for k in range(after, sent.tok_end - 1):
        tok = doc.tokens[k]
        if tok.lower in LIST_MARKS and (
            tok.text.isalpha() or tok.text in ":(" or doc.text[tok.start - 1 : tok.start].isspace()
        ):
            return _list_text(doc, k + 1, sent.tok_end)  # a dash apart, not "Tu-204"
    return None


def _later_sentence(doc: Doc, s_i: int) -> str | None:
    """ "The goods included perfume, handbags and jewellery.": a subject that refers back,
    a verb of content, the list."""
    sent = doc.sentences[s_i]
    toks = doc.tokens
    for k in range(sent.tok_start, min(sent.tok_end - 1, sent.tok_start + 6)):
        if toks[k].lower not in BACK_REFS:
            continue
        j = k + 1
        while j < min(sent.tok_end, k + 3) and toks[j].lower not in LIST_VERBS:
            j += 1  # "The goods, officials said, included"
        if j >= sent.tok_end or toks[j].lower not in LIST_VERBS:
            continue
        j += 1
        while j < sent.tok_end and toks[j].lower in ("of", "mostly", "mainly", "largely", ":"):
            j += 1
        return _list_text(doc, j, sent.tok_end)
    return None


def specify_goods(doc: Doc, frames: list[Frame]) -> None:
    """Name the goods of vague frames from a list in their sentence or a later one; a later
    list belongs to the last vague frame before it."""
    claimed: set[int] = set()
    for fr in sorted(frames, key=lambda f: -f.sentences[0]):
        if not is_vague(doc, fr):
            continue
        named = _same_sentence(doc, fr)
        if named is not None:
            fr.named.append(named)
            continue
        first = fr.sentences[0]  # a later sentence may have joined it already ("the consignments")
        for s_i in range(first + 1, min(len(doc.sentences), fr.sentences[-1] + 1 + REACH)):
            if s_i in claimed:
                break
            named = _later_sentence(doc, s_i)
            if named is not None:
                fr.named.append(named)
                fr.sentences = sorted({*fr.sentences, s_i})
                claimed.add(s_i)
                break


def identify(doc: Doc, g: Grammar, fr: Frame) -> None:
    """ "... said that it was an Aurus": a later "it / the car was a(n) X" names the goods,
    when X is goods of the same heading; the sentence joins the evidence."""
    if not fr.goods:
        return
    if not fr.money:
        worth_later(doc, g, fr)
    heads = {h for h in goods_headings(doc, fr) if not h.startswith("cat:")}
    last = fr.sentences[-1]
    for s_i in range(last, min(len(doc.sentences), last + NAME_REACH)):
        sent = doc.sentences[s_i]
        for k in range(sent.tok_start + 1, sent.tok_end - 1):
            if g.low(k) not in ("was", "is") or g.low(k + 1) not in ("a", "an"):
                continue
            if g.low(k - 1) != "it" and g.low(k - 1) not in GENERIC_HEADS:
                continue
            span = g.np_right(k + 2, sent.tok_end)
            text = clean_goods(doc.span_text(span.start, span.end)) if span else ""
            if text and heads & headings_of(text) and text not in fr.named:
                fr.named.append(text)
                fr.sentences = sorted({*fr.sentences, s_i})
                return


def worth_later(doc: Doc, g: Grammar, fr: Frame) -> None:
    """ "Each car was worth upwards of $500,000" in the next sentence gives the value."""
    money = {m.tok_start: m for m in doc.mentions if m.label == "MONEY"}
    last = fr.sentences[-1]
    for s_i in range(last + 1, min(len(doc.sentences), last + 2)):
        sent = doc.sentences[s_i]
        for k in range(sent.tok_start + 1, sent.tok_end - 1):
            if g.low(k) not in ("was", "were", "is", "are") or g.low(k + 1) not in WORTH:
                continue
            if g.low(k - 1) not in GENERIC_HEADS | {"it", "they", "cars", "vehicles", "limousines"}:
                continue
            found = next(
                (money[x] for x in range(k + 2, min(sent.tok_end, k + 6)) if x in money), None
            )
            if found is not None:
                fr.money.append(found)
                fr.sentences = sorted({*fr.sentences, s_i})
                return


WORTH = frozenset({"worth", "valued", "priced"})
GENERIC_HEADS = frozenset("car vehicle limousine gift present yacht ship vessel aircraft".split())


#: How many sentences after a frame "it was an Aurus" may name its goods.
NAME_REACH = 4
