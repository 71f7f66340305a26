"""HS codes: parsing, and matching codes against rule selectors.

Regime rules name goods by HS chapter ("87"), heading ("8703"), subheading ("870310") or a
range of them ("72-83"); evidence gives codes in any of the usual spellings ("HS 8703.23",
"8703 23", "87.03"). Both are reduced to plain digit strings of length 2, 4 or 6 so that a
prefix test decides membership. National extensions (EU CN 8 digits, US HTS 10 digits) are
cut to their first six digits, because the HS itself stops there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_SPACES = re.compile(r"[\s.\-]")
_CODE_IN_TEXT = re.compile(
    r"\b(?:hs|h\.s\.|cn|hts|tariff|heading|subheading|chapter)\s*(?:code\s*)?"
    r"(\d{2}(?:[\s.]?\d{2}){0,4})\b",
    re.IGNORECASE,
)

Overlap = Literal["full", "partial", "none"]


def parse_hs(value: str | None) -> str | None:
    """Normalise one HS code to 2, 4 or 6 digits; ``None`` for anything that is not one.

    >>> parse_hs("8703.23")
    '870323'
    >>> parse_hs("HS 87")
    '87'
    """
    if value is None:
        return None
    text = value.strip().upper().removeprefix("HS").strip()
    digits = _SPACES.sub("", text)
    if not digits.isdigit() or len(digits) < 2:
        return None
    if len(digits) % 2 == 1:
        # a lost leading zero ("303" for "0303") is the common reason for odd lengths
        digits = "0" + digits
    digits = digits[:6]
    if digits[:2] == "00" or len(digits) not in (2, 4, 6):
        return None
    return digits


def find_hs_in_text(text: str) -> list[str]:
    """HS codes written in free text behind a marker word ("HS 8703", "CN code 2208 20")."""
    found: list[str] = []
    for match in _CODE_IN_TEXT.finditer(text):
        code = parse_hs(match.group(1))
        if code and code not in found:
            found.append(code)
    return found


@dataclass(frozen=True, slots=True)
class HSRange:
    """A rule selector: one code or an inclusive range of codes of the same length."""

    low: str
    high: str

    @classmethod
    def parse(cls, spec: str) -> HSRange:
        """Read "87", "8703", "72-83" or "7101-7104"; raise ``ValueError`` when malformed."""
        parts = [p.strip() for p in str(spec).split("-")]
        if len(parts) not in (1, 2):
            raise ValueError(f"HS selector {spec!r} is not a code or a range 'A-B'")
        codes = [parse_hs(p) for p in parts]
        if any(c is None or len(c) != len(parts[i].replace(".", "")) for i, c in enumerate(codes)):
            raise ValueError(f"HS selector {spec!r} must be digits of length 2, 4 or 6")
        low, high = codes[0], codes[-1]
        assert low is not None and high is not None
        if len(low) != len(high) or low > high:
            raise ValueError(f"HS range {spec!r} must run from low to high at one level")
        return cls(low, high)

    def overlap(self, code: str) -> Overlap:
        """ "full" when ``code`` lies inside; "partial" when it is broader and may contain some."""
        size = len(self.low)
        if len(code) >= size:
            return "full" if self.low <= code[:size] <= self.high else "none"
        if self.low[: len(code)] <= code <= self.high[: len(code)]:
            return "partial"
        return "none"

    def __str__(self) -> str:
        return self.low if self.low == self.high else f"{self.low}-{self.high}"


def best_overlap(selectors: list[HSRange], codes: list[str]) -> tuple[Overlap, str | None]:
    """The strongest overlap of any code with any selector, and the code that gave it."""
    partial: str | None = None
    for code in codes:
        for selector in selectors:
            level = selector.overlap(code)
            if level == "full":
                return "full", code
            if level == "partial" and partial is None:
                partial = code
    return ("partial", partial) if partial else ("none", None)
