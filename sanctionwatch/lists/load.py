"""Load official list files into the store: detect, parse, check counts, write atomically.

A load parses the whole file first, checks the number of entries against the range in the
list's YAML, and only then writes the version in one transaction. A malformed file, a file of
the wrong list or a count out of range is refused with a clear error and the store is left
exactly as it was.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sanctionwatch.exc import CountError, FormatError, InputError
from sanctionwatch.lists.base import Context, ListFormat
from sanctionwatch.lists.registry import detect_format, get_format
from sanctionwatch.store.base import NewVersion, Store, Version

log = logging.getLogger(__name__)

#: Versions kept per dataset (the newest one is screened; the others serve ``lists diff``).
KEEP_VERSIONS = 3

Progress = Callable[[int], None]


@dataclass(slots=True)
class LoadResult:
    """What one file load did."""

    path: Path
    format: str
    version: Version
    skipped: bool = False  # the same file (same checksum) was already loaded

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "format": self.format,
            "skipped": self.skipped,
            **self.version.to_status(),
        }


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_file(
    path: Path, fmt: ListFormat, dataset: str | None = None, progress: Progress | None = None
) -> Context:
    """Parse a file into a Context and check its entry count against the list's range."""
    ctx = Context(
        path=path, source=fmt.source, dataset=dataset or fmt.source.dataset, progress=progress
    )
    fmt.parse(ctx)
    check_count(ctx)
    return ctx


def check_count(ctx: Context) -> None:
    rng = ctx.source.assertions
    if not rng.min_entries <= ctx.entries <= rng.max_entries:
        raise CountError(
            f"{ctx.path}: parsed {ctx.entries} {ctx.source.entry_label} entries, expected "
            f"between {rng.min_entries} and {rng.max_entries} for {ctx.source.title}; "
            "the file may be of another list, incomplete, or of a changed format",
            path=str(ctx.path),
            entries=ctx.entries,
            min=rng.min_entries,
            max=rng.max_entries,
        )


def resolve_format(path: Path, format: str | None) -> ListFormat:
    fmt = get_format(format) if format else detect_format(path)
    if fmt.companion:
        raise FormatError(
            f"{path} is read together with its main file ({fmt.source.title}); load that "
            "file or the folder instead",
            path=str(path),
        )
    return fmt


def load_file(
    path: Path,
    store: Store,
    dataset: str | None = None,
    format: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
    source: str | None = None,
) -> LoadResult:
    """Load one list file as a new version of its dataset (or skip it if already loaded)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file", path=str(path))
    fmt = resolve_format(path, format)
    ds = dataset or fmt.source.dataset
    checksum = sha256_file(path)
    existing = store.find_version(ds, checksum)
    if existing is not None and not force:
        log.info("%s already loaded as version %s of %s", path, existing.id, ds)
        return LoadResult(path, fmt.name, existing, skipped=True)
    ctx = parse_file(path, fmt, ds, progress)
    new = NewVersion(
        dataset=ds,
        published=ctx.published,
        source=source or str(path.resolve()),
        sha256=checksum,
        format=fmt.name,
        entries=ctx.entries,
        entities=list(ctx.entities.values()),
        issues=ctx.issues,
    )
    version = store.add_version(new)
    store.prune(ds, KEEP_VERSIONS)
    log.info("loaded %s: %s entries of %s (%d issues)", path, ctx.entries, ds, len(ctx.issues))
    return LoadResult(path, fmt.name, version)


def find_list_files(folder: Path) -> Iterator[tuple[Path, ListFormat | None]]:
    """Every file under a folder with its detected format (None: not a list file)."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.startswith("."):
            continue
        try:
            yield path, detect_format(path)
        except InputError:
            yield path, None


def plan_folder(folder: Path) -> tuple[list[tuple[Path, ListFormat]], list[Path]]:
    """The list files of a folder to load (companions left out) and the files skipped."""
    todo: list[tuple[Path, ListFormat]] = []
    skipped: list[Path] = []
    for path, fmt in find_list_files(folder):
        if fmt is None:
            skipped.append(path)
        elif not fmt.companion:
            todo.append((path, fmt))
    return todo, skipped
