"""sw-v1: names first, identifiers decide, birth date and country corroborate or contradict.

1. Name: the best comparison (:func:`compare_names`) over the entity's names that retrieval
   found, times the strength of that name (a weak alias counts 0.85, a former name 0.95).
2. A shared strong identifier (IMO, passport, registration number...) lifts the score to at
   least 0.98 on its own.
3. Birth date and country add or subtract a few points (:mod:`..features.dates`,
   :mod:`..features.countries`); a contradicting birth year costs 0.2.
The result is clamped to [0, 1].
"""

from __future__ import annotations

from sanctionwatch.match.algorithms.base import PreparedQuery
from sanctionwatch.match.features.countries import OTHER, SAME, compare_countries
from sanctionwatch.match.features.dates import OTHER_YEAR, SAME_DAY, compare_birth_dates
from sanctionwatch.match.features.identifiers import compare_identifiers
from sanctionwatch.match.features.names import (
    OTHER_NAME,
    PERSON_NAME,
    THING_NAME,
    NameComparison,
    compare_names,
)
from sanctionwatch.match.index import ScreeningIndex
from sanctionwatch.match.records import NAME_PROPS, EntityRecord
from sanctionwatch.match.types import Explanation, Score

IDENTIFIER_FLOOR = 0.98
_NAME_OF = {"Person": PERSON_NAME, "Vessel": THING_NAME, "Airplane": THING_NAME}
_PROP_LABELS = {
    "name": "name",
    "alias": "alias",
    "weakAlias": "weak alias",
    "previousName": "former name",
}


class SwV1:
    """The default screening algorithm (see the module docstring)."""

    NAME = "sw-v1"
    #: The features and their largest effect on the score (for listings such as the API's).
    WEIGHTS = {
        "name": 1.0,
        "identifier": IDENTIFIER_FLOOR,
        "birth_date": SAME_DAY,
        "birth_date_contradiction": OTHER_YEAR,
        "country": SAME,
        "country_contradiction": OTHER,
    }
    DESCRIPTION = (
        "Cross-script name comparison weighted by rarity; identifiers decide; birth "
        "date and country corroborate or contradict."
    )

    def score(
        self, index: ScreeningIndex, prepared: PreparedQuery, record: EntityRecord, names: list[int]
    ) -> Score:
        explanation = Explanation()
        value = self._score_name(index, prepared, record, names, explanation)
        query = prepared.query
        if prepared.identifiers:
            found, detail = compare_identifiers(prepared.identifiers, record.identifiers)
            explanation.add("identifier", found, detail)
            if found:
                value = max(value, IDENTIFIER_FLOOR)
        if query.birth_date and record.schema not in ("Vessel", "Airplane"):
            shift, detail = compare_birth_dates(query.birth_date, record.birth_dates)
            explanation.add("birth_date", shift, detail)
            value += shift
        if query.country:
            shift, detail = compare_countries(query.country, record.countries)
            explanation.add("country", shift, detail)
            value += shift
        return Score(min(1.0, max(0.0, value)), explanation)

    def _score_name(
        self,
        index: ScreeningIndex,
        prepared: PreparedQuery,
        record: EntityRecord,
        names: list[int],
        explanation: Explanation,
    ) -> float:
        best: tuple[float, int, NameComparison] | None = None
        of = _NAME_OF.get(record.schema, OTHER_NAME)
        for number in names:
            listed = index.form(number)
            factor = NAME_PROPS[index.name_prop[number]]
            # The name as written and each Korean reading of it; the best one counts.
            for form, memo in zip(prepared.forms, prepared.memos, strict=True):
                compared = compare_names(
                    form, listed, index.weigh, memo, index.max_weight, of, record.family_parts
                )
                weighted = compared.score * factor
                if best is None or weighted > best[0]:
                    best = (weighted, number, compared)
        if best is None:
            explanation.add("name", 0.0, "")
            return 0.0
        weighted, number, compared = best
        label = _PROP_LABELS[index.name_prop[number]]
        text = index.form(number).original
        explanation.add(
            "name", weighted, lambda: f"{label} {text!r} {weighted:.2f}: {compared.describe()}"
        )
        return weighted
