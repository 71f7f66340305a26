"""A name broken into tagged parts, ready to compare.

Each part keeps its ASCII text, its sound key and consonant skeleton, and a kind that says how
much it should count: ordinary name parts count fully; legal forms ("LLC", "OOO", "Co., Ltd")
and generic words ("Korea", "Trading") barely; particles ("al", "bin") and initials little; a
missing patronymic costs less than a missing given name. Titles and honorifics are removed from
personal names. The original text is kept for display.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from rigour.names.org_types import replace_org_types_compare

from sanctionwatch.text.korean import korean_readings
from sanctionwatch.text.phonetic import consonant_skeleton, phonetic_key
from sanctionwatch.text.scripts import is_abjad, text_scripts
from sanctionwatch.text.tables import NameTables, get_tables
from sanctionwatch.text.tokenize import tokenize_name

#: Kinds of name parts.
NAME, LEGAL, GENERIC, PARTICLE, PATRONYMIC, INITIAL, GENERIC_NAME = (
    "name",
    "legal",
    "generic",
    "particle",
    "patronymic",
    "initial",
    "generic_name",
)

#: Contexts a name is parsed in: a person, an organisation-like body, or not known.
PERSON, ORG, ANY = "person", "org", "any"


class Part(NamedTuple):
    """One part of a name."""

    text: str
    key: str
    skeleton: str
    kind: str


class NameForm(NamedTuple):
    """A parsed name: the original text, its parts, whether it was written in an abjad, how
    many leading parts are a family name written first before a comma ("PUTIN, Vladimir"),
    and the sound key of each two adjacent parts written together ("Jong Un" -> the key of
    "Jongun"), with which a name that writes a compound apart meets one that writes it whole.
    The joined keys are worked out once, when the name is parsed: a listed name is compared
    with many queries.

    A named tuple (as is :class:`Part`): indexes hold hundreds of thousands of them, and tuples
    pickle and load many times faster than dataclass instances."""

    original: str
    parts: tuple[Part, ...]
    abjad: bool = False
    surname_first: int = 0
    joins: tuple[str, ...] = ()

    @property
    def normalized(self) -> str:
        return " ".join(p.text for p in self.parts)


def make_part(text: str, kind: str, tables: NameTables | None = None) -> Part:
    """A part with its keys; synonyms (Lee/Ri, Park/Pak) share the key of their canonical form."""
    tables = tables or get_tables()
    canonical = tables.synonyms.get(text, text)
    return Part(text, phonetic_key(canonical), consonant_skeleton(text), kind)


@lru_cache(maxsize=262144)
def _token_part(token: str, context: str) -> Part:
    """The part of one token in a context; shared between names (saves time and memory)."""
    tables = get_tables()
    return make_part(token, _kind_of(token, context, tables), tables)


def _kind_of(token: str, context: str, tables: NameTables) -> str:
    if token in tables.particles:
        return PARTICLE
    if len(token) == 1 and token not in tables.synonyms and token.isalpha():
        return INITIAL
    if context != PERSON and token in tables.generic_words:
        return GENERIC
    if context != ORG and len(token) > 6 and token.endswith(tables.patronymic_suffixes):
        return PATRONYMIC
    return NAME


def _match_legal(tokens: tuple[str, ...], start: int, tables: NameTables) -> tuple[str, int]:
    """The canonical legal form starting at ``start`` and its length in tokens, or ('', 0)."""
    if tokens[start] not in tables.legal_first_words:
        return "", 0
    for size in range(min(tables.legal_max_len, len(tokens) - start), 0, -1):
        canonical = tables.legal_forms.get(tokens[start : start + size])
        if canonical is not None:
            return canonical, size
    return "", 0


def _drop_honorifics(tokens: tuple[str, ...], tables: NameTables) -> tuple[str, ...]:
    kept = tuple(t for t in tokens if t not in tables.honorifics)
    return kept or tokens


@lru_cache(maxsize=262144)
def parse_name(text: str, context: str = ANY) -> NameForm:
    """Parse a name in a context (PERSON, ORG or ANY); never raises, may return no parts."""
    tables = get_tables()
    # Legal forms in every language of the EU file ("Société par actions", "spółka akcyjna")
    # become short codes through rigour's company-type database; the YAML tables map those.
    tokens = tokenize_name(text if context == PERSON else replace_org_types_compare(text))
    if context != ORG:
        tokens = _drop_honorifics(tokens, tables)
    parts: list[Part] = []
    han = not text.isascii() and "Han" in text_scripts(text)
    index = 0
    while index < len(tokens):
        legal, size = ("", 0) if context == PERSON else _match_legal(tokens, index, tables)
        if size and len(tokens) > size:
            parts.append(Part(legal, legal, legal, LEGAL))
            index += size
            continue
        word, size = _match_translation(tokens, index, tables) if han else ("", 0)
        if size:
            parts.append(make_part(word, GENERIC, tables))
            index += size
            continue
        parts.append(_token_part(tokens[index], context))
        index += 1
    surname_first = _count_surname_first(text, tables) if context == PERSON else 0
    final = _promote_generic(parts)
    return NameForm(text, final, is_abjad(text), surname_first, joined_keys(final))


def joined_keys(parts: tuple[Part, ...]) -> tuple[str, ...]:
    """The sound key of each two adjacent parts written together."""
    return tuple(phonetic_key(a.text + b.text) for a, b in zip(parts, parts[1:], strict=False))


def _count_surname_first(text: str, tables: NameTables) -> int:
    """How many parts come before the one comma of a personal name ("KIM, Jong Un" -> 1)."""
    if text.count(",") != 1:
        return 0
    head, tail = text.split(",")
    if not tokenize_name(tail):
        return 0
    return len([t for t in tokenize_name(head) if t not in tables.honorifics])


def parse_variants(text: str, context: str = ANY) -> tuple[NameForm, ...]:
    """The name parsed as written, then under each of its Korean readings (a Korean name in
    Han characters or Cyrillic, see :mod:`sanctionwatch.text.korean`); the first form is
    always :func:`parse_name` of the text. Every form keeps the original text."""
    first = parse_name(text, context)
    readings = korean_readings(text)
    if not readings:
        return (first,)
    forms = [first]
    for reading in readings:
        form = parse_name(reading, context)
        if form.parts and form.parts != first.parts:
            forms.append(form._replace(original=text))
    return tuple(forms)


def _match_translation(tokens: tuple[str, ...], start: int, tables: NameTables) -> tuple[str, int]:
    """A company word written in Han characters ("shi ye") and its English form ("industrial")."""
    for size in (3, 2):
        word = tables.translations.get(tokens[start : start + size])
        if word is not None:
            return word, size
    return "", 0


def _promote_generic(parts: list[Part]) -> tuple[Part, ...]:
    """A name made only of generic words ("Korea Mining Development Trading") is identified by
    the words together, so they become ordinary parts (weighed as GENERIC_NAME)."""
    if any(p.kind in (NAME, PATRONYMIC, INITIAL) for p in parts):
        return tuple(parts)
    return tuple(p._replace(kind=GENERIC_NAME) if p.kind == GENERIC else p for p in parts)


def context_of(schema: str | None) -> str:
    """The parsing context of an FtM schema name."""
    if schema == "Person":
        return PERSON
    if schema in (None, "", "LegalEntity", "Thing"):
        return ANY
    return ORG
