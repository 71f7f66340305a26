"""Antiques by age: goods more than a hundred years old are HS 9706, whatever they are.

The HS puts "antiques of an age exceeding one hundred years" in heading 9706 (unless they
are paintings, prints or sculptures, 9701-9703), and luxury goods bans list them. An age in
the description decides it: "a 120-year-old violin", "an 18th-century clock", "an 1890
Steinway" are antiques; "a nine-year-old Skoda", "a 1973 Porsche" are not, however much
the HS descriptions' words "years of age" resemble theirs.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

ANTIQUE_AGE = 100
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100,
}  # fmt: skip
_YEARS_OLD = re.compile(r"\b(\d{1,4}|[a-z]+(?:[- ][a-z]+)?)[- ]years?[- ]old\b", re.IGNORECASE)
_CENTURIES_OLD = re.compile(r"\bcenturies[- ]old\b", re.IGNORECASE)
_CENTURY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)[- ]century\b", re.IGNORECASE)
_MADE_IN = re.compile(
    r"\b(?:an?|dating from|dated|built in|made in|from)\s+(1[0-8]\d\d)s?\b"
    r"(?![-\s]*(?:tonne|ton|kg|unit|barrel))",
    re.IGNORECASE,
)


def age_in_years(text: str) -> int | None:
    """The age the description states ("120-year-old" -> 120), or None when it gives none."""
    if _CENTURIES_OLD.search(text):
        return 200
    found = _YEARS_OLD.search(text)
    if found is None:
        return None
    word = found.group(1).lower().replace("-", " ")
    if word.isdigit():
        return int(word)
    parts = word.split()
    if parts[-1] == "hundred":  # "two-hundred-year-old"
        return 100 * (_NUMBERS.get(parts[0], 1) if len(parts) > 1 else 1)
    return _NUMBERS.get(word) or _NUMBERS.get(parts[-1])


def is_antique(text: str) -> bool:
    """The description dates the goods more than a hundred years back."""
    age = age_in_years(text)
    if age is not None:
        return age > ANTIQUE_AGE
    century = _CENTURY.search(text)
    if century is not None:
        return int(century.group(1)) <= 19
    return _MADE_IN.search(text) is not None
