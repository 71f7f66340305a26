"""The token pattern, shared by the tokenizer and the lexicon tries so both split alike."""

from __future__ import annotations

import re

TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S. U.N. e.g.
    r"|[$€£¥₩]"
    r"|\d+(?:[.,:]\d+)*"
    r"|[^\W_]+(?=n['’]t\b)|n['’]t\b"  # did|n't
    r"|[^\W_]+"
    r"|['’]s\b"
    r"|\S",
    re.UNICODE,
)
