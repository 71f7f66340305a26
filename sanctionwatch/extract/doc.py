"""The document that flows through the extraction pipeline.

Every component takes a :class:`Doc` and returns it, enriched: the tokenizer fills
``sentences`` and ``tokens``, the gazetteers add ``mentions`` (countries, people, roles, dates,
money), the party grammar joins mentions into ``parties``, and the transfer grammar turns
triggers and their roles into ``events``. Offsets are character offsets into ``Doc.text`` so
that evidence can always be cut from the source exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sanctionwatch.model.event import TransferEvent


class Token:
    """A word or punctuation mark: its text, character span and sentence index.

    A plain slotted class, not a dataclass: a long report has tens of thousands of tokens.
    """

    __slots__ = ("i", "text", "start", "end", "sent", "lower", "space_before")

    def __init__(self, i: int, text: str, start: int, end: int, sent: int) -> None:
        self.i = i
        self.text = text
        self.start = start
        self.end = end
        self.sent = sent
        self.lower = text.lower()
        self.space_before = True

    def __repr__(self) -> str:
        return f"<Token {self.i} {self.text!r} {self.start}:{self.end}>"


@dataclass(slots=True)
class Sentence:
    """A sentence by character span and token range (``tok_end`` exclusive)."""

    i: int
    start: int
    end: int
    tok_start: int = 0
    tok_end: int = 0


@dataclass(slots=True)
class Mention:
    """A labelled token span: ``GPE``, ``NORP``, ``PERSON``, ``ROLE``, ``ORG``, ``DATE``, ``MONEY``.

    ``data`` holds what the label resolved to (a country code, a person key, an ISO date).
    """

    label: str
    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class PartyRef:
    """A party phrase in the text, resolved to a name, a country and a kind."""

    tok_start: int
    tok_end: int
    text: str
    name: str | None = None
    country: str | None = None
    kind: str = "unknown"
    gender: str | None = None
    key: str | None = None  # people table key when the party is a known official
    pronoun: bool = False
    noun: str | None = None  # the role noun of a group party ("merchant", "company")


@dataclass(slots=True)
class Doc:
    """The text, the publication date and everything the components found in it."""

    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    parties: list[PartyRef] = field(default_factory=list)
    events: list[TransferEvent] = field(default_factory=list)
    listed: list[Any] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def labelled(self, *labels: str) -> list[Mention]:
        return [m for m in self.mentions if m.label in labels]

    def sentence_tokens(self, sent: Sentence) -> list[Token]:
        return self.tokens[sent.tok_start : sent.tok_end]

    def span_text(self, tok_start: int, tok_end: int) -> str:
        if tok_end <= tok_start:
            return ""
        return self.text[self.tokens[tok_start].start : self.tokens[tok_end - 1].end]


@dataclass(slots=True)
class Frame:
    """A transfer found in the text, before it becomes a :class:`TransferEvent`.

    ``goods`` are token spans; ``anaphoric`` says the goods are only "it", "the car" or absent
    and should be joined to an earlier frame by the coreference component.
    """

    trigger: int
    lemma: str
    frame: str  # give | get
    form: str  # verb | noun | adjective
    sent: int
    giver: PartyRef | None = None
    recipient: PartyRef | None = None
    goods: list[tuple[int, int]] = field(default_factory=list)
    anaphoric: bool = False
    origin: str | None = None
    destination: str | None = None
    via: list[str] = field(default_factory=list)
    made_in: str | None = None
    date: str | None = None
    status: str = "actual"
    sentences: list[int] = field(default_factory=list)
    money: list[Mention] = field(default_factory=list)
    rejected: bool = False  # the object is no goods ("gave a speech"): no transfer
    named: list[str] = field(default_factory=list)  # "it was an Aurus": what the goods are
    mode: str | None = None  # "ship-to-ship" when the goods changed hands between two ships
    # the goods of an earlier leg sent on ("re-exported them"): their make is no origin
    onward: bool = False
