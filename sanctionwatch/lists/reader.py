"""Safe reading of list files: gzip, size caps, and XML without DTDs, entities or network.

Official list files never carry a DTD, so any DTD is refused outright: that defeats entity
expansion ("billion laughs"), external entities and network fetches in one rule. XML is read
as a stream (``iterparse``) so the 20 MB EU file never sits in memory as one tree.
"""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import defusedxml
import defusedxml.ElementTree as SafeET

from sanctionwatch.exc import ParseError

#: Largest decompressed list file accepted (the biggest real one, OFAC SDN XML, is ~21 MB).
MAX_LIST_BYTES = 512 * 1024 * 1024


class _CappedReader(io.RawIOBase):
    """A binary stream that refuses to yield more than ``limit`` bytes (gzip bombs)."""

    def __init__(self, inner: IO[bytes], files: list[IO[bytes]], limit: int, path: Path) -> None:
        self._inner = inner
        self._files = files
        self._left = limit
        self._limit = limit
        self._path = path

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._inner.read(len(buffer))
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise ParseError(
                f"compressed data is corrupt or truncated ({exc})",
                path=str(self._path),
                expected="a complete gzip file",
            ) from exc
        self._left -= len(data)
        if self._left < 0:
            raise ParseError(
                f"file is larger than {self._limit} bytes once decompressed",
                path=str(self._path),
                expected="an official list file",
            )
        n = len(data)
        buffer[:n] = data
        return n

    def close(self) -> None:
        for fh in self._files:
            fh.close()
        super().close()


def open_bytes(path: Path, limit: int | None = None) -> IO[bytes]:
    """Open a list file for binary reading, transparently gunzipping ``.gz`` files."""
    try:
        raw: IO[bytes] = open(path, "rb")  # noqa: SIM115 - returned to the caller
    except OSError as exc:
        raise ParseError(f"cannot open file: {exc.strerror}", path=str(path)) from exc
    files = [raw]
    inner = raw
    if raw.read(2) == b"\x1f\x8b":
        raw.seek(0)
        inner = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
        files.insert(0, inner)
    else:
        raw.seek(0)
    capped = _CappedReader(inner, files, limit or MAX_LIST_BYTES, path)
    return io.BufferedReader(capped, buffer_size=1 << 16)


def read_head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a (possibly gzipped) file, for format detection."""
    with open_bytes(path) as fh:
        try:
            return fh.read(size)
        except (OSError, EOFError) as exc:
            raise ParseError(f"cannot read file: {exc}", path=str(path)) from exc


def local_name(tag: str) -> str:
    """``{namespace}name`` -> ``name``."""
    return tag.rpartition("}")[2]


def iter_xml(
    path: Path,
    record_tags: set[str],
    on_root: Callable[[ET.Element], None] | None = None,
) -> Iterator[ET.Element]:
    """Yield each complete element whose local name is in ``record_tags``, then free it.

    Raises :class:`ParseError` naming the file and line for malformed or truncated XML, and
    for any DTD or entity declaration.
    """
    fh = open_bytes(path)
    seen_root = False
    try:
        for event, elem in SafeET.iterparse(
            fh,
            events=("start", "end"),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        ):
            if event == "start":
                if not seen_root:
                    seen_root = True
                    if on_root is not None:
                        on_root(elem)
                continue
            if local_name(elem.tag) in record_tags:
                yield elem
                elem.clear()
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        msg = str(exc).split(":")[0]
        if "no element found" in str(exc) or "unclosed token" in str(exc):
            msg = f"XML ends before it is complete ({msg}); the file looks truncated"
        raise ParseError(msg, path=str(path), line=line, expected="well-formed XML") from exc
    except defusedxml.DTDForbidden as exc:
        raise ParseError(
            "XML declares a DTD; refused (DTDs allow entity expansion and external fetches, "
            "and official lists never use one)",
            path=str(path),
            expected="XML without a DOCTYPE",
        ) from exc
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden) as exc:
        raise ParseError(
            "XML declares entities or external references; refused",
            path=str(path),
            expected="XML without entity declarations",
        ) from exc
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"text is not in the declared encoding ({exc.reason} at byte {exc.start})",
            path=str(path),
            expected="UTF-8 XML",
        ) from exc
    except (EOFError, gzip.BadGzipFile) as exc:
        raise ParseError(
            f"compressed data is corrupt or truncated ({exc})",
            path=str(path),
            expected="a complete gzip file",
        ) from exc
    finally:
        fh.close()


def text_of(elem: ET.Element | None) -> str | None:
    """Stripped text of an element, or None when absent or blank."""
    if elem is None or elem.text is None:
        return None
    value = elem.text.strip()
    return value or None
