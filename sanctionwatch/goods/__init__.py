"""Goods: HS codes, the nomenclature, the lexicons and the classifier.

``classify("Aurus Senat limousine")`` gives HS candidates with confidences and the sanction
categories they fall in; see :mod:`sanctionwatch.goods.classify`.
"""

from sanctionwatch.goods.classify import Candidate, Classification, classify
from sanctionwatch.goods.hs import HSRange, parse_hs
from sanctionwatch.goods.nomenclature import get_nomenclature, load_nomenclature

__all__ = [
    "Candidate",
    "Classification",
    "HSRange",
    "classify",
    "get_nomenclature",
    "load_nomenclature",
    "parse_hs",
]
