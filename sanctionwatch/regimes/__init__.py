"""Regimes: the rulebook (rules as data, each citing its source) and the evaluator.

``evaluate(event)`` returns the :class:`~sanctionwatch.model.event.Finding` for one transfer
event; ``load_rulebook()`` the validated rules of ``regimes/data/*.yml``.
"""

from sanctionwatch.regimes.evaluate import Context, evaluate
from sanctionwatch.regimes.rules import Regime, Rule, Rulebook, load_rulebook

__all__ = ["Context", "Regime", "Rule", "Rulebook", "evaluate", "load_rulebook"]
