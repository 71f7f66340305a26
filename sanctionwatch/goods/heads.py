"""Is this text a goods description at all? Head nouns, names and words that name no goods.

The word search over HS descriptions finds something for almost any English word: "White
House" meets "white chocolate" and "House" meets "household", "worked" meets "worked stone".
A goods phrase, though, ends in a noun that names the goods (its head: "armoured *cars*",
"*shells* of 152 mm" cut at its clause); a phrase whose head is a proper name ("Central
Zoo"), a verb or adverb ("monitors add", "papers only"), or a word that describes rather
than names ("controls", "means") is no goods. These checks let the classifier refuse such
text, so that the extractor can drop it, instead of inventing an HS code for it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sanctionwatch.goods.lexicon import Hit, fold_text, fold_word, split_words
from sanctionwatch.goods.parts import CLAUSE_WORDS

log = logging.getLogger(__name__)

#: Words that end no goods phrase: function words, adverbs, common verbs, and nouns of
#: talk, law and office that the HS descriptions happen to share ("control", "mean").
NOT_HEADS = frozenset(
    """
    a an the this that these those it its they them their his her he she we our you your
    i me my us one ones some any all each every both either neither such other another
    and or but nor of in on at by to for from with without into onto about over under
    is are was were be been being am have has had do does did done can could may might
    will would shall should must add adds added say says said tell tells told ask asks
    make makes take takes give gives get gets go goes went come comes came see sees saw
    show shows know knows think thinks want wants need needs use uses try tries keep keeps
    only also now then just still even ever never already yet again further furthermore
    however moreover meanwhile instead rather quite very too so thus hence here there where
    when while since until unless although though because whether if than as like
    more most less least much many few several lot lots plenty number numbers amount
    today yesterday tomorrow week weeks month months year years day days time times
    ago later earlier last next first second third new old
    control controls mean means way ways thing things kind kinds type types sort sorts
    deal deals talk talks report reports statement statements sanction sanctions
    agreement agreements contract contracts order orders case cases rule rules law laws
    official officials source sources people person persons member members side sides
    country countries state states government governments ministry office house
    department agency council committee court company companies firm firms
    effort efforts plan plans project projects programme programmes program programs
    relation relations cooperation support help role part parts place places area areas
    attention issue issues matter matters question questions fact facts view views
    back away off out up down forward ahead home abroad together alone instead
    leader leaders president minister envoy player players team club crowd staff
    imagery image images photo photos picture pictures footage video videos evidence
    complex facility facilities network networks service services training money cash
    payment payments fund funds loan loans credit credits investment investments
    letter letters message messages greeting greetings data information intelligence
    assistance expertise know how worker workers labourer labourers troop troops
    soldier soldiers personnel visit visits trip trips meeting meetings summit summits
    welcome hospitality honour honor praise thanks congratulations access
    launch launches test tests testing signal signals hand hands pressure platform power
    revenue revenues income profit profits proceeds earnings rest remainder bulk same
    programme programmes cooperation transfer transfers sale sales export exports import
    imports trade shipment shipments delivery deliveries supply supplies
    two three four five six seven eight nine ten dozen dozens hundred hundreds thousand
    thousands million millions billion billions
    """.split()
)


@dataclass(frozen=True, slots=True)
class Head:
    """The head word of a phrase (folded and as written) and whether it is a proper name."""

    folded: str
    written: str
    index: int
    proper: bool


def cut_clause(words: list[str]) -> list[str]:
    """The words before a clause of route, agent, purpose or value ("cars *to* Pyongyang")."""
    for index, word in enumerate(words):
        if index and word.lower() in CLAUSE_WORDS:
            return words[:index]
    return words


def find_head(text: str) -> Head | None:
    """The last word of the phrase before its clause or a comma; None for no words."""
    words = cut_clause(split_words(_SEPARATORS.split(text)[0]))
    if not words:
        return None
    index = len(words) - 1
    written = words[index]
    proper = written[:1].isupper() and not written.isupper() and not _is_initial(words, index)
    return Head(fold_word(written.lower()), written, index, proper)


def _is_initial(words: list[str], index: int) -> bool:
    """A one-word phrase written with a capital may simply open a sentence ("Coal ...")."""
    return index == 0 and len(words) == 1 and words[0][1:].islower()


def names_no_goods(head: Head | None) -> bool:
    """The head is not a goods noun: no head, a function word or verb, or a proper name."""
    if head is None or head.folded in NOT_HEADS or head.written.lower() in NOT_HEADS:
        return True
    if not head.folded.isalpha() or len(head.folded) < 3:
        return True
    return head.proper or head.folded.endswith("ed")


def trailing_non_goods(text: str, hits: list[Hit]) -> bool:
    """A lexicon word followed by a verb or adverb ("monitors add", "coal only") is no phrase.

    Hits are by folded-token position; a phrase is rejected when the word right after the
    last hit is one that no goods phrase goes on with (a complement "of a leader" or a
    clause "your country needs" may follow).
    """
    if not hits:
        return False
    words = cut_clause(split_words(text))
    last = max(h.end for h in hits)
    if last in _list_breaks(text):
        return False  # "the ship, now called ...": an apposition follows the goods words
    tail = [w.lower() for w in words[last:]]
    if not tail or tail[0] in _CLAUSE_OPENERS:
        return False  # "machinery your country needs": a clause about the goods follows
    return tail[0] in NOT_HEADS - _MEASURE_TAIL - _TRANSFER_NOUNS


#: Words that may follow goods words and still end a goods phrase ("cars and more").
_MEASURE_TAIL = frozenset("lot lots more".split())
#: Nouns of transfer after goods words name the goods all the same ("arms sales").
_TRANSFER_NOUNS = frozenset(
    "sale sales export exports import imports transfer transfers delivery deliveries "
    "shipment shipments supply supplies trade deal deals order orders contract contracts "
    "purchase purchases".split()
)
#: Words that open a clause right after the goods words (a contact or relative clause).
_CLAUSE_OPENERS = frozenset(
    "a an the this that these those it its they them their his her he she we our you your "
    "i me my us which who whose of with for from to in on at by into onto via as and or but "
    "nor than".split()
)


def drop_modifiers(text: str, hits: list[Hit]) -> list[Hit]:
    """A goods word right before another one modifies it: "ginseng *wine*", "fuel *truck*".

    Only plain words are dropped, when both words name particular goods, different ones
    ("grand cru Bordeaux" agree on wine and both count), and nothing (no "and", no comma)
    stands between them; brands and models stay ("Rolex watches").
    """
    breaks = _list_breaks(text)
    kept: list[Hit] = []
    for index, hit in enumerate(hits):
        after = hits[index + 1] if index + 1 < len(hits) else None
        if (
            after is not None
            and hit.end == after.start
            and after.start not in breaks
            and hit.entry.kind == after.entry.kind == "term"
            and not hit.entry.vague
            and not after.entry.vague
            and not set(hit.entry.hs) & set(after.entry.hs)
        ):
            continue
        kept.append(hit)
    return kept


def _list_breaks(text: str) -> set[int]:
    """Folded-token positions where a list separator (comma, semicolon, slash) stands."""
    breaks: set[int] = set()
    count = 0
    for segment in _SEPARATORS.split(text)[:-1]:
        count += len(fold_text(segment))
        breaks.add(count)
    return breaks


_SEPARATORS = re.compile(r"[,;/(]")
