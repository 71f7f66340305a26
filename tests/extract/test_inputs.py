"""Reading documents: encodings, binary files, size limits, batch files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.exc import InputError
from sanctionwatch.extract.inputs import decode_bytes, iter_jsonl, read_document
from sanctionwatch.settings import get_settings

TEXT = "Café owners in Minsk sold tractors to Syria — reportedly."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
    ],
)
def test_known_encodings_decode(data: bytes) -> None:
    assert decode_bytes(data, "x.txt") == TEXT


def test_binary_file_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match=r"scan\.png.*binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "scan.png")


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="unknown text encoding"):
        decode_bytes(b"abc \x81\x8d\x8f\x90\x9d def", "odd.txt")


def test_huge_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    monkeypatch.setenv("SANCTIONWATCH_MAX_INPUT_BYTES", "2048")
    get_settings.cache_clear()
    try:
        with pytest.raises(InputError, match="over the limit"):
            read_document(path)
    finally:
        get_settings.cache_clear()


def test_sidecar_metadata_is_read(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("Minsk sold tractors to Syria.")
    (tmp_path / "r.json").write_text('{"title": "T", "published": "2020-01-02"}')
    doc = read_document(tmp_path / "r.txt")
    assert (doc.title, doc.published, doc.is_html) == ("T", "2020-01-02", False)


def test_jsonl_batch_yields_documents_and_errors_in_order(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "a", "text": "Minsk sold tractors to Syria."}\n'
        "not json\n"
        '{"id": "c", "html": "<p>x</p>"}\n'
        '{"id": "d"}\n'
    )
    items = list(iter_jsonl(path))
    assert [getattr(i, "id", None) for i in items[:1]] == ["a"]
    assert isinstance(items[1], InputError) and "line 2" in items[1].message
    assert items[2].is_html  # type: ignore[union-attr]
    assert isinstance(items[3], InputError) and "'text' or 'html'" in items[3].message
