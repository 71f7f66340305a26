"""Sentences and tokens keep exact offsets into the source, whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.extract.components.tokenize import split_sentences, tokenize
from sanctionwatch.extract.doc import Doc


def test_sentences_end_at_full_stops_but_not_at_abbreviations() -> None:
    text = "Mr. Kim arrived in the U.S. on Monday. He left. Dr. J. Smith stayed!"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Mr. Kim arrived in the U.S. on Monday.",
        "He left.",
        "Dr. J. Smith stayed!",
    ]


def test_headline_and_paragraphs_are_sentences() -> None:
    text = "Headline without a stop\n\nFirst sentence of the body. Second one."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans][0] == "Headline without a stop"
    assert len(spans) == 3


def test_tokens_split_hyphens_possessives_and_negations() -> None:
    doc = tokenize(Doc("Kim's North Korean-supplied shells didn't arrive."))
    assert [t.text for t in doc.tokens] == [
        "Kim", "'s", "North", "Korean", "-", "supplied", "shells", "did", "n't", "arrive", ".",
    ]  # fmt: skip


@given(st.text(max_size=300))
def test_offsets_always_cut_the_source_exactly(text: str) -> None:
    doc = tokenize(Doc(text))
    for tok in doc.tokens:
        assert text[tok.start : tok.end] == tok.text
    previous = 0
    for sent in doc.sentences:
        assert previous <= sent.start < sent.end <= len(text)
        assert text[sent.start : sent.end].strip() == text[sent.start : sent.end]
        previous = sent.end
