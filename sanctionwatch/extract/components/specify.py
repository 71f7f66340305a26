"""What vague goods were: a list that names them later in the report.

Reports often name goods vaguely first ("46 crates of 'luxury items'", "luxury goods worth
EUR 2.3 million") and say what they were after a dash or a colon in the same sentence
("... to Nampo - perfume, handbags and watches, according to the manifest") or in a later
sentence whose subject refers back to them ("The goods included perfume and jewellery",
"The consignments contained watches"). Without the list the classifier knows no heading and
the rules cannot judge the transfer; with it the goods are classified as the list names them.
The list is added to ``Frame.named`` and its sentence to the evidence.
"""

from __future__ import annotations

from sanctionwatch.extract.doc import Doc, Frame
from sanctionwatch.extract.goods import classify_text, clean_goods, trim_goods

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
