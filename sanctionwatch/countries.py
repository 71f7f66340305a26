"""Country codes and names: evidence writes "Russian Federation", "DPRK" or "kp"; we use "KP".

Everything downstream compares ISO 3166-1 alpha-2 codes in upper case. The name tables are
FollowTheMoney's (which know the usual English names, demonyms and capitals); codes that are
not two letters (historic states such as "suhh") are refused rather than passed on.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_NOT_STATES = frozenset({"zz", "eu", "un"})
_LEADING = re.compile(r"^(the|government of( the)?|state of|republic of the)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _countries() -> Any:
    # Imported on first use: FollowTheMoney's tables take about a second to load.
    from followthemoney.types import registry

    return registry.country


@lru_cache(maxsize=4096)
def clean_country(value: str | None) -> str | None:
    """An upper-case alpha-2 code for a code or a country name; ``None`` if it is neither."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    countries = _countries()
    if len(text) == 2 and text.isalpha():
        code = text.lower()
        return text.upper() if code in countries.names and code not in _NOT_STATES else None
    found = countries.clean_text(text) or countries.clean_text(_LEADING.sub("", text))
    if found and len(found) == 2 and found.isalpha() and found not in _NOT_STATES:
        return str(found).upper()
    return None


def country_name(code: str) -> str:
    """The English name of a code, or the code itself."""
    return str(_countries().names.get(code.lower(), code))
