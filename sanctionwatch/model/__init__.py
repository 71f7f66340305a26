"""The data model: list entities (FollowTheMoney-compatible) and transfer events."""

from sanctionwatch.model.entity import Entity, Statement
from sanctionwatch.model.event import (
    Evidence,
    Finding,
    Goods,
    ListMatch,
    Party,
    RuleHit,
    TransferEvent,
)

__all__ = [
    "Entity",
    "Evidence",
    "Finding",
    "Goods",
    "ListMatch",
    "Party",
    "RuleHit",
    "Statement",
    "TransferEvent",
]
