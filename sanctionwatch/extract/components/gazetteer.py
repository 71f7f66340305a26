"""Find lexicon phrases and unknown proper names in the tokens.

One left-to-right pass per sentence: at each token the trie gives the longest known phrase
(countries, demonyms, capitals, officials, role nouns, trigger verbs); a run of capitalised
words that the lexicon does not know becomes a ``PROPN`` mention (a company, a person, a
brand or a place, decided later by its position).
"""

from __future__ import annotations

from functools import lru_cache

from sanctionwatch.exc import ConfigError
from sanctionwatch.extract.doc import Doc, Mention, Token
from sanctionwatch.extract.lexicon import get_lexicon, read_yaml
from sanctionwatch.extract.registry import register
from sanctionwatch.extract.trie import SKIP, Entry, Trie

#: Capitalised words that start sentences or headlines without naming anything.
FUNCTION_WORDS = frozenset(
    """imo mmsi a an the in on at of for to from by with and or but as after before during since
    until this that these those it its he she they his her their we our i you there here when where
    while which who what why how if then than also however meanwhile moreover according
    mr mrs ms dr sir president leader minister prime chairman state supreme general king
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december last next earlier later some many
    both each all one two three four five six seven eight nine ten yesterday today""".split()
)
NAME_PARTICLES = frozenset({"al", "bin", "de", "van", "von", "der", "den", "la", "le", "du", "&"})


@lru_cache(maxsize=1)
def organization_trie() -> Trie:
    """Named organisations of ``organizations.yml`` ("Air Koryo", "Wagner"), each with its
    country: matched as ``PROPN`` mentions that carry the country."""
    trie = Trie()
    raw = read_yaml("organizations.yml")
    table = raw.get("organizations") if isinstance(raw, dict) else None
    if not isinstance(table, dict):
        raise ConfigError("organizations.yml: expected a mapping 'organizations: {CC: [names]}'")
    for code, names in table.items():
        if not isinstance(code, str) or len(code) != 2 or not isinstance(names, list):
            raise ConfigError(f"organizations.yml: bad entry {code!r} (expected CC: [names])")
        for name in names:
            trie.add(str(name), "PROPN", "title", country=code, kind="organization")
    return trie


def _mention(doc: Doc, label: str, i: int, j: int, **data: object) -> Mention:
    tokens = doc.tokens
    return Mention(label, i, j, tokens[i].start, tokens[j - 1].end, doc.span_text(i, j), dict(data))


def _entry_mentions(doc: Doc, i: int, j: int, entries: list[Entry]) -> list[Mention]:
    """One mention per label; PERSON mentions list every person the words may name."""
    out: dict[str, Mention] = {}
    for entry in entries:
        data = dict(entry.data)
        if entry.label == "PERSON":
            if "PERSON" in out:
                if data["person"] not in out["PERSON"].data["people"]:
                    out["PERSON"].data["people"].append(data["person"])
                continue
            data = {"people": [data["person"]], "short": bool(data.get("short"))}
        out.setdefault(entry.label, _mention(doc, entry.label, i, j, **data))
    return list(out.values())


def _is_name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit() and any(c.isalpha() for c in tok.text)


def _propn_end(tokens: list[Token], i: int, stop: int) -> int:
    """End of a run of capitalised words starting at ``i`` (particles and hyphens inside)."""
    j = i
    while j < stop:
        tok = tokens[j]
        if _is_name_word(tok) and tok.lower not in FUNCTION_WORDS:
            j += 1
        elif (
            j > i
            and tok.text.isdigit()
            and len(tokens[j - 1].text) <= 3
            and tokens[j - 1].text[:1].isupper()
        ):
            j += 1
        elif (
            (tok.lower in NAME_PARTICLES or tok.text in SKIP | {"'", "’"})
            and j + 1 < stop
            and j > i
        ):
            if not _is_name_word(tokens[j + 1]):
                break
            j += 1
        else:
            break
    return j


def _keep_initial(tok: Token, known: set[str]) -> bool:
    """A lone capitalised word opening a sentence names something only if it is an acronym
    or appears capitalised inside a sentence too ("Researchers said" is no name)."""
    return tok.text.isupper() or tok.text in known


def initial_positions(doc: Doc) -> set[int]:
    """Sentence starts, and the first word after a dateline ("KYIV, January 7, 2024 - Debris")."""
    starts = {s.tok_start for s in doc.sentences}
    toks = doc.tokens
    for i in range(2, len(toks)):
        if toks[i - 1].text in ("-", "–", "—") and toks[i - 2].text[-1:].isdigit():
            starts.add(i)
    return starts


def mid_sentence_names(doc: Doc, starts: set[int]) -> set[str]:
    return {t.text for t in doc.tokens if t.i not in starts and t.text[:1].isupper()}


def scan_sentence(doc: Doc, first: int, stop: int, known: set[str], initials: set[int]) -> None:
    trie = get_lexicon().trie
    tokens = doc.tokens
    words = [t.text for t in tokens[first:stop]]
    lowers = [t.lower for t in tokens[first:stop]]
    k = 0
    orgs = organization_trie()
    while k < len(words):
        end, entries = trie.match_at(words, lowers, k)
        org_end, org_entries = orgs.match_at(words, lowers, k)
        if org_entries and org_end >= end:
            data = dict(org_entries[0].data)
            doc.mentions.append(_mention(doc, "PROPN", first + k, first + org_end, **data))
            k = org_end
            continue
        if entries:
            doc.mentions.extend(_entry_mentions(doc, first + k, first + end, entries))
            k = end
            continue
        j = _propn_end(tokens, first + k, stop) - first
        lone_initial = (
            first + k in initials and j == k + 1 and not _keep_initial(tokens[first + k], known)
        )
        if j > k and not lone_initial:
            doc.mentions.append(_mention(doc, "PROPN", first + k, first + j))
            k = j
            continue
        k += 1


@register("gazetteer.v1")
def find_mentions(doc: Doc) -> Doc:
    """Add GPE, NORP, PERSON, ROLE, VERB and PROPN mentions."""
    initials = initial_positions(doc)
    known = mid_sentence_names(doc, initials)
    for sent in doc.sentences:
        scan_sentence(doc, sent.tok_start, sent.tok_end, known, initials)
    return doc
