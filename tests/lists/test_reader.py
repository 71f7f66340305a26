"""Safe XML reading: DTDs, entity bombs, external entities, truncation, encodings, gzip bombs."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sanctionwatch.exc import ParseError
from sanctionwatch.lists import reader
from sanctionwatch.lists.reader import iter_xml
from tests.lists.helpers import write

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol3;</FIRST_NAME></INDIVIDUAL>
</INDIVIDUALS></CONSOLIDATED_LIST>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r><a>&xxe;</a></r>"""

GOOD = """<?xml version="1.0" encoding="UTF-8"?>
<root date="2024-01-01"><rec><n>Ким</n></rec><rec><n>B</n></rec></root>"""


def test_reads_records_and_root(tmp_path: Path) -> None:
    seen: dict[str, str] = {}
    path = write(tmp_path, "ok.xml", GOOD)
    names = [
        r.findtext("n") for r in iter_xml(path, {"rec"}, on_root=lambda e: seen.update(e.attrib))
    ]
    assert names == ["Ким", "B"]
    assert seen == {"date": "2024-01-01"}


def test_reads_gzip(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.xml.gz", gzip.compress(GOOD.encode()))
    assert len(list(iter_xml(path, {"rec"}))) == 2


@pytest.mark.parametrize("doc", [BOMB, EXTERNAL], ids=["entity-bomb", "external-entity"])
def test_refuses_dtds(tmp_path: Path, doc: str) -> None:
    with pytest.raises(ParseError, match="DTD|entit"):
        list(iter_xml(write(tmp_path, "evil.xml", doc), {"INDIVIDUAL", "a"}))


def test_truncated_file_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "cut.xml", GOOD[:-20])
    with pytest.raises(ParseError) as err:
        list(iter_xml(path, {"rec"}))
    assert "truncated" in str(err.value) and "cut.xml" in str(err.value)
    assert err.value.detail["line"] >= 1


def test_wrong_encoding(tmp_path: Path) -> None:
    data = '<?xml version="1.0" encoding="UTF-8"?><root><rec><n>Ã</n></rec></root>'
    path = write(tmp_path, "latin.xml", data.encode("utf-8").replace(b"\xc3\x83", b"\xc3\x28"))
    with pytest.raises(ParseError, match="latin.xml"):
        list(iter_xml(path, {"rec"}))


def test_not_xml(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="well-formed XML"):
        list(iter_xml(write(tmp_path, "x.xml", "hello, world"), {"rec"}))


def test_gzip_bomb_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_LIST_BYTES", 10_000)
    big = "<root>" + "<rec><n>x</n></rec>" * 5_000 + "</root>"
    path = write(tmp_path, "bomb.xml.gz", gzip.compress(big.encode()))
    with pytest.raises(ParseError, match="larger than"):
        list(iter_xml(path, {"rec"}))


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(("<root>" + "<rec><n>x</n></rec>" * 2000 + "</root>").encode())
    path = write(tmp_path, "cut.xml.gz", data[: len(data) // 2])
    with pytest.raises(ParseError, match="truncated"):
        list(iter_xml(path, {"rec"}))
