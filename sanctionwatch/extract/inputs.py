"""Reading documents from files: size limit, binary detection, encodings, HTML or text.

Encodings are tried in a fixed order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
otherwise UTF-8; otherwise Windows-1252, but only if it decodes cleanly and the result is
mostly printable. Anything else is refused with an error naming the file, never guessed.
"""

from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sanctionwatch.exc import InputError
from sanctionwatch.settings import get_settings

log = logging.getLogger(__name__)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DOC_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml")


@dataclass(slots=True)
class Document:
    """One document to analyse: its text (or HTML) and what is known about it."""

    id: str
    content: str
    is_html: bool
    published: str | None = None
    title: str | None = None
    source: str | None = None


def decode_bytes(data: bytes, where: str) -> str:
    """Text of a file's bytes, or an InputError saying why it cannot be read as text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{where}: invalid {encoding} text ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: this is a binary file, not a text or HTML document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"{where}: unknown text encoding (tried UTF-8, UTF-16 with BOM and Windows-1252);"
            " convert the file to UTF-8"
        ) from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
    if controls > len(text) // 100:
        raise InputError(f"{where}: this looks like a binary file, not a text document")
    return text


def check_size(size: int, where: str) -> None:
    limit = get_settings().max_input_bytes
    if size > limit:
        raise InputError(
            f"{where} is {size:,} bytes, over the limit of {limit:,}"
            " (settings: SANCTIONWATCH_MAX_INPUT_BYTES)",
            limit=limit,
        )


def looks_like_html(text: str, name: str = "") -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in text[:2000].lower()


def read_bytes(path: Path) -> bytes:
    try:
        check_size(path.stat().st_size, str(path))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a document") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def sidecar_meta(path: Path) -> dict[str, Any]:
    """``report.json`` beside ``report.txt``: its title, published and source, when present."""
    side = path.with_suffix(".json")
    if side == path or not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("Ignoring unreadable metadata file %s", side)
        return {}
    return {
        k: data[k] for k in ("title", "published", "source") if isinstance(data, dict) and k in data
    }


def read_document(path: Path) -> Document:
    text = decode_bytes(read_bytes(path), str(path))
    meta = sidecar_meta(path)
    return Document(
        id=path.name,
        content=text,
        is_html=looks_like_html(text, path.name),
        published=meta.get("published"),
        title=meta.get("title"),
        source=meta.get("source") or str(path),
    )


def read_stdin(data: bytes) -> Document:
    check_size(len(data), "Standard input")
    text = decode_bytes(data, "standard input")
    return Document("-", text, looks_like_html(text), source="-")


def iter_folder(folder: Path) -> Iterator[Document | InputError]:
    """Every document of a folder (sorted by name); an unreadable one yields its error."""
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() in DOC_SUFFIXES:
            try:
                yield read_document(path)
            except InputError as exc:
                yield InputError(exc.message, id=path.name)


def iter_jsonl(path: Path) -> Iterator[Document | InputError]:
    """Documents of a JSON-lines file.

    Each line: ``{"id", "text" or "html", "published", "title", "source"}``.
    """
    text = decode_bytes(read_bytes(path), str(path))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield parse_line(line, number, path)
        except InputError as exc:
            yield exc


def parse_line(line: str, number: int, path: Path) -> Document:
    where = f"{path} line {number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg})", id=str(number)) from None
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a JSON object", id=str(number))
    doc_id = str(row.get("id") or number)
    content = row.get("html") if row.get("html") is not None else row.get("text")
    if not isinstance(content, str):
        raise InputError(f"{where}: needs a 'text' or 'html' string", id=doc_id)
    return Document(
        doc_id,
        content,
        row.get("html") is not None,
        row.get("published"),
        row.get("title"),
        row.get("source"),
    )
