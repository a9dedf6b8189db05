"""The result cache: page results on disk, keyed by the page's content and the library's version.

After pages are added to a processed folder, a re-run processes only the new ones;
a new covidlib version (or changed reference data) starts a new cache folder.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
from functools import lru_cache
from pathlib import Path

from .. import config
from ..config import __version__
from ..io.load import LoadedPage, LoadRecord
from .results import PageResult

__all__ = ["ResultCache", "library_version"]


@lru_cache(maxsize=1)
def library_version() -> str:
    """Return covidlib's version plus a hash of its code and reference data (the cache key's version)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
    sources = sorted(package.rglob("*.py")) + sorted(p for p in config.REFERENCE_DIR.glob("*") if p.is_file())
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:12]}"


class ResultCache:
    """Page results on disk, keyed by content hash and library version.

    A page is looked up by the hash of its load-report row (file name, record number,
    article id, status...), text and hints under the current :func:`library_version`;
    a changed library version means a new folder, so old results are never reused.
    """

    def __init__(self, folder: str | Path, *, version: str | None = None) -> None:
        self.root = Path(folder)
        self.version = version or library_version()
        self.folder = self.root / self.version
        self.folder.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(record: LoadRecord, page: LoadedPage | None) -> str:
        digest = hashlib.sha256()
        # the whole report row: its article id and duplicate_of depend on the other inputs of the run
        digest.update(json.dumps(dataclasses.astuple(record), default=str).encode())
        if page is not None:
            digest.update(page.text.encode())
            digest.update(json.dumps(page.meta, sort_keys=True, default=str).encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> PageResult | None:
        path = self._path(key)
        if not path.exists():
            self.misses += 1
            return None
        self.hits += 1
        with path.open("rb") as handle:
            return pickle.load(handle)

    def put(self, key: str, result: PageResult) -> None:
        path = self._path(key)
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
