"""The template helpers: evidence highlighting never loses text or fails on bad offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.web.render import highlight, percent, summarize_event


def event(eid: str, *spans: tuple[int, int]) -> dict[str, object]:
    return {"id": eid, "evidence": [{"text": "", "start": s, "end": e} for s, e in spans]}


def test_highlight_marks_the_spans_and_the_main_event() -> None:
    text = "Alpha gave Beta a car. Gamma sold coal."
    segs = highlight(text, [event("e1", (0, 21)), event("e2", (23, 38))], main="e2")
    assert "".join(s.text for s in segs) == text
    marked = [(s.text, s.mark, s.label) for s in segs if s.mark]
    assert marked == [("Alpha gave Beta a car", "ev", "e1"), ("Gamma sold coal", "ev-main", "e2")]


def test_highlight_skips_bad_and_overlapping_offsets() -> None:
    text = "short text"
    segs = highlight(text, [event("a", (5, 99), (-1, 3), (4, 2)), event("b", (0, 5), (2, 8))])
    assert "".join(s.text for s in segs) == text
    assert [s.text for s in segs if s.mark] == ["short"]


@settings(deadline=None)
@given(
    st.text(max_size=200),
    st.lists(st.tuples(st.integers(-5, 250), st.integers(-5, 250)), max_size=8),
)
def test_highlight_keeps_every_character(text: str, spans: list[tuple[int, int]]) -> None:
    segs = highlight(text, [event("e", *spans)], main="e")
    assert "".join(s.text for s in segs) == text
    assert all(s.text for s in segs)


def test_summary_and_percent() -> None:
    ev = {
        "giver": {"name": "Russia", "country": "RU"},
        "recipient": {"text": "Kim Jong Un", "country": "KP"},
        "goods": [{"text": "a car"}],
        "date": "2024-02-18",
    }
    assert summarize_event(ev) == "Russia (RU) → Kim Jong Un (KP): a car, 2024-02-18"
    assert summarize_event({}) == "? → ?"
    assert (percent(0.934), percent("x"), percent(2)) == (93, 0, 100)
