"""The word lists of the shallow transfer grammar: prepositions, clause words, measures.

Kept apart from the grammar's code so that the lists can grow without the code moving. Each
list says what it stops or joins in a phrase; see :mod:`.grammar` for how they are used.
"""

from __future__ import annotations

from typing import Any

PREPOSITIONS = frozenset(
    """to from for via through by in on at with into onto under over after before during since
    as against between across despite without of about within near off along toward towards per
    amid among than including regardless above below beyond""".split()
)
CLAUSE_WORDS = frozenset(
    """that which who whom whose where when while because but although though whether if and or
    nor so yet is are was were be been being has have had will would could may might can should
    shall must did does do said says say told according worth valued priced costing apiece
    estimated totalling totaling""".split()
)
PUNCT = frozenset(list(',.;:()[]{}"“”‘!?—–') + ["'", "’"])
MEASURES = frozenset(
    """tonnes tons tonne ton barrels barrel units unit pieces piece rounds round shipments
    shipment batch batches cargo cargoes consignment consignments quantities quantity amounts
    amount number numbers millions thousands hundreds dozens lot lots kind kinds type types set
    sets pair pairs fleet containers container crates crate boxes box bottles bottle cases case
    kilograms kg litres liters gallons cubic metres meters worth supply supplies loads load
    truckloads bags sacks packages parcels volume bales rolls""".split()
)
DETS_QTY = frozenset(
    """a an the some several two three four five six seven eight nine ten dozens hundreds
    thousands millions its his her their this these those another more all any""".split()
)
ADVERBS = frozenset(
    """also reportedly allegedly recently later then once already secretly illegally personally
    officially not never still just now subsequently eventually apparently previously initially
    directly quietly openly purportedly even only first n't""".split()
)
PRONOUNS = frozenset("he she it they we i you him her them us me".split())
VALUE_WORDS = frozenset(
    "worth valued priced costing at about around some upwards of more than nearly almost over"
    " each apiece estimated roughly".split()
)
AUX_BE = frozenset("is are was were be been being".split())
AUX_ALL = AUX_BE | frozenset(
    "has have had will would could may might can should did does do got get".split()
)
PARTICIPLES = frozenset("given sold sent bought gotten got shipped made built".split())


QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
ATTRIBUTIONS = frozenset(
    "says say said show shows showed reports reported claims claimed according told".split()
)
#: Past-tense verbs of arrival that end a goods phrase ("cars arrived in Nampo").
ARRIVALS = frozenset(
    "arrived arrive arrives landed docked reached reaches entered left departed".split()
)
#: Verbs of change that end a goods phrase ("imports of Chinese rice rose sharply").
TRENDS = frozenset(
    """rose rise rises fell fall falls increased increase increases decreased decrease decreases
    doubled tripled quadrupled surged surge surges jumped jump jumps dropped drop drops declined
    decline declines grew grow grows resumed resume resumes continued continue continues
    halted plunged plummeted soared slumped totalled totaled amounted reached stood""".split()
)
#: Words of a quantity in front of goods ("more than", "at least", "up to", "as many as").
QUANTITY_LEADS = {
    "more": ("than",),
    "less": ("than",),
    "fewer": ("than",),
    "at": ("least", "most"),
    "up": ("to",),
    "as": ("many", "much"),
    "upwards": ("of",),
    "in": ("excess",),
}


#: Words that make a number approximate ("about 30 fighters", "nearly 200 tonnes").
APPROXIMATORS = frozenset("about around approximately nearly almost roughly over under".split())
NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty hundred hundreds thousand thousands million millions dozen dozens""".split()
)


def quantity_word(toks: list[Any], k: int, j: int) -> bool:
    """Whether token ``k`` is inside a quantity that opens the phrase at ``j``."""
    if k - j > 3:
        return False
    if k == j and toks[k].lower in APPROXIMATORS and k + 1 < len(toks):
        after = toks[k + 1]
        return after.text[:1].isdigit() or after.lower in NUMBER_WORDS  # "about 30 fighters"
    low = toks[k].lower
    if low in QUANTITY_LEADS and k + 1 < len(toks) and toks[k + 1].lower in QUANTITY_LEADS[low]:
        return True
    prev = toks[k - 1].lower if k > j else ""
    return prev in QUANTITY_LEADS and low in QUANTITY_LEADS[prev]


#: Nouns of an apposition that says what goods were, not more goods ("a truck, a gift").
APPOSITION_NOUNS = frozenset(
    "gift gifts present presents donation donations souvenir token reward bribe".split()
)

#: Units of a rate after "a"/"per" ("500 tonnes a year"): they end a goods phrase.
RATES = frozenset("year month week day annum quarter decade".split())

#: Participles of a false declaration: "cigarettes disguised as furniture" are cigarettes.
DISGUISES = frozenset(
    """disguised declared misdeclared mis-declared labelled labeled mislabelled mislabeled
    described misdescribed marked listed registered masked passed camouflaged presented
    documented invoiced""".split()
)

#: Words that make the next word a noun ("The gifts were presented").
DETERMINERS = frozenset("the a an its his her their these those this".split())
