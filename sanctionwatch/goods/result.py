"""The classifier's answer: HS candidates for a goods description, and whether they decide.

Kept apart from the classifier itself so that the modules that read answers (the rulebook's
goods facts, the extractor, the CLI) need not know how they are made.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.model.event import Goods

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Candidate:
    """One HS code the goods may have, with the categories it brings and why."""

    hs: str
    description: str
    confidence: float
    categories: list[str] = field(default_factory=list)
    maybe: list[str] = field(default_factory=list)
    source: str = "lexicon"
    matched: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "hs": self.hs,
            "description": self.description,
            "confidence": round(self.confidence, 3),
            "categories": list(self.categories),
            "maybe": list(self.maybe),
            "source": self.source,
            "matched": list(self.matched),
        }


@dataclass(slots=True)
class Classification:
    """The candidates for a goods description, best first, and whether they decide it."""

    text: str
    candidates: list[Candidate]
    vague: bool
    message: str
    nomenclature: bool = False
    word_categories: list[str] = field(default_factory=list)
    #: One candidate per distinct good when the words list several ("coal and pig iron"),
    #: in the order of the text; empty when they name one good (or none).
    parts: list[Candidate] = field(default_factory=list)
    #: The words of the text naming each part ("pig iron"), parallel to ``parts``.
    part_words: list[str] = field(default_factory=list)
    #: How sure the words name goods at all (0: "White House", "papers only").
    goods_confidence: float = 0.0

    @property
    def several(self) -> bool:
        return len(self.parts) > 1

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def categories(self) -> list[str]:
        """The best candidate's (each part's) categories, and those of words without a code."""
        found = list(self.best.categories) if self.best else []
        for part in self.parts:
            found += [c for c in part.categories if c not in found]
        return found + [c for c in self.word_categories if c not in found]

    @property
    def maybe(self) -> list[str]:
        return list(self.best.maybe) if self.best else []

    def to_goods(
        self, value: float | None = None, currency: str | None = None, quantity: float | None = None
    ) -> Goods:
        """The model's :class:`Goods`; a vague result keeps every candidate code."""
        best = self.best
        codes = [c.hs for c in self.candidates] if self.vague else [best.hs] if best else []
        if self.several and not self.vague:
            codes = [p.hs for p in self.parts]
        return Goods(
            text=self.text,
            hs=codes,
            category=best.categories[0] if best and best.categories and not self.vague else None,
            categories=self.categories if not self.vague else list(self.word_categories),
            value=value,
            currency=currency,
            quantity=quantity,
            confidence=best.confidence if best else 0.0,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "vague": self.vague,
            "message": self.message,
            "categories": self.categories,
            "maybe": self.maybe,
            "nomenclature": self.nomenclature,
            "candidates": [c.to_dict() for c in self.candidates],
            "parts": [p.hs for p in self.parts],
            "goods_confidence": round(self.goods_confidence, 3),
        }
