"""Any text goes through the pipeline without error, and every offset it gives is exact."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.extract.doc import Doc
from sanctionwatch.extract.pipeline import get_pipeline

WORDS = (
    "Russia North Korea Pyongyang the Kremlin Kim Jong Un Putin his her it they which that "
    "gave sold shipped was were delivered by to from via with of a the two cars missiles "
    "tonnes coal Russian-made North Korean-supplied denied may reportedly on Sunday in 2018 "
    "last September $1 million EUR 300,000 , . ; ( ) - 's and or company delegation sister"
).split()

sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=6).map(". ".join))
def test_word_salad_never_breaks_the_pipeline(text: str) -> None:
    doc = get_pipeline()(Doc(text, published=date(2024, 2, 20)))
    for event in doc.events:
        assert event.status in ("actual", "negated", "hypothetical", "reported")
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_is_handled(text: str) -> None:
    doc = get_pipeline()(Doc(text))
    for mention in doc.mentions:
        assert text[mention.start : mention.end] == mention.text
