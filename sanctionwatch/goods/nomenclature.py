"""The HS nomenclature (chapters, headings, subheadings), read in place from its CSV file.

The nomenclature is reference data we do not own, so it is never copied into the package:
it is read from ``settings.hs_dir`` (``SANCTIONWATCH_HS_DIR``), by default
``../shared/data/hs`` beside the repository. An installed package usually has no such folder;
then :func:`get_nomenclature` returns ``None`` and the classifier works from its own lexicons
alone (and says so), while :func:`load_nomenclature` raises a :class:`ConfigError` naming the
path it tried. The file holds about 7,000 rows, so it is read whole and indexed in memory.
"""

from __future__ import annotations

import csv
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sanctionwatch.exc import ConfigError
from sanctionwatch.goods.lexicon import fold_text
from sanctionwatch.settings import get_settings

log = logging.getLogger(__name__)

FILE_NAME = "harmonized-system.csv"
_STOP = frozenset(
    "a an and or of the for in on with to by from other than not whether nes their its "
    "thereof parts part n e s kind type used such as including".split()
)


#: "Lignite; agglomerated, excluding jet": words an HS description excludes must not match it.
_EXCLUDED = re.compile(r"\b(?:excluding|except|other than)\b[^;]*", re.IGNORECASE)


def positive_text(description: str) -> str:
    """An HS description without the goods it excludes ("..., other than turbo-jets")."""
    return _EXCLUDED.sub(" ", description)


def content_words(text: str) -> set[str]:
    """The folded words of ``text`` that can tell goods apart (no stop words)."""
    return {t for t in fold_text(text) if t not in _STOP}


@lru_cache(maxsize=1)
def default_hs_dir() -> Path:
    """``../shared/data/hs`` relative to the repository this package was loaded from."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "hs"


def resolve_hs_file(hs_dir: Path | None = None) -> Path:
    """The CSV path: ``hs_dir``, else the setting, else the default folder."""
    return _hs_file(hs_dir or get_settings().hs_dir)


@lru_cache(maxsize=16)
def _hs_file(folder: Path | str | None) -> Path:
    return Path(folder or default_hs_dir()) / FILE_NAME


@dataclass(frozen=True, slots=True)
class Code:
    """One row of the nomenclature."""

    code: str
    description: str
    level: int
    parent: str | None
    section: str


class Nomenclature:
    """Codes by their digits, and a small inverted index over the descriptions."""

    def __init__(self, codes: dict[str, Code], source: Path) -> None:
        self.codes = codes
        self.source = source
        self._tokens: dict[str, frozenset[str]] = {
            c.code: frozenset(t for t in fold_text(positive_text(c.description)) if t not in _STOP)
            for c in codes.values()
            if c.level in (4, 6)
        }
        counts = Counter(t for tokens in self._tokens.values() for t in tokens)
        total = len(self._tokens) or 1
        self._idf = {t: math.log(total / n) + 1.0 for t, n in counts.items()}
        self._postings: dict[str, list[str]] = {}
        for code, tokens in self._tokens.items():
            for token in tokens:
                self._postings.setdefault(token, []).append(code)
        self._weight = {
            code: sum(self._idf[t] for t in tokens) for code, tokens in self._tokens.items()
        }

    def coverage(self, text: str) -> float:
        """The share of the text's telling words that some description uses (1.0: all)."""
        words = {t for t in content_words(text) if not t.isdigit()}
        return len([t for t in words if t in self._idf]) / len(words) if words else 0.0

    def get(self, code: str) -> Code | None:
        return self.codes.get(code)

    def describe(self, code: str) -> str | None:
        found = self.codes.get(code)
        return found.description if found else None

    def search(
        self, text: str, limit: int = 5, must: set[str] | None = None
    ) -> list[tuple[str, float]]:
        """Headings and subheadings whose descriptions share the most telling words.

        With ``must``, only descriptions that contain one of those words count. Only the
        descriptions holding a query word are scored (an inverted index of their words).
        """
        query = {t for t in fold_text(text) if t not in _STOP and t in self._idf}
        if not query:
            return []
        wanted = sum(self._idf[t] for t in query)
        pool = {c for t in (must if must is not None else query) for c in self._postings.get(t, ())}
        scored: list[tuple[float, str]] = []
        for code in pool:
            shared = query & self._tokens[code]
            if not shared:
                continue
            got = sum(self._idf[t] for t in shared)
            density = got / self._weight[code]
            scored.append(((got / wanted) * (0.7 + 0.3 * density), code))
        scored.sort(key=lambda pair: (-pair[0], len(pair[1]), pair[1]))
        return [(code, round(score, 4)) for score, code in scored[:limit]]


def read_codes(path: Path) -> dict[str, Code]:
    """Read the CSV (header ``section,hscode,description,parent,level``), skipping totals."""
    codes: dict[str, Code] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            code = (row.get("hscode") or "").strip()
            if not code or row.get("section") == "TOTAL" or not code.isdigit():
                continue
            try:
                level = int(row["level"])
            except (KeyError, ValueError) as exc:
                raise ConfigError(
                    f"{path}, line {line}: bad level {row.get('level')!r} (expected 2, 4 or 6)",
                    path=str(path),
                ) from exc
            parent = row.get("parent") or None
            codes[code] = Code(code, row["description"].strip(), level, parent, row["section"])
    return codes


@lru_cache(maxsize=4)
def load_nomenclature(path: Path | None = None) -> Nomenclature:
    """Load the nomenclature; :class:`ConfigError` saying where it looked when it is absent."""
    file = path if path is not None and path.suffix == ".csv" else resolve_hs_file(path)
    if not file.is_file():
        raise ConfigError(
            f"HS nomenclature not found at {file} (set SANCTIONWATCH_HS_DIR to the folder "
            f"holding {FILE_NAME})",
            path=str(file),
        )
    codes = read_codes(file)
    if not codes:
        raise ConfigError(f"HS nomenclature {file} has no codes", path=str(file))
    log.debug("HS nomenclature: %d codes from %s", len(codes), file)
    return Nomenclature(codes, file)


def get_nomenclature() -> Nomenclature | None:
    """The nomenclature when its file is there; ``None`` (logged once) when it is not."""
    file = resolve_hs_file()
    try:
        return load_nomenclature(file)  # cached by the resolved path
    except ConfigError as exc:
        _warn_absent(exc.message)
        return None


@lru_cache(maxsize=1)
def _warn_absent(message: str) -> None:
    log.info("%s; goods are classified from the lexicons only", message)
