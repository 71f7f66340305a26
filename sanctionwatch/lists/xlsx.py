"""Safe reading of xlsx list files: zip-bomb guard, streamed rows, cells as text.

An xlsx file is a zip of XML parts. Before openpyxl sees it, the zip directory is checked: a
file whose parts declare more than :data:`MAX_XLSX_BYTES` once unpacked is refused (the real
OFSI list unpacks to about 20 MB). openpyxl then reads the sheet in ``read_only`` mode, as a
stream, and uses defusedxml for its XML parts. Every error of the zip or the workbook becomes a
:class:`ParseError` naming the file.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl

from sanctionwatch.exc import ParseError

log = logging.getLogger(__name__)

#: Largest total uncompressed size of the parts of an xlsx file accepted.
MAX_XLSX_BYTES = 200 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"

Row = tuple[str | None, ...]


def check_zip(path: Path, limit: int | None = None) -> None:
    """Refuse a file that is not a zip, or whose parts would unpack to more than ``limit``."""
    limit = MAX_XLSX_BYTES if limit is None else limit
    try:
        with zipfile.ZipFile(path) as archive:
            declared = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ParseError(
            f"not a readable xlsx (zip) file: {exc}", path=str(path), expected="an xlsx workbook"
        ) from exc
    if declared > limit:
        raise ParseError(
            f"xlsx parts declare {declared} bytes once unpacked, more than the {limit} bytes "
            "accepted; refused as a possible zip bomb",
            path=str(path),
            expected="an xlsx list file of a normal size",
        )


def cell_text(value: Any) -> str | None:
    """A cell as stripped text; dates as ISO, whole numbers without ``.0``; blank -> None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def iter_rows(path: Path) -> Iterator[Row]:
    """The rows of the first sheet of a workbook, as text, after the zip checks."""
    check_zip(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    # openpyxl raises many kinds of errors (KeyError, ValueError, XML errors) for a
    # damaged workbook; at this boundary every one of them means "unreadable file".
    except Exception as exc:
        raise ParseError(
            f"cannot open workbook: {exc}", path=str(path), expected="an xlsx workbook"
        ) from exc
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield tuple(cell_text(v) for v in row)
    except ParseError:
        raise
    # The sheet XML is parsed lazily while rows are read; same reasoning as above.
    except Exception as exc:
        raise ParseError(
            f"cannot read worksheet: {exc}", path=str(path), expected="an xlsx workbook"
        ) from exc
    finally:
        book.close()
