"""The on-disk index cache and the per-process matcher.

The index of the newest version of every dataset is pickled under ``settings.home/match/``,
named by a signature of the loaded versions (dataset, version id, file hash), the index format
and the name tables. Loading a list changes the signature, so the next ``get_matcher`` builds a
new index and removes the old file; otherwise it loads the file in a fraction of the build time.
Writes go to a temporary file first, so an interrupted build leaves no half-written index.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from sanctionwatch.match.index import INDEX_FORMAT, ScreeningIndex
from sanctionwatch.match.matcher import Matcher
from sanctionwatch.model.entity import Entity
from sanctionwatch.settings import get_settings
from sanctionwatch.store.base import Store, Version
from sanctionwatch.text.korean import KOREAN_PATH
from sanctionwatch.text.tables import TABLES_PATH

log = logging.getLogger(__name__)

_MATCHERS: dict[int, Matcher] = {}


#: What an index is built by: the name tables and the code that parses and files names. An
#: edit to any of them changes the signature, so an index is never loaded by other code.
_TEXT_DIR = Path(__file__).resolve().parent.parent / "text"
_BUILDERS = tuple(
    Path(__file__).resolve().parent / name for name in ("index.py", "candidates.py", "records.py")
)


@lru_cache(maxsize=1)
def builder_digest() -> str:
    """A hash of the tables and modules an index depends on (read once per process)."""
    files = sorted(_TEXT_DIR.glob("*.py")) + sorted((_TEXT_DIR / "data").glob("*"))
    digest = hashlib.sha256()
    for path in [*files, *_BUILDERS, TABLES_PATH, KOREAN_PATH]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def index_signature(versions: list[Version]) -> str:
    """A hash of what the index is built from and by; changes when any loaded version, the
    index format, a name table or the indexing code changes."""
    loaded = sorted((v.dataset, v.id, v.sha256) for v in versions)
    raw = json.dumps([INDEX_FORMAT, builder_digest(), loaded])
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def cache_dir() -> Path:
    return get_settings().home / "match"


def _iter_latest(store: Store, versions: list[Version]) -> Iterator[Entity]:
    for version in versions:
        yield from store.iter_entities(version.id)


def save_index(index: ScreeningIndex, path: Path) -> None:
    """Pickle an index atomically (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as fh:
            # The format travels with the data: a file written by other code is refused.
            pickle.dump((INDEX_FORMAT, index), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_index(path: Path) -> ScreeningIndex | None:
    """An index from disk, or ``None`` when missing or unreadable (then it is rebuilt)."""
    try:
        with path.open("rb") as fh:
            loaded = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - any unreadable cache is rebuilt, never fatal
        log.warning("Screening index %s unreadable (%s); rebuilding", path, exc)
        return None
    if (
        not isinstance(loaded, tuple)
        or len(loaded) != 2
        or loaded[0] != INDEX_FORMAT
        or not isinstance(loaded[1], ScreeningIndex)
    ):
        log.warning("Screening index %s has another format; rebuilding", path)
        return None
    return loaded[1]


def load_or_build(store: Store, versions: list[Version], signature: str) -> ScreeningIndex:
    path = cache_dir() / f"index-{signature}.pkl"
    index = load_index(path)
    if index is not None:
        log.info("Loaded screening index %s (%d entities)", path, len(index))
        return index
    started = time.perf_counter()
    index = ScreeningIndex.build(_iter_latest(store, versions))
    log.info(
        "Built screening index of %d entities in %.1fs", len(index), time.perf_counter() - started
    )
    try:
        save_index(index, path)
        for old in path.parent.glob("index-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("Cannot cache the screening index at %s: %s", path, exc)
    return index


def get_matcher(store: Store, algorithm: str | None = None) -> Matcher:
    """The matcher over the newest version of every dataset in ``store`` (cached per process)."""
    versions = store.latest_versions()
    signature = index_signature(versions)
    cached = _MATCHERS.get(id(store))
    if (
        cached is not None
        and cached.signature == signature
        and (algorithm is None or cached.algorithm.NAME == algorithm)
    ):
        return cached
    index = load_or_build(store, versions, signature) if versions else ScreeningIndex([])
    matcher = Matcher(index, algorithm, signature)
    _MATCHERS[id(store)] = matcher
    return matcher
