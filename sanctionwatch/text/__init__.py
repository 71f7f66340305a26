"""Pure text normalisers for names: scripts, transliteration, tokens, sound keys, name parts.

Nothing here knows about lists or matching; :mod:`sanctionwatch.match` builds on it.
"""

from sanctionwatch.text.names import NameForm, Part, context_of, parse_name
from sanctionwatch.text.phonetic import consonant_skeleton, phonetic_key
from sanctionwatch.text.scripts import is_abjad, is_latin, text_scripts
from sanctionwatch.text.tokenize import normalize_name, tokenize_name
from sanctionwatch.text.translit import transliterate

__all__ = [
    "NameForm",
    "Part",
    "consonant_skeleton",
    "context_of",
    "is_abjad",
    "is_latin",
    "normalize_name",
    "parse_name",
    "phonetic_key",
    "text_scripts",
    "tokenize_name",
    "transliterate",
]
