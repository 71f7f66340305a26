"""Token-level helpers of the transfer grammar: noun phrases, subjects, prepositional roles.

Deliberately shallow: a noun phrase is a run of words up to a preposition, a verb, a clause
word or punctuation; a subject is the nearest party to the left that no preposition governs.
That is enough for news prose, where transfers are told in a few fixed constructions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanctionwatch.extract.components.words import (
    ADVERBS,
    APPOSITION_NOUNS,
    ARRIVALS,
    ATTRIBUTIONS,
    AUX_ALL,
    AUX_BE,
    CLAUSE_WORDS,
    DETERMINERS,
    DETS_QTY,
    DISGUISES,
    MEASURES,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOUNS,
    PUNCT,
    QUANTITY_LEADS,
    QUOTES,
    RATES,
    TRENDS,
    VALUE_WORDS,
    quantity_word,
)
from sanctionwatch.extract.doc import Doc, Mention, PartyRef


@dataclass(slots=True)
class Span:
    start: int
    end: int


class Grammar:
    """Lookups over one Doc: the party at a token, the mention at a token, clause bounds."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.party_at: dict[int, PartyRef] = {}
        for party in doc.parties:
            self.party_at.setdefault(party.tok_start, party)
        self.date_tokens = {
            k for m in doc.mentions if m.label == "DATE" for k in range(m.tok_start, m.tok_end)
        }
        self.money_tokens = {
            k for m in doc.mentions if m.label == "MONEY" for k in range(m.tok_start, m.tok_end)
        }
        self.mention_at: dict[int, Mention] = {}
        for m in doc.mentions:
            if m.label in ("VERB", "DATE", "MONEY"):
                self.mention_at.setdefault(m.tok_start, m)

    def skip_value_left(self, end: int, start: int) -> int:
        """ "three tractors worth EUR 300,000 were": step back over the value."""
        if end - 1 not in self.money_tokens:
            return end
        k = end
        while k > start and (k - 1 in self.money_tokens or self.low(k - 1) in VALUE_WORDS):
            k -= 1
        return k

    def low(self, i: int) -> str:
        return self.doc.tokens[i].lower if 0 <= i < len(self.doc.tokens) else ""

    def is_label(self, i: int, *labels: str) -> bool:
        m = self.mention_at.get(i)
        return m is not None and m.label in labels

    def skip_adverbs(self, i: int, stop: int) -> int:
        while i < stop and (
            self.low(i) in ADVERBS
            or self.low(i).endswith("ly")
            and self.low(i) not in ("italy", "july", "only")
        ):
            i += 1
        return i

    def np_right(self, j: int, stop: int) -> Span | None:
        """The noun phrase starting at ``j`` (goods), or None when none starts there.

        A quantity in front ("more than a million shells", "at least three cars") belongs
        to it; a past-tense verb followed by a preposition ("cars arrived in") ends it."""
        if j in self.money_tokens:
            j = self._after_value(j, stop)  # "$3 million worth of pianos": the pianos
        if j in self.date_tokens or j in self.money_tokens:
            return None
        if self.low(j) in QUOTES and j + 1 < stop:
            close = next(
                (k for k in range(j + 1, min(stop, j + 12)) if self.low(k) in QUOTES), None
            )
            if close is not None and close > j + 1:
                return Span(j + 1, close)  # 'deliver "modern means of defence"'
        k, toks = j, self.doc.tokens
        while k < stop and k - j < 16:
            low = toks[k].lower
            after_of = toks[k - 1].lower in DETS_QTY | {"of"} if k > j else True
            if k > j and (
                self.is_label(k, "DATE", "MONEY") or self.is_label(k, "VERB") and not after_of
            ):
                break
            if (
                low == "of"
                and k > j
                and (toks[k - 1].lower in MEASURES or toks[k - 1].text[:1].isdigit())
            ):
                k += 1
                continue
            if low in ("and", "or", ",") and k > j and self._continues(k + 1, stop):
                k += 1
                continue
            if k > j and low in ("a", "an", "per", "each", "every") and self.low(k + 1) in RATES:
                break  # "525,000 tonnes of crude oil a year": a rate, not more goods
            if quantity_word(toks, k, j):
                k += 1
                continue
            if low in PREPOSITIONS or low in CLAUSE_WORDS or (low in PUNCT and low != "-"):
                break
            if k > j and (low in PRONOUNS or k in self.date_tokens):
                break
            if k > j and (
                low in ARRIVALS
                or low in TRENDS
                or low.endswith("ed")
                and self.low(k + 1) in PREPOSITIONS
            ):
                break
            k += 1
        while k > j and toks[k - 1].lower in ("-", ",", "and", "or"):
            k -= 1
        return Span(j, k) if k > j and self.has_content(j, k) else None

    def _after_value(self, j: int, stop: int) -> int:
        k = j
        while k < stop and k in self.money_tokens:
            k += 1
        if self.low(k) == "worth" and self.low(k + 1) == "of":
            return k + 2
        return j

    def _continues(self, k: int, stop: int) -> bool:
        """Whether a list of goods goes on after "," / "and" ("watches, cognac and perfume")."""
        if k >= stop:
            return False
        tok = self.doc.tokens[k]
        if tok.lower in DETS_QTY:
            # "a BelAZ truck, a present from Lukashenko": an apposition, not more goods
            nxt = self.low(k + 1)
            return tok.lower != "the" and nxt not in APPOSITION_NOUNS

        if (
            tok.lower in PREPOSITIONS | CLAUSE_WORDS
            or tok.text in PUNCT
            or self.is_label(k, "VERB")
        ):
            return False
        party = self.party_at.get(k)
        if party is not None and party.kind in ("person", "state", "organization", "place"):
            return False
        if any(self.low(x) in ATTRIBUTIONS for x in range(k, min(stop, k + 3))):
            return False  # "zinc, trade data show": an attribution, not more goods
        if tok.lower.endswith("ing") and len(tok.lower) > 5 and self.low(k - 1) == ",":
            return False  # ", citing intelligence": a participle clause, not more goods
        return not tok.lower.endswith("ed") and tok.lower not in PRONOUNS

    def has_content(self, i: int, j: int) -> bool:
        return any(t.lower not in DETS_QTY and t.text not in PUNCT for t in self.doc.tokens[i:j])

    def np_left(self, end: int, start: int) -> Span | None:
        """The noun phrase ending just before ``end`` (a passive subject), or None.

        Skips a parenthesis ("The car, in its white paint, was sold") and a relative clause
        ("A Porsche that spent decades in a barn was sold")."""
        if self.low(end - 1) == ",":
            window = range(end - 2, max(start, end - 20) - 1, -1)
            for k in window:  # ", which included vaccines, syringes and fridges," first
                if self.low(k) == "," and self.low(k + 1) in ("which", "who", "that"):
                    return self.np_left(k, start)
            for k in window:
                if self.low(k) == ",":
                    return self.np_left(k, start)
        span = self._np_left(end, start)
        if span is not None and self.low(span.start - 1) == "as":
            span = self._disguised(span, start)
        if span is not None and self.low(span.start - 1) == "from":
            head = self._np_left(span.start - 1, start)
            if head is not None and self.low(head.start - 1) not in PREPOSITIONS:
                return head  # "iron ore from the Musan mine were imported": the ore
        if span is not None and self.low(span.start - 1) in PREPOSITIONS:
            for k in range(span.start - 1, max(start, span.start - 12) - 1, -1):
                if self.low(k) in ("that", "which", "who"):
                    return self._np_left(k, start) or span
                if self.low(k) in (",", ";"):
                    break
        return span

    def _disguised(self, span: Span, start: int) -> Span:
        """ "Cigarettes disguised as furniture were smuggled": the goods are what stands
        before the declaration, not what they were declared as."""
        k = span.start - 2
        if self.low(k) == "off" and self.low(k - 1) == "passed":
            k -= 1  # "passed off as"
        if self.low(k) not in DISGUISES:
            return span
        return self._np_left(k, start) or span

    def _np_left(self, end: int, start: int) -> Span | None:
        end = self.skip_value_left(end, start)
        k, toks, seen_and = end, self.doc.tokens, False
        while k > start:
            low = toks[k - 1].lower
            noun = self.low(k - 2) in DETERMINERS  # "The gifts were presented": a noun
            if self.is_label(k - 1, "VERB") and not noun:
                break
            if k - 1 in self.date_tokens | self.money_tokens:
                break
            if low.endswith("ed") and k - 2 in self._party_ends():
                break  # "officers seized twelve cars that were ...": the verb of a clause
            if low == "of" and k - 2 >= start and toks[k - 2].lower in MEASURES:
                k -= 1
                continue
            if low in ("-", "–", "—") and toks[k - 1].space_before:
                break  # "SEOUL, May 1 - Thousands of phones": the dateline dash
            if (
                (low == "and" or low == "," and seen_and)
                and k < end
                and self._list_before(k - 1, start)
            ):
                seen_and = True
                k -= 1
                continue
            if (
                low in PREPOSITIONS
                or (low in CLAUSE_WORDS and low not in ("that", "which"))
                or (low in PUNCT and low != "-")
            ):
                break
            k -= 1
            if low in ("that", "which", "it", "they", "them"):
                break
        if self._complementizer(k, end, start):
            k += 1  # "allegations that North Korean coal had been unloaded": the coal
        while k - 2 >= start and self.low(k - 2) in QUANTITY_LEADS:
            if self.low(k - 1) not in QUANTITY_LEADS[self.low(k - 2)]:
                break
            k -= 2  # "at least 1,200 tonnes", "more than a million shells"
        return Span(k, end) if end > k else None

    def _complementizer(self, k: int, end: int, start: int) -> bool:
        """Whether "that" at ``k`` opens a clause ("claims that coal was ...") rather than
        pointing at goods ("That car was sold") or standing for them alone."""
        if self.low(k) != "that" or end - k < 2 or k - 1 < start:
            return False
        before = self.low(k - 1)
        return before.isalpha() and before not in ("and", "but", "or")

    def _list_before(self, k: int, start: int) -> bool:
        """Whether the word before "and" ends goods of a list ("rifles and a set of sights")."""
        if k <= start:
            return False
        low = self.low(k - 1)
        if (
            low in PREPOSITIONS | CLAUSE_WORDS | PRONOUNS
            or low in PUNCT
            or self.is_label(k - 1, "VERB")
        ):
            return False
        if k - 1 in self._party_ends() or k - 1 in self.date_tokens | self.money_tokens:
            return False
        return not low.endswith("ed")

    def subject(self, i: int, start: int) -> PartyRef | None:
        """The nearest party left of token ``i`` in the clause that no preposition governs."""
        best: PartyRef | None = None
        for party in self.doc.parties:
            if party.tok_end > i or party.tok_start < start or party.kind == "place":
                continue
            before = self.low(party.tok_start - 1)
            if before in PREPOSITIONS | {"("} or self.low(party.tok_start - 2) == "according":
                continue
            if any(self.low(k) == ";" for k in range(party.tok_end, i)):
                continue
            if best is None or party.tok_start > best.tok_start:
                best = party
        return best

    def passive(self, trigger: Mention, start: int) -> bool:
        """ "was delivered", "had been sold", or a reduced relative ("cars shipped from")."""
        form = trigger.text.lower().split()[0]
        if not (form.endswith("ed") or form in PARTICIPLES):
            return False
        k = trigger.tok_start - 1
        while k >= start and (self.low(k) in ADVERBS or self.low(k).endswith("ly")):
            k -= 1
        if k >= start and self.low(k) in AUX_BE:
            return True
        if k >= start and (self.low(k) in AUX_ALL or k in self._party_ends()):
            return False
        return self.low(trigger.tok_end) in (
            "by",
            "from",
            "to",
            "via",
            "in",
            "into",
            "through",
            "across",
        )

    def _party_ends(self) -> set[int]:
        return {p.tok_end - 1 for p in self.doc.parties if p.kind != "place"}
