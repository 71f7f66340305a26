"""Clause shapes that decide which words a transfer claim's status may read.

A fronted clause of time or concession ("Before it was sanctioned, the firm shipped lathes")
carries cues of its own that are not the main clause's; a transfer word that a rule phrase
governs ("rules against selling arms") names what a rule forbids, not a transfer.
"""

from __future__ import annotations

from sanctionwatch.extract.doc import Doc
from sanctionwatch.extract.lexicon import get_lexicon

#: Words that open a fronted clause of time or concession, whose cues are not the main
#: clause's: "Before it was sanctioned, the firm shipped lathes", "Although Moscow denies it,".
#: ("If approved, Russia will deliver" keeps its cue: "if" is no such word.)
FRONTED_CLAUSES = frozenset(
    "before after when while since until once although though despite as".split()
)


def fronted_end(doc: Doc, start: int, trigger: int) -> int:
    """Where the main clause starts, past a fronted clause of time or concession closed by a
    comma before the trigger; ``start`` when the sentence opens with none."""
    if doc.tokens[start].lower not in FRONTED_CLAUSES:
        return start
    comma = next((k for k in range(start + 1, trigger) if doc.tokens[k].lower == ","), None)
    return start if comma is None else comma + 1


#: Words that may stand between a rule noun and the transfer word it governs: determiners
#: and a list of other transfer words ("the ban on the sale, supply or transfer of arms").
LINKS = frozenset({"the", "a", "an", "any", "all", "further", "new", ",", "or", "and", "and/or"})
#: How many such words may stand between them.
LINK_REACH = 8


def rule_governed(doc: Doc, trigger: int, governing: list[tuple[str, ...]]) -> bool:
    """The trigger names what a rule forbids, not a transfer: "in breach of the ban on exporting
    luxury goods", "rules against selling arms", "the prohibition on the supply of weapons".
    The rule phrase must end right before the trigger, past determiners and other transfer
    words only, so a ban told after the transfer ("delivered a car in breach of the ban")
    does not govern it."""
    lex = get_lexicon()
    first = doc.sentences[doc.tokens[trigger].sent].tok_start
    k = trigger - 1
    while k >= first and trigger - k <= LINK_REACH:
        word = doc.tokens[k].lower
        if word not in LINKS and word not in lex.verbs and word not in lex.nouns:
            break
        k -= 1
    if k < first:
        return False
    words = [doc.tokens[x].lower for x in range(first, k + 1)]
    return any(len(p) <= len(words) and tuple(words[-len(p) :]) == p for p in governing)
